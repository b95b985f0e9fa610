// SPDX-License-Identifier: MIT
// Parameter study for key and chord recognition on POP909: scores of both halves of the corpus
// (odd song numbers to choose parameters, even ones to check they generalise) for a grid of
// values; each line: key odd% even%, chords odd% even%.
// usage: tune_analysis [name=v1,v2,...]...   names: outside extra colour bass change
//                                             tonic opening
#include "../engine/Pop909Eval.h"
#include "engine/analysis/Chroma.h"
#include "engine/analysis/Feel.h"
#include "engine/analysis/KeyFinder.h"
#include "engine/analysis/TrackWeights.h"

#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>

using namespace pianola;
using namespace pianola::engine::analysis;
using model::Tick;

namespace {
struct Song
{
    std::string name;
    Timeline timeline;
    Tick phase;
    std::vector<test::LabelChord> labels;
    int key;
    Tick labelPhase; ///< where the labels' first beat falls in a beat (ticks), diagnostics only
};

struct Half
{
    int keys = 0, songs = 0;
    double right = 0, total = 0;
};

// The phase of beat_midi.txt's first beat in the MIDI's tick grid.
Tick labelBeatPhase(const std::string& path, const Timeline& timeline)
{
    std::ifstream in(path);
    double first = 0;
    if (!(in >> first)) return 0;
    const auto tick = static_cast<Tick>(std::lround(timeline.tempo().secondsToTicks(first)));
    return tick % timeline.ppq();
}

// Chord accuracy per half with the chord frames on the labels' own beat phase (an upper bound
// for phase estimation; the analysis never sees the labels), and per song the two phases.
void phaseStudy(const std::vector<Song>& songs, const AnalysisOptions& o)
{
    Half halves[2];
    for (const Song& s : songs) {
        const std::vector<double> weights = chordTrackWeights(s.timeline);
        const ChromaFrames frames = chromaFrames(s.timeline, s.labelPhase, &weights);
        const auto chords = recognizeChords(s.timeline, frames, o.chords);
        const auto chosen = chordsOnBestPhase(s.timeline, s.phase, o.chords);
        double total = 0;
        for (const auto& l : s.labels)
            total += l.endS - l.startS;
        const double right = test::majminOverlap(s.labels, chords);
        Half& h = halves[std::stoi(s.name) % 2 == 1 ? 0 : 1];
        h.right += right;
        h.total += total;
        const double ppq = s.timeline.ppq();
        const Tick first =
            s.timeline.pitched().empty() ? 0 : s.timeline.pitched().front().startTick;
        if (std::getenv("TUNE_PER_SONG"))
            std::printf("%s first %.2f phase est %.2f chosen %.2f label %.2f  chords %5.1f%% on "
                        "label phase "
                        "%5.1f%%\n",
                        s.name.c_str(), double(first % s.timeline.ppq()) / ppq, s.phase / ppq,
                        chosen.phase / ppq, s.labelPhase / ppq,
                        100 * test::majminOverlap(s.labels, chosen.chords) / total,
                        100 * right / total);
    }
    std::printf("on the labels' beat phase: chords %5.1f%% %5.1f%%\n",
                100.0 * halves[0].right / halves[0].total,
                100.0 * halves[1].right / halves[1].total);
}

std::map<std::string, std::function<void(AnalysisOptions&, double)>> parameters()
{
    return {{"outside", [](AnalysisOptions& o, double v) { o.chords.outsidePenalty = v; }},
            {"extra", [](AnalysisOptions& o, double v) { o.chords.extraTonePenalty = v; }},
            {"colour", [](AnalysisOptions& o, double v) { o.chords.colourPenalty = v; }},
            {"bass", [](AnalysisOptions& o, double v) { o.chords.bassWeight = v; }},
            {"change", [](AnalysisOptions& o, double v) { o.chords.changePenalty = v; }},
            {"weak", [](AnalysisOptions& o, double v) { o.chords.weakBeatPenalty = v; }},
            {"weigh", [](AnalysisOptions& o, double v) { o.chords.weighTracks = v != 0; }},
            {"phases", [](AnalysisOptions& o, double v) { o.chords.phaseCandidates = int(v); }},
            {"tonic", [](AnalysisOptions& o, double v) { o.key.tonicChordWeight = v; }},
            {"keychange", [](AnalysisOptions& o, double v) { o.key.changePenalty = v; }},
            {"temperature", [](AnalysisOptions& o, double v) { o.key.temperature = v; }},
            {"opening", [](AnalysisOptions& o, double v) { o.key.openingWeight = v; }}};
}

// Where the labelled time goes: right, wrong third, colour chord, or root off by an interval.
void confusion(const std::vector<Song>& songs, const AnalysisOptions& o)
{
    std::map<std::string, double> seconds;
    double total = 0;
    for (const Song& s : songs) {
        const auto chords = chordsOnBestPhase(s.timeline, s.phase, o.chords).chords;
        for (const auto& l : s.labels) {
            total += l.endS - l.startS;
            double covered = 0;
            for (const auto& c : chords) {
                const double overlap = std::min(l.endS, c.endS) - std::max(l.startS, c.startS);
                if (overlap <= 0) continue;
                covered += overlap;
                bool third = false;
                const bool major = majorThird(c.quality, &third);
                std::string kind;
                if (c.root != l.root)
                    kind = "root +" + std::to_string((c.root - l.root + 12) % 12);
                else if (!third || c.quality == "dim" || c.quality == "aug" ||
                         c.quality == "hdim7" || c.quality == "dim7")
                    kind = "colour " + c.quality;
                else
                    kind = (major ? 4 : 3) == l.third ? "right" : "wrong third";
                seconds[kind] += overlap;
            }
            seconds["no chord"] += (l.endS - l.startS) - covered;
        }
    }
    for (const auto& [kind, t] : seconds)
        std::printf("  %-16s %5.1f%%\n", kind.c_str(), 100 * t / total);
}

// Right share of the labelled time per label quality (inversions kept: "maj/3"), with the two
// most common kinds of error, from the chords of the analysis.
void byLabelQuality(const std::vector<Song>& songs, const AnalysisOptions& o,
                    const std::string& dir)
{
    std::map<std::string, std::map<std::string, double>> seconds;
    for (const Song& s : songs) {
        const auto chords = chordsOnBestPhase(s.timeline, s.phase, o.chords).chords;
        std::ifstream in(dir + "/" + s.name + "/chord_midi.txt");
        double start, end;
        std::string label;
        while (in >> start >> end >> label) {
            const auto colon = label.find(':');
            const std::string quality = colon == std::string::npos ? "N" : label.substr(colon + 1);
            const int root = test::pitchClassOf(label.substr(0, colon));
            auto& row = seconds[quality];
            row["total"] += end - start;
            const int third = test::majminThird(quality.substr(0, quality.find('/')));
            if (third)
                row["wrong"] +=
                    end - start - test::majminOverlap({{start, end, root, third}}, chords);
            double covered = 0;
            for (const auto& c : chords) {
                const double overlap = std::min(end, c.endS) - std::max(start, c.startS);
                if (overlap <= 0) continue;
                covered += overlap;
                const std::string kind =
                    c.root == root ? "=" + c.quality
                                   : "+" + std::to_string((c.root - root + 12) % 12) + c.quality;
                row[kind] += overlap;
            }
            row["none"] += end - start - covered;
        }
    }
    for (auto& [quality, row] : seconds) {
        const double total = row["total"], wrongS = row["wrong"];
        row.erase("total");
        row.erase("wrong");
        std::vector<std::pair<double, std::string>> kinds;
        for (const auto& [k, t] : row)
            kinds.emplace_back(t, k);
        std::sort(kinds.rbegin(), kinds.rend());
        std::printf("  %-10s %7.0fs wrong %5.0fs", quality.c_str(), total, wrongS);
        for (std::size_t i = 0; i < std::min<std::size_t>(6, kinds.size()); ++i)
            std::printf("  %s %.1f%%", kinds[i].second.c_str(), 100 * kinds[i].first / total);
        std::printf("\n");
    }
}

// Wrong time by distance (beats) to the nearest label boundary, sampled every 20 ms: timing
// errors sit near boundaries, wrong readings of a whole chord in the middle.
void byBoundaryDistance(const std::vector<Song>& songs, const AnalysisOptions& o)
{
    constexpr double kEdges[] = {0.25, 0.5, 1.0, 2.0, 1e9};
    double wrong[5] = {}, all[5] = {};
    for (const Song& s : songs) {
        const auto chords = chordsOnBestPhase(s.timeline, s.phase, o.chords).chords;
        const auto& tempo = s.timeline.tempo();
        const double ppq = s.timeline.ppq();
        std::vector<test::LabelChord> merged;
        for (const auto& l : s.labels)
            if (!merged.empty() && merged.back().endS >= l.startS - 1e-3 &&
                merged.back().root == l.root && merged.back().third == l.third)
                merged.back().endS = l.endS;
            else
                merged.push_back(l);
        for (const auto& l : merged) {
            const double startB = tempo.secondsToTicks(l.startS) / ppq,
                         endB = tempo.secondsToTicks(l.endS) / ppq;
            for (double t = l.startS + 0.01; t < l.endS; t += 0.02) {
                const double b = tempo.secondsToTicks(t) / ppq;
                const double d = std::min(b - startB, endB - b);
                int bin = 0;
                while (d > kEdges[bin])
                    ++bin;
                all[bin] += 0.02;
                test::LabelChord one = l;
                one.startS = t - 0.01;
                one.endS = t + 0.01;
                if (test::majminOverlap({one}, chords) < 0.01) wrong[bin] += 0.02;
            }
        }
    }
    double total = 0;
    for (double a : all)
        total += a;
    // Offsets of the estimated chord changes from label changes (nearest, in beats, signed).
    std::map<int, int> offsets;
    for (const Song& s : songs) {
        const auto chords = chordsOnBestPhase(s.timeline, s.phase, o.chords).chords;
        const auto& tempo = s.timeline.tempo();
        const double ppq = s.timeline.ppq();
        std::vector<double> changes;
        for (std::size_t i = 1; i < chords.size(); ++i)
            changes.push_back(tempo.secondsToTicks(chords[i].startS) / ppq);
        for (std::size_t i = 1; i < s.labels.size(); ++i) {
            const auto &a = s.labels[i - 1], &b = s.labels[i];
            if ((a.root == b.root && a.third == b.third) || b.startS - a.endS > 0.01) continue;
            const double at = tempo.secondsToTicks(b.startS) / ppq;
            double best = 1e9;
            for (double c : changes)
                if (std::abs(c - at) < std::abs(best)) best = c - at;
            offsets[std::abs(best) > 2.1 ? 99 : int(std::lround(best * 4))]++;
            if (std::getenv("TUNE_OFFSETS") && std::abs(std::abs(best) - 1) < 0.1)
                std::printf("  %s beat %7.2f (bar beat %.2f): %d%c -> %d%c, ours off by %+.2f\n",
                            s.name.c_str(), at,
                            std::fmod(at - s.timeline.barStarts().front() / ppq, 4.0), a.root,
                            a.third == 4 ? 'M' : 'm', b.root, b.third == 4 ? 'M' : 'm', best);
            if (std::getenv("TUNE_OFFSETS") && std::abs(std::abs(best) - 1) < 0.1 &&
                s.name == std::getenv("TUNE_OFFSETS")) {
                const std::vector<double> w = chordTrackWeights(s.timeline);
                for (int k = -2; k < 2; ++k) {
                    const Tick from = Tick((at + k) * ppq), to = from + Tick(ppq);
                    PitchClasses pcs{};
                    for (const auto& n : s.timeline.pitched()) {
                        const Tick lo = std::max(from, n.startTick), hi = std::min(to, n.endTick);
                        if (hi > lo)
                            pcs[n.key % 12] += w[std::size_t(n.track)] * double(hi - lo) / ppq;
                    }
                    std::printf("      beat %+d:", k);
                    for (int pc = 0; pc < 12; ++pc)
                        if (pcs[pc] > 0.05) std::printf(" %d:%.2f", pc, pcs[pc]);
                    std::printf("\n");
                }
            }
        }
    }
    for (const auto& [q, n] : offsets)
        std::printf("  change offset %5.2f beats: %d\n", q / 4.0, n);
    for (int b = 0; b < 5; ++b)
        std::printf("  within %5.2f beats of a label boundary: %5.1f%% of time, %5.1f%% of it "
                    "wrong (%.1f%% of all)\n",
                    kEdges[b], 100 * all[b] / total, 100 * wrong[b] / all[b],
                    100 * wrong[b] / total);
}

// TUNE_SHOW=NNN:quality: the notes under each such label of song NNN (per track: duration per
// pitch class in beats, lowest note) and the chords the analysis read there.
void showLabels(const std::vector<Song>& songs, const AnalysisOptions& o, const std::string& dir,
                const std::string& what)
{
    static const char* const kNames[] = {"C",  "Db", "D",  "Eb", "E",  "F",
                                         "F#", "G",  "Ab", "A",  "Bb", "B"};
    const std::string name = what.substr(0, what.find(':')), want = what.substr(what.find(':') + 1);
    for (const Song& s : songs) {
        if (s.name != name) continue;
        const auto chords = chordsOnBestPhase(s.timeline, s.phase, o.chords).chords;
        const auto& tempo = s.timeline.tempo();
        const double ppq = s.timeline.ppq();
        std::ifstream in(dir + "/" + s.name + "/chord_midi.txt");
        double start, end;
        std::string label;
        while (in >> start >> end >> label) {
            if (label.substr(label.find(':') + 1) != want) continue;
            const Tick a = Tick(tempo.secondsToTicks(start)), b = Tick(tempo.secondsToTicks(end));
            std::printf("%7.2fs beat %6.2f %-10s |", start, a / ppq, label.c_str());
            for (const auto& c : chords)
                if (c.endS > start && c.startS < end)
                    std::printf(" %s(%.2f-%.2f)", model::analysis::chordSymbol(c).c_str(),
                                tempo.secondsToTicks(c.startS) / ppq,
                                tempo.secondsToTicks(c.endS) / ppq);
            std::printf("\n");
            std::map<int, std::map<int, double>> byTrack;
            int low = 128;
            for (const auto& n : s.timeline.pitched()) {
                const Tick from = std::max(a, n.startTick), to = std::min(b, n.endTick);
                if (to <= from) continue;
                byTrack[n.track][n.key % 12] += (to - from) / ppq;
                low = std::min<int>(low, n.key);
            }
            for (const auto& [t, pcs] : byTrack) {
                std::printf("      track %d:", t);
                for (const auto& [pc, d] : pcs)
                    std::printf(" %s %.2f", kNames[pc], d);
                std::printf("\n");
            }
            std::printf("      lowest %s%d\n", low < 128 ? kNames[low % 12] : "-", low / 12 - 1);
        }
    }
}

void evaluate(const std::vector<Song>& songs, const AnalysisOptions& o, const std::string& label)
{
    Half halves[2];
    int baseline = 0;                   // plain Krumhansl-Schmuckler on the same chroma
    double confidence = 0, logLoss = 0; // calibration of the key confidence
    for (std::size_t i = 0; i < songs.size(); ++i) {
        const Song& s = songs[i];
        const HarmonyFrames h0 = chordsOnBestPhase(s.timeline, s.phase, o.chords);
        const auto& chords = h0.chords;
        const auto key = estimateKey(s.timeline, h0.frames, chords, o.key);
        const auto ks = krumhanslCorrelations(sumFrames(h0.frames.chroma, 0, h0.frames.size()));
        baseline += std::max_element(ks.begin(), ks.end()) - ks.begin() == s.key;
        const bool keyRight = key.key.tonic + (key.key.minor ? 12 : 0) == s.key;
        confidence += key.key.confidence;
        logLoss -=
            std::log(std::clamp(keyRight ? key.key.confidence : 1 - key.key.confidence, 1e-6, 1.0));
        Half& h = halves[std::stoi(s.name) % 2 == 1 ? 0 : 1]; // odd songs tune, even songs check
        ++h.songs;
        h.keys += key.key.tonic + (key.key.minor ? 12 : 0) == s.key;
        const double right = test::majminOverlap(s.labels, chords);
        double total = 0;
        for (const auto& l : s.labels)
            total += l.endS - l.startS;
        h.right += right;
        h.total += total;
        if (std::getenv("TUNE_PER_SONG")) {
            int rank = 0;
            for (const auto& k : key.runnerUps) {
                ++rank;
                if (k.tonic + (k.minor ? 12 : 0) == s.key) break;
            }
            std::printf("%s chords %5.1f%% key %s %s rank %d\n", s.name.c_str(),
                        100 * right / total, model::analysis::keyName(key.key).c_str(),
                        model::analysis::keyName({s.key % 12, s.key >= 12, 0}).c_str(),
                        key.key.tonic + (key.key.minor ? 12 : 0) == s.key ? 0 : rank);
        }
    }
    std::printf("%-40s key %5.1f%% %5.1f%%  chords %5.1f%% %5.1f%%  (plain KS key %.1f%%, mean "
                "confidence %.3f, log loss %.3f)\n",
                label.c_str(), 100.0 * halves[0].keys / std::max(1, halves[0].songs),
                100.0 * halves[1].keys / std::max(1, halves[1].songs),
                100.0 * halves[0].right / std::max(1e-9, halves[0].total),
                100.0 * halves[1].right / std::max(1e-9, halves[1].total),
                100.0 * baseline / std::max<std::size_t>(1, songs.size()),
                confidence / std::max<std::size_t>(1, songs.size()),
                logLoss / std::max<std::size_t>(1, songs.size()));
    std::fflush(stdout);
}

std::vector<double> values(const std::string& list)
{
    std::vector<double> v;
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ','))
        v.push_back(std::stod(item));
    return v;
}
} // namespace

int main(int argc, char** argv)
{
    const std::string dir = std::string(PIANOLA_SHARED_DIR) + "/corpora/pop909-dev";
    std::vector<Song> songs;
    for (int i = 1; i <= 300; ++i) {
        const std::string name = test::songName(i), base = dir + "/" + name + "/";
        auto loaded = engine::loadPlanFile(base + name + ".mid");
        if (!loaded) continue;
        if (const char* drop = std::getenv("TUNE_DROP")) // study: chords without these tracks
            for (auto& track : loaded->plan.tracks)
                if (std::string(drop).find(track.name) != std::string::npos) track.notes.clear();
        Timeline timeline(loaded->plan);
        const Tick phase = beatPhase(timeline);
        songs.push_back({name, std::move(timeline), phase,
                         test::readChordLabels(base + "chord_midi.txt"),
                         test::readKeyLabel(base + "key_audio.txt"), 0});
        songs.back().labelPhase = labelBeatPhase(base + "beat_midi.txt", songs.back().timeline);
    }
    if (songs.empty()) {
        std::fprintf(stderr, "no POP909 songs in %s\n", dir.c_str());
        return 77;
    }
    const auto params = parameters();
    std::vector<std::pair<std::string, std::vector<double>>> grid;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto eq = arg.find('=');
        if (eq == std::string::npos || !params.count(arg.substr(0, eq))) {
            std::fprintf(stderr, "unknown parameter '%s'\n", argv[i]);
            return 2;
        }
        grid.emplace_back(arg.substr(0, eq), values(arg.substr(eq + 1)));
    }
    std::vector<std::size_t> at(grid.size(), 0);
    while (true) {
        AnalysisOptions o;
        std::string label;
        for (std::size_t g = 0; g < grid.size(); ++g) {
            params.at(grid[g].first)(o, grid[g].second[at[g]]);
            label += grid[g].first + "=" + std::to_string(grid[g].second[at[g]]).substr(0, 5) + " ";
        }
        evaluate(songs, o, label.empty() ? "defaults" : label);
        if (std::getenv("TUNE_CONFUSION")) confusion(songs, o);
        if (std::getenv("TUNE_PHASE")) phaseStudy(songs, o);
        if (const char* show = std::getenv("TUNE_SHOW")) showLabels(songs, o, dir, show);
        if (std::getenv("TUNE_BOUNDARY")) byBoundaryDistance(songs, o);
        if (std::getenv("TUNE_QUALITIES")) byLabelQuality(songs, o, dir);
        std::size_t g = 0;
        for (; g < grid.size() && ++at[g] == grid[g].second.size(); ++g)
            at[g] = 0;
        if (g == grid.size()) break;
    }
    return 0;
}
