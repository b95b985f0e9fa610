// SPDX-License-Identifier: MIT
// The softmax chord model of docs/HARMONIZE.md, fitted by scripts/harmonize_study.py.
#include "engine/generate/LearnedChords.h"

#include "engine/generate/LearnedChordWeights.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace pianola::engine::generate {

namespace {
using model::Tick;
using Profile = PitchProfile;
constexpr double kOnsetGain = 1.0;        ///< beats added (up to) for a note struck in the half bar
constexpr double kStrongGain = 0.5;       ///< more when it is struck on a beat
constexpr int kContext = 2;               ///< half bars of melody each side
constexpr int kSimWidth = 2;              ///< half bars each side compared when looking for repeats
constexpr std::size_t kSimTop = 5;        ///< the most alike half bars pooled
constexpr std::ptrdiff_t kSimGap = 2;     ///< nearer half bars are not repeats
constexpr std::ptrdiff_t kSimReach = 512; ///< farther ones are not searched (bounds the time)
constexpr double kSimFloor = 0.5;         ///< less alike ones are not pooled
constexpr std::size_t kSimDims = 12 * 2 * kSimWidth;
static_assert(learned::kFeatures == 12 * (2 + 2 * kContext) + 12 + 3 + 13);
static_assert(learned::kChords == 24);

Tick barTicksOf(const model::TimeSignature& meter, int ppq)
{
    return std::max<Tick>(Tick{meter.numerator} * ppq * 4 / std::max(1, meter.denominator), 1);
}

Profile weightsOf(const model::Track& melody, const HalfBar& h, std::size_t& first)
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
        w[static_cast<std::size_t>(((n.key % 12) + 12) % 12)] += x;
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

double sum(const Profile& w)
{
    double total = 0;
    for (double v : w)
        total += v;
    return total;
}

// log1p of the whole melody's profile, divided by its maximum.
Profile songProfile(const std::vector<Profile>& w)
{
    Profile whole{};
    for (const Profile& p : w)
        for (std::size_t pc = 0; pc < 12; ++pc)
            whole[pc] += p[pc];
    Profile song = log1p(whole);
    const double top = std::max(*std::max_element(song.begin(), song.end()), 1e-9);
    for (double& v : song)
        v /= top;
    return song;
}

Profile rotated(const Profile& p, int frame)
{
    Profile out{};
    for (std::size_t pc = 0; pc < 12; ++pc)
        out[pc] = p[(pc + static_cast<std::size_t>(frame)) % 12];
    return out;
}

// Per half bar: the pitch-class shares of the kSimWidth half bars either side (zeros past the ends;
// not of the half bar itself), scaled to unit length.
std::vector<std::array<double, kSimDims>> contexts(const std::vector<Profile>& w)
{
    const auto n = static_cast<std::ptrdiff_t>(w.size());
    std::vector<std::array<double, kSimDims>> out(w.size());
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        auto& c = out[static_cast<std::size_t>(i)];
        std::size_t f = 0;
        for (std::ptrdiff_t k = -kSimWidth; k <= kSimWidth; ++k) {
            if (k == 0) continue; // the half bar itself is not compared
            const std::ptrdiff_t j = i - k;
            const double total = j >= 0 && j < n ? sum(w[static_cast<std::size_t>(j)]) : 0;
            for (std::size_t pc = 0; pc < 12; ++pc)
                c[f++] = total > 0 ? w[static_cast<std::size_t>(j)][pc] / total : 0;
        }
        double norm = 0;
        for (double v : c)
            norm += v * v;
        norm = std::max(std::sqrt(norm), 1e-9);
        for (double& v : c)
            v /= norm;
    }
    return out;
}

struct Repeats
{
    std::vector<Profile> pooled;  ///< similarity-weighted log profile of the most alike half bars
    std::vector<double> evidence; ///< the weights' sum / kSimTop (0: no repeat)
};

// For each half bar, the kSimTop other half bars at the same place in the bar (at least kSimGap
// away, at most kSimReach) whose melody context is most alike (cosine; -1 for those excluded, ties
// to the earlier), and their log profiles averaged with their similarities as weights (0 below
// kSimFloor), and how much weight they have.
Repeats repeatsOf(const std::vector<Profile>& w, const std::vector<Profile>& logs,
                  const std::vector<HalfBar>& halves)
{
    const std::size_t n = w.size();
    Repeats r{std::vector<Profile>(n), std::vector<double>(n, 0.0)};
    if (n <= 1) return r;
    const std::size_t top = std::min(kSimTop, n - 1);
    const auto ctx = contexts(w);
    std::vector<std::pair<double, std::size_t>> sims;
    const auto reach = static_cast<std::size_t>(kSimReach);
    for (std::size_t i = 0; i < n; ++i) {
        // Only half bars within reach can weigh (the others are -1, below kSimFloor); the
        // nearest ones and those elsewhere in the bar are -1 too and rank after by index.
        sims.clear();
        for (std::size_t j = i > reach ? i - reach : 0; j < n && j <= i + reach; ++j) {
            const std::size_t gap = i > j ? i - j : j - i;
            double s = -1;
            if (gap >= static_cast<std::size_t>(kSimGap) && halves[i].midBar == halves[j].midBar) {
                s = 0;
                for (std::size_t f = 0; f < kSimDims; ++f)
                    s += ctx[i][f] * ctx[j][f];
            }
            sims.push_back({s, j});
        }
        const std::size_t take = std::min(top, sims.size());
        std::partial_sort(sims.begin(), sims.begin() + static_cast<std::ptrdiff_t>(take),
                          sims.end(), [](const auto& a, const auto& b) {
                              return a.first > b.first ||
                                     (a.first == b.first && a.second < b.second);
                          });
        double weights = 0;
        Profile pooled{};
        for (std::size_t t = 0; t < take; ++t) {
            const double wt = sims[t].first >= kSimFloor ? sims[t].first : 0.0;
            for (std::size_t pc = 0; pc < 12; ++pc)
                pooled[pc] += logs[sims[t].second][pc] * wt;
            weights += wt;
        }
        for (double& v : pooled)
            v /= std::max(weights, 1e-9);
        r.pooled[i] = pooled, r.evidence[i] = weights / static_cast<double>(top);
    }
    return r;
}

// The feature order of lr_features() in scripts/harmonize_study.py.
std::array<double, learned::kFeatures> featuresAt(const std::vector<Profile>& w,
                                                  const std::vector<Profile>& logs,
                                                  const Profile& song, const Repeats& repeats,
                                                  std::size_t i, bool midBar)
{
    std::array<double, learned::kFeatures> x{};
    std::size_t f = 0;
    const auto put = [&](const Profile& p) {
        for (double v : p)
            x[f++] = v;
    };
    put(logs[i]);
    const double total = sum(w[i]);
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
    put(repeats.pooled[i]);
    x[f++] = repeats.evidence[i];
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

std::vector<PitchProfile> melodyProfiles(const model::Track& melody,
                                         const std::vector<HalfBar>& halves)
{
    std::vector<Profile> w;
    w.reserve(halves.size());
    std::size_t first = 0;
    for (const HalfBar& h : halves)
        w.push_back(weightsOf(melody, h, first));
    return w;
}

int learnedFrame(const std::vector<PitchProfile>& profiles)
{
    const Profile song = songProfile(profiles);
    int best = 0;
    double bestScore = 0;
    for (int frame = 0; frame < 12; ++frame) {
        double score = 0;
        for (std::size_t pc = 0; pc < 12; ++pc)
            score += learned::kFrameWeight[pc] * song[(pc + static_cast<std::size_t>(frame)) % 12];
        if (frame == 0 || score > bestScore) best = frame, bestScore = score;
    }
    return best;
}

std::vector<MajMin> learnedChords(const std::vector<PitchProfile>& profiles,
                                  const std::vector<HalfBar>& halves, int frame)
{
    frame = ((frame % 12) + 12) % 12;
    std::vector<Profile> w, logs;
    w.reserve(profiles.size()), logs.reserve(profiles.size());
    for (const Profile& p : profiles) {
        w.push_back(rotated(p, frame));
        logs.push_back(log1p(w.back()));
    }
    const Profile song = songProfile(w);
    const Repeats repeats = repeatsOf(w, logs, halves);
    std::vector<MajMin> out;
    out.reserve(halves.size());
    for (std::size_t i = 0; i < halves.size() && i < w.size(); ++i) {
        const int c = argmaxChord(featuresAt(w, logs, song, repeats, i, halves[i].midBar));
        out.push_back({(c % 12 + frame) % 12, c >= 12});
    }
    return out;
}

} // namespace pianola::engine::generate
