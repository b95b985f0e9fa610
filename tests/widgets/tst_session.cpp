// SPDX-License-Identifier: MIT
// The Session without a window: MIDI input messages (as MidiSession hands them over) become
// step-input notes on the grid and recordings, each an undo step on the document.
#include "app/Document.h"
#include "app/PlaybackController.h"
#include "app/Session.h"
#include "widgets/EditorState.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace pianola;

namespace {
engine::MidiMessage message(std::uint8_t status, std::uint8_t data1, std::uint8_t data2)
{
    engine::MidiMessage m;
    m.time = std::chrono::steady_clock::now();
    m.bytes = {status, data1, data2};
    m.size = 3;
    return m;
}

/// A key pressed and released on the keyboard (channel 1), as the MIDI input delivers it.
void play(app::Session& session, std::uint8_t key, std::uint8_t velocity)
{
    emit session.playback()->midiReceived(message(0x90, key, velocity));
    emit session.playback()->midiReceived(message(0x80, key, 0));
}
} // namespace

class TestSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void stepInputWritesOneGridStepPerKey();
    void aRecordingIsOneUndoStep();
    void theTransportRunsOnItsOwnClockWithoutADevice();
    void openingAProjectResetsPositionAndLoop();
    void aCountInClicksABarBeforeRecordingStarts();
    void snapshotsShareTheProjectUntilAnEdit();
};

void TestSession::stepInputWritesOneGridStepPerKey()
{
    widgets::EditorState state;
    app::Session session(&state);
    session.showNewProject();
    QVERIFY(state.context().track());
    session.startStepInput();
    play(session, 62, 90);
    play(session, 65, 80);
    session.stopStepInput();
    play(session, 67, 80); // step input is off: nothing is written
    const auto& notes = session.plan().tracks.front().notes;
    QCOMPARE(notes.size(), std::size_t(2));
    QCOMPARE(notes[0].startTick, model::Tick(0));
    QCOMPARE(int(notes[0].key), 62);
    QCOMPARE(notes[1].startTick, model::Tick(120)); // the 1/16 grid at 480 ppq
    QCOMPARE(notes[1].lengthTicks, model::Tick(120));
    QVERIFY(notes[0].id != notes[1].id);
    QCOMPARE(state.view().playheadTick(), 240.0); // the cursor, shown as the playhead
    QCOMPARE(session.document()->undoStack()->count(), 2);
}

void TestSession::aRecordingIsOneUndoStep()
{
    widgets::EditorState state;
    app::Session session(&state);
    session.showNewProject();
    session.playback()->startSound(); // without a device: a silent transport, still recording
    QVERIFY(session.startRecording());
    play(session, 60, 100);
    play(session, 64, 100);
    emit session.playback()->midiReceived(message(0xB0, 1, 64)); // modulation
    const auto recorded = session.stopRecording();
    QVERIFY(recorded);
    QCOMPARE(*recorded, 2);
    const model::Track& track = session.plan().tracks.front();
    QCOMPARE(track.notes.size(), std::size_t(2));
    QCOMPARE(model::lanePoints(track, {model::Lane::Kind::Controller, 1}).size(), std::size_t(1));
    QUndoStack* undo = session.document()->undoStack();
    QCOMPARE(undo->count(), 1);
    undo->undo();
    QVERIFY(session.plan().tracks.front().notes.empty());
    QVERIFY(session.plan().tracks.front().controllers.empty());
    QVERIFY(!session.stopRecording()); // not recording any more
}

namespace {
/// A session on the silent clock (no SoundFont, so no synth) with one 8-bar note (16 s).
void startWithoutADevice(widgets::EditorState& state, app::Session& session)
{
    QSettings().setValue("audio/soundFont", QStringLiteral("/nonexistent/none.sf2"));
    session.showNewProject();
    session.playback()->startSound();
    const model::Track& track = session.plan().tracks.front();
    model::Note note;
    note.startTick = 0;
    note.lengthTicks = 8 * 4 * 480;
    note.id = 1;
    QVERIFY(session.document()->submit(
        model::NotesEdit{state.context().take(), track.id, {}, {note}}, QStringLiteral("note")));
    session.playback()->rebuildNow();
}
} // namespace

void TestSession::theTransportRunsOnItsOwnClockWithoutADevice()
{
    widgets::EditorState state;
    app::Session session(&state);
    startWithoutADevice(state, session);
    app::PlaybackController* playback = session.playback();
    QVERIFY(playback->onClock());
    QVERIFY(!playback->isPlaying());
    QElapsedTimer elapsed;
    elapsed.start();
    playback->play();
    QVERIFY(playback->isPlaying());
    QTest::qWait(1000);
    const double position = playback->positionSeconds();
    const double seconds = static_cast<double>(elapsed.nsecsElapsed()) / 1e9;
    qInfo("position %.4f s after %.4f s of play", position, seconds);
    QVERIFY(position > 0.9);
    QVERIFY(std::abs(position - seconds) < 0.05);
    QTRY_VERIFY(state.view().playheadTick() > 0.9 * 960); // the poll drives the playhead (120 bpm)

    // A one-bar loop (2 s) around the playhead (~1 s): 1.5 s later it has wrapped (~0.5 s).
    state.view().setLoop(true, 0, 4 * 480);
    session.setLoop(true);
    QTest::qWait(1500);
    QVERIFY(playback->isPlaying());
    QVERIFY(playback->positionSeconds() < 1.2);
    playback->stop();
    QVERIFY(!playback->isPlaying());
}

void TestSession::openingAProjectResetsPositionAndLoop()
{
    widgets::EditorState state;
    app::Session session(&state);
    startWithoutADevice(state, session);
    app::PlaybackController* playback = session.playback();
    state.view().setLoop(true, 480 * 8, 480 * 16);
    session.setLoop(true);
    playback->seek(480 * 10);
    playback->play();
    QTest::qWait(100);
    QVERIFY(playback->positionSeconds() > 5.0);
    session.document()->newProject();
    QVERIFY(!playback->isPlaying());
    QCOMPARE(playback->positionSeconds(), 0.0);
    QVERIFY(!state.view().loopEnabled());
    QCOMPARE(state.view().playheadTick(), 0.0);
}

void TestSession::aCountInClicksABarBeforeRecordingStarts()
{
    widgets::EditorState state;
    app::Session session(&state);
    startWithoutADevice(state, session);
    app::PlaybackController* playback = session.playback();
    playback->setCountInBars(1);
    QCOMPARE(playback->countInTicks(0), model::Tick(4 * 480)); // one bar of 4/4 = 2 s at 120 bpm
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(session.startRecording());
    QVERIFY(playback->isCountingIn());
    QVERIFY(playback->isPlaying());
    play(session, 72, 100); // during the count-in: not recorded
    QTRY_VERIFY_WITH_TIMEOUT(!playback->isCountingIn(), 4000);
    const double countIn = static_cast<double>(elapsed.nsecsElapsed()) / 1e9;
    qInfo("count-in took %.3f s", countIn);
    QVERIFY(countIn > 1.95 && countIn < 2.3);
    QVERIFY(playback->isPlaying());
    QVERIFY(playback->positionSeconds() < 0.1); // the recording starts at the playhead (0)
    play(session, 60, 100);
    const auto recorded = session.stopRecording();
    QVERIFY(recorded);
    QCOMPARE(*recorded, 1);
    const auto& notes = session.plan().tracks.front().notes;
    QVERIFY(std::any_of(notes.begin(), notes.end(),
                        [](const model::Note& n) { return n.key == 60 && n.startTick < 100; }));
    QVERIFY(
        std::none_of(notes.begin(), notes.end(), [](const model::Note& n) { return n.key == 72; }));
    playback->setCountInBars(0);
}

// Document::snapshot() is the project itself (no copy); an edit while a snapshot is held goes to
// a copy (copy-on-write), and the snapshot keeps what it saw. Without one, edits work in place.
void TestSession::snapshotsShareTheProjectUntilAnEdit()
{
    app::Document document;
    const auto note = [&](model::Tick start) {
        const model::Take* take = document.activeTake();
        return model::NotesEdit{
            take->id,
            take->plan.tracks.front().id,
            {},
            {model::Note{start, 120, static_cast<model::NoteId>(start + 1), 60, 100, 64}}};
    };
    auto held = document.snapshot();
    QCOMPARE(held.get(), &document.project());
    QCOMPARE(document.planSnapshot().get(), &document.activeTake()->plan);
    QVERIFY(document.submit(note(0), "note"));
    QVERIFY(held.get() != &document.project());
    QCOMPARE(held->findTake(held->activeTake)->plan.noteCount(), 0);
    QCOMPARE(document.activeTake()->plan.noteCount(), 1);
    // The project copied away from outlives its last holder until the event loop turns.
    std::weak_ptr<const model::Project> old = held;
    held.reset();
    QVERIFY(!old.expired());
    QCoreApplication::processEvents();
    QVERIFY(old.expired());

    const model::Project* address = &document.project();
    QVERIFY(document.submit(note(480), "note"));
    QCOMPARE(&document.project(), address);
    QCOMPARE(document.activeTake()->plan.noteCount(), 2);
    auto plan = document.planSnapshot();
    document.undoStack()->undo();
    QCOMPARE(plan->noteCount(), 2);
    QCOMPARE(document.activeTake()->plan.noteCount(), 1);
}

QTEST_MAIN(TestSession)
#include "tst_session.moc"
