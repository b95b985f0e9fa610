// SPDX-License-Identifier: MIT
// Chord recognition: template scores per frame (root and bass weighted) smoothed by Viterbi.
#pragma once

#include "engine/analysis/Chroma.h"
#include "model/Analysis.h"

#include <vector>

namespace pianola::engine::analysis {

/// The few weights of the chord model. Chroma is measured in "beats of average texture" (the
/// piece's mean sounding mass per beat = 1), so the weights do not depend on ppq or density.
struct ChordParams
{
    double outsidePenalty = 1.2;   ///< per unit of mass on pitch classes outside the chord
    double extraTonePenalty = 0.3; ///< per tone beyond a triad, per unit of mass
    double colourPenalty = 0.3;    ///< dim, aug, sus: less common than major and minor
    double bassWeight = 0.1;       ///< bonus for the root in the bass (per beat of bass)
    double changePenalty = 0.2;    ///< cost of a chord change, in beats of mass
    bool changeOnBeats = true;     ///< chords change on beats only (anticipations stay put)
    int phaseCandidates = 4;       ///< beat phases tried (evenly spaced from the onset phase)
    bool weighTracks = true;       ///< chordal tracks count more than single lines
    double weakBeatPenalty = 0.2;  ///< extra cost of a change on the beats a first pass changes
                                   ///< on less (every other beat); 0: one pass, no such cost
};

/// One chord kind: its quality name and intervals above the root (root first).
struct ChordQuality
{
    const char* name;
    std::vector<int> intervals;
    bool colour; ///< not a plain major or minor family chord
};
const std::vector<ChordQuality>& chordQualities();

/// Chord spans over the piece (silence of a beat or more left out), times from the tempo map.
/// `score` (optional) receives the Viterbi path's total score.
std::vector<model::analysis::Chord> recognizeChords(const Timeline& timeline,
                                                    const ChromaFrames& frames,
                                                    const ChordParams& params = {},
                                                    double* score = nullptr);

struct HarmonyFrames
{
    model::Tick phase = 0;
    ChromaFrames frames;
    std::vector<model::analysis::Chord> chords;
};

/// Chords with the beat phase resolved: the onset phase and the phase half a beat away (the
/// usual ambiguity of syncopated music) both get a Viterbi path; the better-scoring one wins.
HarmonyFrames chordsOnBestPhase(const Timeline& timeline, model::Tick phase,
                                const ChordParams& params = {});

/// True if the quality has a major third (maj, 7, maj7, 6, add9, 9, maj9, aug); for "min"
/// family false. `hasThird` is false for sus2/sus4.
bool majorThird(const std::string& quality, bool* hasThird = nullptr);

} // namespace pianola::engine::analysis
