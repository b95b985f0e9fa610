// SPDX-License-Identifier: MIT
// The MIDI-out scheduler thread: sleeps until the next due message, sends it, repeats.
#include "engine/midi/MidiOutput.h"

#include "engine/midi/MidiClock.h"
#include "engine/midi/RtMidiAdapter.h"
#include "engine/ThreadCheck.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#include <sys/prctl.h>
#endif

namespace pianola::engine {

namespace {
constexpr double kCommandPollSeconds = 0.002; // longest sleep: how late a command may apply
constexpr auto kWakeMargin = std::chrono::microseconds(1); // wake just after, never just before
constexpr int kSchedulerPriority = 5; // SCHED_FIFO, below JACK's and audio threads' defaults

// Best effort: a 1 ns timer slack (default 50 us) and real-time scheduling when allowed.
void configureSchedulerThread(bool realtime)
{
#ifdef __linux__
    prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
    if (realtime) {
        sched_param param{};
        param.sched_priority = std::max(sched_get_priority_min(SCHED_FIFO), kSchedulerPriority);
        pthread_setschedparam(pthread_self(), SCHED_FIFO, &param); // EPERM: stay as we are
    }
#else
    (void)realtime;
#endif
}

std::int64_t toNs(MidiOutput::Clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

Result<rtmidi::OpenPort<RtMidiOut>> openPort(const MidiOutputOptions& o)
{
    return rtmidi::open<RtMidiOut>({o.api, o.port, o.virtualPort, o.clientName, o.ownPortName});
}
} // namespace

struct MidiOutput::Port
{
    rtmidi::OpenPort<RtMidiOut> open;
};

/// Sends at once: the scheduler calls advance() when messages are due, so "now" is their time.
class MidiOutput::Sink : public MidiSink
{
public:
    Sink(RtMidiOut& out, std::atomic<std::uint64_t>& sent) : m_out(out), m_sent(sent) {}

    void send(double, const std::uint8_t* message, int size) override
    {
        try {
            m_out.sendMessage(message, static_cast<std::size_t>(size));
        } catch (const RtMidiError&) {
            // With an error callback set RtMidi reports instead of throwing; never let it out.
        }
        m_sent.fetch_add(1, std::memory_order_relaxed);
    }

private:
    RtMidiOut& m_out;
    std::atomic<std::uint64_t>& m_sent;
};

MidiOutput::MidiOutput() = default;

Result<std::unique_ptr<MidiOutput>> MidiOutput::open(const MidiOutputOptions& options)
{
    auto port = openPort(options);
    if (!port) return port.error();
    std::unique_ptr<MidiOutput> output(new MidiOutput);
    output->m_options = options;
    output->m_port = std::make_unique<Port>(Port{std::move(*port)});
    if (options.sendClock) output->m_clock = std::make_unique<MidiClock>();
    output->start();
    return output;
}

MidiOutput::~MidiOutput()
{
    stopThread();
    if (m_port && m_port->open.midi) {
        Sink sink(*m_port->open.midi, m_sent);
        silence(sink, true);
        rtmidi::close(m_port->open);
    }
}

Result<void> MidiOutput::changePort(const MidiOutputOptions& options)
{
    auto opened = openPort(options);
    if (!opened) return opened.error();
    stopThread(); // from here until start() this thread owns the Sequencer
    const bool wasPlaying = m_sequencer.playing();
    {
        Sink old(*m_port->open.midi, m_sent);
        silence(old, false);
    }
    rtmidi::close(m_port->open);
    m_port->open = std::move(*opened);
    m_options = options;
    m_clock = options.sendClock ? std::make_unique<MidiClock>() : nullptr;
    if (wasPlaying) {
        Sink sink(*m_port->open.midi, m_sent);
        const double position = m_sequencer.position();
        m_sequencer.play(sink);
        followClock(position, false, 0, sink);
    }
    start();
    return {};
}

std::string MidiOutput::apiName() const
{
    return m_port->open.api;
}

std::string MidiOutput::portName() const
{
    return m_port->open.name;
}

MidiOutput::Clock::time_point MidiOutput::timeOrigin() const
{
    return Clock::time_point(std::chrono::duration_cast<Clock::duration>(
        std::chrono::nanoseconds(m_originNs.load(std::memory_order_relaxed))));
}

std::vector<std::string> MidiOutput::takeErrors()
{
    return m_port->open.log->take();
}

void MidiOutput::start()
{
    m_quit.store(false, std::memory_order_relaxed);
    m_thread = std::thread(&MidiOutput::run, this);
}

void MidiOutput::stopThread()
{
    if (!m_thread.joinable()) return;
    m_quit.store(true, std::memory_order_release);
    m_thread.join();
}

// Ends every sounding note (stop returns to the start, pause keeps the place), then panics.
void MidiOutput::silence(Sink& sink, bool stopPlayback)
{
    const double position = m_sequencer.position();
    const bool playing = m_sequencer.playing();
    if (stopPlayback)
        m_sequencer.stop(sink);
    else
        m_sequencer.pause(sink);
    followClock(position, playing, 0, sink);
    m_sequencer.panic(sink);
    m_transport.publish(m_sequencer);
}

void MidiOutput::followClock(double positionBefore, bool playingBefore, double elapsedSeconds,
                             Sink& sink)
{
    if (!m_clock || !m_sequencer.sequence()) return;
    m_clock->follow(m_sequencer.sequence()->tempoMap(), {positionBefore, playingBefore},
                    elapsedSeconds, {m_sequencer.position(), m_sequencer.playing()}, sink);
}

void MidiOutput::run()
{
    PIANOLA_ASSERT_NOT_CONTROL_THREAD();
    m_schedulerThread = std::this_thread::get_id();
    configureSchedulerThread(m_options.realtimePriority);
    Sink sink(*m_port->open.midi, m_sent);
    Clock::time_point last = Clock::now();
    Wake wake;
    while (!m_quit.load(std::memory_order_acquire)) {
        const Clock::time_point now = Clock::now();
        if (wake.due) recordLateness(now - (wake.at - kWakeMargin));
        step(now - last, now, sink);
        last = now;
        wake = nextWake(now);
        std::this_thread::sleep_until(wake.at);
    }
}

// One pass at `now`: what fell due since the last pass, then the queued commands.
void MidiOutput::step(Clock::duration elapsed, Clock::time_point now, Sink& sink)
{
    assert(std::this_thread::get_id() == m_schedulerThread);
    const double seconds = std::chrono::duration<double>(elapsed).count();
    double position = m_sequencer.position();
    bool playing = m_sequencer.playing();
    m_sequencer.advance(seconds, sink);
    followClock(position, playing, seconds, sink);
    position = m_sequencer.position();
    playing = m_sequencer.playing();
    m_transport.applyCommands(m_sequencer, sink);
    followClock(position, playing, 0, sink);
    m_transport.publish(m_sequencer);
    m_finished.store(m_sequencer.finished(), std::memory_order_relaxed);
    if (m_sequencer.playing())
        m_originNs.store(toNs(now) - std::llround(m_sequencer.position() * 1e9),
                         std::memory_order_relaxed);
}

MidiOutput::Wake MidiOutput::nextWake(Clock::time_point now) const
{
    double due = m_sequencer.secondsUntilNextEvent();
    if (m_clock && m_sequencer.sequence())
        due = std::min(due, m_clock->secondsUntilNextTick(m_sequencer.sequence()->tempoMap(),
                                                          m_sequencer.position()));
    const double wait = std::min(kCommandPollSeconds, due);
    const auto ns = std::chrono::nanoseconds(static_cast<std::int64_t>(std::ceil(wait * 1e9)));
    return {now + std::chrono::duration_cast<Clock::duration>(ns) + kWakeMargin,
            due <= kCommandPollSeconds};
}

void MidiOutput::recordLateness(Clock::duration late)
{
    const auto ns = std::max<std::int64_t>(
        0, std::chrono::duration_cast<std::chrono::nanoseconds>(late).count());
    const auto bucket =
        std::min<std::int64_t>(ns / static_cast<std::int64_t>(MidiSchedulerStats::kBucketMs * 1e6),
                               MidiSchedulerStats::kBuckets);
    m_lateHistogram[static_cast<std::size_t>(bucket)].fetch_add(1, std::memory_order_relaxed);
    if (ns > m_maxLateNs.load(std::memory_order_relaxed))
        m_maxLateNs.store(ns, std::memory_order_relaxed); // only this thread writes
}

MidiSchedulerStats MidiOutput::schedulerStats() const
{
    MidiSchedulerStats stats;
    for (std::size_t i = 0; i < stats.histogram.size(); ++i) {
        stats.histogram[i] = m_lateHistogram[i].load(std::memory_order_relaxed);
        stats.wakes += stats.histogram[i];
    }
    stats.maxLateMs = static_cast<double>(m_maxLateNs.load(std::memory_order_relaxed)) / 1e6;
    return stats;
}

double MidiSchedulerStats::percentileMs(double p) const
{
    if (wakes == 0) return 0;
    const auto wanted =
        static_cast<std::uint64_t>(std::ceil(std::clamp(p, 0.0, 1.0) * static_cast<double>(wakes)));
    std::uint64_t seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += histogram[static_cast<std::size_t>(i)];
        if (seen >= wanted) return (i + 1) * kBucketMs;
    }
    return maxLateMs; // in the overflow bucket
}

} // namespace pianola::engine
