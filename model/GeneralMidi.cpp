// SPDX-License-Identifier: MIT
// General MIDI Level 1 names (programs, percussion key map) and the usual controller names.
#include "model/GeneralMidi.h"

#include <array>

namespace pianola::model::gm {

namespace {
constexpr std::array<const char*, 128> kPrograms = {"Acoustic Grand Piano",
                                                    "Bright Acoustic Piano",
                                                    "Electric Grand Piano",
                                                    "Honky-tonk Piano",
                                                    "Electric Piano 1 (Rhodes)",
                                                    "Electric Piano 2",
                                                    "Harpsichord",
                                                    "Clavinet",
                                                    "Celesta",
                                                    "Glockenspiel",
                                                    "Music Box",
                                                    "Vibraphone",
                                                    "Marimba",
                                                    "Xylophone",
                                                    "Tubular Bells",
                                                    "Dulcimer",
                                                    "Drawbar Organ",
                                                    "Percussive Organ",
                                                    "Rock Organ",
                                                    "Church Organ",
                                                    "Reed Organ",
                                                    "Accordion",
                                                    "Harmonica",
                                                    "Tango Accordion",
                                                    "Acoustic Guitar (nylon)",
                                                    "Acoustic Guitar (steel)",
                                                    "Electric Guitar (jazz)",
                                                    "Electric Guitar (clean)",
                                                    "Electric Guitar (muted)",
                                                    "Overdriven Guitar",
                                                    "Distortion Guitar",
                                                    "Guitar Harmonics",
                                                    "Acoustic Bass",
                                                    "Electric Bass (finger)",
                                                    "Electric Bass (pick)",
                                                    "Fretless Bass",
                                                    "Slap Bass 1",
                                                    "Slap Bass 2",
                                                    "Synth Bass 1",
                                                    "Synth Bass 2",
                                                    "Violin",
                                                    "Viola",
                                                    "Cello",
                                                    "Contrabass",
                                                    "Tremolo Strings",
                                                    "Pizzicato Strings",
                                                    "Orchestral Harp",
                                                    "Timpani",
                                                    "String Ensemble 1",
                                                    "String Ensemble 2",
                                                    "Synth Strings 1",
                                                    "Synth Strings 2",
                                                    "Choir Aahs",
                                                    "Voice Oohs",
                                                    "Synth Voice",
                                                    "Orchestra Hit",
                                                    "Trumpet",
                                                    "Trombone",
                                                    "Tuba",
                                                    "Muted Trumpet",
                                                    "French Horn",
                                                    "Brass Section",
                                                    "Synth Brass 1",
                                                    "Synth Brass 2",
                                                    "Soprano Sax",
                                                    "Alto Sax",
                                                    "Tenor Sax",
                                                    "Baritone Sax",
                                                    "Oboe",
                                                    "English Horn",
                                                    "Bassoon",
                                                    "Clarinet",
                                                    "Piccolo",
                                                    "Flute",
                                                    "Recorder",
                                                    "Pan Flute",
                                                    "Blown Bottle",
                                                    "Shakuhachi",
                                                    "Whistle",
                                                    "Ocarina",
                                                    "Lead 1 (square)",
                                                    "Lead 2 (sawtooth)",
                                                    "Lead 3 (calliope)",
                                                    "Lead 4 (chiff)",
                                                    "Lead 5 (charang)",
                                                    "Lead 6 (voice)",
                                                    "Lead 7 (fifths)",
                                                    "Lead 8 (bass + lead)",
                                                    "Pad 1 (new age)",
                                                    "Pad 2 (warm)",
                                                    "Pad 3 (polysynth)",
                                                    "Pad 4 (choir)",
                                                    "Pad 5 (bowed)",
                                                    "Pad 6 (metallic)",
                                                    "Pad 7 (halo)",
                                                    "Pad 8 (sweep)",
                                                    "FX 1 (rain)",
                                                    "FX 2 (soundtrack)",
                                                    "FX 3 (crystal)",
                                                    "FX 4 (atmosphere)",
                                                    "FX 5 (brightness)",
                                                    "FX 6 (goblins)",
                                                    "FX 7 (echoes)",
                                                    "FX 8 (sci-fi)",
                                                    "Sitar",
                                                    "Banjo",
                                                    "Shamisen",
                                                    "Koto",
                                                    "Kalimba",
                                                    "Bagpipe",
                                                    "Fiddle",
                                                    "Shanai",
                                                    "Tinkle Bell",
                                                    "Agogo",
                                                    "Steel Drums",
                                                    "Woodblock",
                                                    "Taiko Drum",
                                                    "Melodic Tom",
                                                    "Synth Drum",
                                                    "Reverse Cymbal",
                                                    "Guitar Fret Noise",
                                                    "Breath Noise",
                                                    "Seashore",
                                                    "Bird Tweet",
                                                    "Telephone Ring",
                                                    "Helicopter",
                                                    "Applause",
                                                    "Gunshot"};
constexpr std::array<const char*, 16> kFamilies = {"Piano",         "Chromatic Percussion",
                                                   "Organ",         "Guitar",
                                                   "Bass",          "Strings",
                                                   "Ensemble",      "Brass",
                                                   "Reed",          "Pipe",
                                                   "Synth Lead",    "Synth Pad",
                                                   "Synth Effects", "Ethnic",
                                                   "Percussive",    "Sound Effects"};
constexpr std::array<const char*, 47> kDrumKeys = {"Acoustic Bass Drum",
                                                   "Bass Drum 1",
                                                   "Side Stick",
                                                   "Acoustic Snare",
                                                   "Hand Clap",
                                                   "Electric Snare",
                                                   "Low Floor Tom",
                                                   "Closed Hi-Hat",
                                                   "High Floor Tom",
                                                   "Pedal Hi-Hat",
                                                   "Low Tom",
                                                   "Open Hi-Hat",
                                                   "Low-Mid Tom",
                                                   "Hi-Mid Tom",
                                                   "Crash Cymbal 1",
                                                   "High Tom",
                                                   "Ride Cymbal 1",
                                                   "Chinese Cymbal",
                                                   "Ride Bell",
                                                   "Tambourine",
                                                   "Splash Cymbal",
                                                   "Cowbell",
                                                   "Crash Cymbal 2",
                                                   "Vibraslap",
                                                   "Ride Cymbal 2",
                                                   "Hi Bongo",
                                                   "Low Bongo",
                                                   "Mute Hi Conga",
                                                   "Open Hi Conga",
                                                   "Low Conga",
                                                   "High Timbale",
                                                   "Low Timbale",
                                                   "High Agogo",
                                                   "Low Agogo",
                                                   "Cabasa",
                                                   "Maracas",
                                                   "Short Whistle",
                                                   "Long Whistle",
                                                   "Short Guiro",
                                                   "Long Guiro",
                                                   "Claves",
                                                   "Hi Wood Block",
                                                   "Low Wood Block",
                                                   "Mute Cuica",
                                                   "Open Cuica",
                                                   "Mute Triangle",
                                                   "Open Triangle"};

struct Named
{
    int number;
    const char* name;
};
constexpr Named kKits[] = {{0, "Standard Kit"},    {8, "Room Kit"},       {16, "Power Kit"},
                           {24, "Electronic Kit"}, {25, "TR-808 Kit"},    {32, "Jazz Kit"},
                           {40, "Brush Kit"},      {48, "Orchestra Kit"}, {56, "SFX Kit"}};
constexpr Named kControllers[] = {
    {0, "Bank Select"},     {1, "Modulation"}, {2, "Breath"},        {4, "Foot Controller"},
    {5, "Portamento Time"}, {7, "Volume"},     {8, "Balance"},       {10, "Pan"},
    {11, "Expression"},     {64, "Sustain"},   {65, "Portamento"},   {66, "Sostenuto"},
    {67, "Soft Pedal"},     {71, "Resonance"}, {72, "Release Time"}, {73, "Attack Time"},
    {74, "Brightness"},     {91, "Reverb"},    {93, "Chorus"}};

template <typename Table> std::string lookup(const Table& table, int number)
{
    for (const Named& n : table)
        if (n.number == number) return n.name;
    return {};
}
} // namespace

std::string programName(int program)
{
    return program >= 0 && program < 128 ? kPrograms[static_cast<std::size_t>(program)] : "";
}

std::string familyName(int program)
{
    return program >= 0 && program < 128 ? kFamilies[static_cast<std::size_t>(program / 8)] : "";
}

std::string drumKitName(int program)
{
    return lookup(kKits, program);
}

std::string drumKeyName(int key)
{
    return key >= 35 && key <= 81 ? kDrumKeys[static_cast<std::size_t>(key - 35)] : "";
}

std::string drumKeyShortName(int key)
{
    static constexpr std::array<const char*, 47> kShort = {
        "Kick 2",     "Kick",       "Side Stick", "Snare",      "Clap",     "E-Snare",
        "Lo Floor",   "Closed HH",  "Hi Floor",   "Pedal HH",   "Low Tom",  "Open HH",
        "Lo-Mid Tom", "Hi-Mid Tom", "Crash",      "High Tom",   "Ride",     "China",
        "Ride Bell",  "Tambourine", "Splash",     "Cowbell",    "Crash 2",  "Vibraslap",
        "Ride 2",     "Hi Bongo",   "Lo Bongo",   "Mute Conga", "Hi Conga", "Lo Conga",
        "Hi Timbale", "Lo Timbale", "Hi Agogo",   "Lo Agogo",   "Cabasa",   "Maracas",
        "Whistle",    "Whistle L",  "Guiro",      "Guiro L",    "Claves",   "Hi Block",
        "Lo Block",   "Cuica Mute", "Cuica",      "Mute Tri",   "Triangle"};
    return key >= kFirstDrumKey && key <= kLastDrumKey
               ? kShort[static_cast<std::size_t>(key - kFirstDrumKey)]
               : "";
}

std::string controllerName(int controller)
{
    return lookup(kControllers, controller);
}

} // namespace pianola::model::gm
