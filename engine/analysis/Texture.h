// SPDX-License-Identifier: MIT
// Texture measures of a piece's opening (pitch-class entropy, scale and groove consistency,
// empty beats, polyphony), to compare generated music with real music.
#pragma once

#include "model/Plan.h"

#include <array>
#include <string>

namespace pianola::engine::analysis {

/// Measured on the first `bars` bars from the bar of the first pitched note, pitched notes only
/// (not channel 10), on a grid of 12 steps per beat.
struct Texture
{
    double pitchClassEntropy = 0.0; ///< bits (0..log2 12) of the onsets' pitch classes
    double scaleConsistency = 0.0;  ///< best share of onsets in one of the 24 major/minor scales
    double grooveConsistency = 0.0; ///< 1 - mean Hamming distance (share of steps) of bar onsets
    double emptyBeatRate = 0.0;     ///< share of beats where no note starts
    double polyphony = 0.0;         ///< mean sounding pitches over steps where any sounds
};

inline constexpr int kTextureMeasures = 5;
/// "pitch-class entropy", "scale consistency", ... in Texture's order.
const std::array<const char*, kTextureMeasures>& textureNames();
/// The measures in Texture's order.
std::array<double, kTextureMeasures> textureValues(const Texture& t);

Texture measureTexture(const model::Plan& plan, int bars = 8);

} // namespace pianola::engine::analysis
