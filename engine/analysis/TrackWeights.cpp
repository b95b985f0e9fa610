// SPDX-License-Identifier: MIT
// Track weights for chord recognition from each track's thickness and register.
#include "engine/analysis/TrackWeights.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <queue>

namespace pianola::engine::analysis {

namespace {
using model::Tick;

// One track's sweep in start order: the notes sounding (their ends in a heap, so memory follows
// the polyphony, not the note count) and the pitch classes they cover.
struct TrackSweep
{
    using End = std::pair<Tick, int>; // (end tick, pitch class)
    std::priority_queue<End, std::vector<End>, std::greater<>> ends;
    std::array<int, 12> count{};
    int distinct = 0;
    Tick at = 0;           ///< time accounted up to here
    double weighted = 0.0; ///< sum of distinct pitch classes x ticks
    Tick sounding = 0;     ///< ticks with at least one note
    double keys = 0.0;     ///< sum of keys
    std::size_t notes = 0;

    void advance(Tick to)
    {
        if (to <= at) return;
        if (distinct > 0) {
            weighted += static_cast<double>(distinct) * static_cast<double>(to - at);
            sounding += to - at;
        }
        at = to;
    }
    // Ends every note that stops by `to`, accounting the time in between.
    void endUntil(Tick to)
    {
        while (!ends.empty() && ends.top().first <= to) {
            advance(ends.top().first);
            if (--count[static_cast<std::size_t>(ends.top().second)] == 0) --distinct;
            ends.pop();
        }
        advance(to);
    }
    void start(const TimedNote& n)
    {
        endUntil(n.startTick);
        const int pc = n.key % 12;
        if (count[static_cast<std::size_t>(pc)]++ == 0) ++distinct;
        ends.emplace(n.endTick, pc);
        keys += n.key;
        ++notes;
    }
    double thickness() const
    {
        return sounding > 0 ? weighted / static_cast<double>(sounding) : 0.0;
    }
};
} // namespace

std::vector<double> chordTrackWeights(const Timeline& timeline)
{
    std::vector<TrackSweep> sweeps;
    for (const TimedNote& n : timeline.pitched()) {
        const auto t = static_cast<std::size_t>(std::max(0, n.track));
        if (t >= sweeps.size()) sweeps.resize(t + 1);
        sweeps[t].start(n);
    }
    std::vector<double> weights(sweeps.size(), 0.0);
    double top = 0.0, lowestKey = 128.0;
    std::size_t bass = sweeps.size();
    const Tick length = std::max<Tick>(1, timeline.endTick());
    for (std::size_t t = 0; t < sweeps.size(); ++t) {
        TrackSweep& s = sweeps[t];
        if (s.notes == 0) continue;
        s.endUntil(timeline.endTick());
        weights[t] = std::max(0.0, 1.0 - std::exp(-(s.thickness() - 0.95)));
        top = std::max(top, weights[t]);
        const double meanKey = s.keys / static_cast<double>(s.notes);
        if (s.sounding * 5 >= length && meanKey < lowestKey) {
            lowestKey = meanKey;
            bass = t;
        }
    }
    for (double& w : weights)
        w = top > 0.0 ? w / top : 1.0;
    if (bass < weights.size()) weights[bass] = 1.0;
    return weights;
}

} // namespace pianola::engine::analysis
