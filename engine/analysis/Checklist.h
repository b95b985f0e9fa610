// SPDX-License-Identifier: MIT
// The checklist of a take: each thing the words asked for, measured on the take's notes.
#pragma once

#include "model/Plan.h"
#include "model/Project.h"

#include <optional>
#include <string>
#include <vector>

namespace pianola::engine::analysis {

/// One part the words named: its role ("chords", "bass", "drums", "melody", "arpeggio", "pad")
/// and, when an instrument was named, its General MIDI program.
struct AskedPart
{
    std::string role;
    int program = -1;    ///< 0..127, -1 = any
    bool absent = false; ///< "without bass": the part must not be there
};

/// What the words asked for, filled by whichever reader understood them (the offline
/// interpreter today). Only what was named is set; the checklist checks exactly these.
struct Asked
{
    std::optional<double> bpm;
    int tempoChange = 0; ///< -1 slower, +1 faster than the parent (a change: "a bit slower")
    std::optional<std::pair<int, int>> meter; ///< numerator, denominator
    std::optional<int> bars;
    std::optional<int> tonic;  ///< pitch class 0..11 (set with `minor`)
    std::optional<bool> minor; ///< a mode with a minor third (set alone: "a dark minor tune")
    std::vector<AskedPart> parts;
    std::optional<int> extension;       ///< 0 triads, 7, 9, 11, 13
    std::optional<double> swingPercent; ///< 50 = straight .. 75
    std::optional<bool> humanize;       ///< true: off the grid; false: exactly on it
    std::optional<int> loudness;        ///< -1 soft, +1 loud
    int loudnessChange = 0; ///< -1 softer, +1 louder than the parent ("make the kick louder")
    bool backbeat = false, fourOnTheFloor = false, bassRoots = false, bassKick = false;
    std::vector<int> fillBars;           ///< 1-based bars
    std::vector<int> tripletBars;        ///< 1-based bars with triplet hi-hat rolls
    const model::Plan* parent = nullptr; ///< a change of this plan: what changed, what stayed
};

/// The checks `asked` implies, each measured on `plan` by the analysis engine, in a fixed order
/// (tempo, meter, bars, key, parts, chords, swing, grid, loudness, drums, bass, fills, change).
/// Pure; about a millisecond for an 8-bar take.
std::vector<model::Check> checkTake(const model::Plan& plan, const Asked& asked);

/// Checks passed.
int passedChecks(const std::vector<model::Check>& checks);

/// "tempo: 78 bpm (asked 78 bpm) ok" lines, one per check, each ending in '\n'.
std::string checklistText(const std::vector<model::Check>& checks);
/// {"checks": [{"name": ..., "asked": ..., "measured": ..., "pass": ...}, ...]}
std::string checklistJson(const std::vector<model::Check>& checks);

} // namespace pianola::engine::analysis
