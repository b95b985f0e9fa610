// SPDX-License-Identifier: MIT
// Generation in context: add, regenerate (whole or a bar region), remove or lock one part of an
// existing take, written for that take (its tempo, meter, length, key, feel and harmony).
#pragma once

#include "engine/generate/Brief.h"
#include "model/Plan.h"
#include "model/Result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pianola::engine::generate {

enum class PartAction { Add, Regenerate, Remove, Lock };

struct PartRequest
{
    PartAction action = PartAction::Add;
    Role role = Role::Chords;
    int fromBar = 0, toBar = 0; ///< region, bars counted from 1, inclusive; 0 = whole take
    bool secondLayer = false;   ///< a second drum track is wanted ("a second percussion layer")
    bool keepRhythm = false;    ///< "re-roll the chords but keep the rhythm": same onsets
    std::optional<std::size_t> track; ///< Regenerate this track (index; the app's scope), not
                                      ///< the first of the role
    std::optional<Genre> genreHint;   ///< the style the take was made in, when known
    /// A model's brief for the part (LLM brief mode): its genre, mood, density, complexity,
    /// chord colour, swing and the part's program and register replace what the words say; the
    /// take still gives tempo, meter, key and length.
    std::shared_ptr<const Brief> brief;
};

struct ArrangeResult
{
    model::Plan plan;
    /// What was read and what it applies to, one chip each: "add part: drums, 8 bars, swing 62%
    /// asked (the take: 50%)", "chords: from the take", "tempo: 78 bpm from the take".
    std::vector<std::string> chips;
};

/// Does `request` to a copy of `take`, reading the part's own words (`words`: instrument, feel,
/// directives) the way the interpreter reads a prompt. What the request does not name stays
/// byte-identical: other tracks, other bars, controllers, tempo map (unless the words name a
/// new tempo: then the chips say the whole take changed). Locked tracks and notes never change.
/// Candidate `index` > 0 varies density, complexity and the random choices. Errors
/// (InvalidArgument) say why nothing can change: the part is missing, locked, or the region is
/// outside the take, or the take's resolution is coarser than kMinGridPpq. Pure and
/// thread-safe.
Result<ArrangeResult> arrange(const model::Plan& take, const PartRequest& request,
                              std::string_view words, std::uint64_t seed, int index = 0);

/// The take's harmony as the generator reads it: the plan's chords when it has them, else the
/// chords engine/analysis finds (snapped to beats), else the tonic triad over the whole take.
std::vector<model::PlanChord> takeHarmony(const model::Plan& take);

/// Copies locked tracks and locked notes of `before` over `after` (tracks matched by index when
/// both have as many, else by name and channel; a locked track missing from `after` comes
/// back): what a variation or refit must never change. True if anything differed.
bool restoreLocked(const model::Plan& before, model::Plan& after);

} // namespace pianola::engine::generate
