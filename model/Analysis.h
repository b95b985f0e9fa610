// SPDX-License-Identifier: MIT
// What the analysis found in a plan, as plain values (computed by engine/analysis, shown by
// widgets).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace pianola::model::analysis {

/// A key: tonic pitch class 0..11 (0 = C) and mode, with a score-derived confidence 0..1.
struct Key
{
    int tonic = 0;
    bool minor = false;
    double confidence = 0.0;
    friend bool operator==(const Key&, const Key&) = default;
};

/// A stretch of the piece in one key (windowed detection of key changes).
struct KeySpan
{
    double startS = 0.0, endS = 0.0;
    Key key;
};

/// One chord over a time span. `quality` is one of "maj", "min", "7", "maj7", "min7", "6",
/// "dim", "aug", "sus2", "sus4", "hdim7", "dim7", "add9", "9", "maj9", "min9", "min11", "13"
/// (the names of MIREX/Harte labels; min11 and 13 without their fifth, as they are voiced);
/// `bass` is the pitch class of the bass (== root unless a slash chord).
struct Chord
{
    double startS = 0.0, endS = 0.0;
    int root = 0;
    std::string quality;
    int bass = 0;
};

struct TrackSummary
{
    std::string name;
    int channel = 0;
    int program = 0;
    std::int64_t notes = 0;
    int lowestKey = 0, highestKey = 0; ///< 0..127; equal to 0 when the track has no notes
};

/// Inter-onset intervals of one channel (chords count as one onset).
struct ChannelTiming
{
    int channel = 0;
    std::int64_t onsets = 0;
    double meanIoiMs = 0.0, medianIoiMs = 0.0;
};

/// How one controller of one channel moves: event count, value range and total travel.
struct ControllerUse
{
    int channel = 0;
    int controller = 0;
    std::int64_t events = 0;
    int minValue = 0, maxValue = 0;
    std::int64_t travel = 0; ///< sum of |value changes|
};

struct PitchBendUse
{
    int channel = 0;
    std::int64_t events = 0;
    int minValue = 0, maxValue = 0; ///< -8192..8191
};

struct DrumPiece
{
    int key = 0;      ///< GM percussion key 35..81
    std::string name; ///< "Acoustic Bass Drum", ..., or "Key N" outside the GM map
    std::int64_t hits = 0;
    double hitsPerBar = 0.0;
};

/// Channel 10 (index 9): which pieces play, how much, and named patterns.
struct DrumSummary
{
    std::int64_t hits = 0;
    double hitsPerBar = 0.0;
    std::vector<DrumPiece> pieces;     ///< most hits first
    std::vector<std::string> patterns; ///< "four-on-the-floor", "backbeat", "eighth hi-hat"...
    std::vector<int> fillBars;         ///< 1-based bars with tom runs or snare bursts
};

struct TempoPoint
{
    double startS = 0.0;
    double bpm = 120.0;
};

/// Everything `analyze` reports about one plan. Times in seconds or milliseconds from the tempo
/// map; bars are 1-based where they are shown to people.
struct Analysis
{
    // timing and size
    double durationMs = 0.0;
    std::int64_t noteCount = 0;
    double averageNoteMs = 0.0;
    double meanBpm = 120.0; ///< time-weighted
    std::vector<TempoPoint> tempoMap;
    int meterNumerator = 4, meterDenominator = 4; ///< the first time signature
    int bars = 0;
    // density and articulation
    std::vector<int> notesPerBar; ///< note onsets per bar
    double meanNotesPerBar = 0.0;
    double meanPolyphony = 0.0; ///< sounding notes, averaged over the time anything sounds
    int maxPolyphony = 0;
    double staccatoRatio = 0.0; ///< share of notes held < 50% of the time to the next onset
    double legatoRatio = 0.0;   ///< share held >= 95% of it
    std::vector<ChannelTiming> channelTiming;
    // pitch and dynamics
    std::array<double, 12> pitchClasses{};  ///< duration-weighted, sums to 1 (0 if no notes)
    std::array<int, 8> velocityHistogram{}; ///< velocity 1..127 in 8 bins of 16
    double velocityMean = 0.0, velocityStdDev = 0.0;
    int velocityMin = 0, velocityMax = 0;
    std::vector<TrackSummary> tracks;
    std::vector<ControllerUse> controllers;
    std::vector<PitchBendUse> pitchBends;
    // harmony
    Key key;
    std::vector<Key> keyRunnerUps; ///< the next best keys, best first
    std::vector<KeySpan> keySpans; ///< one span per key region (one span = no modulation)
    std::vector<Chord> chords;
    // feel
    double swingRatio = 1.0;  ///< long:short of the swung subdivision (1 straight, 2 triplet)
    int swingSubdivision = 8; ///< 8 or 16: the subdivision the music swings (8 if neither)
    double swingRatio8 = 1.0, swingRatio16 = 1.0; ///< each subdivision measured alone
    double timingDeviationMs = 0.0; ///< mean |onset - nearest grid point| (humanization)
    double grooveConsistency = 0.0; ///< 0..1, similarity of consecutive bars' onset patterns
    DrumSummary drums;
    // prose
    std::string narrative;
    std::vector<std::string> suggestions; ///< chat requests the generator can act on
};

/// "C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B".
const char* pitchClassName(int pitchClass);
/// "C#m7/G#": root name + the quality's symbol suffix ("maj" -> "", "min7" -> "m7", "hdim7" ->
/// "m7b5") + "/bass" when the bass differs from the root.
std::string chordSymbol(const Chord& chord);
/// The symbol suffix of a quality: "maj" -> "", "min7" -> "m7", "7" -> "7".
std::string chordSuffix(const std::string& quality);
/// "Db major", "G# minor", "E minor".
std::string keyName(const Key& key);
/// A key's tonic as musicians name the key: Db major and G# minor (not C# major, Ab minor).
const char* keyTonicName(int tonic, bool minor);

} // namespace pianola::model::analysis
