// SPDX-License-Identifier: MIT
// Ticks <-> seconds across tempo changes, exact to the microsecond tempo an SMF stores.
#pragma once

#include "model/Plan.h"

#include <cstdint>
#include <vector>

namespace pianola::model {

/// Maps ticks to seconds and back. Each segment uses the integer microseconds-per-quarter
/// that the SMF writer stores for its bpm, so the map agrees exactly with an exported file.
class TempoMap
{
public:
    TempoMap() : TempoMap(480, {TempoChange{}}) {}
    TempoMap(int ppq, const std::vector<TempoChange>& tempos);
    explicit TempoMap(const Plan& plan) : TempoMap(plan.ppq, plan.tempos) {}

    double ticksToSeconds(Tick tick) const;
    double ticksToMs(Tick tick) const { return ticksToSeconds(tick) * 1000.0; }
    /// The tick sounding at `seconds` (fractional; round or floor as the caller needs).
    double secondsToTicks(double seconds) const;
    /// Microseconds per quarter note in force at `tick`.
    std::uint32_t usPerQuarterAt(Tick tick) const;
    int ppq() const { return m_ppq; }

    /// The microseconds per quarter note an SMF stores for `bpm` (rounded, 1..0xFFFFFF).
    static std::uint32_t usPerQuarter(double bpm);
    /// The shortest decimal bpm (up to 3 decimals) that maps back to exactly `us`, so that
    /// bpm -> SMF -> bpm round trips are lossless (110 -> 545455 us -> 110).
    static double bpmFromUsPerQuarter(std::uint32_t us);

private:
    struct Segment
    {
        Tick tick;
        std::uint32_t usPerQuarter;
        double startUs; ///< microseconds from tick 0 to `tick`
    };
    std::vector<Segment> m_segments;
    int m_ppq;
};

} // namespace pianola::model
