// SPDX-License-Identifier: MIT
// Key estimation: an ensemble of key profiles on duration-weighted chroma, resolved with the
// chords.
#pragma once

#include "engine/analysis/Chroma.h"
#include "model/Analysis.h"

#include <vector>

namespace pianola::engine::analysis {

struct KeyParams
{
    double tonicChordWeight = 0.15; ///< score for the share of chord time on the tonic chord
    double openingWeight = 0.05;    ///< score when the first chord is the tonic chord
    double temperature =
        0.07; ///< softmax temperature, scores to confidences (calibrated: mean = accuracy)
    double changePenalty = 6.0; ///< key regions: cost of a key change (bars of correlation)
};

struct KeyEstimate
{
    model::analysis::Key key;
    std::vector<model::analysis::Key> runnerUps; ///< next three, best first
    std::vector<model::analysis::KeySpan> spans;
};

/// Mean Pearson correlation of `chroma` with the Krumhansl-Kessler, Temperley, Aarden-Essen and
/// Albrecht-Shanahan profiles of the key (index tonic + 12 * minor).
std::array<double, 24> profileCorrelations(const PitchClasses& chroma);

/// Correlation with the Krumhansl-Kessler profiles alone: the plain Krumhansl-Schmuckler key
/// finder, kept as the baseline the ensemble is measured against.
std::array<double, 24> krumhanslCorrelations(const PitchClasses& chroma);

KeyEstimate estimateKey(const Timeline& timeline, const ChromaFrames& frames,
                        const std::vector<model::analysis::Chord>& chords,
                        const KeyParams& params = {});

/// Relative keys share every pitch class, and the notes alone often cannot tell A minor from
/// C major. When the file declares one of the two (its first key signature) and the estimate's
/// best two are exactly that pair, the declared one goes first: true then. A declared C major is
/// ignored: it is what software writes when nobody chose a key (75 of the 300 POP909 files say
/// C major, whatever their key).
bool preferDeclaredKey(KeyEstimate& estimate, const std::vector<model::KeySignature>& declared);

} // namespace pianola::engine::analysis
