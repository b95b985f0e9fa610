// SPDX-License-Identifier: MIT
// Playback to a MIDI port: a scheduler thread that owns a Sequencer and sends at event times.
#pragma once

#include "engine/playback/Sequencer.h"
#include "engine/playback/Transport.h"
#include "model/Result.h"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace pianola::engine {

class MidiClock;

struct MidiOutputOptions
{
    std::string api;          ///< "alsa", "jack"; empty = every compiled API in RtMidi's order
    std::string port;         ///< case-insensitive substring of the port name; empty = the first
    bool virtualPort = false; ///< create a port for others to connect to instead
    std::string ownPortName = "Pianola"; ///< our port: the virtual one, or our end (JACK)
    std::string clientName = "Pianola";
    bool sendClock = false; ///< MIDI clock (24 PPQN), Start/Stop/Continue, Song Position Pointer
    bool realtimePriority = true; ///< ask for SCHED_FIFO for the scheduler thread (best effort)
};

/// How late the scheduler thread woke for due messages: its own precision, before the port adds
/// its latency. A histogram in 20 us steps up to 2 ms.
struct MidiSchedulerStats
{
    static constexpr int kBuckets = 100;
    static constexpr double kBucketMs = 0.02;
    std::uint64_t wakes = 0; ///< wakes for a due message or clock tick
    double maxLateMs = 0;
    std::array<std::uint64_t, kBuckets + 1> histogram{}; ///< the last bucket: later than 2 ms
    /// The lateness (bucket upper edge, ms) that a fraction `p` (0..1) of the wakes stayed within.
    double percentileMs(double p) const;
};

/// Plays through RtMidiOut on a dedicated scheduler thread, which owns its Sequencer and
/// applies what the control thread queues on transport() (play, pause, stop, seek, loop,
/// sequence, panic, audition). The thread sleeps until the next event, clock tick or at most
/// 2 ms (to pick up commands), then sends what is due with RtMidiOut::sendMessage (which may
/// allocate: that is why this is not the audio thread). Nothing is sent before the first
/// command; play chases program, bank and controllers. Destruction and changePort() end every
/// sounding note, then send CC 64 = 0, CC 123 (and CC 120) before the port closes.
/// Timing: sendMessage() runs within microseconds of an event's time; RtMidi's JACK backend
/// then writes it at the start of the next JACK period (so it arrives up to a period late).
class MidiOutput
{
public:
    using Clock = std::chrono::steady_clock;

    /// Opens the port (or the virtual port) and starts the scheduler thread. Control thread.
    static Result<std::unique_ptr<MidiOutput>> open(const MidiOutputOptions& options);
    ~MidiOutput();
    MidiOutput(const MidiOutput&) = delete;
    MidiOutput& operator=(const MidiOutput&) = delete;

    /// The control-thread API (the GUI never touches the Sequencer). Call its collectGarbage()
    /// now and then to free replaced sequences.
    Transport& transport() { return m_transport; }

    /// Moves playback to another port: opens it first (on failure nothing changes), then ends
    /// every sounding note and panics on the old port, closes it, and continues on the new one
    /// at the same position (chasing program, bank and held notes) if it was playing.
    Result<void> changePort(const MidiOutputOptions& options);

    /// RtMidi's API name ("alsa", "jack") and the port connected to (or the virtual port).
    std::string apiName() const;
    std::string portName() const;

    /// The steady_clock time at which position 0 of the current run sounds(ed): a message at
    /// `seconds` in the sequence is sent at timeOrigin() + seconds. Valid once playing.
    Clock::time_point timeOrigin() const;
    /// True once playback ran to the end by itself (reset by the next play).
    bool finished() const { return m_finished.load(std::memory_order_relaxed); }
    /// Messages sent so far (including chase, panic and clock).
    std::uint64_t messagesSent() const { return m_sent.load(std::memory_order_relaxed); }
    /// What RtMidi reported since the last call (e.g. a full JACK buffer), oldest first.
    std::vector<std::string> takeErrors();
    /// The scheduler's wake lateness so far (lock-free; any thread).
    MidiSchedulerStats schedulerStats() const;

private:
    struct Port;
    class Sink;
    MidiOutput();
    void start();
    void stopThread();
    void run();
    struct Wake
    {
        Clock::time_point at;
        bool due = false; ///< for a message or clock tick (not just to pick up commands)
    };
    void step(Clock::duration elapsed, Clock::time_point now, Sink& sink);
    Wake nextWake(Clock::time_point now) const;
    void recordLateness(Clock::duration late);
    void silence(Sink& sink, bool stopPlayback);
    void followClock(double positionBefore, bool playingBefore, double elapsedSeconds, Sink& sink);

    MidiOutputOptions m_options;
    std::unique_ptr<Port> m_port;
    Transport m_transport;
    Sequencer m_sequencer; ///< scheduler thread only (the control thread while it is joined)
    std::unique_ptr<MidiClock> m_clock; ///< null unless options.sendClock
    std::thread m_thread;
    std::thread::id m_schedulerThread; ///< set by the thread itself: step() asserts it
    std::atomic<bool> m_quit{false};
    std::atomic<bool> m_finished{false};
    std::atomic<std::int64_t> m_originNs{0};
    std::atomic<std::uint64_t> m_sent{0};
    std::array<std::atomic<std::uint64_t>, MidiSchedulerStats::kBuckets + 1> m_lateHistogram{};
    std::atomic<std::int64_t> m_maxLateNs{0};
};

} // namespace pianola::engine
