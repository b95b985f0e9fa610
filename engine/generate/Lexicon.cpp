// SPDX-License-Identifier: MIT
// The interpreter's vocabulary: genres, moods, instruments (GM programs), feel and drum directives.
#include "engine/generate/Lexicon.h"

#include <algorithm>
#include <array>

namespace pianola::engine::generate::lexicon {

namespace {
constexpr int g(Genre x)
{
    return static_cast<int>(x);
}
constexpr int m(Mood x)
{
    return static_cast<int>(x);
}
constexpr int r(Role x)
{
    return static_cast<int>(x);
}
constexpr int md(Mode x)
{
    return static_cast<int>(x);
}
constexpr int v(Voicing x)
{
    return static_cast<int>(x);
}
using K = Kind;
using G = Genre;
using M = Mood;
using R = Role;

// clang-format off
const std::vector<Entry> kEntries = {
    // genres
    {"pop", K::Genre, g(G::Pop)}, {"rock", K::Genre, g(G::Rock)}, {"lo fi", K::Genre, g(G::LoFi)},
    {"lofi", K::Genre, g(G::LoFi)}, {"chillhop", K::Genre, g(G::LoFi)}, {"hip hop", K::Genre, g(G::HipHop)},
    {"hiphop", K::Genre, g(G::HipHop)}, {"boom bap", K::Genre, g(G::HipHop)}, {"boombap", K::Genre, g(G::HipHop)},
    {"rap", K::Genre, g(G::HipHop)}, {"trap", K::Genre, g(G::Trap)}, {"drill", K::Genre, g(G::Trap)},
    {"house", K::Genre, g(G::House)}, {"deep house", K::Genre, g(G::House)}, {"edm", K::Genre, g(G::House)},
    {"disco", K::Genre, g(G::House)}, {"techno", K::Genre, g(G::Techno)}, {"drum and bass", K::Genre, g(G::DrumAndBass)},
    {"drum & bass", K::Genre, g(G::DrumAndBass)}, {"drum n bass", K::Genre, g(G::DrumAndBass)},
    {"drum'n'bass", K::Genre, g(G::DrumAndBass)}, {"dnb", K::Genre, g(G::DrumAndBass)}, {"d&b", K::Genre, g(G::DrumAndBass)},
    {"jungle", K::Genre, g(G::DrumAndBass)}, {"liquid", K::Genre, g(G::DrumAndBass)}, {"jazz", K::Genre, g(G::Jazz)},
    {"bebop", K::Genre, g(G::Jazz)}, {"swing jazz", K::Genre, g(G::Jazz)}, {"neo soul", K::Genre, g(G::NeoSoul)},
    {"neosoul", K::Genre, g(G::NeoSoul)}, {"soul", K::Genre, g(G::NeoSoul)}, {"r&b", K::Genre, g(G::RnB)},
    {"rnb", K::Genre, g(G::RnB)}, {"r and b", K::Genre, g(G::RnB)}, {"funk", K::Genre, g(G::Funk)},
    {"funky", K::Genre, g(G::Funk)}, {"reggaeton", K::Genre, g(G::Reggaeton)}, {"dembow", K::Genre, g(G::Reggaeton)},
    {"latin", K::Genre, g(G::Reggaeton)}, {"ambient", K::Genre, g(G::Ambient)}, {"drone", K::Genre, g(G::Ambient)},
    {"cinematic", K::Genre, g(G::Cinematic)}, {"film", K::Genre, g(G::Cinematic)}, {"orchestral", K::Genre, g(G::Cinematic)},
    {"epic", K::Genre, g(G::Cinematic)}, {"score", K::Genre, g(G::Cinematic)}, {"trailer", K::Genre, g(G::Cinematic)},
    {"waltz", K::Genre, g(G::Waltz)}, {"ballad", K::Genre, g(G::Ballad)}, {"power ballad", K::Genre, g(G::Ballad)},
    // moods
    {"dark", K::Mood, m(M::Dark)}, {"sinister", K::Mood, m(M::Dark)}, {"ominous", K::Mood, m(M::Dark)},
    {"evil", K::Mood, m(M::Dark)}, {"moody", K::Mood, m(M::Dark)}, {"gloomy", K::Mood, m(M::Dark)},
    {"uplifting", K::Mood, m(M::Uplifting)}, {"happy", K::Mood, m(M::Uplifting)}, {"bright", K::Mood, m(M::Uplifting)},
    {"joyful", K::Mood, m(M::Uplifting)}, {"euphoric", K::Mood, m(M::Uplifting)}, {"cheerful", K::Mood, m(M::Uplifting)},
    {"hopeful", K::Mood, m(M::Uplifting)}, {"positive", K::Mood, m(M::Uplifting)}, {"upbeat", K::Mood, m(M::Uplifting)},
    {"triumphant", K::Mood, m(M::Uplifting)}, {"melancholic", K::Mood, m(M::Melancholic)},
    {"melancholy", K::Mood, m(M::Melancholic)}, {"sad", K::Mood, m(M::Melancholic)}, {"nostalgic", K::Mood, m(M::Melancholic)},
    {"wistful", K::Mood, m(M::Melancholic)}, {"bittersweet", K::Mood, m(M::Melancholic)}, {"emotional", K::Mood, m(M::Melancholic)},
    {"tense", K::Mood, m(M::Tense)}, {"suspenseful", K::Mood, m(M::Tense)}, {"anxious", K::Mood, m(M::Tense)},
    {"eerie", K::Mood, m(M::Tense)}, {"creepy", K::Mood, m(M::Tense)}, {"dreamy", K::Mood, m(M::Dreamy)},
    {"ethereal", K::Mood, m(M::Dreamy)}, {"floaty", K::Mood, m(M::Dreamy)}, {"hazy", K::Mood, m(M::Dreamy)},
    {"atmospheric", K::Mood, m(M::Dreamy)}, {"spacey", K::Mood, m(M::Dreamy)}, {"spacy", K::Mood, m(M::Dreamy)},
    {"aggressive", K::Mood, m(M::Aggressive)}, {"hard", K::Mood, m(M::Aggressive)}, {"heavy", K::Mood, m(M::Aggressive)},
    {"angry", K::Mood, m(M::Aggressive)}, {"intense", K::Mood, m(M::Aggressive)}, {"hard hitting", K::Mood, m(M::Aggressive)},
    {"soft", K::Mood, m(M::Soft)}, {"gentle", K::Mood, m(M::Soft)}, {"calm", K::Mood, m(M::Soft)},
    {"mellow", K::Mood, m(M::Soft)}, {"chill", K::Mood, m(M::Soft)}, {"relaxed", K::Mood, m(M::Soft)},
    {"relaxing", K::Mood, m(M::Soft)}, {"peaceful", K::Mood, m(M::Soft)}, {"smooth", K::Mood, m(M::Soft)},
    {"warm", K::Mood, m(M::Soft)}, {"romantic", K::Mood, m(M::Soft)}, {"laid back", K::Mood, m(M::Soft)},
    // modes (a key's quality without a tonic)
    {"major", K::Mode, md(Mode::Major)}, {"ionian", K::Mode, md(Mode::Major)}, {"minor", K::Mode, md(Mode::Minor)},
    {"aeolian", K::Mode, md(Mode::Minor)}, {"natural minor", K::Mode, md(Mode::Minor)}, {"dorian", K::Mode, md(Mode::Dorian)},
    {"mixolydian", K::Mode, md(Mode::Mixolydian)}, {"lydian", K::Mode, md(Mode::Lydian)}, {"phrygian", K::Mode, md(Mode::Phrygian)},
    {"harmonic minor", K::Mode, md(Mode::HarmonicMinor)}, {"major key", K::Mode, md(Mode::Major)}, {"minor key", K::Mode, md(Mode::Minor)},
    // instruments: role and GM program (-1: the genre's default for the role)
    {"rhodes", K::Instrument, r(R::Chords), 4}, {"electric piano", K::Instrument, r(R::Chords), 4},
    {"e piano", K::Instrument, r(R::Chords), 4}, {"epiano", K::Instrument, r(R::Chords), 4}, {"ep", K::Instrument, r(R::Chords), 4},
    {"wurlitzer", K::Instrument, r(R::Chords), 4}, {"wurli", K::Instrument, r(R::Chords), 4}, {"keys", K::Instrument, r(R::Chords), 4},
    {"piano", K::Instrument, r(R::Chords), 0}, {"grand piano", K::Instrument, r(R::Chords), 0}, {"organ", K::Instrument, r(R::Chords), 16},
    {"clav", K::Instrument, r(R::Chords), 7}, {"clavinet", K::Instrument, r(R::Chords), 7}, {"guitar", K::Instrument, r(R::Chords), 25},
    {"acoustic guitar", K::Instrument, r(R::Chords), 25}, {"electric guitar", K::Instrument, r(R::Chords), 27},
    {"distorted guitar", K::Instrument, r(R::Chords), 30}, {"guitars", K::Instrument, r(R::Chords), 29},
    {"brass", K::Instrument, r(R::Chords), 61}, {"horns", K::Instrument, r(R::Chords), 61}, {"synth", K::Instrument, r(R::Chords), 90},
    {"synths", K::Instrument, r(R::Chords), 90}, {"stabs", K::Instrument, r(R::Chords), -1},
    {"chords", K::Instrument, r(R::Chords), -1}, {"chord", K::Instrument, r(R::Chords), -1},
    {"chord progression", K::Instrument, r(R::Chords), -1}, {"progression", K::Instrument, r(R::Chords), -1},
    {"strings", K::Instrument, r(R::Pad), 48}, {"string", K::Instrument, r(R::Pad), 48}, {"string section", K::Instrument, r(R::Pad), 48},
    {"pad", K::Instrument, r(R::Pad), 89}, {"pads", K::Instrument, r(R::Pad), 89}, {"synth pad", K::Instrument, r(R::Pad), 89},
    {"warm pad", K::Instrument, r(R::Pad), 89}, {"choir", K::Instrument, r(R::Pad), 52},
    {"808", K::Instrument, r(R::Bass), 38}, {"808s", K::Instrument, r(R::Bass), 38}, {"sub bass", K::Instrument, r(R::Bass), 38},
    {"sub", K::Instrument, r(R::Bass), 38}, {"synth bass", K::Instrument, r(R::Bass), 38}, {"slap bass", K::Instrument, r(R::Bass), 36},
    {"slap", K::Instrument, r(R::Bass), 36}, {"upright bass", K::Instrument, r(R::Bass), 32}, {"upright", K::Instrument, r(R::Bass), 32},
    {"double bass", K::Instrument, r(R::Bass), 32}, {"acoustic bass", K::Instrument, r(R::Bass), 32},
    {"fretless", K::Instrument, r(R::Bass), 35}, {"fretless bass", K::Instrument, r(R::Bass), 35},
    {"electric bass", K::Instrument, r(R::Bass), 33}, {"bass guitar", K::Instrument, r(R::Bass), 33},
    {"walking bass", K::Instrument, r(R::Bass), 32}, {"walking bassline", K::Instrument, r(R::Bass), 32},
    {"cello", K::Instrument, r(R::Bass), 42}, {"cellos", K::Instrument, r(R::Bass), 42},
    {"bass", K::Instrument, r(R::Bass), -1}, {"bassline", K::Instrument, r(R::Bass), -1}, {"bass line", K::Instrument, r(R::Bass), -1},
    {"drums", K::Instrument, r(R::Drums), 0}, {"drum", K::Instrument, r(R::Drums), 0}, {"percussion", K::Instrument, r(R::Drums), 0},
    {"kit", K::Instrument, r(R::Drums), 0}, {"drum pattern", K::Instrument, r(R::Drums), 0}, {"drum loop", K::Instrument, r(R::Drums), 0},
    {"drum beat", K::Instrument, r(R::Drums), 0}, {"hi hat", K::Instrument, r(R::Drums), 0}, {"hihat", K::Instrument, r(R::Drums), 0},
    {"hi hats", K::Instrument, r(R::Drums), 0}, {"hihats", K::Instrument, r(R::Drums), 0}, {"hats", K::Instrument, r(R::Drums), 0},
    {"kick", K::Instrument, r(R::Drums), 0}, {"kicks", K::Instrument, r(R::Drums), 0},
    {"melody", K::Instrument, r(R::Melody), -1}, {"lead", K::Instrument, r(R::Melody), -1}, {"topline", K::Instrument, r(R::Melody), -1},
    {"hook", K::Instrument, r(R::Melody), -1}, {"riff", K::Instrument, r(R::Melody), -1},
    {"synth lead", K::Instrument, r(R::Melody), 81}, {"lead synth", K::Instrument, r(R::Melody), 81},
    {"flute", K::Instrument, r(R::Melody), 73}, {"sax", K::Instrument, r(R::Melody), 66}, {"saxophone", K::Instrument, r(R::Melody), 66},
    {"trumpet", K::Instrument, r(R::Melody), 56}, {"violin", K::Instrument, r(R::Melody), 40}, {"bells", K::Instrument, r(R::Melody), 9},
    {"glockenspiel", K::Instrument, r(R::Melody), 9}, {"music box", K::Instrument, r(R::Melody), 10}, {"vibes", K::Instrument, r(R::Melody), 11},
    {"vibraphone", K::Instrument, r(R::Melody), 11}, {"whistle", K::Instrument, r(R::Melody), 78}, {"kalimba", K::Instrument, r(R::Melody), 108},
    {"french horn", K::Instrument, r(R::Melody), 60}, {"marimba", K::Instrument, r(R::Arpeggio), 12},
    {"celesta", K::Instrument, r(R::Arpeggio), 8}, {"harp", K::Instrument, r(R::Arpeggio), 46}, {"pluck", K::Instrument, r(R::Arpeggio), 45},
    {"plucks", K::Instrument, r(R::Arpeggio), 45}, {"arp", K::Instrument, r(R::Arpeggio), -1}, {"arps", K::Instrument, r(R::Arpeggio), -1},
    {"arpeggio", K::Instrument, r(R::Arpeggio), -1}, {"arpeggios", K::Instrument, r(R::Arpeggio), -1},
    {"arpeggiated", K::Instrument, r(R::Arpeggio), -1}, {"arpeggiator", K::Instrument, r(R::Arpeggio), -1},
    // arrangement words
    {"beat", K::FullArrangement}, {"beats", K::FullArrangement}, {"song", K::FullArrangement}, {"track", K::FullArrangement},
    {"groove", K::FullArrangement}, {"instrumental", K::FullArrangement}, {"tune", K::FullArrangement}, {"jam", K::FullArrangement},
    {"arrangement", K::FullArrangement}, {"full band", K::FullArrangement}, {"band", K::FullArrangement},
    {"only", K::Only}, {"just", K::Only}, {"no", K::Without}, {"without", K::Without},
    {"with", K::With}, {"plus", K::With}, {"featuring", K::With}, {"over", K::With}, {"and some", K::With},
    // tempo words: a = 0 very slow, 1 slow, 2 medium, 3 fast, 4 very fast; b = 1 a comparative
    // ("slower"), which in a change of a take means slower than it
    {"very slow", K::TempoWord, 0}, {"slow", K::TempoWord, 1}, {"slower", K::TempoWord, 1, 1},
    {"slow down", K::TempoWord, 1, 1}, {"slow it down", K::TempoWord, 1, 1}, {"slow things down", K::TempoWord, 1, 1},
    {"speed up", K::TempoWord, 3, 1}, {"speed it up", K::TempoWord, 3, 1}, {"speed things up", K::TempoWord, 3, 1}, {"downtempo", K::TempoWord, 1},
    {"mid tempo", K::TempoWord, 2}, {"midtempo", K::TempoWord, 2}, {"medium tempo", K::TempoWord, 2}, {"moderate", K::TempoWord, 2},
    {"uptempo", K::TempoWord, 3}, {"up tempo", K::TempoWord, 3}, {"fast", K::TempoWord, 3}, {"faster", K::TempoWord, 3, 1}, {"quick", K::TempoWord, 3},
    {"energetic", K::TempoWord, 3}, {"very fast", K::TempoWord, 4}, {"frantic", K::TempoWord, 4},
    // density and complexity in hundredths
    {"busy", K::Density, 85}, {"dense", K::Density, 85}, {"driving", K::Density, 75}, {"sparse", K::Density, 20},
    {"minimal", K::Density, 20}, {"minimalist", K::Density, 20}, {"simple", K::Complexity, 15}, {"basic", K::Complexity, 15},
    {"complex", K::Complexity, 85}, {"intricate", K::Complexity, 85}, {"sophisticated", K::Complexity, 85}, {"rich", K::Complexity, 80},
    // feel
    {"humanized", K::Humanize, 60}, {"humanised", K::Humanize, 60}, {"humanize", K::Humanize, 60}, {"human", K::Humanize, 60},
    {"humanization", K::Humanize, 50}, {"humanisation", K::Humanize, 50},
    {"loose", K::Humanize, 65}, {"live", K::Humanize, 60}, {"organic", K::Humanize, 55}, {"natural", K::Humanize, 50},
    {"sloppy", K::Humanize, 85}, {"drunk", K::Humanize, 90}, {"tight", K::Humanize, 10}, {"live feel", K::Humanize, 60},
    {"quantized", K::Quantize}, {"quantised", K::Quantize}, {"robotic", K::Quantize}, {"mechanical", K::Quantize},
    {"on the grid", K::Quantize}, {"rigid", K::Quantize}, {"perfectly quantized", K::Quantize},
    {"swing", K::Swing, 62}, {"swung", K::Swing, 62}, {"swingy", K::Swing, 62}, {"shuffle", K::Swing, 66}, {"shuffled", K::Swing, 66},
    {"heavy swing", K::Swing, 70}, {"hard swing", K::Swing, 70}, {"light swing", K::Swing, 56}, {"slight swing", K::Swing, 56},
    {"a bit of swing", K::Swing, 56}, {"straight", K::Straight},
    // chords
    {"triads", K::Extension, 0}, {"simple chords", K::Extension, 0}, {"7ths", K::Extension, 7}, {"7th", K::Extension, 7},
    {"sevenths", K::Extension, 7}, {"seventh", K::Extension, 7}, {"seventh chords", K::Extension, 7}, {"7th chords", K::Extension, 7},
    {"maj7", K::Extension, 7}, {"9ths", K::Extension, 9}, {"9th", K::Extension, 9}, {"ninths", K::Extension, 9},
    {"ninth", K::Extension, 9}, {"ninth chords", K::Extension, 9}, {"jazzy", K::Extension, 9}, {"11ths", K::Extension, 11},
    {"11th", K::Extension, 11}, {"elevenths", K::Extension, 11}, {"13ths", K::Extension, 13}, {"13th", K::Extension, 13},
    {"thirteenths", K::Extension, 13}, {"extended chords", K::Extension, 9}, {"extensions", K::Extension, 9},
    {"sus", K::Sus}, {"sus2", K::Sus}, {"sus4", K::Sus}, {"suspended", K::Sus}, {"sus chords", K::Sus},
    {"add9", K::Add9}, {"add 9", K::Add9}, {"add9 chords", K::Add9},
    {"open voicing", K::Voicing, v(Voicing::Open)}, {"open voicings", K::Voicing, v(Voicing::Open)},
    {"open voiced", K::Voicing, v(Voicing::Open)}, {"close voicing", K::Voicing, v(Voicing::Close)},
    {"close voicings", K::Voicing, v(Voicing::Close)}, {"closed voicings", K::Voicing, v(Voicing::Close)},
    {"drop 2", K::Voicing, v(Voicing::Drop2)}, {"drop2", K::Voicing, v(Voicing::Drop2)},
    {"drop 2 voicings", K::Voicing, v(Voicing::Drop2)}, {"spread voicings", K::Voicing, v(Voicing::Spread)},
    {"spread", K::Voicing, v(Voicing::Spread)}, {"wide voicings", K::Voicing, v(Voicing::Spread)},
    // register (octaves) for the next instrument named
    {"high", K::Register, 1}, {"higher", K::Register, 1}, {"low", K::Register, -1}, {"lower", K::Register, -1},
    {"deep", K::Register, -1},
    // drum directives
    {"snare on 2 and 4", K::Backbeat}, {"snares on 2 and 4", K::Backbeat}, {"snare on two and four", K::Backbeat},
    {"backbeat", K::Backbeat}, {"back beat", K::Backbeat}, {"on 2 and 4", K::Backbeat}, {"on two and four", K::Backbeat},
    {"clap on 2 and 4", K::Clap}, {"claps on 2 and 4", K::Clap}, {"clap on two and four", K::Clap}, {"clap", K::Clap},
    {"claps", K::Clap}, {"snare", K::Backbeat}, {"snares", K::Backbeat},
    {"four on the floor", K::FourOnTheFloor}, {"4 on the floor", K::FourOnTheFloor}, {"4otf", K::FourOnTheFloor},
    {"four to the floor", K::FourOnTheFloor}, {"ghost notes", K::Ghost}, {"ghost note", K::Ghost}, {"ghosted", K::Ghost},
    {"ghost", K::Ghost}, {"on the off beats", K::Filler}, {"on the offbeats", K::Filler}, {"off beat", K::Filler},
    {"crash", K::Crash}, {"crash cymbal", K::Crash}, {"fill", K::Fill}, {"fills", K::Fill}, {"drum fill", K::Fill},
    {"drum fills", K::Fill}, {"triplet hi hat rolls", K::TripletRoll}, {"triplet hihat rolls", K::TripletRoll},
    {"triplet hat rolls", K::TripletRoll}, {"hi hat rolls", K::TripletRoll}, {"hat rolls", K::TripletRoll},
    {"triplet rolls", K::TripletRoll}, {"triplet hats", K::TripletRoll}, {"triplet hi hats", K::TripletRoll},
    {"rolls", K::TripletRoll}, {"triplets", K::TripletRoll},
    {"following the chord roots", K::BassRoots}, {"following the roots", K::BassRoots}, {"follows the roots", K::BassRoots},
    {"follows the chord roots", K::BassRoots}, {"follow the chord roots", K::BassRoots}, {"on the roots", K::BassRoots},
    {"chord roots", K::BassRoots}, {"root notes", K::BassRoots}, {"roots", K::BassRoots},
    {"following the kick", K::BassKick}, {"follows the kick", K::BassKick}, {"follow the kick", K::BassKick},
    {"locked to the kick", K::BassKick}, {"locks to the kick", K::BassKick}, {"lock to the kick", K::BassKick},
    {"locked with the kick", K::BassKick}, {"with the kick", K::BassKick},
    // words that belong to a phrase handled elsewhere
    {"bar", K::BarWord}, {"bars", K::BarWord}, {"measure", K::BarWord}, {"measures", K::BarWord},
    {"key of", K::KeyWord}, {"in the key of", K::KeyWord}, {"key", K::KeyWord},
    {"takes", K::Candidates}, {"versions", K::Candidates}, {"options", K::Candidates}, {"candidates", K::Candidates},
    {"variations", K::Candidates},
    // drum kits and drum names (the kit is the drums' GM program: 40 Brush)
    {"brushed", K::Instrument, r(R::Drums), 40}, {"brushes", K::Instrument, r(R::Drums), 40},
    {"brush", K::Instrument, r(R::Drums), 40}, {"brush kit", K::Instrument, r(R::Drums), 40},
    {"hat", K::Instrument, r(R::Drums), 0}, {"more", K::Filler},
    {"drum kit", K::Instrument, r(R::Drums), 0}, {"beat loop", K::Instrument, r(R::Drums), 0},
    {"counter melody", K::Instrument, r(R::Melody), -1}, {"countermelody", K::Instrument, r(R::Melody), -1},
    {"string pad", K::Instrument, r(R::Pad), 48}, {"strings pad", K::Instrument, r(R::Pad), 48},
    // loudness words: velocity through the mood's accent
    // (b = 1: a comparative, which in a change of a take means louder or softer than it)
    {"quiet", K::Mood, m(M::Soft)}, {"quieter", K::Mood, m(M::Soft), 1}, {"loud", K::Mood, m(M::Aggressive)},
    {"louder", K::Mood, m(M::Aggressive), 1}, {"punchy", K::Mood, m(M::Aggressive)},
    {"softer", K::Mood, m(M::Soft), 1}, {"harder", K::Mood, m(M::Aggressive), 1},
    // negation and degree
    {"not", K::Without}, {"not too", K::Without}, {"no more", K::Without},
    {"a little", K::Degree, 50}, {"a bit", K::Degree, 50}, {"slightly", K::Degree, 50},
    {"much", K::Degree, 200}, {"much more", K::Degree, 200}, {"a lot", K::Degree, 200},
    {"way more", K::Degree, 200}, {"less", K::Degree, -100},
    // sound design: not in MIDI notes
    {"vinyl crackle", K::Sound}, {"vinyl", K::Sound}, {"crackle", K::Sound}, {"reverb", K::Sound},
    {"reverby", K::Sound}, {"delay", K::Sound}, {"echo", K::Sound}, {"sidechain", K::Sound},
    {"side chain", K::Sound}, {"sidechained", K::Sound}, {"side chained", K::Sound},
    {"compression", K::Sound}, {"compressed", K::Sound}, {"saturation", K::Sound},
    {"saturated", K::Sound}, {"tape", K::Sound}, {"tape hiss", K::Sound}, {"bitcrushed", K::Sound},
    {"bitcrush", K::Sound}, {"distortion", K::Sound}, {"dusty", K::Sound}, {"lowpass", K::Sound},
    {"low pass", K::Sound}, {"filtered", K::Sound}, {"eq", K::Sound}, {"mastering", K::Sound},
    {"master", K::Sound}, {"stereo", K::Sound}, {"wide stereo", K::Sound}, {"panned", K::Sound},
};
// clang-format on

constexpr std::array<std::string_view, 64> kStopWords = {
    "a",       "an",     "the",       "and",      "or",     "in",       "on",      "at",
    "of",      "for",    "to",        "some",     "me",     "my",       "i",       "want",
    "need",    "make",   "give",      "write",    "create", "generate", "please",  "that",
    "this",    "it",     "its",       "is",       "be",     "like",     "feel",    "vibe",
    "vibes",   "style",  "sound",     "sounding", "kind",   "type",     "little",  "bit",
    "very",    "really", "something", "which",    "into",   "from",     "by",      "as",
    "using",   "also",   "walking",   "music",    "piece",  "loop",     "pattern", "part",
    "section", "tempo",  "some",      "around"};
} // namespace

const std::vector<Entry>& entries()
{
    return kEntries;
}

bool isStopWord(std::string_view word)
{
    return std::find(kStopWords.begin(), kStopWords.end(), word) != kStopWords.end();
}

} // namespace pianola::engine::generate::lexicon
