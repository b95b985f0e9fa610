// SPDX-License-Identifier: MIT
// Chat lines that ask for work on the chord track: refit the parts, harmonize, detect, change
// one bar's chord. Read before the arranger's intents (these name the chord track, not a part).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pianola::engine::generate {

struct ChordRequest
{
    enum class Kind { Refit, Harmonize, Detect, ChangeBar };
    Kind kind = Kind::Refit;
    int bar = 0;              ///< ChangeBar: 1-based
    std::string quality;      ///< ChangeBar: the new quality as a symbol suffix ("sus4", "m", "7")
    std::string chip() const; ///< what was read ("chords: refit the following parts")
};

/// The chord request in `line` ("make the parts follow the new chords", "harmonize my melody",
/// "chords for this melody", "detect the chords", "make bar 4 a sus chord"), or nothing. Reads at
/// most the first 2,000 bytes.
std::optional<ChordRequest> readChordRequest(std::string_view line);

} // namespace pianola::engine::generate
