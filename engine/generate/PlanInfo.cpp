// SPDX-License-Identifier: MIT
// Inference of key, roles, bars and swing from a plan.
#include "engine/generate/PlanInfo.h"

#include "engine/generate/Theory.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace pianola::engine::generate {

namespace {
constexpr std::array<double, 12> kMajorProfile = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09,
                                                  2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
constexpr std::array<double, 12> kMinorProfile = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53,
                                                  2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

double correlate(const std::array<double, 12>& histogram, const std::array<double, 12>& profile,
                 int tonic)
{
    double mx = 0, my = 0;
    for (int i = 0; i < 12; ++i)
        mx += histogram[static_cast<std::size_t>(i)], my += profile[static_cast<std::size_t>(i)];
    mx /= 12, my /= 12;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < 12; ++i) {
        const double x = histogram[static_cast<std::size_t>((i + tonic) % 12)] - mx;
        const double y = profile[static_cast<std::size_t>(i)] - my;
        sxy += x * y, sxx += x * x, syy += y * y;
    }
    return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0;
}

int maxPolyphony(const model::Track& t)
{
    std::vector<std::pair<model::Tick, int>> edges;
    for (const model::Note& n : t.notes)
        edges.push_back({n.startTick, 1}), edges.push_back({n.endTick(), -1});
    std::sort(edges.begin(), edges.end());
    int now = 0, most = 0;
    for (const auto& e : edges)
        most = std::max(most, now += e.second);
    return most;
}

std::array<double, 12> pitchHistogram(const model::Plan& plan)
{
    std::array<double, 12> histogram{};
    for (const model::Track& t : plan.tracks)
        if (t.channel != 9)
            for (const model::Note& n : t.notes)
                histogram[n.key % 12] += static_cast<double>(n.lengthTicks);
    return histogram;
}
} // namespace

void estimateKeyInFrame(const model::Plan& plan, int frame, int& tonic, bool& minor)
{
    const std::array<double, 12> histogram = pitchHistogram(plan);
    frame = (frame % 12 + 12) % 12;
    const int relative = (frame + 9) % 12;
    minor =
        correlate(histogram, kMinorProfile, relative) > correlate(histogram, kMajorProfile, frame);
    tonic = minor ? relative : frame;
}

void estimateKey(const model::Plan& plan, int& tonic, bool& minor)
{
    const std::array<double, 12> histogram = pitchHistogram(plan);
    double best = -2;
    tonic = 0, minor = false;
    for (int k = 0; k < 12; ++k)
        for (bool m : {false, true}) {
            const double r = correlate(histogram, m ? kMinorProfile : kMajorProfile, k);
            if (r > best) best = r, tonic = k, minor = m;
        }
}

std::optional<Role> inferRole(const model::Track& t)
{
    if (t.notes.empty()) return std::nullopt;
    std::string lower;
    for (char c : t.name)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (int r = 0; r < kRoleCount; ++r)
        if (lower.find(roleName(static_cast<Role>(r))) != std::string::npos)
            return static_cast<Role>(r);
    if (t.channel == 9) return Role::Drums;
    double mean = 0;
    for (const model::Note& n : t.notes)
        mean += n.key;
    mean /= static_cast<double>(t.notes.size());
    if ((t.program >= 32 && t.program <= 39) || mean < 48) return Role::Bass;
    if (maxPolyphony(t) >= 3)
        return (t.program >= 88 && t.program <= 103) || (t.program >= 48 && t.program <= 55)
                   ? Role::Pad
                   : Role::Chords;
    return Role::Melody;
}

PlanInfo inferPlanInfo(const model::Plan& plan)
{
    PlanInfo info;
    if (!plan.timeSignatures.empty())
        info.numerator = plan.timeSignatures.front().numerator,
        info.denominator = plan.timeSignatures.front().denominator;
    // At least a tick: a valid plan may have a bar shorter than one (1/64 at 2 ticks a quarter).
    info.barTicks = std::max<model::Tick>(1, static_cast<model::Tick>(plan.ppq) * 4 *
                                                 info.numerator / info.denominator);
    info.bars = std::max<int>(
        1, static_cast<int>((plan.lengthTicks() + info.barTicks - 1) / info.barTicks));
    info.bpm = plan.initialBpm();
    if (!plan.keySignatures.empty()) {
        const model::KeySignature& k = plan.keySignatures.front();
        info.minor = k.minor;
        info.tonic = model::keySignatureTonicPc(k);
    } else {
        estimateKey(plan, info.tonic, info.minor);
    }
    for (const model::Track& t : plan.tracks)
        info.roles.push_back(inferRole(t));
    // Swing: where the off-beat eighths sit between the beats.
    double sum = 0;
    int count = 0;
    for (const model::Track& t : plan.tracks)
        for (const model::Note& n : t.notes) {
            const double pos = static_cast<double>(n.startTick % plan.ppq) / plan.ppq;
            if (pos > 0.4 && pos < 0.8) sum += pos, ++count;
        }
    info.swing = count ? std::clamp(std::round(sum / count * 100), 50.0, 75.0) : 50;
    return info;
}

Brief briefFromPlan(const model::Plan& plan, const PlanInfo& info)
{
    const bool hasDrums =
        std::find(info.roles.begin(), info.roles.end(), Role::Drums) != info.roles.end();
    Brief b = defaultBrief(hasDrums ? Genre::Pop : Genre::Ballad);
    b.tonic = info.tonic;
    b.mode = info.minor ? Mode::Minor : Mode::Major;
    b.bpm = std::clamp(info.bpm, Brief::kMinBpm, Brief::kMaxBpm);
    b.numerator = info.numerator;
    b.denominator = info.denominator;
    b.bars = std::clamp(info.bars, Brief::kMinBars, Brief::kMaxBars);
    b.swing = info.swing;
    b.parts.clear();
    for (std::size_t i = 0; i < plan.tracks.size(); ++i) {
        if (!info.roles[i] || b.part(*info.roles[i])) continue;
        const model::Track& t = plan.tracks[i];
        Part p = defaultPart(b.genre, *info.roles[i]);
        p.program = t.program;
        const auto [lo, hi] = std::minmax_element(
            t.notes.begin(), t.notes.end(),
            [](const model::Note& x, const model::Note& y) { return x.key < y.key; });
        if (p.role != Role::Drums) {
            p.lowKey = std::clamp<int>(lo->key, 0, 115);
            p.highKey = std::clamp<int>(std::max<int>(hi->key, p.lowKey + 12), p.lowKey + 12, 127);
        }
        b.parts.push_back(p);
    }
    if (b.parts.empty()) b.parts.push_back(defaultPart(b.genre, Role::Chords));
    return b;
}

} // namespace pianola::engine::generate
