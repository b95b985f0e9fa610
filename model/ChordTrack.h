// SPDX-License-Identifier: MIT
// Checks of a take's chord track: in time order, not overlapping, inside the take, parseable.
#pragma once

#include "model/Plan.h"
#include "model/Result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pianola::model {

/// One problem of the chord track: the chord's index, the field ("start", "length",
/// "quality"...) and why.
struct ChordIssue
{
    std::size_t index = 0;
    std::string field;
    std::string message;
    bool afterTake = false; ///< only too long for the take: trimChordTrack() repairs it
};

/// The tick a chord track may reach: the take's end rounded up to the next bar line (a chord
/// holds to the bar's end after the last note has been released).
Tick chordTrackLimit(const Plan& plan);
/// Every problem of `plan.chords` (empty when valid): overlaps, a chord ending after
/// chordTrackLimit(), a quality and slash bass that do not parse as a symbol, tones out of range.
std::vector<ChordIssue> chordTrackIssues(const Plan& plan);

/// Cuts chords at chordTrackLimit() and drops those starting at or after it (plans written
/// before the check, whose variations changed the length and left the chords).
void trimChordTrack(Plan& plan);

/// Bar line ticks from 0 up to (not including) `end`, from the plan's meters.
std::vector<Tick> barStarts(const Plan& plan, Tick end);

/// A chord track from bars written "Am7 | Fmaj7 | C G | E7": one bar per '|', the chords of a
/// bar sharing it equally, "N.C." for silence; repeated until it fills the take (to
/// chordTrackLimit()), cut where the take ends. Errors name the bar, the symbol and its
/// character in `text` (1-based).
Result<std::vector<PlanChord>> chordsFromBars(std::string_view text, const Plan& plan);

} // namespace pianola::model
