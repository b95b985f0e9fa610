// SPDX-License-Identifier: MIT
// analyzePlan: every analysis feature of a plan in one call (O(n log n) in the notes).
#pragma once

#include "engine/analysis/Chords.h"
#include "engine/analysis/KeyFinder.h"
#include "model/Analysis.h"
#include "model/Plan.h"

namespace pianola::engine::analysis {

struct AnalysisOptions
{
    ChordParams chords;
    KeyParams key;
};

/// Analyses a plan: timing, density, pitch, dynamics, controllers, key, chords, feel, drums and
/// the offline narrative. Pure function of the plan; safe to call from any thread.
model::analysis::Analysis analyzePlan(const model::Plan& plan, const AnalysisOptions& options = {});
/// The same, freeing the plan's notes as soon as the analysis holds them in its own form (a
/// million notes: 24 MB less at its peak). The plan is left without notes.
model::analysis::Analysis analyzePlan(model::Plan&& plan, const AnalysisOptions& options = {});

} // namespace pianola::engine::analysis
