// SPDX-License-Identifier: MIT
// Names for analysis values: pitch classes, chord symbols, keys.
#include "model/Analysis.h"

namespace pianola::model::analysis {

const char* pitchClassName(int pitchClass)
{
    static const char* const kNames[12] = {"C",  "C#", "D",  "Eb", "E",  "F",
                                           "F#", "G",  "Ab", "A",  "Bb", "B"};
    return kNames[((pitchClass % 12) + 12) % 12];
}

std::string chordSuffix(const std::string& quality)
{
    static const struct
    {
        const char* quality;
        const char* suffix;
    } kSuffixes[] = {{"maj", ""},    {"min", "m"},     {"min7", "m7"}, {"hdim7", "m7b5"},
                     {"min9", "m9"}, {"min11", "m11"}, {"min6", "m6"}, {"aug", "+"}};
    for (const auto& s : kSuffixes)
        if (quality == s.quality) return s.suffix;
    return quality;
}

std::string chordSymbol(const Chord& chord)
{
    std::string s = pitchClassName(chord.root);
    s += chordSuffix(chord.quality);
    if (chord.bass != chord.root) {
        s += '/';
        s += pitchClassName(chord.bass);
    }
    return s;
}

std::string keyName(const Key& key)
{
    return std::string(pitchClassName(key.tonic)) + (key.minor ? " minor" : " major");
}

} // namespace pianola::model::analysis
