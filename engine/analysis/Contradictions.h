// SPDX-License-Identifier: MIT
// Statements of a language model's interpretation that contradict the measured analysis.
#pragma once

#include "model/Analysis.h"

#include <string>
#include <string_view>
#include <vector>

namespace pianola::engine::analysis {

/// One statement of an interpretation that the analysis contradicts, as values (the app words
/// it, translated).
struct Contradiction
{
    enum class Kind {
        DrumsNamed,  ///< it speaks of drums; the analysis found none
        DrumsDenied, ///< it says there are no drums; the analysis found `drumHits`
        Key,         ///< it names key `said` ("E minor"); the analysis estimates `key`
        Tempo,       ///< it says `said` bpm ("90"); the analysis measured `bpm` (mean)
        Meter, ///< it says meter `said` ("3/4"); the piece is in `meterNumerator`/`...Denominator`
    };
    Kind kind = Kind::DrumsNamed;
    std::string said; ///< the interpretation's own words for it (Key, Tempo, Meter)
    int drumHits = 0;
    model::analysis::Key key;
    double bpm = 0;
    int meterNumerator = 4, meterDenominator = 4;

    friend bool operator==(const Contradiction&, const Contradiction&) = default;
};

/// What `text` (a model's interpretation of `facts`) says that the analysis contradicts, in this
/// order, at most one of each kind: drums named in a piece without drums (or "no drums" in one
/// with them), a key that is neither the estimate nor a key region, a tempo in bpm more than 5%
/// from every measured tempo, a meter ("3/4") other than the piece's. Empty when nothing
/// contradicts. Reads at most the first 4096 bytes of `text`.
std::vector<Contradiction> contradictions(std::string_view text,
                                          const model::analysis::Analysis& facts);

} // namespace pianola::engine::analysis
