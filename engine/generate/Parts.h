// SPDX-License-Identifier: MIT
// Internal to the generator: the shared context (grid, chords, kick positions) and the part makers.
#pragma once

#include "engine/generate/Brief.h"
#include "engine/generate/Random.h"
#include "engine/generate/Theory.h"
#include "model/Plan.h"

#include <string>
#include <string_view>
#include <vector>

namespace pianola::engine::generate {

using model::Tick;

/// GM drum keys.
namespace drum {
inline constexpr int kKick = 36, kSideStick = 37, kSnare = 38, kClap = 39, kClosedHat = 42,
                     kPedalHat = 44, kOpenHat = 46, kFloorTom = 41, kLowTom = 45, kMidTom = 47,
                     kHighTom = 50, kCrash = 49, kRide = 51, kRideBell = 53, kTambourine = 54,
                     kShaker = 70;
}

/// The coarsest resolution notes are written or moved in: 24 ticks a quarter note (MIDI clock),
/// so that sixteenths, triplets, swing and humanize have ticks to fall on.
inline constexpr int kMinGridPpq = 24;
/// Why a take of `ppq` ticks a quarter note is too coarse for `what` ("a part", "a change").
std::string tooCoarseText(int ppq, std::string_view what);

/// Bar and beat geometry at a resolution of at least kMinGridPpq. A step is a sixteenth note in
/// every meter.
struct Grid
{
    // Const: the pulse list below is made from them once, so none may change after.
    const int ppq = 480;
    const int numerator = 4, denominator = 4;
    const Tick beatTicks = 480; ///< one denominator note
    const Tick barTicks = 1920;
    const Tick stepTicks = 120; ///< a sixteenth
    const int stepsPerBar = 16;

    explicit Grid(const Brief& b, int ppqIn = 480);
    Tick barStart(int bar) const { return barTicks * bar; } ///< bar counts from 0
    /// The onsets (steps) that carry the meter's pulses: beats in x/4, group starts in x/8
    /// (compound 3+3.., else 2+2..+3).
    const std::vector<int>& pulseSteps() const { return m_pulses; }
    /// Metric weight of a step: 3 downbeat, 2 pulse, 1 eighth, 0 sixteenth.
    int weight(int step) const;
    /// Steps of the strong beats (downbeat, and the middle pulse in even meters).
    bool isStrong(int step) const;

private:
    // Made once with the grid: weight() and isStrong() run for every note a part writes, and
    // made the list again each time (stop 28: 7% of a running fuzz_answer, in the allocator).
    std::vector<int> m_pulses;
};

struct ChordSpan
{
    Tick start = 0, end = 0;
    Chord chord;
};

struct Context
{
    const Brief& brief;
    Grid grid;
    std::vector<ChordSpan> chords;
    std::vector<Tick> kickTicks; ///< where the drums put a kick (for a bass that locks to it)
    bool sectionB = false;
    /// The candidate's idea where the words leave freedom (0..3; 0 = the style's own): another
    /// groove and fills for drums, line shape for bass and melody, the voicing's starting point
    /// for chords. Set by the arranger; a fresh brief keeps 0.
    int variant = 0;
    bool fillsFree = false;  ///< no fill named or refused: a variant may place its own
    bool rootsAsked = false; ///< "following the chord roots": a bass variant leaps by octaves only

    const ChordSpan& chordAt(Tick t) const;
    const ChordSpan* nextChord(Tick t) const;
    /// Velocity from the metric accent map, scaled by mood, for a note at step `step`.
    int accent(int step, int base, int spread) const;
};

using Notes = std::vector<model::Note>;

Notes makeDrums(Context& ctx, Rng& rng);
Notes makeBass(const Context& ctx, Rng& rng);
Notes makeChords(const Context& ctx, Rng& rng, const Part& part);
Notes makePad(const Context& ctx, const Part& part);
Notes makeArpeggio(const Context& ctx, Rng& rng, const Part& part);
Notes makeMelody(const Context& ctx, Rng& rng, const Part& part);

/// The brief's progression laid over its bars (the last chord of 4+ bars is the tonic).
std::vector<ChordSpan> chordTimeline(const Brief& b, const Grid& g, Rng& rng, bool sectionB);
/// The notes of one part (drums first when a bass locks to the kick: they fill ctx.kickTicks).
Notes makePart(Context& ctx, const Part& part, std::uint64_t seed);
/// Swing (not inside triplet rolls), humanize and overlap cleanup for one part of the brief.
void applyFeel(Notes& notes, const Brief& b, const Grid& g, Role role, std::uint64_t seed);
/// A track for a part ("Bass", its program; drums on program 0 unless the Brush kit, 40).
model::Track makeTrack(const Part& part, int channel, Notes notes, Tick end);
/// The chord timeline as the plan stores it (the chords the generator meant).
std::vector<model::PlanChord> planChords(const std::vector<ChordSpan>& spans);

/// Replaces the drums in [from, to) with a sixteenth-note snare and tom fill in crescendo, a
/// kick at its end and, if `landing`, a crash on `to`. `pattern` 0..3 (descending toms, toms
/// and snare, a snare roll into 32nds, kick and toms); -1: the first two, by `rng`.
void drumFill(Notes& notes, Tick from, Tick to, Tick stepTicks, Rng& rng, bool landing,
              int pattern = -1);

/// Swing: moves every note on the off-beat of a swing pair to `percent` of the pair (ticks
/// between grid points scale piecewise linearly); notes off the straight grid stay.
void applySwing(Notes& notes, Tick pairTicks, double percent);
/// Humanize: a correlated timing drift (an AR(1) walk, not white noise) and velocity variation
/// scaled by `amount` 0..1. 0 leaves the notes untouched.
void humanize(Notes& notes, double amount, int ppq, Tick endTick, Rng& rng);
/// Shortens notes so that no two notes of the same key overlap, and clamps them to `endTick`.
void separateSameKey(Notes& notes, Tick endTick);
/// The same for notes in any order, by sorting: what separateSameKey does where the notes are
/// not in time order (and what its one pass over notes in time order must equal).
void separateSameKeyBySorting(Notes& notes, Tick endTick);

} // namespace pianola::engine::generate
