// SPDX-License-Identifier: MIT
// Refit of chosen parts, a plain chord part, harmonized takes.
#include "engine/generate/ChordParts.h"

#include "engine/generate/Harmonize.h"
#include "model/ChordTrack.h"

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
