// SPDX-License-Identifier: MIT
// Receiving MIDI: RtMidi's callback timestamps each message and queues it without locks.
#pragma once

#include "engine/midi/MidiMessage.h"
#include "engine/playback/SpscQueue.h"
#include "model/Result.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace pianola::engine {

struct MidiInputOptions
{
    std::string api;          ///< "alsa", "jack"; empty = every compiled API in RtMidi's order
    std::string port;         ///< case-insensitive substring of the port name; empty = the first
    bool virtualPort = false; ///< create a port for others to connect to instead
    std::string ownPortName = "Pianola In"; ///< our port: the virtual one, or our end (JACK)
    std::string clientName = "Pianola";
    bool receiveClock = false; ///< keep system real-time messages (clock, start, stop...)
};

/// An open MIDI input. RtMidi's input thread calls onMessage(), which stamps the arrival with
/// steady_clock and pushes it into a fixed-capacity SPSC queue (no allocation, no locks); one
/// control thread drains it (to record, step-enter, or forward to a synth for play-through).
/// Sysex and messages longer than 3 bytes are not carried; active sensing is ignored.
class MidiInput
{
public:
    static constexpr std::size_t kQueueCapacity = 8192;

    /// Opens the port (or the virtual port) and starts receiving. Control thread.
    static Result<std::unique_ptr<MidiInput>> open(const MidiInputOptions& options);
    ~MidiInput(); ///< closes the port: after it returns no callback runs
    MidiInput(const MidiInput&) = delete;
    MidiInput& operator=(const MidiInput&) = delete;

    /// Appends every queued message to `out` in arrival order; returns how many. One thread.
    std::size_t drain(std::vector<MidiMessage>& out);
    /// The next queued message, if any. Same thread as drain().
    bool pop(MidiMessage& message);

    /// Messages lost because the queue was full or they were longer than 3 bytes.
    std::uint64_t dropped() const { return m_dropped.load(std::memory_order_relaxed); }
    std::string apiName() const;
    std::string portName() const;
    /// What RtMidi reported since the last call, oldest first.
    std::vector<std::string> takeErrors();

private:
    struct Port;
    MidiInput();
    static void onMessage(double deltaSeconds, std::vector<unsigned char>* bytes,
                          void* self); // [rt]

    std::unique_ptr<Port> m_port;
    SpscQueue<MidiMessage, kQueueCapacity> m_queue;
    std::atomic<std::uint64_t> m_dropped{0};
};

} // namespace pianola::engine
