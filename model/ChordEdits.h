// SPDX-License-Identifier: MIT
// Chord track gestures as values: place, split, move an edge, transpose; each returns the new
// chord track (sorted, not overlapping) for one PlanEdit.
#pragma once

#include "model/Edit.h"
#include "model/Plan.h"
#include "model/Result.h"

#include <vector>

namespace pianola::model {

/// Shortest chord a gesture leaves (ticks).
inline constexpr Tick kMinChordTicks = 30;

/// `chord` placed into `chords`: chords it overlaps are cut around it (or dropped when nothing
/// of them is left). The result is sorted.
std::vector<PlanChord> withChordPlaced(std::vector<PlanChord> chords, const PlanChord& chord);
/// Chord `index` cut in two at `tick` (both halves the same symbol); unchanged when `tick` is
/// not at least kMinChordTicks inside it.
std::vector<PlanChord> withChordSplit(std::vector<PlanChord> chords, std::size_t index, Tick tick);
/// The start (`end` false) or end edge of chord `index` moved to `tick`: a neighbour that
/// touches that edge moves with it (harmonic rhythm changes, no gap opens); clamped so that no
/// chord gets shorter than kMinChordTicks, none overlaps, and none passes `limit`.
std::vector<PlanChord> withChordEdgeMoved(std::vector<PlanChord> chords, std::size_t index,
                                          bool end, Tick tick, Tick limit);
/// Every chord `semitones` higher (root, slash bass and tones; mod 12).
std::vector<PlanChord> transposedChords(std::vector<PlanChord> chords, int semitones);
/// The take `semitones` higher: pitched notes, the chord track and the key signatures (drums
/// stay); an error when a note would leave 0..127.
Result<Plan> transposedTake(const Plan& plan, int semitones);
/// The edit that gives take `take` (whose plan is `plan`) the chord track `chords`.
PlanEdit chordTrackEdit(TakeId take, const Plan& plan, std::vector<PlanChord> chords);

} // namespace pianola::model
