// SPDX-License-Identifier: MIT
// The softmax chord model of docs/HARMONIZE.md, fitted by scripts/harmonize_study.py.
#include "engine/generate/LearnedChords.h"

#include "engine/generate/LearnedChordWeights.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace pianola::engine::generate {

namespace {
using model::Tick;
using Profile = std::array<double, 12>;
constexpr double kOnsetGain = 1.0;  ///< beats added (up to) for a note struck in the half bar
constexpr double kStrongGain = 0.5; ///< more when it is struck on a beat
constexpr int kContext = 2;         ///< half bars of melody each side
static_assert(learned::kFeatures == 12 * (2 + 2 * kContext) + 12 + 3);
static_assert(learned::kChords == 24);

Tick barTicksOf(const model::TimeSignature& meter, int ppq)
{
    return std::max<Tick>(Tick{meter.numerator} * ppq * 4 / std::max(1, meter.denominator), 1);
}

// Melody per pitch class relative to `frame`, in beats: duration, + up to a beat for a note
// struck in the half bar, + up to half a beat more when struck on a beat.
Profile weightsOf(const model::Track& melody, const HalfBar& h, int frame, std::size_t& first)
{
    Profile w{};
    const auto& notes = melody.notes;
    while (first < notes.size() && notes[first].endTick() <= h.start)
        ++first;
    const double beat = static_cast<double>(std::max<Tick>(h.beat, 1));
    for (std::size_t i = first; i < notes.size() && notes[i].startTick < h.end; ++i) {
        const model::Note& n = notes[i];
        const Tick overlap = std::min(n.endTick(), h.end) - std::max(n.startTick, h.start);
        if (overlap <= 0) continue;
        const double o = static_cast<double>(overlap) / beat;
        double x = o;
        if (n.startTick >= h.start) {
            x += kOnsetGain * std::min(o, 1.0);
            const Tick phase = (n.startTick - h.barStart) % std::max<Tick>(h.beat, 1);
            if (static_cast<double>(std::min(phase, h.beat - phase)) < 0.1 * beat)
                x += kStrongGain * std::min(o, 1.0);
        }
        w[static_cast<std::size_t>(((n.key - frame) % 12 + 12) % 12)] += x;
    }
    return w;
}

Profile log1p(const Profile& w)
{
    Profile out{};
    for (std::size_t pc = 0; pc < 12; ++pc)
        out[pc] = std::log1p(w[pc]);
    return out;
}

// The feature order of lr_features() in scripts/harmonize_study.py.
std::array<double, learned::kFeatures> featuresAt(const std::vector<Profile>& w,
                                                  const std::vector<Profile>& logs,
                                                  const Profile& song, std::size_t i, bool midBar)
{
    std::array<double, learned::kFeatures> x{};
    std::size_t f = 0;
    const auto put = [&](const Profile& p) {
        for (double v : p)
            x[f++] = v;
    };
    put(logs[i]);
    double total = 0;
    for (double v : w[i])
        total += v;
    for (double v : w[i])
        x[f++] = total > 0 ? v / total : 0;
    for (int k : {2, 1, -1, -2}) { // the half bars after, then before
        const auto j = static_cast<std::ptrdiff_t>(i) + k;
        put(j >= 0 && j < static_cast<std::ptrdiff_t>(w.size()) ? logs[static_cast<std::size_t>(j)]
                                                                : Profile{});
    }
    put(song);
    x[f++] = midBar ? 1 : 0;
    x[f++] = total == 0 ? 1 : 0;
    x[f++] = 1;
    return x;
}

int argmaxChord(const std::array<double, learned::kFeatures>& x)
{
    std::array<double, learned::kChords> z{};
    for (int f = 0; f < learned::kFeatures; ++f) {
        const double v = (x[static_cast<std::size_t>(f)] - learned::kMean[f]) / learned::kScale[f];
        for (int c = 0; c < learned::kChords; ++c)
            z[static_cast<std::size_t>(c)] += v * learned::kWeight[f][c];
    }
    return static_cast<int>(std::max_element(z.begin(), z.end()) - z.begin());
}
} // namespace

std::vector<HalfBar> halfBarsOf(const model::Plan& take, Tick limit)
{
    std::vector<HalfBar> out;
    const auto& meters = take.timeSignatures;
    model::TimeSignature meter = meters.empty() ? model::TimeSignature{} : meters.front();
    std::size_t m = 0;
    for (Tick bar = 0; bar < limit && out.size() < 200000;) {
        const Tick end = std::min(bar + barTicksOf(meter, take.ppq), limit);
        const Tick beat = std::max<Tick>(Tick{take.ppq} * 4 / std::max(1, meter.denominator), 1);
        const Tick beats = (end - bar) / beat;
        if (beats >= 2) {
            const Tick middle = bar + beats / 2 * beat;
            out.push_back({bar, middle, beat, bar, false});
            out.push_back({middle, end, beat, bar, true});
        } else {
            out.push_back({bar, end, beat, bar, false});
        }
        bar = end;
        while (m + 1 < meters.size() && meters[m + 1].tick <= bar)
            meter = meters[++m];
    }
    return out;
}

std::vector<MajMin> learnedChords(const model::Track& melody, const std::vector<HalfBar>& halves,
                                  int tonic, bool minor)
{
    const int frame = minor ? (tonic + 3) % 12 : tonic % 12; // the relative major on C
    std::vector<Profile> w, logs;
    w.reserve(halves.size());
    Profile whole{};
    std::size_t first = 0;
    for (const HalfBar& h : halves) {
        w.push_back(weightsOf(melody, h, frame, first));
        logs.push_back(log1p(w.back()));
        for (std::size_t pc = 0; pc < 12; ++pc)
            whole[pc] += w.back()[pc];
    }
    Profile song = log1p(whole);
    const double top = std::max(*std::max_element(song.begin(), song.end()), 1e-9);
    for (double& v : song)
        v /= top;
    std::vector<MajMin> out;
    out.reserve(halves.size());
    for (std::size_t i = 0; i < halves.size(); ++i) {
        const int c = argmaxChord(featuresAt(w, logs, song, i, halves[i].midBar));
        out.push_back({(c % 12 + frame) % 12, c >= 12});
    }
    return out;
}

} // namespace pianola::engine::generate
