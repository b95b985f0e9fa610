// SPDX-License-Identifier: MIT
// An immutable, time-stamped event list built from a plan on the GUI thread, read by players.
#pragma once

#include "engine/EventRenderer.h"
#include "model/Plan.h"
#include "model/TempoMap.h"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace pianola::engine {

/// A channel message at a tick; its time in seconds is PlaybackSequence::seconds(). 8 bytes:
/// a sequence holds two per note.
struct PlaybackEvent
{
    std::uint32_t tick = 0; ///< at most model::Limits::kMaxTick
    std::uint8_t status = 0;
    std::uint8_t data1 = 0;
    std::uint8_t data2 = 0;
    std::uint8_t size = 3; ///< 2 for program change and channel pressure
};

struct PlaybackOptions
{
    std::vector<bool> muted;      ///< per plan track; missing entries = audible
    std::vector<bool> soloed;     ///< if any track is soloed, only soloed tracks sound
    model::Tick minimumTicks = 0; ///< play at least this long (recording past the end)
    bool metronome = false; ///< clicks on every beat (engine/playback/Metronome.h); never exported
};

/// Controller, program and note state of every channel at one instant (what a seek chases).
struct ChaseState
{
    std::array<std::array<std::int16_t, 128>, 16> cc;
    std::array<std::int16_t, 16> program, pitchBend, pressure;
    std::array<std::array<std::uint8_t, 128>, 16> held, velocity;

    void reset();
    /// The state after `e`. [rt]
    void apply(const PlaybackEvent& e);
};

/// Built once per plan change (GUI thread), never modified, handed to the real-time side.
class PlaybackSequence
{
public:
    PlaybackSequence();
    ~PlaybackSequence();
    PlaybackSequence(const PlaybackSequence&) = delete;
    PlaybackSequence& operator=(const PlaybackSequence&) = delete;
    /// How many sequences exist now (all threads): tests check that none leaks.
    static std::size_t liveCount();
    /// How many sequences were built since the start (tests count rebuilds).
    static std::size_t builtCount();

    /// The events of every audible track (from EventRenderer, the source SMF export uses too),
    /// merged in time order: at one instant the renderer's order (note-offs first) holds.
    static std::unique_ptr<PlaybackSequence> build(const model::Plan& plan,
                                                   const PlaybackOptions& options = {});

    const std::vector<PlaybackEvent>& events() const { return m_events; }
    /// The end of the plan's last event, or options.minimumTicks if later.
    double lengthSeconds() const { return m_lengthSeconds; }
    const model::TempoMap& tempoMap() const { return m_tempoMap; }
    /// The time of `event` in seconds from the start (through the tempo map). [rt]
    double seconds(const PlaybackEvent& event) const
    {
        return m_tempoMap.ticksToSeconds(event.tick);
    }
    /// Index of the first event at or after `seconds` (binary search). [rt]
    std::size_t firstAtOrAfter(double seconds) const;

    /// Chase states every kCheckpointEvents events, so a seek in a huge sequence scans at most
    /// that many events on the real-time side: checkpoint(i) is the state before event
    /// i * kCheckpointEvents.
    static constexpr std::size_t kCheckpointEvents = 8192;
    const ChaseState& checkpoint(std::size_t index) const { return m_checkpoints[index]; }
    std::size_t checkpointCount() const { return m_checkpoints.size(); }

private:
    static std::vector<PlaybackEvent> collect(const model::Plan& plan,
                                              const PlaybackOptions& options);
    static void addClicks(const model::Plan& plan, const PlaybackOptions& options,
                          std::vector<PlaybackEvent>& all);

    std::vector<PlaybackEvent> m_events;
    model::TempoMap m_tempoMap;
    double m_lengthSeconds = 0;
    std::vector<ChaseState> m_checkpoints;
};

} // namespace pianola::engine
