// SPDX-License-Identifier: MIT
// An analysis as JSON (resources/schemas/analysis.schema.json) or as a human-readable report.
#pragma once

#include "model/Analysis.h"

#include <string>

namespace pianola::engine::analysis {

/// One JSON object on one line (JSON Lines friendly); `file` is written first when not empty.
/// Seconds have 3 decimals, ratios 3.
std::string analysisToJson(const model::analysis::Analysis& analysis, const std::string& file = {});

/// A readable multi-line report headed by `file`.
std::string analysisToText(const model::analysis::Analysis& analysis, const std::string& file);

} // namespace pianola::engine::analysis
