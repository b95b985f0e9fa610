// SPDX-License-Identifier: MIT
// What a model's plan may change of the take it was asked to work on: the part and bars the
// request names, never a locked track or note.
#pragma once

#include "model/Plan.h"
#include "model/Result.h"

#include <string_view>

namespace pianola::engine::llm {

/// Checks `reply` (a whole plan the model wrote for `prompt`) against `parent`, the take it was
/// asked to change: locked tracks and locked notes are unchanged; a line that adds, regenerates
/// or removes a part (engine::generate::readIntent) changes only that part's tracks (and, for a
/// region, only its bars); other tracks are all there, as they were. Error (ValidationError):
/// one line per problem, "tracks[i]: why" (i: the parent's track), for the correction round.
/// Notes are compared by key, start, length and velocity (a model writes no ids).
Result<void> checkReplyScope(const model::Plan& parent, const model::Plan& reply,
                             std::string_view prompt);

} // namespace pianola::engine::llm
