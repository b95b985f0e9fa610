// SPDX-License-Identifier: MIT
// The descriptive statistics of a piece: timing, density, articulation, pitch, dynamics,
// controllers.
#pragma once

#include "engine/analysis/Chroma.h"
#include "model/Analysis.h"

namespace pianola::engine::analysis {

/// Duration, note count and lengths, tempo map and meter.
void addTiming(const model::Plan& plan, const Timeline& timeline, model::analysis::Analysis& out);
/// Notes per bar, polyphony, staccato/legato shares, inter-onset intervals per channel.
void addDensity(const Timeline& timeline, model::analysis::Analysis& out);
/// Pitch-class histogram (from the chroma frames).
void addPitchClasses(const ChromaFrames& frames, model::analysis::Analysis& out);
/// Velocities (in track order) and note counts and ranges per track.
void addDynamics(const model::Plan& plan, model::analysis::Analysis& out);
/// Which controllers move and how much; pitch bend use.
void addControllers(const model::Plan& plan, model::analysis::Analysis& out);

} // namespace pianola::engine::analysis
