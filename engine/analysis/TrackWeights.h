// SPDX-License-Identifier: MIT
// How much each track says about the harmony: chordal parts more than single lines.
#pragma once

#include "engine/analysis/Timeline.h"

#include <vector>

namespace pianola::engine::analysis {

/// Per track index of the timeline's pitched notes, a weight in [0, 1] for chord recognition.
/// A track's thickness is the mean number of pitch classes it sounds at once (over the time it
/// sounds); the weight grows with it, 1 - exp(-(thickness - 0.95)), scaled so the thickest track
/// has 1: a melody (one note at a time) counts for little next to the chords under it. The
/// lowest track that sounds a fifth of the piece or more (the bass) keeps full weight.
/// O(notes log notes).
std::vector<double> chordTrackWeights(const Timeline& timeline);

} // namespace pianola::engine::analysis
