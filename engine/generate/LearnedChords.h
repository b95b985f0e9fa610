// SPDX-License-Identifier: MIT
// Chords learned from POP909: a softmax over 24 major/minor chords per half bar, read from the
// melody of the half bar, its two neighbours each side, the half bars elsewhere in the song whose
// melody is most alike (repeats) and the whole song; the key frame is learned from the melody
// too (docs/HARMONIZE.md).
#pragma once

#include "model/Plan.h"

#include <array>
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

/// Melody per pitch class (0 = C) of every half bar, in beats: duration, + up to a beat for a note
/// struck in the half bar, + up to half a beat more when struck on a beat.
using PitchProfile = std::array<double, 12>;
std::vector<PitchProfile> melodyProfiles(const model::Track& melody,
                                         const std::vector<HalfBar>& halves);

/// The key frame (pitch class of the key's relative major: C for C major and A minor) learned from
/// the whole melody's profile (LearnedChordWeights.h kFrameWeight).
int learnedFrame(const std::vector<PitchProfile>& profiles);

/// The model's chord for every half bar, read in `frame` (the key's relative major): the features
/// of scripts/harmonize_study.py, standardized, times the weights of LearnedChordWeights.h, argmax.
std::vector<MajMin> learnedChords(const std::vector<PitchProfile>& profiles,
                                  const std::vector<HalfBar>& halves, int frame);

} // namespace pianola::engine::generate
