// SPDX-License-Identifier: MIT
// A take in another meter with its bars kept as bars: "make it 3/4" renumbers nothing.
#pragma once

#include "model/Plan.h"

namespace pianola::engine::generate {

/// `plan` in `numerator`/`denominator` with bar k still bar k: every event keeps its place in its
/// bar; what starts beyond a shorter bar's end is cut (notes, controllers), a note that reached
/// the old bar's end reaches the new one, and a longer bar repeats its first beats in the room
/// it gains. Tempo, key and chord changes move with their bars, so bar numbers, regions
/// ("bars 5-8") and the chords of each bar stay consistent. The plan's meter must be constant
/// (the first time signature is read). Pure.
model::Plan rebar(const model::Plan& plan, int numerator, int denominator);

} // namespace pianola::engine::generate
