// SPDX-License-Identifier: MIT
// Note functions on the selection (or the whole track when nothing is selected), each one
// undoable step; tracks added and removed.
#include "app/MainWindow.h"
#include "widgets/PianoRollView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QMessageBox>
#include <QSpinBox>
#include <QStatusBar>

namespace pianola::app {

namespace {
/// A small form dialog: add rows, then exec().
class FormDialog : public QDialog
{
public:
    FormDialog(QWidget* parent, const QString& title)
        : QDialog(parent), m_form(new QFormLayout(this))
    {
        setWindowTitle(title);
    }
    QSpinBox* spin(const QString& label, int min, int max, int value, const QString& suffix = {})
    {
        auto* box = new QSpinBox(this);
        box->setRange(min, max);
        box->setValue(value);
        box->setSuffix(suffix);
        m_form->addRow(label, box);
        return box;
    }
    bool run()
    {
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        m_form->addRow(buttons);
        return exec() == QDialog::Accepted;
    }
    QFormLayout* form() const { return m_form; }

private:
    QFormLayout* m_form;
};
} // namespace

void MainWindow::applyToSelection(const std::vector<model::Note>& before,
                                  const std::vector<model::Note>& after, const QString& text)
{
    if (before.empty() || before == after) return;
    m_document->submit(model::NotesEdit{m_state->context().take(),
                                        m_state->context().currentTrackId(), before, after},
                       text);
}

void MainWindow::quantizeNow()
{
    const auto notes = m_state->context().selectedOrAllNotes();
    applyToSelection(notes, model::quantized(notes, {m_state->snapTicks(), 1.0, 0.5, false}),
                     tr("Quantize"));
}

void MainWindow::quantizeDialog()
{
    FormDialog dialog(this, tr("Quantize"));
    auto* grid = new QComboBox(&dialog);
    for (const widgets::Snap& snap : widgets::Snap::all())
        if (snap.division > 0)
            grid->addItem(snap.label(), QVariant::fromValue(static_cast<qlonglong>(
                                            snap.ticks(m_state->context().ppq()))));
    grid->setCurrentText(m_state->view().snap().label());
    dialog.form()->addRow(tr("Grid"), grid);
    QSpinBox* strength = dialog.spin(tr("Strength"), 0, 100, 100, QStringLiteral(" %"));
    QSpinBox* swing = dialog.spin(tr("Swing"), 50, 75, 50, QStringLiteral(" %"));
    auto* ends = new QCheckBox(tr("Quantize note ends too"), &dialog);
    dialog.form()->addRow(ends);
    if (!dialog.run()) return;
    const auto notes = m_state->context().selectedOrAllNotes();
    applyToSelection(
        notes,
        model::quantized(notes, {grid->currentData().toLongLong(), strength->value() / 100.0,
                                 swing->value() / 100.0, ends->isChecked()}),
        tr("Quantize"));
}

void MainWindow::humanizeDialog()
{
    FormDialog dialog(this, tr("Humanize"));
    QSpinBox* timing = dialog.spin(tr("Timing"), 0, m_state->context().ppq() / 2,
                                   m_state->context().ppq() / 48, tr(" ticks"));
    QSpinBox* velocity = dialog.spin(tr("Velocity"), 0, 64, 8);
    QSpinBox* seed = dialog.spin(tr("Seed"), 1, 1000000, static_cast<int>(m_humanizeSeed));
    if (!dialog.run()) return;
    m_humanizeSeed = static_cast<std::uint64_t>(seed->value()) + 1; // a fresh variation next time
    const auto notes = m_state->context().selectedOrAllNotes();
    applyToSelection(notes,
                     model::humanized(notes, {timing->value(), velocity->value(),
                                              static_cast<std::uint64_t>(seed->value())}),
                     tr("Humanize"));
}

void MainWindow::transposeDialog()
{
    FormDialog dialog(this, tr("Transpose"));
    QSpinBox* semitones = dialog.spin(tr("Semitones"), -48, 48, 0);
    QSpinBox* degrees = dialog.spin(tr("Scale steps"), -21, 21, 0);
    degrees->setEnabled(m_state->context().scaleShown());
    degrees->setToolTip(tr("Moves each note along the scale chosen in the toolbar"));
    if (!dialog.run()) return;
    const auto notes = m_state->context().selectedOrAllNotes();
    auto result = degrees->value() != 0 ? model::transposedInScale(notes, degrees->value(),
                                                                   m_state->context().scale())
                                        : model::transposed(notes, semitones->value());
    if (!result) {
        QMessageBox::information(
            this, tr("Transpose"),
            tr("Some notes would leave the MIDI range (0-127); nothing was changed."));
        return;
    }
    applyToSelection(notes, *result, tr("Transpose"));
}

void MainWindow::velocityDialog()
{
    FormDialog dialog(this, tr("Velocity"));
    auto* mode = new QComboBox(&dialog);
    mode->addItems({tr("Set"), tr("Scale"), tr("Ramp")});
    dialog.form()->addRow(tr("Change"), mode);
    QSpinBox* value = dialog.spin(tr("Velocity / start"), 1, 127, 100);
    QSpinBox* end = dialog.spin(tr("Ramp end"), 1, 127, 60);
    QSpinBox* percent = dialog.spin(tr("Scale by"), 10, 300, 110, QStringLiteral(" %"));
    if (!dialog.run()) return;
    const auto notes = m_state->context().selectedOrAllNotes();
    std::vector<model::Note> after;
    switch (mode->currentIndex()) {
    case 0:
        after = model::withVelocity(notes, value->value());
        break;
    case 1:
        after = model::velocityScaled(notes, percent->value() / 100.0);
        break;
    default:
        after = model::velocityRamp(notes, value->value(), end->value());
        break;
    }
    applyToSelection(notes, after, tr("Change velocity"));
}

void MainWindow::legatoRequested()
{
    const auto notes = m_state->context().selectedOrAllNotes();
    applyToSelection(notes, model::legato(notes), tr("Legato"));
}

void MainWindow::loopSelection()
{
    const auto notes = m_state->context().selectedNotes();
    if (notes.empty()) {
        statusBar()->showMessage(tr("Select the notes to loop first"));
        return;
    }
    model::Tick from = notes.front().startTick, to = 0;
    for (const model::Note& n : notes)
        from = std::min(from, n.startTick), to = std::max(to, n.endTick());
    const model::Tick grid = std::max<model::Tick>(1, m_state->snapTicks());
    m_state->view().setLoop(true, m_state->snappedDown(from), (to + grid - 1) / grid * grid);
}

void MainWindow::snapToScaleRequested()
{
    if (!m_state->context().scaleShown()) {
        statusBar()->showMessage(tr("Choose a scale in the toolbar first"));
        return;
    }
    const auto notes = m_state->context().selectedOrAllNotes();
    applyToSelection(notes, model::snappedToScale(notes, m_state->context().scale()),
                     tr("Snap to scale"));
}

void MainWindow::addTrackRequested()
{
    const model::Take* take = m_document->activeTake();
    if (!take) return;
    // The lowest free channel other than drums.
    std::vector<bool> used(16, false);
    for (const model::Track& t : take->plan.tracks)
        used[static_cast<std::size_t>(t.channel)] = true;
    int channel = 0;
    while (channel < 15 &&
           (used[static_cast<std::size_t>(channel)] || channel == model::gm::kDrumChannel))
        ++channel;
    model::Track track;
    track.channel = channel;
    track.name = tr("Track %1").arg(take->plan.tracks.size() + 1).toStdString();
    track.id = take->plan.nextTrackId();
    const int index = static_cast<int>(take->plan.tracks.size());
    if (m_document->submit(model::TrackListEdit{take->id, index, true, track}, tr("Add track")))
        m_state->context().setCurrentTrack(index);
}

void MainWindow::removeTrackRequested(int index)
{
    const model::Take* take = m_document->activeTake();
    if (!take || index < 0 || index >= static_cast<int>(take->plan.tracks.size())) return;
    const model::Track track = take->plan.tracks[static_cast<std::size_t>(index)];
    m_document->submit(model::TrackListEdit{take->id, index, false, track},
                       tr("Remove track %1").arg(QString::fromStdString(track.name)));
}

} // namespace pianola::app
