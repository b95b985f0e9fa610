// SPDX-License-Identifier: MIT
// The harmony of a take: the chords it was generated with, else what analysis recognises.
#include "engine/analysis/Chords.h"
#include "engine/analysis/Chroma.h"
#include "engine/analysis/Timeline.h"
#include "engine/generate/Arranger.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/Refit.h"
#include "engine/generate/Theory.h"
#include "model/TempoMap.h"

#include <algorithm>
#include <cmath>

namespace pianola::engine::generate {

namespace {
std::vector<int> tonesOf(int root, const std::string& quality)
{
    for (const analysis::ChordQuality& q : analysis::chordQualities())
        if (quality == q.name) {
            std::vector<int> out;
            for (int i : q.intervals)
                out.push_back((root + i) % 12);
            return out;
        }
    return {root, (root + 4) % 12, (root + 7) % 12};
}

// The lowest pitched key struck in the chord's first beat, or -1.
int lowestKey(const model::Plan& take, const model::PlanChord& c)
{
    int lowest = 128;
    for (const model::Track& t : take.tracks) {
        if (t.channel == 9) continue;
        for (const model::Note& n : t.notes)
            if (n.startTick < c.startTick + take.ppq && n.endTick() > c.startTick)
                lowest = std::min<int>(lowest, n.key);
    }
    return lowest < 128 ? lowest : -1;
}

// Templates tie between inversions (Am7 = C6): the reading with its root in the bass wins, so an
// Am11 over A is not a Gadd9 over A, and a bass added to it plays A.
void rootInBass(const model::Plan& take, model::PlanChord& c)
{
    const int bass = lowestKey(take, c);
    if (bass < 0 || bass % 12 == c.root) return;
    const auto at = std::find(c.tones.begin(), c.tones.end(), bass % 12);
    if (at == c.tones.end()) return;
    std::rotate(c.tones.begin(), at, c.tones.end());
    c.root = bass % 12;
    c.quality = chordQualityName(c.tones);
}

// Chords recognised in the notes, snapped to beats, gaps closed, covering [0, end).
std::vector<model::PlanChord> detected(const model::Plan& take, model::Tick end)
{
    const analysis::Timeline timeline(take);
    // Phase 0: the part is written on the take's own bar grid, so its chords change there too
    // (one Viterbi pass instead of the analysis's two phases: a 128-bar take stays fast).
    const analysis::ChromaFrames frames = analysis::chromaFrames(timeline, 0);
    const model::TempoMap tempo(take);
    const model::Tick beat = std::max(1, take.ppq);
    std::vector<model::PlanChord> out;
    for (const model::analysis::Chord& c : analysis::recognizeChords(timeline, frames)) {
        const double t = tempo.secondsToTicks(c.startS);
        const model::Tick start = std::llround(t / static_cast<double>(beat)) * beat;
        if (start >= end) break;
        if (!out.empty() && out.back().startTick >= start) continue;
        if (!out.empty() && out.back().root == c.root &&
            out.back().tones == tonesOf(c.root, c.quality))
            continue;
        std::vector<int> tones = tonesOf(c.root, c.quality);
        out.push_back({start, 0, c.root, chordQualityName(tones), std::move(tones)});
    }
    if (!out.empty()) out.front().startTick = 0;
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].lengthTicks = (i + 1 < out.size() ? out[i + 1].startTick : end) - out[i].startTick;
    std::erase_if(out, [](const model::PlanChord& c) { return c.lengthTicks <= 0; });
    for (model::PlanChord& c : out)
        rootInBass(take, c);
    return out;
}
} // namespace

std::vector<model::PlanChord> takeHarmony(const model::Plan& take)
{
    if (!take.chords.empty()) return take.chords;
    return detectChords(take);
}

std::vector<model::PlanChord> detectChords(const model::Plan& take)
{
    const PlanInfo info = inferPlanInfo(take);
    const model::Tick end = std::max<model::Tick>(info.barTicks * info.bars, 1);
    std::vector<model::PlanChord> out = detected(take, end);
    if (out.empty()) { // nothing pitched to read: the tonic triad
        const int third = info.minor ? 3 : 4;
        std::vector<int> tones{info.tonic, (info.tonic + third) % 12, (info.tonic + 7) % 12};
        out.push_back({0, end, info.tonic, chordQualityName(tones), tones});
    }
    return out;
}

} // namespace pianola::engine::generate
