// SPDX-License-Identifier: MIT
// Feel: swing, humanization, groove consistency between bars, and the drum pattern on channel 10.
#pragma once

#include "engine/analysis/Timeline.h"
#include "model/Analysis.h"

namespace pianola::engine::analysis {

/// The beat phase of the onsets in ticks (0..ppq): 0 when most onsets lie on the file's
/// sixteenth or triplet grid, else the most common onset position within the beat, so files
/// whose beats are offset from the tick grid are measured on their own grid.
model::Tick beatPhase(const Timeline& timeline);

/// Swing ratio, timing deviation from the grid, groove consistency.
void addFeel(const Timeline& timeline, model::analysis::Analysis& out);
/// Drum pieces, hits per bar, named patterns and fill bars (channel index 9).
void addDrums(const Timeline& timeline, model::analysis::Analysis& out);

/// The General MIDI percussion name of `key` ("Acoustic Snare"), or "Key N".
std::string drumName(int key);

} // namespace pianola::engine::analysis
