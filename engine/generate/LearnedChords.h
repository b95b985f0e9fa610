// SPDX-License-Identifier: MIT
// Chords learned from POP909: a softmax over 24 major/minor chords per half bar, read from the
// melody of the half bar, its two neighbours each side and the whole song (docs/HARMONIZE.md).
#pragma once

#include "model/Plan.h"

#include <vector>

namespace pianola::engine::generate {

/// A half bar of the take's own bars (its meter map): bars of two beats or more are cut at their
/// middle beat.
struct HalfBar
{
    model::Tick start = 0, end = 0;
    model::Tick beat = 480; ///< ticks per beat of the bar's meter
    model::Tick barStart = 0;
    bool midBar = false; ///< the second half of its bar
};

/// The half bars from tick 0 to `limit`.
std::vector<HalfBar> halfBarsOf(const model::Plan& take, model::Tick limit);

struct MajMin
{
    int root = 0; ///< pitch class
    bool minor = false;
};

/// The model's chord for every half bar of `melody`, in the key (tonic, minor): the features of
/// scripts/harmonize_study.py (transposed to the key's relative major), standardized, times the
/// weights of LearnedChordWeights.h, argmax.
std::vector<MajMin> learnedChords(const model::Track& melody, const std::vector<HalfBar>& halves,
                                  int tonic, bool minor);

} // namespace pianola::engine::generate
