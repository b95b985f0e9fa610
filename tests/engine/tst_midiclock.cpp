// SPDX-License-Identifier: MIT
// What the MIDI-out scheduler relies on, without threads or ports: Sequencer's
// secondsUntilNextEvent() and MidiClock (24 PPQN along the tempo map, Start/Stop/Continue, SPP),
// driven the way MidiOutput's thread drives them; and its lateness statistics.
#include "engine/midi/MidiClock.h"
#include "engine/midi/MidiOutput.h"
#include "engine/playback/PlaybackSequence.h"
#include "engine/playback/Sequencer.h"

#include <cmath>
#include <functional>
#include <limits>
#include <QTest>

using namespace pianola;
using namespace pianola::engine;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

struct Sent
{
    double at;
    std::vector<std::uint8_t> bytes;
};

class RecordingSink : public MidiSink
{
public:
    void send(double, const std::uint8_t* m, int size) override
    {
        sent.push_back({now, {m, m + size}});
    }
    std::vector<Sent> sent;
    double now = 0;
};

// 120 bpm until tick 960 (1.0 s), then 60 bpm; ppq 480. One 4-beat note: 0 .. 3.0 s.
model::Plan plan()
{
    model::Plan p;
    p.tempos = {{0, 120.0}, {960, 60.0}};
    model::Track t;
    t.notes = {{0, 1920, 1, 60, 100, 64}};
    p.tracks = {t};
    return p;
}

/// MidiOutput's loop, single-threaded: step at the next due time (+1 us), send "now".
class Scheduler
{
public:
    explicit Scheduler(const PlaybackSequence& seq) : m_map(seq.tempoMap())
    {
        sequencer.setSequence(&seq, sink);
    }

    void command(const std::function<void(Sequencer&, MidiSink&)>& apply)
    {
        const MidiClock::State before = state();
        apply(sequencer, sink);
        clock.follow(m_map, before, 0, state(), sink);
    }

    void runFor(double seconds)
    {
        const double end = sink.now + seconds;
        while (sink.now < end) {
            double wait = std::min(0.002, sequencer.secondsUntilNextEvent());
            wait = std::min(wait, clock.secondsUntilNextTick(m_map, sequencer.position()));
            const double dt = std::min(wait + 1e-6, end - sink.now);
            sink.now += dt;
            const MidiClock::State before = state();
            sequencer.advance(dt, sink);
            clock.follow(m_map, before, dt, state(), sink);
        }
    }

    std::vector<Sent> realtime() const // system messages only
    {
        std::vector<Sent> out;
        for (const Sent& s : sink.sent)
            if (s.bytes[0] >= 0xF0) out.push_back(s);
        return out;
    }

    Sequencer sequencer;
    MidiClock clock;
    RecordingSink sink;

private:
    MidiClock::State state() const { return {sequencer.position(), sequencer.playing()}; }
    const model::TempoMap& m_map;
};

int countBytes(const std::vector<Sent>& sent, std::uint8_t status)
{
    return static_cast<int>(std::count_if(sent.begin(), sent.end(),
                                          [&](const Sent& s) { return s.bytes[0] == status; }));
}
} // namespace

class TestMidiClock : public QObject
{
    Q_OBJECT
private slots:
    void clockTimesFollowTheTempoMap();
    void startTicksPauseContinue();
    void stopSeekAndLoopSendSongPosition();
    void secondsUntilNextEvent();
    void secondsUntilNextEventLoopsAndEnd();
    void schedulerStatsPercentiles();
};

void TestMidiClock::clockTimesFollowTheTempoMap()
{
    const model::TempoMap map(480, {{0, 120.0}, {960, 60.0}});
    QCOMPARE(MidiClock::clockSeconds(map, 0), 0.0);
    QCOMPARE(MidiClock::clockSeconds(map, 24), 0.5);
    QCOMPARE(MidiClock::clockSeconds(map, 48), 1.0);
    QCOMPARE(MidiClock::clockSeconds(map, 72), 2.0); // 60 bpm after the change
    const model::TempoMap odd(1000, {{0, 120.0}});   // 41.67 ticks per clock: fractions stay exact
    QVERIFY(std::abs(MidiClock::clockSeconds(odd, 1) - 0.5 / 24) < 1e-12);
    QVERIFY(std::abs(MidiClock::clockSeconds(odd, 25) - 0.5 * 25 / 24) < 1e-12);
    QCOMPARE(MidiClock::clockIndexAt(map, 0.5), std::int64_t(24));
    QCOMPARE(MidiClock::clockIndexAt(map, 0.5 + 1e-9), std::int64_t(25));
    QCOMPARE(MidiClock::resumeClock(map, 1.0), std::int64_t(48));   // on a sixteenth
    QCOMPARE(MidiClock::resumeClock(map, 1.004), std::int64_t(48)); // overshot a little
    QCOMPARE(MidiClock::resumeClock(map, 1.01), std::int64_t(54));  // the next sixteenth
    QCOMPARE(MidiClock::resumeClock(map, 0.004), std::int64_t(0));
}

void TestMidiClock::startTicksPauseContinue()
{
    auto seq = PlaybackSequence::build(plan());
    Scheduler s(*seq);
    s.command([](Sequencer& q, MidiSink& out) { q.play(out); });
    s.runFor(1.51);
    auto rt = s.realtime();
    QCOMPARE(rt.front().bytes, std::vector<std::uint8_t>({0xFA})); // Start at 0
    QCOMPARE(countBytes(rt, 0xF8), 48 + 13); // 1 s at 120 bpm, 0.51 s at 60 bpm
    int k = 0;
    for (const Sent& m : rt) {
        if (m.bytes[0] != 0xF8) continue;
        const double due = MidiClock::clockSeconds(seq->tempoMap(), k++);
        QVERIFY2(m.at >= due && m.at - due < 2e-6,
                 qPrintable(QString("clock %1 at %2, due %3").arg(k).arg(m.at).arg(due)));
    }
    s.command([](Sequencer& q, MidiSink& out) { q.pause(out); });
    QCOMPARE(s.realtime().back().bytes, std::vector<std::uint8_t>({0xFC}));
    s.runFor(0.2); // paused: no clock
    QCOMPARE(countBytes(s.realtime(), 0xF8), 61);
    s.command([](Sequencer& q, MidiSink& out) { q.play(out); });
    rt = s.realtime();
    // 1.51 s is past the sixteenth at 1.5 s: resume at the next one, 1.75 s (1320 ticks).
    QCOMPARE(rt[rt.size() - 2].bytes, std::vector<std::uint8_t>({0xF2, 11, 0}));
    QCOMPARE(rt.back().bytes, std::vector<std::uint8_t>({0xFB}));
    s.runFor(1.6); // plays to the end at 3.0 s: Stop by itself
    QVERIFY(!s.sequencer.playing());
    rt = s.realtime();
    QCOMPARE(rt.back().bytes, std::vector<std::uint8_t>({0xFC}));
    QCOMPARE(countBytes(rt, 0xF8), 61 + 31); // 1.75 .. 3.0 s (the tick at the end included)
    const auto firstAfter =
        std::find_if(rt.begin(), rt.end(), [](const Sent& m) { return m.bytes[0] == 0xFB; }) + 1;
    QVERIFY(std::abs(firstAfter->at - (0.2 + 1.75)) < 2e-6); // paused for 0.2 s
}

void TestMidiClock::stopSeekAndLoopSendSongPosition()
{
    auto seq = PlaybackSequence::build(plan());
    Scheduler s(*seq);
    s.command([](Sequencer& q, MidiSink& out) { q.seek(0.5, out); });
    QCOMPARE(s.realtime().back().bytes, std::vector<std::uint8_t>({0xF2, 4, 0})); // stopped: SPP
    s.command([](Sequencer& q, MidiSink&) { q.setLoop(true, 0.5, 1.0); });
    s.command([](Sequencer& q, MidiSink& out) { q.play(out); });
    s.runFor(0.76); // wraps at 1.0 s once, 1 us late: still the loop start's sixteenth
    const auto rt = s.realtime();
    QCOMPARE(countBytes(rt, 0xF2), 3); // the seek, the Continue from 0.5 s, the loop wrap
    QCOMPARE(countBytes(rt, 0xFC), 1); // the wrap: Stop, SPP 4, Continue
    QCOMPARE(countBytes(rt, 0xFB), 2);
    QCOMPARE(countBytes(rt, 0xF8), 24 + 13); // 0.5 .. 1.0 s, then 0.5 .. 0.76 s
    const auto wrap =
        std::find_if(rt.begin(), rt.end(), [](const Sent& m) { return m.bytes[0] == 0xFC; });
    QCOMPARE((wrap + 1)->bytes, std::vector<std::uint8_t>({0xF2, 4, 0}));
    QCOMPARE((wrap + 3)->bytes,
             std::vector<std::uint8_t>({0xF8})); // the loop start's clock at once
    QVERIFY(std::abs((wrap + 3)->at - 0.5) < 1e-5);
    s.command([](Sequencer& q, MidiSink& out) { q.stop(out); }); // back to the loop start
    const auto end = s.realtime();
    QCOMPARE(end[end.size() - 2].bytes, std::vector<std::uint8_t>({0xFC}));
    QCOMPARE(end.back().bytes, std::vector<std::uint8_t>({0xF2, 4, 0}));
}

void TestMidiClock::secondsUntilNextEvent()
{
    model::Plan p = plan();
    p.tracks[0].notes = {{480, 480, 1, 60, 100, 64}}; // 0.5 .. 1.0 s
    auto seq = PlaybackSequence::build(p);
    Sequencer s;
    RecordingSink sink;
    QCOMPARE(s.secondsUntilNextEvent(), kInf); // nothing to do
    s.setSequence(seq.get(), sink);
    QCOMPARE(s.secondsUntilNextEvent(), kInf); // stopped
    s.audition(0, 72, 100, 0.3, sink);
    QCOMPARE(s.secondsUntilNextEvent(), 0.3); // the audition's note-off
    s.play(sink);
    QCOMPARE(s.secondsUntilNextEvent(), 0.0); // program at tick 0 is due now
    s.advance(1e-9, sink);
    QVERIFY(std::abs(s.secondsUntilNextEvent() - (0.3 - 1e-9)) < 1e-12);
    s.advance(0.3, sink);
    QVERIFY(std::abs(s.secondsUntilNextEvent() - (0.5 - 0.3 - 1e-9)) < 1e-12); // the note-on
    s.advance(0.2, sink);
    QVERIFY(std::abs(s.secondsUntilNextEvent() - 0.5) < 1e-6); // its note-off at 1.0 s
}

void TestMidiClock::secondsUntilNextEventLoopsAndEnd()
{
    auto seq = PlaybackSequence::build(plan()); // events at 0 and 3.0 s; length 3.0 s
    Sequencer s;
    RecordingSink sink;
    s.setSequence(seq.get(), sink);
    s.setLoop(true, 0.25, 0.75);
    s.play(sink);
    s.advance(0.3, sink);
    QVERIFY(std::abs(s.secondsUntilNextEvent() - 0.45) < 1e-12); // the loop end
    s.setLoop(true, 0.0, 5.0); // a loop longer than the sequence: the end is not an event
    s.seek(2.9, sink);
    s.advance(0.2, sink); // past the note-off at 3.0 s, nothing left before the wrap at 5.0
    QVERIFY(std::abs(s.secondsUntilNextEvent() - 1.9) < 1e-9);
    s.setLoop(false, 0, 0);
    s.seek(2.5, sink);
    s.advance(0.6, sink); // played out: stops by itself
    QVERIFY(!s.playing());
    QCOMPARE(s.secondsUntilNextEvent(), kInf);
    s.play(sink);
    s.seek(2.99, sink);
    QVERIFY(std::abs(s.secondsUntilNextEvent() - 0.01) < 1e-12); // the last note-off, then the end
}

void TestMidiClock::schedulerStatsPercentiles()
{
    MidiSchedulerStats stats;
    QCOMPARE(stats.percentileMs(0.99), 0.0);           // no wakes yet
    stats.histogram[0] = 90;                           // 0..20 us
    stats.histogram[4] = 9;                            // 80..100 us
    stats.histogram[MidiSchedulerStats::kBuckets] = 1; // later than 2 ms
    stats.wakes = 100;
    stats.maxLateMs = 3.5;
    QCOMPARE(stats.percentileMs(0.5), 0.02);
    QCOMPARE(stats.percentileMs(0.9), 0.02);
    QCOMPARE(stats.percentileMs(0.99), 0.1);
    QCOMPARE(stats.percentileMs(1.0), 3.5);
}

QTEST_GUILESS_MAIN(TestMidiClock)
#include "tst_midiclock.moc"
