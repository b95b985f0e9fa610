// SPDX-License-Identifier: MIT
// Internal to the checklist: the measurements the analysis report does not already hold.
#pragma once

#include "engine/analysis/Timeline.h"
#include "model/Analysis.h"

#include <string>
#include <vector>

namespace pianola::engine::analysis::measure {

/// The role of a track ("drums", "bass", "chords", "melody", "arpeggio", "pad") from its channel,
/// name and program; "" when none fits.
std::string roleOf(const model::Track& track);

/// Share of 4-beat bars (with drums) whose snare or clap hits beats 2 and 4; kick on all four.
struct DrumBars
{
    int bars = 0;
    double backbeat = 0.0, fourOnTheFloor = 0.0;
};
DrumBars drumBars(const Timeline& timeline);

/// Drum hits in 1-based bar `bar` of `timeline`.
int drumHitsInBar(const Timeline& timeline, int bar);
/// Hi-hat onsets of 1-based bar `bar` on a triplet position (not on the sixteenth grid).
int tripletHatsInBar(const Timeline& timeline, int bar);

/// Share of bass notes (by duration) on the root of the chord sounding at their onset; of bass
/// onsets within a 32nd of a kick. -1 when there is no bass track (or no kick).
double bassOnRoots(const model::Plan& plan, const Timeline& timeline,
                   const std::vector<model::analysis::Chord>& chords);
double bassOnKick(const model::Plan& plan, const Timeline& timeline);

/// Share of onsets off every grid (32nds, sixteenth triplets, and the swung positions of the
/// measured swing), to 1/240 of a beat; of the tracks whose role is in `roles` (every track when
/// it is empty).
double offGridShare(const model::Plan& plan, const Timeline& timeline,
                    const model::analysis::Analysis& analysis,
                    const std::vector<std::string>& roles = {});

/// Mean velocity of the notes of the tracks whose role (roleOf) is in `roles`; of every note
/// when `roles` is empty.
double meanVelocity(const model::Plan& plan, const std::vector<std::string>& roles = {});

/// Share of chord time whose chord (root from the analysis) sounds a seventh above its root
/// (minor or major), a ninth (with or without the seventh), or only its triad, in the notes of
/// the harmony parts (chords, pad, arpeggio; every pitched part when there are none) struck or
/// held within the chord's span.
struct ChordShares
{
    double sevenths = 0.0, ninths = 0.0, triads = 0.0;
};
ChordShares chordShares(const model::Plan& plan, const Timeline& timeline,
                        const std::vector<model::analysis::Chord>& chords);

/// Track names whose notes differ from the parent's track of the same name (or that are new /
/// gone), and those identical; tempo and bar count changes are listed as "tempo", "length".
struct Changes
{
    std::vector<std::string> changed, identical;
};
Changes changes(const model::Plan& parent, const model::Plan& plan);

} // namespace pianola::engine::analysis::measure
