// SPDX-License-Identifier: MIT
// Checks of a take's chord track: in time order, not overlapping, inside the take, parseable.
#pragma once

#include "model/Plan.h"

#include <cstddef>
#include <string>
#include <vector>

namespace pianola::model {

/// One problem of the chord track: the chord's index, the field ("start", "length",
/// "quality"...) and why.
struct ChordIssue
{
    std::size_t index = 0;
    std::string field;
    std::string message;
};

/// The tick a chord track may reach: the take's end rounded up to the next bar line (a chord
/// holds to the bar's end after the last note has been released).
Tick chordTrackLimit(const Plan& plan);
/// Every problem of `plan.chords` (empty when valid): overlaps, a chord ending after
/// chordTrackLimit(), a quality and slash bass that do not parse as a symbol, tones out of range.
std::vector<ChordIssue> chordTrackIssues(const Plan& plan);

} // namespace pianola::model
