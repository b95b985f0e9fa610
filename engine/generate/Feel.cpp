// SPDX-License-Identifier: MIT
// Feel: swing as a piecewise-linear time warp, humanization as correlated drift, overlap cleanup.
#include "engine/generate/Parts.h"
#include "model/NoteOps.h"

#include <algorithm>
#include <array>
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

namespace {
// separateSameKey for notes already in time order (start, then key), as most changes leave them
// (more bars, double time, a new meter): one pass, no sort, the same notes as the sorting path.
// False, with the notes untouched, where that path's result depends on its sort: notes of one
// key at one tick whose loudest velocity is shared (which of those it keeps is the sort's).
bool separateInTimeOrder(Notes& notes, Tick endTick)
{
    for (std::size_t i = 1; i < notes.size(); ++i) {
        const model::Note &a = notes[i - 1], &b = notes[i];
        if (a.startTick > b.startTick || (a.startTick == b.startTick && a.key > b.key))
            return false;
    }
    for (std::size_t i = 0; i < notes.size();) { // each run of one key at one tick
        std::size_t end = i + 1, loudest = 1;
        std::uint8_t top = notes[i].velocity;
        for (; end < notes.size() && notes[end].startTick == notes[i].startTick &&
               notes[end].key == notes[i].key;
             ++end) {
            if (notes[end].velocity > top) top = notes[end].velocity, loudest = 0;
            loudest += notes[end].velocity == top;
        }
        if (loudest > 1) return false;
        i = end;
    }
    std::array<std::ptrdiff_t, 128> last; // per key: the index (in `out`) of its last note
    last.fill(-1);
    std::size_t out = 0;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        model::Note n = notes[i];
        const std::ptrdiff_t prev = last[n.key & 0x7F];
        if (prev >= 0 && notes[static_cast<std::size_t>(prev)].startTick == n.startTick) {
            // Two at one tick: the louder is kept (the sorting path's first of the two).
            if (n.velocity > notes[static_cast<std::size_t>(prev)].velocity) {
                if (n.endTick() > endTick) n.lengthTicks = endTick - n.startTick;
                notes[static_cast<std::size_t>(prev)] = n;
            }
            continue;
        }
        if (n.endTick() > endTick) n.lengthTicks = endTick - n.startTick;
        if (prev >= 0) {
            model::Note& p = notes[static_cast<std::size_t>(prev)];
            if (p.endTick() > n.startTick) p.lengthTicks = n.startTick - p.startTick;
        }
        last[n.key & 0x7F] = static_cast<std::ptrdiff_t>(out);
        notes[out++] = n;
    }
    notes.resize(out);
    return true;
}
} // namespace

void separateSameKey(Notes& notes, Tick endTick)
{
    std::erase_if(notes, [&](const model::Note& n) { return n.startTick >= endTick; });
    if (!separateInTimeOrder(notes, endTick)) separateSameKeyBySorting(notes, endTick);
}

void separateSameKeyBySorting(Notes& notes, Tick endTick)
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
