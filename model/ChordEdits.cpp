// SPDX-License-Identifier: MIT
// Chord track gestures as values.
#include "model/ChordEdits.h"

#include "model/GeneralMidi.h"
#include "model/NoteOps.h"

#include <algorithm>
#include <cstdlib>

namespace pianola::model {

namespace {
void sortChords(std::vector<PlanChord>& chords)
{
    std::sort(chords.begin(), chords.end(),
              [](const PlanChord& a, const PlanChord& b) { return a.startTick < b.startTick; });
}

int pcUp(int pc, int semitones)
{
    return ((pc + semitones) % 12 + 12) % 12;
}

/// The signature of the key a tonic `semitones` higher, with the fewer accidentals.
KeySignature transposedKey(KeySignature key, int semitones)
{
    const int tonic = pcUp(keySignatureTonicPc(key), semitones);
    KeySignature best = key;
    int bestAccidentals = 99;
    for (const bool flats : {false, true}) {
        KeySignature k = key;
        if (keySignatureFromTonic(pitchClassName(tonic, flats), key.minor, k) &&
            std::abs(k.sharps) < bestAccidentals) {
            best = k;
            bestAccidentals = std::abs(k.sharps);
        }
    }
    best.tick = key.tick;
    return best;
}
} // namespace

std::vector<PlanChord> withChordPlaced(std::vector<PlanChord> chords, const PlanChord& chord)
{
    std::vector<PlanChord> out;
    for (const PlanChord& c : chords) {
        if (c.endTick() <= chord.startTick || c.startTick >= chord.endTick()) {
            out.push_back(c);
            continue;
        }
        if (c.startTick < chord.startTick) { // the part before
            PlanChord before = c;
            before.lengthTicks = chord.startTick - c.startTick;
            out.push_back(before);
        }
        if (c.endTick() > chord.endTick()) { // the part after
            PlanChord after = c;
            after.startTick = chord.endTick();
            after.lengthTicks = c.endTick() - chord.endTick();
            out.push_back(after);
        }
    }
    out.push_back(chord);
    sortChords(out);
    return out;
}

std::vector<PlanChord> withChordSplit(std::vector<PlanChord> chords, std::size_t index, Tick tick)
{
    if (index >= chords.size()) return chords;
    PlanChord& c = chords[index];
    if (tick < c.startTick + kMinChordTicks || tick > c.endTick() - kMinChordTicks) return chords;
    PlanChord second = c;
    second.startTick = tick;
    second.lengthTicks = c.endTick() - tick;
    c.lengthTicks = tick - c.startTick;
    chords.insert(chords.begin() + static_cast<std::ptrdiff_t>(index) + 1, second);
    return chords;
}

std::vector<PlanChord> withChordEdgeMoved(std::vector<PlanChord> chords, std::size_t index,
                                          bool end, Tick tick, Tick limit)
{
    if (index >= chords.size()) return chords;
    sortChords(chords);
    PlanChord& c = chords[index];
    PlanChord* prev = index > 0 ? &chords[index - 1] : nullptr;
    PlanChord* next = index + 1 < chords.size() ? &chords[index + 1] : nullptr;
    if (end) {
        const bool touching = next && next->startTick == c.endTick();
        const Tick hi =
            next ? (touching ? next->endTick() - kMinChordTicks : next->startTick) : limit;
        tick = std::clamp(tick, c.startTick + kMinChordTicks,
                          std::max(c.startTick + kMinChordTicks, hi));
        if (touching) {
            next->lengthTicks = next->endTick() - tick;
            next->startTick = tick;
        }
        c.lengthTicks = tick - c.startTick;
    } else {
        const bool touching = prev && prev->endTick() == c.startTick;
        const Tick lo = prev ? (touching ? prev->startTick + kMinChordTicks : prev->endTick()) : 0;
        tick = std::clamp(tick, std::min(lo, c.endTick() - kMinChordTicks),
                          c.endTick() - kMinChordTicks);
        if (touching) prev->lengthTicks = tick - prev->startTick;
        c.lengthTicks = c.endTick() - tick;
        c.startTick = tick;
    }
    return chords;
}

std::vector<PlanChord> transposedChords(std::vector<PlanChord> chords, int semitones)
{
    for (PlanChord& c : chords) {
        c.root = pcUp(c.root, semitones);
        if (c.bass >= 0) c.bass = pcUp(c.bass, semitones);
        for (int& t : c.tones)
            t = pcUp(t, semitones);
    }
    return chords;
}

Result<Plan> transposedTake(const Plan& plan, int semitones)
{
    Plan out = plan;
    for (Track& t : out.tracks) {
        if (t.channel == gm::kDrumChannel) continue;
        for (Note& n : t.notes) {
            const int key = n.key + semitones;
            if (key < 0 || key > 127)
                return makeError(Error::Code::InvalidArgument,
                                 "a note of track '" + t.name +
                                     "' would leave the MIDI range (0-127)");
            n.key = static_cast<decltype(n.key)>(key);
        }
    }
    out.chords = transposedChords(std::move(out.chords), semitones);
    for (KeySignature& k : out.keySignatures)
        k = transposedKey(k, semitones);
    return out;
}

PlanEdit chordTrackEdit(TakeId take, const Plan& plan, std::vector<PlanChord> chords)
{
    PlanEdit edit{take, plan, plan};
    sortChords(chords);
    edit.after.chords = std::move(chords);
    return edit;
}

} // namespace pianola::model
