// SPDX-License-Identifier: MIT
// Brief names, genre defaults, range checks and the readable summary.
#include "engine/generate/Brief.h"

#include "engine/generate/PromptText.h"
#include "model/Analysis.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace pianola::engine::generate {

namespace {
constexpr std::array<std::string_view, kRoleCount> kRoleNames = {"chords", "bass",     "drums",
                                                                 "melody", "arpeggio", "pad"};
constexpr std::array<std::string_view, kModeCount> kModeNames = {
    "major", "minor", "dorian", "mixolydian", "lydian", "phrygian", "harmonic-minor"};
constexpr std::array<std::string_view, kGenreCount> kGenreNames = {
    "pop",       "rock",          "lo-fi",     "hip-hop",  "trap",    "house",
    "techno",    "drum-and-bass", "jazz",      "neo-soul", "r-and-b", "funk",
    "reggaeton", "ambient",       "cinematic", "waltz",    "ballad"};
constexpr std::array<std::string_view, kMoodCount> kMoodNames = {
    "neutral", "dark", "uplifting", "melancholic", "tense", "dreamy", "aggressive", "soft"};
constexpr std::array<std::string_view, 4> kVoicingNames = {"close", "open", "drop2", "spread"};
constexpr std::array<std::string_view, 3> kFollowNames = {"style", "roots", "kick"};

template <typename E, std::size_t N>
std::optional<E> fromName(const std::array<std::string_view, N>& names, std::string_view s)
{
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == s) return static_cast<E>(i);
    return std::nullopt;
}

// What a genre sounds like by default. Programs are General MIDI (0-based).
struct GenreProfile
{
    double bpm;
    int numerator, denominator;
    Mode mode;
    double swing;
    bool swing16;
    int extension;
    Voicing voicing;
    double humanize, density;
    std::array<int, kRoleCount> program; ///< per Role; -1 = not in the default arrangement
};

// clang-format off
//                                                                    chords bass drums melody arp pad
constexpr std::array<GenreProfile, kGenreCount> kProfiles = {{
    {110, 4, 4, Mode::Major, 50, false, 0,  Voicing::Close, 0.25, 0.5, {0,   33, 0,  80, -1, -1}},   // pop
    {120, 4, 4, Mode::Major, 50, false, 0,  Voicing::Close, 0.2,  0.6, {29,  34, 0,  -1, -1, -1}},   // rock
    {78,  4, 4, Mode::Minor, 58, true,  9,  Voicing::Close, 0.45, 0.4, {4,   33, 0,  -1, -1, -1}},   // lo-fi
    {90,  4, 4, Mode::Minor, 57, true,  7,  Voicing::Close, 0.35, 0.5, {0,   33, 0,  -1, -1, -1}},   // hip-hop
    {140, 4, 4, Mode::Minor, 50, false, 0,  Voicing::Open,  0.1,  0.6, {-1,  38, 0,  10, -1, 89}},   // trap
    {124, 4, 4, Mode::Minor, 50, false, 7,  Voicing::Close, 0.1,  0.6, {0,   38, 0,  -1, -1, -1}},   // house
    {130, 4, 4, Mode::Minor, 50, false, 0,  Voicing::Open,  0.05, 0.6, {-1,  38, 0,  -1, 81, 89}},   // techno
    {174, 4, 4, Mode::Minor, 50, false, 9,  Voicing::Spread,0.15, 0.6, {-1,  38, 0,  -1, -1, 89}},   // dnb
    {140, 4, 4, Mode::Major, 66, false, 7,  Voicing::Drop2, 0.4,  0.5, {0,   32, 0,  66, -1, -1}},   // jazz
    {84,  4, 4, Mode::Dorian,56, true,  9,  Voicing::Close, 0.5,  0.5, {4,   33, 0,  -1, -1, -1}},   // neo-soul
    {75,  4, 4, Mode::Minor, 54, true,  9,  Voicing::Close, 0.35, 0.5, {4,   38, 0,  -1, -1, -1}},   // r&b
    {105, 4, 4, Mode::Dorian,54, true,  9,  Voicing::Close, 0.3,  0.7, {7,   36, 0,  -1, -1, -1}},   // funk
    {95,  4, 4, Mode::Minor, 50, false, 0,  Voicing::Close, 0.1,  0.6, {0,   38, 0,  -1, -1, -1}},   // reggaeton
    {70,  4, 4, Mode::Lydian,50, false, 9,  Voicing::Spread,0.4,  0.3, {-1,  -1, -1, -1, 8,  89}},   // ambient
    {90,  4, 4, Mode::Minor, 50, false, 0,  Voicing::Spread,0.3,  0.4, {-1,  42, 0,  60, -1, 48}},   // cinematic
    {96,  3, 4, Mode::Major, 50, false, 0,  Voicing::Close, 0.3,  0.5, {0,   32, -1, 40, -1, -1}},   // waltz
    {70,  4, 4, Mode::Major, 50, false, 0,  Voicing::Open,  0.35, 0.4, {0,   33, 0,  -1, -1, 49}},   // ballad
}};
// clang-format on

const GenreProfile& profile(Genre g)
{
    return kProfiles[static_cast<std::size_t>(g)];
}

std::string fmt(double v)
{
    return numberText(v);
}

std::string barList(const std::vector<int>& bars)
{
    std::string s;
    for (int b : bars)
        s += (s.empty() ? "" : ", ") + std::to_string(b);
    return s;
}
} // namespace

const Part* Brief::part(Role role) const
{
    for (const Part& p : parts)
        if (p.role == role) return &p;
    return nullptr;
}

Part* Brief::part(Role role)
{
    return const_cast<Part*>(static_cast<const Brief*>(this)->part(role));
}

std::string_view roleName(Role r)
{
    return kRoleNames[static_cast<std::size_t>(r)];
}
std::string_view modeName(Mode m)
{
    return kModeNames[static_cast<std::size_t>(m)];
}
std::string_view genreName(Genre g)
{
    return kGenreNames[static_cast<std::size_t>(g)];
}
std::string_view moodName(Mood m)
{
    return kMoodNames[static_cast<std::size_t>(m)];
}
std::string_view voicingName(Voicing v)
{
    return kVoicingNames[static_cast<std::size_t>(v)];
}
std::string_view briefActionName(BriefIntent::Action a)
{
    static constexpr std::array<std::string_view, 5> kNames = {
        "new song", "add part", "regenerate part", "remove part", "change"};
    return kNames[static_cast<std::size_t>(a)];
}
std::string_view bassFollowName(BassFollow f)
{
    return kFollowNames[static_cast<std::size_t>(f)];
}
std::optional<Role> roleFromName(std::string_view s)
{
    return fromName<Role>(kRoleNames, s);
}
std::optional<Mode> modeFromName(std::string_view s)
{
    return fromName<Mode>(kModeNames, s);
}
std::optional<Genre> genreFromName(std::string_view s)
{
    return fromName<Genre>(kGenreNames, s);
}
std::optional<Mood> moodFromName(std::string_view s)
{
    return fromName<Mood>(kMoodNames, s);
}
std::optional<Voicing> voicingFromName(std::string_view s)
{
    return fromName<Voicing>(kVoicingNames, s);
}
std::optional<BassFollow> bassFollowFromName(std::string_view s)
{
    return fromName<BassFollow>(kFollowNames, s);
}

bool isMinorMode(Mode m)
{
    return m == Mode::Minor || m == Mode::Dorian || m == Mode::Phrygian || m == Mode::HarmonicMinor;
}

Part defaultPart(Genre genre, Role role)
{
    const int program = profile(genre).program[static_cast<std::size_t>(role)];
    Part p{role, std::max(program, 0), 48, 72};
    switch (role) {
    case Role::Chords:
        p.lowKey = 50, p.highKey = 76;
        break;
    case Role::Bass:
        p.lowKey = 28, p.highKey = 52;
        if (genre == Genre::Trap || genre == Genre::DrumAndBass || genre == Genre::Techno)
            p.lowKey = 24, p.highKey = 48; // 808 / sub register
        break;
    case Role::Drums:
        p.program = 0, p.lowKey = 27, p.highKey = 87;
        break;
    case Role::Melody:
        p.lowKey = 62, p.highKey = 86;
        break;
    case Role::Arpeggio:
        p.lowKey = 55, p.highKey = 84;
        break;
    case Role::Pad:
        p.lowKey = 48, p.highKey = 76;
        break;
    }
    return p;
}

Brief defaultBrief(Genre genre)
{
    const GenreProfile& g = profile(genre);
    Brief b;
    b.genre = genre;
    b.bpm = g.bpm;
    b.numerator = g.numerator;
    b.denominator = g.denominator;
    b.mode = g.mode;
    b.swing = g.swing;
    b.swing16 = g.swing16;
    b.extension = g.extension;
    b.voicing = g.voicing;
    b.humanize = g.humanize;
    b.density = g.density;
    b.tonic = 0;
    for (int r = 0; r < kRoleCount; ++r)
        if (g.program[static_cast<std::size_t>(r)] >= 0)
            b.parts.push_back(defaultPart(genre, static_cast<Role>(r)));
    b.directives.backbeat = genre == Genre::Pop || genre == Genre::Rock || genre == Genre::HipHop ||
                            genre == Genre::LoFi || genre == Genre::Funk || genre == Genre::RnB ||
                            genre == Genre::NeoSoul || genre == Genre::Ballad;
    b.directives.fourOnTheFloor = genre == Genre::House || genre == Genre::Techno;
    b.directives.clap = genre == Genre::House || genre == Genre::Trap;
    b.directives.ghostNotes = genre == Genre::Funk || genre == Genre::NeoSoul;
    return b;
}

std::vector<std::string> briefProblems(const Brief& b)
{
    std::vector<std::string> out;
    auto range = [&](const char* what, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi))
            out.push_back(std::string(what) + ": " + fmt(v) + " is outside " + fmt(lo) + ".." +
                          fmt(hi));
    };
    range("bars", b.bars, Brief::kMinBars, Brief::kMaxBars);
    range("bpm", b.bpm, Brief::kMinBpm, Brief::kMaxBpm);
    range("numerator", b.numerator, 1, 32);
    if (b.denominator != 2 && b.denominator != 4 && b.denominator != 8 && b.denominator != 16)
        out.push_back("denominator: " + std::to_string(b.denominator) + " is not 2, 4, 8 or 16");
    range("tonic", b.tonic, 0, 11);
    range("density", b.density, 0, 1);
    range("complexity", b.complexity, 0, 1);
    range("humanize", b.humanize, 0, 1);
    range("swing", b.swing, 50, 75);
    range("candidates", b.candidates, 1, Brief::kMaxCandidates);
    if (b.extension != 0 && b.extension != 7 && b.extension != 9 && b.extension != 11 &&
        b.extension != 13)
        out.push_back("extension: " + std::to_string(b.extension) + " is not 0, 7, 9, 11 or 13");
    if (b.parts.empty()) out.push_back("parts: at least one instrument is needed");
    for (std::size_t i = 0; i < b.parts.size(); ++i) {
        const Part& p = b.parts[i];
        const std::string where = "parts[" + std::to_string(i) + "]";
        range((where + ".program").c_str(), p.program, 0, 127);
        if (p.lowKey < 0 || p.highKey > 127 || p.lowKey + 12 > p.highKey)
            out.push_back(where + ": register " + std::to_string(p.lowKey) + ".." +
                          std::to_string(p.highKey) + " must lie in 0..127 and span an octave");
        for (std::size_t j = 0; j < i; ++j)
            if (b.parts[j].role == p.role)
                out.push_back(where + ": a second " + std::string(roleName(p.role)) + " part");
    }
    for (int bar : b.directives.fillBars)
        range("fill bar", bar, 1, b.bars);
    for (int bar : b.directives.tripletHatBars)
        range("triplet hi-hat bar", bar, 1, b.bars);
    return out;
}

std::string describeBrief(const Brief& b)
{
    std::string s;
    s += "genre: " + std::string(genreName(b.genre)) + "\n";
    s += "mood: " + std::string(moodName(b.mood)) + "\n";
    s += "key: " + std::string(model::analysis::keyTonicName(b.tonic, isMinorMode(b.mode))) + " " +
         std::string(modeName(b.mode)) + "\n";
    s += "tempo: " + fmt(b.bpm) + " bpm\n";
    s += "meter: " + std::to_string(b.numerator) + "/" + std::to_string(b.denominator) + "\n";
    s += "bars: " + std::to_string(b.bars) + "\n";
    s += "parts:";
    for (const Part& p : b.parts)
        s += " " + std::string(roleName(p.role)) +
             (p.role == Role::Drums ? "" : " (program " + std::to_string(p.program) + ")");
    s += "\n";
    s += "chords: " + (b.extension ? std::to_string(b.extension) + "ths" : std::string("triads")) +
         (b.sus ? ", sus" : "") + (b.add9 ? ", add9" : "") + ", " +
         std::string(voicingName(b.voicing)) + " voicing\n";
    s += "feel: swing " + fmt(b.swing) + "%" + (b.swing16 ? " (16ths)" : "") + ", humanize " +
         fmt(b.humanize) + (b.humanize == 0 ? " (exactly on the grid)" : "") + ", density " +
         fmt(b.density) + ", complexity " + fmt(b.complexity) + "\n";
    const Directives& d = b.directives;
    const bool drums = b.part(Role::Drums) != nullptr;
    std::string dir;
    auto add = [&](const std::string& x) { dir += (dir.empty() ? "" : "; ") + x; };
    if (d.backbeat && drums) add(d.clap ? "clap on 2 and 4" : "snare on 2 and 4");
    if (d.fourOnTheFloor && drums) add("four on the floor");
    if (d.ghostNotes && drums) add("ghost notes");
    if (d.crashBar1) add("crash on bar 1");
    if (!d.tripletHatBars.empty()) add("triplet hi-hat rolls in bar " + barList(d.tripletHatBars));
    if (!d.fillBars.empty()) add("fill in bar " + barList(d.fillBars));
    if (d.bassFollow != BassFollow::Style)
        add("bass follows the " +
            std::string(d.bassFollow == BassFollow::Kick ? "kick" : "chord roots"));
    if (!dir.empty()) s += "directives: " + dir + "\n";
    s += "candidates: " + std::to_string(b.candidates) + ", seed " + std::to_string(b.seed) + "\n";
    return s;
}

} // namespace pianola::engine::generate
