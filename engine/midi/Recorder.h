// SPDX-License-Identifier: MIT
// Recording live MIDI into a track: notes paired FIFO, controllers and bends, ticks as played.
#pragma once

#include "engine/midi/MidiMessage.h"
#include "model/Plan.h"
#include "model/TempoMap.h"

#include <cstdint>
#include <vector>

namespace pianola::engine {

/// Builds a model::Track from messages received while the transport runs. Pure (no clock, no
/// port): the caller passes each message with the transport position at which it arrived.
/// - Notes pair first-in first-out per channel and key; a note-on with velocity 0 is a note-off;
///   the note-off's velocity becomes the release velocity (64 for a velocity-0 note-on).
/// - Control changes, pitch bend and channel pressure are kept at their ticks.
/// - Ticks are as played (quantize off): seconds -> ticks through the tempo map, rounded.
/// - A track has one channel: the first channel heard; pairing still keeps channels apart.
/// Control thread only.
class Recorder
{
public:
    explicit Recorder(model::TempoMap tempoMap);

    /// Starts a take (drops anything recorded before).
    void start();
    bool recording() const { return m_recording; }
    /// One message that arrived at `positionSeconds` of the transport; ignored unless recording.
    void receive(double positionSeconds, const std::uint8_t* bytes, int size);
    void receive(double positionSeconds, const MidiMessage& message)
    {
        receive(positionSeconds, message.bytes.data(), message.size);
    }
    /// Ends the take: notes still held end at `positionSeconds`. The notes come sorted by
    /// (start, key) with ids 1..n; the other events sorted by tick.
    model::Track stop(double positionSeconds);

private:
    struct Held
    {
        int channel;
        int key;
        model::Tick startTick;
        std::uint8_t velocity;
    };
    model::Tick tickAt(double seconds) const;
    void noteOn(int channel, int key, int velocity, model::Tick tick);
    void noteOff(int channel, int key, int releaseVelocity, model::Tick tick);

    model::TempoMap m_tempoMap;
    bool m_recording = false;
    std::vector<Held> m_held; ///< in arrival order: the first match is the oldest
    model::Track m_track;
    bool m_channelKnown = false;
};

} // namespace pianola::engine
