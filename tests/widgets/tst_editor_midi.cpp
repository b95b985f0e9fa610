// SPDX-License-Identifier: MIT
// The main window with MIDI through a real JACK server (tests/midi/run_with_jack.sh): a test
// keyboard port plays into the window's input, a test sink port listens to its output. Checks
// play-through on the current track's channel, step input, recording into the track, and that
// every note played through ends when the transport stops.
#include "app/MainWindow.h"
#include "app/MidiSession.h"
#include "app/PlaybackController.h"
#include "app/Session.h"
#include "engine/midi/MidiInput.h"
#include "engine/midi/MidiOutput.h"
#include "engine/playback/Transport.h"
#include "widgets/ChatDock.h"
#include "widgets/EditorState.h"

#include <map>
#include <QAction>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace pianola;
using namespace std::chrono_literals;

class TestEditorMidi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void playThroughStepInputAndRecording();
    void abSwitchingWhilePlayingLeavesNoNoteSounding();
    void repliesSayPlayingWhileTheOutputPlays();

private:
    std::unique_ptr<engine::MidiOutput> m_keys; ///< the "keyboard": virtual output port
    std::unique_ptr<engine::MidiInput> m_sink;  ///< what the window sends to
    std::vector<engine::MidiMessage> m_heard;
    void collect() { m_sink->drain(m_heard); }
    void press(int key, int velocity)
    {
        m_keys->transport().live(static_cast<std::uint8_t>(velocity ? 0x90 : 0x80),
                                 static_cast<std::uint8_t>(key),
                                 static_cast<std::uint8_t>(velocity));
    }
    /// Every note-on heard is followed by its note-off or by All Notes Off on its channel.
    QString stuckNote()
    {
        collect();
        std::map<std::pair<int, int>, int> sounding;
        for (const engine::MidiMessage& m : m_heard) {
            if (m.isNoteOn())
                ++sounding[{m.channel(), m.bytes[1]}];
            else if (m.kind() == 0x80 || m.kind() == 0x90)
                sounding[{m.channel(), m.bytes[1]}] =
                    std::max(0, sounding[{m.channel(), m.bytes[1]}] - 1);
            else if (m.kind() == 0xB0 && m.bytes[1] == 123)
                for (auto& [note, count] : sounding)
                    if (note.first == m.channel()) count = 0;
        }
        for (const auto& [note, count] : sounding)
            if (count > 0)
                return QString("channel %1 key %2 still sounds")
                    .arg(note.first + 1)
                    .arg(note.second);
        return {};
    }
    int heardNoteOns(int channel, int key)
    {
        collect();
        return static_cast<int>(
            std::count_if(m_heard.begin(), m_heard.end(), [&](const engine::MidiMessage& m) {
                return m.isNoteOn() && m.channel() == channel && m.bytes[1] == key;
            }));
    }
};

void TestEditorMidi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    engine::MidiOutputOptions keys;
    keys.api = "jack";
    keys.virtualPort = true;
    keys.ownPortName = "KeysUnderTest";
    auto k = engine::MidiOutput::open(keys);
    QVERIFY2(k, k ? "" : k.error().message.c_str());
    m_keys = std::move(*k);
    engine::MidiInputOptions sink;
    sink.api = "jack";
    sink.virtualPort = true;
    sink.ownPortName = "SinkUnderTest";
    auto s = engine::MidiInput::open(sink);
    QVERIFY2(s, s ? "" : s.error().message.c_str());
    m_sink = std::move(*s);
    QSettings settings;
    settings.setValue("midi/api", "jack");
    settings.setValue("midi/output", "SinkUnderTest");
    settings.setValue("midi/input", "KeysUnderTest");
    settings.setValue("midi/playThrough", true);
}

void TestEditorMidi::cleanupTestCase()
{
    QSettings settings;
    for (const char* key : {"midi/api", "midi/output", "midi/input", "midi/playThrough"})
        settings.remove(key);
}

void TestEditorMidi::playThroughStepInputAndRecording()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY_WITH_TIMEOUT(w.midiSession()->hasInput() && w.midiSession()->output(), 5000);
    // The new project's piano track; put it on channel 3 so rechannelling shows.
    w.document()->submit(
        model::TrackSettingsEdit{w.editorState()->context().take(), w.plan().tracks[0].id,
                                 model::settingsOf(w.plan().tracks[0]),
                                 [&] {
                                     auto s = model::settingsOf(w.plan().tracks[0]);
                                     s.channel = 3;
                                     return s;
                                 }()},
        "channel");

    // Play-through: a key on the keyboard (channel 1) sounds on the track's channel 4.
    press(60, 100);
    QTRY_VERIFY_WITH_TIMEOUT(heardNoteOns(3, 60) == 1, 3000);
    press(60, 0);

    // Step input: two keys write two notes one grid (1/16 = 120 ticks) apart.
    w.stepInputAction()->setChecked(true);
    press(62, 90);
    QTest::qWait(30);
    press(62, 0);
    QTest::qWait(30);
    press(65, 80);
    QTest::qWait(30);
    press(65, 0);
    QTRY_COMPARE_WITH_TIMEOUT(w.plan().tracks[0].notes.size(), std::size_t(2), 3000);
    const auto& stepped = w.plan().tracks[0].notes;
    QCOMPARE(stepped[0].startTick, model::Tick(0));
    QCOMPARE(int(stepped[0].key), 62);
    QCOMPARE(stepped[1].startTick, model::Tick(120));
    QCOMPARE(int(stepped[1].key), 65);
    QCOMPARE(stepped[1].lengthTicks, model::Tick(120));
    w.stepInputAction()->setChecked(false);

    // Recording: hold a key about 250 ms while the transport runs.
    w.recordAction()->setChecked(true);
    QTest::qWait(300);
    press(67, 110);
    QTest::qWait(250);
    press(67, 0);
    press(69, 100); // still held when recording stops: it ends there
    QTest::qWait(150);
    w.recordAction()->setChecked(false);
    std::vector<model::Note> recorded;
    for (const model::Note& n : w.plan().tracks[0].notes)
        if (n.key == 67 || n.key == 69) recorded.push_back(n);
    QCOMPARE(recorded.size(), std::size_t(2));
    const model::Note& held = recorded[0].key == 67 ? recorded[0] : recorded[1];
    // 120 bpm, 480 ppq: 250 ms = 240 ticks; JACK periods and the 2 ms poll blur it a little.
    QVERIFY2(std::abs(held.lengthTicks - 240) <= 60,
             qPrintable(QString("start %1 length %2").arg(held.startTick).arg(held.lengthTicks)));
    QVERIFY(held.startTick > 100);
    // Undo removes the whole recording in one step.
    w.document()->undoStack()->undo();
    QCOMPARE(w.plan().tracks[0].notes.size(), std::size_t(2));

    // Stop: every note that went out has ended (69 was still held on the keyboard).
    QTest::keyClick(&w, Qt::Key_Return);
    press(69, 0);
    QTest::qWait(300);
    collect();
    // Every note-on is followed by its note-off or by All Notes Off (CC 123) on its channel.
    // (A dummy-driver JACK server under load may skip a cycle's MIDI, so the stop's CC 123
    // is what guarantees silence, as it does with real hardware.)
    const QString stuck = stuckNote();
    QVERIFY2(stuck.isEmpty(), qPrintable(stuck));
    const bool allNotesOff =
        std::any_of(m_heard.begin(), m_heard.end(), [](const engine::MidiMessage& m) {
            return m.kind() == 0xB0 && m.bytes[1] == 123;
        });
    QVERIFY(allNotesOff);
}

void TestEditorMidi::abSwitchingWhilePlayingLeavesNoNoteSounding()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY_WITH_TIMEOUT(w.midiSession()->output() != nullptr, 5000);
    m_heard.clear();
    collect();
    m_heard.clear();
    // Take A holds C3 for a whole bar at a time, take B holds C5: two bars each, looped.
    auto take = [](const char* name, std::uint8_t key) {
        model::Take t;
        t.name = name;
        model::Track track;
        track.notes = {{0, 1920, 1, key, 100, 64}, {1920, 1920, 2, key, 100, 64}};
        t.plan.tracks.push_back(track);
        return t;
    };
    QVERIFY(w.document()->addTake(take("A", 48), "A"));
    const model::TakeId a = w.document()->project().activeTake;
    QVERIFY(w.document()->addTake(take("B", 72), "B"));
    const model::TakeId b = w.document()->project().activeTake;
    w.setAB(a, b);
    w.document()->activateTake(a);
    QTest::qWait(100);                  // the new sequence reaches the player
    QTest::keyClick(&w, Qt::Key_L);     // loop
    QTest::keyClick(&w, Qt::Key_Space); // play
    QTRY_VERIFY_WITH_TIMEOUT(heardNoteOns(0, 48) >= 1, 3000);
    for (int i = 0; i < 4; ++i) { // switch A/B in the middle of held notes
        QTest::qWait(350);
        QTest::keyClick(&w, Qt::Key_B);
    }
    QTest::qWait(350);
    QVERIFY(heardNoteOns(0, 72) >= 1); // B was heard at once, not at its next note
    QVERIFY(heardNoteOns(0, 48) >= 2);
    QTest::keyClick(&w, Qt::Key_Return); // stop
    QTest::qWait(300);
    const QString stuck = stuckNote();
    QVERIFY2(stuck.isEmpty(), qPrintable(stuck));
}

// With the MIDI output playing, a chat reply says its take is playing now, and so does the A/B
// switch (tst_chat: stopped or silent, neither says so).
void TestEditorMidi::repliesSayPlayingWhileTheOutputPlays()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY_WITH_TIMEOUT(w.midiSession()->output() != nullptr, 5000);
    collect();
    m_heard.clear();
    const auto type = [&w](const char* line) {
        QTest::keyClicks(w.chatDock()->input(), line);
        QTest::keyClick(w.chatDock()->input(), Qt::Key_Return);
    };
    type("8-bar chord progression in A minor at 90 bpm");
    const model::Project& project = w.document()->project();
    QVERIFY(!QString::fromStdString(project.chat.back().text).contains("playing"));
    QTest::keyClick(&w, Qt::Key_Space); // play
    QTRY_VERIFY_WITH_TIMEOUT(
        w.session()->playback()->heard() == app::PlaybackController::Heard::Playing, 3000);
    type("add drums");
    const QString reply = QString::fromStdString(project.chat.back().text);
    QVERIFY2(reply.endsWith("The first one is playing now."), qPrintable(reply));
    QTest::keyClick(&w, Qt::Key_B);
    QVERIFY2(w.statusBar()->currentMessage().startsWith("Playing "),
             qPrintable(w.statusBar()->currentMessage()));
    QTest::keyClick(&w, Qt::Key_Return); // stop
    QTest::qWait(300);
    const QString stuck = stuckNote();
    QVERIFY2(stuck.isEmpty(), qPrintable(stuck));
}

QTEST_MAIN(TestEditorMidi)
#include "tst_editor_midi.moc"
