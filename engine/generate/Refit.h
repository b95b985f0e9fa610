// SPDX-License-Identifier: MIT
// The chord track as the parts' source: detect it from the notes, and refit the parts to new
// chords.
#pragma once

#include "model/Plan.h"

#include <vector>

namespace pianola::engine::generate {

/// Chords engine/analysis recognises in the take's pitched notes, snapped to beats and with the
/// root in the bass where the notes say so (the plan's own chord track is ignored).
std::vector<model::PlanChord> detectChords(const model::Plan& take);

struct RefitReport
{
    int movedNotes = 0;  ///< notes given another key
    int keptNotes = 0;   ///< pitched notes left as they were (already fitting, or no chord)
    int lockedNotes = 0; ///< locked notes and notes of locked tracks (never changed)
    int tracks = 0;      ///< pitched, unlocked tracks refit
};

/// The take with `chords` as its chord track and its pitched parts following them: chord parts
/// (notes struck together) re-voiced with the least movement, bass notes to the new chord's
/// root (or slash bass), third or fifth as they were in the old chord, melody and arpeggio notes
/// to the new chord's tone of the same function or the nearest chord tone (short off-beat notes
/// to a scale tone that does not clash). Onsets, lengths and velocities stay; drums, locked
/// tracks and locked notes are untouched; no two notes of a track sound the same key at once.
/// The old harmony is the take's chord track, else detectChords().
model::Plan refitToChords(const model::Plan& take, std::vector<model::PlanChord> chords,
                          RefitReport* report = nullptr);

} // namespace pianola::engine::generate
