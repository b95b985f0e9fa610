// SPDX-License-Identifier: MIT
// Texture of offline full arrangements against real music, and the checklist's speed.
// usage: bench_texture            per genre: share of candidates inside all five POP909 bands
//        bench_texture --bands F  measure the bands on the POP909 dev songs and write them to F
//        bench_texture --check    the checklist of an 8-bar take (ms)
#include "BenchUtil.h"
#include "engine/analysis/AskedFromWords.h"
#include "engine/analysis/Checklist.h"
#include "engine/analysis/Texture.h"
#include "engine/generate/Generator.h"
#include "engine/PlanFile.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace pianola;
namespace an = engine::analysis;
namespace gen = engine::generate;

namespace {
using Values = std::array<double, an::kTextureMeasures>;
struct Band
{
    double low = 0, high = 0;
};
using Bands = std::array<Band, an::kTextureMeasures>;

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const double at = p * static_cast<double>(v.size() - 1);
    const auto i = static_cast<std::size_t>(at);
    return i + 1 < v.size() ? v[i] + (at - static_cast<double>(i)) * (v[i + 1] - v[i]) : v[i];
}

int measureBands(const char* out)
{
    std::vector<Values> songs;
    const std::string dir = std::string(PIANOLA_SHARED_DIR) + "/corpora/pop909-dev/";
    for (int i = 1; i <= 300; ++i) {
        char name[8];
        std::snprintf(name, sizeof name, "%03d", i);
        if (auto loaded = engine::loadPlanFile(dir + name + "/" + name + ".mid"))
            songs.push_back(an::textureValues(an::measureTexture(loaded->plan)));
    }
    if (songs.empty()) {
        std::printf("no POP909 songs in %s\n", dir.c_str());
        return 1;
    }
    std::ofstream file(out);
    file << "# Texture bands of the " << songs.size()
         << " POP909 dev songs (first 8 bars, pitched notes, 12 steps per beat): bench_texture "
            "--bands\n# measure\tp10\tmedian\tp90\n";
    for (int m = 0; m < an::kTextureMeasures; ++m) {
        std::vector<double> v;
        for (const Values& s : songs)
            v.push_back(s[static_cast<std::size_t>(m)]);
        const double lo = percentile(v, 0.1), mid = percentile(v, 0.5), hi = percentile(v, 0.9);
        std::printf("%-22s p10 %.3f  median %.3f  p90 %.3f\n", an::textureNames()[m], lo, mid, hi);
        char line[160];
        std::snprintf(line, sizeof line, "%s\t%.3f\t%.3f\t%.3f\n", an::textureNames()[m], lo, mid,
                      hi);
        file << line;
    }
    return 0;
}

Bands readBands()
{
    Bands bands;
    std::ifstream in(std::string(PIANOLA_SOURCE_DIR) + "/tests/data/texture_bands.tsv");
    std::string line;
    int m = 0;
    while (std::getline(in, line) && m < an::kTextureMeasures) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line.substr(line.find('\t') + 1));
        double median = 0;
        fields >> bands[static_cast<std::size_t>(m)].low >> median >>
            bands[static_cast<std::size_t>(m)].high;
        ++m;
    }
    return bands;
}

int genres()
{
    const Bands bands = readBands();
    const char* kGenres[] = {"pop",   "rock",  "ballad",   "R&B",     "jazz",
                             "lo-fi", "house", "neo-soul", "hip-hop", "funk"};
    std::printf("%-9s %6s  %-46s %s\n", "genre", "inside",
                "outside per measure (entropy scale groove empty poly)", "mean polyphony");
    for (const char* genre : kGenres) {
        int inside = 0, all = 0;
        std::array<int, an::kTextureMeasures> outside{};
        double poly = 0;
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            const std::string prompt = std::string("8-bar ") + genre + " song, full arrangement";
            gen::Interpretation in = gen::interpret(prompt, seed);
            in.brief.candidates = 4;
            auto takes = gen::generate(in.brief, prompt);
            if (!takes) continue;
            for (const model::Take& t : *takes) {
                const Values v = an::textureValues(an::measureTexture(t.plan));
                bool ok = true;
                for (std::size_t m = 0; m < v.size(); ++m) {
                    const bool within = v[m] >= bands[m].low && v[m] <= bands[m].high;
                    outside[m] += !within;
                    if (!within && std::getenv("TEXTURE_DETAIL"))
                        std::printf("  %s %s: %s %.3f (%s)\n", genre, t.name.c_str(),
                                    an::textureNames()[m], v[m],
                                    v[m] < bands[m].low ? "low" : "high");
                    ok = ok && within;
                }
                inside += ok;
                poly += v[4];
                ++all;
            }
        }
        std::printf("%-9s %5.0f%%  %5d %5d %5d %5d %5d %29s %.2f\n", genre, 100.0 * inside / all,
                    outside[0], outside[1], outside[2], outside[3], outside[4], "", poly / all);
    }
    return 0;
}

int checklistSpeed()
{
    const std::string prompt =
        "8-bar pop song in C major at 110 bpm, full arrangement, 7th chords, "
        "swing 58%, humanize, snare on 2 and 4, bass follows the roots, "
        "fill in bar 4";
    gen::Interpretation in = gen::interpret(prompt, 1);
    const model::Plan plan = gen::generatePlan(in.brief, 0);
    const an::Asked asked = an::askedFrom(in);
    std::size_t checks = 0;
    const double s = bench::bestSeconds(20, [&] { checks = an::checkTake(plan, asked).size(); });
    std::printf("%-48s %9.3f ms  (%zu checks, %lld notes)\n", "checkTake, 8-bar full arrangement",
                s * 1e3, checks, static_cast<long long>(plan.noteCount()));
    return 0;
}
} // namespace

int main(int argc, char** argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--bands") == 0) return measureBands(argv[2]);
    if (argc == 2 && std::strcmp(argv[1], "--check") == 0) return checklistSpeed();
    checklistSpeed();
    return genres();
}
