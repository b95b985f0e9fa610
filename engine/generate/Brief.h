// SPDX-License-Identifier: MIT
// The structured request the generator works from: roles, key, tempo, meter, style and directives.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pianola::engine::generate {

enum class Role { Chords, Bass, Drums, Melody, Arpeggio, Pad };
enum class Mode { Major, Minor, Dorian, Mixolydian, Lydian, Phrygian, HarmonicMinor };
enum class Genre {
    Pop,
    Rock,
    LoFi,
    HipHop,
    Trap,
    House,
    Techno,
    DrumAndBass,
    Jazz,
    NeoSoul,
    RnB,
    Funk,
    Reggaeton,
    Ambient,
    Cinematic,
    Waltz,
    Ballad
};
enum class Mood { Neutral, Dark, Uplifting, Melancholic, Tense, Dreamy, Aggressive, Soft };
enum class Voicing { Close, Open, Drop2, Spread };
enum class BassFollow { Style, Roots, Kick }; ///< Style: whatever the genre does

/// One instrument of the arrangement.
struct Part
{
    Role role = Role::Chords;
    int program = 0; ///< General MIDI program 0..127 (ignored for drums)
    int lowKey = 48; ///< register, MIDI keys, lowKey + 12 <= highKey
    int highKey = 72;
    friend bool operator==(const Part&, const Part&) = default;
};

/// Things asked for by name. Bar numbers count from 1.
struct Directives
{
    bool backbeat = false;       ///< snare (or clap) on 2 and 4
    bool clap = false;           ///< clap on the backbeat (with or instead of the snare)
    bool fourOnTheFloor = false; ///< kick on every beat
    bool ghostNotes = false;     ///< quiet snare/bass notes on the off-beats
    bool crashBar1 = false;
    std::vector<int> tripletHatBars; ///< triplet hi-hat rolls in these bars
    std::vector<int> fillBars;       ///< drum fills in these bars
    BassFollow bassFollow = BassFollow::Style;
    friend bool operator==(const Directives&, const Directives&) = default;
};

/// What a model read a chat line as, when a take is playing (LLM brief mode): the brief's other
/// fields then describe the part, and the take gives tempo, meter, key and length.
struct BriefIntent
{
    enum class Action { NewSong, AddPart, RegeneratePart, RemovePart, Change };
    Action action = Action::NewSong;
    std::optional<Role> part;   ///< the part added, regenerated or removed
    int fromBar = 0, toBar = 0; ///< a region (bars from 1, inclusive); 0 = the whole take
    friend bool operator==(const BriefIntent&, const BriefIntent&) = default;
};

struct Brief
{
    static constexpr int kMinBars = 1, kMaxBars = 256;
    static constexpr double kMinBpm = 20, kMaxBpm = 400;
    static constexpr int kMaxCandidates = 16;

    std::vector<Part> parts; ///< at most one per role, in arrangement order
    int tonic = 0;           ///< pitch class 0..11 (0 = C)
    Mode mode = Mode::Major;
    double bpm = 120;
    int numerator = 4;
    int denominator = 4;
    int bars = 8;
    Genre genre = Genre::Pop;
    Mood mood = Mood::Neutral;
    double density = 0.5;    ///< 0..1: how many notes
    double complexity = 0.5; ///< 0..1: harmonic and rhythmic sophistication
    int extension = 0;       ///< 0 triads, 7, 9, 11, 13
    bool sus = false;
    bool add9 = false;
    Voicing voicing = Voicing::Close;
    double humanize = 0.3; ///< 0 = exactly on the grid .. 1 = loose
    double swing = 50;     ///< percent 50 (straight) .. 75
    bool swing16 = false;  ///< swing the sixteenths instead of the eighths
    Directives directives;
    int candidates = 4; ///< 1..16
    std::uint64_t seed = 1;
    std::optional<BriefIntent> intent; ///< a model's reading of the line (brief mode with a take)

    const Part* part(Role role) const;
    Part* part(Role role);
    friend bool operator==(const Brief&, const Brief&) = default;
};

/// Names used in JSON, in the explain text and by the interpreter ("drum-and-bass", "dorian").
std::string_view roleName(Role r);
std::string_view modeName(Mode m);
std::string_view genreName(Genre g);
std::string_view moodName(Mood m);
std::string_view voicingName(Voicing v);
std::string_view briefActionName(BriefIntent::Action a); ///< "add part", "regenerate part", ...
std::string_view bassFollowName(BassFollow f);
std::optional<Role> roleFromName(std::string_view s);
std::optional<Mode> modeFromName(std::string_view s);
std::optional<Genre> genreFromName(std::string_view s);
std::optional<Mood> moodFromName(std::string_view s);
std::optional<Voicing> voicingFromName(std::string_view s);
std::optional<BassFollow> bassFollowFromName(std::string_view s);

inline constexpr int kRoleCount = 6, kModeCount = 7, kGenreCount = 17, kMoodCount = 8;

/// The default brief of a genre: tempo, meter, mode, parts with GM programs and registers,
/// swing, extensions and voicing, humanize.
Brief defaultBrief(Genre genre);
/// The default part (program and register) of a role in a genre.
Part defaultPart(Genre genre, Role role);
/// True for modes with a minor third (minor, dorian, phrygian, harmonic minor).
bool isMinorMode(Mode m);
/// True for the meters the generator writes: 1 to 32 beats of halves, quarters, eighths or
/// sixteenths.
constexpr bool meterSupported(int numerator, int denominator)
{
    return numerator >= 1 && numerator <= 32 &&
           (denominator == 2 || denominator == 4 || denominator == 8 || denominator == 16);
}

/// Every way the brief is impossible or out of range, one message each ("bars: 0 is below 1");
/// empty when the brief can be generated.
std::vector<std::string> briefProblems(const Brief& brief);

/// A readable multi-line summary ("key: A minor", "tempo: 78 bpm", ...) for --explain.
std::string describeBrief(const Brief& brief);

} // namespace pianola::engine::generate
