// SPDX-License-Identifier: MIT
// Test helpers that measure music in a plan read back from SMF bytes: key (Krumhansl-Schmuckler,
// written here independently of the engine), swing, grid, polyphony, chords, drums.
#pragma once

#include "model/Plan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace checks {

using pianola::model::Note;
using pianola::model::Plan;
using pianola::model::Tick;
using pianola::model::Track;

inline const Track* track(const Plan& p, const std::string& name)
{
    for (const Track& t : p.tracks)
        if (t.name == name) return &t;
    return nullptr;
}

inline Tick barTicks(const Plan& p)
{
    const auto& ts = p.timeSignatures.front();
    return static_cast<Tick>(p.ppq) * 4 * ts.numerator / ts.denominator;
}

inline std::vector<int> majorScale(int tonic, bool minor, const std::string& mode = "")
{
    std::array<int, 7> steps =
        minor ? std::array<int, 7>{0, 2, 3, 5, 7, 8, 10} : std::array<int, 7>{0, 2, 4, 5, 7, 9, 11};
    if (mode == "dorian") steps = {0, 2, 3, 5, 7, 9, 10};
    if (mode == "mixolydian") steps = {0, 2, 4, 5, 7, 9, 10};
    if (mode == "lydian") steps = {0, 2, 4, 6, 7, 9, 11};
    if (mode == "phrygian") steps = {0, 1, 3, 5, 7, 8, 10};
    if (mode == "harmonic-minor") steps = {0, 2, 3, 5, 7, 8, 11};
    std::vector<int> out;
    for (int s : steps)
        out.push_back((tonic + s) % 12);
    return out;
}

/// Share of pitched notes (not channel 9) whose pitch class is in `scale`.
inline double inScaleShare(const Plan& p, const std::vector<int>& scale)
{
    int in = 0, all = 0;
    for (const Track& t : p.tracks)
        if (t.channel != 9)
            for (const Note& n : t.notes) {
                ++all;
                in += std::find(scale.begin(), scale.end(), n.key % 12) != scale.end();
            }
    return all ? static_cast<double>(in) / all : 0;
}

/// Krumhansl-Schmuckler with the Krumhansl-Kessler profiles, weighted by duration.
inline std::pair<int, bool> estimateKey(const Plan& p)
{
    static const double major[12] = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09,
                                     2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    static const double minor[12] = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53,
                                     2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
    double h[12] = {};
    for (const Track& t : p.tracks)
        if (t.channel != 9)
            for (const Note& n : t.notes)
                h[n.key % 12] += static_cast<double>(n.lengthTicks);
    auto pearson = [&](const double* prof, int tonic) {
        double mx = 0, my = 0;
        for (int i = 0; i < 12; ++i)
            mx += h[(i + tonic) % 12] / 12, my += prof[i] / 12;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < 12; ++i) {
            const double x = h[(i + tonic) % 12] - mx, y = prof[i] - my;
            sxy += x * y, sxx += x * x, syy += y * y;
        }
        return sxx > 0 ? sxy / std::sqrt(sxx * syy) : -1;
    };
    std::pair<int, bool> best{0, false};
    double bestR = -2;
    for (int k = 0; k < 12; ++k)
        for (int m = 0; m < 2; ++m)
            if (const double r = pearson(m ? minor : major, k); r > bestR)
                bestR = r, best = {k, m == 1};
    return best;
}

inline int maxPolyphony(const Track& t)
{
    std::vector<std::pair<Tick, int>> e;
    for (const Note& n : t.notes)
        e.push_back({n.startTick, 1}), e.push_back({n.endTick(), -1});
    std::sort(e.begin(), e.end());
    int now = 0, most = 0;
    for (const auto& x : e)
        most = std::max(most, now += x.second);
    return most;
}

inline bool hitNear(const Track& t, std::initializer_list<int> keys, Tick at, Tick tolerance)
{
    for (const Note& n : t.notes)
        if (std::abs(n.startTick - at) <= tolerance &&
            std::find(keys.begin(), keys.end(), n.key) != keys.end())
            return true;
    return false;
}

/// Median position of onsets in the second half of each `unit` (0.5 = straight, 0.667 = triplet
/// swing).
inline double swingRatio(const Plan& p, Tick unit)
{
    std::vector<double> pos;
    for (const Track& t : p.tracks)
        for (const Note& n : t.notes) {
            const double x = static_cast<double>(n.startTick % unit) / unit;
            if (x > 0.4 && x < 0.8) pos.push_back(x);
        }
    if (pos.empty()) return 0;
    std::sort(pos.begin(), pos.end());
    return pos[pos.size() / 2];
}

/// Share of onsets that lie on no grid (32nds or sixteenth triplets).
inline double offGridShare(const Plan& p)
{
    int off = 0, all = 0;
    for (const Track& t : p.tracks)
        for (const Note& n : t.notes) {
            ++all;
            off += n.startTick % (p.ppq / 8) != 0 && n.startTick % (p.ppq / 6) != 0;
        }
    return all ? static_cast<double>(off) / all : 0;
}

inline double velocitySpread(const Plan& p)
{
    double sum = 0, sq = 0;
    int n = 0;
    for (const Track& t : p.tracks)
        for (const Note& x : t.notes)
            sum += x.velocity, sq += x.velocity * x.velocity, ++n;
    return n ? std::sqrt(std::max(0.0, sq / n - (sum / n) * (sum / n))) : 0;
}

/// Pitch-class sets of the chord onsets (notes starting within `tolerance` of each other).
inline std::vector<std::set<int>> chordSets(const Track& t, Tick tolerance)
{
    std::vector<std::set<int>> out;
    Tick start = -1000000;
    for (const Note& n : t.notes) {
        if (n.startTick - start > tolerance) out.emplace_back(), start = n.startTick;
        out.back().insert(n.key % 12);
    }
    return out;
}

/// Pitch classes sounding at `t` in the track.
inline std::set<int> soundingAt(const Track& t, Tick at)
{
    std::set<int> out;
    for (const Note& n : t.notes)
        if (n.startTick <= at && n.endTick() > at) out.insert(n.key % 12);
    return out;
}

/// Pitch classes of the last chord struck at or before `at` (notes starting within a sixteenth
/// of each other) in the same bar; for stabs and comping, where nothing may sound at `at`.
inline std::set<int> lastChordAt(const Track& t, Tick at, Tick barStart, Tick sixteenth)
{
    Tick onset = -1;
    for (const Note& n : t.notes)
        if (n.startTick <= at && n.startTick >= barStart - sixteenth)
            onset = std::max(onset, n.startTick);
    std::set<int> out;
    for (const Note& n : t.notes)
        if (onset >= 0 && n.startTick <= onset && n.startTick >= onset - sixteenth)
            out.insert(n.key % 12);
    return out;
}

/// `pc` is the root of a triad (major, minor, diminished, sus) inside `pcs`.
inline bool isRootIn(int pc, const std::set<int>& pcs)
{
    auto has = [&](int i) { return pcs.count((pc + i) % 12) > 0; };
    return has(0) && (has(3) || has(4) || has(5) || has(2)) &&
           (has(7) || has(6) || has(10) || has(11));
}

} // namespace checks
