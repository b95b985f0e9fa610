// SPDX-License-Identifier: MIT
// Fuzzes the conversion of a read SMF into a plan: whatever converts is a valid plan, i.e. it
// passes the plan JSON validation unchanged.
#include "engine/smf/SmfPlan.h"
#include "engine/smf/SmfReader.h"
#include "model/PlanJson.h"
#include "tests/fuzz/FuzzCheck.h"

using namespace pianola::engine::smf;
using pianola::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto file = readSmf(std::span<const std::uint8_t>(data, size));
    if (!file.ok()) return 0;
    auto plan = planFromSmf(*file);
    if (!plan.ok()) {
        check(!plan.error().message.empty(), "a refusal without a reason");
        return 0; // e.g. over the plan's limits: a clear error is fine
    }
    auto json = pianola::model::planFromJson(pianola::model::planToJson(plan->plan));
    check(json.ok(), "an imported plan does not pass JSON validation");
    check(json->plan == plan->plan, "an imported plan changes through JSON");
    return 0;
}
