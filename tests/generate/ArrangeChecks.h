// SPDX-License-Identifier: MIT
// Test helpers for parts made in context, measured on plans read back from SMF bytes: the bass
// on the chord roots and on the kick, the drums' swing, what stayed byte-identical.
#pragma once

#include "model/Plan.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace arrange {

using pianola::model::Note;
using pianola::model::Plan;
using pianola::model::Tick;
using pianola::model::Track;

/// The first track whose name contains `name` (case as written: "Bass", "Chords", "Drums").
inline const Track* named(const Plan& p, const std::string& name)
{
    for (const Track& t : p.tracks)
        if (t.name.find(name) != std::string::npos) return &t;
    return nullptr;
}

inline const Track* drums(const Plan& p)
{
    for (const Track& t : p.tracks)
        if (t.channel == 9) return &t;
    return nullptr;
}

inline int drumTracks(const Plan& p)
{
    return static_cast<int>(std::count_if(p.tracks.begin(), p.tracks.end(),
                                          [](const Track& t) { return t.channel == 9; }));
}

/// The root of the chord struck nearest `at` in its bar (at or before, else the next one in the
/// bar): the lowest key of the notes starting within a sixteenth of that onset.
inline int chordRootAt(const Track& chords, Tick at, Tick barTicks, Tick sixteenth)
{
    const Tick barStart = at - at % barTicks;
    Tick onset = -1, after = -1;
    for (const Note& n : chords.notes) {
        if (n.startTick < barStart - sixteenth || n.startTick >= barStart + barTicks) continue;
        if (n.startTick <= at + sixteenth / 2)
            onset = std::max(onset, n.startTick);
        else if (after < 0)
            after = n.startTick;
    }
    if (onset < 0) onset = after;
    int lowest = 128;
    for (const Note& n : chords.notes)
        if (onset >= 0 && std::abs(n.startTick - onset) <= sixteenth)
            lowest = std::min<int>(lowest, n.key);
    return lowest < 128 ? lowest % 12 : -1;
}

/// Share of the bass notes on strong beats (1 and 3 of 4/4, within a 32nd) that play the root of
/// the chord struck nearest in the same bar.
inline double bassRootShare(const Plan& p, const Track& bass, const Track& chords)
{
    const Tick bar = static_cast<Tick>(p.ppq) * 4 * p.timeSignatures.front().numerator /
                     p.timeSignatures.front().denominator;
    const Tick strong = 2 * p.ppq, tol = p.ppq / 8;
    int all = 0, roots = 0;
    for (const Note& n : bass.notes) {
        const Tick off = n.startTick % strong;
        if (std::min(off, strong - off) > tol || n.velocity < 50) continue; // ghosts are not it
        ++all;
        roots += chordRootAt(chords, n.startTick, bar, p.ppq / 4) == n.key % 12;
    }
    return all ? static_cast<double>(roots) / all : 0;
}

/// Share of the kick onsets (GM 35/36) with a bass onset within a sixteenth.
inline double kickLockShare(const Plan& p, const Track& drumTrack, const Track& bass)
{
    int kicks = 0, locked = 0;
    for (const Note& k : drumTrack.notes) {
        if (k.key != 35 && k.key != 36) continue;
        ++kicks;
        locked += std::any_of(bass.notes.begin(), bass.notes.end(), [&](const Note& b) {
            return std::abs(b.startTick - k.startTick) <= p.ppq / 4;
        });
    }
    return kicks ? static_cast<double>(locked) / kicks : 0;
}

/// Mean position of the off-beat onsets inside their `unit` (0.5 straight, 0.62 = 62% swing):
/// onsets in the unit's second half (0.4..0.8) only.
inline double offBeatRatio(const Track& t, Tick unit, int key = -1)
{
    double sum = 0;
    int count = 0;
    for (const Note& n : t.notes) {
        if (key >= 0 && n.key != key) continue;
        const double x = static_cast<double>(n.startTick % unit) / unit;
        if (x > 0.4 && x < 0.8) sum += x, ++count;
    }
    return count ? sum / count : 0;
}

/// Notes starting in bars [from, to) (bars from 0).
inline std::vector<Note> notesInBars(const Track& t, Tick barTicks, int from, int to)
{
    std::vector<Note> out;
    for (const Note& n : t.notes)
        if (n.startTick >= from * barTicks && n.startTick < to * barTicks) out.push_back(n);
    return out;
}

/// Notes equal in key, start, length and velocities (ids aside).
inline bool sameNotes(const std::vector<Note>& a, const std::vector<Note>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Note& x, const Note& y) {
        return x.key == y.key && x.startTick == y.startTick && x.lengthTicks == y.lengthTicks &&
               x.velocity == y.velocity && x.releaseVelocity == y.releaseVelocity;
    });
}

inline bool sameTrack(const Track& a, const Track& b)
{
    return a.name == b.name && a.channel == b.channel && a.program == b.program &&
           sameNotes(a.notes, b.notes) && a.controllers == b.controllers;
}

} // namespace arrange
