// SPDX-License-Identifier: MIT
// The real-time player: walks a PlaybackSequence in time, chases state, never leaves a note on.
#pragma once

#include "engine/playback/PlaybackSequence.h"

#include <array>
#include <cstdint>
#include <memory>

namespace pianola::engine {

/// Where the Sequencer's messages go: a synth (rendering audio up to the offset first) or a
/// MIDI port (scheduling at the offset). `offsetSeconds` counts from the start of the current
/// advance() span; the sequence's messages come in time order, an audition's note-off may
/// come earlier than one already sent: a sink delivers such a message at once.
/// [rt] implementations must not block, allocate or throw.
class MidiSink
{
public:
    virtual ~MidiSink() = default;
    virtual void send(double offsetSeconds, const std::uint8_t* message, int size) = 0;
};

/// Single-threaded: owned and driven by one consumer thread (audio callback, MIDI-out
/// scheduler, or an offline renderer). Every public function is [rt]: no allocation, no locks,
/// no logging, no exceptions. Stop, pause, seek, loop wrap, sequence switch and panic end every
/// sounding note with its note-off, then send CC 64 = 0 and CC 123 on the channels in use.
class Sequencer
{
public:
    Sequencer();
    ~Sequencer();
    Sequencer(const Sequencer&) = delete;
    Sequencer& operator=(const Sequencer&) = delete;

    /// Switches the sequence at the current position (A/B): sounding notes end, the new
    /// sequence's controllers and held notes at this position are chased. Does not own `seq`.
    void setSequence(const PlaybackSequence* seq, MidiSink& sink);
    const PlaybackSequence* sequence() const { return m_seq; }

    void play(MidiSink& sink);
    void pause(MidiSink& sink);
    /// Pauses and returns to the start (or to the loop start when looping).
    void stop(MidiSink& sink);
    void seek(double seconds, MidiSink& sink);
    /// A loop region [startSeconds, endSeconds); ignored while end <= start.
    void setLoop(bool enabled, double startSeconds, double endSeconds);
    /// Note-offs for everything sounding, then CC 64 = 0, CC 123 and CC 120 on all 16 channels.
    void panic(MidiSink& sink);
    /// Plays a note now and ends it after `durationSeconds` (keyboard clicks, drawn notes).
    void audition(int channel, int key, int velocity, double durationSeconds, MidiSink& sink);
    /// Sends a channel message now (play-through); its notes are tracked like the sequence's.
    void live(std::uint8_t status, std::uint8_t data1, std::uint8_t data2, int size,
              MidiSink& sink);

    /// Moves time forward by `seconds`, sending every due message at its offset.
    void advance(double seconds, MidiSink& sink);
    /// Seconds from the current position until advance() has something to do: the next event
    /// of the sequence, a loop wrap, the end of the sequence or an audition's note-off (0 when
    /// due now); +infinity when nothing is due. For schedulers that sleep until then.
    double secondsUntilNextEvent() const;

    double position() const { return m_position; }
    bool playing() const { return m_playing; }
    /// True once playback ran past the end (not looping) and stopped by itself.
    bool finished() const { return m_finished; }
    bool looping() const { return m_loopEnabled && m_loopEnd > m_loopStart; }

private:
    void send(double offset, std::uint8_t status, std::uint8_t d1, std::uint8_t d2, int size,
              MidiSink& sink);
    void releaseAll(double offset, MidiSink& sink);
    void chase(double at, double offset, MidiSink& sink);
    void runUntil(double endSeconds, double spanOffset, MidiSink& sink);
    void advanceAuditions(double seconds, MidiSink& sink);
    void moveTo(double seconds);

    struct Audition
    {
        std::int8_t channel = -1;
        std::uint8_t key = 0;
        double remaining = 0;
    };

    const PlaybackSequence* m_seq = nullptr;
    std::size_t m_next = 0;
    double m_position = 0;
    bool m_playing = false;
    bool m_finished = false;
    bool m_loopEnabled = false;
    double m_loopStart = 0, m_loopEnd = 0;
    std::array<std::array<std::uint8_t, 128>, 16> m_sounding{};
    std::uint16_t m_channelsUsed = 0;
    std::array<Audition, 16> m_auditions{};
    std::unique_ptr<ChaseState> m_chase; ///< scratch for chase(), allocated once
};

} // namespace pianola::engine
