// SPDX-License-Identifier: MIT
// Chords for a melody: learned chords per half bar, richer variants, a Viterbi alternative.
#pragma once

#include "model/Plan.h"

#include <vector>

namespace pianola::engine::generate {

/// The melody of a take: its highest-sounding pitched track (by mean key), or -1.
int melodyTrackOf(const model::Plan& take);

/// `count` chord tracks for the melody in track `melodyTrack`, plainest first: 0 the learned
/// major/minor triad per half bar of the take's bars (LearnedChords, fitted on POP909), 1 the
/// same chords with sevenths, 2 with ninths, 3 and on diatonic chords a bar each (Viterbi). Each
/// covers the take to its last bar line in the key of the take's signature (else of the melody).
std::vector<std::vector<model::PlanChord>> harmonize(const model::Plan& take, int melodyTrack,
                                                     int count);

} // namespace pianola::engine::generate
