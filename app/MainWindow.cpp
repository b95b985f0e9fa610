// SPDX-License-Identifier: MIT
// The main window: files, the document shown in the editor views, and sound.
#include "app/MainWindow.h"


#include "app/AudioEngine.h"
#include "app/ChatController.h"
#include "app/Logging.h"
#include "app/MidiSession.h"
#include "app/PreferencesDialog.h"
#include "app/RecoveryOffer.h"
#include "app/SequenceBuilder.h"
#include "engine/playback/PlaybackSequence.h"
#include "model/Analysis.h"
#include "widgets/AnalysisPanel.h"
#include "widgets/ControllerLanes.h"
#include "widgets/PianoRollView.h"
#include "widgets/TakesPanel.h"
#include "widgets/TrackList.h"

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
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QUrl>

#include <map>

namespace pianola::app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_document(new Document(this)), m_state(new widgets::EditorState(this)), m_midi(new MidiSession(this)),
      m_sequences(new SequenceBuilder(this))
{
    setObjectName("mainWindow");
    m_state->setSink(m_document);
    m_state->setSource(m_document);
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
    createTransport();
    createToolBar();
    createHelpMenu();

    connect(m_document, &Document::reset, this, &MainWindow::documentReset);
    connect(m_document, &Document::edited, this, &MainWindow::documentEdited);
    connect(m_document, &Document::takesChanged, this, &MainWindow::refreshTakes);
    connect(m_document, &Document::activeTakeChanged, this, [this] {
        m_state->setChords({});   // the new take's come with its analysis
        showActiveTake();
        updateCompare();
        // Keep the view for A/B between similar takes; frame a take that the view does not fit.
        const double length = std::max<double>(plan().lengthTicks(), 1);
        const double visible = m_roll->viewport()->width() * m_state->ticksPerPixel();
        if (m_state->leftTick() >= length || visible > 3 * length || visible < length / 8)
            m_roll->zoomToFit();
        sendPlanToPlayer();   // A/B: the other take plays at once, from the same position
    });
    connect(m_document, &Document::pathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::saveFinished, this, &MainWindow::saveFinished);
    // Desktop logout: unsaved work goes to the recovery file first (the session may end us).
    connect(qApp, &QGuiApplication::commitDataRequest, this, [this] {
        m_document->finishWrites();
        if (m_document->isModified())
            (void)m_document->writeRecovery();
    });
    connect(qApp, &QCoreApplication::aboutToQuit, this, &MainWindow::stopSound);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_midi, &MidiSession::received, this, &MainWindow::midiReceived);
    connect(m_state, &widgets::EditorState::auditionRequested, this, [this](int key, int velocity) {
        if (transport() && m_state->track())
            transport()->audition(m_state->track()->channel, key, velocity, 0.35);
    });
    connect(m_state, &widgets::EditorState::seekRequested, this, [this](model::Tick tick) {
        m_state->setPlayheadTick(static_cast<double>(tick));
        if (transport())
            transport()->seek(m_tempoMap.ticksToSeconds(tick));
    });
    connect(m_state, &widgets::EditorState::loopChanged, this, [this] {
        if (m_loopAction->isChecked() != m_state->loopEnabled())
            m_loopAction->setChecked(m_state->loopEnabled());
        else
            loopToggled(m_state->loopEnabled());
    });

    m_playheadTimer = new QTimer(this);
    m_playheadTimer->setInterval(33);   // about 30 Hz
    connect(m_playheadTimer, &QTimer::timeout, this, &MainWindow::updatePlayhead);
    m_analysisUpdate = new QTimer(this);
    m_analysisUpdate->setSingleShot(true);
    m_analysisUpdate->setInterval(400);   // analyse once the editing pauses (on a worker thread)
    connect(m_analysisUpdate, &QTimer::timeout, this, [this] { m_analysis->setPlan(plan()); });
    m_playbackUpdate = new QTimer(this);
    m_playbackUpdate->setSingleShot(true);
    m_playbackUpdate->setInterval(30);   // coalesce a burst of edits into one rebuild
    connect(m_playbackUpdate, &QTimer::timeout, this, &MainWindow::sendPlanToPlayer);
    QTimer::singleShot(0, this, &MainWindow::startAudio);

    QSettings settings;
    if (!restoreGeometry(settings.value("mainWindow/geometry").toByteArray()))
        resize(1280, 800);
    restoreState(settings.value("mainWindow/state").toByteArray());
    m_lanes->setLaneKeys(settings.value("editor/lanes").toStringList());
    documentReset();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow()
{
    m_document->disconnect(this);   // the document (a child) outlives this body
    m_state->disconnect(this);
    // Then AudioEngine stops, panics, and closes the device; MidiSession ends its notes.
}

const model::Plan& MainWindow::plan() const
{
    static const model::Plan kEmpty;
    const model::Take* take = m_document->activeTake();
    return take ? take->plan : kEmpty;
}

// ---- the document shown ----

void MainWindow::documentReset()
{
    m_state->setTake(0);   // a new project: the views start over (track, selection)
    showActiveTake();
    m_roll->zoomToFit();
    refreshTakes();
    updateTitle();
}

void MainWindow::showActiveTake()
{
    const model::Take* take = m_document->activeTake();
    m_state->setTake(take ? take->id : 0);
    m_tempoMap = model::TempoMap(plan());
    schedulePlaybackUpdate();
}

void MainWindow::documentEdited(const model::Edit& edit)
{
    // Take list edits may change the active take: show it.
    if (model::contains<model::TakeListEdit>(edit)) {
        showActiveTake();
        return;
    }
    if (std::holds_alternative<model::TakeSettingsEdit>(edit) || std::holds_alternative<model::ChatEdit>(edit))
        return;   // the takes list and the chat refresh themselves
    if (model::contains<model::PlanEdit>(edit))
        m_tempoMap = model::TempoMap(plan());
    m_state->notifyPlanChanged();
    schedulePlaybackUpdate();
}

void MainWindow::refreshTakes()
{
    const model::Project& project = m_document->project();
    if (!project.findTake(m_takeA))
        m_takeA = 0;
    if (!project.findTake(m_takeB))
        m_takeB = 0;
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
        auto it = std::find_if(takes.begin(), takes.end(), [active](const model::Take& t) { return t.id == active; });
        if (it == takes.end() || takes.size() < 2)
            return;
        const auto other = std::next(it) != takes.end() ? std::next(it) : std::prev(it);
        setAB(active, other->id);
    }
    m_document->activateTake(active == m_takeA ? m_takeB : m_takeA);
    statusBar()->showMessage(tr("Playing %1").arg(active == m_takeA ? QStringLiteral("B") : QStringLiteral("A")));
}

// The piano roll overlays the other take of the A/B pair.
void MainWindow::updateCompare()
{
    const model::Project& project = m_document->project();
    const model::TakeId other = project.activeTake == m_takeA ? m_takeB : project.activeTake == m_takeB ? m_takeA : 0;
    const model::Take* take = project.findTake(other);
    m_state->setCompareTake(take && m_compareAction->isChecked() ? take->id : 0);
}

void MainWindow::updateTitle()
{
    const QString path = m_document->path();
    QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    if (path.isEmpty() && m_document->activeTake() && m_document->activeTake()->provenance.provider == "import")
        name = QString::fromStdString(m_document->activeTake()->name) + QStringLiteral(".mid");
    setWindowTitle(tr("%1[*] - Pianola").arg(name));
    setWindowModified(m_document->isModified());
}

// ---- sound ----

void MainWindow::startAudio()
{
    if (!m_audio)
        m_audio = std::make_unique<AudioEngine>();
    if (!m_audio->hasSound()) {   // the first line in the status bar, all of it in the tooltip
        const QString problem = m_audio->problem();
        statusBar()->showMessage(tr("No sound: %1").arg(problem.section(QLatin1Char('\n'), 0, 0)));
        statusBar()->setToolTip(problem);
    }
    if (const QString problem = m_midi->applySettings(); !problem.isEmpty()) {
        statusBar()->showMessage(problem.section(QLatin1Char('\n'), 0, 0));
        statusBar()->setToolTip(statusBar()->toolTip() + QLatin1Char('\n') + problem);
    }
    sendPlanToPlayer();
    m_playheadTimer->start();
}

engine::Transport* MainWindow::transport() const
{
    if (m_midi->output())
        return &m_midi->output()->transport();
    return m_audio ? &m_audio->transport() : nullptr;
}

void MainWindow::preferencesRequested()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto changes = dialog.save();
    if (!dialog.enteredKey().isEmpty())
        m_chatController->storeKey(dialog.keyProvider(), dialog.enteredKey());
    if (changes.sound || changes.midi) {
        if (transport()) {
            transport()->stop();
            transport()->panic();
        }
        if (changes.sound)
            m_audio.reset();
        if (changes.midi && m_recordAction->isChecked())
            m_recordAction->setChecked(false);
        startAudio();
    }
}

// ---- MIDI input: play-through, recording, step input ----

void MainWindow::midiReceived(const engine::MidiMessage& message)
{
    const model::Track* track = m_state->track();
    if (!track || message.size < 2 || message.kind() == 0xF0)
        return;
    std::uint8_t bytes[3] = {message.bytes[0], message.bytes[1], message.bytes[2]};
    bytes[0] = static_cast<std::uint8_t>((bytes[0] & 0xF0) | track->channel);   // play the current track's sound
    if (QSettings().value("midi/playThrough", true).toBool() && transport())
        transport()->live(bytes[0], bytes[1], bytes[2], message.size);
    if (m_recorder && m_recorder->recording() && transport()) {
        // The transport position when the message arrived (it is read a few ms later).
        const double late = std::chrono::duration<double>(std::chrono::steady_clock::now() - message.time).count();
        m_recorder->receive(std::max(0.0, transport()->positionSeconds() - late), bytes, message.size);
    }
    if (m_step && !(transport() && transport()->isPlaying())) {
        m_step->setGridTicks(m_state->snapTicks() > 1 ? m_state->snapTicks() : m_state->ppq() / 4);
        if (auto note = m_step->receive(bytes, message.size)) {
            note->id = model::nextNoteId(*track);
            m_document->submit(model::NotesEdit{m_state->take(), m_state->currentTrackId(), {}, {*note}}, tr("Step input"));
        }
        m_state->setPlayheadTick(static_cast<double>(m_step->cursorTick()));
    }
}

void MainWindow::recordToggled(bool on)
{
    if (on) {
        if (!m_state->track() || !transport()) {
            m_recordAction->setChecked(false);
            statusBar()->showMessage(tr("Nothing to record into: add a track, and check the sound settings"));
            return;
        }
        m_recorder = std::make_unique<engine::Recorder>(m_tempoMap);
        m_recorder->start();
        m_recordTrack = m_state->currentTrackId();
        sendPlanToPlayer();
        if (!transport()->isPlaying())
            transport()->play();
        statusBar()->showMessage(m_midi->hasInput() ? tr("Recording into %1").arg(QString::fromStdString(m_state->track()->name))
                                                    : tr("Recording, but no MIDI input is chosen (Preferences)"));
        return;
    }
    if (!m_recorder)
        return;
    const model::Track recorded = m_recorder->stop(transport() ? transport()->positionSeconds() : 0.0);
    m_recorder.reset();
    sendPlanToPlayer();
    const model::Take* take = m_document->activeTake();
    const int index = take ? take->plan.trackIndex(m_recordTrack) : -1;
    if (index < 0 || (recorded.notes.empty() && recorded.controllers.empty()))
        return;
    const model::Track& target = take->plan.tracks[static_cast<std::size_t>(index)];
    std::vector<model::Note> notes = recorded.notes;
    model::NoteId id = model::nextNoteId(target);
    for (model::Note& n : notes)
        n.id = id++;
    QUndoStack* undo = m_document->undoStack();
    undo->beginMacro(tr("Record %n note(s)", nullptr, static_cast<int>(notes.size())));
    m_document->submit(model::NotesEdit{take->id, m_recordTrack, {}, notes}, tr("Recorded notes"));
    // Controllers overdub: the recorded points join the lane's existing ones.
    std::map<int, std::vector<model::LanePoint>> lanes;
    for (const model::ControlChange& c : recorded.controllers)
        lanes[c.controller].push_back({c.tick, c.value});
    for (auto& [cc, points] : lanes) {
        const model::Lane lane{model::Lane::Kind::Controller, cc};
        const model::Track& now = m_document->activeTake()->plan.tracks[static_cast<std::size_t>(index)];
        const model::Tick from = points.front().tick, to = points.back().tick + 1;
        auto before = model::lanePoints(now, lane, from, to);
        auto after = before;
        after.insert(after.end(), points.begin(), points.end());
        std::stable_sort(after.begin(), after.end(), [](const auto& a, const auto& b) { return a.tick < b.tick; });
        m_document->submit(model::LaneEdit{take->id, m_recordTrack, lane, from, to, before, after}, tr("Recorded controllers"));
    }
    undo->endMacro();
    statusBar()->showMessage(tr("Recorded %n note(s)", nullptr, static_cast<int>(notes.size())));
}

void MainWindow::stepInputToggled(bool on)
{
    if (!on) {
        m_step.reset();
        return;
    }
    const model::Tick grid = m_state->snapTicks() > 1 ? m_state->snapTicks() : m_state->ppq() / 4;
    m_step = std::make_unique<engine::StepInput>(m_state->snappedDown(static_cast<model::Tick>(m_state->playheadTick())), grid);
    statusBar()->showMessage(m_midi->hasInput() ? tr("Step input: play notes on your MIDI keyboard; each writes one grid step")
                                                : tr("Step input needs a MIDI input (Preferences)"));
}

void MainWindow::schedulePlaybackUpdate()
{
    m_playbackUpdate->start();
    m_analysisUpdate->start();
}

// The analysis' chords, from seconds to this take's ticks, above the roll.
void MainWindow::showAnalysisChords()
{
    std::vector<widgets::ChordMark> marks;
    for (const auto& c : m_analysis->analysis().chords)
        marks.push_back({static_cast<model::Tick>(std::llround(m_tempoMap.secondsToTicks(c.startS))),
                         static_cast<model::Tick>(std::llround(m_tempoMap.secondsToTicks(c.endS))),
                         QString::fromStdString(model::analysis::chordSymbol(c))});
    m_state->setChords(std::move(marks));
}

void MainWindow::sendPlanToPlayer()
{
    m_playbackUpdate->stop();   // a rebuild scheduled before this one is done by it
    m_tempoMap = model::TempoMap(plan());
    if (!transport())
        return;
    engine::PlaybackOptions options;
    for (const model::Track& t : plan().tracks) {
        options.muted.push_back(t.muted);
        options.soloed.push_back(t.soloed);
    }
    if (m_recorder)   // recording runs until stopped, past the end of what is there
        options.minimumTicks = model::Limits::kMaxTick;
    // A big plan is built on a worker thread: the current sequence plays on until it is ready.
    auto snapshot = [this]() -> std::shared_ptr<const model::Plan> {
        auto project = m_document->snapshot();
        const model::Take* take = project->findTake(project->activeTake);
        return take ? std::shared_ptr<const model::Plan>(project, &take->plan) : nullptr;   // shares the project's copy
    };
    m_sequences->request(plan(), snapshot, std::move(options), [this](std::unique_ptr<engine::PlaybackSequence> sequence) {
        if (!transport())
            return;
        transport()->setSequence(std::move(sequence));
        loopToggled(m_loopAction->isChecked());
    });
}

void MainWindow::startPlayback()
{
    if (transport() && !transport()->isPlaying())
        transport()->play();
}

void MainWindow::playPauseRequested()
{
    if (!transport())
        return;
    if (transport()->isPlaying())
        transport()->pause();
    else
        transport()->play();
}

void MainWindow::stopRequested()
{
    if (m_recordAction->isChecked())
        m_recordAction->setChecked(false);   // ends the take first, at the current position
    if (transport())
        transport()->stop();
}

void MainWindow::loopToggled(bool on)
{
    if (on && m_state->loopEnd() <= m_state->loopStart()) {   // no region yet: the whole take, in bars
        const model::Tick length = std::max<model::Tick>(plan().lengthTicks(), 1);
        const widgets::Bar last = m_state->barAt(length - 1);
        m_state->setLoop(true, 0, last.endTick());
        return;   // setLoop comes back here through loopChanged
    }
    if (m_state->loopEnabled() != on)
        m_state->setLoop(on, m_state->loopStart(), m_state->loopEnd());
    if (transport())
        transport()->setLoop(on, m_tempoMap.ticksToSeconds(m_state->loopStart()), m_tempoMap.ticksToSeconds(m_state->loopEnd()));
}

void MainWindow::panicRequested()
{
    if (transport())
        transport()->panic();
}

void MainWindow::updatePlayhead()
{
    engine::Transport* t = transport();
    const double seconds = t ? t->positionSeconds() : 0.0;
    const bool playing = t && t->isPlaying();
    if (t)
        t->collectGarbage();
    const double tick = playing || seconds > 0 ? m_tempoMap.secondsToTicks(seconds) : m_state->playheadTick();
    const auto whole = static_cast<model::Tick>(tick);
    const widgets::Bar bar = m_state->barAt(whole);
    const model::Tick inBar = whole - bar.startTick;
    m_positionLabel->setText(QStringLiteral("%1.%2.%3   %4:%5")
                                 .arg(bar.number)
                                 .arg(inBar / bar.beatTicks + 1)
                                 .arg(inBar % bar.beatTicks, 3, 10, QLatin1Char('0'))
                                 .arg(static_cast<int>(seconds) / 60)
                                 .arg(seconds - 60 * (static_cast<int>(seconds) / 60), 6, 'f', 3, QLatin1Char('0')));
    m_playAction->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    if (playing || seconds > 0)
        m_state->setPlayheadTick(tick);
}

} // namespace pianola::app
