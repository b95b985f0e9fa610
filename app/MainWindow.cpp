// SPDX-License-Identifier: MIT
// The main window: its layout, the document shown in the editor views (takes, A/B), and the
// transport's display; the Session plays and wires the document to the views.
#include "app/MainWindow.h"

#include "app/AnalysisController.h"
#include "app/ChatController.h"
#include "app/MidiSession.h"
#include "app/PlaybackController.h"
#include "app/PreferencesDialog.h"
#include "app/TransportControls.h"
#include "model/Analysis.h"
#include "widgets/AnalysisPanel.h"
#include "widgets/ChatDock.h"
#include "widgets/ControllerLanes.h"
#include "widgets/PianoRollView.h"
#include "widgets/TakesPanel.h"
#include "widgets/TrackList.h"

#include <map>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDrag>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSessionManager>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QUrl>
#include <utility>

namespace pianola::app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_state(new widgets::EditorState(this)),
      m_session(new Session(m_state, this)), m_document(m_session->document())
{
    setObjectName("mainWindow");
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName("editorSplit");
    m_roll = new widgets::PianoRollView(m_state, split);
    m_roll->setFrameShape(QFrame::NoFrame);
    m_lanes = new widgets::ControllerLanes(m_state, split);
    split->addWidget(m_roll);
    split->addWidget(m_lanes);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    createDocks();
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createTrackMenu();
    m_chords->addMenu(menuBar());
    createTransport();
    createToolBar();
    createHelpMenu();

    connect(m_document, &Document::reset, this, &MainWindow::documentReset);
    connect(m_document, &Document::takesChanged, this, &MainWindow::refreshTakes);
    connect(m_document, &Document::activeTakeChanged, this, &MainWindow::activeTakeShown);
    connect(m_document, &Document::pathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::saveFinished, this, &MainWindow::saveFinished);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &MainWindow::stopSound);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(&m_state->view(), &widgets::ViewState::loopChanged, this, [this] {
        if (m_loopAction->isChecked() != m_state->view().loopEnabled())
            m_loopAction->setChecked(m_state->view().loopEnabled());
        else
            m_session->setLoop(m_state->view().loopEnabled());
    });
    connect(m_session->playback(), &PlaybackController::playheadPolled, this,
            &MainWindow::updatePlayhead);

    m_analysisUpdate = new QTimer(this);
    m_analysisUpdate->setSingleShot(true);
    m_analysisUpdate->setInterval(400); // analyse once the editing pauses (on a worker thread)
    connect(m_analysisUpdate, &QTimer::timeout, m_analysisController,
            &AnalysisController::analyseActiveTake);
    connect(m_session, &Session::planChanged, m_analysisUpdate, qOverload<>(&QTimer::start));
    QTimer::singleShot(0, this, &MainWindow::startAudio);

    QSettings settings;
    if (!restoreGeometry(settings.value("mainWindow/geometry").toByteArray())) resize(1280, 800);
    restoreState(settings.value("mainWindow/state").toByteArray());
    m_lanes->setLaneKeys(settings.value("editor/lanes").toStringList());
    m_session->showNewProject();
    documentReset();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow()
{
    m_document->disconnect(this); // the document outlives this body
    m_state->disconnect(this);
    delete m_session; // the sound stops (synth, then MIDI ports), then the document goes
}

const model::Plan& MainWindow::plan() const
{
    return m_session->plan();
}

MidiSession* MainWindow::midiSession() const
{
    return m_session->playback()->midi();
}

// ---- the document shown ----

void MainWindow::documentReset()
{
    m_roll->zoomToFit();
    refreshTakes();
    updateTitle();
}

// After the Session showed the other take (and sent it to the player).
void MainWindow::activeTakeShown()
{
    updateCompare();
    // Keep the view for A/B between similar takes; frame a take that the view does not fit.
    const double length = std::max<double>(plan().lengthTicks(), 1);
    const double visible = m_roll->viewport()->width() * m_state->view().ticksPerPixel();
    if (m_state->view().leftTick() >= length || visible > 3 * length || visible < length / 8)
        m_roll->zoomToFit();
}

void MainWindow::refreshTakes()
{
    const model::Project& project = m_document->project();
    if (!project.findTake(m_takeA)) m_takeA = 0;
    if (!project.findTake(m_takeB)) m_takeB = 0;
    m_takes->setProject(project, m_takeA, m_takeB);
    updateCompare();
}

void MainWindow::setAB(model::TakeId a, model::TakeId b)
{
    m_takeA = a;
    m_takeB = b;
    refreshTakes();
}

// B: plays the other take of the pair at once, from the same position (the loop keeps going).
// Without a pair yet, the active take becomes A and the one after it (or before) B.
void MainWindow::toggleAB()
{
    const auto& takes = m_document->project().takes;
    const model::TakeId active = m_document->project().activeTake;
    if (!m_takeA || !m_takeB) {
        auto it = std::find_if(takes.begin(), takes.end(),
                               [active](const model::Take& t) { return t.id == active; });
        if (it == takes.end() || takes.size() < 2) return;
        const auto other = std::next(it) != takes.end() ? std::next(it) : std::prev(it);
        setAB(active, other->id);
    }
    m_document->activateTake(active == m_takeA ? m_takeB : m_takeA);
    const QString now = active == m_takeA ? QStringLiteral("B") : QStringLiteral("A");
    switch (m_session->playback()->heard()) { // "playing" only when something plays
    case PlaybackController::Heard::Playing:
        return statusBar()->showMessage(tr("Playing %1").arg(now));
    case PlaybackController::Heard::Silent:
        return statusBar()->showMessage(
            tr("%1 is in the editor; the transport runs, but nothing sounds").arg(now));
    case PlaybackController::Heard::Stopped:
        return statusBar()->showMessage(tr("%1 is ready — press Space to play").arg(now));
    }
}

// The piano roll overlays the other take of the A/B pair.
void MainWindow::updateCompare()
{
    const model::Project& project = m_document->project();
    const model::TakeId other = project.activeTake == m_takeA   ? m_takeB
                                : project.activeTake == m_takeB ? m_takeA
                                                                : 0;
    const model::Take* take = project.findTake(other);
    m_state->context().setCompareTake(take && m_compareAction->isChecked() ? take->id : 0);
}

void MainWindow::updateTitle()
{
    const QString path = m_document->path();
    QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    if (path.isEmpty() && m_document->activeTake() &&
        m_document->activeTake()->provenance.provider == "import")
        name = QString::fromStdString(m_document->activeTake()->name) + QStringLiteral(".mid");
    setWindowTitle(tr("%1[*] - Pianola").arg(name));
    setWindowModified(m_document->isModified());
}

// ---- sound ----

void MainWindow::startAudio()
{
    const PlaybackController::Start started = m_session->playback()->startSound();
    if (!started.hasSound) { // the first line in the status bar, all of it in the tooltip
        const QString problem = started.audioProblem;
        statusBar()->showMessage(tr("No sound: %1").arg(problem.section(QLatin1Char('\n'), 0, 0)));
        statusBar()->setToolTip(problem);
    }
    if (const QString problem = started.midiProblem; !problem.isEmpty()) {
        statusBar()->showMessage(problem.section(QLatin1Char('\n'), 0, 0));
        statusBar()->setToolTip(statusBar()->toolTip() + QLatin1Char('\n') + problem);
    }
}

void MainWindow::preferencesRequested()
{
    PreferencesDialog dialog(&m_chatController->keys(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    const auto changes = dialog.save();
    if (!dialog.enteredKey().isEmpty())
        m_chatController->storeKey(dialog.keyProvider(), dialog.enteredKey());
    if (dialog.modelConfigured()) // the model set up there is the one the chat asks
        m_chatController->setProvider(dialog.keyProvider());
    m_chatController->showProviders(); // the dock names the model
    if (changes.sound || changes.midi) {
        m_session->playback()->stopSound();
        if (changes.sound) m_session->playback()->dropSynth();
        if (changes.midi && m_recordAction->isChecked()) m_recordAction->setChecked(false);
        startAudio();
    }
}

void MainWindow::recordToggled(bool on)
{
    if (!on) {
        if (const auto notes = m_session->stopRecording())
            statusBar()->showMessage(tr("Recorded %n note(s)", nullptr, *notes));
        return;
    }
    if (!m_session->startRecording()) {
        m_recordAction->setChecked(false);
        statusBar()->showMessage(
            tr("Nothing to record into: add a track, and check the sound settings"));
        return;
    }
    statusBar()->showMessage(
        midiSession()->hasInput()
            ? tr("Recording into %1").arg(QString::fromStdString(m_state->context().track()->name))
            : tr("Recording, but no MIDI input is chosen (Preferences)"));
}

void MainWindow::stepInputToggled(bool on)
{
    if (!on) {
        m_session->stopStepInput();
        return;
    }
    m_session->startStepInput();
    statusBar()->showMessage(
        midiSession()->hasInput()
            ? tr("Step input: play notes on your MIDI keyboard; each writes one grid step")
            : tr("Step input needs a MIDI input (Preferences)"));
}

// The analysis' chords, from seconds to this take's ticks, above the roll.
void MainWindow::showAnalysisChords()
{
    std::vector<widgets::ChordMark> marks;
    for (const auto& c : m_analysis->analysis().chords)
        marks.push_back({static_cast<model::Tick>(std::llround(
                             m_session->playback()->tempoMap().secondsToTicks(c.startS))),
                         static_cast<model::Tick>(std::llround(
                             m_session->playback()->tempoMap().secondsToTicks(c.endS))),
                         QString::fromStdString(model::analysis::chordSymbol(c))});
    m_state->context().setChords(std::move(marks));
    const auto& key = m_analysis->analysis().key;
    m_transportControls->setAnalysisKey(key.tonic, key.minor); // when the take states no key
}

void MainWindow::startPlayback()
{
    m_session->playback()->play();
}

void MainWindow::stopRequested()
{
    if (m_recordAction->isChecked())
        m_recordAction->setChecked(false); // ends the take first, at the current position
    m_session->playback()->stop();
}

void MainWindow::updatePlayhead(double seconds, double polledTick, bool playing)
{
    const double tick = playing || seconds > 0 ? polledTick : m_state->view().playheadTick();
    const auto whole = static_cast<model::Tick>(tick);
    const widgets::Bar bar = m_state->context().barAt(whole);
    const model::Tick inBar = whole - bar.startTick;
    m_positionLabel->setText(
        QStringLiteral("%1.%2.%3   %4:%5")
            .arg(bar.number)
            .arg(inBar / bar.beatTicks + 1)
            .arg(inBar % bar.beatTicks, 3, 10, QLatin1Char('0'))
            .arg(static_cast<int>(seconds) / 60)
            .arg(seconds - 60 * (static_cast<int>(seconds) / 60), 6, 'f', 3, QLatin1Char('0')));
    m_playAction->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

// The chat is where a new user starts: typing goes there, never into the roll's one-key
// shortcuts (R records, B switches A/B) while the window has no other focus.
void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!std::exchange(m_shownOnce, true)) m_chat->focusInput();
}

} // namespace pianola::app
