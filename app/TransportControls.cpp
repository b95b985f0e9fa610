// SPDX-License-Identifier: MIT
// Tempo, meter and key in the transport bar.
#include "app/TransportControls.h"

#include "app/Document.h"
#include "app/PlaybackController.h"
#include "app/Session.h"
#include "model/Analysis.h"
#include "model/NoteOps.h"
#include "model/TimingEdits.h"
#include "widgets/EditContext.h"
#include "widgets/ValueDrag.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QSettings>
#include <QSignalBlocker>
#include <QToolBar>
#include <QToolButton>

namespace pianola::app {

namespace {
constexpr std::pair<int, int> kMeters[] = {{2, 4}, {3, 4}, {4, 4}, {5, 4},
                                           {6, 8}, {7, 8}, {9, 8}, {12, 8}};
}

TransportControls::TransportControls(Session* session, widgets::EditContext* context, QToolBar* bar)
    : QObject(bar), m_session(session), m_context(context)
{
    bar->addSeparator();
    createMetronome(bar);
    createCountIn(bar);
    createTempo(bar);
    createMeter(bar);
    createKey(bar);
    connect(m_session, &Session::planChanged, this, &TransportControls::refresh);
    refresh();
}

void TransportControls::createMetronome(QToolBar* bar)
{
    QAction* click = bar->addAction(tr("Click"));
    click->setObjectName("metronome");
    click->setCheckable(true);
    click->setShortcut(QKeySequence(tr("K")));
    click->setToolTip(
        tr("Metronome: a click on every beat while playing and recording (K); never exported"));
    connect(click, &QAction::toggled, this, [this](bool on) {
        m_session->playback()->setMetronome(on);
        QSettings().setValue("transport/metronome", on);
    });
    click->setChecked(QSettings().value("transport/metronome", false).toBool());
}

// The record button's menu: no count-in, one or two bars of clicks before recording starts.
void TransportControls::createCountIn(QToolBar* bar)
{
    QAction* record = bar->findChild<QAction*>("record");
    auto* button = record ? qobject_cast<QToolButton*>(bar->widgetForAction(record)) : nullptr;
    if (!button) return;
    auto* menu = new QMenu(button);
    menu->setObjectName("countIn");
    auto* group = new QActionGroup(menu);
    PlaybackController* playback = m_session->playback();
    for (int bars = 0; bars <= 2; ++bars) {
        QAction* a = menu->addAction(bars == 0 ? tr("No count-in")
                                               : tr("Count-in: %n bar(s)", nullptr, bars));
        a->setCheckable(true);
        a->setChecked(playback->countInBars() == bars);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [playback, bars] {
            playback->setCountInBars(bars);
            QSettings().setValue("transport/countInBars", bars);
        });
    }
    button->setMenu(menu);
    button->setPopupMode(QToolButton::MenuButtonPopup);
}

void TransportControls::createTempo(QToolBar* bar)
{
    m_tempo = new QDoubleSpinBox(bar);
    m_tempo->setObjectName("tempo");
    m_tempo->setRange(model::Limits::kMinBpm, model::Limits::kMaxBpm);
    m_tempo->setDecimals(1);
    m_tempo->setSuffix(tr(" bpm"));
    m_tempo->setKeyboardTracking(false); // typing commits on Enter; arrows and the wheel step
    m_tempo->setAccelerated(true);
    m_tempo->setToolTip(tr("Tempo of the take (type, drag up or down, scroll or hold the arrows); "
                           "notes keep their place in bars"));
    new widgets::ValueDrag(m_tempo, 0.25); // 4 px per bpm, Shift: 0.1 bpm per 4 px
    connect(m_tempo, &QDoubleSpinBox::valueChanged, this, &TransportControls::tempoChosen);
    bar->addWidget(m_tempo);
}

void TransportControls::createMeter(QToolBar* bar)
{
    m_meter = new QComboBox(bar);
    m_meter->setObjectName("meter");
    m_meter->setToolTip(tr("Meter of the take"));
    for (const auto& [n, d] : kMeters)
        m_meter->addItem(QStringLiteral("%1/%2").arg(n).arg(d), QPoint(n, d));
    connect(m_meter, &QComboBox::activated, this, &TransportControls::meterChosen);
    bar->addWidget(m_meter);
}

void TransportControls::createKey(QToolBar* bar)
{
    m_keyBox = new QComboBox(bar);
    m_keyBox->setObjectName("scaleKey");
    m_keyBox->setToolTip(tr("Key: the take's, highlighted in the piano roll"));
    m_keyBox->addItem(tr("No key"), -1);
    for (int pc = 0; pc < 12; ++pc)
        m_keyBox->addItem(QString::fromLatin1(model::analysis::keyTonicName(pc, false)), pc);
    m_scaleBox = new QComboBox(bar);
    m_scaleBox->setObjectName("scaleMode");
    for (model::Scale::Mode mode : model::Scale::allModes())
        m_scaleBox->addItem(QCoreApplication::translate("pianola::app::MainWindow",
                                                        model::Scale::modeName(mode).c_str()),
                            static_cast<int>(mode));
    connect(m_keyBox, &QComboBox::currentIndexChanged, this, &TransportControls::scaleChosen);
    connect(m_scaleBox, &QComboBox::currentIndexChanged, this, &TransportControls::scaleChosen);
    bar->addWidget(m_keyBox);
    bar->addWidget(m_scaleBox);
}

void TransportControls::refresh()
{
    const model::Plan& plan = m_session->plan();
    {
        const QSignalBlocker block(m_tempo);
        m_tempo->setValue(plan.initialBpm());
    }
    const model::TimeSignature meter =
        plan.timeSignatures.empty() ? model::TimeSignature{} : plan.timeSignatures.front();
    const int index = m_meter->findData(QPoint(meter.numerator, meter.denominator));
    if (index < 0)
        m_meter->addItem(QStringLiteral("%1/%2").arg(meter.numerator).arg(meter.denominator),
                         QPoint(meter.numerator, meter.denominator));
    m_meter->setCurrentIndex(m_meter->findData(QPoint(meter.numerator, meter.denominator)));
    // The key chooser follows the take's key when the take or its key changes; in between it
    // is the user's choice.
    const model::KeySignature* key =
        plan.keySignatures.empty() ? nullptr : &plan.keySignatures.front();
    const QString shownFor = QStringLiteral("%1:%2:%3")
                                 .arg(m_context->take())
                                 .arg(key ? key->sharps : 99)
                                 .arg(key && key->minor);
    if (shownFor == m_keyShownFor) return;
    m_keyShownFor = shownFor;
    if (key) showKey(model::keySignatureTonicPc(*key), key->minor);
}

void TransportControls::setAnalysisKey(int tonic, bool minor)
{
    if (m_session->plan().keySignatures.empty()) showKey(tonic, minor);
}

void TransportControls::showKey(int tonic, bool minor)
{
    const QSignalBlocker block(m_keyBox);
    const QSignalBlocker blockMode(m_scaleBox);
    m_keyBox->setCurrentIndex(m_keyBox->findData(tonic));
    m_scaleBox->setCurrentIndex(m_scaleBox->findData(
        static_cast<int>(minor ? model::Scale::Mode::Minor : model::Scale::Mode::Major)));
    scaleChosen();
}

void TransportControls::scaleChosen()
{
    const int tonic = m_keyBox->currentData().toInt();
    const auto mode = static_cast<model::Scale::Mode>(m_scaleBox->currentData().toInt());
    // The keys as the mode names them: G# minor, Ab major (a minor third: the minor spelling).
    const bool minor = model::Scale{0, mode}.contains(3) && !model::Scale{0, mode}.contains(4);
    for (int pc = 0; pc < 12; ++pc)
        m_keyBox->setItemText(pc + 1,
                              QString::fromLatin1(model::analysis::keyTonicName(pc, minor)));
    m_context->setScale(tonic >= 0, {std::max(0, tonic), mode});
}

void TransportControls::tempoChosen(double bpm)
{
    const model::Take* take = m_session->document()->activeTake();
    if (!take || std::abs(take->plan.initialBpm() - bpm) < 0.05) return;
    m_session->document()->submit(model::tempoEdit(take->id, take->plan, bpm),
                                  tr("Set tempo to %1 bpm").arg(bpm));
}

void TransportControls::meterChosen()
{
    const model::Take* take = m_session->document()->activeTake();
    const QPoint meter = m_meter->currentData().toPoint();
    if (!take) return;
    const model::TimeSignature now = take->plan.timeSignatures.empty()
                                         ? model::TimeSignature{}
                                         : take->plan.timeSignatures.front();
    if (now.numerator == meter.x() && now.denominator == meter.y()) return;
    m_session->document()->submit(model::meterEdit(take->id, take->plan, meter.x(), meter.y()),
                                  tr("Set meter to %1/%2").arg(meter.x()).arg(meter.y()));
}

} // namespace pianola::app
