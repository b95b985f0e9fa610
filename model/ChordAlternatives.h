// SPDX-License-Identifier: MIT
// Other chords for one chord of the chord track, ranked for the key and the chords around it.
#pragma once

#include "model/ChordSymbol.h"

#include <optional>
#include <vector>

namespace pianola::model {

struct ChordAlternative
{
    enum class Kind {
        DiatonicSubstitute,
        Relative,
        SecondaryDominant,
        TritoneSubstitute,
        Borrowed
    };
    ChordSymbol symbol;
    Kind kind = Kind::DiatonicSubstitute;
    int score = 0; ///< higher first
};

/// Alternatives for `chord` in `key` between `previous` and `next` (if any), best first, at most
/// `count`, none equal to `chord`: diatonic chords sharing two tones with it, its relative, the
/// secondary dominant and the tritone substitute leading to `next` (or the tritone substitute of
/// a dominant `chord`), chords borrowed from the parallel key (iv, bVI, bVII in major; IV and I
/// in minor). Ranked by kind, by tones held in common with the neighbours, and in-key first.
std::vector<ChordAlternative> chordAlternatives(const ChordSymbol& chord, const KeySignature& key,
                                                const std::optional<ChordSymbol>& previous,
                                                const std::optional<ChordSymbol>& next,
                                                std::size_t count = 10);

} // namespace pianola::model
