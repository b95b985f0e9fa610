// SPDX-License-Identifier: MIT
// Drums on the GM kit: per-genre grooves with accents, ghost notes, fills, rolls and bar-to-bar
// variation.
#include "engine/generate/Parts.h"

#include <algorithm>
#include <string_view>

namespace pianola::engine::generate {

namespace {
// A one-bar 4/4 groove in sixteenths: 'x' hit, 'g' ghost, '.' rest.
struct Groove
{
    std::string_view kick, snare, hat, openHat;
    int snareKey = drum::kSnare;
    int hatKey = drum::kClosedHat;
};

// clang-format off
Groove grooveFor(Genre g)
{
    switch (g) {
    case Genre::Rock:        return {"x.......x.x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", "................"};
    case Genre::LoFi:        return {"x......x..x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", "................"};
    case Genre::HipHop:      return {"x......x..x..x..", "....x.......x...", "x.x.x.x.x.x.x.x.", "................"};
    case Genre::Trap:        return {"x......x..x.....", "........x.......", "x.x.x.x.x.x.x.x.", "................", drum::kClap};
    case Genre::House:       return {"x...x...x...x...", "....x.......x...", "x.xxx.xxx.xxx.xx", "..x...x...x...x.", drum::kClap};
    case Genre::Techno:      return {"x...x...x...x...", "....x.......x...", "xxxxxxxxxxxxxxxx", "..x...x...x...x.", drum::kClap};
    case Genre::DrumAndBass: return {"x.........x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", "................"};
    case Genre::Jazz:        return {"x...x...x...x...", "................", "x...x.x.x...x.x.", "................", drum::kSnare, drum::kRide};
    case Genre::NeoSoul:     return {"x......x..x.....", "....x.......x...", "xxxxxxxxxxxxxxxx", "................"};
    case Genre::RnB:         return {"x.....x...x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", "................"};
    case Genre::Funk:        return {"x.x.......x..x..", "....x..g.g..x..g", "xxxxxxxxxxxxxxxx", "................"};
    case Genre::Reggaeton:   return {"x...x...x...x...", "...x..x....x..x.", "x.x.x.x.x.x.x.x.", "................", drum::kSideStick};
    case Genre::Cinematic:   return {"x.....x.x.......", "................", "................", "................"};
    case Genre::Ballad:      return {"x.........x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", "................", drum::kSideStick};
    default:                 return {"x.......x.x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", "................"};
    }
}
// clang-format on

// Another groove for candidate `variant` > 0: another kick line (not where the kick is the
// pulse), busier hats in the second, open hats on the off-beats in the third. The snare line
// stays: a backbeat asked for holds in every candidate.
Groove variedGroove(Groove g, int variant, Genre genre)
{
    if (variant <= 0) return g;
    static constexpr std::string_view kKicks[] = {"x.........x.....", "x......x..x.....",
                                                  "x.x.......x..x..", "x.....x.x.......",
                                                  "x..x......x....."};
    const bool pulse = g.kick == "x...x...x...x...";
    if (!pulse && genre != Genre::Jazz && genre != Genre::Cinematic) {
        int found = 0;
        for (std::string_view line : kKicks)
            if (line != g.kick && ++found == variant) g.kick = line;
    }
    if (variant == 2 && !g.hat.empty())
        g.hat = g.hat == "xxxxxxxxxxxxxxxx" ? "x.x.x.x.x.x.x.x." : "x.x.x.xxx.x.x.xx";
    if (variant == 3 && g.openHat == "................" && !g.hat.empty())
        g.openHat = "......x.......x.";
    return g;
}

struct BarBuilder
{
    Context& ctx;
    Rng& rng;
    Notes& out;
    Tick barStart = 0;

    void hit(Tick tick, int key, int velocity, Tick length = 0)
    {
        out.push_back({tick, length > 0 ? length : ctx.grid.stepTicks, 0,
                       static_cast<std::uint8_t>(key),
                       static_cast<std::uint8_t>(std::clamp(velocity, 1, 127)), 64});
    }
    void step(int s, int key, int velocity, Tick length = 0)
    {
        hit(barStart + s * ctx.grid.stepTicks, key, velocity, length);
    }
    void erase(Tick from, Tick to, std::initializer_list<int> keys)
    {
        std::erase_if(out, [&](const model::Note& n) {
            return n.startTick >= from && n.startTick < to &&
                   std::find(keys.begin(), keys.end(), n.key) != keys.end();
        });
    }
};

bool has(std::string_view line, int step)
{
    return step < static_cast<int>(line.size()) && line[static_cast<std::size_t>(step)] != '.';
}

// The steps of the backbeat (2 and 4 in 4/4; the off pulses in other meters).
std::vector<int> backbeatSteps(const Grid& g)
{
    const std::vector<int>& pulses = g.pulseSteps();
    std::vector<int> out;
    for (std::size_t i = 1; i < pulses.size(); i += 2)
        out.push_back(pulses[i]);
    if (out.empty()) out.push_back(g.stepsPerBar / 2);
    return out;
}

void grooveBar(BarBuilder& b, const Groove& groove, bool fourFour)
{
    const Context& ctx = b.ctx;
    const Brief& brief = ctx.brief;
    const Grid& g = ctx.grid;
    const Directives& d = brief.directives;
    const std::vector<int>& pulses = g.pulseSteps();
    const std::vector<int> backbeat = backbeatSteps(g);
    auto isPulse = [&](int s) {
        return std::find(pulses.begin(), pulses.end(), s) != pulses.end();
    };
    auto isBackbeat = [&](int s) {
        return std::find(backbeat.begin(), backbeat.end(), s) != backbeat.end();
    };
    const bool ownSnare = !d.backbeat && fourFour; // the groove's snare line, unless told otherwise
    const int backbeatKey = d.clap ? drum::kClap : (fourFour ? groove.snareKey : drum::kSnare);
    const bool jazz = brief.genre == Genre::Jazz;
    for (int s = 0; s < g.stepsPerBar; ++s) {
        const bool kick = d.fourOnTheFloor ? isPulse(s)
                          : fourFour       ? has(groove.kick, s)
                                           : (isPulse(s) && !isBackbeat(s)) || s == 0;
        if (kick) b.step(s, drum::kKick, jazz ? 40 : ctx.accent(s, 108, 12));
        if (ownSnare && has(groove.snare, s))
            b.step(s, groove.snareKey,
                   groove.snare[static_cast<std::size_t>(s)] == 'g' ? 34 : ctx.accent(s, 104, 10));
        else if (!ownSnare && isBackbeat(s) && !jazz && brief.genre != Genre::Cinematic)
            b.step(s, backbeatKey, ctx.accent(s, 106, 8));
        if (d.clap && ownSnare && has(groove.snare, s) && groove.snareKey != drum::kClap)
            b.step(s, drum::kClap, ctx.accent(s, 96, 8));
        const bool hat = fourFour ? has(groove.hat, s) : (brief.density > 0.7 ? true : s % 2 == 0);
        if (hat && brief.genre != Genre::Cinematic)
            b.step(s, groove.hatKey,
                   ctx.accent(s, groove.hatKey == drum::kRide ? 84 : 74, 16) + b.rng.range(-5, 5));
        if (fourFour && has(groove.openHat, s))
            b.step(s, drum::kOpenHat, ctx.accent(s, 80, 8), 2 * g.stepTicks);
    }
    if (jazz) // hi-hat pedal on 2 and 4
        for (int s : backbeat)
            b.step(s, drum::kPedalHat, 70);
    if (brief.genre == Genre::Cinematic) // toms under the kicks, a low pulse
        for (int s : pulses)
            b.step(s, s == 0 ? drum::kFloorTom : drum::kLowTom, ctx.accent(s, 96, 16),
                   2 * g.stepTicks);
}

// Small per-bar changes so a loop is not a copy: an extra or moved kick, an open hat at the end.
void varyBar(BarBuilder& b, int bar, bool fourFour)
{
    const Context& ctx = b.ctx;
    const Brief& brief = ctx.brief;
    const Grid& g = ctx.grid;
    if (bar > 0 && !brief.directives.fourOnTheFloor &&
        b.rng.chance(0.25 + 0.4 * brief.complexity)) {
        const int s = b.rng.range(g.stepsPerBar / 2, g.stepsPerBar - 1);
        if (g.weight(s) < 2) b.step(s, drum::kKick, ctx.accent(s, 92, 10));
    }
    if (bar > 0 && b.rng.chance(0.35 + 0.3 * brief.complexity)) { // a percussion answer
        static constexpr int kColours[] = {drum::kSideStick, drum::kTambourine, drum::kRideBell,
                                           drum::kClap};
        const int s = b.rng.range(g.stepsPerBar / 2, g.stepsPerBar - 1);
        if (g.weight(s) < 2) b.step(s, kColours[b.rng.range(0, 3)], ctx.accent(s, 70, 8));
    }
    if (bar % 4 == 3 && g.stepsPerBar >= 8 &&
        brief.genre != Genre::Cinematic) // phrase end: a pickup
        b.step(g.stepsPerBar - 1, brief.directives.clap ? drum::kClap : drum::kSnare,
               64 + b.rng.range(0, 12));
    if (fourFour && bar % 2 == 1 && brief.genre != Genre::Cinematic && brief.genre != Genre::Jazz) {
        const Tick at = b.barStart + (g.stepsPerBar - 2) * g.stepTicks;
        b.erase(at, at + 1, {drum::kClosedHat});
        b.hit(at, drum::kOpenHat, 82, 2 * g.stepTicks);
    }
    if (brief.genre == Genre::Trap && bar % 2 == 1 && brief.directives.tripletHatBars.empty()) {
        const Tick from =
            b.barStart + (g.stepsPerBar - 4) * g.stepTicks; // a 32nd-note roll on the last beat
        b.erase(from, from + 4 * g.stepTicks, {drum::kClosedHat});
        for (int i = 0; i < 8; ++i)
            b.hit(from + i * g.stepTicks / 2, drum::kClosedHat, 60 + 5 * i, g.stepTicks / 2);
    }
    // Comping on the snare: two quiet off-beat hits (a bar of one sixteenth, 1/16, has no
    // off-beat: "jazz in 1/16 with drums" divided by zero here, stop 28's fuzz_answer).
    if (brief.genre == Genre::Jazz && g.stepsPerBar >= 2)
        for (int i = 0; i < 2; ++i) {
            const int s = b.rng.range(0, g.stepsPerBar / 2 - 1) * 2 + 1;
            b.step(s < g.stepsPerBar ? s : 1, drum::kSnare, 38 + b.rng.range(0, 10));
        }
}

void ghostNotes(BarBuilder& b, const std::vector<int>& backbeat)
{
    const Grid& g = b.ctx.grid;
    for (int s = 1; s < g.stepsPerBar; s += 2) {
        const bool nearBackbeat = std::any_of(backbeat.begin(), backbeat.end(),
                                              [&](int bb) { return std::abs(bb - s) <= 1; });
        if (!nearBackbeat && b.rng.chance(0.45 + 0.3 * b.ctx.brief.density))
            b.step(s, drum::kSnare, 26 + b.rng.range(0, 16), g.stepTicks / 2);
    }
}

void tripletRoll(BarBuilder& b)
{
    const Grid& g = b.ctx.grid;
    const Tick from = b.barStart + g.barTicks / 2, to = b.barStart + g.barTicks;
    b.erase(from, to, {drum::kClosedHat, drum::kOpenHat});
    const Tick spacing = g.ppq / 6; // sixteenth-note triplets
    int i = 0;
    for (Tick t = from; t + spacing <= to; t += spacing, ++i)
        b.hit(t, drum::kClosedHat, 56 + (i * 50) / static_cast<int>((to - from) / spacing),
              spacing);
}

// A variant's own fill where no fill was named: a sixteenth pickup after the last beat (the
// backbeat before it stays) at the end of the take (variant 1) or of each 4-bar phrase (3).
void variantFill(BarBuilder& b, int bar)
{
    const Context& ctx = b.ctx;
    const int bars = ctx.brief.bars;
    const bool at = ctx.variant == 1 ? bar + 1 == bars : ctx.variant == 3 && bar % 4 == 3;
    if (!ctx.fillsFree || !at || ctx.grid.stepsPerBar < 8 || ctx.brief.genre == Genre::Cinematic)
        return;
    const Tick to = b.barStart + ctx.grid.barTicks;
    drumFill(b.out, to - 3 * ctx.grid.stepTicks, to, ctx.grid.stepTicks, b.rng, bar + 1 < bars);
}

void fill(BarBuilder& b, bool lastBar)
{
    const Grid& g = b.ctx.grid;
    const int steps = b.ctx.brief.density > 0.7 ? g.stepsPerBar : std::max(4, g.stepsPerBar / 2);
    const Tick to = b.barStart + g.barTicks;
    drumFill(b.out, to - steps * g.stepTicks, to, g.stepTicks, b.rng, !lastBar);
}
} // namespace

void drumFill(Notes& notes, Tick from, Tick to, Tick stepTicks, Rng& rng, bool landing, int pattern)
{
    if (to <= from) return;
    // A span shorter than a step (half a bar of 1/16 is a 32nd) is one step: no note of the fill
    // starts before `from`, where the groove is not cleared (its last kick fell on the groove's
    // kick at the bar's start: found by fuzz_answer).
    stepTicks = std::clamp<Tick>(stepTicks, 1, to - from);
    std::erase_if(notes, [&](const model::Note& n) {
        return n.startTick >= from && n.startTick < to && n.key != drum::kCrash;
    });
    static constexpr int kToms[] = {drum::kSnare, drum::kHighTom, drum::kMidTom, drum::kLowTom,
                                    drum::kFloorTom};
    const int steps = static_cast<int>((to - from) / stepTicks);
    const int variant = rng.range(0, 1);
    const int kind = pattern >= 0 ? pattern % 4 : variant;
    for (int i = 0; i < steps; ++i) {
        const int group = (i * 5) / steps;
        int key = kind == 0   ? kToms[group]
                  : kind == 1 ? (i % 2 == 0 ? kToms[std::min(4, group + 1)] : drum::kSnare)
                  : kind == 2 ? drum::kSnare // a snare roll
                              : (i % 3 == 0 ? drum::kKick : kToms[std::min(4, 1 + group)]);
        if (kind == 2 && i + 2 >= steps) key = drum::kFloorTom;
        notes.push_back({from + i * stepTicks, stepTicks, 0, static_cast<std::uint8_t>(key),
                         static_cast<std::uint8_t>(72 + (i * 45) / steps), 64});
        if (kind == 2 && 2 * i >= steps) // the roll's second half in 32nds
            notes.push_back({from + i * stepTicks + stepTicks / 2, stepTicks / 2, 0, drum::kSnare,
                             static_cast<std::uint8_t>(80 + (i * 40) / steps), 64});
    }
    // The last step's kick, accented; where the pattern put a kick there already (a fill of one
    // step, or of kicks and toms), that kick is accented, not struck twice.
    const auto lastKick = std::find_if(notes.begin(), notes.end(), [&](const model::Note& n) {
        return n.key == drum::kKick && n.startTick == to - stepTicks;
    });
    if (lastKick != notes.end())
        lastKick->velocity = std::max<std::uint8_t>(lastKick->velocity, 110);
    else
        notes.push_back({to - stepTicks, stepTicks, 0, drum::kKick, 110, 64});
    // Land the fill: a crash on the next downbeat, unless one is there (a second fill on the
    // same bar, a groove that crashes there) and would be struck twice.
    if (landing && std::none_of(notes.begin(), notes.end(), [&](const model::Note& n) {
            return n.key == drum::kCrash && n.startTick == to;
        }))
        notes.push_back({to, 4 * stepTicks, 0, drum::kCrash, 112, 64});
}

Notes makeDrums(Context& ctx, Rng& rng)
{
    const Brief& brief = ctx.brief;
    const Grid& g = ctx.grid;
    const bool fourFour = g.numerator == 4 && g.denominator == 4;
    const Groove groove = variedGroove(grooveFor(brief.genre), ctx.variant, brief.genre);
    const std::vector<int> backbeat = backbeatSteps(g);
    Notes out;
    for (int bar = 0; bar < brief.bars; ++bar) {
        BarBuilder b{ctx, rng, out, g.barStart(bar)};
        grooveBar(b, groove, fourFour);
        varyBar(b, bar, fourFour);
        if (brief.directives.ghostNotes) ghostNotes(b, backbeat);
        const auto& d = brief.directives;
        if (std::find(d.tripletHatBars.begin(), d.tripletHatBars.end(), bar + 1) !=
            d.tripletHatBars.end())
            tripletRoll(b);
        if (std::find(d.fillBars.begin(), d.fillBars.end(), bar + 1) != d.fillBars.end())
            fill(b, bar + 1 == brief.bars);
        else if (d.fillBars.empty())
            variantFill(b, bar);
    }
    const bool crash =
        brief.directives.crashBar1 || brief.genre == Genre::Rock || brief.genre == Genre::Cinematic;
    if (crash) out.push_back({0, 4 * g.stepTicks, 0, drum::kCrash, 112, 64});
    for (const model::Note& n : out)
        if (n.key == drum::kKick) ctx.kickTicks.push_back(n.startTick);
    std::sort(ctx.kickTicks.begin(), ctx.kickTicks.end());
    ctx.kickTicks.erase(std::unique(ctx.kickTicks.begin(), ctx.kickTicks.end()),
                        ctx.kickTicks.end());
    return out;
}

} // namespace pianola::engine::generate
