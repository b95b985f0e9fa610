// SPDX-License-Identifier: MIT
// Fuzzes plan JSON parsing and validation (projects: fuzz_project); accepted plans must round
// trip through JSON unchanged and export to a readable SMF.
#include "engine/smf/SmfPlan.h"
#include "model/PlanJson.h"

#include <cstdio>
#include <cstdlib>

using namespace pianola;

static void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)model::validatePlanJson(text);
    auto plan = model::planFromJson(text);
    if (!plan.ok()) return 0;
    auto again = model::planFromJson(model::planToJson(plan->plan));
    check(again.ok(), "planToJson output does not validate");
    check(again->plan == plan->plan, "JSON round trip changed the plan");
    auto smf = engine::smf::readPlan(engine::smf::writePlan(plan->plan));
    check(smf.ok(), "exported SMF does not read back");
    return 0;
}
