// SPDX-License-Identifier: MIT
// The plan flattened for analysis.
#include "engine/analysis/Timeline.h"

#include <algorithm>

namespace pianola::engine::analysis {

namespace {
constexpr int kDrumChannel = 9;

// Plans are validated on the way in; the clamp only keeps a stray value from wrapping.
std::uint8_t byte(int value, int max)
{
    return static_cast<std::uint8_t>(std::clamp(value, 0, max));
}

bool byStart(const TimedNote& a, const TimedNote& b)
{
    if (a.startTick != b.startTick) return a.startTick < b.startTick;
    return a.key != b.key ? a.key < b.key : a.track < b.track;
}
} // namespace

Timeline::Timeline(const model::Plan& plan) : m_tempo(plan), m_ppq(std::max(1, plan.ppq))
{
    std::size_t pitched = 0, drums = 0; // reserved exactly: a million notes are 32 MB here
    for (const model::Track& track : plan.tracks)
        (track.channel == kDrumChannel ? drums : pitched) += track.notes.size();
    m_pitched.reserve(pitched);
    m_drums.reserve(drums);
    for (std::size_t t = 0; t < plan.tracks.size(); ++t) {
        const model::Track& track = plan.tracks[t];
        auto& into = track.channel == kDrumChannel ? m_drums : m_pitched;
        for (const model::Note& n : track.notes) {
            const model::Tick end = n.startTick + std::max<model::Tick>(1, n.lengthTicks);
            into.push_back(TimedNote{n.startTick, end, m_tempo.ticksToSeconds(n.startTick),
                                     static_cast<std::int32_t>(t), byte(n.key, 127),
                                     byte(n.velocity, 127), byte(track.channel, 15)});
            m_endTick = std::max(m_endTick, end);
        }
    }
    m_endTick = std::max(m_endTick, plan.lengthTicks());
    std::sort(m_pitched.begin(), m_pitched.end(), byStart);
    std::sort(m_drums.begin(), m_drums.end(), byStart);
    buildBars(plan);
}

void Timeline::buildBars(const model::Plan& plan)
{
    std::vector<model::TimeSignature> meters = plan.timeSignatures;
    if (meters.empty() || meters.front().tick != 0)
        meters.insert(meters.begin(), model::TimeSignature{});
    for (std::size_t i = 0; i < meters.size() && m_barStarts.size() < kMaxBars; ++i) {
        const model::TimeSignature& ts = meters[i];
        if (i + 1 < meters.size() && meters[i + 1].tick <= ts.tick)
            continue; // replaced at the same tick
        const model::Tick until = i + 1 < meters.size() ? meters[i + 1].tick : m_endTick;
        const int denominator = std::clamp(ts.denominator, 1, 64);
        const model::Tick beat = std::max<model::Tick>(1, model::Tick{m_ppq} * 4 / denominator);
        const int beats = std::clamp(ts.numerator, 1, 64);
        for (model::Tick bar = ts.tick; m_barStarts.size() < kMaxBars; bar += beat * beats) {
            m_barStarts.push_back(bar);
            m_barMeter.emplace_back(beat, beats);
            if (bar + beat * beats >= until) break;
        }
    }
}

int Timeline::barAt(model::Tick tick) const
{
    const auto it = std::upper_bound(m_barStarts.begin(), m_barStarts.end(), tick);
    return it == m_barStarts.begin() ? 0 : static_cast<int>(it - m_barStarts.begin()) - 1;
}

model::Tick Timeline::beatTicks(int bar) const
{
    return m_barMeter[static_cast<std::size_t>(std::clamp(bar, 0, barCount() - 1))].first;
}

int Timeline::beatsInBar(int bar) const
{
    return m_barMeter[static_cast<std::size_t>(std::clamp(bar, 0, barCount() - 1))].second;
}

} // namespace pianola::engine::analysis
