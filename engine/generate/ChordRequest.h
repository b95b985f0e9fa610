// SPDX-License-Identifier: MIT
// Chat lines that ask for work on the chord track: refit the parts, harmonize, detect, change
// one bar's chord. Read before the arranger's intents (these name the chord track, not a part).
#pragma once

#include "model/ChordSymbol.h"

#include <optional>
#include <string>
#include <string_view>

namespace pianola::engine::generate {

struct ChordRequest
{
    enum class Kind { Refit, Harmonize, Detect, ChangeBar, FillGap };
    Kind kind = Kind::Refit;
    int bar = 0;         ///< ChangeBar, FillGap: 1-based (FillGap: the first bar)
    std::string quality; ///< ChangeBar: the new quality as a symbol suffix ("sus4", "m", "7")
    int lastBar = 0;     ///< FillGap: the last bar filled (1-based, >= bar)
    std::optional<model::ChordSymbol> before, after; ///< FillGap: "between C and G"
    std::string chip() const; ///< what was read ("chords: refit the following parts")
};

/// The chord request in `line` ("make the parts follow the new chords", "harmonize my melody",
/// "chords for this melody", "detect the chords", "make bar 4 a sus chord", "suggest chords for
/// bars 3-4 between C and G", "fill bars 3 to 4"), or nothing. Reads at most the first 2,000
/// bytes.
std::optional<ChordRequest> readChordRequest(std::string_view line);

} // namespace pianola::engine::generate
