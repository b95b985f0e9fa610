// SPDX-License-Identifier: MIT
// Plan helpers: length, counts, canonical ordering and key-signature names.
#include "model/Plan.h"

#include <algorithm>
#include <array>

namespace pianola::model {

namespace {
template <typename T> Tick lastTick(const std::vector<T>& events)
{
    return events.empty() ? 0 : events.back().tick;
}

template <typename T> void sortByTick(std::vector<T>& events)
{
    std::stable_sort(events.begin(), events.end(),
                     [](const T& a, const T& b) { return a.tick < b.tick; });
}
} // namespace

Tick Plan::lengthTicks() const
{
    Tick end = 0;
    for (const Track& t : tracks) {
        end = std::max(end, t.endTick);
        for (const Note& n : t.notes)
            end = std::max(end, n.endTick());
        end = std::max({end, lastTick(t.controllers), lastTick(t.pitchBends),
                        lastTick(t.channelPressure), lastTick(t.polyPressure),
                        lastTick(t.programChanges), lastTick(t.rawEvents)});
    }
    end = std::max({end, lastTick(tempos), lastTick(timeSignatures), lastTick(keySignatures),
                    lastTick(globalEvents)});
    return end;
}

std::int64_t Plan::noteCount() const
{
    std::int64_t n = 0;
    for (const Track& t : tracks)
        n += static_cast<std::int64_t>(t.notes.size());
    return n;
}

std::int64_t Plan::eventCount() const
{
    std::int64_t n = 0;
    for (const Track& t : tracks)
        n += static_cast<std::int64_t>(t.notes.size() + t.controllers.size() + t.pitchBends.size() +
                                       t.channelPressure.size() + t.polyPressure.size() +
                                       t.programChanges.size() + t.rawEvents.size());
    return n;
}

int Plan::trackIndex(TrackId id) const
{
    for (std::size_t i = 0; i < tracks.size() && id != 0; ++i)
        if (tracks[i].id == id) return static_cast<int>(i);
    return -1;
}

TrackId Plan::nextTrackId() const
{
    TrackId next = 1;
    for (const Track& t : tracks)
        next = std::max<TrackId>(next, t.id + 1);
    return next;
}

void Plan::assignTrackIds()
{
    TrackId next = nextTrackId();
    for (std::size_t i = 0; i < tracks.size(); ++i)
        if (tracks[i].id == 0 || trackIndex(tracks[i].id) != static_cast<int>(i))
            tracks[i].id = next++;
}

void Plan::normalize()
{
    sortByTick(tempos);
    sortByTick(timeSignatures);
    sortByTick(keySignatures);
    sortByTick(globalEvents);
    for (Track& t : tracks) {
        std::stable_sort(t.notes.begin(), t.notes.end(), [](const Note& a, const Note& b) {
            return a.startTick != b.startTick ? a.startTick < b.startTick : a.key < b.key;
        });
        NoteId next = 1;
        for (const Note& n : t.notes)
            next = std::max<NoteId>(next, n.id + 1);
        for (Note& n : t.notes)
            if (n.id == 0) n.id = next++;
        sortByTick(t.controllers);
        sortByTick(t.pitchBends);
        sortByTick(t.channelPressure);
        sortByTick(t.polyPressure);
        sortByTick(t.programChanges);
        sortByTick(t.rawEvents);
    }
    std::stable_sort(chords.begin(), chords.end(), [](const PlanChord& a, const PlanChord& b) {
        return a.startTick < b.startTick;
    });
}

namespace {
// Major-key tonics by sharps (-7..7); a minor key is the relative minor (3 fifths up).
constexpr std::array<const char*, 15> kMajorTonic = {"Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C",
                                                     "G",  "D",  "A",  "E",  "B",  "F#", "C#"};
constexpr std::array<const char*, 15> kMinorTonic = {"Ab", "Eb", "Bb", "F",  "C",  "G",  "D", "A",
                                                     "E",  "B",  "F#", "C#", "G#", "D#", "A#"};
} // namespace

std::string keySignatureTonic(const KeySignature& key)
{
    const int i = std::clamp(key.sharps, -7, 7) + 7;
    return key.minor ? kMinorTonic[static_cast<std::size_t>(i)]
                     : kMajorTonic[static_cast<std::size_t>(i)];
}

bool keySignatureFromTonic(const std::string& tonic, bool minor, KeySignature& out)
{
    const auto& names = minor ? kMinorTonic : kMajorTonic;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (tonic == names[i]) {
            out.sharps = static_cast<int>(i) - 7;
            out.minor = minor;
            return true;
        }
    }
    // Enharmonic spellings outside the 15 signatures (e.g. "D#" major): pick the one with
    // fewer accidentals by pitch class.
    static const std::array<std::pair<const char*, int>, 21> kPc = {
        {{"C", 0},  {"C#", 1}, {"Db", 1},  {"D", 2},   {"D#", 3}, {"Eb", 3},  {"E", 4},
         {"Fb", 4}, {"E#", 5}, {"F", 5},   {"F#", 6},  {"Gb", 6}, {"G", 7},   {"G#", 8},
         {"Ab", 8}, {"A", 9},  {"A#", 10}, {"Bb", 10}, {"B", 11}, {"Cb", 11}, {"B#", 0}}};
    int pc = -1;
    for (const auto& [name, value] : kPc)
        if (tonic == name) pc = value;
    if (pc < 0) return false;
    for (int sharps = -6; sharps <= 6; ++sharps) { // prefer <= 6 accidentals
        const int keyPc = keySignatureTonicPc(KeySignature{0, sharps, minor});
        if (keyPc == pc && std::abs(sharps) <= 6) {
            out.sharps = sharps;
            out.minor = minor;
            return true;
        }
    }
    return false;
}

std::string chordSymbol(const PlanChord& chord, bool flats)
{
    static constexpr std::array<const char*, 12> kSharp = {"C",  "C#", "D",  "D#", "E",  "F",
                                                           "F#", "G",  "G#", "A",  "A#", "B"};
    static constexpr std::array<const char*, 12> kFlat = {"C",  "Db", "D",  "Eb", "E",  "F",
                                                          "Gb", "G",  "Ab", "A",  "Bb", "B"};
    const auto pc = static_cast<std::size_t>(((chord.root % 12) + 12) % 12);
    std::string out = std::string(flats ? kFlat[pc] : kSharp[pc]) + chord.quality;
    if (chord.bass >= 0 && chord.bass != chord.root) {
        const auto bass = static_cast<std::size_t>(chord.bass % 12);
        out += std::string("/") + (flats ? kFlat[bass] : kSharp[bass]);
    }
    return out;
}

int keySignatureTonicPc(const KeySignature& key)
{
    return ((key.sharps * 7) % 12 + 12 + (key.minor ? 9 : 0)) % 12;
}

} // namespace pianola::model
