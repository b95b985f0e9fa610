// SPDX-License-Identifier: MIT
// The Sequencer as a pure function of commands and time: order, offsets, chase, loops, and no
// stuck note after stop, pause, seek, loop wrap, sequence switch or panic.
#include "engine/playback/Metronome.h"
#include "engine/playback/Sequencer.h"
#include "engine/playback/Transport.h"

#include <map>
#include <QTest>

using namespace pianola;
using namespace pianola::engine;

namespace {
struct Message
{
    double at; // absolute seconds: span start + offset
    std::uint8_t status, d1, d2;
};

class RecordingSink : public MidiSink
{
public:
    void send(double offset, const std::uint8_t* m, int size) override
    {
        messages.push_back({spanStart + offset, m[0], m[1], size > 2 ? m[2] : std::uint8_t(0)});
    }
    // Notes that got a note-on and no note-off yet, per channel and key.
    int sounding() const
    {
        int count[16][128] = {};
        for (const Message& m : messages) {
            if ((m.status & 0xF0) == 0x90 && m.d2 > 0)
                ++count[m.status & 15][m.d1];
            else if ((m.status & 0xF0) == 0x80 || (m.status & 0xF0) == 0x90)
                --count[m.status & 15][m.d1];
        }
        int n = 0;
        for (auto& ch : count)
            for (int c : ch)
                n += c;
        return n;
    }
    QStringList notes() const
    {
        QStringList out;
        for (const Message& m : messages)
            if ((m.status & 0xE0) == 0x80)
                out << QString("%1 %2 %3 @%4")
                           .arg((m.status & 0xF0) == 0x90 && m.d2 ? "on" : "off")
                           .arg(m.d1)
                           .arg(m.status & 15)
                           .arg(m.at, 0, 'f', 3);
        return out;
    }
    std::vector<Message> messages;
    double spanStart = 0;
};

// 120 bpm, ppq 480: a quarter is 0.5 s. Notes C4 at beat 0, E4 at beat 1, G4 (2 beats) at beat 2.
model::Plan triad()
{
    model::Plan plan;
    model::Track t;
    t.channel = 2;
    t.program = 11;
    t.notes = {{0, 480, 1, 60, 100, 64}, {480, 480, 2, 64, 90, 64}, {960, 960, 3, 67, 80, 64}};
    t.controllers = {{0, 7, 90}, {700, 7, 50}};
    plan.tracks = {t};
    return plan;
}

void run(Sequencer& s, RecordingSink& sink, double seconds, double block = 0.01)
{
    for (double done = 0; done < seconds - 1e-9; done += block) {
        s.advance(block, sink);
        sink.spanStart += block;
    }
}
} // namespace

class TestSequencer : public QObject
{
    Q_OBJECT
private slots:
    void playsInOrderAtTheRightTimes();
    void stopsByItselfAtTheEnd();
    void pauseMidNoteEndsIt();
    void seekChasesControllersAndHeldNotes();
    void loopWrapEndsNotesAndChases();
    void switchingSequencesWhilePlaying();
    void panicSilencesAllChannels();
    void auditionEndsByItself();
    void liveNotesEndOnStop();
    void seekInAHugeSequenceChasesFromCheckpoints();
    void transportCarriesCommandsAndPlayhead();
    void transportNeverLeaksSequencesWhenNotCollected();
    void metronomeClicksEveryBeatWithAnAccentedDownbeat();
};

void TestSequencer::playsInOrderAtTheRightTimes()
{
    auto seq = PlaybackSequence::build(triad());
    Sequencer s;
    RecordingSink sink;
    s.setSequence(seq.get(), sink);
    s.play(sink);
    run(s, sink, 2.5, 0.0137); // odd block size: offsets must still be exact
    QCOMPARE(sink.notes(), QStringList({"on 60 2 @0.000", "off 60 2 @0.500", "on 64 2 @0.500",
                                        "off 64 2 @1.000", "on 67 2 @1.000", "off 67 2 @2.000"}));
    // Program before the first note, volume changes at tick 700 = 0.729 s.
    QCOMPARE(sink.messages[0].status, std::uint8_t(0xC2));
    QCOMPARE(sink.messages[0].d1, std::uint8_t(11));
    bool sawVolume = false;
    for (const auto& m : sink.messages)
        if (m.status == 0xB2 && m.d1 == 7 && m.d2 == 50) {
            QVERIFY(std::abs(m.at - 700 / 960.0) < 1e-9);
            sawVolume = true;
        }
    QVERIFY(sawVolume);
    QCOMPARE(sink.sounding(), 0);
}

void TestSequencer::stopsByItselfAtTheEnd()
{
    auto seq = PlaybackSequence::build(triad());
    Sequencer s;
    RecordingSink sink;
    s.setSequence(seq.get(), sink);
    s.play(sink);
    run(s, sink, 3.0);
    QVERIFY(!s.playing());
    QVERIFY(s.finished());
    s.play(sink); // plays again from the start
    QVERIFY(s.playing());
    QCOMPARE(s.position(), 0.0);
}

void TestSequencer::pauseMidNoteEndsIt()
{
    auto seq = PlaybackSequence::build(triad());
    Sequencer s;
    RecordingSink sink;
    s.setSequence(seq.get(), sink);
    s.play(sink);
    run(s, sink, 1.25); // G4 sounding
    QCOMPARE(sink.sounding(), 1);
    s.pause(sink);
    QCOMPARE(sink.sounding(), 0);
    // Sustain off and all-notes-off on the channel in use.
    const auto& m = sink.messages;
    QCOMPARE(m[m.size() - 2].status, std::uint8_t(0xB2));
    QCOMPARE(m[m.size() - 2].d1, std::uint8_t(64));
    QCOMPARE(m.back().d1, std::uint8_t(123));
    QCOMPARE(s.position(), 1.25);
    s.stop(sink);
    QCOMPARE(s.position(), 0.0);
    QCOMPARE(sink.sounding(), 0);
}

void TestSequencer::seekChasesControllersAndHeldNotes()
{
    auto seq = PlaybackSequence::build(triad());
    Sequencer s;
    RecordingSink sink;
    s.setSequence(seq.get(), sink);
    s.seek(1.5, sink); // inside G4, after the volume change
    s.play(sink);
    QStringList chased;
    for (const auto& m : sink.messages)
        chased << QString::number(m.status, 16) + ":" + QString::number(m.d1) + ":" +
                      QString::number(m.d2);
    QCOMPARE(chased, QStringList({"c2:11:0", "b2:7:50", "92:67:80"}));
    run(s, sink, 1.0);
    QCOMPARE(sink.notes().last(), QString("off 67 2 @0.500")); // its own note-off, 0.5 s later
    QCOMPARE(sink.sounding(), 0);
}

void TestSequencer::loopWrapEndsNotesAndChases()
{
    auto seq = PlaybackSequence::build(triad());
    Sequencer s;
    RecordingSink sink;
    s.setSequence(seq.get(), sink);
    s.setLoop(true, 0.5, 1.5); // E4, then half of G4
    s.seek(0.5, sink);
    s.play(sink);
    run(s, sink, 2.6);
    QCOMPARE(sink.notes().mid(0, 5),
             QStringList({"on 64 2 @0.000", "off 64 2 @0.500", "on 67 2 @0.500", "off 67 2 @1.000",
                          "on 64 2 @1.000"}));
    QVERIFY(s.playing());
    s.stop(sink);
    QCOMPARE(sink.sounding(), 0);
    QCOMPARE(s.position(), 0.5); // stop returns to the loop start
}

void TestSequencer::switchingSequencesWhilePlaying()
{
    auto a = PlaybackSequence::build(triad());
    model::Plan other = triad();
    other.tracks[0].notes = {{0, 1920, 1, 48, 70, 64}}; // one long C3
    auto b = PlaybackSequence::build(other);
    Sequencer s;
    RecordingSink sink;
    s.setSequence(a.get(), sink);
    s.play(sink);
    run(s, sink, 1.2);
    QCOMPARE(sink.sounding(), 1); // G4
    s.setSequence(b.get(), sink); // at once, same position
    QCOMPARE(sink.sounding(), 1); // G4 ended, C3 (held at 1.2 s in take B) chased
    QCOMPARE(sink.notes().mid(sink.notes().size() - 2),
             QStringList({"off 67 2 @1.200", "on 48 2 @1.200"}));
    s.setSequence(a.get(), sink);
    s.setSequence(b.get(), sink);
    run(s, sink, 1.0);
    QVERIFY(!s.playing());
    QCOMPARE(sink.sounding(), 0);
}

void TestSequencer::panicSilencesAllChannels()
{
    Sequencer s;
    RecordingSink sink;
    s.panic(sink);
    int allNotesOff = 0, allSoundOff = 0, sustainOff = 0;
    for (const auto& m : sink.messages) {
        allNotesOff += m.d1 == 123;
        allSoundOff += m.d1 == 120;
        sustainOff += m.d1 == 64 && m.d2 == 0;
    }
    QCOMPARE(allNotesOff, 16);
    QCOMPARE(allSoundOff, 16);
    QCOMPARE(sustainOff, 16);
}

void TestSequencer::seekInAHugeSequenceChasesFromCheckpoints()
{
    // 30,000 overlapping notes (many checkpoints) with a CC 1 value at each note's start.
    model::Plan plan;
    model::Track t;
    for (int i = 0; i < 30000; ++i) {
        t.notes.push_back(
            {model::Tick(i) * 20, 1000, 0, static_cast<std::uint8_t>(40 + i % 50), 100, 64});
        t.controllers.push_back({model::Tick(i) * 20, 1, static_cast<std::uint8_t>(i % 128)});
    }
    plan.tracks.push_back(t);
    plan.normalize();
    const auto seq = PlaybackSequence::build(plan);
    QVERIFY(seq->checkpointCount() > 10);
    for (const model::Tick target : {model::Tick(7), model::Tick(20 * 8191 + 7),
                                     model::Tick(20 * 20000 + 13), model::Tick(599'990)}) {
        Sequencer s;
        RecordingSink sink;
        s.setSequence(seq.get(), sink);
        s.seek(seq->tempoMap().ticksToSeconds(target), sink);
        s.play(sink);
        std::map<int, int> expectedHeld, held;
        int expectedCc = -1;
        for (const auto& n : plan.tracks[0].notes)
            if (n.startTick < target && n.endTick() > target) ++expectedHeld[n.key];
        for (const auto& c : plan.tracks[0].controllers)
            if (c.tick < target) expectedCc = c.value;
        int cc = -1;
        for (const auto& m : sink.messages) {
            if ((m.status & 0xF0) == 0x90 && m.d2 > 0) ++held[m.d1];
            if ((m.status & 0xF0) == 0xB0 && m.d1 == 1) cc = m.d2;
        }
        QCOMPARE(held, expectedHeld);
        QCOMPARE(cc, expectedCc);
    }
}

void TestSequencer::liveNotesEndOnStop()
{
    Sequencer s;
    RecordingSink sink;
    s.live(0x92, 64, 90, 3, sink); // a key held on a MIDI keyboard, played through
    s.live(0x92, 67, 90, 3, sink);
    s.live(0x82, 67, 0, 3, sink); // one released
    QCOMPARE(sink.sounding(), 1);
    s.live(0xB2, 64, 127, 3, sink); // sustain pedal passes through
    QCOMPARE(sink.messages.size(), std::size_t(4));
    s.stop(sink); // the held one gets its note-off
    QCOMPARE(sink.sounding(), 0);
}

void TestSequencer::auditionEndsByItself()
{
    Sequencer s;
    RecordingSink sink;
    s.audition(0, 60, 100, 0.25, sink);
    QCOMPARE(sink.sounding(), 1);
    run(s, sink, 0.3);
    QCOMPARE(sink.sounding(), 0);
    QCOMPARE(sink.notes().last(), QString("off 60 0 @0.250"));
}

void TestSequencer::transportCarriesCommandsAndPlayhead()
{
    Transport transport;
    Sequencer s;
    RecordingSink sink;
    QVERIFY(transport.setSequence(PlaybackSequence::build(triad())));
    QVERIFY(transport.seek(0.5));
    QVERIFY(transport.play());
    QVERIFY(!transport.isPlaying()); // nothing applied yet
    transport.applyCommands(s, sink);
    run(s, sink, 0.25);
    transport.publish(s);
    QVERIFY(transport.isPlaying());
    QCOMPARE(transport.positionSeconds(), 0.75);
    QVERIFY(transport.setSequence(PlaybackSequence::build(triad())));
    transport.applyCommands(s, sink);
    transport.collectGarbage(); // frees the first sequence (ASan checks)
    QVERIFY(transport.stop());
    transport.applyCommands(s, sink);
    QCOMPARE(sink.sounding(), 0);
}

// The GUI collects old sequences at 30 Hz; if it does not for a while (a modal dialog, a long
// edit), the return queue fills. The player must then wait, not drop (leak) the old sequence.
void TestSequencer::transportNeverLeaksSequencesWhenNotCollected()
{
    const std::size_t before = PlaybackSequence::liveCount();
    {
        Transport transport;
        Sequencer s;
        RecordingSink sink;
        for (int i = 0; i < 100; ++i) { // more switches than the return queue holds (63)
            QVERIFY(transport.setSequence(PlaybackSequence::build(triad())));
            transport.applyCommands(s, sink);
        }
        QVERIFY(transport.play()); // queued behind the waiting switches
        transport.applyCommands(s, sink);
        QCOMPARE(PlaybackSequence::liveCount() - before,
                 std::size_t(100));   // 63 to collect, 36 waiting
        for (int i = 0; i < 3; ++i) { // the GUI collects again (at 30 Hz)
            transport.collectGarbage();
            transport.applyCommands(s, sink);
        }
        QCOMPARE(PlaybackSequence::liveCount() - before, std::size_t(1)); // only the one in use
        QVERIFY(s.playing()); // the play command ran, after the last switch
    }
    QCOMPARE(PlaybackSequence::liveCount(), before); // the transport freed the one in use
}

// The metronome: woodblocks on channel 10 at every beat of the meters, the downbeat the high
// block at full velocity; only when asked for; the count-in is whole bars of the meter.
void TestSequencer::metronomeClicksEveryBeatWithAnAccentedDownbeat()
{
    model::Plan plan; // 480 ppq; one bar of 4/4, then 3/4 from bar 2; one note to bar 3's end
    plan.timeSignatures.push_back({4 * 480, 3, 4});
    model::Track piano;
    piano.notes.push_back({0, 7 * 480, 1, 60, 90, 64});
    plan.tracks = {piano};
    const auto silent =
        PlaybackSequence::build(plan); // one sequence: begin and end of the same list
    QVERIFY(std::none_of(silent->events().begin(), silent->events().end(),
                         [](const PlaybackEvent& e) { return (e.status & 0x0F) == 9; }));
    PlaybackOptions options;
    options.metronome = true;
    const auto seq = PlaybackSequence::build(plan, options);
    std::vector<std::pair<std::uint32_t, int>> ons; // tick, key (velocity checked per key)
    for (const PlaybackEvent& e : seq->events())
        if (e.status == 0x99) {
            ons.push_back({e.tick, e.data1});
            QCOMPARE(int(e.data2), e.data1 == MetronomeSound::kDownbeatKey ? 127 : 80);
        }
    const std::vector<std::pair<std::uint32_t, int>> expected = {
        {0, 76}, {480, 77}, {960, 77}, {1440, 77}, {1920, 76}, {2400, 77}, {2880, 77}};
    QCOMPARE(ons, expected);
    QCOMPARE(std::count_if(seq->events().begin(), seq->events().end(),
                           [](const PlaybackEvent& e) { return e.status == 0x89; }),
             std::ptrdiff_t(7));
    QCOMPARE(barsTicks(plan, 0, 2), model::Tick(2 * 4 * 480)); // a two-bar count-in in 4/4
    QCOMPARE(barsTicks(plan, 2000, 1), model::Tick(3 * 480));  // one bar of 3/4
}

QTEST_GUILESS_MAIN(TestSequencer)
#include "tst_sequencer.moc"
