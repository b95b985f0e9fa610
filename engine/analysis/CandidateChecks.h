// SPDX-License-Identifier: MIT
// Candidates judged by their checklists: failures made again with another seed, best first.
#pragma once

#include "engine/analysis/Checklist.h"
#include "model/Project.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace pianola::engine::analysis {

/// A candidate made again: candidate `index`, attempt `attempt` (1, 2): the plan and its seed.
using Remake = std::function<std::pair<model::Plan, std::uint64_t>(int index, int attempt)>;

/// Tries per candidate in all (the first making included).
inline constexpr int kMaxCandidateTries = 3;

/// Sets each take's checks against `asked`. A take failing one of them is made again with
/// `remake` (at most kMaxCandidateTries makings in all) and the making that passes most is kept,
/// its failures still listed. Then takes are ordered by the share of checks passed (stable).
void checkCandidates(std::vector<model::Take>& takes, const Asked& asked, const Remake& remake);

} // namespace pianola::engine::analysis
