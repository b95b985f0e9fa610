// SPDX-License-Identifier: MIT
// Reading plan JSON: the canonical schema and the seed/legacy forms, validated with paths.
#include "model/PlanJson.h"

#include "model/ChordSymbol.h"
#include "model/ChordTrack.h"
#include "model/PlanJsonInternal.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <numeric>
#include <tuple>

namespace pianola::model {

using jsonio::arrayField;
using jsonio::boolField;
using jsonio::Field;
using jsonio::intField;
using jsonio::Json;
using jsonio::JsonPath;
using jsonio::JsonReader;
using jsonio::kModes;
using jsonio::kRequired;
using jsonio::kSysexKinds;
using jsonio::quotedText;
using jsonio::readObject;
using jsonio::stringField;

std::string ValidationReport::errorText() const
{
    std::string text;
    for (const JsonIssue& issue : errors) {
        if (!text.empty()) text += '\n';
        text += issue.toString();
    }
    return text;
}

namespace {

constexpr std::int64_t kMaxTick = Limits::kMaxTick;
constexpr std::size_t kMaxName = Limits::kMaxNameBytes;
constexpr std::size_t kMaxOverlapWarnings = 20; ///< per note array; then one summary line
/// Arrays whose elements become events, counted before anything is materialized.
constexpr std::array<std::string_view, 6> kPlanEventArrays{
    "notes", "globalEvents", "tempoChanges", "timeSignatureChanges", "keyChanges", "chords"};
constexpr std::array<std::string_view, 7> kTrackEventArrays{
    "notes", "cc", "pitchBend", "channelPressure", "polyPressure", "programChanges", "rawEvents"};

template <typename T> constexpr Field<T> tickField()
{
    return intField<T, &T::tick, 0, kMaxTick>("tick", kRequired);
}

// ---- tempo, meter, key ----

void readBpm(JsonReader& in, const Json& v, const JsonPath& p, TempoChange& t)
{
    if (const auto bpm = in.number(v, p, Limits::kMinBpm, Limits::kMaxBpm)) t.bpm = *bpm;
}

constexpr std::array kTempoChangeFields{tickField<TempoChange>(),
                                        Field<TempoChange>{"bpm", kRequired, readBpm}};

void readDenominator(JsonReader& in, const Json& v, const JsonPath& p, TimeSignature& t)
{
    const auto d = jsonio::peekInteger<std::int64_t>(v, 1, 64);
    if (d && (*d & (*d - 1)) == 0)
        t.denominator = static_cast<int>(*d);
    else if (v.is_number())
        in.error(p, v.dump() + " is not a power of two 1..64");
    else
        in.error(p, "expected an integer, got " + std::string(v.type_name()));
}

constexpr auto kNumerator =
    intField<TimeSignature, &TimeSignature::numerator, 1, 255>("numerator", kRequired);
constexpr Field<TimeSignature> kDenominator{"denominator", kRequired, readDenominator};
constexpr auto kClocksPerClick =
    intField<TimeSignature, &TimeSignature::clocksPerClick, 0, 255>("clocksPerClick");
constexpr auto kThirtySeconds =
    intField<TimeSignature, &TimeSignature::thirtySecondsPerQuarter, 0, 255>(
        "thirtySecondsPerQuarter");
constexpr std::array kTimeSignatureFields{kNumerator, kDenominator, kClocksPerClick,
                                          kThirtySeconds};
constexpr std::array kTimeSignatureChangeFields{tickField<TimeSignature>(), kNumerator,
                                                kDenominator, kClocksPerClick, kThirtySeconds};

/// A key signature as written: tonic name and mode, converted once both are known.
struct KeyDraft : KeySignature
{
    std::string tonic;
};

void readTonic(JsonReader& in, const Json& v, const JsonPath& p, KeyDraft& k)
{
    auto tonic = in.string(v, p, kMaxName);
    KeySignature probe;
    if (tonic && !keySignatureFromTonic(*tonic, false, probe))
        in.error(p, jsonio::quotedText(*tonic) + " is not a note name");
    else if (tonic)
        k.tonic = std::move(*tonic);
}

void readMode(JsonReader& in, const Json& v, const JsonPath& p, KeyDraft& k)
{
    if (const auto mode = in.choice(v, p, kModes)) k.minor = *mode == 1;
}

constexpr Field<KeyDraft> kTonic{"tonic", kRequired, readTonic};
constexpr Field<KeyDraft> kMode{"mode", false, readMode};
constexpr std::array kKeyFields{kTonic, kMode};
constexpr std::array kKeyChangeFields{tickField<KeyDraft>(), kTonic, kMode};

KeySignature toKeySignature(const KeyDraft& draft)
{
    KeySignature key = draft;
    if (!draft.tonic.empty()) keySignatureFromTonic(draft.tonic, draft.minor, key);
    return key;
}

void readKeyChange(JsonReader& in, const Json& v, const JsonPath& p, KeySignature& out)
{
    KeyDraft draft;
    jsonio::visitFields(in, v, p, kKeyChangeFields, draft);
    out = toKeySignature(draft);
}

// ---- raw events ----

void readMetaType(JsonReader& in, const Json& v, const JsonPath& p, RawEvent& e)
{
    e.sysex = false;
    in.readInt(e.type, v, p, 0, 255); // files hold any type byte; kept verbatim
}

void readSysexKind(JsonReader& in, const Json& v, const JsonPath& p, RawEvent& e)
{
    e.sysex = true;
    if (const auto kind = in.choice(v, p, kSysexKinds)) e.type = *kind == 0 ? 0xF0 : 0xF7;
}

void readText(JsonReader& in, const Json& v, const JsonPath& p, RawEvent& e)
{
    if (auto text = in.string(v, p, Limits::kMaxMetaBytes)) e.data = std::move(*text);
}

void readHex(JsonReader& in, const Json& v, const JsonPath& p, RawEvent& e)
{
    if (auto bytes = in.hexBytes(v, p, Limits::kMaxMetaBytes)) e.data = std::move(*bytes);
}

constexpr std::array kRawEventFields{
    tickField<RawEvent>(), Field<RawEvent>{"meta", false, readMetaType},
    Field<RawEvent>{"sysex", false, readSysexKind}, Field<RawEvent>{"text", false, readText},
    Field<RawEvent>{"hex", false, readHex}};

void requireOneOf(JsonReader& in, const JsonPath& path, std::uint64_t seen, std::string_view a,
                  std::string_view b)
{
    const bool hasA = seen & jsonio::fieldBit(kRawEventFields, a);
    const bool hasB = seen & jsonio::fieldBit(kRawEventFields, b);
    const std::string names = "\"" + std::string(a) + "\" or \"" + std::string(b) + "\"";
    if (hasA && hasB)
        in.error(path, "give either " + names + ", not both");
    else if (!hasA && !hasB)
        in.error(path, "missing required field " + names);
}

void readRawEvent(JsonReader& in, const Json& v, const JsonPath& path, RawEvent& e)
{
    const auto seen = jsonio::visitFields(in, v, path, kRawEventFields, e);
    if (!seen) return;
    requireOneOf(in, path, *seen, "meta", "sysex");
    requireOneOf(in, path, *seen, "text", "hex");
    if ((*seen & jsonio::fieldBit(kRawEventFields, "sysex")) &&
        (*seen & jsonio::fieldBit(kRawEventFields, "text")))
        in.error(path.key("text"), "a sysex takes \"hex\", not \"text\"");
    // These metas are modelled (or implied): as raw events they would not round trip.
    if (!e.sysex && (*seen & jsonio::fieldBit(kRawEventFields, "meta"))) {
        const char* owner = e.type == 0x2F   ? "end of track: use \"endTick\""
                            : e.type == 0x51 ? "tempo: use \"bpm\"/\"tempoChanges\""
                            : e.type == 0x58
                                ? "time signature: use \"timeSignature\"/\"timeSignatureChanges\""
                            : e.type == 0x59 ? "key signature: use \"key\"/\"keyChanges\""
                                             : nullptr;
        if (owner) in.error(path.key("meta"), std::to_string(e.type) + " is the " + owner);
    }
}

// ---- notes ----

struct NoteDraft : Note
{
    int channel = -1; ///< "ch" as given, -1 = absent
};

void readVelocity(JsonReader& in, const Json& v, const JsonPath& p, NoteDraft& n)
{
    in.readInt(n.velocity, v, p, 1, 127);
}

constexpr std::array kNoteFields{
    intField<NoteDraft, &Note::key, 0, 127>("key", kRequired),
    Field<NoteDraft>{"vel", kRequired, readVelocity, "velocity"},
    intField<NoteDraft, &Note::startTick, 0, kMaxTick>("start", kRequired),
    intField<NoteDraft, &Note::lengthTicks, 1, kMaxTick>("length", kRequired),
    intField<NoteDraft, &Note::releaseVelocity, 0, 127>("releaseVel"),
    intField<NoteDraft, &NoteDraft::channel, 0, 15>("ch"),
    boolField<NoteDraft, &Note::locked>("locked")};

/// `trackChannel` < 0: no track channel to agree with (legacy top-level notes, bad channel).
void readNote(JsonReader& in, const Json& v, const JsonPath& path, NoteDraft& n, int trackChannel)
{
    if (!jsonio::visitFields(in, v, path, kNoteFields, n)) return;
    if (n.endTick() > kMaxTick)
        in.error(path, "ends at tick " + std::to_string(n.endTick()) + ", beyond the limit of " +
                           std::to_string(kMaxTick));
    if (trackChannel >= 0 && n.channel >= 0 && n.channel != trackChannel)
        in.error(path.key("ch"), std::to_string(n.channel) + " differs from the track's channel " +
                                     std::to_string(trackChannel));
}

void readLegacyNote(JsonReader& in, const Json& v, const JsonPath& path, NoteDraft& n)
{
    readNote(in, v, path, n, -1);
}

/// Two notes of one key sounding at the same time, by their indices in the JSON array.
struct Overlap
{
    std::size_t later = 0;
    std::size_t earlier = 0;
    int key = 0;
    bool operator<(const Overlap& o) const
    {
        return std::tie(later, earlier) < std::tie(o.later, o.earlier);
    }
};

/// `jsonIndex[i]` is the index of notes[i] in its JSON array; the result is in document order.
std::vector<Overlap> findOverlaps(const std::vector<Note>& notes,
                                  const std::vector<std::size_t>& jsonIndex)
{
    std::vector<std::size_t> order(notes.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(notes[a].key, notes[a].startTick, jsonIndex[a]) <
               std::tie(notes[b].key, notes[b].startTick, jsonIndex[b]);
    });
    std::vector<Overlap> overlaps;
    std::size_t longest = 0; // of the notes of this key so far, the one ending last
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        if (k == 0 || notes[i].key != notes[longest].key) {
            longest = i;
            continue;
        }
        if (notes[i].startTick < notes[longest].endTick())
            overlaps.push_back({std::max(jsonIndex[i], jsonIndex[longest]),
                                std::min(jsonIndex[i], jsonIndex[longest]), notes[i].key});
        if (notes[i].endTick() > notes[longest].endTick()) longest = i;
    }
    std::sort(overlaps.begin(), overlaps.end());
    return overlaps;
}

/// Warns about overlapping notes of one key (both paths), at most kMaxOverlapWarnings of them.
void warnOverlaps(JsonReader& in, const JsonPath& notesPath, const std::vector<Note>& notes,
                  const std::vector<std::size_t>& jsonIndex)
{
    const std::vector<Overlap> overlaps = findOverlaps(notes, jsonIndex);
    for (std::size_t k = 0; k < std::min(overlaps.size(), kMaxOverlapWarnings); ++k)
        in.warning(notesPath.index(overlaps[k].later),
                   "overlaps " + notesPath.index(overlaps[k].earlier).str() + " (same key " +
                       std::to_string(overlaps[k].key) + ")");
    if (overlaps.size() > kMaxOverlapWarnings)
        in.warning(notesPath, std::to_string(overlaps.size() - kMaxOverlapWarnings) +
                                  " more overlapping notes not listed");
}

// ---- tracks ----

struct TrackDraft : Track
{
    int jsonChannel = 0; ///< the channel notes' "ch" must match; -1 = not a valid channel
};

// "#rrggbb" (either case) to 0xRRGGBB.
void readTrackColour(JsonReader& in, const Json& v, const JsonPath& path, TrackDraft& t)
{
    const auto text = in.string(v, path, 16);
    if (!text) return;
    const bool hex = text->size() == 7 && (*text)[0] == '#' &&
                     std::all_of(text->begin() + 1, text->end(), [](char c) {
                         return std::isxdigit(static_cast<unsigned char>(c));
                     });
    if (!hex) {
        in.error(path, "expected a colour \"#rrggbb\", got " + quotedText(*text));
        return;
    }
    t.colour = static_cast<int>(std::stoul(text->substr(1), nullptr, 16));
}

void readTrackNotes(JsonReader& in, const Json& v, const JsonPath& path, TrackDraft& t)
{
    t.notes.clear(); // a duplicate "notes" (an error already) must not mix two arrays
    const std::size_t errorsBefore = in.errorCount();
    jsonio::readArray(in, v, path, t.notes, [&](const Json& e, const JsonPath& p, Note& note) {
        NoteDraft draft;
        readNote(in, e, p, draft, t.jsonChannel);
        note = draft;
    });
    if (in.errorCount() != errorsBefore)
        return; // overlaps among half-read notes would only add noise
    std::vector<std::size_t> jsonIndex(t.notes.size());
    std::iota(jsonIndex.begin(), jsonIndex.end(), std::size_t{0});
    warnOverlaps(in, path, t.notes, jsonIndex);
}

constexpr std::array kControlChangeFields{
    tickField<ControlChange>(),
    intField<ControlChange, &ControlChange::controller, 0, 127>("controller", kRequired),
    intField<ControlChange, &ControlChange::value, 0, 127>("value", kRequired)};
constexpr std::array kPitchBendFields{
    tickField<PitchBend>(),
    intField<PitchBend, &PitchBend::value, -8192, 8191>("value", kRequired)};
constexpr std::array kChannelPressureFields{
    tickField<ChannelPressure>(),
    intField<ChannelPressure, &ChannelPressure::value, 0, 127>("value", kRequired)};
constexpr std::array kPolyPressureFields{
    tickField<PolyPressure>(), intField<PolyPressure, &PolyPressure::key, 0, 127>("key", kRequired),
    intField<PolyPressure, &PolyPressure::value, 0, 127>("value", kRequired)};
constexpr std::array kProgramChangeFields{
    tickField<ProgramChange>(),
    intField<ProgramChange, &ProgramChange::program, 0, 127>("program", kRequired),
    intField<ProgramChange, &ProgramChange::bankMsb, 0, 127>("bankMsb"),
    intField<ProgramChange, &ProgramChange::bankLsb, 0, 127>("bankLsb")};

constexpr std::array kTrackFields{
    stringField<TrackDraft, &Track::name, kMaxName>("name"),
    intField<TrackDraft, &Track::channel, 0, 15>("channel"),
    intField<TrackDraft, &Track::program, 0, 127>("program"),
    intField<TrackDraft, &Track::bankMsb, 0, 127>("bankMsb"),
    intField<TrackDraft, &Track::bankLsb, 0, 127>("bankLsb"),
    boolField<TrackDraft, &Track::muted>("mute"),
    boolField<TrackDraft, &Track::soloed>("solo"),
    boolField<TrackDraft, &Track::locked>("locked"),
    boolField<TrackDraft, &Track::followsChords>("followsChords"),
    Field<TrackDraft>{"color", false, readTrackColour},
    Field<TrackDraft>{"notes", false, readTrackNotes},
    arrayField<TrackDraft, &Track::controllers, &readObject<ControlChange, kControlChangeFields>>(
        "cc"),
    arrayField<TrackDraft, &Track::pitchBends, &readObject<PitchBend, kPitchBendFields>>(
        "pitchBend"),
    arrayField<TrackDraft, &Track::channelPressure,
               &readObject<ChannelPressure, kChannelPressureFields>>("channelPressure"),
    arrayField<TrackDraft, &Track::polyPressure, &readObject<PolyPressure, kPolyPressureFields>>(
        "polyPressure"),
    arrayField<TrackDraft, &Track::programChanges,
               &readObject<ProgramChange, kProgramChangeFields>>("programChanges"),
    arrayField<TrackDraft, &Track::rawEvents, &readRawEvent>("rawEvents"),
    intField<TrackDraft, &Track::endTick, 0, kMaxTick>("endTick"),
    intField<TrackDraft, &Track::id, 1, UINT32_MAX>("id")};

void readTrack(JsonReader& in, const Json& v, const JsonPath& path, Track& out, int defaultProgram)
{
    TrackDraft draft;
    draft.program = defaultProgram;
    if (const Json* channel = jsonio::findMember(v, "channel"))
        draft.jsonChannel =
            static_cast<int>(jsonio::peekInteger<std::int64_t>(*channel, 0, 15).value_or(-1));
    jsonio::visitFields(in, v, path, kTrackFields, draft);
    out = std::move(static_cast<Track&>(draft));
}

// ---- chords ----

void readChordTones(JsonReader& in, const Json& v, const JsonPath& path, PlanChord& c)
{
    c.tones.clear();
    if (v.is_array() && v.size() > 12) {
        in.error(path, std::to_string(v.size()) + " tones; a chord has at most 12");
        return;
    }
    jsonio::readArray(in, v, path, c.tones, [&](const Json& e, const JsonPath& p, int& tone) {
        in.readInt(tone, e, p, 0, 11);
    });
}

constexpr std::array kChordFields{
    intField<PlanChord, &PlanChord::startTick, 0, kMaxTick>("start", kRequired),
    intField<PlanChord, &PlanChord::lengthTicks, 1, kMaxTick>("length", kRequired),
    intField<PlanChord, &PlanChord::root, 0, 11>("root", kRequired),
    stringField<PlanChord, &PlanChord::quality, 32>("quality"),
    Field<PlanChord>{"tones", false, readChordTones},
    intField<PlanChord, &PlanChord::bass, 0, 11>("bass")};

/// Chords in time order, none starting before the previous one ends.
void readChords(JsonReader& in, const Json& v, const JsonPath& path, Plan& d)
{
    jsonio::readArray(in, v, path, d.chords, [&](const Json& e, const JsonPath& p, PlanChord& c) {
        jsonio::visitFields(in, e, p, kChordFields, c);
    });
    for (std::size_t i = 1; i < d.chords.size(); ++i)
        if (d.chords[i].startTick < d.chords[i - 1].endTick())
            in.error(path.index(i).key("start"),
                     std::to_string(d.chords[i].startTick) + " is before the end of " +
                         path.index(i - 1).str() + " (" +
                         std::to_string(d.chords[i - 1].endTick()) + "): chords may not overlap");
}

/// The rules that need the whole take (its length) and the symbol reader; chords without tones
/// get their symbol's. A chord track running past the take is a warning and is cut (projects
/// whose variations changed the length before this check still open).
void checkChordTrack(JsonReader& in, const JsonPath& planPath, Plan& plan)
{
    const JsonPath path = planPath.key("chords");
    bool trim = false;
    for (const ChordIssue& issue : chordTrackIssues(plan)) {
        const JsonPath item = path.index(issue.index); // `at` points into it
        const JsonPath at = item.key(issue.field);
        if (issue.afterTake)
            in.warning(at, issue.message + "; cut there");
        else
            in.error(at, issue.message);
        trim = trim || issue.afterTake;
    }
    if (trim) trimChordTrack(plan);
    for (PlanChord& c : plan.chords)
        if (c.tones.empty())
            if (auto symbol = chordSymbolOf(c)) c.tones = symbol->tones();
}

// ---- the plan ----

struct PlanDraft : Plan
{
    PlanDraft()
    {
        tempos.clear(); // the changes; the initial values are inserted at the front
        timeSignatures.clear();
    }
    std::string schemaUri;
    TempoChange initialTempo;
    TimeSignature initialTimeSignature;
    std::optional<KeySignature> initialKey;
    std::vector<NoteDraft> legacyNotes; ///< top-level "notes" with "ch"
    int defaultProgram = 0;             ///< top-level "program"
};

void readInitialBpm(JsonReader& in, const Json& v, const JsonPath& p, PlanDraft& d)
{
    readBpm(in, v, p, d.initialTempo);
}

void readInitialTimeSignature(JsonReader& in, const Json& v, const JsonPath& p, PlanDraft& d)
{
    jsonio::visitFields(in, v, p, kTimeSignatureFields, d.initialTimeSignature);
}

void readInitialKey(JsonReader& in, const Json& v, const JsonPath& p, PlanDraft& d)
{
    KeyDraft draft;
    if (jsonio::visitFields(in, v, p, kKeyFields, draft)) d.initialKey = toKeySignature(draft);
}

void readTracks(JsonReader& in, const Json& v, const JsonPath& path, PlanDraft& d)
{
    jsonio::readArray(in, v, path, d.tracks, [&](const Json& e, const JsonPath& p, Track& t) {
        readTrack(in, e, p, t, d.defaultProgram);
    });
}

constexpr std::array kPlanFields{
    stringField<PlanDraft, &PlanDraft::schemaUri, kMaxName>("$schema"),
    intField<PlanDraft, &Plan::ppq, Limits::kMinPpq, Limits::kMaxPpq>("ppq"),
    Field<PlanDraft>{"bpm", false, readInitialBpm},
    arrayField<PlanDraft, &Plan::tempos, &readObject<TempoChange, kTempoChangeFields>>(
        "tempoChanges"),
    Field<PlanDraft>{"timeSignature", false, readInitialTimeSignature},
    arrayField<PlanDraft, &Plan::timeSignatures,
               &readObject<TimeSignature, kTimeSignatureChangeFields>>("timeSignatureChanges"),
    Field<PlanDraft>{"key", false, readInitialKey},
    arrayField<PlanDraft, &Plan::keySignatures, &readKeyChange>("keyChanges"),
    arrayField<PlanDraft, &Plan::globalEvents, &readRawEvent>("globalEvents"),
    intField<PlanDraft, &PlanDraft::defaultProgram, 0, 127>("program"),
    Field<PlanDraft>{"tracks", false, readTracks},
    Field<PlanDraft>{"chords", false,
                     [](JsonReader& in, const Json& v, const JsonPath& p, PlanDraft& d) {
                         readChords(in, v, p, d);
                     }},
    arrayField<PlanDraft, &PlanDraft::legacyNotes, &readLegacyNote>("notes")};

std::uint64_t countElements(const Json& object, std::span<const std::string_view> arrayNames)
{
    std::uint64_t count = 0;
    if (!object.is_object()) return 0;
    for (const auto& [name, value] : object.get_ref<const Json::object_t&>())
        if (value.is_array() &&
            std::find(arrayNames.begin(), arrayNames.end(), name) != arrayNames.end())
            count += value.size();
    return count;
}

/// Counts tracks and events from the array sizes alone, before any note is materialized.
bool withinPlanLimits(JsonReader& in, const Json& plan, const JsonPath& path)
{
    std::uint64_t tracks = 0;
    std::uint64_t events = countElements(plan, kPlanEventArrays);
    for (const auto& [name, value] : plan.get_ref<const Json::object_t&>()) {
        if (name != "tracks" || !value.is_array()) continue;
        tracks += value.size();
        for (const Json& track : value)
            events += countElements(track, kTrackEventArrays);
    }
    if (tracks > Limits::kMaxTracks)
        in.error(path.key("tracks"), std::to_string(tracks) + " tracks exceed the limit of " +
                                         std::to_string(Limits::kMaxTracks));
    if (events > static_cast<std::uint64_t>(Limits::kMaxEvents))
        in.error(path, std::to_string(events) + " events exceed the limit of " +
                           std::to_string(Limits::kMaxEvents));
    return tracks <= Limits::kMaxTracks && events <= static_cast<std::uint64_t>(Limits::kMaxEvents);
}

/// The legacy top-level notes become one track per channel, in channel order.
void appendLegacyTracks(JsonReader& in, const JsonPath& planPath, PlanDraft& d)
{
    std::array<std::vector<std::size_t>, 16> byChannel;
    for (std::size_t i = 0; i < d.legacyNotes.size(); ++i)
        byChannel[static_cast<std::size_t>(std::max(0, d.legacyNotes[i].channel))].push_back(i);
    const JsonPath notesPath = planPath.key("notes");
    for (int channel = 0; channel < 16; ++channel) {
        const auto& indices = byChannel[static_cast<std::size_t>(channel)];
        if (indices.empty()) continue;
        Track track;
        track.name = channel == 9 ? "Drums" : "Channel " + std::to_string(channel + 1);
        track.channel = channel;
        track.program = channel == 9 ? 0 : d.defaultProgram;
        for (const std::size_t i : indices)
            track.notes.push_back(d.legacyNotes[i]);
        if (in.errorCount() == 0) // overlaps among half-read notes would only add noise
            warnOverlaps(in, notesPath, track.notes, indices);
        d.tracks.push_back(std::move(track));
    }
    if (d.tracks.size() > static_cast<std::size_t>(Limits::kMaxTracks))
        in.error(notesPath, std::to_string(d.tracks.size()) + " tracks exceed the limit of " +
                                std::to_string(Limits::kMaxTracks));
}

Plan assemblePlan(PlanDraft&& d)
{
    d.tempos.insert(d.tempos.begin(), d.initialTempo);
    d.timeSignatures.insert(d.timeSignatures.begin(), d.initialTimeSignature);
    if (d.initialKey) d.keySignatures.insert(d.keySignatures.begin(), *d.initialKey);
    Plan plan = std::move(static_cast<Plan&>(d));
    plan.normalize();
    return plan;
}

} // namespace

namespace jsonio {

void readPlan(JsonReader& in, const Json& v, const JsonPath& path, Plan& out)
{
    if (!in.expectObject(v, path) || !withinPlanLimits(in, v, path)) return;
    PlanDraft draft;
    if (const Json* program = jsonio::findMember(v, "program")) // "tracks" may come first
        draft.defaultProgram =
            static_cast<int>(jsonio::peekInteger<std::int64_t>(*program, 0, 127).value_or(0));
    jsonio::visitFields(in, v, path, kPlanFields, draft);
    appendLegacyTracks(in, path, draft);
    out = assemblePlan(std::move(draft));
    if (in.errorCount() == 0) checkChordTrack(in, path, out);
}

} // namespace jsonio

Result<PlanReadResult> planFromJson(std::string_view text)
{
    auto read = jsonio::readDocument<Plan>(text, jsonio::readPlan);
    if (!read.report.ok()) return makeError(read.failure, read.report.errorText());
    return PlanReadResult{std::move(read.value), std::move(read.report)};
}

ValidationReport validatePlanJson(std::string_view text)
{
    return jsonio::readDocument<Plan>(text, jsonio::readPlan).report;
}

} // namespace pianola::model
