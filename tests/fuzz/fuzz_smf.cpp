// SPDX-License-Identifier: MIT
// Fuzzes the SMF reader and the plan conversion, and checks their invariants: the fast and the
// full reader agree; whatever imports exports to a file that reads back to the same plan.
#include "engine/smf/SmfPlan.h"
#include "engine/smf/SmfReader.h"
#include "model/PlanJson.h"

#include <cstdio>
#include <cstdlib>

using namespace pianola::engine::smf;

static void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::span<const std::uint8_t> bytes(data, size);
    auto full = readSmf(bytes);
    auto fast = readSmfNotes(bytes);
    check(full.ok() == fast.ok(), "readSmf and readSmfNotes disagree on validity");
    if (!full.ok())
        return 0;
    std::vector<Diagnostic> warnings;
    check(pairNotes(*full, warnings).size() == fast->notes.size(), "note counts differ");
    auto plan = planFromSmf(*full);
    if (!plan.ok())
        return 0;   // e.g. over the plan's limits: a clear error is fine
    auto json = pianola::model::planFromJson(pianola::model::planToJson(plan->plan));
    check(json.ok(), "an imported plan does not pass JSON validation");
    check(json->plan == plan->plan, "an imported plan changes through JSON");
    const auto written = writePlan(plan->plan);
    auto again = readPlan(written);
    check(again.ok(), "our own export does not read back");
    auto twice = readPlan(writePlan(again->plan));
    check(twice.ok() && twice->plan == again->plan, "export is not a fixed point");
    return 0;
}
