// SPDX-License-Identifier: MIT
// Fuzzes what an LLM (untrusted) may reply: JSON extraction from prose and fences, brief and plan
// validation with the musical limits. Whatever is accepted must be within the limits, render as a
// context text, and export to a readable SMF.
#include "engine/generate/BriefJson.h"
#include "engine/llm/Reply.h"
#include "engine/llm/TakeContext.h"
#include "engine/smf/SmfPlan.h"

#include <cstdio>
#include <cstdlib>

using namespace pianola;
namespace llm = pianola::engine::llm;

static void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 16384) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)llm::countNoteKeys(text);
    if (auto json = llm::extractJson(text); json.ok())
        check(json->size() <= size && json->front() == '{', "extracted JSON is not an object");
    if (auto brief = llm::parseBriefReply(text); brief.ok())
        check(engine::generate::briefProblems(*brief).empty(), "accepted brief has problems");
    else
        check(!brief.error().message.empty(), "rejected brief without a reason");
    auto plan = llm::parsePlanReply(text);
    if (!plan) {
        check(!plan.error().message.empty(), "rejected plan without a reason");
        return 0;
    }
    check(llm::sanityProblems(*plan).empty(), "accepted plan breaks the limits");
    check(plan->noteCount() > 0, "accepted plan has no notes");
    model::Take take;
    take.plan = *plan;
    check(llm::describeTake(take, {{0, {1, 2}}}, 4000).size() < 4000 + 200,
          "context text over its cap");
    check(engine::smf::readPlan(engine::smf::writePlan(*plan)).ok(),
          "accepted plan's SMF unreadable");
    return 0;
}
