// SPDX-License-Identifier: MIT
// Internal to the interpreter: the phrases it knows and what each one asks for.
#pragma once

#include "engine/generate/Brief.h"

#include <string_view>
#include <vector>

namespace pianola::engine::generate::lexicon {

enum class Kind {
    Genre,
    Mood,
    Mode,
    Instrument,
    FullArrangement,
    Only,
    Without,
    With,
    TempoWord,
    Density,
    Complexity,
    Humanize,
    Quantize,
    Swing,
    Straight,
    Extension,
    Sus,
    Add9,
    Voicing,
    Register,
    Backbeat,
    Clap,
    FourOnTheFloor,
    Ghost,
    Crash,
    Fill,
    TripletRoll,
    BassRoots,
    BassKick,
    Filler,
    BarWord,
    Candidates,
    KeyWord,
    Sound, ///< sound design MIDI cannot carry ("vinyl crackle", "reverb", "sidechain")
    Degree ///< a = percent of a step: "a little" 50, "much" 200, "less" -100 (the next change)
};

/// One phrase: space-separated lower-case words; `a`, `b` depend on the kind (a genre, a role
/// and program, a value in hundredths...).
struct Entry
{
    std::string_view phrase;
    Kind kind;
    int a = 0;
    int b = -1;
};

/// Every phrase, longest match wins at each position of the prompt.
const std::vector<Entry>& entries();
/// Words that carry no request ("a", "with", "please") and are never reported as not understood.
bool isStopWord(std::string_view word);

} // namespace pianola::engine::generate::lexicon
