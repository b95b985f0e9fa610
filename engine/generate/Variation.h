// SPDX-License-Identifier: MIT
// Variations of an existing take from a short instruction ("darker", "harder kick", "add a fill at
// bar 4", "transpose up 2", "double time", "a B section"); what is not asked for stays as it was.
#pragma once

#include "model/Plan.h"
#include "model/Project.h"
#include "model/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pianola::engine::generate {

struct VariationResult
{
    model::Plan plan;
    std::vector<std::string> changes;       ///< one line per change made, for the user
    std::vector<std::string> notUnderstood; ///< words of the instruction left unused
    std::vector<std::string> notDone; ///< understood but not done, and why (also in `changes`)
};

/// Operations that multiply notes (double time, busier, making a take longer) are not done when
/// they would take the plan past this many notes, or past its own size if it is already bigger;
/// the changes say so. Bounds the time and memory one instruction can cost.
inline constexpr std::int64_t kMaxVariationNotes = 200'000;

/// What vary() understands, one line per kind of instruction.
std::string variationHelp();

/// Applies the instruction's changes (clauses joined by "and" or commas) to a copy of `plan`.
/// Tracks a change does not touch are copied unchanged. Error (InvalidArgument) when nothing in
/// the instruction is understood (the message lists what is); TooLarge when the instruction is
/// over kMaxPromptBytes or nothing understood could be done within kMaxVariationNotes (the
/// message says why); ValidationError when everything it would change is locked; Unsupported
/// when the plan is coarser than kMinGridPpq ticks a quarter note. Pure and thread-safe.
/// `index` > 0 reads what the words leave open another way (a candidate: how much harder, which
/// darker scale); 0 is the plain reading.
Result<VariationResult> vary(const model::Plan& plan, std::string_view instruction,
                             std::uint64_t seed, int index = 0);

/// vary() on a take: a new take (id 0, for the project to assign) named after its parent, with
/// provenance prompt = the instruction, provider "offline", the generator's model, `seed` and
/// parentTake = parent.id. `changes` (if given) receives what was done, `notUnderstood` (if
/// given) the words left unused. The take's name says this step only (takeStepName), not the
/// steps before it.
Result<model::Take> varyTake(const model::Take& parent, std::string_view instruction,
                             std::uint64_t seed, std::vector<std::string>* changes = nullptr,
                             std::vector<std::string>* notUnderstood = nullptr, int index = 0);

} // namespace pianola::engine::generate
