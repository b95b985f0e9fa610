// SPDX-License-Identifier: MIT
// A regenerated region joined to the notes around it: placed in the octave that leads from the
// note before it and into the note after it, its edge onsets folded when still a leap away.
#include "engine/generate/ArrangerContext.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace pianola::engine::generate {

namespace {
constexpr Tick kTogether = 30; // onsets this close are one chord

// Indices of the notes struck with the first (or last) onset of `notes`.
std::vector<std::size_t> edgeGroup(const Notes& notes, bool last)
{
    std::vector<std::size_t> out;
    if (notes.empty()) return out;
    const auto byStart = [](const model::Note& a, const model::Note& b) {
        return a.startTick < b.startTick;
    };
    const Tick at = last ? std::max_element(notes.begin(), notes.end(), byStart)->startTick
                         : std::min_element(notes.begin(), notes.end(), byStart)->startTick;
    for (std::size_t i = 0; i < notes.size(); ++i)
        if (std::abs(notes[i].startTick - at) <= kTogether) out.push_back(i);
    return out;
}

double meanKey(const Notes& notes, const std::vector<std::size_t>& group, int shift = 0)
{
    double sum = 0;
    for (std::size_t i : group)
        sum += notes[i].key + shift;
    return group.empty() ? 0 : sum / static_cast<double>(group.size());
}

// The mean key of the old notes struck last before `from` (before = true) or first from `to` on,
// or nothing.
std::optional<double> neighbour(const Notes& old, Tick from, Tick to, bool before)
{
    Notes side;
    for (const model::Note& n : old)
        if (before ? n.startTick < from : n.startTick >= to) side.push_back(n);
    if (side.empty()) return std::nullopt;
    return meanKey(side, edgeGroup(side, before));
}

double leap(std::optional<double> a, double b)
{
    return a ? std::abs(*a - b) : 0;
}

bool fits(const Notes& notes, const std::vector<std::size_t>& group, int shift, int low, int high)
{
    return std::all_of(group.begin(), group.end(), [&](std::size_t i) {
        const int k = notes[i].key + shift;
        return k >= std::max(0, low) && k <= std::min(127, high);
    });
}

void shiftGroup(Notes& notes, const std::vector<std::size_t>& group, int shift)
{
    for (std::size_t i : group)
        notes[i].key = static_cast<std::uint8_t>(notes[i].key + shift);
}

// Folds an edge onset an octave toward its old neighbour when it is still more than a fifth
// away, unless that makes the step to the region's next onset wider than a sixth.
void foldEdge(Notes& region, std::optional<double> outside, bool last, int low, int high)
{
    const std::vector<std::size_t> group = edgeGroup(region, last);
    if (!outside || group.empty()) return;
    const double now = meanKey(region, group);
    if (std::abs(now - *outside) <= 7) return;
    const int shift = now > *outside ? -12 : 12;
    if (!fits(region, group, shift, low, high)) return;
    Notes rest;
    for (std::size_t i = 0; i < region.size(); ++i)
        if (std::find(group.begin(), group.end(), i) == group.end()) rest.push_back(region[i]);
    const std::vector<std::size_t> inner = edgeGroup(rest, last);
    if (!inner.empty() && std::abs(now + shift - meanKey(rest, inner)) > 9) return;
    shiftGroup(region, group, shift);
}
} // namespace

void joinRegion(Notes& region, const Notes& old, Tick from, Tick to, int lowKey, int highKey)
{
    if (region.empty()) return;
    const std::optional<double> before = neighbour(old, from, to, true);
    const std::optional<double> after = neighbour(old, from, to, false);
    const std::vector<std::size_t> firstGroup = edgeGroup(region, false);
    const std::vector<std::size_t> lastGroup = edgeGroup(region, true);
    std::vector<std::size_t> all(region.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    const int low = lowKey - 7, high = highKey + 7; // the part's register, a little either side
    int best = 0;
    double bestCost = 1e9;
    for (int shift : {0, -12, 12}) {
        if (!fits(region, all, shift, low, high)) continue;
        const double cost = leap(before, meanKey(region, firstGroup, shift)) +
                            leap(after, meanKey(region, lastGroup, shift));
        if (cost < bestCost - 0.5) best = shift, bestCost = cost;
    }
    shiftGroup(region, all, best);
    foldEdge(region, before, false, low, high);
    foldEdge(region, after, true, low, high);
}

} // namespace pianola::engine::generate
