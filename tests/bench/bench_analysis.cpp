// SPDX-License-Identifier: MIT
// Analysis speed on one core: a generated 1,000,000-note plan (with tempo changes and drums) and
// the POP909 songs already in memory. Usage: bench_analysis
#include "engine/analysis/Analyzer.h"
#include "engine/PlanFile.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace pianola;
using Clock = std::chrono::steady_clock;

namespace {
// 16 tracks of 62,500 notes (four-note chords every eighth; track 10 plays drums), a tempo
// change every 64 bars.
model::Plan millionNotePlan()
{
    model::Plan plan;
    plan.ppq = 480;
    std::mt19937 rng(1234);
    for (int t = 0; t < 16; ++t) {
        model::Track track;
        track.name = "Track " + std::to_string(t + 1);
        track.channel = t;
        model::Tick tick = 0;
        for (int i = 0; i < 62'500; ++i) {
            const auto key = static_cast<std::uint8_t>(t == 9 ? 35 + rng() % 12 : 36 + rng() % 60);
            track.notes.push_back({tick, static_cast<model::Tick>(60 + rng() % 400), 0, key,
                                   static_cast<std::uint8_t>(40 + rng() % 80), 64});
            tick += (i % 4 == 3) ? 240 : 0;
        }
        plan.tracks.push_back(std::move(track));
    }
    plan.tempos.clear();
    for (model::Tick at = 0; at < 62'500 / 4 * 240; at += 64 * 1920)
        plan.tempos.push_back({at, 90.0 + static_cast<double>(rng() % 60)});
    plan.normalize();
    return plan;
}

template <typename F> double bestSeconds(int runs, F&& f)
{
    double best = 1e9;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
    }
    return best;
}
} // namespace

int main()
{
    const model::Plan big = millionNotePlan();
    std::size_t chords = 0;
    const double bigSeconds =
        bestSeconds(3, [&] { chords = engine::analysis::analyzePlan(big).chords.size(); });
    std::printf("%-48s %9.1f ms  (%zu chords)\n", "analyzePlan, generated 1,000,000-note plan",
                bigSeconds * 1e3, chords);

    std::vector<model::Plan> songs;
    const std::string dir = std::string(PIANOLA_SHARED_DIR) + "/corpora/pop909-dev/";
    for (int i = 1; i <= 300; ++i) {
        char name[8];
        std::snprintf(name, sizeof name, "%03d", i);
        if (auto loaded = engine::loadPlanFile(dir + name + "/" + name + ".mid"))
            songs.push_back(std::move(loaded->plan));
    }
    if (songs.empty()) {
        std::printf("no POP909 songs in %s: corpus figures skipped\n", dir.c_str());
        return 0;
    }
    const double corpus = bestSeconds(3, [&] {
        for (const model::Plan& p : songs)
            chords += engine::analysis::analyzePlan(p).chords.size();
    });
    std::printf("%-48s %9.1f ms  %6.1f songs/s on one core\n",
                "analyzePlan, 300 POP909 songs in memory", corpus * 1e3,
                static_cast<double>(songs.size()) / corpus);
    return 0;
}
