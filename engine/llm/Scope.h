// SPDX-License-Identifier: MIT
// What a request is narrowed to in the app (the chat dock's scope line, the Regenerate actions):
// one track and/or some bars of the parent take; everything outside stays as it was.
#pragma once

#include "engine/generate/Arranger.h"
#include "engine/generate/Intent.h"
#include "model/Project.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pianola::engine::llm {

struct RequestScope
{
    std::optional<std::size_t> track; ///< a track of the parent (index), else every part
    int fromBar = 0, toBar = 0;       ///< bars from 1, inclusive; 0 = the whole take
    bool regenerate = false;          ///< a Regenerate action (no words): regenerate the scope
    bool narrowed() const { return track.has_value() || fromBar > 0; }
    friend bool operator==(const RequestScope&, const RequestScope&) = default;
};

/// A line's intent read against the scope, as the arranger and the variation reader need it.
struct ScopedIntent
{
    generate::Intent intent;
    /// Add/Replace/Remove/Lock: the part requests, in order (several when every part of a bar
    /// range is regenerated).
    std::vector<generate::PartRequest> parts;
    /// A change (variation) narrowed to the scope: vary a parent with everything outside the
    /// scope locked, then give the notes their own locks back (restoreOwnLocks).
    bool lockOutside = false;
};

/// Narrows `intent` (read from `prompt` with `parent` playing) to `scope`. A line that names no
/// part applies to the scope's track ("simpler" with the bass chosen); a regeneration that names
/// no bars takes the scope's bars ("new drums" with bars 5-8 chosen); a Regenerate action, or a
/// line that only says "regenerate" / "again", regenerates the scope: its track, or every
/// unlocked part with notes in its bars (a Regenerate action without a narrowed scope: in the
/// whole take). Otherwise, without a scope: the intent as read. Pure.
ScopedIntent narrowIntent(const generate::Intent& intent, const RequestScope& scope,
                          const model::Plan& parent, std::string_view prompt);

/// `parent` with every track but the scope's locked and, with bars, every note outside them
/// locked: what a variation may not touch.
model::Plan lockOutsideScope(model::Plan parent, const RequestScope& scope);
/// Gives the tracks and notes of `made` (a variation of lockOutsideScope(parent)) the locks
/// they have in `parent` (matched by track id, by index for tracks without one, and note id).
void restoreOwnLocks(const model::Plan& parent, model::Plan& made);

/// One line for a language model: "track 2 (Bass), bars 5-8"; empty without a scope.
std::string describeScope(const RequestScope& scope, const model::Plan& parent);

} // namespace pianola::engine::llm
