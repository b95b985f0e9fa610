// SPDX-License-Identifier: MIT
// Filling a gap in the chord track: diatonic candidates, functional transitions, a beam search.
#include "engine/generate/ChordGap.h"

#include "engine/generate/ChordParts.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/Theory.h"
#include "model/ChordEdits.h"
#include "model/ChordTrack.h"

#include <algorithm>
#include <array>

namespace pianola::engine::generate {

namespace {
using model::ChordSymbol;
using model::PlanChord;
using model::Tick;

enum Func { kTonic, kPredominant, kDominant, kOther };

constexpr double kMelody = 0.5;   ///< per beat of a fixed melody note in (or out of) the chord
constexpr double kOutside = -0.8; ///< ...relative weight of a note outside it
constexpr std::size_t kBeam = 96; ///< partial paths kept per slot

struct Key
{
    int tonic = 0;
    bool minor = false;
    std::array<int, 7> scale{};
};

struct Cand
{
    ChordSymbol symbol;
    Func func = kOther;
    bool secondary = false; ///< the dominant of the chord after the gap (last slot only)
};

struct Layout
{
    bool halves = false; ///< two chords per bar
    bool sevenths = false;
    bool inversions = false;
};

constexpr std::array<Layout, 4> kLayouts{
    {{false, false, false}, {true, false, false}, {false, true, false}, {true, true, true}}};

Func functionOf(int root, const Key& key)
{
    static constexpr std::array<Func, 7> kByDegree{kTonic,    kPredominant, kTonic,   kPredominant,
                                                   kDominant, kTonic,       kDominant};
    for (std::size_t d = 0; d < 7; ++d)
        if (key.scale[d] == root) return kByDegree[d];
    return kOther;
}

ChordSymbol diatonic(const Key& key, int d, bool seventh)
{
    const auto at = [&](int i) { return key.scale[static_cast<std::size_t>(i % 7)]; };
    const auto above = [&](int i) { return (at(d + i) - at(d) + 12) % 12; };
    ChordSymbol s;
    s.root = at(d);
    s.third = above(2) == 3 ? ChordSymbol::Third::Minor : ChordSymbol::Third::Major;
    s.fifth = above(4) == 6   ? ChordSymbol::Fifth::Flat
              : above(4) == 8 ? ChordSymbol::Fifth::Sharp
                              : ChordSymbol::Fifth::Perfect;
    if (key.minor && d == 4) s.third = ChordSymbol::Third::Major; // harmonic minor's V
    if (seventh) {
        const int seventhAbove = key.minor && d == 4 ? 10 : above(6);
        s.seventh = seventhAbove == 10   ? ChordSymbol::Seventh::Minor
                    : seventhAbove == 11 ? ChordSymbol::Seventh::Major
                                         : ChordSymbol::Seventh::Diminished;
    }
    return s;
}

std::vector<Cand> candidates(const Key& key, const Layout& layout,
                             const std::optional<ChordSymbol>& after)
{
    std::vector<Cand> out;
    for (int d = 0; d < 7; ++d) {
        const ChordSymbol s = diatonic(key, d, layout.sevenths);
        if (s.fifth != ChordSymbol::Fifth::Perfect && !layout.sevenths) continue; // no dim triads
        if (s.fifth == ChordSymbol::Fifth::Sharp) continue;
        out.push_back({s, functionOf(s.root, key), false});
    }
    if (layout.sevenths && after && !after->noChord) {
        ChordSymbol v; // V7 of the chord after
        v.root = (after->root + 7) % 12;
        v.seventh = ChordSymbol::Seventh::Minor;
        if (std::none_of(out.begin(), out.end(), [&](const Cand& c) { return c.symbol == v; }))
            out.push_back({v, kDominant, true});
    }
    return out;
}

bool repeats(const ChordSymbol& a, const ChordSymbol& b)
{
    return a.root == b.root && a.third == b.third;
}

double transition(const ChordSymbol& a, Func fa, const Cand& b)
{
    static constexpr double kFunc[4][4] = {{0.1, 0.6, 0.3, 0.0},  // from tonic
                                           {-0.2, 0.2, 0.8, 0.0}, // from predominant
                                           {1.0, -1.0, 0.0, 0.0}, // from dominant
                                           {0.0, 0.0, 0.0, 0.0}}; // from outside the key
    double score = kFunc[fa][b.func];
    switch ((b.symbol.root - a.root + 12) % 12) {
    case 5:
        score += 1.0;
        break; // down a fifth
    case 8:
    case 9:
        score += 0.6;
        break; // down a third
    case 2:
        score += 0.5;
        break; // up a step
    case 7:
        score += 0.1;
        break;
    case 3:
    case 4:
        break;
    case 10:
        score -= 0.3;
        break;
    default:
        score -= 0.6;
        break; // a semitone or a tritone
    }
    return score;
}

struct Slot
{
    Tick start = 0, end = 0;
    std::array<double, 12> weight{}; ///< beats of fixed melody per pitch class
};

std::vector<Slot> slotsOf(const model::Plan& take, Tick from, Tick to, bool halves)
{
    std::vector<Tick> edges{from};
    for (Tick bar : model::barStarts(take, to))
        if (bar > from) edges.push_back(bar);
    edges.push_back(to);
    std::vector<Slot> slots;
    for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
        const Tick length = edges[i + 1] - edges[i];
        if (halves && length % 2 == 0 && length / 2 >= take.ppq)
            slots.push_back({edges[i], edges[i] + length / 2}),
                slots.push_back({edges[i] + length / 2, edges[i + 1]});
        else
            slots.push_back({edges[i], edges[i + 1]});
    }
    const double beat = std::max(1, take.ppq);
    for (const model::Track& t : take.tracks) {
        if (t.followsChords || t.channel == 9) continue; // parts that follow will move anyway
        for (const model::Note& n : t.notes)
            for (Slot& s : slots)
                if (n.startTick < s.end && n.endTick() > s.start)
                    s.weight[n.key % 12] += static_cast<double>(std::min(n.endTick(), s.end) -
                                                                std::max(n.startTick, s.start)) /
                                            beat;
    }
    return slots;
}

double emission(const Slot& slot, const ChordSymbol& chord)
{
    const std::vector<int> tones = chord.tones();
    double score = 0;
    for (int pc = 0; pc < 12; ++pc) {
        const bool in = std::find(tones.begin(), tones.end(), pc) != tones.end();
        score += slot.weight[static_cast<std::size_t>(pc)] * (in ? 1.0 : kOutside);
    }
    return score * kMelody;
}

struct Node
{
    double score = 0;
    std::size_t cand = 0;
    std::size_t parent = 0;
};

// Paths through the slots (candidate indices), best first.
std::vector<std::vector<std::size_t>> rankedPaths(const std::vector<Slot>& slots,
                                                  const std::vector<Cand>& cands,
                                                  const std::optional<Cand>& before,
                                                  const std::optional<Cand>& after, const Key& key)
{
    std::vector<std::vector<Node>> steps(slots.size());
    for (std::size_t s = 0; s < slots.size(); ++s) {
        const bool last = s + 1 == slots.size();
        const std::vector<Node> prev = s > 0 ? steps[s - 1] : std::vector<Node>{Node{}};
        std::vector<Node>& next = steps[s];
        for (std::size_t p = 0; p < prev.size(); ++p)
            for (std::size_t c = 0; c < cands.size(); ++c) {
                if (cands[c].secondary && !last) continue;
                const Cand* from = s > 0 ? &cands[prev[p].cand] : before ? &*before : nullptr;
                if ((from && repeats(from->symbol, cands[c].symbol)) ||
                    (last && after && repeats(cands[c].symbol, after->symbol)))
                    continue; // a gap asks for motion
                double score = prev[p].score + emission(slots[s], cands[c].symbol);
                if (from)
                    score += transition(from->symbol, from->func, cands[c]);
                else if (cands[c].symbol.root == key.tonic)
                    score += 0.5; // the take starts on the tonic
                if (last && after)
                    score += transition(cands[c].symbol, cands[c].func, *after);
                else if (last && cands[c].symbol.root == key.tonic)
                    score += 0.5; // and ends on it
                next.push_back({score, c, p});
            }
        std::stable_sort(next.begin(), next.end(),
                         [](const Node& a, const Node& b) { return a.score > b.score; });
        if (next.size() > kBeam) next.resize(kBeam);
    }
    std::vector<std::vector<std::size_t>> out;
    if (steps.empty()) return out;
    for (std::size_t end = 0; end < steps.back().size(); ++end) {
        std::vector<std::size_t> path(slots.size());
        std::size_t at = end;
        for (std::size_t s = slots.size(); s-- > 0;) {
            path[s] = steps[s][at].cand;
            at = steps[s][at].parent;
        }
        out.push_back(std::move(path));
    }
    return out;
}

const PlanChord* chordCovering(const std::vector<PlanChord>& chords, Tick tick)
{
    for (const PlanChord& c : chords)
        if (tick >= c.startTick && tick < c.endTick()) return &c;
    return nullptr;
}

// The chord track with the chords touching the gap set to `before` / `after`: a chord ending
// (starting) right at the gap is replaced over its span; otherwise the new chord takes the bar
// next to the gap, cutting what is there.
std::vector<PlanChord> withBounds(const model::Plan& take, const ChordGap& gap, Tick limit)
{
    std::vector<PlanChord> chords = take.chords;
    const auto bars = model::barStarts(take, limit);
    if (gap.before && !gap.before->noChord && gap.from > 0) {
        Tick start = 0;
        for (Tick b : bars)
            if (b < gap.from) start = b;
        for (const PlanChord& c : chords)
            if (c.endTick() <= gap.from) start = std::max(start, c.endTick());
        for (const PlanChord& c : chords)
            if (c.endTick() == gap.from) start = c.startTick; // the chord before, over its span
        if (gap.from - start >= model::kMinChordTicks)
            chords = model::withChordPlaced(
                std::move(chords), model::planChordOf(*gap.before, start, gap.from - start));
    }
    if (gap.after && !gap.after->noChord && gap.to < limit) {
        Tick end = limit;
        for (Tick b : bars)
            if (b > gap.to) end = std::min(end, b);
        for (const PlanChord& c : chords)
            if (c.startTick >= gap.to) end = std::min(end, c.startTick);
        for (const PlanChord& c : chords)
            if (c.startTick == gap.to) end = c.endTick(); // the chord after, over its span
        if (end - gap.to >= model::kMinChordTicks)
            chords = model::withChordPlaced(std::move(chords),
                                            model::planChordOf(*gap.after, gap.to, end - gap.to));
    }
    return chords;
}

std::optional<Cand> boundCand(const std::vector<PlanChord>& chords, Tick tick, const Key& key)
{
    const PlanChord* c = tick >= 0 ? chordCovering(chords, tick) : nullptr;
    if (!c) return std::nullopt;
    const auto symbol = model::chordSymbolOf(*c);
    if (!symbol) return std::nullopt;
    return Cand{*symbol, functionOf(symbol->root, key), false};
}

Key keyAt(const model::Plan& take, Tick tick)
{
    Key key;
    const model::KeySignature* sig = nullptr;
    for (const model::KeySignature& k : take.keySignatures)
        if (k.tick <= tick || !sig) sig = &k;
    if (sig) {
        key.tonic = model::keySignatureTonicPc(*sig);
        key.minor = sig->minor;
    } else {
        estimateKey(take, key.tonic, key.minor);
    }
    key.scale = scalePitchClasses(key.tonic, key.minor ? Mode::Minor : Mode::Major);
    return key;
}

// The gap's chords for one path: equal neighbours merged, a dominant inverted onto its third
// when that steps up a semitone into the next root (G/B -> C).
std::vector<PlanChord> gapChords(const std::vector<Slot>& slots, const std::vector<Cand>& cands,
                                 const std::vector<std::size_t>& path,
                                 const std::optional<Cand>& after, bool inversions)
{
    std::vector<ChordSymbol> symbols;
    for (std::size_t s = 0; s < path.size(); ++s)
        symbols.push_back(cands[path[s]].symbol);
    if (inversions)
        for (std::size_t s = 0; s < symbols.size(); ++s) {
            const ChordSymbol* next =
                s + 1 < symbols.size() ? &symbols[s + 1] : (after ? &after->symbol : nullptr);
            ChordSymbol& c = symbols[s];
            const int third = (c.root + 4) % 12;
            if (next && c.third == ChordSymbol::Third::Major && (next->root + 11) % 12 == third &&
                next->root != c.root)
                c.bass = third;
        }
    std::vector<PlanChord> out;
    for (std::size_t s = 0; s < slots.size(); ++s) {
        const Tick length = slots[s].end - slots[s].start;
        if (s > 0 && symbols[s] == symbols[s - 1])
            out.back().lengthTicks += length;
        else
            out.push_back(model::planChordOf(symbols[s], slots[s].start, length));
    }
    return out;
}
} // namespace

std::vector<std::vector<PlanChord>> fillChordGap(const model::Plan& take, const ChordGap& gap,
                                                 int count)
{
    const Tick limit = model::chordTrackLimit(take);
    const Tick from = std::max<Tick>(0, gap.from), to = std::min(gap.to, limit);
    std::vector<std::vector<PlanChord>> out;
    if (from >= to || count <= 0) return out;
    const Key key = keyAt(take, from);
    const std::vector<PlanChord> base = withBounds(take, {from, to, gap.before, gap.after}, limit);
    const std::optional<Cand> before = boundCand(base, from - 1, key);
    const std::optional<Cand> after = boundCand(base, to, key);
    // The gap chords of each candidate so far, and those there now: suggestions are new.
    std::vector<std::vector<PlanChord>> seen{{}};
    for (const PlanChord& c : base)
        if (c.startTick < to && c.endTick() > from) {
            const Tick start = std::max(c.startTick, from), end = std::min(c.endTick(), to);
            PlanChord cut = c;
            cut.startTick = start, cut.lengthTicks = end - start;
            seen.front().push_back(cut);
        }
    for (int i = 0; i < count; ++i) {
        const Layout& layout = kLayouts[static_cast<std::size_t>(i) % kLayouts.size()];
        const std::vector<Slot> slots = slotsOf(take, from, to, layout.halves);
        const std::vector<Cand> cands =
            candidates(key, layout, after ? std::optional(after->symbol) : std::nullopt);
        for (const auto& path : rankedPaths(slots, cands, before, after, key)) {
            std::vector<PlanChord> chords = gapChords(slots, cands, path, after, layout.inversions);
            if (std::find(seen.begin(), seen.end(), chords) != seen.end()) continue;
            seen.push_back(chords);
            std::vector<PlanChord> track = base;
            for (const PlanChord& c : chords)
                track = model::withChordPlaced(std::move(track), c);
            out.push_back(std::move(track));
            break;
        }
    }
    return out;
}

} // namespace pianola::engine::generate
