// SPDX-License-Identifier: MIT
// The track list.
#include "widgets/TrackList.h"

#include "model/GeneralMidi.h"
#include "widgets/InstrumentBox.h"
#include "widgets/Padlock.h"

#include <algorithm>
#include <QColorDialog>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace pianola::widgets {

TrackList::TrackList(EditContext& context, Selection& selection, QWidget* parent)
    : QWidget(parent), m_context(context), m_selection(selection), m_table(new QTableWidget(this))
{
    setObjectName("trackList");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels(
        {QString(), tr("Name"), tr("Ch"), tr("Instrument"), tr("M"), tr("S"), QString()});
    m_table->horizontalHeaderItem(MuteColumn)->setToolTip(tr("Mute"));
    m_table->horizontalHeaderItem(SoloColumn)->setToolTip(tr("Solo"));
    m_table->horizontalHeaderItem(LockColumn)->setIcon(padlockIcon(true));
    m_table->horizontalHeaderItem(LockColumn)
        ->setToolTip(tr("Lock: no regeneration or variation changes the track"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // The instrument takes the room ("Electric Bass (finger)" unclipped); a name is short or
    // elided.
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(NameColumn, 64);
    m_table->horizontalHeader()->setSectionResizeMode(ProgramColumn, QHeaderView::Stretch);
    for (int c : {ColourColumn, ChannelColumn, MuteColumn, SoloColumn, LockColumn})
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    // 360 px fit "Electric Bass (finger)"; the longest General MIDI name gets its room too.
    const QFontMetrics metrics(m_table->font());
    int longest = 0;
    for (int program = 0; program < 128; ++program)
        longest = std::max(longest, metrics.horizontalAdvance(
                                        QString::fromStdString(model::gm::programName(program))));
    m_table->setMinimumWidth(360 + std::max(0, longest - metrics.horizontalAdvance(QStringLiteral(
                                                             "Electric Bass (finger)"))));
    layout->addWidget(m_table);
    auto* buttons = new QHBoxLayout;
    auto* add = new QToolButton(this);
    add->setText(tr("Add track"));
    add->setObjectName("addTrack");
    auto* remove = new QToolButton(this);
    remove->setText(tr("Remove track"));
    remove->setObjectName("removeTrack");
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(add, &QToolButton::clicked, this, &TrackList::addTrackRequested);
    connect(remove, &QToolButton::clicked, this, [this] {
        if (m_context.currentTrack() >= 0) emit removeTrackRequested(m_context.currentTrack());
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (!m_rebuilding && row >= 0) m_context.setCurrentTrack(row);
    });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row) { // the user's choice only
        if (const model::Plan* plan = m_context.plan();
            plan && row >= 0 && row < static_cast<int>(plan->tracks.size()))
            m_selection.setScopeTrack(plan->tracks[static_cast<std::size_t>(row)].id);
    });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const int row = m_table->rowAt(pos.y());
        if (QMenu* menu = row >= 0 ? contextMenu(row) : nullptr) {
            menu->exec(m_table->viewport()->mapToGlobal(pos));
            delete menu;
        }
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_rebuilding || item->column() != NameColumn) return;
        const std::string name = item->text().toStdString();
        changeTrack(
            item->row(), [&](model::TrackSettings& s) { s.name = name; }, tr("Rename track"));
    });
    connect(&m_context, &EditContext::planChanged, this, &TrackList::rebuild);
    connect(&m_context, &EditContext::currentTrackChanged, this, [this](int index) {
        if (!m_rebuilding && index != m_table->currentRow()) m_table->selectRow(index);
    });
    rebuild();
}

void TrackList::changeTrack(int index, const std::function<void(model::TrackSettings&)>& change,
                            const QString& text)
{
    const model::Plan* plan = m_context.plan();
    if (!plan || index < 0 || index >= static_cast<int>(plan->tracks.size())) return;
    const model::TrackSettings before =
        model::settingsOf(plan->tracks[static_cast<std::size_t>(index)]);
    model::TrackSettings after = before;
    change(after);
    if (after != before)
        m_context.submit(model::TrackSettingsEdit{m_context.take(),
                                                  plan->tracks[static_cast<std::size_t>(index)].id,
                                                  before, after},
                         text);
}

QMenu* TrackList::contextMenu(int index)
{
    const model::Plan* plan = m_context.plan();
    if (!plan || index < 0 || index >= static_cast<int>(plan->tracks.size())) return nullptr;
    const model::Track& track = plan->tracks[static_cast<std::size_t>(index)];
    const QString name = QString::fromStdString(track.name);
    auto* menu = new QMenu(this);
    const model::TrackId id = track.id;
    QAction* regenerate = menu->addAction(tr("Regenerate %1").arg(name), this, [this, id] {
        emit m_context.regenerateRequested(id, m_selection.scopeFromBar(),
                                           m_selection.scopeToBar());
    });
    regenerate->setObjectName("regenerateTrack");
    regenerate->setEnabled(!track.locked && !track.notes.empty());
    const bool locked = track.locked;
    QAction* lock = menu->addAction(
        padlockIcon(!locked), locked ? tr("Unlock %1").arg(name) : tr("Lock %1").arg(name), this,
        [this, index, locked] {
            changeTrack(
                index, [&](model::TrackSettings& s) { s.locked = !locked; },
                locked ? tr("Unlock track") : tr("Lock track"));
        });
    lock->setObjectName("lockTrack");
    return menu;
}

void TrackList::rebuild()
{
    m_rebuilding = true;
    const model::Plan* plan = m_context.plan();
    const int rows = plan ? static_cast<int>(plan->tracks.size()) : 0;
    m_table->setRowCount(rows);
    for (int row = 0; row < rows; ++row)
        fillRow(row, plan->tracks[static_cast<std::size_t>(row)]);
    if (m_context.currentTrack() >= 0) m_table->selectRow(m_context.currentTrack());
    m_rebuilding = false;
}

void TrackList::fillRow(int row, const model::Track& track)
{
    auto* colour = new QToolButton;
    colour->setAutoRaise(true);
    colour->setToolTip(tr("Track colour"));
    colour->setStyleSheet(QStringLiteral("background: %1; border: none; min-width: 14px;")
                              .arg(m_context.trackColour(row).name()));
    connect(colour, &QToolButton::clicked, this, [this, row] {
        const QColor chosen =
            QColorDialog::getColor(m_context.trackColour(row), this, tr("Track colour"));
        if (chosen.isValid())
            changeTrack(
                row,
                [&](model::TrackSettings& s) {
                    s.colour = static_cast<int>(chosen.rgb() & 0xFFFFFF);
                },
                tr("Change track colour"));
    });
    m_table->setCellWidget(row, ColourColumn, colour);
    auto* name = new QTableWidgetItem(QString::fromStdString(track.name));
    m_table->setItem(row, NameColumn, name);
    auto* channel = new QSpinBox;
    channel->setRange(1, 16);
    channel->setValue(track.channel + 1);
    channel->setFrame(false);
    channel->setButtonSymbols(QAbstractSpinBox::NoButtons);
    channel->setToolTip(tr("MIDI channel (10 = drums)"));
    connect(channel, &QSpinBox::valueChanged, this, [this, row](int value) {
        changeTrack(
            row, [&](model::TrackSettings& s) { s.channel = value - 1; }, tr("Change channel"));
    });
    m_table->setCellWidget(row, ChannelColumn, channel);
    m_table->setCellWidget(row, ProgramColumn, programEditor(row, track));
    for (int column : {MuteColumn, SoloColumn}) {
        auto* button = new QToolButton;
        const bool mute = column == MuteColumn;
        button->setText(mute ? tr("M") : tr("S"));
        button->setCheckable(true);
        button->setChecked(mute ? track.muted : track.soloed);
        button->setToolTip(mute ? tr("Mute") : tr("Solo"));
        button->setObjectName(mute ? "mute" : "solo");
        connect(button, &QToolButton::toggled, this, [this, row, mute](bool on) {
            changeTrack(
                row, [&](model::TrackSettings& s) { (mute ? s.muted : s.soloed) = on; },
                mute ? tr("Mute track") : tr("Solo track"));
        });
        m_table->setCellWidget(row, column, button);
    }
    auto* lock = new QToolButton;
    lock->setAutoRaise(true);
    lock->setCheckable(true);
    lock->setChecked(track.locked);
    lock->setIcon(padlockIcon(track.locked));
    lock->setObjectName("lock");
    lock->setToolTip(
        track.locked
            ? tr("Locked: no regeneration or variation changes this track (click to unlock)")
            : tr("Lock this track: no regeneration or variation will change it"));
    connect(lock, &QToolButton::toggled, this, [this, row](bool on) {
        changeTrack(
            row, [&](model::TrackSettings& s) { s.locked = on; },
            on ? tr("Lock track") : tr("Unlock track"));
    });
    m_table->setCellWidget(row, LockColumn, lock);
}

QWidget* TrackList::programEditor(int row, const model::Track& track)
{
    auto* box = new InstrumentBox(track.channel == model::gm::kDrumChannel, track.program);
    connect(box, &InstrumentBox::programChosen, this, [this, row](int program) {
        changeTrack(
            row, [&](model::TrackSettings& s) { s.program = program; }, tr("Change instrument"));
    });
    return box;
}

} // namespace pianola::widgets
