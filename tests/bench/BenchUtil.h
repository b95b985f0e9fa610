// SPDX-License-Identifier: MIT
// Shared benchmark helpers: the generated 1,000,000-note plan and best-of-N timing.
#pragma once

#include "model/Plan.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace pianola::bench {

using Clock = std::chrono::steady_clock;

// 16 tracks of dense piano-like material: 62,500 notes each, chords and runs, 1M notes in all.
inline model::Plan millionNotePlan()
{
    model::Plan plan;
    plan.ppq = 480;
    std::mt19937 rng(1234);
    for (int t = 0; t < 16; ++t) {
        model::Track track;
        track.name = "Track " + std::to_string(t + 1);
        track.channel = t;
        track.program = t * 8;
        model::Tick tick = 0;
        for (int i = 0; i < 62'500; ++i) {
            const auto key = static_cast<std::uint8_t>(36 + rng() % 60);
            track.notes.push_back({tick, static_cast<model::Tick>(60 + rng() % 400), 0, key,
                                   static_cast<std::uint8_t>(40 + rng() % 80), 64});
            tick += (i % 4 == 3) ? 120 : 0; // four-note chords every eighth note
        }
        plan.tracks.push_back(std::move(track));
    }
    plan.normalize();
    return plan;
}

// Runs f(i) `runs` times and prints the median, best and worst wall time in milliseconds.
template <typename F> void measure(const char* what, int runs, F&& f)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        f(i);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-58s median %8.3f ms  best %8.3f ms  worst %8.3f ms\n", what, ms[ms.size() / 2],
                ms.front(), ms.back());
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

} // namespace pianola::bench
