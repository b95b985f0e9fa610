// SPDX-License-Identifier: MIT
// Chord symbols ("Fmaj9", "Bb/D", "C7#9", "N.C."): parsed into parts and tones, spelled for a key.
#pragma once

#include "model/Plan.h"
#include "model/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pianola::model {

/// The parts of a chord symbol. Spellings that mean the same chord compare equal (Cmin7 == C-7 ==
/// Cm7, Bb/D == A#/D); `suffix()` is the one canonical spelling of the quality.
struct ChordSymbol
{
    enum class Third : std::uint8_t { Major, Minor, Sus2, Sus4, None }; ///< None: power chord
    enum class Fifth : std::uint8_t { Perfect, Flat, Sharp };
    enum class Seventh : std::uint8_t { None, Sixth, Minor, Major, Diminished };
    enum Alteration : std::uint8_t { kFlat9 = 1, kSharp9 = 2, kSharp11 = 4, kFlat13 = 8 };
    enum Add : std::uint8_t { kAdd9 = 1, kAdd11 = 2, kAdd13 = 4 };

    bool noChord = false; ///< "N.C.": no harmony; every other field is at its default
    int root = 0;         ///< pitch class 0..11
    Third third = Third::Major;
    Fifth fifth = Fifth::Perfect;
    Seventh seventh = Seventh::None;
    int extension = 0;            ///< 0, 9, 11 or 13 (only with a minor or major seventh)
    std::uint8_t alterations = 0; ///< Alteration bits
    std::uint8_t adds = 0;        ///< Add bits
    int bass = -1;                ///< slash bass pitch class, -1 = the root

    /// The quality as written after the root: "", "m", "maj9", "m7b5", "7#9", "6/9", "7sus4".
    std::string suffix() const;
    /// Pitch classes that sound: root first, then third, fifth, seventh, extensions, alterations,
    /// added tones; a slash bass that is not a chord tone last. Empty for N.C.
    std::vector<int> tones() const;
    friend bool operator==(const ChordSymbol&, const ChordSymbol&) = default;
};

/// Longest symbol accepted (bytes); longer input is an error, so parsing is bounded.
inline constexpr std::size_t kMaxChordSymbolBytes = 64;

/// Parses a symbol (surrounding spaces ignored). Roots A-G with one # or b (also ♯ ♭); qualities
/// m min mi - maj M Δ dim o ° ø aug + sus sus2 sus4 5 6 7 9 11 13 6/9 69, alterations b5 #5 b9 #9
/// #11 b13 (also -/+, in parentheses or not), add9 add2 add11 add4 add13 add6, a slash bass;
/// N.C. / NC. Errors (ParseError) say what and at which character (1-based, UTF-8 characters).
Result<ChordSymbol> parseChordSymbol(std::string_view text);

/// The pitch class's name in the key: by the key's scale degree (Bb in F major, Bb never A# in A
/// minor; F# in C major, the raised fourth), with the enharmonic plain name when the degree
/// would need a double accidental.
std::string spellPitchClass(int pitchClass, const KeySignature& key = {});
/// The symbol spelled for the key ("N.C." for no chord); parses back to an equal symbol.
std::string chordSymbolText(const ChordSymbol& symbol, const KeySignature& key = {});

/// The symbol a plan chord stands for (root, quality, slash bass), or the parse error.
Result<ChordSymbol> chordSymbolOf(const PlanChord& chord);
/// A plan chord over [startTick, startTick + lengthTicks) with the symbol's canonical quality
/// and tones (N.C. is not a plan chord: the caller leaves a gap).
PlanChord planChordOf(const ChordSymbol& symbol, Tick startTick, Tick lengthTicks);

} // namespace pianola::model
