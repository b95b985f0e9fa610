// SPDX-License-Identifier: MIT
// Key estimation from chroma, bass and chords; windowed key regions.
#include "engine/analysis/KeyFinder.h"

#include "engine/analysis/Chords.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pianola::engine::analysis {

using model::analysis::Key;

namespace {
// Major and minor profiles, tonic first (values as published).
struct Profile
{
    PitchClasses major, minor;
};
const Profile kProfiles[] = {
    // Krumhansl & Kessler 1982 (probe-tone ratings)
    {{6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88},
     {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17}},
    // Temperley 2007 (Kostka-Payne corpus)
    {{0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366, 0.057, 0.400},
     {0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067, 0.133, 0.330}},
    // Aarden 2003 (Essen folk song collection)
    {{17.7661, 0.145624, 14.9265, 0.160186, 19.8049, 11.3587, 0.291248, 22.062, 0.145624, 8.15494,
      0.232998, 4.95122},
     {18.2648, 0.737619, 14.0499, 16.8599, 0.702494, 14.4362, 0.702494, 18.6161, 4.56621, 1.93186,
      7.37619, 1.75623}},
    // Albrecht & Shanahan 2013 (classical corpus)
    {{0.238, 0.006, 0.111, 0.006, 0.137, 0.094, 0.016, 0.214, 0.009, 0.080, 0.008, 0.081},
     {0.220, 0.006, 0.104, 0.123, 0.019, 0.103, 0.012, 0.214, 0.062, 0.022, 0.061, 0.052}},
};

double correlation(const PitchClasses& x, const PitchClasses& profile, int tonic)
{
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / 12.0;
    const double my = std::accumulate(profile.begin(), profile.end(), 0.0) / 12.0;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < 12; ++i) { // i: degree above the tonic
        const double dx = x[(i + tonic) % 12] - mx, dy = profile[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

PitchClasses unitSum(PitchClasses v)
{
    const double sum = std::accumulate(v.begin(), v.end(), 0.0);
    if (sum > 0)
        for (double& x : v)
            x /= sum;
    return v;
}

bool isTonicChord(const model::analysis::Chord& c, int tonic, bool minor)
{
    bool hasThird = false;
    const bool major = majorThird(c.quality, &hasThird);
    return c.root == tonic && hasThird && major != minor;
}

// Share of chord time on each key's tonic chord, and whether the piece starts on it.
void chordEvidence(const std::vector<model::analysis::Chord>& chords, const KeyParams& p,
                   std::array<double, 24>& scores)
{
    double total = 0;
    for (const auto& c : chords)
        total += c.endS - c.startS;
    if (chords.empty() || total <= 0) return;
    for (int k = 0; k < 24; ++k) {
        const int tonic = k % 12;
        const bool minor = k >= 12;
        double on = 0;
        for (const auto& c : chords)
            if (isTonicChord(c, tonic, minor)) on += c.endS - c.startS;
        scores[k] += p.tonicChordWeight * on / total;
        if (isTonicChord(chords.front(), tonic, minor)) scores[k] += p.openingWeight;
    }
}

int argmax(const std::array<double, 24>& scores)
{
    return static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

Key keyOf(int index)
{
    return Key{index % 12, index >= 12, 0.0};
}

// The first frame of bar `bar` (the end of the frames past the last bar).
std::size_t frameOfBar(const Timeline& timeline, const ChromaFrames& frames, int bar)
{
    if (bar >= timeline.barCount()) return frames.size();
    return frames.frameAt(timeline.barStarts()[static_cast<std::size_t>(bar)]);
}

double barSeconds(const Timeline& timeline, int bar)
{
    if (bar >= timeline.barCount()) return timeline.endS();
    return timeline.tempo().ticksToSeconds(timeline.barStarts()[static_cast<std::size_t>(bar)]);
}
} // namespace

std::array<double, 24> profileCorrelations(const PitchClasses& chroma)
{
    std::array<double, 24> r{};
    for (int k = 0; k < 24; ++k) {
        for (const Profile& profile : kProfiles)
            r[k] += correlation(chroma, k < 12 ? profile.major : profile.minor, k % 12);
        r[k] /= static_cast<double>(std::size(kProfiles));
    }
    return r;
}

std::array<double, 24> krumhanslCorrelations(const PitchClasses& chroma)
{
    std::array<double, 24> r{};
    for (int k = 0; k < 24; ++k)
        r[k] = correlation(chroma, k < 12 ? kProfiles[0].major : kProfiles[0].minor, k % 12);
    return r;
}

namespace {
struct Region
{
    int firstBar, endBar; ///< bars [firstBar, endBar)
    int key;              ///< tonic + 12 * minor
};

std::vector<Region> keyRegions(const Timeline& timeline, const ChromaFrames& frames,
                               const KeyParams& p);

// The 24 key scores from the frames in `ranges` and the chords that start inside them.
std::array<double, 24> keyScores(const ChromaFrames& frames, const Timeline& timeline,
                                 const std::vector<Region>& regions,
                                 const std::vector<model::analysis::Chord>& chords,
                                 const KeyParams& p)
{
    PitchClasses sum{};
    std::vector<model::analysis::Chord> inside;
    for (const Region& r : regions) {
        const PitchClasses part = sumFrames(frames.chroma, frameOfBar(timeline, frames, r.firstBar),
                                            frameOfBar(timeline, frames, r.endBar));
        for (int pc = 0; pc < 12; ++pc)
            sum[pc] += part[pc];
        const double from = barSeconds(timeline, r.firstBar), to = barSeconds(timeline, r.endBar);
        for (const auto& c : chords)
            if (c.startS >= from && c.startS < to) inside.push_back(c);
    }
    std::array<double, 24> scores = profileCorrelations(unitSum(sum));
    chordEvidence(inside, p, scores);
    return scores;
}

// The regions in the key that lasts longest (all of them when the piece never changes key).
std::vector<Region> mainRegions(const Timeline& timeline, const std::vector<Region>& regions)
{
    std::array<double, 24> seconds{};
    for (const Region& r : regions)
        seconds[r.key] += barSeconds(timeline, r.endBar) - barSeconds(timeline, r.firstBar);
    const int main = argmax(seconds);
    std::vector<Region> out;
    for (const Region& r : regions)
        if (r.key == main) out.push_back(r);
    return out;
}
} // namespace

KeyEstimate estimateKey(const Timeline& timeline, const ChromaFrames& frames,
                        const std::vector<model::analysis::Chord>& chords, const KeyParams& p)
{
    KeyEstimate out;
    const std::vector<Region> regions = keyRegions(timeline, frames, p);
    const std::vector<Region> main = regions.size() > 1
                                         ? mainRegions(timeline, regions)
                                         : std::vector<Region>{{0, timeline.barCount(), 0}};
    const std::array<double, 24> scores = keyScores(frames, timeline, main, chords, p);
    std::array<int, 24> order;
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return scores[a] > scores[b]; });
    double norm = 0;
    for (double s : scores)
        norm += std::exp((s - scores[order[0]]) / p.temperature);
    for (int i = 0; i < 4; ++i) {
        Key k = keyOf(order[i]);
        k.confidence = std::exp((scores[order[i]] - scores[order[0]]) / p.temperature) / norm;
        (i == 0 ? out.key : out.runnerUps.emplace_back()) = k;
    }
    if (timeline.pitched().empty()) { // nothing to go by
        out.key.confidence = 0.0;
        for (Key& k : out.runnerUps)
            k.confidence = 0.0;
    }
    for (const Region& r : regions) {
        // The main key's regions carry the full estimate (it may differ from the window's).
        const bool isMain = regions.size() == 1 || r.key == main.front().key;
        out.spans.push_back({barSeconds(timeline, r.firstBar), barSeconds(timeline, r.endBar),
                             isMain ? out.key : keyOf(r.key)});
    }
    if (!out.spans.empty()) out.spans.back().endS = timeline.endS();
    return out;
}

bool preferDeclaredKey(KeyEstimate& estimate, const std::vector<model::KeySignature>& declared)
{
    if (declared.empty() || estimate.runnerUps.empty()) return false;
    const model::KeySignature& sig = declared.front();
    if (sig.sharps == 0 && !sig.minor) return false; // the default, not a choice
    const int tonic = model::keySignatureTonicPc(sig);
    model::analysis::Key& best = estimate.key;
    model::analysis::Key& second = estimate.runnerUps.front();
    const auto relative = [](const model::analysis::Key& a, const model::analysis::Key& b) {
        return a.minor != b.minor &&
               (a.minor ? (a.tonic + 3) % 12 == b.tonic : (b.tonic + 3) % 12 == a.tonic);
    };
    if (second.tonic != tonic || second.minor != sig.minor || !relative(best, second)) return false;
    const model::analysis::Key old = best;
    std::swap(best, second);
    std::swap(best.confidence,
              second.confidence); // the pair keeps its probabilities, the larger goes first
    for (model::analysis::KeySpan& span : estimate.spans)
        if (span.key.tonic == old.tonic && span.key.minor == old.minor) span.key = best;
    return true;
}

namespace {
// Windowed detection: each bar's key from the chroma of the 8 bars around it, then a Viterbi
// path over bars that pays `changePenalty` per key change. O(bars).
std::vector<Region> keyRegions(const Timeline& timeline, const ChromaFrames& frames,
                               const KeyParams& p)
{
    std::vector<Region> regions;
    if (timeline.pitched().empty() || frames.size() == 0) return regions;
    // Steps of one bar, or of several for very long pieces (at most kMaxSteps steps).
    constexpr int kMaxSteps = 4096;
    const int bars = timeline.barCount();
    const int barsPerStep = (bars + kMaxSteps - 1) / kMaxSteps;
    const int steps = (bars + barsPerStep - 1) / barsPerStep;
    auto frameOfStep = [&](int step) {
        return frameOfBar(timeline, frames, std::clamp(step, 0, steps) * barsPerStep);
    };
    std::vector<std::array<double, 24>> emit(static_cast<std::size_t>(steps));
    for (int s = 0; s < steps; ++s)
        emit[s] =
            profileCorrelations(sumFrames(frames.chroma, frameOfStep(s - 4), frameOfStep(s + 4)));
    std::vector<std::array<int, 24>> back(static_cast<std::size_t>(steps));
    std::array<double, 24> total{};
    for (int s = 0; s < steps; ++s) {
        const int best = argmax(total);
        std::array<double, 24> next;
        for (int k = 0; k < 24; ++k) {
            const bool change = s > 0 && total[best] - p.changePenalty > total[k];
            back[s][k] = change ? best : k;
            next[k] = (change ? total[best] - p.changePenalty : total[k]) + emit[s][k];
        }
        total = next;
    }
    std::vector<int> path(static_cast<std::size_t>(steps));
    int k = argmax(total);
    for (int s = steps - 1; s >= 0; --s) {
        path[s] = k;
        k = back[s][k];
    }
    for (int s = 0; s < steps; ++s) {
        if (regions.empty() || path[s] != regions.back().key)
            regions.push_back({s * barsPerStep, s * barsPerStep, path[s]});
        regions.back().endBar = std::min(bars, (s + 1) * barsPerStep);
    }
    return regions;
}
} // namespace

} // namespace pianola::engine::analysis
