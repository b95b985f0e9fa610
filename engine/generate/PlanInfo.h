// SPDX-License-Identifier: MIT
// What a plan without a brief is: meter, bars, key (from the signature or the notes), each
// track's role, the swing it is played with. Used by variations of any take, even a plain .mid.
#pragma once

#include "engine/generate/Brief.h"
#include "model/Plan.h"

#include <optional>
#include <vector>

namespace pianola::engine::generate {

struct PlanInfo
{
    model::Tick barTicks = 1920;
    int bars = 1;
    int numerator = 4, denominator = 4;
    double bpm = 120;
    int tonic = 0;
    bool minor = false;
    std::vector<std::optional<Role>> roles; ///< per track; nullopt: no notes
    double swing = 50;                      ///< percent, from the off-beat eighths
};

/// Key from pitch content: Krumhansl-Schmuckler (duration-weighted pitch classes correlated with
/// the Krumhansl-Kessler profiles of all 24 keys). Drum tracks (channel 9) are ignored.
void estimateKey(const model::Plan& plan, int& tonic, bool& minor);
/// The same, choosing only between the two keys of `frame` (its major and its relative minor).
void estimateKeyInFrame(const model::Plan& plan, int frame, int& tonic, bool& minor);

/// Role of a track: by its name first ("Bass", "Drums"), else by channel 9, GM program,
/// register and polyphony.
std::optional<Role> inferRole(const model::Track& track);

PlanInfo inferPlanInfo(const model::Plan& plan);

/// A brief that would produce something like the plan: its key, tempo, meter, bars and parts.
Brief briefFromPlan(const model::Plan& plan, const PlanInfo& info);

} // namespace pianola::engine::generate
