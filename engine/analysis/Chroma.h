// SPDX-License-Identifier: MIT
// Pitch-class content of the piece on a fixed tick grid: duration-weighted chroma and bass.
#pragma once

#include "engine/analysis/Timeline.h"

#include <array>
#include <vector>

namespace pianola::engine::analysis {

using PitchClasses = std::array<double, 12>;

/// Frame f covers ticks [origin + f * step, origin + (f + 1) * step); origin <= 0 puts the
/// piece's beat phase on a frame boundary. `chroma[f][pc]` is how many ticks notes of
/// pitch class pc sound in the frame (summed over notes); `bass[f][pc]` the ticks the lowest
/// sounding note has that pitch class. O(notes log notes + frames).
struct ChromaFrames
{
    model::Tick step = 1;
    model::Tick origin = 0;
    std::vector<PitchClasses> chroma, bass;
    std::vector<double> mass; ///< sum of chroma[f]
    int framesPerBeat = 1;

    std::size_t size() const { return chroma.size(); }
    model::Tick frameStart(std::size_t f) const { return origin + model::Tick(f) * step; }
    /// The frame holding `tick` (clamped to the frames).
    std::size_t frameAt(model::Tick tick) const;
};

/// At most this many frames (sixteenths of pieces up to 8,192 beats, over an hour at 120 bpm):
/// longer pieces get coarser frames. Bounds the chord search of a huge-but-empty file.
constexpr std::size_t kMaxFrames = 1u << 15;

/// Frames of a sixteenth note (or coarser for very long pieces), a beat starting every
/// `framesPerBeat` frames from frame 0 at the beat phase `phase` (ticks, 0..ppq). With
/// `trackWeights` (per track index), each note's chroma counts with its track's weight (the bass
/// is the lowest note whatever its weight).
ChromaFrames chromaFrames(const Timeline& timeline, model::Tick phase = 0,
                          const std::vector<double>* trackWeights = nullptr);

/// The sum of `frames[first, last)`.
PitchClasses sumFrames(const std::vector<PitchClasses>& frames, std::size_t first,
                       std::size_t last);

} // namespace pianola::engine::analysis
