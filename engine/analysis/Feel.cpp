// SPDX-License-Identifier: MIT
// Swing, humanization, groove consistency and drum patterns.
#include "engine/analysis/Feel.h"

#include "model/GeneralMidi.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <map>

namespace pianola::engine::analysis {

using model::Tick;
using model::analysis::Analysis;

namespace {
std::vector<Tick> onsets(const Timeline& timeline)
{
    std::vector<Tick> ticks;
    for (const auto* list : {&timeline.pitched(), &timeline.drums()})
        for (const TimedNote& n : *list) // sorted by start: a chord's repeats are dropped here
            if (ticks.empty() || ticks.back() != n.startTick) ticks.push_back(n.startTick);
    std::sort(ticks.begin(), ticks.end());
    ticks.erase(std::unique(ticks.begin(), ticks.end()), ticks.end());
    return ticks;
}

double positionInBeat(Tick tick, Tick phase, int ppq)
{
    const Tick t = ((tick - phase) % ppq + ppq) % ppq;
    return static_cast<double>(t) / ppq;
}

struct Swing
{
    double ratio = 1.0;
    std::size_t count = 0; ///< off-beat onsets measured
};

// Median position of the off-beat halves of `pairsPerBeat` pairs (1: eighths, 2: sixteenths),
// those between 0.42 and 0.72 of their pair, as a long:short ratio.
Swing swingOf(const std::vector<Tick>& ticks, Tick phase, int ppq, int pairsPerBeat)
{
    std::vector<double> offbeats;
    for (Tick t : ticks) {
        const double inBeat = positionInBeat(t, phase, ppq) * pairsPerBeat;
        const double p = inBeat - std::floor(inBeat);
        if (p >= 0.42 && p <= 0.72) offbeats.push_back(p);
    }
    if (offbeats.size() < 8) return {1.0, offbeats.size()};
    const auto mid = offbeats.begin() + static_cast<std::ptrdiff_t>(offbeats.size() / 2);
    std::nth_element(offbeats.begin(), mid, offbeats.end());
    return {*mid / (1.0 - *mid), offbeats.size()};
}

// Swing of eighths and of sixteenths; the music swings the one further from straight (a swung
// 16th groove over straight 8th hats is swung, not straight).
void addSwing(const std::vector<Tick>& ticks, Tick phase, int ppq, Analysis& out)
{
    const Swing eighths = swingOf(ticks, phase, ppq, 1);
    const Swing sixteenths = swingOf(ticks, phase, ppq, 2);
    out.swingRatio8 = eighths.ratio;
    out.swingRatio16 = sixteenths.ratio;
    const bool use16 =
        std::abs(std::log(sixteenths.ratio)) > std::abs(std::log(eighths.ratio)) + 0.05;
    out.swingSubdivision = use16 ? 16 : 8;
    out.swingRatio = use16 ? sixteenths.ratio : eighths.ratio;
}

// Mean distance in ms from each onset to the nearest sixteenth or eighth-triplet grid point.
double timingDeviationMs(const Timeline& timeline, const std::vector<Tick>& ticks, Tick phase)
{
    if (ticks.empty()) return 0.0;
    const double ppq = timeline.ppq();
    double sum = 0;
    for (Tick t : ticks) {
        const double beats = static_cast<double>(t - phase) / ppq;
        double dev = 1.0;
        for (double grid : {4.0, 3.0})
            dev = std::min(dev, std::abs(beats * grid - std::round(beats * grid)) / grid);
        sum += dev * timeline.tempo().usPerQuarterAt(t) / 1000.0;
    }
    return sum / static_cast<double>(ticks.size());
}

// Mean cosine similarity of consecutive bars' onset patterns on a sixteenth grid.
double grooveConsistency(const Timeline& timeline, const std::vector<Tick>& ticks, Tick phase)
{
    struct Pattern
    {
        std::uint64_t steps = 0; ///< bit i: an onset on sixteenth i of the bar (up to 64)
        int length = 0;
    };
    const int bars = timeline.barCount();
    std::vector<Pattern> patterns(static_cast<std::size_t>(bars));
    for (Tick t : ticks) {
        const Tick shifted = std::max<Tick>(0, t - phase);
        const int bar = timeline.barAt(shifted);
        const Tick sixteenth = std::max<Tick>(1, timeline.beatTicks(bar) / 4);
        Pattern& pattern = patterns[static_cast<std::size_t>(bar)];
        pattern.length = std::min(64, timeline.beatsInBar(bar) * 4);
        const double step = static_cast<double>(shifted - timeline.barStarts()[bar]) / sixteenth;
        pattern.steps |= std::uint64_t{1} << std::min<long>(pattern.length - 1, std::lround(step));
    }
    double sum = 0;
    int pairs = 0;
    for (int b = 1; b < bars; ++b) {
        const Pattern &a = patterns[b - 1], &c = patterns[b];
        if (!a.steps || !c.steps || a.length != c.length) continue;
        sum += std::popcount(a.steps & c.steps) /
               std::sqrt(double(std::popcount(a.steps)) * std::popcount(c.steps));
        ++pairs;
    }
    return pairs ? sum / pairs : 0.0;
}
} // namespace

Tick beatPhase(const Timeline& timeline)
{
    const std::vector<Tick> ticks = onsets(timeline);
    const int ppq = timeline.ppq();
    if (ticks.empty() || ppq < 12) return 0;
    // A file mostly on its own sixteenth or triplet grid is taken as it is.
    const Tick tolerance = std::max(1, ppq / 48);
    std::size_t onGrid = 0;
    for (Tick t : ticks) {
        const Tick in16 = t % (ppq / 4), in12 = t % (ppq / 3);
        onGrid += std::min({in16, ppq / 4 - in16, in12, ppq / 3 - in12}) <= tolerance;
    }
    if (onGrid * 2 >= ticks.size()) return 0;
    // Otherwise the most common position in the beat: a circular histogram of 24 bins, each
    // onset weighted by its length (held notes start on beats more often than passing ones),
    // smoothed with [1 2 1].
    constexpr int kBins = 24;
    std::array<double, kBins> bins{};
    for (const TimedNote& n : timeline.pitched())
        bins[static_cast<std::size_t>(positionInBeat(n.startTick, 0, ppq) * kBins) % kBins] +=
            static_cast<double>(std::min<Tick>(n.endTick - n.startTick, 4 * Tick{ppq}));
    int best = 0;
    double bestValue = -1;
    for (int b = 0; b < kBins; ++b) {
        const double v = bins[(b + kBins - 1) % kBins] + 2 * bins[b] + bins[(b + 1) % kBins];
        if (v > bestValue) {
            bestValue = v;
            best = b;
        }
    }
    return (static_cast<Tick>(best) * ppq + ppq / 2) / kBins;
}

void addFeel(const Timeline& timeline, Analysis& out)
{
    const std::vector<Tick> ticks = onsets(timeline);
    const Tick phase = beatPhase(timeline);
    addSwing(ticks, phase, timeline.ppq(), out);
    out.timingDeviationMs = timingDeviationMs(timeline, ticks, phase);
    out.grooveConsistency = grooveConsistency(timeline, ticks, phase);
}

std::string drumName(int key)
{
    const std::string name = model::gm::drumKeyName(key);
    return name.empty() ? "Key " + std::to_string(key) : name;
}

namespace {
enum Piece { Kick, Snare, Hat, Tom, Other };

Piece pieceOf(int key)
{
    switch (key) {
    case 35:
    case 36:
        return Kick;
    case 37:
    case 38:
    case 39:
    case 40:
        return Snare;
    case 42:
    case 44:
    case 46:
    case 51:
    case 59:
        return Hat;
    case 41:
    case 43:
    case 45:
    case 47:
    case 48:
    case 50:
        return Tom;
    default:
        return Other;
    }
}

struct BarHits
{
    std::array<int, 5> count{};
    std::uint64_t kickBeats = 0, snareBeats = 0; ///< bit b: a hit on beat b (0-based)
};

// Which named patterns most drum bars follow, and which bars are fills.
void namePatterns(const Timeline& timeline, const std::map<int, BarHits>& bars,
                  model::analysis::DrumSummary& drums)
{
    int fourOnFloor = 0, backbeat = 0, hatEighths = 0, hatSixteenths = 0, common = 0;
    for (const auto& [bar, hits] : bars) {
        const int beats = timeline.beatsInBar(bar);
        if (beats != 4) continue;
        ++common;
        fourOnFloor += (hits.kickBeats & 0xF) == 0xF;
        backbeat += (hits.snareBeats & 0xA) == 0xA;
        hatEighths += hits.count[Hat] >= 7 && hits.count[Hat] < 14;
        hatSixteenths += hits.count[Hat] >= 14;
        const bool fill = hits.count[Tom] >= 3 || hits.count[Snare] >= 8;
        if (fill) drums.fillBars.push_back(bar + 1);
    }
    const auto most = [&](int n) { return common > 0 && n * 5 >= common * 3; }; // >= 60%
    if (most(fourOnFloor)) drums.patterns.push_back("four-on-the-floor");
    if (most(backbeat)) drums.patterns.push_back("backbeat");
    if (most(hatEighths)) drums.patterns.push_back("eighth-note hi-hat");
    if (most(hatSixteenths)) drums.patterns.push_back("sixteenth-note hi-hat");
}
} // namespace

void addDrums(const Timeline& timeline, Analysis& out)
{
    model::analysis::DrumSummary& drums = out.drums;
    std::map<int, std::int64_t> perKey;
    std::map<int, BarHits> bars;
    for (const TimedNote& n : timeline.drums()) {
        ++perKey[n.key];
        const int bar = timeline.barAt(n.startTick);
        BarHits& hits = bars[bar];
        const Piece piece = pieceOf(n.key);
        ++hits.count[piece];
        const Tick beat = timeline.beatTicks(bar);
        const Tick into = n.startTick - timeline.barStarts()[bar];
        const Tick nearest = (into + beat / 2) / beat;
        if (std::abs(into - nearest * beat) <= beat / 8 && nearest < 64) {
            if (piece == Kick) hits.kickBeats |= std::uint64_t{1} << nearest;
            if (piece == Snare) hits.snareBeats |= std::uint64_t{1} << nearest;
        }
    }
    drums.hits = static_cast<std::int64_t>(timeline.drums().size());
    const double barCount = std::max(1, timeline.barCount());
    drums.hitsPerBar = static_cast<double>(drums.hits) / barCount;
    for (const auto& [key, hits] : perKey)
        drums.pieces.push_back({key, drumName(key), hits, static_cast<double>(hits) / barCount});
    std::stable_sort(drums.pieces.begin(), drums.pieces.end(),
                     [](const auto& a, const auto& b) { return a.hits > b.hits; });
    namePatterns(timeline, bars, drums);
}

} // namespace pianola::engine::analysis
