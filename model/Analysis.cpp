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

const char* keyTonicName(int tonic, bool minor)
{
    // The spelling with the fewer accidentals in its key signature (F# major and Eb minor,
    // six either way, as most music is written).
    static const char* const kMajor[12] = {"C",  "Db", "D",  "Eb", "E",  "F",
                                           "F#", "G",  "Ab", "A",  "Bb", "B"};
    static const char* const kMinor[12] = {"C",  "C#", "D",  "Eb", "E",  "F",
                                           "F#", "G",  "G#", "A",  "Bb", "B"};
    return (minor ? kMinor : kMajor)[((tonic % 12) + 12) % 12];
}

std::string keyName(const Key& key)
{
    return std::string(keyTonicName(key.tonic, key.minor)) + (key.minor ? " minor" : " major");
}

} // namespace pianola::model::analysis
