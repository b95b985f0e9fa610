// SPDX-License-Identifier: MIT
// Plan and project JSON I/O with validation that reports every problem with its JSON path.
#pragma once

#include "model/Plan.h"
#include "model/Project.h"
#include "model/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace pianola::model {

/// One finding of validation: where (JSON path like `tracks[1].notes[7].vel`) and why.
struct JsonIssue
{
    std::string path;
    std::string message;
    std::string toString() const { return path.empty() ? message : path + ": " + message; }
};

struct ValidationReport
{
    std::vector<JsonIssue> errors;   ///< any error: the input is rejected
    std::vector<JsonIssue> warnings; ///< accepted, but the user should know (unknown keys...)
    bool ok() const { return errors.empty(); }
    /// Every error, one per line, in document order.
    std::string errorText() const;
};

struct PlanReadResult
{
    Plan plan;
    ValidationReport report; ///< errors empty on success; warnings may be set
};

/// Largest JSON text accepted (bytes) and deepest nesting, against hostile input.
inline constexpr std::size_t kMaxJsonBytes = 256u << 20;
inline constexpr int kMaxJsonDepth = 64;

/// Parses and validates a plan (the Pianola plan schema, a superset of the seed format incl.
/// the legacy top-level "program"/"notes" form with per-note "ch"). On failure the Error's
/// message holds every problem, one per line, each with its JSON path. Error codes: TooLarge
/// (text over kMaxJsonBytes), ParseError (syntax, nesting), ValidationError (everything else).
Result<PlanReadResult> planFromJson(std::string_view text);
/// Validates only; `report.errors` lists every problem (past 10000 errors or 1000 warnings a
/// last line gives the number left out, so hostile input cannot blow up the report).
ValidationReport validatePlanJson(std::string_view text);
/// Serialises a plan in the canonical schema (round trips through planFromJson unchanged for
/// normalized plans within the model's ranges whose first tempo and time signature are at tick 0
/// and whose note ids are the ones normalize() assigns; names are written as UTF-8, invalid
/// bytes replaced). `indent` < 0: one line.
std::string planToJson(const Plan& plan, int indent = 2);

struct ProjectReadResult
{
    Project project;
    ValidationReport report; ///< errors empty on success; warnings may be set
};

/// Project files (.pianola): versioned; every take with its plan and provenance, the chat.
/// A dangling activeTake is reset to 0 with a warning; see projectFromJsonWithReport().
Result<Project> projectFromJson(std::string_view text);
/// Like projectFromJson, and also returns the warnings (unknown fields, dangling references).
Result<ProjectReadResult> projectFromJsonWithReport(std::string_view text);
/// Validates a project file only; `report.errors` lists every problem.
ValidationReport validateProjectJson(std::string_view text);
/// Serialises a project (plans in the canonical plan schema); never contains secrets.
std::string projectToJson(const Project& project, int indent = 2);

} // namespace pianola::model
