// SPDX-License-Identifier: MIT
// The plan flattened for analysis: every note with its track, channel and exact times, plus the
// bar grid from the time signatures.
#pragma once

#include "model/Plan.h"
#include "model/TempoMap.h"

#include <cstdint>
#include <vector>

namespace pianola::engine::analysis {

/// 32 bytes (a million notes are 32 MB here); the end in seconds is
/// tempo().ticksToSeconds(endTick).
struct TimedNote
{
    model::Tick startTick = 0, endTick = 0;
    double startS = 0.0; ///< from the tempo map
    std::int32_t track = 0;
    std::uint8_t key = 0, velocity = 0, channel = 0; ///< 0-127, 0-127, 0-15
};
static_assert(sizeof(TimedNote) <= 32);

/// Notes sorted by (startTick, key, track); drums (channel index 9) kept apart from pitched notes.
class Timeline
{
public:
    /// At most this many bars are distinguished; later ticks fall into the last one.
    static constexpr std::size_t kMaxBars = 1u << 18;

    explicit Timeline(const model::Plan& plan);

    const model::TempoMap& tempo() const { return m_tempo; }
    int ppq() const { return m_ppq; }
    const std::vector<TimedNote>& pitched() const { return m_pitched; }
    const std::vector<TimedNote>& drums() const { return m_drums; }
    model::Tick endTick() const { return m_endTick; }
    double endS() const { return m_tempo.ticksToSeconds(m_endTick); }

    /// Bar starts (ticks), at least one; a bar's beats follow its time signature.
    const std::vector<model::Tick>& barStarts() const { return m_barStarts; }
    int barCount() const { return static_cast<int>(m_barStarts.size()); }
    /// 0-based bar of `tick` (O(log bars)).
    int barAt(model::Tick tick) const;
    /// Ticks per beat (quarter = ppq, eighth = ppq / 2...) and beats of bar `bar`.
    model::Tick beatTicks(int bar) const;
    int beatsInBar(int bar) const;

private:
    void buildBars(const model::Plan& plan);

    model::TempoMap m_tempo;
    int m_ppq;
    std::vector<TimedNote> m_pitched, m_drums;
    model::Tick m_endTick = 0;
    std::vector<model::Tick> m_barStarts;
    std::vector<std::pair<model::Tick, int>> m_barMeter; ///< per bar: (beat ticks, beats)
};

} // namespace pianola::engine::analysis
