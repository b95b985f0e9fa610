// SPDX-License-Identifier: MIT
// The context of a part made for a take: tempo, meter, bars, key and feel from the take unless
// the words change them; harmony and kick onsets read from its notes; a register left free.
#include "engine/generate/ArrangerContext.h"

#include "engine/generate/Interpreter.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/Request.h"
#include "model/Analysis.h"
#include "model/NoteOps.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace pianola::engine::generate {

namespace {
std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", std::round(v * 10) / 10);
    return buf;
}

std::string keyName(int tonic, bool minor)
{
    return model::analysis::keyName({tonic, minor, 0.0});
}

// How loose the take is: the mean distance of pitched onsets from the sixteenth grid, scaled to
// the generator's humanize amount (amount a drifts about a * ppq / 24 ticks).
double takeHumanize(const model::Plan& take)
{
    const Tick step = std::max(1, take.ppq / 4);
    double sum = 0;
    int count = 0;
    for (const model::Track& t : take.tracks)
        for (const model::Note& n : t.notes) {
            const Tick off = n.startTick % step;
            sum += static_cast<double>(std::min(off, step - off)), ++count;
        }
    if (!count) return 0.3;
    return std::clamp(sum / count / (take.ppq / 24.0) * 1.5, 0.0, 1.0);
}

// Onsets of the take's kick drums on the straight sixteenth grid (swing undone first).
std::vector<Tick> takeKicks(const model::Plan& take, const Grid& g, double swing)
{
    std::vector<Tick> out;
    const Tick pair = 4 * g.stepTicks, half = pair / 2;
    const double swung = pair * swing / 100.0;
    for (const model::Track& t : take.tracks) {
        if (t.channel != 9) continue;
        for (const model::Note& n : t.notes) {
            if (n.key != 35 && n.key != 36) continue;
            const Tick base = n.startTick - n.startTick % pair;
            const double o = static_cast<double>(n.startTick % pair);
            const double straight =
                o <= swung ? o * half / swung : half + (o - swung) * (pair - half) / (pair - swung);
            out.push_back(base + std::llround(straight / g.stepTicks) * g.stepTicks);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Drum notes per bar: above about 24 the groove is busy and a bass should stay simple.
double drumNotesPerBar(const model::Plan& take, int bars)
{
    std::size_t n = 0;
    for (const model::Track& t : take.tracks)
        if (t.channel == 9) n += t.notes.size();
    return static_cast<double>(n) / std::max(bars, 1);
}

// Moves the part's register an octave at a time away from the pitched tracks already there.
void leaveRoom(const model::Plan& take, Part& part, std::optional<std::size_t> target)
{
    if (part.role == Role::Drums || part.role == Role::Bass) return;
    auto overlap = [&](int low, int high) {
        int inside = 0;
        for (std::size_t i = 0; i < take.tracks.size(); ++i) {
            const model::Track& t = take.tracks[i];
            if (t.channel == 9 || (target && i == *target) || inferRole(t) == Role::Bass) continue;
            for (const model::Note& n : t.notes)
                inside += n.key >= low && n.key <= high;
        }
        return inside;
    };
    const int up = part.role == Role::Pad ? -12 : 12;
    for (int tries = 0; tries < 2 && overlap(part.lowKey, part.highKey) > 0; ++tries) {
        const int shifted = part.lowKey + up;
        if (shifted < 36 || part.highKey + up > 108) break;
        if (overlap(shifted, part.highKey + up) >= overlap(part.lowKey, part.highKey)) break;
        part.lowKey += up, part.highKey += up;
    }
}

std::vector<ChordSpan> spans(const std::vector<model::PlanChord>& chords)
{
    std::vector<ChordSpan> out;
    for (const model::PlanChord& c : chords)
        out.push_back({c.startTick, c.endTick(), Chord{c.root, c.tones, 1, false}});
    return out;
}

// True when the take has no pitched note: its harmony (even a chord list no part plays) is free
// to choose.
bool harmonyFree(const model::Plan& take)
{
    return std::none_of(take.tracks.begin(), take.tracks.end(),
                        [](const model::Track& t) { return t.channel != 9 && !t.notes.empty(); });
}

// Candidate `index` > 0 of a part whose voicing the words left open: another voicing.
void candidateVoicing(Brief& b, const Request& q, int index)
{
    if (q.voicing || index % 4 == 0) return;
    static constexpr Voicing kAll[] = {Voicing::Close, Voicing::Open, Voicing::Drop2,
                                       Voicing::Spread};
    int found = 0;
    for (Voicing v : kAll)
        if (v != b.voicing && ++found == index % 4) {
            b.voicing = v;
            return;
        }
}

// The chord roots at each bar's start: what makes two progressions the same idea.
std::vector<int> rootsPerBar(const std::vector<ChordSpan>& spans, const Grid& g, int bars)
{
    std::vector<int> out;
    for (int bar = 0; bar < bars; ++bar) {
        const Tick t = g.barStart(bar);
        const auto at = std::find_if(spans.begin(), spans.end(),
                                     [&](const ChordSpan& s) { return s.start <= t && t < s.end; });
        out.push_back(at == spans.end() ? -1 : at->chord.root);
    }
    return out;
}

// Candidate `index`'s new progression: the index-th one drawn from the request's seed that
// differs from those drawn before it and from `avoid` (the take's, when it is regenerated), so
// four candidates are four progressions as far as the style has them. Drawn with `base` (the
// brief before the candidate's own complexity) so every candidate sees the same draws.
std::vector<ChordSpan> candidateProgression(const Brief& base, const Grid& g, std::uint64_t seed,
                                            int index, const std::vector<ChordSpan>& avoid)
{
    std::vector<std::vector<int>> seen;
    if (!avoid.empty()) seen.push_back(rootsPerBar(avoid, g, base.bars));
    std::vector<ChordSpan> last;
    int found = -1;
    for (std::uint64_t attempt = 0; attempt < 24 && found < index % 4; ++attempt) {
        Rng rng(mixSeed(seed, 0xC4081D00u + attempt));
        std::vector<ChordSpan> spans = chordTimeline(base, g, rng, false);
        const std::vector<int> roots = rootsPerBar(spans, g, base.bars);
        if (std::find(seen.begin(), seen.end(), roots) != seen.end()) continue;
        seen.push_back(roots);
        last = std::move(spans);
        ++found;
    }
    if (last.empty()) { // the style has no other: the plain draw
        Rng rng(mixSeed(seed, 0xC4081D00u));
        last = chordTimeline(base, g, rng, false);
    }
    return last;
}

bool sixteenthHats(Genre g)
{
    return g == Genre::NeoSoul || g == Genre::Techno || g == Genre::Funk || g == Genre::House;
}
} // namespace

std::vector<model::PlanChord> PartContext::harmony(Tick from, Tick to,
                                                   const std::vector<model::PlanChord>& old) const
{
    std::vector<model::PlanChord> out;
    for (const model::PlanChord& c : old)
        if (c.endTick() <= from || c.startTick >= to)
            out.push_back(c);
        else if (c.startTick < from)
            out.push_back({c.startTick, from - c.startTick, c.root, c.quality, c.tones});
    for (const ChordSpan& s : ctx->chords)
        if (s.start >= from && s.start < to)
            out.push_back({s.start, std::min(s.end, to) - s.start, s.chord.root,
                           chordQualityName(s.chord.tones), s.chord.tones});
    for (const model::PlanChord& c : old)
        if (c.startTick < to && c.endTick() > to && c.startTick >= from)
            out.push_back({to, c.endTick() - to, c.root, c.quality, c.tones});
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.startTick < b.startTick; });
    return out;
}

namespace {
// Tempo, meter, bars and key from the take; the words may change only the tempo (for the whole
// take), and say so.
void takeFacts(PartContext& pc, const Request& q, const PlanInfo& info)
{
    Brief& b = *pc.brief;
    b.numerator = info.numerator, b.denominator = info.denominator;
    b.bars = std::clamp(info.bars, Brief::kMinBars, Brief::kMaxBars);
    if (q.tonic && (*q.tonic != info.tonic || isMinorMode(b.mode) != info.minor))
        pc.chips.push_back("key: " + keyName(info.tonic, info.minor) + " from the take (asked " +
                           keyName(*q.tonic, q.mode && isMinorMode(*q.mode)) + ")");
    else
        pc.chips.push_back("key: " + keyName(info.tonic, info.minor) + " from the take");
    b.tonic = info.tonic;
    b.mode = info.minor ? Mode::Minor : Mode::Major;
    if (q.bpm && std::abs(*q.bpm - info.bpm) > 0.5 && pc.problems.empty()) {
        pc.tempoChanged = true;
        pc.chips.push_back("tempo: " + number(*q.bpm) + " bpm for the whole take (was " +
                           number(info.bpm) + ")");
    } else {
        b.bpm = std::clamp(info.bpm, Brief::kMinBpm, Brief::kMaxBpm);
        pc.chips.push_back("tempo: " + number(info.bpm) + " bpm from the take");
    }
}

void feel(PartContext& pc, const Request& q, const PlanInfo& info, const model::Plan& take)
{
    Brief& b = *pc.brief;
    if (q.swing) {
        b.swing = *q.swing;
        pc.feelChip = ", swing " + number(b.swing) + "% asked";
        if (std::abs(info.swing - b.swing) >= 2)
            pc.feelChip += " (the take: " + number(info.swing) + "%)";
    } else {
        b.swing = info.swing;
        pc.feelChip = ", swing " + number(b.swing) + "% taken from the take";
    }
    b.swing16 = pc.part.role == Role::Drums && sixteenthHats(b.genre) && q.swing;
    if (q.quantized)
        b.humanize = 0;
    else if (!q.humanize)
        b.humanize = takeHumanize(take);
}

// Bass: simpler over busy drums, on the take's kick (with the chord roots) when there is one.
void fitBass(PartContext& pc, const Request& q, const model::Plan& take)
{
    Brief& b = *pc.brief;
    if (pc.part.role != Role::Bass) return;
    if (!q.density && drumNotesPerBar(take, b.bars) > 24) {
        b.density = std::min(b.density, 0.35);
        pc.chips.push_back("density: simpler, the drums are busy");
    }
    const bool ownStyle = b.genre == Genre::Jazz || b.genre == Genre::House ||
                          b.genre == Genre::Funk || b.genre == Genre::Techno;
    if (!pc.ctx->kickTicks.empty() && (q.follow || !ownStyle) &&
        q.follow.value_or(BassFollow::Kick) != BassFollow::Style) {
        b.directives.bassFollow = BassFollow::Kick;
        pc.chips.push_back("bass: chord roots on the take's kick (" +
                           std::to_string(pc.ctx->kickTicks.size()) + " kicks)");
    }
}

// The part asked for: the named instrument, else the track regenerated, else the genre's.
Part choosePart(const Brief& b, const Request& q, Role role, const model::Plan& take,
                std::optional<std::size_t> target, bool modelNamesPart)
{
    const Part* asked = b.part(role);
    Part part = asked ? *asked : defaultPart(b.genre, role);
    const bool programNamed =
        std::any_of(q.roles.begin(), q.roles.end(), [&](const RoleRequest& r) {
            return (r.role == role || (role == Role::Chords && r.role == Role::Pad)) &&
                   r.program >= 0 && (role != Role::Drums || r.program == 40);
        });
    if (role == Role::Chords) // "string pad progression": chords played by the strings
        for (const RoleRequest& r : q.roles)
            if ((r.role == Role::Pad || r.role == Role::Chords) && r.program >= 0)
                part.program = r.program;
    if (target && !modelNamesPart) { // a model's part has its own program and register
        const model::Track& t = take.tracks[*target];
        if (!programNamed) part.program = t.program;
        if (!t.notes.empty() && role != Role::Drums) {
            const auto [lo, hi] = std::minmax_element(
                t.notes.begin(), t.notes.end(),
                [](const model::Note& x, const model::Note& y) { return x.key < y.key; });
            part.lowKey = std::clamp<int>(lo->key, 0, 115);
            part.highKey = std::max<int>(hi->key, part.lowKey + 12);
        }
    }
    return part;
}
} // namespace

PartContext partContext(const model::Plan& take, const PartRequest& request, std::string_view words,
                        std::uint64_t seed, int index, std::optional<std::size_t> target)
{
    PartContext pc;
    Interpretation heard;
    Request q = readRequest(words, heard);
    if (!q.genre && request.genreHint) q.genre = request.genreHint;
    const PlanInfo info = inferPlanInfo(take);
    pc.brief = std::make_unique<Brief>(request.brief ? *request.brief
                                                     : briefFromRequest(q, seed, pc.problems));
    if (request.brief && !q.swing && request.brief->swing != 50) q.swing = request.brief->swing;
    std::erase_if(pc.problems,
                  [](const std::string& p) { return p.find("bars") != std::string::npos; });
    Brief& b = *pc.brief;
    pc.part = choosePart(b, q, request.role, take, target,
                         request.brief && request.brief->part(request.role));
    if (!target) leaveRoom(take, pc.part, target);
    takeFacts(pc, q, info);
    feel(pc, q, info, take);
    static constexpr std::array<double, 4> kComplexity = {0, -0.3, 0.25, 0.45};
    static constexpr std::array<double, 4> kDensity = {0, -0.15, 0.1, 0.2};
    const auto i = static_cast<std::size_t>(index) % 4;
    const Brief base = b; // before the candidate's own complexity and density
    b.complexity = std::clamp(b.complexity + kComplexity[i], 0.0, 1.0);
    b.density = std::clamp(b.density + kDensity[i], 0.0, 1.0);
    // The brief holds the new part first for its role, and the take's other roles after it (a
    // chord part without a bass under it carries the roots itself).
    std::vector<Part> parts{pc.part};
    for (const std::optional<Role>& r : info.roles)
        if (r && *r != request.role &&
            std::none_of(parts.begin(), parts.end(), [&](const Part& p) { return p.role == *r; }))
            parts.push_back(defaultPart(b.genre, *r));
    b.parts = parts;
    pc.seed = mixSeed(seed, static_cast<std::uint64_t>(index));
    b.seed = pc.seed;
    candidateVoicing(b, q, index);
    pc.ctx =
        std::make_unique<Context>(Context{b, Grid(b, take.ppq), {}, {}, false, 0, false, false});
    pc.ctx->variant = index % 4;
    pc.ctx->fillsFree = !q.noFills && !q.fill && q.fillBars.empty();
    pc.ctx->rootsAsked = q.follow == BassFollow::Roots;
    if (take.chords.empty())
        pc.chips.push_back("chords: detected in the take's notes");
    else
        pc.chips.push_back("chords: the take's progression");
    pc.ctx->chords = spans(takeHarmony(take));
    const bool freeHarmony = request.role != Role::Drums && harmonyFree(take);
    // A pad regenerated in a take without a chord part is its harmony: it is re-rolled as chords
    // are, else its candidates would voice one progression and repeat each other bar for bar.
    const bool padIsHarmony =
        request.role == Role::Pad &&
        std::none_of(info.roles.begin(), info.roles.end(),
                     [](const std::optional<Role>& r) { return r == Role::Chords; });
    if (((request.role == Role::Chords || padIsHarmony) && target) || freeHarmony) {
        Brief drawn = base;
        drawn.parts = b.parts;
        pc.ctx->chords =
            candidateProgression(drawn, pc.ctx->grid, seed, index,
                                 freeHarmony ? std::vector<ChordSpan>{} : pc.ctx->chords);
        pc.harmonyChanged = true;
        pc.chips.back() = "chords: a new progression";
    }
    pc.ctx->kickTicks = takeKicks(take, pc.ctx->grid, info.swing);
    fitBass(pc, q, take);
    return pc;
}

} // namespace pianola::engine::generate
