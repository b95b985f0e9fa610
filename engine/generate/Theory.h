// SPDX-License-Identifier: MIT
// Scales, chords from scale degrees, genre- and mood-aware progressions, voice leading.
#pragma once

#include "engine/generate/Brief.h"
#include "engine/generate/Random.h"
#include "model/Plan.h"

#include <array>
#include <string>
#include <vector>

namespace pianola::engine::generate {

/// Semitones of the seven scale degrees above the tonic.
std::array<int, 7> scaleSteps(Mode mode);
/// The pitch classes of the key's scale, degree order.
std::array<int, 7> scalePitchClasses(int tonic, Mode mode);
bool inScale(int pitchClass, int tonic, Mode mode);

/// The key signature of a tonic (pitch class) in major or minor, at tick `tick`.
model::KeySignature keySignatureFor(int tonic, bool minor, model::Tick tick = 0);

/// A chord as pitch classes: root first, then third (or sus), fifth and extensions.
struct Chord
{
    int root = 0;           ///< pitch class
    std::vector<int> tones; ///< pitch classes, root first
    int degree = 1;         ///< 1..7 scale degree of the root (borrowed chords too)
    bool borrowed = false;
};

/// The symbol suffix of a chord's pitch classes (root first): "", "m", "7", "maj7", "m9", "m11",
/// "dim", "sus4", "add9"...
std::string chordQualityName(const std::vector<int>& tones);

/// A progression step: `degree` 1..7; `borrowed` builds it from the parallel minor (in a major
/// key: iv, bVI, bVII) or, in a minor key, from harmonic minor (V, vii dim).
struct Step
{
    int degree = 1;
    bool borrowed = false;
};

/// Builds the chord on a step: stacked diatonic thirds plus the brief's extension, sus or add9
/// (no minor ninths; no eleventh over a major third).
Chord buildChord(const Brief& brief, Step step, bool richer);

/// A progression for the brief's genre, mode and mood (4 or 8 steps), picked with `rng`.
std::vector<Step> chooseProgression(const Brief& brief, Rng& rng, bool sectionB);

/// MIDI keys for `chord` in [low, high] in the brief's voicing style, moving as little as
/// possible from `previous` (empty: centred in the register).
std::vector<int> voiceChord(const Chord& chord, const std::vector<int>& previous, int low, int high,
                            Voicing style);

/// The key nearest to `target` with pitch class `pc`, inside [low, high] when possible.
int nearestKey(int pc, int target, int low, int high);

} // namespace pianola::engine::generate
