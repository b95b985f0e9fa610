// SPDX-License-Identifier: MIT
// Track weights for chord recognition from each track's thickness and register.
#include "engine/analysis/TrackWeights.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace pianola::engine::analysis {

namespace {
using model::Tick;

struct TrackShape
{
    double thickness = 0.0; ///< mean pitch classes sounding while the track sounds
    double meanKey = 128.0; ///< mean key of its notes
    Tick sounding = 0;      ///< ticks with at least one note
};

// A sweep over one track's note starts and ends: per pitch class how many notes sound.
TrackShape shapeOf(const std::vector<TimedNote>& all, const std::vector<std::size_t>& notes)
{
    struct Event
    {
        Tick tick;
        int delta, pc;
    };
    std::vector<Event> events;
    events.reserve(notes.size() * 2);
    double keys = 0.0;
    for (std::size_t i : notes) {
        events.push_back({all[i].startTick, 1, all[i].key % 12});
        events.push_back({all[i].endTick, -1, all[i].key % 12});
        keys += all[i].key;
    }
    std::sort(events.begin(), events.end(),
              [](const Event& a, const Event& b) { return a.tick < b.tick; });
    std::array<int, 12> count{};
    int distinct = 0;
    double weighted = 0.0;
    TrackShape shape;
    for (std::size_t e = 0; e < events.size(); ++e) {
        const Event& ev = events[e];
        if (ev.delta > 0 && count[ev.pc]++ == 0) ++distinct;
        if (ev.delta < 0 && --count[ev.pc] == 0) --distinct;
        const Tick next = e + 1 < events.size() ? events[e + 1].tick : ev.tick;
        if (distinct > 0 && next > ev.tick) {
            weighted += static_cast<double>(distinct) * static_cast<double>(next - ev.tick);
            shape.sounding += next - ev.tick;
        }
    }
    if (shape.sounding > 0) shape.thickness = weighted / static_cast<double>(shape.sounding);
    if (!notes.empty()) shape.meanKey = keys / static_cast<double>(notes.size());
    return shape;
}
} // namespace

std::vector<double> chordTrackWeights(const Timeline& timeline)
{
    const auto& notes = timeline.pitched();
    std::vector<std::vector<std::size_t>> byTrack;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const auto t = static_cast<std::size_t>(std::max(0, notes[i].track));
        if (t >= byTrack.size()) byTrack.resize(t + 1);
        byTrack[t].push_back(i);
    }
    std::vector<double> weights(byTrack.size(), 0.0);
    double top = 0.0, lowestKey = 128.0;
    std::size_t bass = byTrack.size();
    const Tick length = std::max<Tick>(1, timeline.endTick());
    for (std::size_t t = 0; t < byTrack.size(); ++t) {
        if (byTrack[t].empty()) continue;
        const TrackShape shape = shapeOf(notes, byTrack[t]);
        weights[t] = std::max(0.0, 1.0 - std::exp(-(shape.thickness - 0.95)));
        top = std::max(top, weights[t]);
        if (shape.sounding * 5 >= length && shape.meanKey < lowestKey) {
            lowestKey = shape.meanKey;
            bass = t;
        }
    }
    for (double& w : weights)
        w = top > 0.0 ? w / top : 1.0;
    if (bass < weights.size()) weights[bass] = 1.0;
    return weights;
}

} // namespace pianola::engine::analysis
