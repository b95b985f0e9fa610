// SPDX-License-Identifier: MIT
// Refit of chosen parts, a plain chord part, harmonized takes.
#include "engine/generate/ChordParts.h"

#include "engine/generate/Arranger.h"
#include "engine/generate/Harmonize.h"
#include "model/ChordTrack.h"

#include <algorithm>
#include <array>

namespace pianola::engine::generate {

model::Plan refitTracks(const model::Plan& take, const std::vector<int>& tracks,
                        const std::unordered_set<model::NoteId>* notes, RefitReport* report)
{
    model::Plan before = take;
    before.chords.clear(); // the old harmony: what the notes play now
    const model::Plan refit = refitToChords(before, take.chords, report);
    model::Plan out = take;
    for (std::size_t n = 0; n < tracks.size(); ++n) {
        const auto i = static_cast<std::size_t>(tracks[n]);
        if (i >= out.tracks.size()) continue;
        if (!notes || n > 0) {
            if (!notes) out.tracks[i].notes = refit.tracks[i].notes;
            continue;
        }
        for (std::size_t k = 0; k < out.tracks[i].notes.size() && k < refit.tracks[i].notes.size();
             ++k)
            if (notes->count(out.tracks[i].notes[k].id) &&
                refit.tracks[i].notes[k].id == out.tracks[i].notes[k].id)
                out.tracks[i].notes[k] = refit.tracks[i].notes[k];
    }
    out.normalize();
    return out;
}

namespace {
const model::PlanChord* chordAt(const std::vector<model::PlanChord>& chords, model::Tick tick)
{
    for (const model::PlanChord& c : chords)
        if (tick >= c.startTick && tick < c.endTick()) return &c;
    return nullptr;
}

bool sameChord(const model::PlanChord* a, const model::PlanChord* b)
{
    if (!a || !b) return a == b;
    return a->root == b->root && a->quality == b->quality && a->tones == b->tones &&
           a->bass == b->bass;
}
} // namespace

std::vector<std::pair<model::Tick, model::Tick>>
changedSpans(const std::vector<model::PlanChord>& a, const std::vector<model::PlanChord>& b)
{
    std::vector<model::Tick> edges;
    for (const auto* chords : {&a, &b})
        for (const model::PlanChord& c : *chords)
            edges.push_back(c.startTick), edges.push_back(c.endTick());
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::vector<std::pair<model::Tick, model::Tick>> out;
    for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
        if (sameChord(chordAt(a, edges[i]), chordAt(b, edges[i]))) continue;
        if (!out.empty() && out.back().second == edges[i])
            out.back().second = edges[i + 1];
        else
            out.emplace_back(edges[i], edges[i + 1]);
    }
    return out;
}

namespace {
// Whether note `n` belongs to a span where the chords changed: struck inside it, struck a 32nd
// early (humanized), or an anticipation struck within a beat before it that fits the old chord
// there and not the one it is struck in (the refit moves those with the chord they anticipate).
bool inChangedSpan(const model::Note& n,
                   const std::vector<std::pair<model::Tick, model::Tick>>& spans,
                   const std::vector<model::PlanChord>& old, model::Tick beat)
{
    const auto fits = [&](model::Tick tick) {
        const model::PlanChord* c = chordAt(old, tick);
        return c && std::find(c->tones.begin(), c->tones.end(), n.key % 12) != c->tones.end();
    };
    return std::any_of(spans.begin(), spans.end(), [&](const auto& s) {
        if (n.startTick >= s.second || n.startTick < s.first - beat) return false;
        return n.startTick >= s.first - beat / 8 || (fits(s.first) && !fits(n.startTick));
    });
}
} // namespace

model::Plan followChordChange(const model::Plan& take, std::vector<model::PlanChord> chords,
                              RefitReport* report)
{
    const std::vector<model::PlanChord> old = takeHarmony(take);
    const auto spans = changedSpans(old, chords);
    const model::Plan refit = refitToChords(take, std::move(chords), report);
    model::Plan out = take;
    out.chords = refit.chords;
    const model::Tick beat = std::max(1, take.ppq);
    for (int t : followingTracks(take)) {
        auto& notes = out.tracks[static_cast<std::size_t>(t)].notes;
        const auto& moved = refit.tracks[static_cast<std::size_t>(t)].notes;
        for (std::size_t k = 0; k < notes.size() && k < moved.size(); ++k)
            if (moved[k].id == notes[k].id && !notes[k].locked &&
                inChangedSpan(notes[k], spans, old, beat))
                notes[k] = moved[k];
    }
    return out;
}

std::vector<int> followingTracks(const model::Plan& take)
{
    std::vector<int> out;
    for (std::size_t i = 0; i < take.tracks.size(); ++i)
        if (take.tracks[i].followsChords && !take.tracks[i].locked && take.tracks[i].channel != 9)
            out.push_back(static_cast<int>(i));
    return out;
}

model::Track chordPart(const model::Plan& plan, const std::vector<model::PlanChord>& chords)
{
    model::Track part;
    part.name = "Harmony";
    part.followsChords = true;
    std::array<bool, 16> used{};
    for (const model::Track& t : plan.tracks)
        used[static_cast<std::size_t>(t.channel & 15)] = true;
    for (int ch = 0; ch < 16; ++ch)
        if (ch != 9 && !used[static_cast<std::size_t>(ch)]) {
            part.channel = ch;
            break;
        }
    const std::vector<model::Tick> bars = model::barStarts(plan, model::chordTrackLimit(plan));
    for (const model::PlanChord& c : chords) {
        std::vector<model::Tick> strikes{c.startTick};
        for (model::Tick b : bars)
            if (b > c.startTick && b < c.endTick()) strikes.push_back(b);
        strikes.push_back(c.endTick());
        for (std::size_t s = 0; s + 1 < strikes.size(); ++s)
            for (std::size_t i = 0; i < c.tones.size() && i < 4; ++i)
                part.notes.push_back({strikes[s], strikes[s + 1] - strikes[s], 0,
                                      static_cast<std::uint8_t>(48 + c.tones[i] % 12), 70});
    }
    return part;
}

std::vector<model::Plan> harmonizedTakes(const model::Plan& take, int melody, int count)
{
    std::vector<model::Plan> out;
    std::vector<int> following = followingTracks(take);
    std::erase(following, melody);
    for (auto& chords : harmonize(take, melody, count)) {
        model::Plan plan = take;
        plan.chords = std::move(chords);
        if (following.empty())
            plan.tracks.push_back(chordPart(take, plan.chords));
        else
            plan = refitTracks(plan, following);
        plan.normalize();
        plan.assignTrackIds();
        out.push_back(std::move(plan));
    }
    return out;
}

} // namespace pianola::engine::generate
