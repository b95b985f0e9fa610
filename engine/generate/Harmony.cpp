// SPDX-License-Identifier: MIT
// Chord parts: comping rhythms per genre with voice-led voicings, sustained pads, arpeggios.
#include "engine/generate/Parts.h"

#include <algorithm>
#include <string_view>

namespace pianola::engine::generate {

namespace {
// One bar of 4/4 in sixteenths: 'x' onset, '-' held, '.' rest. Low, medium and high density.
struct Comp
{
    std::string_view low, mid, high;
};

// clang-format off
Comp compFor(Genre g)
{
    switch (g) {
    case Genre::Rock:      return {"x-------x-------", "x-x-x-x-x-x-x-x-", "x-x-x-x-x-x-x-x-"};
    case Genre::LoFi:      return {"x---------------", "x-----------x---", "x-----x---x-----"};
    case Genre::HipHop:    return {"x-----x---------", "x-----x......x--", "x--x--x...x..x--"};
    case Genre::House:     return {"..x-......x-....", "..x-..x-..x-..x-", "x-.x-.x-..x-.x-."};
    case Genre::Techno:    return {"..x-......x-....", "..x-..x-..x-..x-", "..x-..x-..x-..x-"};
    case Genre::NeoSoul:   return {"x---------------", "x-----------x---", "x-----x---x---x-"};
    case Genre::RnB:       return {"x---------------", "x---------x-----", "x-----x---x-----"};
    case Genre::Funk:      return {"..x...x...x...x.", "..x.x..x..x.x..x", "x.x.x.xx.xx.x.xx"};
    case Genre::Reggaeton: return {"x-----x-x-------", "x--x--x-x--x--x-", "x--x--x-x--x--x-"};
    case Genre::Ballad:    return {"x---------------", "x-------x-------", "x-----x-x-----x-"};
    default:               return {"x---------------", "x-------x-------", "x-----x-----x---"};
    }
}
// clang-format on

// Onsets and lengths (in steps) for one bar.
std::vector<std::pair<int, int>> barRhythm(const Context& ctx, Rng& rng, int bar)
{
    const Grid& g = ctx.grid;
    const Brief& b = ctx.brief;
    std::vector<std::pair<int, int>> out;
    if (b.genre == Genre::Jazz && g.stepsPerBar == 16) { // comping: 2-3 hits, often off the beat
        static constexpr int kSpots[] = {0, 3, 6, 8, 10, 14};
        for (int s : kSpots)
            if ((s == 0 && bar % 2 == 0) || rng.chance(0.25 + 0.3 * b.density))
                out.push_back({s, 3});
        if (out.empty()) out.push_back({0, 6});
        return out;
    }
    if (b.genre == Genre::Waltz && g.numerator == 3) {
        const int beat = static_cast<int>(g.beatTicks / g.stepTicks);
        return {{beat, beat - 1}, {2 * beat, beat - 1}}; // oom-pah-pah: the chord on 2 and 3
    }
    if (g.stepsPerBar != 16 || g.denominator != 4) { // other meters: the bar, or each pulse
        const std::vector<int>& pulses = g.pulseSteps();
        if (b.density < 0.6) return {{0, g.stepsPerBar}};
        for (std::size_t i = 0; i < pulses.size(); ++i)
            out.push_back(
                {pulses[i], (i + 1 < pulses.size() ? pulses[i + 1] : g.stepsPerBar) - pulses[i]});
        return out;
    }
    const Comp comp = compFor(b.genre);
    const std::string_view line = b.density < 0.4    ? comp.low
                                  : b.density < 0.65 ? comp.mid
                                                     : comp.high;
    for (int s = 0; s < 16; ++s) {
        if (line[static_cast<std::size_t>(s)] != 'x') continue;
        int length = 1;
        while (s + length < 16 && line[static_cast<std::size_t>(s + length)] == '-')
            ++length;
        out.push_back({s, length});
    }
    if (bar % 2 == 1 && b.complexity > 0.55 && out.back().first < 14 && rng.chance(0.5))
        out.push_back({14, 2}); // an anticipation into the next bar
    return out;
}

std::vector<std::vector<int>> voiceAll(const Context& ctx, const Part& part, Voicing style)
{
    std::vector<std::vector<int>> out;
    // Another candidate starts its voice leading from another place in the register.
    static constexpr int kStart[] = {0, -5, 4, 8};
    std::vector<int> previous;
    if (ctx.variant > 0)
        previous = {(part.lowKey + part.highKey) / 2 + kStart[std::clamp(ctx.variant, 0, 3)]};
    for (const ChordSpan& span : ctx.chords) {
        previous = voiceChord(span.chord, previous, part.lowKey, part.highKey, style);
        out.push_back(previous);
    }
    return out;
}

std::size_t spanIndex(const Context& ctx, Tick t)
{
    return static_cast<std::size_t>(&ctx.chordAt(t) - ctx.chords.data());
}

void addChord(Notes& out, const std::vector<int>& keys, Tick start, Tick length, int velocity,
              Tick rollTicks)
{
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const Tick offset = rollTicks * static_cast<Tick>(i);
        out.push_back(
            {start + offset, std::max<Tick>(length - offset, 1), 0,
             static_cast<std::uint8_t>(keys[i]),
             static_cast<std::uint8_t>(std::clamp(velocity - static_cast<int>(i) * 2, 1, 127)),
             64});
    }
}
} // namespace

// Without a bass part the chords carry the root, as a pianist's left hand does: voice leading
// alone turns Am9 - Fmaj9 - Cmaj9 - G9 into a line of inversions over one held E, and the
// progression is no longer heard. The root goes at least a fourth below the voicing, never
// below E1 (28).
void addRootsBelow(const Context& ctx, std::vector<std::vector<int>>& voicings)
{
    const bool bassPart = std::any_of(ctx.brief.parts.begin(), ctx.brief.parts.end(),
                                      [](const Part& p) { return p.role == Role::Bass; });
    if (bassPart) return;
    for (std::size_t i = 0; i < voicings.size(); ++i) {
        std::vector<int>& v = voicings[i];
        if (v.empty()) continue;
        int root = v.front() - 5;
        while (root >= 0 && root % 12 != ctx.chords[i].chord.root)
            --root;
        if (root < 28) continue; // the voicing sits too low already: it keeps its own bottom
        v.insert(v.begin(), root);
    }
}

// How long a chord hit of `length` is held. Over a bass part, with a melody or a voicing of four
// tones or more, long hits are held for half their length (a beat at least): the comping leaves
// room, as players do, instead of every part sustaining at once (mean polyphony of real pop
// arrangements: 2.5-4.8 sounding pitches; held block chords over bass and melody make 5-6).
Tick heldLength(const Context& ctx, Tick length, std::size_t voices)
{
    const auto has = [&](Role r) { return ctx.brief.part(r) != nullptr; };
    const bool crowded = has(Role::Bass) && (has(Role::Melody) || voices >= 4);
    if (!crowded || ctx.brief.genre == Genre::Ballad || ctx.brief.genre == Genre::Cinematic)
        return length;
    return std::min(length, std::max(ctx.grid.beatTicks, length / 2));
}

Notes makeChords(const Context& ctx, Rng& rng, const Part& part)
{
    const Grid& g = ctx.grid;
    auto voicings = voiceAll(ctx, part, ctx.brief.voicing);
    addRootsBelow(ctx, voicings);
    // Ballads roll their chords from the bottom (never in quantized takes); busier ballads and
    // cinematic pieces break them into eighths, every voice held on (the sustain pedal down).
    const bool slowStyle = ctx.brief.genre == Genre::Ballad || ctx.brief.genre == Genre::Cinematic;
    const bool broken = slowStyle && ctx.brief.density >= 0.45;
    const Tick roll = broken                                  ? 2 * g.stepTicks
                      : (slowStyle && ctx.brief.humanize > 0) ? g.stepTicks / 4
                                                              : 0;
    Notes out;
    for (int bar = 0; bar < ctx.brief.bars; ++bar)
        for (const auto& [step, steps] : barRhythm(ctx, rng, bar)) {
            const Tick t = g.barStart(bar) + step * g.stepTicks;
            const std::size_t i = spanIndex(ctx, t);
            const Tick length =
                heldLength(ctx, std::min<Tick>(steps * g.stepTicks, ctx.chords[i].end - t),
                           voicings[i].size());
            const int velocity = ctx.accent(step, 84, 10) + rng.range(-3, 3);
            const auto voices = static_cast<Tick>(voicings[i].size());
            const Tick spread = voices > 1 ? std::min(roll, length / (2 * (voices - 1))) : 0;
            addChord(out, voicings[i], t, length - (steps > 2 ? g.stepTicks / 8 : 0), velocity,
                     spread);
        }
    return out;
}

Notes makePad(const Context& ctx, const Part& part)
{
    // A pad is held: close voicings open up (a candidate's close voicing stays, as its idea).
    const Voicing style =
        ctx.brief.voicing == Voicing::Close && ctx.variant == 0 ? Voicing::Open : ctx.brief.voicing;
    const auto voicings = voiceAll(ctx, part, style);
    Notes out;
    for (std::size_t i = 0; i < ctx.chords.size(); ++i) {
        const ChordSpan& span = ctx.chords[i];
        addChord(out, voicings[i], span.start, span.end - span.start, ctx.accent(0, 66, 0), 0);
    }
    return out;
}

Notes makeArpeggio(const Context& ctx, Rng& rng, const Part& part)
{
    const Grid& g = ctx.grid;
    const Brief& b = ctx.brief;
    Part window = part; // two octaves at most, the top octave added below included
    window.highKey = std::min(part.highKey, part.lowKey + 24);
    const auto voicings = voiceAll(ctx, window, Voicing::Close);
    const int rate = (b.density > 0.55 || b.genre == Genre::Techno) ? 1 : 2; // steps per note
    int shape = rng.range(0, 2);                            // up, up-down, 1-3-5-8-5-3
    if (ctx.variant > 0) shape = (shape + ctx.variant) % 3; // another candidate, another shape
    Notes out;
    int index = 0;
    for (Tick t = 0; t < g.barStart(b.bars); t += rate * g.stepTicks, ++index) {
        const std::size_t i = spanIndex(ctx, t);
        if (t == ctx.chords[i].start) index = 0; // each chord starts from its bottom
        std::vector<int> tones = voicings[i];
        if (tones.front() + 12 <= window.highKey && tones.front() + 12 > tones.back())
            tones.push_back(tones.front() + 12);
        const int n = static_cast<int>(tones.size());
        int k = index % n;
        if (shape == 1 && n > 1) { // up and down without repeating the ends
            const int cycle = 2 * n - 2;
            k = index % cycle;
            k = k < n ? k : cycle - k;
        } else if (shape == 2) {
            static constexpr int kOrder[] = {0, 1, 2, 3, 2, 1};
            k = std::min(kOrder[index % 6], n - 1);
        }
        const int step = static_cast<int>((t % g.barTicks) / g.stepTicks);
        const Tick length =
            b.genre == Genre::Ambient ? 2 * rate * g.stepTicks : rate * g.stepTicks * 9 / 10;
        out.push_back({t, length, 0, static_cast<std::uint8_t>(tones[static_cast<std::size_t>(k)]),
                       static_cast<std::uint8_t>(ctx.accent(step, 80, 14)), 64});
    }
    return out;
}

} // namespace pianola::engine::generate
