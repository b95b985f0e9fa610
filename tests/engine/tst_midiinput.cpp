// SPDX-License-Identifier: MIT
// Recorder and StepInput as pure functions of timestamped messages: FIFO pairing, held notes at
// stop, tempo changes, controllers and bends, chords in step input.
#include "engine/midi/Recorder.h"
#include "engine/midi/StepInput.h"

#include <QTest>

using namespace pianola;
using namespace pianola::engine;

namespace {
// 120 bpm, ppq 480: a quarter is 0.5 s, one second is 960 ticks.
model::TempoMap steady()
{
    return model::TempoMap(480, {model::TempoChange{0, 120.0}});
}

void on(Recorder& r, double at, int key, int velocity, int channel = 0)
{
    const std::uint8_t m[3] = {static_cast<std::uint8_t>(0x90 | channel),
                               static_cast<std::uint8_t>(key), static_cast<std::uint8_t>(velocity)};
    r.receive(at, m, 3);
}

void off(Recorder& r, double at, int key, int velocity = 64, int channel = 0)
{
    const std::uint8_t m[3] = {static_cast<std::uint8_t>(0x80 | channel),
                               static_cast<std::uint8_t>(key), static_cast<std::uint8_t>(velocity)};
    r.receive(at, m, 3);
}

// "key start+length vVEL rREL" per note, in the track's order.
QStringList describe(const model::Track& track)
{
    QStringList out;
    for (const model::Note& n : track.notes)
        out << QString("%1 %2+%3 v%4 r%5")
                   .arg(n.key)
                   .arg(n.startTick)
                   .arg(n.lengthTicks)
                   .arg(n.velocity)
                   .arg(n.releaseVelocity);
    return out;
}

std::optional<model::Note> press(StepInput& s, int key, int velocity = 100, int channel = 0)
{
    const std::uint8_t m[3] = {static_cast<std::uint8_t>(0x90 | channel),
                               static_cast<std::uint8_t>(key), static_cast<std::uint8_t>(velocity)};
    return s.receive(m, 3);
}

void release(StepInput& s, int key, bool asNoteOnZero = false)
{
    const std::uint8_t m[3] = {static_cast<std::uint8_t>(asNoteOnZero ? 0x90 : 0x80),
                               static_cast<std::uint8_t>(key), 0};
    QVERIFY(!s.receive(m, 3));
}
} // namespace

class TestMidiInput : public QObject
{
    Q_OBJECT
private slots:
    void overlappingSameKeyPairsFirstInFirstOut();
    void noteOnVelocityZeroEndsANote();
    void heldNotesEndAtStop();
    void channelsPairSeparately();
    void tempoChangesInTheMap();
    void controllersBendAndPressure();
    void ignoresWhatIsNotRecorded();
    void startDropsThePreviousTake();
    void stepInputWritesAndAdvances();
    void stepInputChords();
    void stepInputRestsGridAndStrayNoteOffs();
};

void TestMidiInput::overlappingSameKeyPairsFirstInFirstOut()
{
    Recorder r(steady());
    r.start();
    on(r, 0.0, 60, 100);
    on(r, 0.25, 60, 90); // the same key again, the first still held
    off(r, 0.5, 60, 30); // ends the FIRST one
    off(r, 1.0, 60, 40); // ends the second
    const model::Track t = r.stop(2.0);
    QCOMPARE(describe(t), QStringList({"60 0+480 v100 r30", "60 240+720 v90 r40"}));
    QCOMPARE(t.notes[0].id, model::NoteId(1));
    QCOMPARE(t.notes[1].id, model::NoteId(2));
}

void TestMidiInput::noteOnVelocityZeroEndsANote()
{
    Recorder r(steady());
    r.start();
    on(r, 0.5, 64, 80);
    on(r, 0.75, 64, 0); // running-status keyboards send this as note-off
    on(r, 1.0, 67, 70);
    off(r, 1.5, 67, 0);
    QCOMPARE(describe(r.stop(2.0)), QStringList({"64 480+240 v80 r64", "67 960+480 v70 r0"}));
}

void TestMidiInput::heldNotesEndAtStop()
{
    Recorder r(steady());
    r.start();
    on(r, 0.0, 48, 100);
    on(r, 0.5, 52, 100);
    on(r, 0.5, 52, 101); // held twice
    off(r, 0.75, 52);
    QVERIFY(r.recording());
    const model::Track t = r.stop(1.25);
    QVERIFY(!r.recording());
    QCOMPARE(describe(t),
             QStringList({"48 0+1200 v100 r64", "52 480+240 v100 r64", "52 480+720 v101 r64"}));
}

void TestMidiInput::channelsPairSeparately()
{
    Recorder r(steady());
    r.start();
    on(r, 0.0, 60, 100, 3); // the first channel heard names the track's channel
    on(r, 0.1, 60, 90, 5);
    off(r, 0.2, 60, 64, 5); // ends channel 5's note, not channel 3's older one
    off(r, 0.5, 60, 64, 3);
    const model::Track t = r.stop(1.0);
    QCOMPARE(t.channel, 3);
    QCOMPARE(describe(t), QStringList({"60 0+480 v100 r64", "60 96+96 v90 r64"}));
}

void TestMidiInput::tempoChangesInTheMap()
{
    // 120 bpm until tick 960 (1.0 s), then 60 bpm: one quarter (480 ticks) per second.
    Recorder r(model::TempoMap(480, {{0, 120.0}, {960, 60.0}}));
    r.start();
    on(r, 0.5, 60, 100); // tick 480
    off(r, 1.5, 60);     // 960 + 240 = 1200
    on(r, 2.0, 62, 100); // 1440
    off(r, 2.001, 62);   // 1440.48 -> 1440: as played, rounded, but never shorter than 1 tick
    on(r, 3.0, 64, 100); // 1920
    const model::Track t = r.stop(3.2554); // 1920 + 122.6 -> 2043
    QCOMPARE(describe(t),
             QStringList({"60 480+720 v100 r64", "62 1440+1 v100 r64", "64 1920+123 v100 r64"}));
}

void TestMidiInput::controllersBendAndPressure()
{
    Recorder r(steady());
    r.start();
    const std::uint8_t sustain[3] = {0xB0, 64, 127}, bendUp[3] = {0xE0, 0x7F, 0x7F},
                       centre[3] = {0xE0, 0, 0x40};
    const std::uint8_t pressure[2] = {0xD0, 55}, program[2] = {0xC0, 3}, clock[1] = {0xF8};
    r.receive(0.25, sustain, 3);
    r.receive(0.5, bendUp, 3);
    r.receive(0.75, centre, 3);
    r.receive(1.0, pressure, 2);
    r.receive(1.0, program, 2); // not recorded (the track's program is set by the user)
    r.receive(1.0, clock, 1);
    const model::Track t = r.stop(1.5);
    QCOMPARE(t.controllers, std::vector<model::ControlChange>({{240, 64, 127}}));
    QCOMPARE(t.pitchBends, std::vector<model::PitchBend>({{480, 8191}, {720, 0}}));
    QCOMPARE(t.channelPressure, std::vector<model::ChannelPressure>({{960, 55}}));
    QVERIFY(t.notes.empty());
}

void TestMidiInput::ignoresWhatIsNotRecorded()
{
    Recorder r(steady());
    on(r, 0.0, 60, 100); // before start
    r.start();
    off(r, 0.5, 60); // its note-off: no note-on in this take
    const std::uint8_t truncated[1] = {0x90};
    r.receive(0.6, truncated, 1);
    QVERIFY(r.stop(1.0).notes.empty());
    on(r, 1.5, 62, 100); // after stop
    r.start();
    QVERIFY(r.stop(2.0).notes.empty());
}

void TestMidiInput::startDropsThePreviousTake()
{
    Recorder r(steady());
    r.start();
    on(r, 0.0, 60, 100);
    r.start(); // a new take: the held note of the old one is gone
    on(r, 0.5, 62, 100);
    QCOMPARE(describe(r.stop(1.0)), QStringList({"62 480+480 v100 r64"}));
}

void TestMidiInput::stepInputWritesAndAdvances()
{
    StepInput s(960, 240);
    const auto first = press(s, 60, 90);
    QVERIFY(first);
    QCOMPARE(first->startTick, model::Tick(960));
    QCOMPARE(first->lengthTicks, model::Tick(240));
    QCOMPARE(first->velocity, std::uint8_t(90));
    QCOMPARE(first->id, model::NoteId(0));
    QCOMPARE(s.cursorTick(), model::Tick(960)); // held: the cursor waits
    release(s, 60);
    QCOMPARE(s.cursorTick(), model::Tick(1200));
    const auto second = press(s, 62);
    QCOMPARE(second->startTick, model::Tick(1200));
    release(s, 62, true); // note-on velocity 0 releases too
    QCOMPARE(s.cursorTick(), model::Tick(1440));
    QCOMPARE(s.heldKeys(), 0);
}

void TestMidiInput::stepInputChords()
{
    StepInput s(0, 480);
    QCOMPARE(press(s, 60)->startTick, model::Tick(0));
    QCOMPARE(press(s, 64)->startTick, model::Tick(0));
    release(s, 60);
    QCOMPARE(s.cursorTick(), model::Tick(0));          // 64 still held: the chord is open
    QCOMPARE(press(s, 67)->startTick, model::Tick(0)); // joins the chord
    QVERIFY(!press(s, 67));                            // a key twice in one chord writes once
    QCOMPARE(s.heldKeys(), 3);
    release(s, 64);
    release(s, 67);
    QCOMPARE(s.cursorTick(), model::Tick(0));
    release(s, 67);
    QCOMPARE(s.cursorTick(), model::Tick(480));          // one grid, not one per key
    QCOMPARE(press(s, 60)->startTick, model::Tick(480)); // the same key again, next step
    release(s, 60);
    QCOMPARE(s.cursorTick(), model::Tick(960));
}

void TestMidiInput::stepInputRestsGridAndStrayNoteOffs()
{
    StepInput s(0, 0);
    QCOMPARE(s.gridTicks(), model::Tick(1)); // a grid is at least a tick
    s.setGridTicks(120);
    s.setCursorTick(-5);
    QCOMPARE(s.cursorTick(), model::Tick(0));
    release(s, 50); // pressed before step input began: nothing happens
    QCOMPARE(s.cursorTick(), model::Tick(0));
    s.rest();
    QCOMPARE(s.cursorTick(), model::Tick(120));
    const std::uint8_t cc[3] = {0xB0, 64, 127};
    QVERIFY(!s.receive(cc, 3));
    QCOMPARE(press(s, 72)->lengthTicks, model::Tick(120));
    release(s, 72);
    QCOMPARE(s.cursorTick(), model::Tick(240));
}

QTEST_GUILESS_MAIN(TestMidiInput)
#include "tst_midiinput.moc"
