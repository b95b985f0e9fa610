// SPDX-License-Identifier: MIT
// Note functions: pure, value in, value out, so every one is an undoable NotesEdit.
#include "model/NoteOps.h"

#include <algorithm>
#include <cmath>

namespace pianola::model {

namespace {
constexpr std::uint8_t clampVelocity(double v)
{
    return static_cast<std::uint8_t>(std::clamp(static_cast<int>(std::lround(v)), 1, 127));
}

Error outOfRange()
{
    return makeError(Error::Code::InvalidArgument,
                     "a note would leave the MIDI range (keys 0..127, ticks >= 0)");
}
} // namespace

std::span<const int> Scale::steps(Mode mode)
{
    static constexpr int major[] = {0, 2, 4, 5, 7, 9, 11};
    static constexpr int minor[] = {0, 2, 3, 5, 7, 8, 10};
    static constexpr int dorian[] = {0, 2, 3, 5, 7, 9, 10};
    static constexpr int phrygian[] = {0, 1, 3, 5, 7, 8, 10};
    static constexpr int lydian[] = {0, 2, 4, 6, 7, 9, 11};
    static constexpr int mixolydian[] = {0, 2, 4, 5, 7, 9, 10};
    static constexpr int locrian[] = {0, 1, 3, 5, 6, 8, 10};
    static constexpr int harmonicMinor[] = {0, 2, 3, 5, 7, 8, 11};
    static constexpr int melodicMinor[] = {0, 2, 3, 5, 7, 9, 11};
    static constexpr int majorPentatonic[] = {0, 2, 4, 7, 9};
    static constexpr int minorPentatonic[] = {0, 3, 5, 7, 10};
    static constexpr int blues[] = {0, 3, 5, 6, 7, 10};
    static constexpr int chromatic[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    switch (mode) {
    case Mode::Major:
        return major;
    case Mode::Minor:
        return minor;
    case Mode::Dorian:
        return dorian;
    case Mode::Phrygian:
        return phrygian;
    case Mode::Lydian:
        return lydian;
    case Mode::Mixolydian:
        return mixolydian;
    case Mode::Locrian:
        return locrian;
    case Mode::HarmonicMinor:
        return harmonicMinor;
    case Mode::MelodicMinor:
        return melodicMinor;
    case Mode::MajorPentatonic:
        return majorPentatonic;
    case Mode::MinorPentatonic:
        return minorPentatonic;
    case Mode::Blues:
        return blues;
    case Mode::Chromatic:
        break;
    }
    return chromatic;
}

std::vector<int> Scale::intervals() const
{
    const auto s = steps(mode);
    return {s.begin(), s.end()};
}

bool Scale::contains(int key) const
{
    const auto iv = intervals();
    return std::find(iv.begin(), iv.end(), ((key - tonic) % 12 + 12) % 12) != iv.end();
}

std::vector<Scale::Mode> Scale::allModes()
{
    return {Mode::Major,        Mode::Minor,           Mode::Dorian,          Mode::Phrygian,
            Mode::Lydian,       Mode::Mixolydian,      Mode::Locrian,         Mode::HarmonicMinor,
            Mode::MelodicMinor, Mode::MajorPentatonic, Mode::MinorPentatonic, Mode::Blues,
            Mode::Chromatic};
}

std::string Scale::modeName(Mode mode)
{
    constexpr std::array kNames = {"major",
                                   "minor",
                                   "dorian",
                                   "phrygian",
                                   "lydian",
                                   "mixolydian",
                                   "locrian",
                                   "harmonic minor",
                                   "melodic minor",
                                   "major pentatonic",
                                   "minor pentatonic",
                                   "blues",
                                   "chromatic"};
    return kNames[static_cast<std::size_t>(mode)];
}

std::string pitchClassName(int pitchClass, bool flats)
{
    constexpr std::array kSharp = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    constexpr std::array kFlat = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};
    const auto pc = static_cast<std::size_t>((pitchClass % 12 + 12) % 12);
    return flats ? kFlat[pc] : kSharp[pc];
}

std::string keyName(int key)
{
    return pitchClassName(key) + std::to_string(key / 12 - 1);
}

std::vector<Note> quantized(std::vector<Note> notes, const QuantizeOptions& o)
{
    const Tick grid = std::max<Tick>(1, o.gridTicks);
    const double swingShift =
        (std::clamp(o.swing, 0.5, 0.75) - 0.5) * 2.0 * static_cast<double>(grid);
    auto target = [&](Tick tick) {
        const Tick index = (tick + grid / 2) / grid;
        return static_cast<double>(index * grid) + (index % 2 == 1 ? swingShift : 0.0);
    };
    for (Note& n : notes) {
        const Tick oldEnd = n.endTick();
        const double start = static_cast<double>(n.startTick) +
                             o.strength * (target(n.startTick) - static_cast<double>(n.startTick));
        n.startTick = std::max<Tick>(0, std::llround(start));
        if (o.ends) {
            const double end = static_cast<double>(oldEnd) +
                               o.strength * (target(oldEnd) - static_cast<double>(oldEnd));
            n.lengthTicks = std::max<Tick>(
                std::llround(end) - n.startTick,
                std::max<Tick>(1, std::llround(o.strength * static_cast<double>(grid))));
        }
        n.lengthTicks = std::min(n.lengthTicks, Limits::kMaxTick - n.startTick);
    }
    return notes;
}

std::vector<Note> humanized(std::vector<Note> notes, const HumanizeOptions& o)
{
    SplitMix64 random(o.seed);
    std::sort(notes.begin(), notes.end(),
              [](const Note& a, const Note& b) { return a.startTick < b.startTick; });
    double drift = 0; // AR(1): a player drifts slowly ahead of or behind the beat
    Tick lastStart = -1;
    double chordOffset = 0;
    for (Note& n : notes) {
        if (n.startTick != lastStart) { // notes of one chord move together, with a small spread
            drift = std::clamp(0.9 * drift + 0.35 * random.symmetric(), -1.0, 1.0);
            chordOffset = 0.85 * drift + 0.1 * random.symmetric();
            lastStart = n.startTick;
        }
        const double jitter = 0.05 * random.symmetric(); // |offset| <= 0.85 + 0.1 + 0.05 = 1
        const Tick offset =
            std::llround((chordOffset + jitter) * static_cast<double>(o.timingTicks));
        n.startTick = std::clamp<Tick>(n.startTick + offset, 0, Limits::kMaxTick - n.lengthTicks);
        n.velocity = clampVelocity(n.velocity + random.symmetric() * o.velocity);
    }
    return notes;
}

Result<std::vector<Note>> transposed(std::vector<Note> notes, int semitones)
{
    return moved(std::move(notes), 0, semitones);
}

Result<std::vector<Note>> moved(std::vector<Note> notes, Tick deltaTicks, int deltaKeys)
{
    for (Note& n : notes) {
        const int key = n.key + deltaKeys;
        const Tick start = n.startTick + deltaTicks;
        if (key < 0 || key > 127 || start < 0 || start + n.lengthTicks > Limits::kMaxTick)
            return outOfRange();
        n.key = static_cast<std::uint8_t>(key);
        n.startTick = start;
    }
    return notes;
}

Result<std::vector<Note>> transposedInScale(std::vector<Note> notes, int steps, const Scale& scale)
{
    const auto iv = scale.intervals();
    const int size = static_cast<int>(iv.size());
    for (Note& n : notes) {
        int key = n.key;
        while (!scale.contains(key))
            --key; // at most 2 steps for any scale here
        const int rel = key - scale.tonic;
        const int octave = static_cast<int>(std::floor(rel / 12.0));
        const int pc = rel - octave * 12;
        const int degree = static_cast<int>(std::find(iv.begin(), iv.end(), pc) - iv.begin()) +
                           octave * size + steps;
        const int newOctave = static_cast<int>(std::floor(static_cast<double>(degree) / size));
        const int newKey =
            scale.tonic + newOctave * 12 + iv[static_cast<std::size_t>(degree - newOctave * size)];
        if (newKey < 0 || newKey > 127) return outOfRange();
        n.key = static_cast<std::uint8_t>(newKey);
    }
    return notes;
}

std::vector<Note> snappedToScale(std::vector<Note> notes, const Scale& scale)
{
    for (Note& n : notes) {
        for (int d = 0; d < 12; ++d) {
            if (n.key - d >= 0 && scale.contains(n.key - d)) {
                n.key = static_cast<std::uint8_t>(n.key - d);
                break;
            }
            if (n.key + d <= 127 && scale.contains(n.key + d)) {
                n.key = static_cast<std::uint8_t>(n.key + d);
                break;
            }
        }
    }
    return notes;
}

std::vector<Note> legato(std::vector<Note> notes)
{
    std::vector<Tick> starts;
    starts.reserve(notes.size());
    for (const Note& n : notes)
        starts.push_back(n.startTick);
    std::sort(starts.begin(), starts.end());
    for (Note& n : notes) {
        auto next = std::upper_bound(starts.begin(), starts.end(), n.startTick);
        if (next != starts.end()) n.lengthTicks = *next - n.startTick;
    }
    return notes;
}

std::vector<Note> withVelocity(std::vector<Note> notes, int velocity)
{
    for (Note& n : notes)
        n.velocity = clampVelocity(velocity);
    return notes;
}

std::vector<Note> velocityScaled(std::vector<Note> notes, double factor)
{
    for (Note& n : notes)
        n.velocity = clampVelocity(n.velocity * factor);
    return notes;
}

std::vector<Note> velocityRamp(std::vector<Note> notes, int from, int to)
{
    if (notes.empty()) return notes;
    const auto [first, last] =
        std::minmax_element(notes.begin(), notes.end(),
                            [](const Note& a, const Note& b) { return a.startTick < b.startTick; });
    const Tick t0 = first->startTick, span = std::max<Tick>(1, last->startTick - t0);
    for (Note& n : notes)
        n.velocity = clampVelocity(from + (to - from) * static_cast<double>(n.startTick - t0) /
                                              static_cast<double>(span));
    return notes;
}

std::uint64_t SplitMix64::next()
{
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double SplitMix64::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

} // namespace pianola::model
