// SPDX-License-Identifier: MIT
// Statements of a language model's interpretation that contradict the measured analysis.
#pragma once

#include "model/Analysis.h"

#include <string>
#include <string_view>
#include <vector>

namespace pianola::engine::analysis {

/// What `text` (a model's interpretation of `facts`) says that the analysis contradicts, one
/// sentence each: drums named in a piece without drums (or "no drums" in one with them), a key
/// that is neither the estimate nor a key region, a tempo in bpm more than 5% from every
/// measured tempo, a meter ("3/4") other than the piece's. Empty when nothing contradicts.
/// Reads at most the first 4096 bytes of `text`.
std::vector<std::string> contradictions(std::string_view text,
                                        const model::analysis::Analysis& facts);

} // namespace pianola::engine::analysis
