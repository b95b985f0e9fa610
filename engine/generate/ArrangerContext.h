// SPDX-License-Identifier: MIT
// Internal to the arranger: the brief, harmony, kick onsets and part a take implies for one
// request, with the chips that say where each came from.
#pragma once

#include "engine/generate/Arranger.h"
#include "engine/generate/Parts.h"

#include <memory>

namespace pianola::engine::generate {

struct PartContext
{
    std::unique_ptr<Brief> brief; ///< stable: ctx refers to it
    std::unique_ptr<Context> ctx;
    Part part;
    std::uint64_t seed = 1;
    std::vector<std::string> chips; ///< tempo, key, harmony, feel, density: from the take or asked
    std::string feelChip;           ///< ", swing 62% asked (the take: 50%)"
    std::vector<std::string> problems; ///< impossible words ("900 bpm")
    bool tempoChanged = false;         ///< the words name another tempo for the whole take
    bool harmonyChanged = false;       ///< a new progression (regenerated chords)

    /// The plan's chords after the request: the new progression inside [from, to), `old` (or the
    /// take's harmony) outside.
    std::vector<model::PlanChord> harmony(Tick from, Tick to,
                                          const std::vector<model::PlanChord>& old) const;
};

/// A regenerated region (`region`: the new notes inside [from, to)) joined to `old`, the part's
/// notes around it: moved by octaves, and its first and last onsets folded, so that it leads
/// from the last note before the region and into the first one after it (RegionJoin.cpp).
void joinRegion(Notes& region, const Notes& old, Tick from, Tick to, int lowKey, int highKey);

/// Everything the part needs from the take and the words. `target` is the track regenerated.
PartContext partContext(const model::Plan& take, const PartRequest& request, std::string_view words,
                        std::uint64_t seed, int index, std::optional<std::size_t> target);

} // namespace pianola::engine::generate
