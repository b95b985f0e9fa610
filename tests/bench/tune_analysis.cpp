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
};

struct Half
{
    int keys = 0, songs = 0;
    double right = 0, total = 0;
};

std::map<std::string, std::function<double&(AnalysisOptions&)>> parameters()
{
    return {{"outside", [](AnalysisOptions& o) -> double& { return o.chords.outsidePenalty; }},
            {"extra", [](AnalysisOptions& o) -> double& { return o.chords.extraTonePenalty; }},
            {"colour", [](AnalysisOptions& o) -> double& { return o.chords.colourPenalty; }},
            {"bass", [](AnalysisOptions& o) -> double& { return o.chords.bassWeight; }},
            {"change", [](AnalysisOptions& o) -> double& { return o.chords.changePenalty; }},
            {"tonic", [](AnalysisOptions& o) -> double& { return o.key.tonicChordWeight; }},
            {"keychange", [](AnalysisOptions& o) -> double& { return o.key.changePenalty; }},
            {"temperature", [](AnalysisOptions& o) -> double& { return o.key.temperature; }},
            {"opening", [](AnalysisOptions& o) -> double& { return o.key.openingWeight; }}};
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
        Timeline timeline(loaded->plan);
        const Tick phase = beatPhase(timeline);
        songs.push_back({name, std::move(timeline), phase,
                         test::readChordLabels(base + "chord_midi.txt"),
                         test::readKeyLabel(base + "key_audio.txt")});
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
            params.at(grid[g].first)(o) = grid[g].second[at[g]];
            label += grid[g].first + "=" + std::to_string(grid[g].second[at[g]]).substr(0, 5) + " ";
        }
        evaluate(songs, o, label.empty() ? "defaults" : label);
        if (std::getenv("TUNE_CONFUSION")) confusion(songs, o);
        std::size_t g = 0;
        for (; g < grid.size() && ++at[g] == grid[g].second.size(); ++g)
            at[g] = 0;
        if (g == grid.size()) break;
    }
    return 0;
}
