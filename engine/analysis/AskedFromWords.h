// SPDX-License-Identifier: MIT
// What the offline interpreter understood, as the checklist's Asked.
#pragma once

#include "engine/analysis/Checklist.h"
#include "engine/generate/Interpreter.h"

#include <string_view>

namespace pianola::engine::analysis {

/// The things `in` says were named, with the brief's values (a named "slow" is the brief's bpm).
Asked askedFrom(const generate::Interpretation& in);

/// interpret(words) then askedFrom(); with `parent`, also what changed against it.
Asked askedFromWords(std::string_view words, const model::Plan* parent = nullptr);

} // namespace pianola::engine::analysis
