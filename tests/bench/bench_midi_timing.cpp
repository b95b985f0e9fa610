// SPDX-License-Identifier: MIT
// MIDI-out timing through JACK: > 2000 events at irregular times, arrival vs. scheduled time.
// Not a CTest test; run it under a private jackd:
//   tests/midi/run_with_jack.sh build/tests/bench/bench_midi_timing [SECONDS]
// Prints p50/p99/max of (arrival in MidiInput's callback - due time) in ms, the scheduler's own
// share (how late its thread woke), and the server's xruns (a skipped client cycle loses that
// cycle's MIDI: reported, not hidden). Exit 1 only if the messages differ from the plan other than
// by such losses; never on time.
#include "engine/midi/MidiInput.h"
#include "engine/midi/MidiOutput.h"
#include "tests/midi/JackdLog.h"
#include "tests/midi/MidiTestUtil.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>

using namespace pianola;
using namespace pianola::engine;

namespace {
constexpr double kJackPeriodMs = 64.0 / 48000.0 * 1000.0;

// Four voices of random notes (fixed seed) at ticks that do not line up with JACK periods.
model::Plan randomClip(double seconds)
{
    model::Plan plan;
    plan.ppq = 960; // 120 bpm: 1920 ticks per second
    std::mt19937 random(20240611);
    const auto totalTicks = static_cast<model::Tick>(seconds * 1920);
    for (int voice = 0; voice < 4; ++voice) {
        model::Track track;
        track.channel = voice;
        track.program = voice * 8;
        std::uniform_int_distribution<model::Tick> gap(20, 150), length(20, 400);
        std::uniform_int_distribution<int> key(36 + voice * 12, 59 + voice * 12), velocity(30, 127);
        model::NoteId id = 1;
        for (model::Tick t = gap(random); t < totalTicks; t += gap(random))
            track.notes.push_back({t, length(random), id++, static_cast<std::uint8_t>(key(random)),
                                   static_cast<std::uint8_t>(velocity(random)), 64});
        for (model::Tick t = 0; t < totalTicks; t += 677)
            track.controllers.push_back({t, 11, static_cast<std::uint8_t>(velocity(random))});
        plan.tracks.push_back(track);
    }
    plan.normalize();
    return plan;
}

double percentile(std::vector<double> sorted, double p)
{
    const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(index, sorted.size() - 1)];
}

std::unique_ptr<MidiInput> openInput()
{
    MidiInputOptions o;
    o.api = "jack";
    o.virtualPort = true;
    o.ownPortName = "Pianola Bench In";
    o.clientName = "pianola-bench-in";
    auto in = MidiInput::open(o);
    if (!in) std::fprintf(stderr, "%s\n", in.error().message.c_str());
    return in ? std::move(*in) : nullptr;
}

std::unique_ptr<MidiOutput> openOutput()
{
    MidiOutputOptions o;
    o.api = "jack";
    o.port = "Pianola Bench In";
    o.clientName = "pianola-bench-out";
    auto out = MidiOutput::open(o);
    if (!out) std::fprintf(stderr, "%s\n", out.error().message.c_str());
    return out ? std::move(*out) : nullptr;
}

// Plays and drains while playing (the queue holds 8191); returns what arrived.
std::vector<MidiMessage> playAndReceive(MidiOutput& out, MidiInput& in, const model::Plan& plan)
{
    std::vector<MidiMessage> received;
    out.transport().setSequence(PlaybackSequence::build(plan));
    out.transport().play();
    miditest::waitFor([&] { return out.transport().isPlaying(); });
    while (!out.finished()) {
        in.drain(received);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    miditest::collect(in, received);
    return received;
}

bool sameBytes(const MidiMessage& m, const miditest::Expected& e)
{
    return e.bytes == std::vector<std::uint8_t>(m.bytes.begin(), m.bytes.begin() + m.size);
}

void report(std::vector<double> late)
{
    std::sort(late.begin(), late.end());
    const auto withinPeriod =
        std::count_if(late.begin(), late.end(), [](double ms) { return ms <= kJackPeriodMs; });
    double sum = 0;
    for (double ms : late)
        sum += ms;
    std::printf(
        "arrival - due, ms: min %.3f  p50 %.3f  mean %.3f  p99 %.3f  p99.9 %.3f  max %.3f\n",
        late.front(), percentile(late, 0.5), sum / static_cast<double>(late.size()),
        percentile(late, 0.99), percentile(late, 0.999), late.back());
    std::printf("within one JACK period (%.3f ms): %.2f %%\n", kJackPeriodMs,
                100.0 * static_cast<double>(withinPeriod) / static_cast<double>(late.size()));
}

struct Matched
{
    std::vector<double> lateMs;
    std::size_t lost = 0;    ///< expected, never arrived
    bool unexpected = false; ///< something arrived that the plan does not say
};

// Pairs arrivals with the plan in order; a planned message that is not next is counted lost.
Matched match(const std::vector<miditest::Expected>& expected,
              const std::vector<MidiMessage>& received, MidiOutput::Clock::time_point origin)
{
    Matched m;
    std::size_t j = 0;
    for (const auto& e : expected) {
        if (j < received.size() && sameBytes(received[j], e))
            m.lateMs.push_back(miditest::lateMs(received[j++], origin, e));
        else
            ++m.lost;
    }
    m.unexpected = j != received.size();
    return m;
}
} // namespace

int main(int argc, char** argv)
{
    const double seconds = argc > 1 ? std::atof(argv[1]) : 12.0;
    const miditest::JackdLog jackd;
    auto in = openInput();
    auto out = in ? openOutput() : nullptr;
    if (!in || !out) return 1;
    const model::Plan plan = randomClip(seconds);
    const auto expected = miditest::expectedMessages(*PlaybackSequence::build(plan));
    std::printf("%zu messages over %.1f s to %s port '%s'\n", expected.size(), seconds,
                out->apiName().c_str(), out->portName().c_str());
    const int xrunsBefore = jackd.xruns();
    const auto received = playAndReceive(*out, *in, plan);
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // jackd's last reports
    const int xrunsDuring = jackd.xruns() - xrunsBefore;
    const Matched matched = match(expected, received, out->timeOrigin());
    std::printf(
        "%zu arrived in order with the planned bytes, %zu lost, %d xrun report(s) from jackd%s\n",
        matched.lateMs.size(), matched.lost, xrunsDuring, jackd.available() ? "" : " (no log)");
    if (!matched.lateMs.empty()) report(matched.lateMs);
    const MidiSchedulerStats stats = out->schedulerStats();
    std::printf("scheduler wake - due (its own part), ms: p50 <= %.2f  p99 <= %.2f  max %.3f  "
                "(%llu wakes)\n",
                stats.percentileMs(0.5), stats.percentileMs(0.99), stats.maxLateMs,
                static_cast<unsigned long long>(stats.wakes));
    if (matched.unexpected || (matched.lost > 0 && xrunsDuring == 0)) {
        std::printf("MISMATCH: the messages differ from the plan\n");
        return 1;
    }
    return 0;
}
