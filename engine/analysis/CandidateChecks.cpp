// SPDX-License-Identifier: MIT
// Checking, remaking and ordering candidates by their checklists.
#include "engine/analysis/CandidateChecks.h"

#include <algorithm>

namespace pianola::engine::analysis {

namespace {
double share(const std::vector<model::Check>& checks)
{
    return checks.empty() ? 1.0 : static_cast<double>(passedChecks(checks)) / checks.size();
}
} // namespace

void checkCandidates(std::vector<model::Take>& takes, const Asked& asked, const Remake& remake)
{
    for (std::size_t i = 0; i < takes.size(); ++i) {
        model::Take& take = takes[i];
        take.checks = checkTake(take.plan, asked);
        for (int attempt = 1; remake && attempt < kMaxCandidateTries &&
                              passedChecks(take.checks) < static_cast<int>(take.checks.size());
             ++attempt) {
            auto [plan, seed] = remake(static_cast<int>(i), attempt);
            std::vector<model::Check> checks = checkTake(plan, asked);
            if (passedChecks(checks) <= passedChecks(take.checks)) continue;
            take.plan = std::move(plan);
            take.provenance.seed = seed;
            take.checks = std::move(checks);
        }
    }
    std::stable_sort(takes.begin(), takes.end(), [](const model::Take& a, const model::Take& b) {
        return share(a.checks) > share(b.checks);
    });
}

} // namespace pianola::engine::analysis
