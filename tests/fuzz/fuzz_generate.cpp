// SPDX-License-Identifier: MIT
// Fuzzes the offline generator's inputs: any text as a prompt, as a variation instruction and
// as brief JSON. Whatever is accepted must generate a plan that exports to a readable SMF.
#include "engine/generate/BriefJson.h"
#include "engine/generate/Generator.h"
#include "engine/generate/Intent.h"
#include "engine/generate/Interpreter.h"
#include "engine/llm/Session.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/Variation.h"
#include "engine/smf/SmfPlan.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace pianola;
namespace gen = pianola::engine::generate;

static void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

// Small enough to stay fast: long pieces are the same code run more often.
static void generateSmall(gen::Brief brief)
{
    if (brief.bars > 8 || !gen::briefProblems(brief).empty()) return;
    brief.candidates = 1;
    auto takes = gen::generate(brief, "fuzz");
    check(takes.ok(), "a brief without problems did not generate");
    check(engine::smf::readPlan(engine::smf::writePlan(takes->front().plan)).ok(),
          "generated SMF does not read back");
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 4096) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const gen::Interpretation in = gen::interpret(text, 1);
    (void)in.explain();
    if (in.ok()) generateSmall(in.brief);
    if (auto brief = gen::briefFromJson(text); brief.ok()) {
        auto again = gen::briefFromJson(gen::briefToJson(brief->brief));
        check(again.ok() && again->brief == brief->brief,
              "brief JSON round trip changed the brief");
        generateSmall(brief->brief);
    }
    static const model::Plan base =
        gen::generatePlan(gen::interpret("pop song, 4 bars", 1).brief, 0);
    if (auto varied = gen::vary(base, text, 1); varied.ok())
        check(engine::smf::readPlan(engine::smf::writePlan(varied->plan)).ok(),
              "varied SMF does not read back");
    // The one reader of chat lines, with and without a playing take, and its answer: whatever
    // is made in context exports, keeps the take's tempo unless told, never loses a locked track.
    static const std::vector<std::optional<gen::Role>> roles = gen::inferPlanInfo(base).roles;
    (void)gen::readIntent(text, nullptr).chip();
    const gen::Intent intent = gen::readIntent(text, &roles);
    (void)intent.chip();
    engine::llm::GenerationRequest request;
    request.prompt = std::string(text);
    request.parent = model::Take{1, "base", false, base, {}};
    request.parent->plan.tracks.front().locked = true;
    request.candidates = 1;
    request.seed = 1;
    if (auto answer = engine::llm::offlineResult(request); answer.ok())
        for (const model::Take& take : answer->takes) {
            check(engine::smf::readPlan(engine::smf::writePlan(take.plan)).ok(),
                  "an answer's SMF does not read back");
            if (answer->variation)
                check(std::any_of(take.plan.tracks.begin(), take.plan.tracks.end(),
                                  [&](const model::Track& t) {
                                      return t == request.parent->plan.tracks.front();
                                  }) ||
                          intent.kind == gen::IntentKind::RemovePart,
                      "a locked track changed");
        }
    return 0;
}
