// SPDX-License-Identifier: MIT
// An immutable, time-stamped event list built from a plan on the GUI thread, read by players.
#pragma once

#include "engine/EventRenderer.h"
#include "model/Plan.h"
#include "model/TempoMap.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace pianola::engine {

/// A channel message at an absolute time (seconds from the start, via the tempo map).
struct PlaybackEvent
{
    double seconds = 0;
    model::Tick tick = 0;
    std::uint8_t status = 0;
    std::uint8_t data1 = 0;
    std::uint8_t data2 = 0;
    std::uint8_t size = 3;   ///< 2 for program change and channel pressure
};

struct PlaybackOptions
{
    std::vector<bool> muted;   ///< per plan track; missing entries = audible
    std::vector<bool> soloed;  ///< if any track is soloed, only soloed tracks sound
    model::Tick minimumTicks = 0;   ///< play at least this long (recording past the end)
};

/// Built once per plan change (GUI thread), never modified, handed to the real-time side.
class PlaybackSequence
{
public:
    /// The events of every audible track (from EventRenderer, the source SMF export uses too),
    /// merged in time order: at one instant the renderer's order (note-offs first) holds.
    static std::unique_ptr<PlaybackSequence> build(const model::Plan& plan, const PlaybackOptions& options = {});

    const std::vector<PlaybackEvent>& events() const { return m_events; }
    /// The end of the plan's last event, or options.minimumTicks if later.
    double lengthSeconds() const { return m_lengthSeconds; }
    const model::TempoMap& tempoMap() const { return m_tempoMap; }
    /// Index of the first event at or after `seconds` (binary search). [rt]
    std::size_t firstAtOrAfter(double seconds) const;

private:
    std::vector<PlaybackEvent> m_events;
    model::TempoMap m_tempoMap;
    double m_lengthSeconds = 0;
};

} // namespace pianola::engine
