// SPDX-License-Identifier: MIT
// Chords for a melody: a chord track chosen by Viterbi over half bars from the key's chords.
#pragma once

#include "model/Plan.h"

#include <vector>

namespace pianola::engine::generate {

/// The melody of a take: its highest-sounding pitched track (by mean key), or -1.
int melodyTrackOf(const model::Plan& take);

/// `count` chord tracks for the melody in track `melodyTrack`, plainest first: 0 diatonic
/// triads, 1 with sevenths, 2 with ninths and sus chords, 3 and on with a chord per bar. Each
/// covers the take to its last bar line in the key of the take's signature (else of the melody).
std::vector<std::vector<model::PlanChord>> harmonize(const model::Plan& take, int melodyTrack,
                                                     int count);

} // namespace pianola::engine::generate
