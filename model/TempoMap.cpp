// SPDX-License-Identifier: MIT
// Ticks <-> seconds across tempo changes.
#include "model/TempoMap.h"

#include <algorithm>
#include <cmath>

namespace pianola::model {

TempoMap::TempoMap(int ppq, const std::vector<TempoChange>& tempos) : m_ppq(std::max(1, ppq))
{
    m_segments.push_back({0, usPerQuarter(120.0), 0.0});
    for (const TempoChange& t : tempos) {
        const Tick tick = std::max<Tick>(0, t.tick);
        Segment& last = m_segments.back();
        const std::uint32_t us = usPerQuarter(t.bpm);
        if (tick == last.tick) { // a later change at the same tick wins
            last.usPerQuarter = us;
            continue;
        }
        const double startUs =
            last.startUs + static_cast<double>(tick - last.tick) * last.usPerQuarter / m_ppq;
        m_segments.push_back({tick, us, startUs});
    }
}

double TempoMap::ticksToSeconds(Tick tick) const
{
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), tick,
                               [](Tick t, const Segment& s) { return t < s.tick; });
    const Segment& s = (it == m_segments.begin()) ? m_segments.front() : *std::prev(it);
    const double us = s.startUs + static_cast<double>(tick - s.tick) * s.usPerQuarter / m_ppq;
    return us / 1e6;
}

double TempoMap::secondsToTicks(double seconds) const
{
    const double us = seconds * 1e6;
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), us,
                               [](double u, const Segment& s) { return u < s.startUs; });
    const Segment& s = (it == m_segments.begin()) ? m_segments.front() : *std::prev(it);
    return static_cast<double>(s.tick) + (us - s.startUs) * m_ppq / s.usPerQuarter;
}

std::uint32_t TempoMap::usPerQuarterAt(Tick tick) const
{
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), tick,
                               [](Tick t, const Segment& s) { return t < s.tick; });
    return (it == m_segments.begin()) ? m_segments.front().usPerQuarter
                                      : std::prev(it)->usPerQuarter;
}

std::uint32_t TempoMap::usPerQuarter(double bpm)
{
    if (!(bpm > 0.0) || !std::isfinite(bpm)) bpm = 120.0;
    const double us = std::round(60'000'000.0 / bpm);
    return static_cast<std::uint32_t>(std::clamp(us, 1.0, 16'777'215.0));
}

double TempoMap::bpmFromUsPerQuarter(std::uint32_t us)
{
    us = std::max<std::uint32_t>(us, 1);
    const double exact = 60'000'000.0 / us;
    for (double scale : {1.0, 10.0, 100.0, 1000.0}) {
        const double candidate = std::round(exact * scale) / scale;
        if (candidate > 0 && usPerQuarter(candidate) == us) return candidate;
    }
    return exact;
}

} // namespace pianola::model
