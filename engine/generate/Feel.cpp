// SPDX-License-Identifier: MIT
// Feel: swing as a piecewise-linear time warp, humanization as correlated drift, overlap cleanup.
#include "engine/generate/Parts.h"
#include "model/NoteOps.h"

#include <algorithm>
#include <cmath>

namespace pianola::engine::generate {

namespace {
Tick swingTick(Tick t, Tick pair, double percent)
{
    const Tick base = t - t % pair, offset = t % pair, half = pair / 2;
    const double swung = pair * percent / 100.0;
    const double moved = offset <= half ? offset * swung / half
                                        : swung + (offset - half) * (pair - swung) / (pair - half);
    return base + static_cast<Tick>(std::lround(moved));
}
} // namespace

void applySwing(Notes& notes, Tick pairTicks, double percent)
{
    if (percent <= 50.0 || pairTicks < 4) return;
    for (model::Note& n : notes) {
        if (n.startTick % (pairTicks / 4) != 0)
            continue; // off the straight grid (triplets, rolls): leave it
        const Tick start = swingTick(n.startTick, pairTicks, percent);
        const Tick end = swingTick(n.endTick(), pairTicks, percent);
        n.startTick = start;
        n.lengthTicks = std::max<Tick>(end - start, 1);
    }
}

void humanize(Notes& notes, double amount, int ppq, Tick endTick, Rng& rng)
{
    if (amount <= 0 || notes.empty()) return;
    model::HumanizeOptions options; // the editor's humanize: an AR(1) drift, chords together
    options.timingTicks =
        std::max<Tick>(1, std::lround(amount * ppq / 24.0)); // 20 ticks at 480 ppq
    options.velocity = std::max(1, static_cast<int>(std::lround(amount * 16)));
    options.seed = rng.next();
    notes = model::humanized(std::move(notes), options);
    for (model::Note& n : notes) {
        n.startTick = std::min(n.startTick, endTick - 1);
        n.lengthTicks = std::max<Tick>(std::min(n.endTick(), endTick) - n.startTick, 1);
    }
}

void separateSameKey(Notes& notes, Tick endTick)
{
    std::erase_if(notes, [&](const model::Note& n) { return n.startTick >= endTick; });
    std::sort(notes.begin(), notes.end(), [](const model::Note& a, const model::Note& b) {
        return a.key != b.key ? a.key < b.key
                              : (a.startTick != b.startTick ? a.startTick < b.startTick
                                                            : a.velocity > b.velocity);
    });
    notes.erase(std::unique(notes.begin(), notes.end(),
                            [](const model::Note& a, const model::Note& b) {
                                return a.key == b.key && a.startTick == b.startTick;
                            }),
                notes.end());
    for (std::size_t i = 0; i < notes.size(); ++i) {
        model::Note& n = notes[i];
        if (n.endTick() > endTick) n.lengthTicks = endTick - n.startTick;
        if (i + 1 < notes.size() && notes[i + 1].key == n.key &&
            n.endTick() > notes[i + 1].startTick)
            n.lengthTicks = notes[i + 1].startTick - n.startTick;
    }
    std::sort(notes.begin(), notes.end(), [](const model::Note& a, const model::Note& b) {
        return a.startTick != b.startTick ? a.startTick < b.startTick : a.key < b.key;
    });
}

} // namespace pianola::engine::generate
