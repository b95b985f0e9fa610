// SPDX-License-Identifier: MIT
// Chord alternatives: candidates of each kind, scored, the duplicates dropped.
#include "model/ChordAlternatives.h"

#include <algorithm>
#include <array>

namespace pianola::model {

namespace {
using Sym = ChordSymbol;
using Kind = ChordAlternative::Kind;

constexpr std::array<int, 7> kMajorSteps{0, 2, 4, 5, 7, 9, 11};
constexpr std::array<int, 7> kMinorSteps{0, 2, 3, 5, 7, 8, 10};

Sym triad(int root, Sym::Third third, Sym::Seventh seventh = Sym::Seventh::None)
{
    Sym s;
    s.root = ((root % 12) + 12) % 12;
    s.third = third;
    s.seventh = seventh;
    return s;
}

Sym dominant7(int root)
{
    return triad(root, Sym::Third::Major, Sym::Seventh::Minor);
}

/// The chord on degree `degree` of the key's scale, with a seventh when `seventh`.
Sym diatonic(const std::array<int, 7>& steps, int tonic, int degree, bool seventh)
{
    auto above = [&](int k) { return (steps[(degree + k) % 7] - steps[degree] + 12) % 12; };
    Sym s = triad(tonic + steps[degree], above(2) == 3 ? Sym::Third::Minor : Sym::Third::Major);
    s.fifth = above(4) == 6   ? Sym::Fifth::Flat
              : above(4) == 8 ? Sym::Fifth::Sharp
                              : Sym::Fifth::Perfect;
    if (seventh)
        s.seventh = above(6) == 11  ? Sym::Seventh::Major
                    : above(6) == 9 ? Sym::Seventh::Diminished
                                    : Sym::Seventh::Minor;
    return s;
}

int shared(const Sym& a, const Sym& b)
{
    int n = 0;
    const auto tb = b.tones();
    for (int t : a.tones())
        n += std::count(tb.begin(), tb.end(), t) > 0 ? 1 : 0;
    return n;
}

bool sameChord(const Sym& a, const Sym& b)
{
    return a.root == b.root && a.third == b.third && a.fifth == b.fifth && a.seventh == b.seventh;
}

struct Ranker
{
    const Sym& chord;
    const std::array<int, 7>& steps;
    int tonic;
    const std::optional<Sym>& previous;
    const std::optional<Sym>& next;
    std::vector<ChordAlternative> out;

    bool inKey(const Sym& s) const
    {
        for (int t : s.tones())
            if (std::find(steps.begin(), steps.end(), (t - tonic + 12) % 12) == steps.end())
                return false;
        return true;
    }
    void add(Sym s, Kind kind, int base)
    {
        if (sameChord(s, chord)) return;
        int score = base + (inKey(s) ? 10 : 0);
        if (previous && !previous->noChord) score += 3 * shared(s, *previous);
        if (next && !next->noChord) score += 3 * shared(s, *next);
        for (ChordAlternative& a : out)
            if (sameChord(a.symbol, s)) {
                a.score = std::max(a.score, score);
                return;
            }
        out.push_back({s, kind, score});
    }
};
} // namespace

std::vector<ChordAlternative> chordAlternatives(const ChordSymbol& chord, const KeySignature& key,
                                                const std::optional<ChordSymbol>& previous,
                                                const std::optional<ChordSymbol>& next,
                                                std::size_t count)
{
    if (chord.noChord) return {};
    const int tonic = keySignatureTonicPc(key);
    const auto& steps = key.minor ? kMinorSteps : kMajorSteps;
    Ranker r{chord, steps, tonic, previous, next, {}};
    const bool seventh = chord.seventh != Sym::Seventh::None;
    for (int degree = 0; degree < 7; ++degree) {
        const Sym d = diatonic(steps, tonic, degree, seventh);
        if (const int n = shared(d, chord); n >= 2) r.add(d, Kind::DiatonicSubstitute, 55 + 5 * n);
    }
    if (chord.third == Sym::Third::Major)
        r.add(triad(chord.root + 9, Sym::Third::Minor), Kind::Relative, 62);
    else if (chord.third == Sym::Third::Minor)
        r.add(triad(chord.root + 3, Sym::Third::Major), Kind::Relative, 62);
    if (next && !next->noChord) {
        r.add(dominant7(next->root + 7), Kind::SecondaryDominant, 66);
        r.add(dominant7(next->root + 1), Kind::TritoneSubstitute, 52);
    }
    if (chord.third == Sym::Third::Major && chord.seventh == Sym::Seventh::Minor)
        r.add(dominant7(chord.root + 6), Kind::TritoneSubstitute, 56);
    if (key.minor) {
        r.add(triad(tonic + 5, Sym::Third::Major), Kind::Borrowed, 45);
        r.add(triad(tonic, Sym::Third::Major), Kind::Borrowed, 40);
    } else {
        r.add(triad(tonic + 5, Sym::Third::Minor), Kind::Borrowed, 47);
        r.add(triad(tonic + 8, Sym::Third::Major), Kind::Borrowed, 46);
        r.add(triad(tonic + 10, Sym::Third::Major), Kind::Borrowed, 46);
    }
    auto out = std::move(r.out);
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.score > b.score; });
    if (out.size() > count) out.resize(count);
    return out;
}

} // namespace pianola::model
