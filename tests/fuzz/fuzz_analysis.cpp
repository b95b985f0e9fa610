// SPDX-License-Identifier: MIT
// Fuzzes the analysis of whatever the SMF reader accepts: no crash, finite numbers, chords in
// time order inside the piece, JSON that parses back.
#include "engine/analysis/AnalysisReport.h"
#include "engine/analysis/Analyzer.h"
#include "engine/smf/SmfPlan.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

static void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto plan = pianola::engine::smf::readPlan(std::span<const std::uint8_t>(data, size));
    if (!plan.ok()) return 0;
    // Longer pieces (here: over 256 beats) run the same code on more frames (up to kMaxFrames):
    // up to 0.6 s per input under ASan + coverage, which starved the search (50-84 executions/s).
    if (plan->plan.lengthTicks() > 256 * pianola::model::Tick(plan->plan.ppq)) return 0;
    const auto a = pianola::engine::analysis::analyzePlan(plan->plan);
    check(std::isfinite(a.durationMs) && a.durationMs >= 0, "duration not finite");
    check(std::isfinite(a.meanBpm) && std::isfinite(a.swingRatio), "tempo or swing not finite");
    check(a.key.confidence >= 0 && a.key.confidence <= 1, "key confidence out of 0..1");
    double previous = 0;
    for (const auto& c : a.chords) {
        check(c.startS >= previous - 1e-9 && c.endS >= c.startS, "chords out of order");
        check(c.endS <= a.durationMs / 1000 + 1e-6, "chord past the end");
        previous = c.endS;
    }
    check(!a.narrative.empty() && a.suggestions.size() <= 2, "narrative or suggestions missing");
    const auto json = nlohmann::json::parse(pianola::engine::analysis::analysisToJson(a, "f.mid"),
                                            nullptr, false);
    check(!json.is_discarded(), "analysis JSON does not parse");
    check(!pianola::engine::analysis::analysisToText(a, "f.mid").empty(), "no text report");
    return 0;
}
