// SPDX-License-Identifier: MIT
// Chords for a gap in the chord track: "suggest chords for bars 3-4 between C and G".
#pragma once

#include "model/ChordSymbol.h"
#include "model/Plan.h"

#include <optional>
#include <vector>

namespace pianola::engine::generate {

struct ChordGap
{
    model::Tick from = 0, to = 0;             ///< the span to fill, [from, to)
    std::optional<model::ChordSymbol> before; ///< the chord leading in (set over the bar before)
    std::optional<model::ChordSymbol> after;  ///< the chord it leads to (set over the bar after)
};

/// `count` chord tracks for the take (plainest first, no two alike, none with the gap's chords
/// of now): its chord track outside the gap kept (with `before` / `after`, when given, as the
/// chords touching it), and inside diatonic chords of the key that lead from the chord before
/// to the chord after by functional motion (tonic -> predominant -> dominant -> tonic, roots
/// down a fifth or a third, up a step), e.g. C | Am F | G or C | Dm7 G/B | C. 0: triads, a chord
/// per bar; 1: triads, two per bar; 2: sevenths (with the secondary dominant of the chord
/// after); 3: sevenths two per bar, a major chord inverted onto its third when that steps up a
/// semitone into the next root (G/B C). Melody notes of tracks that do not follow the chord track
/// weigh in. Empty when the gap is empty or outside the take.
std::vector<std::vector<model::PlanChord>> fillChordGap(const model::Plan& take,
                                                        const ChordGap& gap, int count);

} // namespace pianola::engine::generate
