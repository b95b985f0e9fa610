// SPDX-License-Identifier: MIT
// analyzePlan: the feature extractors in order.
#include "engine/analysis/Analyzer.h"

#include "engine/analysis/Features.h"
#include "engine/analysis/Feel.h"
#include "engine/analysis/Narrative.h"

namespace pianola::engine::analysis {

namespace {
// What reads the plan's notes runs before the timeline is built; from then on only the timeline
// is read, so the notes of a plan we own (`release`) are freed there.
model::analysis::Analysis analyze(const model::Plan& plan, const AnalysisOptions& options,
                                  model::Plan* release)
{
    model::analysis::Analysis out;
    addDynamics(plan, out);
    addControllers(plan, out);
    const Timeline timeline(plan);
    if (release)
        for (model::Track& track : release->tracks)
            std::vector<model::Note>().swap(track.notes);
    HarmonyFrames harmony = chordsOnBestPhase(timeline, beatPhase(timeline), options.chords);
    const ChromaFrames& frames = harmony.frames;
    addTiming(plan, timeline, out);
    addDensity(timeline, out);
    addPitchClasses(frames, out);
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
} // namespace

model::analysis::Analysis analyzePlan(const model::Plan& plan, const AnalysisOptions& options)
{
    return analyze(plan, options, nullptr);
}

model::analysis::Analysis analyzePlan(model::Plan&& plan, const AnalysisOptions& options)
{
    return analyze(plan, options, &plan);
}

} // namespace pianola::engine::analysis
