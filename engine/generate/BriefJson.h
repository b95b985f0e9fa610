// SPDX-License-Identifier: MIT
// Brief <-> JSON (resources/schemas/brief.schema.json): the form an LLM fills in "brief" mode.
#pragma once

#include "engine/generate/Brief.h"
#include "model/PlanJson.h"
#include "model/Result.h"

#include <string>
#include <string_view>

namespace pianola::engine::generate {

/// Every field, in schema order. `indent` < 0: one line.
std::string briefToJson(const Brief& brief, int indent = 2);

struct BriefReadResult
{
    Brief brief;
    model::ValidationReport report; ///< warnings (unknown fields) on success
};

/// Reads a brief. Fields left out take the defaults of the brief's "genre" (pop if none), so a
/// partial brief is complete. Errors (ValidationError, ParseError, TooLarge) name every problem
/// with its JSON path, one per line, like plan JSON.
Result<BriefReadResult> briefFromJson(std::string_view text);

} // namespace pianola::engine::generate
