// SPDX-License-Identifier: MIT
// Melody: two-bar phrases (call and answer), chord tones on strong beats, scale passing tones,
// an arch contour, a bounded range and a cadence on the tonic.
#include "engine/generate/Parts.h"

#include <algorithm>
#include <cmath>

namespace pianola::engine::generate {

namespace {
std::vector<int> phraseRhythm(const Context& ctx, Rng& rng)
{
    const Grid& g = ctx.grid;
    const Brief& b = ctx.brief;
    static constexpr double kBase[] = {0.1, 0.25, 0.75, 0.95}; // by metric weight
    std::vector<int> steps;
    for (int s = 0; s < g.stepsPerBar; ++s) {
        const int w = g.weight(s);
        double p = kBase[w];
        if (w == 1) p += 0.45 * b.density;
        if (w == 0) p += 0.3 * b.density * b.complexity;
        if (rng.chance(p)) steps.push_back(s);
    }
    if (steps.empty() || steps.front() != 0) steps.insert(steps.begin(), 0);
    return steps;
}

// The scale key `degrees` scale steps from `key` (up for > 0).
int scaleMove(int key, int degrees, const Brief& b)
{
    const int dir = degrees > 0 ? 1 : -1;
    for (int moved = 0; moved != degrees;) {
        key += dir;
        if (inScale(key % 12, b.tonic, b.mode)) moved += dir;
    }
    return key;
}

// The phrase's contour at `x` (0..1 through a two-bar phrase), 0..1 of the range: an arch for
// the style's own line, rising, falling or a valley for the other candidates (ctx.variant).
double contour(int variant, double x)
{
    switch (variant) {
    case 1:
        return 0.2 + 0.6 * x;
    case 2:
        return 0.8 - 0.6 * x;
    case 3:
        return 0.75 - 0.45 * std::sin(3.14159 * x);
    default:
        return 0.3 + 0.45 * std::sin(3.14159 * x);
    }
}

int chordToneNear(const Chord& chord, int target, int low, int high)
{
    int best = nearestKey(chord.tones[0], target, low, high);
    for (int pc : chord.tones) {
        const int k = nearestKey(pc, target, low, high);
        if (std::abs(k - target) < std::abs(best - target)) best = k;
    }
    return best;
}
} // namespace

Notes makeMelody(const Context& ctx, Rng& rng, const Part& part)
{
    const Grid& g = ctx.grid;
    const Brief& b = ctx.brief;
    const int centre = (part.lowKey + part.highKey) / 2 + (ctx.sectionB ? 3 : 0);
    const int low = std::max(part.lowKey, centre - 9), high = std::min(part.highKey, centre + 9);
    Notes out;
    int previous = chordToneNear(ctx.chords.front().chord, centre - 2, low, high);
    std::vector<int> call;
    for (int bar = 0; bar < b.bars; ++bar) {
        const bool answer = bar % 2 == 1;
        std::vector<int> steps = answer ? call : phraseRhythm(ctx, rng);
        if (!answer)
            call = steps;
        else { // the answer keeps the call's first half and ends on a long note
            std::erase_if(steps, [&](int s) { return s >= g.stepsPerBar / 2; });
            steps.push_back(g.pulseSteps().size() >= 2 ? g.pulseSteps()[g.pulseSteps().size() / 2]
                                                       : g.stepsPerBar / 2);
        }
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const Tick t = g.barStart(bar) + steps[i] * g.stepTicks;
            const Tick next = i + 1 < steps.size() ? g.barStart(bar) + steps[i + 1] * g.stepTicks
                                                   : g.barStart(bar + 1);
            const double x = (bar % 2 + static_cast<double>(steps[i]) / g.stepsPerBar) /
                             2.0; // place in the phrase
            const int target =
                low +
                static_cast<int>((high - low) * (contour(ctx.variant, x) + (answer ? -0.1 : 0.05)));
            const Chord& chord = ctx.chordAt(t).chord;
            int key;
            const bool last = bar == b.bars - 1 && i + 1 == steps.size();
            if (last)
                key = nearestKey(b.tonic, previous, low, high); // cadence on the tonic
            else if (g.weight(steps[i]) >= 2)
                key = chordToneNear(chord, (previous + target) / 2, low, high);
            else {
                const int dir =
                    target > previous ? 1 : (target < previous ? -1 : (rng.chance(0.5) ? 1 : -1));
                key = scaleMove(previous, dir * (rng.chance(0.75) ? 1 : 2), b);
            }
            key = std::clamp(key, low, high);
            if (std::abs(key - previous) > 7)
                key = chordToneNear(chord, previous + (key > previous ? 4 : -4), low, high);
            const Tick length = std::min<Tick>(next - t, 8 * g.stepTicks) - g.stepTicks / 8;
            out.push_back({t, std::max<Tick>(length, g.stepTicks / 2), 0,
                           static_cast<std::uint8_t>(key),
                           static_cast<std::uint8_t>(
                               std::clamp(ctx.accent(steps[i], 92, 10) + rng.range(-4, 4), 1, 127)),
                           64});
            previous = key;
        }
    }
    return out;
}

} // namespace pianola::engine::generate
