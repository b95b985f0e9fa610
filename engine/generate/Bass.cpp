// SPDX-License-Identifier: MIT
// Bass lines: roots, kick-locked 808s, walking jazz, house off-beats, funk slap with ghosts and
// octaves.
#include "engine/generate/Parts.h"

#include <algorithm>

namespace pianola::engine::generate {

namespace {
enum class BassStyle {
    Roots,
    Driving,
    Kick,
    Sub808,
    OffBeat,
    Rolling,
    Walking,
    Slap,
    Whole,
    Waltz
};

BassStyle styleFor(const Brief& b)
{
    if (b.directives.bassFollow == BassFollow::Kick)
        return b.genre == Genre::Trap || b.genre == Genre::DrumAndBass ? BassStyle::Sub808
                                                                       : BassStyle::Kick;
    if (b.directives.bassFollow == BassFollow::Roots)
        return b.genre == Genre::Rock ? BassStyle::Driving : BassStyle::Roots;
    switch (b.genre) {
    case Genre::Rock:
        return BassStyle::Driving;
    case Genre::LoFi:
    case Genre::HipHop:
    case Genre::RnB:
    case Genre::Reggaeton:
        return BassStyle::Kick;
    case Genre::Trap:
    case Genre::DrumAndBass:
        return BassStyle::Sub808;
    case Genre::House:
        return BassStyle::OffBeat;
    case Genre::Techno:
        return BassStyle::Rolling;
    case Genre::Jazz:
        return BassStyle::Walking;
    case Genre::Funk:
        return BassStyle::Slap;
    case Genre::Ambient:
    case Genre::Cinematic:
        return BassStyle::Whole;
    case Genre::Waltz:
        return BassStyle::Waltz;
    default:
        return BassStyle::Roots;
    }
}

struct BassWriter
{
    const Context& ctx;
    const Part& part;
    Notes& out;
    int home = 0; ///< the register the line stays around

    int root(Tick t) const
    {
        return nearestKey(ctx.chordAt(t).chord.root, home, part.lowKey, part.highKey);
    }
    void note(Tick t, Tick length, int key, int velocity)
    {
        key = std::clamp(key, part.lowKey, part.highKey);
        out.push_back({t, std::max<Tick>(length, 1), 0, static_cast<std::uint8_t>(key),
                       static_cast<std::uint8_t>(std::clamp(velocity, 1, 127)), 64});
    }
    // A scale step or chromatic step leading into the next chord's root, on the last eighth.
    // Chromatic only in the styles whose bass lines walk (jazz, neo-soul, funk): in pop, rock,
    // ballads and R&B the out-of-key approach took the richer candidates outside real songs'
    // scale consistency and pitch-class entropy (POP909 p10 0.96, p90 2.77; bench_texture).
    int approach(Tick t, int targetKey, Rng& rng) const
    {
        const Brief& b = ctx.brief;
        const bool walks =
            b.genre == Genre::Jazz || b.genre == Genre::NeoSoul || b.genre == Genre::Funk;
        for (int d : {rng.chance(0.5) ? -1 : 1, rng.chance(0.5) ? 2 : -2, 1, -1})
            if ((walks && b.complexity > 0.6) || inScale(targetKey + d, b.tonic, b.mode))
                return targetKey + d;
        (void)t;
        return targetKey;
    }
    // The key of a weak step in the candidate's line shape (ctx.variant): 1 root and fifth,
    // 2 octave leaps, 3 the chord's third; 0 the root (the style's own line). The strong beats
    // keep the root in every shape; when the words asked for the roots, the weak steps keep it
    // too, an octave up on the odd steps (1) or the even ones (3), or around another home (2).
    int weakKey(Tick t, int root, int index) const
    {
        const Chord& chord = ctx.chordAt(t).chord;
        if (ctx.rootsAsked && ctx.variant > 0)
            return ctx.variant != 2 && (index % 2 == 1) == (ctx.variant == 1) ? root + 12 : root;
        switch (ctx.variant) {
        case 1:
            return index % 2 ? root + 7 : root;
        case 2:
            return index % 2 ? root + 12 : root;
        case 3:
            return chord.tones.size() > 1
                       ? nearestKey(chord.tones[1], root + 4, part.lowKey, part.highKey)
                       : root;
        default:
            return root;
        }
    }
};

// Notes on a rhythm of steps per bar (strong beats take the root, others root or fifth/octave).
void onSteps(BassWriter& w, Rng& rng, const std::vector<int>& steps, Tick noteSteps,
             bool approachNotes)
{
    const Grid& g = w.ctx.grid;
    for (int bar = 0; bar < w.ctx.brief.bars; ++bar) {
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const Tick t = g.barStart(bar) + steps[i] * g.stepTicks;
            const Tick next = i + 1 < steps.size() ? g.barStart(bar) + steps[i + 1] * g.stepTicks
                                                   : g.barStart(bar + 1);
            int key = w.root(t);
            const ChordSpan* upcoming = w.ctx.nextChord(t);
            const bool lastBeforeChange =
                upcoming && upcoming->start == next && upcoming->start - t <= 2 * g.stepTicks;
            if (approachNotes && lastBeforeChange && !g.isStrong(steps[i]) &&
                rng.chance(0.4 + 0.5 * w.ctx.brief.complexity))
                key = w.approach(t, w.root(upcoming->start), rng);
            else if (!g.isStrong(steps[i]) && g.weight(steps[i]) < 2 &&
                     rng.chance(0.3 * w.ctx.brief.complexity))
                key += 12; // an octave pop on a weak step
            else if (!g.isStrong(steps[i]))
                key = w.weakKey(t, key, static_cast<int>(i));
            const Tick length = noteSteps > 0
                                    ? noteSteps * g.stepTicks
                                    : std::max<Tick>(next - t - g.stepTicks / 4, g.stepTicks / 2);
            w.note(t, length, key, w.ctx.accent(steps[i], 100, 12));
        }
    }
}

void lockToKick(BassWriter& w, Rng& rng, bool sustain)
{
    const Grid& g = w.ctx.grid;
    const Tick end = g.barStart(w.ctx.brief.bars);
    const auto& kicks = w.ctx.kickTicks;
    for (std::size_t i = 0; i < kicks.size(); ++i) {
        const Tick t = kicks[i];
        if (t >= end) continue;
        const Tick next = i + 1 < kicks.size() ? std::min(kicks[i + 1], end) : end;
        int key = w.root(t);
        const int step = static_cast<int>((t % g.barTicks) / g.stepTicks);
        if (sustain && !g.isStrong(step) && rng.chance(0.25 + 0.3 * w.ctx.brief.complexity))
            key += 12; // the 808 octave jump
        else if (!g.isStrong(step))
            key = w.weakKey(t, key, static_cast<int>(i));
        const Tick length = sustain ? next - t : std::min<Tick>(next - t, 3 * g.stepTicks);
        w.note(t, std::max<Tick>(length - g.stepTicks / 8, g.stepTicks / 2), key,
               w.ctx.accent(step, 104, 10));
    }
}

void walking(BassWriter& w, Rng& rng)
{
    const Grid& g = w.ctx.grid;
    const Brief& b = w.ctx.brief;
    int previous = w.root(0);
    for (Tick t = 0; t < g.barStart(b.bars); t += g.beatTicks) {
        const ChordSpan& span = w.ctx.chordAt(t);
        const ChordSpan* next = w.ctx.nextChord(t);
        int key;
        if (t == span.start)
            key = w.root(t);
        else if (next && next->start == t + g.beatTicks) // chromatic approach into the next root
            key = w.root(next->start) + (rng.chance(0.5) ? 1 : -1);
        else { // a chord tone near the previous note, moving
            const auto& tones = span.chord.tones;
            const int pc =
                tones[static_cast<std::size_t>(rng.range(1, static_cast<int>(tones.size()) - 1))];
            key = nearestKey(pc, previous + (rng.chance(0.5) ? 3 : -3), w.part.lowKey,
                             w.part.highKey);
            if (key == previous)
                key = nearestKey(tones[0], previous + 5, w.part.lowKey, w.part.highKey);
        }
        w.note(t, g.beatTicks - g.stepTicks / 4, key, 88 + rng.range(-6, 6));
        previous = key;
    }
}

void slap(BassWriter& w, Rng& rng)
{
    const Grid& g = w.ctx.grid;
    static constexpr const char* kLine =
        "x..xo.x.x.gxo.x."; // x root, o octave, g ghost (dead note)
    for (int bar = 0; bar < w.ctx.brief.bars; ++bar)
        for (int s = 0; s < g.stepsPerBar; ++s) {
            const char c = kLine[s % 16];
            const Tick t = g.barStart(bar) + s * g.stepTicks;
            if (c == 'x' ||
                (c == '.' && g.weight(s) == 0 && rng.chance(0.15 * w.ctx.brief.density)))
                w.note(t, g.stepTicks, w.root(t), w.ctx.accent(s, 104, 12));
            else if (c == 'o')
                w.note(t, g.stepTicks, w.root(t) + 12, 100);
            else if (c == 'g')
                w.note(t, g.stepTicks / 2, w.root(t), 34);
        }
}
// Dead notes: short, quiet roots on free sixteenth off-beats (the slap line has its own).
void ghostNotes(BassWriter& w, Rng& rng)
{
    const Grid& g = w.ctx.grid;
    std::vector<model::Note> ghosts;
    for (Tick t = g.stepTicks; t < g.barStart(w.ctx.brief.bars); t += 2 * g.stepTicks) {
        const bool free = std::none_of(w.out.begin(), w.out.end(), [&](const model::Note& n) {
            return n.startTick < t + g.stepTicks && n.endTick() > t;
        });
        if (free && rng.chance(0.3))
            ghosts.push_back({t, g.stepTicks / 2, 0, static_cast<std::uint8_t>(w.root(t)), 32, 64});
    }
    w.out.insert(w.out.end(), ghosts.begin(), ghosts.end());
}
} // namespace

Notes makeBass(const Context& ctx, Rng& rng)
{
    const Part& part = *ctx.brief.part(Role::Bass);
    Notes out;
    static constexpr int kHome[] = {7, 3, 10, 5}; // the line's centre above the lowest key
    BassWriter w{ctx, part, out, part.lowKey + kHome[std::clamp(ctx.variant, 0, 3)]};
    const Grid& g = ctx.grid;
    BassStyle style = styleFor(ctx.brief);
    if ((style == BassStyle::Kick || style == BassStyle::Sub808) && ctx.kickTicks.empty())
        style = BassStyle::Roots; // nothing to lock to without drums
    const std::vector<int>& pulses = g.pulseSteps();
    const bool busy = ctx.brief.density > 0.6;
    switch (style) {
    case BassStyle::Roots: {
        std::vector<int> steps = pulses;
        if (!busy && steps.size() >= 4)
            steps = {pulses[0], pulses[2], pulses[3] + 2};
        else if (busy)
            for (int p : pulses)
                if (p + 2 < g.stepsPerBar) steps.push_back(p + 2);
        std::sort(steps.begin(), steps.end());
        steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
        const int ghostRoom = busy ? 1 : 3; // staccato enough for dead notes between
        onSteps(w, rng, steps, ctx.brief.directives.ghostNotes ? ghostRoom : 0, true);
        break;
    }
    case BassStyle::Driving: {
        std::vector<int> eighths;
        for (int s = 0; s < g.stepsPerBar; s += 2)
            eighths.push_back(s);
        onSteps(w, rng, eighths, 2, true);
        break;
    }
    case BassStyle::Kick:
        lockToKick(w, rng, false);
        break;
    case BassStyle::Sub808:
        lockToKick(w, rng, true);
        break;
    case BassStyle::OffBeat: {
        std::vector<int> off;
        for (int p : pulses)
            off.push_back(p + 2);
        onSteps(w, rng, off, 2, false);
        break;
    }
    case BassStyle::Rolling: {
        std::vector<int> steps;
        for (int s = 0; s < g.stepsPerBar; ++s)
            if (s % 4 != 0) steps.push_back(s);
        onSteps(w, rng, steps, 1, false);
        break;
    }
    case BassStyle::Walking:
        walking(w, rng);
        break;
    case BassStyle::Slap:
        slap(w, rng);
        break;
    case BassStyle::Whole:
        onSteps(w, rng, {0}, 0, false);
        break;
    case BassStyle::Waltz:
        onSteps(w, rng, {0}, 4, false);
        break;
    }
    if (ctx.brief.directives.ghostNotes && style != BassStyle::Walking && style != BassStyle::Slap)
        ghostNotes(w, rng);
    return out;
}

} // namespace pianola::engine::generate
