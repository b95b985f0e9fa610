// SPDX-License-Identifier: MIT
// Opening and saving a plan as .mid or plan .json, chosen by content and extension.
#pragma once

#include "model/Plan.h"
#include "model/Result.h"

#include <string>
#include <vector>

namespace pianola::engine {

struct LoadedPlan
{
    model::Plan plan;
    std::vector<std::string> warnings;   ///< recoveries and remarks, each saying where
    bool fromSmf = false;
};

/// Opens a Standard MIDI File (by its "MThd"/"RIFF" magic) or a plan JSON file.
Result<LoadedPlan> loadPlanFile(const std::string& path);

enum class PlanFileKind { Smf, Json };
/// .json -> plan JSON; anything else (.mid, .midi, .smf) -> SMF.
PlanFileKind planFileKindFor(const std::string& path);

/// Writes the plan atomically as SMF (format 0 or 1) or plan JSON, by the path's extension.
Result<void> savePlanFile(const std::string& path, const model::Plan& plan, int smfFormat = 1,
                          std::vector<std::string>* warnings = nullptr);

} // namespace pianola::engine
