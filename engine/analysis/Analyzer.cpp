// SPDX-License-Identifier: MIT
// analyzePlan: the feature extractors in order.
#include "engine/analysis/Analyzer.h"

#include "engine/analysis/Features.h"
#include "engine/analysis/Feel.h"
#include "engine/analysis/Narrative.h"

namespace pianola::engine::analysis {

model::analysis::Analysis analyzePlan(const model::Plan& plan, const AnalysisOptions& options)
{
    model::analysis::Analysis out;
    const Timeline timeline(plan);
    HarmonyFrames harmony = chordsOnBestPhase(timeline, beatPhase(timeline), options.chords);
    const ChromaFrames& frames = harmony.frames;
    addTiming(plan, timeline, out);
    addDensity(timeline, out);
    addPitchAndDynamics(plan, frames, out);
    addControllers(plan, out);
    out.chords = std::move(harmony.chords);
    KeyEstimate key = estimateKey(timeline, frames, out.chords, options.key);
    preferDeclaredKey(key, plan.keySignatures);
    out.key = key.key;
    out.keyRunnerUps = std::move(key.runnerUps);
    out.keySpans = std::move(key.spans);
    addFeel(timeline, out);
    addDrums(timeline, out);
    addNarrative(out);
    return out;
}

} // namespace pianola::engine::analysis
