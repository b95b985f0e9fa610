// SPDX-License-Identifier: MIT
// Analysis speed on one core: the generated 1,000,000-note plan (with tempo changes and drums) and
// the POP909 songs already in memory. Usage: bench_analysis
#include "BenchUtil.h"
#include "engine/analysis/Analyzer.h"
#include "engine/PlanFile.h"

#include <cstdio>
#include <string>
#include <vector>

using namespace pianola;

namespace {
// The SMF benchmark's 1,000,000-note plan (16 tracks, track 10 on the drum channel) with a
// tempo change every 64 bars.
model::Plan millionNotePlanWithTempos()
{
    model::Plan plan = bench::millionNotePlan();
    plan.tempos.clear();
    for (model::Tick at = 0; at < plan.lengthTicks(); at += 64 * 1920)
        plan.tempos.push_back({at, 90.0 + static_cast<double>(at / 1920 % 60)});
    return plan;
}
} // namespace

int main()
{
    const model::Plan big = millionNotePlanWithTempos();
    std::size_t chords = 0;
    const double bigSeconds =
        bench::bestSeconds(3, [&] { chords = engine::analysis::analyzePlan(big).chords.size(); });
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
    const double corpus = bench::bestSeconds(3, [&] {
        for (const model::Plan& p : songs)
            chords += engine::analysis::analyzePlan(p).chords.size();
    });
    std::printf("%-48s %9.1f ms  %6.1f songs/s on one core\n",
                "analyzePlan, 300 POP909 songs in memory", corpus * 1e3,
                static_cast<double>(songs.size()) / corpus);
    return 0;
}
