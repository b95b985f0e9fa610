// SPDX-License-Identifier: MIT
// Texture measures on a 12-steps-per-beat grid over the opening bars.
#include "engine/analysis/Texture.h"

#include "engine/analysis/Timeline.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace pianola::engine::analysis {

using model::Tick;

namespace {
constexpr int kStepsPerBeat = 12;

double entropy(const std::array<double, 12>& counts)
{
    double total = 0, h = 0;
    for (double c : counts)
        total += c;
    for (double c : counts)
        if (c > 0) h -= c / total * std::log2(c / total);
    return total > 0 ? h : 0.0;
}

double scaleConsistency(const std::array<double, 12>& counts)
{
    static constexpr std::array<int, 7> kMajor = {0, 2, 4, 5, 7, 9, 11};
    static constexpr std::array<int, 7> kMinor = {0, 2, 3, 5, 7, 8, 10};
    double total = 0, best = 0;
    for (double c : counts)
        total += c;
    for (int tonic = 0; tonic < 12; ++tonic)
        for (const auto* scale : {&kMajor, &kMinor}) {
            double in = 0;
            for (int step : *scale)
                in += counts[static_cast<std::size_t>((tonic + step) % 12)];
            best = std::max(best, in);
        }
    return total > 0 ? best / total : 0.0;
}

// Onsets and sounding pitches per step over [from, to).
struct Grid
{
    Tick from = 0, step = 1;
    int steps = 0;
    std::vector<char> onset;
    std::vector<int> sounding;
};
} // namespace

const std::array<const char*, kTextureMeasures>& textureNames()
{
    static const std::array<const char*, kTextureMeasures> kNames = {
        "pitch-class entropy", "scale consistency", "groove consistency", "empty-beat rate",
        "polyphony"};
    return kNames;
}

std::array<double, kTextureMeasures> textureValues(const Texture& t)
{
    return {t.pitchClassEntropy, t.scaleConsistency, t.grooveConsistency, t.emptyBeatRate,
            t.polyphony};
}

Texture measureTexture(const model::Plan& plan, int bars)
{
    Texture out;
    const Timeline timeline(plan);
    const auto& notes = timeline.pitched();
    if (notes.empty() || timeline.ppq() < 1) return out;
    const int first = timeline.barAt(notes.front().startTick);
    const int last = std::min(timeline.barCount(), first + bars);
    Grid g;
    g.from = timeline.barStarts()[static_cast<std::size_t>(first)];
    const Tick to = last < timeline.barCount()
                        ? timeline.barStarts()[static_cast<std::size_t>(last)]
                        : std::max(timeline.endTick(), g.from + 1);
    g.step = std::max<Tick>(1, timeline.ppq() / kStepsPerBeat);
    g.steps = static_cast<int>(std::min<Tick>((to - g.from + g.step - 1) / g.step, 1 << 16));
    g.onset.assign(static_cast<std::size_t>(g.steps), 0);
    std::vector<std::vector<char>> keys(static_cast<std::size_t>(g.steps),
                                        std::vector<char>(128, 0));
    std::array<double, 12> counts{};
    for (const TimedNote& n : notes) {
        if (n.startTick < g.from || n.startTick >= to) continue;
        counts[static_cast<std::size_t>(n.key % 12)] += 1;
        const int s0 = static_cast<int>((n.startTick - g.from) / g.step);
        g.onset[static_cast<std::size_t>(s0)] = 1;
        const int s1 =
            static_cast<int>(std::min<Tick>(g.steps, (n.endTick - g.from + g.step - 1) / g.step));
        for (int s = s0; s < std::max(s1, s0 + 1); ++s)
            keys[static_cast<std::size_t>(s)][static_cast<std::size_t>(n.key)] = 1;
    }
    out.pitchClassEntropy = entropy(counts);
    out.scaleConsistency = scaleConsistency(counts);
    // Polyphony: distinct pitches per step, over steps where any sounds.
    double sum = 0;
    int voiced = 0;
    for (const auto& k : keys) {
        const int n = static_cast<int>(std::count(k.begin(), k.end(), 1));
        if (n) sum += n, ++voiced;
    }
    out.polyphony = voiced ? sum / voiced : 0.0;
    // Empty beats and groove, bar by bar.
    int beats = 0, empty = 0, pairs = 0;
    double hamming = 0;
    std::vector<char> previous;
    for (int bar = first; bar < last; ++bar) {
        const Tick start = timeline.barStarts()[static_cast<std::size_t>(bar)];
        const int s0 = static_cast<int>((start - g.from) / g.step);
        const int perBeat = static_cast<int>(std::max<Tick>(1, timeline.beatTicks(bar) / g.step));
        const int length = std::min(g.steps - s0, perBeat * timeline.beatsInBar(bar));
        if (length <= 0) break;
        std::vector<char> v(g.onset.begin() + s0, g.onset.begin() + s0 + length);
        for (int b = 0; b * perBeat < length; ++b, ++beats)
            empty += std::none_of(v.begin() + b * perBeat,
                                  v.begin() + std::min(length, (b + 1) * perBeat),
                                  [](char c) { return c != 0; });
        if (previous.size() == v.size()) {
            int d = 0;
            for (std::size_t i = 0; i < v.size(); ++i)
                d += v[i] != previous[i];
            hamming += static_cast<double>(d) / static_cast<double>(v.size());
            ++pairs;
        }
        previous = std::move(v);
    }
    out.emptyBeatRate = beats ? static_cast<double>(empty) / beats : 0.0;
    out.grooveConsistency = pairs ? 1.0 - hamming / pairs : 0.0;
    return out;
}

} // namespace pianola::engine::analysis
