// SPDX-License-Identifier: MIT
// Fuzzes the export round trip: whatever imports exports (format 1 and 0) to a file that reads
// back, and a second export reads back to the same plan (export is a fixed point).
#include "engine/smf/SmfPlan.h"
#include "tests/fuzz/FuzzCheck.h"

using namespace pianola::engine::smf;
using pianola::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto plan = readPlan(std::span<const std::uint8_t>(data, size));
    if (!plan.ok()) return 0;
    auto again = readPlan(writePlan(plan->plan));
    check(again.ok(), "our own export does not read back");
    auto twice = readPlan(writePlan(again->plan));
    check(twice.ok() && twice->plan == again->plan, "export is not a fixed point");
    check(readPlan(writePlan(plan->plan, ExportOptions{0})).ok(),
          "our own format 0 export does not read back");
    return 0;
}
