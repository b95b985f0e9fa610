// SPDX-License-Identifier: MIT
// The offline generator: a Brief becomes candidate takes (plans with provenance),
// deterministically.
#pragma once

#include "engine/generate/Brief.h"
#include "model/Project.h"
#include "model/Result.h"

#include <string>
#include <vector>

namespace pianola::engine::generate {

/// The generator's name and version as it appears in Provenance::model.
inline constexpr const char* kModelName = "pianola-theory-1";
inline constexpr const char* kProviderName = "offline";

struct GenerateOptions
{
    bool sectionB = false; ///< a contrasting section: away from the tonic, busier, higher
};

/// One take for candidate `index` (0-based) of the brief: index 0 is the brief as asked, the
/// others vary complexity and density around it. Pure and thread-safe: call it from a worker.
model::Plan generatePlan(const Brief& brief, int index, const GenerateOptions& options = {});

/// `brief.candidates` takes, each with provenance (prompt, provider "offline", model
/// kModelName, the brief's seed). Errors (ValidationError) list every problem of the brief.
Result<std::vector<model::Take>> generate(const Brief& brief, const std::string& prompt,
                                          const GenerateOptions& options = {});

} // namespace pianola::engine::generate
