// SPDX-License-Identifier: MIT
// Scoring the analysis against the POP909 labels: exact key and MIREX "majmin" chord overlap.
#pragma once

#include "engine/analysis/Analyzer.h"
#include "engine/analysis/Chords.h"
#include "engine/PlanFile.h"
#include "model/TempoMap.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace pianola::test {

struct LabelChord
{
    double startS, endS;
    int root;  ///< pitch class
    int third; ///< 4 major, 3 minor
};

/// "Gb" -> 6; -1 for anything else.
inline int pitchClassOf(const std::string& name)
{
    static const char* const kLetters = "C D EF G A B";
    if (name.empty()) return -1;
    const char* at = std::strchr(kLetters, name[0]);
    if (!at || name[0] == ' ') return -1;
    int pc = static_cast<int>(at - kLetters);
    for (std::size_t i = 1; i < name.size(); ++i)
        pc += name[i] == '#' ? 1 : name[i] == 'b' ? -1 : 0;
    return (pc + 12) % 12;
}

/// The label's triad class as MIREX majmin reads it: the first 8 semitones of the quality must be
/// exactly a major or a minor triad (7, maj7, min7, maj6, minmaj7... qualify; sus, dim, aug don't).
inline int majminThird(const std::string& quality)
{
    static const char* const kMajor[] = {"maj", "7", "maj7", "maj6", "9", "maj9", "11", "13"};
    static const char* const kMinor[] = {"min", "min7", "min6", "minmaj7", "min9", "min11"};
    for (const char* q : kMajor)
        if (quality == q) return 4;
    for (const char* q : kMinor)
        if (quality == q) return 3;
    return 0;
}

/// chord_midi.txt: "start end Root:quality[/bass]" lines; only major/minor-mappable chords kept.
inline std::vector<LabelChord> readChordLabels(const std::string& path)
{
    std::vector<LabelChord> out;
    std::ifstream in(path);
    double s, e;
    std::string label;
    while (in >> s >> e >> label) {
        const auto colon = label.find(':');
        if (colon == std::string::npos) continue;
        std::string quality = label.substr(colon + 1);
        quality = quality.substr(0, quality.find('/'));
        const int third = majminThird(quality);
        if (third) out.push_back({s, e, pitchClassOf(label.substr(0, colon)), third});
    }
    return out;
}

/// key_audio.txt: the key that lasts longest, as tonic + 12 * minor (-1 if none).
inline int readKeyLabel(const std::string& path)
{
    std::ifstream in(path);
    double s, e, longest = -1;
    std::string label;
    int key = -1;
    while (in >> s >> e >> label) {
        const auto colon = label.find(':');
        if (colon == std::string::npos || e - s <= longest) continue;
        longest = e - s;
        key = pitchClassOf(label.substr(0, colon)) + (label.substr(colon + 1) == "min" ? 12 : 0);
    }
    return key;
}

/// Seconds of `labels` whose root and third the estimated chords match.
inline double majminOverlap(const std::vector<LabelChord>& labels,
                            const std::vector<model::analysis::Chord>& chords)
{
    double right = 0;
    std::size_t j = 0;
    for (const LabelChord& l : labels) {
        while (j < chords.size() && chords[j].endS <= l.startS)
            ++j;
        for (std::size_t k = j; k < chords.size() && chords[k].startS < l.endS; ++k) {
            bool hasThird = false;
            const bool major = engine::analysis::majorThird(chords[k].quality, &hasThird);
            const bool triadOnly = chords[k].quality != "aug" && chords[k].quality != "dim" &&
                                   chords[k].quality != "hdim7" && chords[k].quality != "dim7";
            if (chords[k].root != l.root || !hasThird || !triadOnly || (major ? 4 : 3) != l.third)
                continue;
            right += std::min(l.endS, chords[k].endS) - std::max(l.startS, chords[k].startS);
        }
    }
    return right;
}

struct SongScore
{
    std::string song;
    bool keyRight = false;
    int labelKey = -1, estimatedKey = -1;
    double chordRight = 0, chordTotal = 0;
};

/// Analyses POP909 song `dir/NNN/NNN.mid` and scores it against its labels.
inline std::optional<SongScore> scoreSong(const std::string& dir, const std::string& song,
                                          const engine::analysis::AnalysisOptions& options = {})
{
    const std::string base = dir + "/" + song + "/";
    auto loaded = engine::loadPlanFile(base + song + ".mid");
    if (!loaded) return std::nullopt;
    const auto a = engine::analysis::analyzePlan(loaded->plan, options);
    SongScore s;
    s.song = song;
    s.labelKey = readKeyLabel(base + "key_audio.txt");
    s.estimatedKey = a.key.tonic + (a.key.minor ? 12 : 0);
    s.keyRight = s.labelKey == s.estimatedKey;
    const auto labels = readChordLabels(base + "chord_midi.txt");
    for (const LabelChord& l : labels)
        s.chordTotal += l.endS - l.startS;
    s.chordRight = majminOverlap(labels, a.chords);
    return s;
}

/// beat_midi.txt: "seconds beat-in-bar downbeat" lines as (seconds, downbeat), one more beat
/// appended after the last (as scripts/harmonize_study.py annotated_beats).
struct Beats
{
    std::vector<double> seconds;
    std::vector<bool> downbeat;
};

inline Beats readBeats(const std::string& path)
{
    Beats out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        double s, col2, col3;
        if (!(fields >> s >> col2 >> col3)) continue;
        out.seconds.push_back(s);
        out.downbeat.push_back(col3 == 1.0);
    }
    const std::size_t n = out.seconds.size();
    if (n >= 2) out.seconds.push_back(2 * out.seconds[n - 1] - out.seconds[n - 2]);
    return out;
}

/// Fractional beat of `seconds` on the beat list (linear past either end).
inline double beatIndex(const std::vector<double>& beats, double seconds)
{
    const auto after = std::upper_bound(beats.begin(), beats.end(), seconds);
    auto i = static_cast<std::ptrdiff_t>(after - beats.begin()) - 1;
    i = std::clamp<std::ptrdiff_t>(i, 0, static_cast<std::ptrdiff_t>(beats.size()) - 2);
    const auto u = static_cast<std::size_t>(i);
    return static_cast<double>(i) + (seconds - beats[u]) / std::max(1e-9, beats[u + 1] - beats[u]);
}

/// Seconds of fractional beat `beat` (the inverse of beatIndex).
inline double secondsOfBeat(const std::vector<double>& beats, double beat)
{
    auto i = static_cast<std::ptrdiff_t>(std::floor(beat));
    i = std::clamp<std::ptrdiff_t>(i, 0, static_cast<std::ptrdiff_t>(beats.size()) - 2);
    const auto u = static_cast<std::size_t>(i);
    return beats[u] + (beat - static_cast<double>(i)) * (beats[u + 1] - beats[u]);
}

/// The melody-only plan moved onto the song's annotated beats (beat k at tick k * ppq) with a
/// time signature per annotated bar length (a pickup before the first downbeat is a short bar):
/// the way a take drawn or recorded in the app has real bars. Notes before the first beat are
/// cut at it; the take lasts at least to the last annotated beat.
inline model::Plan onAnnotatedBars(const model::Plan& melodyOnly, const Beats& beats)
{
    const model::TempoMap tempo(melodyOnly);
    model::Plan out = melodyOnly;
    out.tempos = {model::TempoChange{}};
    out.timeSignatures.clear();
    out.globalEvents.clear();
    const auto at = [&](model::Tick tick) {
        const double b = beatIndex(beats.seconds, tempo.ticksToSeconds(tick));
        return std::max<model::Tick>(0, std::llround(b * out.ppq));
    };
    for (model::Track& t : out.tracks) {
        std::vector<model::Note> notes;
        for (model::Note n : t.notes) {
            const model::Tick start = at(n.startTick), end = at(n.endTick());
            if (end <= start) continue;
            n.startTick = start, n.lengthTicks = end - start;
            notes.push_back(n);
        }
        model::Track bare; // notes only: other events would keep the file's ticks
        bare.name = t.name, bare.channel = t.channel, bare.program = t.program;
        bare.notes = std::move(notes);
        // the take lasts as long as the song's beats (the outro after the melody too)
        bare.endTick = static_cast<model::Tick>(beats.seconds.size() - 1) * out.ppq;
        t = std::move(bare);
    }
    std::vector<int> cuts{0};
    for (std::size_t i = 0; i < beats.downbeat.size(); ++i)
        if (beats.downbeat[i] && i > 0) cuts.push_back(static_cast<int>(i));
    if (cuts.size() == 1) // no downbeats: bars of 4 beats
        for (int i = 4; i < static_cast<int>(beats.downbeat.size()); i += 4)
            cuts.push_back(i);
    cuts.push_back(static_cast<int>(beats.seconds.size()) - 1);
    for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
        const int length = cuts[c + 1] - cuts[c];
        if (length <= 0) continue;
        if (out.timeSignatures.empty() || out.timeSignatures.back().numerator != length)
            out.timeSignatures.push_back({cuts[c] * model::Tick{out.ppq}, length, 4});
    }
    if (out.timeSignatures.empty()) out.timeSignatures.push_back({});
    out.normalize();
    return out;
}

inline std::string songName(int i)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%03d", i);
    return buf;
}

} // namespace pianola::test
