// SPDX-License-Identifier: MIT
// From what the words asked for to a complete brief: genre defaults, parts, directives, checks.
#include "engine/generate/PromptText.h"
#include "engine/generate/Request.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pianola::engine::generate {

namespace {
int defaultTonic(Mode mode)
{
    switch (mode) {
    case Mode::Major:
        return 0;
    case Mode::Dorian:
        return 2;
    case Mode::Phrygian:
        return 4;
    case Mode::Lydian:
        return 5;
    case Mode::Mixolydian:
        return 7;
    default:
        return 9;
    }
}

double tempoFromWord(int word, double genreBpm)
{
    switch (word) {
    case 0:
        return std::clamp(std::round(genreBpm * 0.65), 40.0, 70.0);
    case 1:
        return std::clamp(std::round(genreBpm * 0.8), 55.0, 85.0);
    case 2:
        return std::clamp(genreBpm, 90.0, 115.0);
    case 3:
        return std::clamp(std::round(genreBpm * 1.2), 125.0, 180.0);
    default:
        return std::clamp(std::round(genreBpm * 1.4), 150.0, 200.0);
    }
}

void resolveParts(Brief& b, const Request& q)
{
    const std::vector<Part> defaults = b.parts;
    std::vector<Part> parts;
    const bool named =
        std::any_of(q.roles.begin(), q.roles.end(), [](const RoleRequest& r) { return !r.added; });
    if (!named || (q.full && !q.only)) parts = defaults;
    for (const RoleRequest& r : q.roles) {
        auto it = std::find_if(parts.begin(), parts.end(),
                               [&](const Part& p) { return p.role == r.role; });
        if (it == parts.end()) it = parts.insert(parts.end(), defaultPart(b.genre, r.role));
        if (r.program >= 0 && r.role != Role::Drums) it->program = r.program;
        if (r.role == Role::Drums && r.program == 40) it->program = 40; // the Brush kit
        if (r.sub) it->lowKey = 24, it->highKey = 48;
        if (r.cello) it->lowKey = 36, it->highKey = 62;
        if (r.octaves) {
            const int shift = 12 * r.octaves;
            it->lowKey = std::clamp(it->lowKey + shift, 0, 115);
            it->highKey = std::clamp(it->highKey + shift, it->lowKey + 12, 127);
        }
    }
    auto ensure = [&](Role role) {
        if (std::none_of(parts.begin(), parts.end(), [&](const Part& p) { return p.role == role; }))
            parts.push_back(defaultPart(b.genre, role));
    };
    if (q.backbeat || q.fourOnTheFloor || q.ghost || q.crash || q.fill || q.triplets)
        ensure(Role::Drums);
    if (q.follow) ensure(Role::Bass);
    for (Role gone : q.removed)
        std::erase_if(parts, [&](const Part& p) { return p.role == gone; });
    std::stable_sort(parts.begin(), parts.end(),
                     [](const Part& x, const Part& y) { return x.role < y.role; });
    b.parts = parts;
}

std::vector<int> resolveBars(std::vector<int> bars, int total)
{
    for (int& bar : bars)
        if (bar < 0) bar = total;
    std::sort(bars.begin(), bars.end());
    bars.erase(std::unique(bars.begin(), bars.end()), bars.end());
    return bars;
}

} // namespace

Brief briefFromRequest(const Request& q, std::uint64_t seed, std::vector<std::string>& problems)
{
    Brief b = defaultBrief(q.genre.value_or(Genre::Pop));
    if (q.mood) b.mood = *q.mood;
    if (q.mode)
        b.mode = *q.mode;
    else if (b.mood == Mood::Dark || b.mood == Mood::Melancholic || b.mood == Mood::Tense ||
             b.mood == Mood::Aggressive)
        b.mode = b.mode == Mode::Dorian ? Mode::Dorian : Mode::Minor;
    else if (b.mood == Mood::Uplifting && isMinorMode(b.mode))
        b.mode = Mode::Major;
    b.tonic = q.tonic.value_or(defaultTonic(b.mode));
    if (q.tempoWord) b.bpm = tempoFromWord(*q.tempoWord, b.bpm);
    if (q.bpm) b.bpm = *q.bpm;
    if (q.meter) b.numerator = q.meter->first, b.denominator = q.meter->second;
    if (q.bars) b.bars = static_cast<int>(std::lround(*q.bars));
    if (q.candidates) b.candidates = static_cast<int>(std::lround(*q.candidates));
    b.density = q.density.value_or(b.density + (b.mood == Mood::Aggressive ? 0.1
                                                : b.mood == Mood::Soft     ? -0.1
                                                                           : 0));
    b.complexity = q.complexity.value_or(b.complexity);
    if (q.complexity && *q.complexity < 0.3 && !q.density) b.density = std::min(b.density, 0.35);
    if (q.humanize) b.humanize = *q.humanize;
    if (q.quantized) b.humanize = 0;
    if (q.swing) b.swing = *q.swing;
    if (q.extension) b.extension = *q.extension;
    b.sus = q.sus;
    b.add9 = q.add9 || (b.mood == Mood::Dreamy && !q.extension && b.extension == 0);
    if (q.voicing) b.voicing = *q.voicing;
    resolveParts(b, q);
    Directives& d = b.directives;
    if (q.backbeat) d.backbeat = true;
    if (q.clap) d.clap = true;
    if (q.fourOnTheFloor) d.fourOnTheFloor = true;
    if (q.ghost) d.ghostNotes = true;
    if (q.crash) d.crashBar1 = true;
    if (q.follow) d.bassFollow = *q.follow;
    d.fillBars = resolveBars(q.fillBars, b.bars);
    d.tripletHatBars = resolveBars(q.tripletBars, b.bars);
    // Within the bars a take can have: "a fill every two bars" on a billion bars (refused below)
    // must not first list half a billion fills.
    const int lastBar = std::clamp(b.bars, 0, Brief::kMaxBars);
    auto every = [&](std::vector<int>& out, int interval) {
        for (long long bar = std::min(interval, lastBar); bar >= 1 && bar <= lastBar;
             bar += interval)
            out.push_back(static_cast<int>(bar));
    };
    if (q.noFills) d.fillBars.clear();
    if (q.noGhost) d.ghostNotes = false;
    if (q.fill && d.fillBars.empty()) // by default at the end of every four-bar phrase
        every(d.fillBars, q.fillEvery ? q.fillEvery : 4);
    if (q.triplets && d.tripletHatBars.empty())
        every(d.tripletHatBars, q.tripletEvery ? q.tripletEvery : 2);
    b.seed = seed;
    // Impossible requests, said in the user's terms.
    if (q.bars && (b.bars < Brief::kMinBars || b.bars > Brief::kMaxBars))
        problems.push_back(numberText(*q.bars) + " bars: a take has 1 to 256 bars");
    if (q.bpm && (*q.bpm < Brief::kMinBpm || *q.bpm > Brief::kMaxBpm))
        problems.push_back(numberText(*q.bpm) + " bpm: the tempo must be 20 to 400 bpm");
    if (q.meter && !meterSupported(b.numerator, b.denominator))
        problems.push_back(
            std::to_string(b.numerator) + "/" + std::to_string(b.denominator) +
            ": a meter needs 1 to 32 beats of halves, quarters, eighths or sixteenths");
    if (q.swing && (*q.swing < 50 || *q.swing > 75))
        problems.push_back("swing " + numberText(*q.swing) +
                           "%: swing must be 50% (straight) to 75%");
    if (q.candidates && (b.candidates < 1 || b.candidates > Brief::kMaxCandidates))
        problems.push_back(numberText(*q.candidates) + " takes: ask for 1 to 16");
    if (b.parts.empty()) problems.push_back("no instruments left to play");
    if (problems.empty())
        for (const std::string& p : briefProblems(b))
            problems.push_back(p);
    return b;
}

} // namespace pianola::engine::generate
