// SPDX-License-Identifier: MIT
// The variation operations: each changes only the tracks (and notes) it concerns.
#include "engine/generate/Generator.h"
#include "engine/generate/Parts.h"
#include "engine/generate/PromptText.h"
#include "engine/generate/Rebar.h"
#include "engine/generate/Varier.h"
#include "model/Analysis.h"
#include "model/ChordTrack.h"
#include "model/NoteOps.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pianola::engine::generate {

using model::Plan;
using model::Track;

namespace {
bool isDrums(const Track& t)
{
    return t.channel == 9;
}

std::string fmt(double v)
{
    return numberText(v);
}
} // namespace

bool Varier::kept(std::size_t track) const
{
    if (m_keep.empty()) return false;
    const auto role = inferRole(m_plan.tracks[track]);
    return role && std::find(m_keep.begin(), m_keep.end(), *role) != m_keep.end();
}

bool Varier::roleMatches(std::size_t track, const Target& t) const
{
    if (t.roles.empty()) return !kept(track);
    const auto role = inferRole(m_plan.tracks[track]);
    return role && std::find(t.roles.begin(), t.roles.end(), *role) != t.roles.end();
}

void Varier::forNotes(const Target& target, const std::function<void(model::Note&)>& f)
{
    for (std::size_t i = 0; i < m_plan.tracks.size(); ++i) {
        if (!roleMatches(i, target)) continue;
        m_keptNamed |= kept(i);
        Track& t = m_plan.tracks[i];
        for (model::Note& n : t.notes)
            if (!isDrums(t) || target.drumKeys.empty() ||
                std::find(target.drumKeys.begin(), target.drumKeys.end(), n.key) !=
                    target.drumKeys.end())
                f(n);
    }
}

void Varier::mapTicks(const std::function<model::Tick(model::Tick)>& f, bool keepLength)
{
    for (Track& t : m_plan.tracks) {
        for (model::Note& n : t.notes) {
            const model::Tick start = f(n.startTick);
            n.lengthTicks =
                keepLength ? n.lengthTicks : std::max<model::Tick>(f(n.endTick()) - start, 1);
            n.startTick = start;
        }
        for (auto& c : t.controllers)
            c.tick = f(c.tick);
        for (auto& b : t.pitchBends)
            b.tick = f(b.tick);
        // A map that rounds may bring two notes of one key to one tick (more swing squeezes
        // the second half of each beat): one of them is kept, as everywhere notes move.
        separateSameKey(t.notes, std::max(t.endTick, m_plan.lengthTicks()));
    }
}

// The plan's chords follow a change of the chord parts' pitches (unless the chords are kept).
void Varier::mapChords(const std::function<int(int)>& f)
{
    if (std::find(m_keep.begin(), m_keep.end(), Role::Chords) != m_keep.end()) return;
    for (model::PlanChord& c : m_plan.chords) {
        for (int& t : c.tones)
            t = ((f(t) % 12) + 12) % 12;
        c.root = c.tones.empty() ? ((f(c.root) % 12) + 12) % 12 : c.tones.front();
        c.quality = chordQualityName(c.tones);
    }
}

void Varier::transpose(int semitones)
{
    if (semitones == 0) { // "transpose up 0", "to C" in C: nothing moves, and no change is told
        const PlanInfo pi = info();
        refuse("transpose: not done, the take is already in " +
               model::analysis::keyName({pi.tonic, pi.minor, 0.0}));
        return;
    }
    for (std::size_t i = 0; i < m_plan.tracks.size(); ++i)
        if (Track& t = m_plan.tracks[i]; !isDrums(t) && inScope(i))
            for (model::Note& n : t.notes) {
                int k = n.key + semitones;
                while (k > 127)
                    k -= 12;
                while (k < 0)
                    k += 12;
                n.key = static_cast<std::uint8_t>(k);
            }
    if (!m_scope) { // the key and the chords move with the whole take, not with one part
        for (model::KeySignature& k : m_plan.keySignatures)
            k = keySignatureFor(model::keySignatureTonicPc(k) + semitones + 120, k.minor, k.tick);
        mapChords([semitones](int pc) { return pc + semitones; });
    }
    m_result.changes.push_back(
        "transposed" + scopeName(true) + " " + std::string(semitones >= 0 ? "up " : "down ") +
        std::to_string(std::abs(semitones)) + " semitones" + (m_scope ? "" : " (drums unchanged)"));
}

void Varier::transposeTo(int tonic, std::optional<bool> minor)
{
    const PlanInfo i = info();
    int semis = ((tonic - i.tonic) % 12 + 12) % 12;
    if (semis > 6) semis -= 12;
    const bool modeChanges = minor && *minor != i.minor;
    if (modeChanges) shiftMode(*minor); // the mode around the old tonic, then move
    if (semis != 0 || !modeChanges) transpose(semis);
}

double Varier::degree() const
{
    static constexpr double kDegree[] = {1.0, 0.6, 1.6, 1.3};
    return kDegree[m_index];
}

// The pitched parts (not drums, not bass, not kept) an octave up or down, where they fit.
void Varier::shiftRegister(int semitones)
{
    int moved = 0;
    for (std::size_t ti = 0; ti < m_plan.tracks.size(); ++ti) {
        Track& t = m_plan.tracks[ti];
        if (isDrums(t) || kept(ti) || inferRole(t) == Role::Bass || t.notes.empty()) continue;
        const auto [lo, hi] = std::minmax_element(
            t.notes.begin(), t.notes.end(),
            [](const model::Note& a, const model::Note& b) { return a.key < b.key; });
        if (lo->key + semitones < 24 || hi->key + semitones > 108) continue;
        for (model::Note& n : t.notes)
            n.key = static_cast<std::uint8_t>(n.key + semitones), ++moved;
    }
    m_result.changes.push_back(std::string(semitones < 0 ? "lower" : "higher") +
                               ": the pitched parts an octave " + (semitones < 0 ? "down" : "up") +
                               " (" + std::to_string(moved) + " notes)");
}

void Varier::shiftMode(bool darker, int option)
{
    const PlanInfo i = info();
    std::vector<int> from; // scale steps above the tonic that move by `by`
    int by = darker ? -1 : 1;
    bool toMinor = i.minor;
    // The plain reading first; the other candidates take another scale, or the same one an
    // octave lower (darker) or higher (brighter).
    option = std::clamp(option, 0, 3);
    const auto o = static_cast<std::size_t>(option);
    std::string scale;
    if (darker && !i.minor) {
        static const std::vector<int> kMajor[] = {{4, 9, 11}, {4, 9}, {2, 4, 9, 11}, {4, 9, 11}};
        static const char* kName[] = {"minor", "harmonic minor", "phrygian", "minor"};
        from = kMajor[o], toMinor = true, scale = kName[o];
    } else if (darker) {
        static const std::vector<int> kMinor[] = {{2}, {2, 7}, {2}, {}};
        static const char* kName[] = {"phrygian", "locrian", "phrygian", "minor"};
        from = kMinor[o], scale = kName[o];
    } else if (i.minor) {
        static const std::vector<int> kMinor[] = {{3, 8, 10}, {8}, {3, 8, 10}, {8, 10}};
        static const char* kName[] = {"major", "dorian", "major", "melodic minor"};
        from = kMinor[o], toMinor = option == 1 || option == 3, scale = kName[o];
    } else {
        from = option == 1 ? std::vector<int>{} : std::vector<int>{5};
        scale = option == 1 ? "major" : "lydian";
    }
    if (option == 2 || (option == 3 && darker) || (option == 1 && !darker && !i.minor))
        shiftRegister(darker ? -12 : 12);
    int moved = 0;
    for (std::size_t ti = 0; ti < m_plan.tracks.size(); ++ti)
        if (Track& t = m_plan.tracks[ti]; !isDrums(t) && !kept(ti))
            for (model::Note& n : t.notes) {
                const int rel = ((n.key - i.tonic) % 12 + 12) % 12;
                if (std::find(from.begin(), from.end(), rel) != from.end() && n.key + by >= 0 &&
                    n.key + by <= 127)
                    n.key = static_cast<std::uint8_t>(n.key + by), ++moved;
            }
    m_plan.keySignatures = {keySignatureFor(i.tonic, toMinor)};
    mapChords([&](int pc) {
        const int rel = ((pc - i.tonic) % 12 + 12) % 12;
        return std::find(from.begin(), from.end(), rel) != from.end() ? pc + by : pc;
    });
    const std::string name = model::analysis::keyTonicName(i.tonic, i.minor);
    m_result.changes.push_back(std::string(darker ? "darker" : "brighter") + ": " + name +
                               (i.minor ? " minor" : " major") + " -> " + name + " " + scale +
                               ", " + std::to_string(moved) + " notes moved a semitone");
}

void Varier::velocity(const Target& target, bool harder)
{
    int count = 0;
    forNotes(target, [&](model::Note& n) {
        const double d = degree(); // the candidate's "how much"
        const double v =
            harder ? n.velocity + (n.velocity * 0.2 + 8) * d : n.velocity * (1 - 0.28 * d);
        n.velocity =
            static_cast<std::uint8_t>(std::clamp(static_cast<int>(std::lround(v)), 1, 127));
        ++count;
    });
    m_result.changes.push_back(std::string(harder ? "harder " : "softer ") + target.name + ": " +
                               std::to_string(count) + " notes " + (harder ? "louder" : "quieter"));
}

namespace {
bool isHat(const model::Note& n)
{
    return n.key == 42 || n.key == 46 || n.key == 51;
}
} // namespace

void Varier::busier()
{
    const PlanInfo pi = info();
    const model::Tick step = m_plan.ppq / 4;
    // Long notes are re-struck every beat (chords, pads) or every eighth (the rest).
    const auto restrike = [&](Role role) -> model::Tick {
        return role == Role::Chords || role == Role::Pad ? m_plan.ppq : m_plan.ppq / 2;
    };
    std::int64_t projected = m_plan.noteCount();
    for (std::size_t ti = 0; ti < m_plan.tracks.size(); ++ti) {
        const auto role = pi.roles[ti];
        if (!role || !inScope(ti)) continue;
        if (*role == Role::Drums) { // at most a hat after each hat, a ghost snare a beat
            projected += std::count_if(m_plan.tracks[ti].notes.begin(),
                                       m_plan.tracks[ti].notes.end(), isHat) +
                         pi.bars * pi.barTicks / std::max<model::Tick>(4 * step, 1);
            continue;
        }
        const model::Tick unit = restrike(*role);
        for (const model::Note& n : m_plan.tracks[ti].notes)
            if (n.lengthTicks >= 2 * unit) projected += (n.lengthTicks + unit - 1) / unit - 1;
    }
    if (!withinBudget(projected, "busier")) return;
    int added = 0;
    for (std::size_t ti = 0; ti < m_plan.tracks.size(); ++ti) {
        Track& t = m_plan.tracks[ti];
        const auto role = pi.roles[ti];
        if (!role || !inScope(ti)) continue;
        std::vector<model::Note> extra, kept;
        if (*role == Role::Drums) { // sixteenth hats between the hats, ghost snares
            // In time order, each once: the notes are not sorted between the changes of one
            // line, and "busier, busier" must fill the gaps left, not stack a hat on a hat.
            std::vector<model::Tick> hats, snares;
            for (const model::Note& n : t.notes) {
                if (isHat(n)) hats.push_back(n.startTick);
                if (n.key >= 37 && n.key <= 40) snares.push_back(n.startTick);
            }
            std::sort(hats.begin(), hats.end());
            hats.erase(std::unique(hats.begin(), hats.end()), hats.end());
            std::sort(snares.begin(), snares.end());
            for (std::size_t h = 0; h + 1 < hats.size(); ++h)
                if (hats[h + 1] - hats[h] >= 2 * step)
                    extra.push_back(
                        {hats[h] + (hats[h + 1] - hats[h]) / 2, step / 2, 0, 42, 58, 64});
            // A ghost on the last sixteenth of a beat, where no snare is near already.
            const auto snareNear = [&](model::Tick s) {
                const auto it = std::lower_bound(snares.begin(), snares.end(), s - step / 2);
                return it != snares.end() && *it <= s + step / 2;
            };
            for (model::Tick s = 3 * step; s < pi.bars * pi.barTicks; s += 4 * step)
                if (!snareNear(s) && m_rng.chance(0.35))
                    extra.push_back({s, step / 2, 0, 38, 34, 64});
            t.notes.insert(t.notes.end(), extra.begin(), extra.end());
            added += static_cast<int>(extra.size());
            continue;
        }
        const model::Tick unit = restrike(*role);
        for (const model::Note& n : t.notes) {
            if (n.lengthTicks < 2 * unit) {
                kept.push_back(n);
                continue;
            }
            int part = 0; // re-strike long notes; bass alternates octaves, melodies step
            for (model::Tick s = n.startTick; s < n.endTick(); s += unit, ++part) {
                model::Note piece = n;
                piece.id = part == 0 ? n.id : 0;
                piece.startTick = s;
                piece.lengthTicks = std::min(unit, n.endTick() - s);
                if (part % 2 == 1 && *role == Role::Bass && n.key + 12 <= 127)
                    piece.key = static_cast<std::uint8_t>(n.key + 12);
                if (part % 2 == 1 && (*role == Role::Melody || *role == Role::Arpeggio)) {
                    int k = n.key + 1;
                    while (!inScale(k % 12, pi.tonic, pi.minor ? Mode::Minor : Mode::Major))
                        ++k;
                    piece.key = static_cast<std::uint8_t>(std::min(k, 127));
                }
                if (part > 0)
                    piece.velocity = static_cast<std::uint8_t>(std::max(1, n.velocity - 12)),
                    ++added;
                kept.push_back(piece);
            }
        }
        t.notes = std::move(kept);
        separateSameKey(t.notes, std::max(t.endTick, m_plan.lengthTicks()));
    }
    m_result.changes.push_back(added > 0 ? "busier" + scopeName() + ": " + std::to_string(added) +
                                               " notes added"
                                         : std::string("busier: nothing added, every part "
                                                       "already plays as busy as it goes"));
}

void Varier::simpler()
{
    int removed = 0;
    const model::Tick tolerance = m_plan.ppq / 8;
    for (std::size_t ti = 0; ti < m_plan.tracks.size(); ++ti) {
        Track& t = m_plan.tracks[ti];
        if (!inScope(ti)) continue;
        const std::size_t before = t.notes.size();
        model::Tick clusterStart = -1;
        bool dropCluster = false;
        std::erase_if(t.notes, [&](const model::Note& n) {
            if (n.startTick != clusterStart) { // notes that start together go together
                clusterStart = n.startTick;
                const model::Tick off = n.startTick % m_plan.ppq;
                const bool onBeat = off <= tolerance || off >= m_plan.ppq - tolerance;
                dropCluster = !onBeat && m_rng.chance(0.7);
            }
            return dropCluster || (isDrums(t) && n.velocity < 45);
        });
        removed += static_cast<int>(before - t.notes.size());
    }
    m_result.changes.push_back("simpler" + scopeName() + ": " + std::to_string(removed) +
                               " off-beat and ghost notes removed");
}

void Varier::swing(double delta)
{
    const double from = info().swing;
    const double to = delta == 0 ? 50 : std::clamp(from + delta, 50.0, 75.0);
    const model::Tick pair = m_plan.ppq;
    auto warp = [&](model::Tick t) { // moves the off-beat point from `from`% to `to`%
        const model::Tick base = t - t % pair;
        const double off = static_cast<double>(t % pair), a = pair * from / 100.0,
                     b = pair * to / 100.0;
        const double moved = off <= a ? off * b / a : b + (off - a) * (pair - b) / (pair - a);
        return base + static_cast<model::Tick>(std::lround(moved));
    };
    mapTicks(warp, false);
    m_result.changes.push_back("swing " + fmt(from) + "% -> " + fmt(to) + "%");
}

void Varier::humanizeMore()
{
    for (std::size_t i = 0; i < m_plan.tracks.size(); ++i) {
        Track& t = m_plan.tracks[i];
        if (!inScope(i)) continue;
        Rng rng(mixSeed(m_seed, 300 + i));
        humanize(t.notes, std::min(1.0, 0.6 * degree()), m_plan.ppq,
                 std::max(t.endTick, m_plan.lengthTicks()), rng);
        separateSameKey(t.notes, std::max(t.endTick, m_plan.lengthTicks()));
    }
    m_result.changes.push_back("more human" + scopeName() +
                               ": correlated timing drift and velocity variation added");
}

void Varier::quantize(double strength)
{
    model::QuantizeOptions options;
    options.gridTicks = m_plan.ppq / 4;
    options.strength = strength;
    for (std::size_t i = 0; i < m_plan.tracks.size(); ++i) {
        Track& t = m_plan.tracks[i];
        if (!inScope(i)) continue;
        t.notes = model::quantized(std::move(t.notes), options);
        separateSameKey(t.notes, std::max(t.endTick, m_plan.lengthTicks()));
    }
    m_result.changes.push_back(strength >= 1 ? "quantized" + scopeName(true) + " to sixteenths"
                                             : "tighter" + scopeName() +
                                                   ": timing pulled halfway to the grid");
}

void Varier::fill(int bars, int atBar)
{
    const PlanInfo pi = info();
    auto it = std::find_if(m_plan.tracks.begin(), m_plan.tracks.end(), isDrums);
    if (it == m_plan.tracks.end()) {
        Track drums;
        drums.name = "Drums";
        drums.channel = 9;
        m_plan.tracks.push_back(drums);
        it = m_plan.tracks.end() - 1;
    }
    const model::Tick end = pi.barTicks * (atBar - 1 + bars); // bars atBar .. atBar + bars - 1
    const model::Tick from = bars == 1 ? end - pi.barTicks / 2 : end - pi.barTicks * bars;
    // Each candidate its own kind of fill: descending toms, a snare roll, kick and toms, toms
    // and snare.
    static constexpr int kPattern[] = {0, 2, 3, 1};
    drumFill(it->notes, from, end, m_plan.ppq / 4, m_rng, end < pi.barTicks * pi.bars,
             kPattern[m_index]);
    m_result.changes.push_back("a " + std::to_string(bars) + "-bar fill at bar " +
                               std::to_string(atBar));
}

void Varier::tempo(double bpm)
{
    const double old = m_plan.initialBpm();
    for (model::TempoChange& t : m_plan.tempos)
        t.bpm = std::clamp(t.bpm * bpm / old, model::Limits::kMinBpm, model::Limits::kMaxBpm);
    if (!m_plan.tempos.empty()) m_plan.tempos.front().bpm = bpm;
    m_result.changes.push_back("tempo " + fmt(old) + " -> " + fmt(bpm) +
                               " bpm (notes unchanged in ticks)");
}

// The whole take in another meter, each bar kept as that bar (Rebar.cpp).
void Varier::meter(int numerator, int denominator)
{
    const PlanInfo pi = info();
    if (pi.numerator == numerator && pi.denominator == denominator) return;
    const model::Tick newBar = model::Tick(m_plan.ppq) * 4 * numerator / denominator;
    m_plan = rebar(m_plan, numerator, denominator);
    m_result.changes.push_back(
        "meter " + std::to_string(pi.numerator) + "/" + std::to_string(pi.denominator) + " -> " +
        std::to_string(numerator) + "/" + std::to_string(denominator) + ": each of the " +
        std::to_string(pi.bars) + " bars kept as that bar (" +
        (newBar < pi.barTicks ? "what lay beyond the shorter bar cut"
                              : "its first beats repeated in the room gained") +
        ")");
}

namespace {
// How far apart a track's notes typically start: the median distance between its consecutive
// onsets (0 when it has fewer than two).
model::Tick medianOnsetGap(const Track& t)
{
    std::vector<model::Tick> starts, gaps;
    for (const model::Note& n : t.notes)
        starts.push_back(n.startTick);
    std::sort(starts.begin(), starts.end());
    for (std::size_t i = 1; i < starts.size(); ++i)
        if (starts[i] > starts[i - 1]) gaps.push_back(starts[i] - starts[i - 1]);
    if (gaps.empty()) return 0;
    const auto mid = gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2);
    std::nth_element(gaps.begin(), mid, gaps.end());
    return *mid;
}
} // namespace

void Varier::doubleTime(bool doubled)
{
    const PlanInfo pi = info();
    const model::Tick length = pi.bars * pi.barTicks;
    // Twice as fast past a 64th is no rhythm a player or a DAW's grid keeps: a part whose notes
    // mostly come closer than a 32nd apart is not doubled again ("double time" typed twelve
    // times made 1-tick notes, 100,000 of them in 8 bars).
    for (std::size_t ti = 0; doubled && ti < m_plan.tracks.size(); ++ti) {
        const model::Tick gap = medianOnsetGap(m_plan.tracks[ti]);
        if (gap == 0 || gap >= m_plan.ppq / 8) continue;
        const std::optional<Role> role = pi.roles[ti];
        const std::string why = "double time: not done, the " +
                                std::string(role ? roleName(*role) : "notes") +
                                " already mostly start closer than a 32nd apart (twice as fast "
                                "would be finer than a 64th)";
        refuse(why);
        return;
    }
    if (doubled && !withinBudget(2 * m_plan.noteCount(), "double time")) return;
    for (Track& t : m_plan.tracks) {
        Track copy = t;
        for (model::Note& n : t.notes)
            n.startTick = doubled ? n.startTick / 2 : n.startTick * 2,
            n.lengthTicks =
                std::max<model::Tick>(doubled ? n.lengthTicks / 2 : n.lengthTicks * 2, 1);
        if (doubled) // the material twice as fast, twice: the same length
            for (model::Note n : copy.notes) {
                n.startTick = n.startTick / 2 + length / 2;
                n.lengthTicks = std::max<model::Tick>(n.lengthTicks / 2, 1);
                n.id = 0;
                t.notes.push_back(n);
            }
        separateSameKey(t.notes, length);
        t.controllers.clear(); // controller curves cannot follow a time change meaningfully
        t.pitchBends.clear();
    }
    std::vector<model::PlanChord> chords; // the chord track follows the notes
    for (int pass = 0; pass < (doubled ? 2 : 1); ++pass)
        for (model::PlanChord c : m_plan.chords) {
            c.startTick = doubled ? c.startTick / 2 + pass * (length / 2) : c.startTick * 2;
            c.lengthTicks =
                std::max<model::Tick>(doubled ? c.lengthTicks / 2 : c.lengthTicks * 2, 1);
            if (c.startTick < length) chords.push_back(c);
        }
    m_plan.chords = std::move(chords);
    model::trimChordTrack(m_plan);
    m_result.changes.push_back(doubled ? "double time: everything twice as fast, played twice"
                                       : "half time: everything half as fast, the first half kept");
}

void Varier::setBars(int bars)
{
    const PlanInfo pi = info();
    const model::Tick oldLength = pi.bars * pi.barTicks, newLength = bars * pi.barTicks;
    if (newLength > oldLength && oldLength > 0 &&
        !withinBudget(m_plan.noteCount() * ((newLength + oldLength - 1) / oldLength),
                      std::to_string(bars) + " bars"))
        return;
    for (Track& t : m_plan.tracks) {
        const std::vector<model::Note> original = t.notes;
        for (model::Tick offset = oldLength; offset < newLength; offset += oldLength)
            for (model::Note n : original) { // loop the material to the new length
                n.startTick += offset;
                n.id = 0;
                t.notes.push_back(n);
            }
        separateSameKey(t.notes, newLength);
        std::erase_if(t.controllers, [&](const auto& c) { return c.tick >= newLength; });
        t.endTick = newLength;
    }
    const std::vector<model::PlanChord> chords = m_plan.chords; // looped and cut like the notes
    for (model::Tick offset = oldLength; offset < newLength; offset += oldLength)
        for (model::PlanChord c : chords) {
            c.startTick += offset;
            m_plan.chords.push_back(c);
        }
    std::erase_if(m_plan.chords,
                  [&](const model::PlanChord& c) { return c.startTick >= newLength; });
    for (model::PlanChord& c : m_plan.chords)
        c.lengthTicks = std::min(c.lengthTicks, newLength - c.startTick);
    m_result.changes.push_back(std::to_string(pi.bars) + " -> " + std::to_string(bars) + " bars");
}

bool Varier::withinBudget(std::int64_t projected, const std::string& what)
{
    if (projected <= m_budget) return true;
    const std::string prefix = what + ": not done";
    for (const std::string& r : m_refused)
        if (r.starts_with(prefix)) return false; // said once is enough
    m_refused.push_back(what + ": not done, the take would grow to about " +
                        std::to_string(projected) + " notes (a variation may make at most " +
                        std::to_string(m_budget) + ")");
    return false;
}

void Varier::sectionB()
{
    const PlanInfo pi = info();
    Brief brief = briefFromPlan(m_plan, pi);
    brief.seed = m_seed;
    brief.humanize = 0.2;
    const Plan b = generatePlan(brief, 0, GenerateOptions{true});
    for (std::size_t i = 0; i < m_plan.tracks.size(); ++i) {
        if (!pi.roles[i] || kept(i)) continue;
        for (const Track& nt : b.tracks)
            if (inferRole(nt) == pi.roles[i]) {
                m_plan.tracks[i].notes = nt.notes;
                for (model::Note& n : m_plan.tracks[i].notes)
                    n.id = 0;
                break;
            }
    }
    if (std::find(m_keep.begin(), m_keep.end(), Role::Chords) == m_keep.end())
        m_plan.chords = b.chords; // the B section's own progression
    model::trimChordTrack(m_plan);
    m_result.changes.push_back("a B section: same instruments, key and tempo; a contrasting "
                               "progression away from the tonic");
}

} // namespace pianola::engine::generate
