// SPDX-License-Identifier: MIT
// The song as data: ppq, tempo map, meter, key, tracks with notes, controllers and pitch bend.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pianola::model {

using Tick = std::int64_t;
using NoteId = std::uint32_t;
using TrackId = std::uint32_t;

/// Limits that bound what any input (file, JSON, LLM reply) may make us allocate.
struct Limits
{
    static constexpr int kMaxTracks = 1024;
    static constexpr std::int64_t kMaxEvents = 8'000'000; ///< notes + controllers, whole plan
    static constexpr Tick kMaxTick = 0x7FFFFFFF;          ///< absolute tick of any event end
    static constexpr int kMinPpq = 1;
    static constexpr int kMaxPpq = 0x7FFF; ///< SMF metrical division limit
    static constexpr double kMinBpm = 4.0; ///< SMF tempo is 24-bit: >= 3.58 bpm
    static constexpr double kMaxBpm = 1000.0;
    static constexpr std::size_t kMaxNameBytes = 1024;
    static constexpr std::size_t kMaxMetaBytes = 16u << 20; ///< one meta/sysex payload
};

/// A note. `velocity` 1..127, `releaseVelocity` 0..127 (64 = the SMF default), key 0..127.
struct Note
{
    Tick startTick = 0;
    Tick lengthTicks = 0; ///< > 0
    NoteId id = 0;        ///< stable within its track (0 = not yet assigned)
    std::uint8_t key = 60;
    std::uint8_t velocity = 100;
    std::uint8_t releaseVelocity = 64;
    bool locked = false; ///< never changed by a regeneration, variation or refit

    Tick endTick() const { return startTick + lengthTicks; }
    friend bool operator==(const Note&, const Note&) = default;
};

struct ControlChange
{
    Tick tick = 0;
    std::uint8_t controller = 0; ///< 0..127
    std::uint8_t value = 0;      ///< 0..127
    friend bool operator==(const ControlChange&, const ControlChange&) = default;
};

struct PitchBend
{
    Tick tick = 0;
    std::int16_t value = 0; ///< -8192..8191, 0 = centre
    friend bool operator==(const PitchBend&, const PitchBend&) = default;
};

struct ChannelPressure
{
    Tick tick = 0;
    std::uint8_t value = 0;
    friend bool operator==(const ChannelPressure&, const ChannelPressure&) = default;
};

struct PolyPressure
{
    Tick tick = 0;
    std::uint8_t key = 0;
    std::uint8_t value = 0;
    friend bool operator==(const PolyPressure&, const PolyPressure&) = default;
};

/// A program change inside a track (the track's initial program is Track::program).
/// Bank numbers -1 mean "no bank select sent".
struct ProgramChange
{
    Tick tick = 0;
    std::uint8_t program = 0;
    std::int16_t bankMsb = -1;
    std::int16_t bankLsb = -1;
    friend bool operator==(const ProgramChange&, const ProgramChange&) = default;
};

/// An event the plan keeps verbatim for lossless round trips: a meta event (any type byte,
/// e.g. text, lyric, marker, or unknown ones) or a sysex (`type` 0xF0 or 0xF7, data as in the
/// file after the length).
struct RawEvent
{
    Tick tick = 0;
    std::uint8_t type = 0; ///< meta type, or 0xF0 / 0xF7 for sysex
    bool sysex = false;
    std::string data; ///< raw bytes
    friend bool operator==(const RawEvent&, const RawEvent&) = default;
};

struct TempoChange
{
    Tick tick = 0;
    double bpm = 120.0; ///< quarter notes per minute
    friend bool operator==(const TempoChange&, const TempoChange&) = default;
};

struct TimeSignature
{
    Tick tick = 0;
    int numerator = 4;
    int denominator = 4;     ///< a power of two, 1..64
    int clocksPerClick = 24; ///< MIDI clocks per metronome click (SMF field)
    int thirtySecondsPerQuarter = 8;
    friend bool operator==(const TimeSignature&, const TimeSignature&) = default;
};

struct KeySignature
{
    Tick tick = 0;
    int sharps = 0; ///< -7 (7 flats) .. 7 (7 sharps)
    bool minor = false;
    friend bool operator==(const KeySignature&, const KeySignature&) = default;
};

struct Track
{
    std::string name;
    int channel = 0;  ///< 0..15 (9 = General MIDI drums)
    int program = 0;  ///< 0..127, GM program at the start of the track
    int bankMsb = -1; ///< 0..127 or -1 = none sent
    int bankLsb = -1;
    bool muted = false;
    bool soloed = false;
    bool locked = false;        ///< no regeneration, variation or refit changes this track
    bool followsChords = false; ///< a chord track edit refits it ("Refit to chords", the chat)
    int colour = -1;            ///< 0xRRGGBB shown in the editor, -1 = automatic
    std::vector<Note> notes;    ///< sorted by (startTick, key)
    std::vector<ControlChange> controllers; ///< sorted by tick (stable)
    std::vector<PitchBend> pitchBends;
    std::vector<ChannelPressure> channelPressure;
    std::vector<PolyPressure> polyPressure;
    std::vector<ProgramChange> programChanges;
    std::vector<RawEvent> rawEvents; ///< text, markers, unknown metas, sysex
    Tick endTick = 0; ///< explicit end-of-track tick (0 = right after the last event)
    TrackId id = 0;   ///< stable within its plan: edits name tracks by it (0 = not assigned)

    friend bool operator==(const Track&, const Track&) = default;
};

/// A chord the take's harmony holds from `startTick` for `lengthTicks`: what the generator meant
/// (or what analysis found), so parts added later follow it. `tones` are pitch classes, root first.
struct PlanChord
{
    Tick startTick = 0;
    Tick lengthTicks = 0;   ///< > 0
    int root = 0;           ///< pitch class 0..11
    std::string quality;    ///< suffix as in a symbol: "" major, "m", "7", "m9", "maj7", "m11"...
    std::vector<int> tones; ///< pitch classes 0..11, root first, at most 12
    int bass = -1;          ///< slash bass pitch class 0..11, -1 = the root
    Tick endTick() const { return startTick + lengthTicks; }
    friend bool operator==(const PlanChord&, const PlanChord&) = default;
};

struct Plan
{
    int ppq = 480;
    std::vector<TempoChange> tempos{TempoChange{}}; ///< first at tick 0
    std::vector<TimeSignature> timeSignatures{TimeSignature{}};
    std::vector<KeySignature> keySignatures; ///< empty = key not stated
    std::vector<RawEvent> globalEvents;      ///< conductor-track metas (markers, copyright...)
    std::vector<Track> tracks;
    std::vector<PlanChord> chords; ///< the harmony, sorted, not overlapping; may be empty

    double initialBpm() const { return tempos.empty() ? 120.0 : tempos.front().bpm; }
    /// The tick after the last event of any track (at least every track's endTick).
    Tick lengthTicks() const;
    std::int64_t noteCount() const;
    std::int64_t eventCount() const; ///< notes and every controller kind, for limits
    /// Sorts every event list into canonical order and gives notes without an id a fresh one.
    void normalize();
    /// The index of the track with id `id` (never 0), or -1.
    int trackIndex(TrackId id) const;
    /// An id no track has (above every used one).
    TrackId nextTrackId() const;
    /// Gives every track without an id, or with one an earlier track has, a fresh one (plans
    /// and projects from before track ids, imported files, generated takes).
    void assignTrackIds();

    friend bool operator==(const Plan&, const Plan&) = default;
};

/// Sharps/flats and mode to a tonic name ("F#", "Bb") and back, for key signatures.
std::string keySignatureTonic(const KeySignature& key);
/// The tonic pitch class 0..11 a key signature names (0 sharps: C major, A minor).
int keySignatureTonicPc(const KeySignature& key);
bool keySignatureFromTonic(const std::string& tonic, bool minor, KeySignature& out);
/// "Am9", "F#maj7", "C", "C/E": the chord's symbol with sharps (flats when `flats`).
std::string chordSymbol(const PlanChord& chord, bool flats = false);

} // namespace pianola::model
