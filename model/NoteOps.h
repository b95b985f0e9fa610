// SPDX-License-Identifier: MIT
// Note functions on a selection: quantize, humanize, transpose, legato, velocity, scale snapping.
#pragma once

#include "model/Plan.h"
#include "model/Result.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace pianola::model {

/// A key and scale: which pitch classes belong.
struct Scale
{
    enum class Mode {
        Major,
        Minor,
        Dorian,
        Phrygian,
        Lydian,
        Mixolydian,
        Locrian,
        HarmonicMinor,
        MelodicMinor,
        MajorPentatonic,
        MinorPentatonic,
        Blues,
        Chromatic
    };
    int tonic = 0; ///< pitch class 0..11 (0 = C)
    Mode mode = Mode::Major;

    bool contains(int key) const;
    /// The scale's pitch classes relative to the tonic, ascending.
    std::vector<int> intervals() const;
    /// The same for any mode, without allocating: the one table of scale steps in Pianola.
    static std::span<const int> steps(Mode mode);
    static std::vector<Mode> allModes();
    static std::string modeName(Mode mode); ///< "major", "harmonic minor"...
};

/// Pitch-class names with sharps or flats as a key would spell them: "C#"/"Db".
std::string pitchClassName(int pitchClass, bool flats = false);
/// "C4" for 60 (middle C = C4).
std::string keyName(int key);

struct QuantizeOptions
{
    Tick gridTicks = 120;
    double strength = 1.0; ///< 0..1: how far each start moves towards its grid point
    double swing = 0.5;    ///< 0.5 straight .. 0.75: the off-beat grid points move later
    bool ends = false;     ///< also quantize the note ends (never shorter than one grid)
};
std::vector<Note> quantized(std::vector<Note> notes, const QuantizeOptions& options);

struct HumanizeOptions
{
    Tick timingTicks = 10; ///< largest timing offset
    int velocity = 8;      ///< largest velocity offset
    std::uint64_t seed = 1;
};
/// Correlated timing drift (a slow random walk, not white noise) plus velocity spread; the
/// same seed gives the same result.
std::vector<Note> humanized(std::vector<Note> notes, const HumanizeOptions& options);

/// Error when a note would leave 0..127.
Result<std::vector<Note>> transposed(std::vector<Note> notes, int semitones);
/// Moves each note by `steps` scale degrees (notes outside the scale first snap down to it).
Result<std::vector<Note>> transposedInScale(std::vector<Note> notes, int steps, const Scale& scale);
/// Out-of-scale notes move to the nearest scale note (down on a tie).
std::vector<Note> snappedToScale(std::vector<Note> notes, const Scale& scale);
/// Each note lasts until the next later start among `notes` (the last ones keep their length).
std::vector<Note> legato(std::vector<Note> notes);
std::vector<Note> withVelocity(std::vector<Note> notes, int velocity);
std::vector<Note> velocityScaled(std::vector<Note> notes, double factor);
/// A ramp from `from` at the first start to `to` at the last start.
std::vector<Note> velocityRamp(std::vector<Note> notes, int from, int to);
/// The notes moved by `deltaTicks` and `deltaKeys`; error when any would leave the ranges.
Result<std::vector<Note>> moved(std::vector<Note> notes, Tick deltaTicks, int deltaKeys);

/// A small deterministic PRNG (splitmix64): the same numbers on every platform and compiler.
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    double uniform();                                    ///< [0, 1)
    double symmetric() { return uniform() * 2.0 - 1.0; } ///< [-1, 1)

private:
    std::uint64_t m_state;
};

} // namespace pianola::model
