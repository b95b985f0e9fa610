// SPDX-License-Identifier: MIT
// Opening and saving a plan as .mid or plan .json; opening a take of a .pianola project.
#pragma once

#include "model/Plan.h"
#include "model/Project.h"
#include "model/Result.h"

#include <string>
#include <vector>

namespace pianola::engine {

struct LoadedPlan
{
    model::Plan plan;
    std::vector<std::string> warnings; ///< recoveries and remarks, each saying where
    bool fromSmf = false;
    bool fromProject = false; ///< a take of a project (see take, takeCount)
    model::TakeId takeId = 0;
    std::string takeName;
    std::size_t takeCount = 0;
};

struct LoadOptions
{
    /// For projects: the take to read, by id ("2") or name ("Verse"); empty = the active take.
    /// Asking for a take of a file that is not a project is an error.
    std::string take;
};

/// Opens a Standard MIDI File (by its "MThd"/"RIFF" magic), a project (.pianola, or JSON whose
/// "format" is "pianola-project": one take, the active one unless options.take names another)
/// or a plan JSON file. A project without takes, or without the take asked for, is an error.
Result<LoadedPlan> loadPlanFile(const std::string& path, const LoadOptions& options = {});

/// Picks a project's take: by id or name (`which`), else the active one, else the first.
/// Errors name the takes there are.
Result<const model::Take*> findTake(const model::Project& project, const std::string& which);

enum class PlanFileKind { Smf, Json, Project };
/// .json -> plan JSON; .pianola -> a project of one take; anything else (.mid, .midi) -> SMF.
PlanFileKind planFileKindFor(const std::string& path);

/// Writes the plan atomically as SMF (format 0 or 1), plan JSON or a project holding it as its
/// one take, by the path's extension.
Result<void> savePlanFile(const std::string& path, const model::Plan& plan, int smfFormat = 1,
                          std::vector<std::string>* warnings = nullptr);

} // namespace pianola::engine
