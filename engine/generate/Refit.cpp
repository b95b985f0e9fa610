// SPDX-License-Identifier: MIT
// Refit: every pitched, unlocked note moves to the new chord by its function in the old one.
#include "engine/generate/Refit.h"

#include "engine/generate/Arranger.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/Theory.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdlib>
#include <numeric>

namespace pianola::engine::generate {

namespace {
using model::Note;
using model::PlanChord;
using model::Tick;

enum class Function { Root, Third, Fifth, Seventh, Other, None };

// The function of an interval above the root in a chord with these tones.
Function functionOf(int interval)
{
    switch (interval) {
    case 0:
        return Function::Root;
    case 2:
    case 3:
    case 4:
    case 5:
        return interval == 2 || interval == 5 ? Function::Other : Function::Third;
    case 6:
    case 7:
    case 8:
        return Function::Fifth;
    case 9:
    case 10:
    case 11:
        return Function::Seventh;
    default:
        return Function::Other;
    }
}

bool has(const std::vector<int>& tones, int pc)
{
    return std::find(tones.begin(), tones.end(), pc) != tones.end();
}

Function functionIn(const PlanChord& chord, int pc)
{
    if (!has(chord.tones, pc)) return Function::None;
    const Function f = functionOf((pc - chord.root + 12) % 12);
    // sus chords: their 2nd or 4th stands where the third would
    const bool thirdless = std::none_of(chord.tones.begin(), chord.tones.end(), [&](int t) {
        const int i = (t - chord.root + 12) % 12;
        return i == 3 || i == 4;
    });
    const int i = (pc - chord.root + 12) % 12;
    return thirdless && (i == 2 || i == 5) ? Function::Third : f;
}

// The new chord's tone for a function, or -1.
int toneFor(const PlanChord& chord, Function f, bool bass)
{
    if (f == Function::Root) return bass && chord.bass >= 0 ? chord.bass : chord.root;
    for (int t : chord.tones)
        if (t != chord.root && functionIn(chord, t) == f) return t;
    return -1;
}

// The key of pitch class `pc` nearest to `key` (ties: below), inside 0..127.
int nearestKeyOf(int pc, int key)
{
    int best = -1;
    for (int k = pc; k < 128; k += 12)
        if (best < 0 || std::abs(k - key) < std::abs(best - key)) best = k;
    return best;
}

const PlanChord* chordAt(const std::vector<PlanChord>& chords, Tick tick)
{
    auto it = std::upper_bound(chords.begin(), chords.end(), tick,
                               [](Tick t, const PlanChord& c) { return t < c.startTick; });
    if (it == chords.begin()) return nullptr;
    --it;
    return tick < it->endTick() ? &*it : nullptr;
}

/// Keys already sounding in the track, so a new key never doubles a sounding note. Placed notes
/// come in start order (give or take a strike's window), so ended ones are dropped as it goes;
/// locked notes anywhere in the track are always checked.
class Occupancy
{
public:
    explicit Occupancy(Tick slack) : m_slack(slack) {}
    void lock(const Note& n) { m_locked.push_back(n); }
    void add(const Note& n) { m_placed.push_back(n); }
    bool free(int key, const Note& n)
    {
        std::erase_if(m_placed, [&](const Note& o) { return o.endTick() + m_slack < n.startTick; });
        const auto clash = [&](const Note& o) {
            return o.key == key && o.startTick < n.endTick() && n.startTick < o.endTick();
        };
        return std::none_of(m_placed.begin(), m_placed.end(), clash) &&
               std::none_of(m_locked.begin(), m_locked.end(), clash);
    }
    // The first free key of `candidates` (by preference), else the note's own key.
    int pick(const std::vector<int>& candidates, const Note& n)
    {
        for (int k : candidates)
            if (k >= 0 && k < 128 && free(k, n)) return k;
        return n.key;
    }

private:
    Tick m_slack;
    std::vector<Note> m_placed, m_locked;
};

struct Context
{
    const std::vector<PlanChord>& oldChords;
    const std::vector<PlanChord>& newChords;
    int tonic;
    Mode mode;
    Tick beat;
};

// The tick whose chord notes struck at `start` belong to: an anticipation (struck within a beat
// before a change of the old harmony, fitting the coming chord better) belongs to the coming one.
Tick harmonicTick(const std::vector<int>& pcs, Tick start, const Context& cx)
{
    const auto next = std::upper_bound(cx.oldChords.begin(), cx.oldChords.end(), start,
                                       [](Tick t, const PlanChord& c) { return t < c.startTick; });
    if (next == cx.oldChords.end() || next->startTick - start > cx.beat) return start;
    const auto fit = [&](const PlanChord* c) {
        return c ? std::count_if(pcs.begin(), pcs.end(), [&](int pc) { return has(c->tones, pc); })
                 : 0;
    };
    return fit(&*next) > fit(chordAt(cx.oldChords, start)) ? next->startTick : start;
}

// Keys with a pitch class in `pcs`, nearest to `key` first.
std::vector<int> keysNear(const std::vector<int>& pcs, int key)
{
    std::vector<int> out;
    for (int pc : pcs)
        for (int k = nearestKeyOf(pc, key) - 12; k <= nearestKeyOf(pc, key) + 12; k += 12)
            if (k >= 0 && k < 128) out.push_back(k);
    std::stable_sort(out.begin(), out.end(),
                     [&](int a, int b) { return std::abs(a - key) < std::abs(b - key); });
    return out;
}

// A scale tone a semitone away from no chord tone: safe for a short passing note.
bool safePassingTone(int pc, const PlanChord& chord, const Context& cx)
{
    if (!inScale(pc, cx.tonic, cx.mode)) return false;
    return std::none_of(chord.tones.begin(), chord.tones.end(), [&](int t) {
        const int d = (pc - t + 12) % 12;
        return d == 1 || d == 11;
    });
}

// One note that moves alone. A bass note takes the new chord's tone of its old function (the
// root, or the slash bass, on the chord's first beat); a melody or arpeggio note stays when it is
// a chord tone (or a short off-beat scale tone that clashes with none), else moves to the
// nearest chord tone.
int moveAlone(const Note& n, bool bass, const Context& cx, Occupancy& busy)
{
    const int pc = n.key % 12;
    const Tick at = harmonicTick({pc}, n.startTick, cx);
    const PlanChord* target = chordAt(cx.newChords, at);
    if (!target) return n.key;
    const bool passing = n.startTick % cx.beat != 0 && n.lengthTicks <= cx.beat / 2;
    std::vector<int> candidates;
    if (bass) {
        const PlanChord* old = chordAt(cx.oldChords, at);
        const Function f = old ? functionIn(*old, pc) : Function::None;
        const bool downbeat = at < target->startTick + cx.beat;
        const int tone = toneFor(*target, downbeat ? Function::Root : f, true);
        if (f != Function::None || downbeat) {
            if (tone >= 0) candidates.push_back(nearestKeyOf(tone, n.key));
        } else if (passing && safePassingTone(pc, *target, cx)) {
            candidates.push_back(n.key);
        }
    } else if (has(target->tones, pc) || (passing && safePassingTone(pc, *target, cx))) {
        candidates.push_back(n.key);
    }
    for (int k : keysNear(target->tones, n.key))
        candidates.push_back(k);
    return busy.pick(candidates, n);
}

// Tones a voicing of `voices` notes should hold, most important first: root, third, seventh,
// fifth, the others; doubled from the root up when there are more voices than tones.
std::vector<int> voicingTones(const PlanChord& chord, std::size_t voices)
{
    std::vector<int> order;
    for (Function f : {Function::Root, Function::Third, Function::Seventh, Function::Fifth})
        if (const int t = toneFor(chord, f, false); t >= 0 && !has(order, t)) order.push_back(t);
    for (int t : chord.tones)
        if (!has(order, t) && t != chord.bass) order.push_back(t);
    if (order.size() > voices) order.resize(voices);
    for (std::size_t i = 0; order.size() < voices; ++i)
        order.push_back(order[i % order.size()]);
    return order;
}

// Voices (sorted keys) to the tones with the least total movement: every assignment for up to
// six voices, in order beyond that.
std::vector<int> assignVoices(const std::vector<int>& keys, std::vector<int> tones)
{
    std::vector<int> best(keys.size());
    if (keys.size() > 6) {
        std::sort(tones.begin(), tones.end());
        for (std::size_t i = 0; i < keys.size(); ++i)
            best[i] = nearestKeyOf(tones[i], keys[i]);
        return best;
    }
    std::sort(tones.begin(), tones.end());
    int bestCost = INT_MAX;
    do {
        int cost = 0;
        std::vector<int> trial(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i) {
            trial[i] = nearestKeyOf(tones[i], keys[i]);
            cost += std::abs(trial[i] - keys[i]);
        }
        std::vector<int> sorted = trial;
        std::sort(sorted.begin(), sorted.end());
        if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) cost += 1000;
        if (cost < bestCost) bestCost = cost, best = trial;
    } while (std::next_permutation(tones.begin(), tones.end()));
    return best;
}

// Notes of a chord part struck together (within a 32nd: humanized chords stay one chord).
std::vector<std::vector<std::size_t>> strikes(const std::vector<Note>& notes, Tick window)
{
    std::vector<std::vector<std::size_t>> out;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        if (out.empty() || notes[i].startTick - notes[out.back().front()].startTick > window)
            out.emplace_back();
        out.back().push_back(i);
    }
    return out;
}

void refitChordPart(model::Track& track, const Context& cx, RefitReport& report)
{
    Occupancy busy(cx.beat);
    for (const Note& n : track.notes)
        if (n.locked) busy.lock(n);
    std::vector<Note> out = track.notes;
    for (const std::vector<std::size_t>& strike : strikes(track.notes, cx.beat / 8)) {
        std::vector<std::size_t> free;
        for (std::size_t i : strike)
            if (!track.notes[i].locked) free.push_back(i);
        std::vector<int> pcs;
        for (std::size_t i : strike)
            pcs.push_back(track.notes[i].key % 12);
        const PlanChord* target =
            chordAt(cx.newChords, harmonicTick(pcs, track.notes[strike.front()].startTick, cx));
        if (free.size() >= 2 && target) {
            std::sort(free.begin(), free.end(), [&](std::size_t a, std::size_t b) {
                return track.notes[a].key < track.notes[b].key;
            });
            std::vector<int> keys;
            for (std::size_t i : free)
                keys.push_back(track.notes[i].key);
            const std::vector<int> voiced = assignVoices(keys, voicingTones(*target, free.size()));
            for (std::size_t v = 0; v < free.size(); ++v) {
                const Note& n = track.notes[free[v]];
                std::vector<int> candidates{voiced[v], voiced[v] + 12, voiced[v] - 12};
                for (int k : keysNear(target->tones, n.key))
                    candidates.push_back(k);
                out[free[v]].key = static_cast<std::uint8_t>(busy.pick(candidates, n));
                busy.add(out[free[v]]);
            }
        } else {
            for (std::size_t i : free) {
                out[i].key = static_cast<std::uint8_t>(moveAlone(track.notes[i], false, cx, busy));
                busy.add(out[i]);
            }
        }
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].locked) continue;
        (out[i].key != track.notes[i].key ? report.movedNotes : report.keptNotes)++;
    }
    track.notes = std::move(out);
}

void refitLine(model::Track& track, bool bass, const Context& cx, RefitReport& report)
{
    Occupancy busy(cx.beat);
    for (const Note& n : track.notes)
        if (n.locked) busy.lock(n);
    for (Note& n : track.notes) {
        if (n.locked) continue;
        const int key = moveAlone(n, bass, cx, busy);
        (key != n.key ? report.movedNotes : report.keptNotes)++;
        n.key = static_cast<std::uint8_t>(key);
        busy.add(n);
    }
}
} // namespace

model::Plan refitToChords(const model::Plan& take, std::vector<model::PlanChord> chords,
                          RefitReport* report)
{
    RefitReport local;
    RefitReport& r = report ? *report : local;
    const std::vector<PlanChord> oldChords = takeHarmony(take);
    const PlanInfo info = inferPlanInfo(take);
    model::Plan out = take;
    std::sort(chords.begin(), chords.end(),
              [](const PlanChord& a, const PlanChord& b) { return a.startTick < b.startTick; });
    out.chords = std::move(chords);
    const Context cx{oldChords, out.chords, info.tonic, info.minor ? Mode::Minor : Mode::Major,
                     std::max(1, take.ppq)};
    for (std::size_t t = 0; t < out.tracks.size(); ++t) {
        model::Track& track = out.tracks[t];
        const std::optional<Role> role = info.roles[t];
        if (!role || *role == Role::Drums || track.channel == 9) continue;
        if (track.locked) {
            r.lockedNotes += static_cast<int>(track.notes.size());
            continue;
        }
        r.lockedNotes += static_cast<int>(std::count_if(track.notes.begin(), track.notes.end(),
                                                        [](const Note& n) { return n.locked; }));
        ++r.tracks;
        if (*role == Role::Chords || *role == Role::Pad)
            refitChordPart(track, cx, r);
        else
            refitLine(track, *role == Role::Bass, cx, r);
    }
    return out;
}

} // namespace pianola::engine::generate
