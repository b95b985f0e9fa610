// SPDX-License-Identifier: MIT
// The offline narrative: deterministic prose from the features, plus suggestions as chat requests.
#pragma once

#include "model/Analysis.h"

namespace pianola::engine::analysis {

/// Fills `narrative` (tempo, density, articulation, harmony, feel) and one or two `suggestions`
/// phrased as requests the generator can act on ("add more swing", "add a fill on bar 8").
void addNarrative(model::analysis::Analysis& analysis);

} // namespace pianola::engine::analysis
