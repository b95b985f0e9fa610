// SPDX-License-Identifier: MIT
// Offline generator speed, one core: interpret + one 8-bar 4-role take, and 4 candidates
// (targets: <= 5 ms and <= 20 ms in a release build). Prints the median and best of many runs.
#include "engine/generate/Generator.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/Variation.h"
#include "engine/smf/SmfPlan.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace pianola;
namespace gen = pianola::engine::generate;
using Clock = std::chrono::steady_clock;

namespace {
template <typename F> void measure(const char* what, int runs, F&& f)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        f(i);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-58s median %7.3f ms  best %7.3f ms  worst %7.3f ms\n", what, ms[ms.size() / 2],
                ms.front(), ms.back());
}
} // namespace

int main()
{
    const char* prompt = "8-bar pop song in C major at 120 bpm with chords, bass, drums and a "
                         "melody, snare on 2 and 4";
    std::size_t sink = 0;
    measure("interpret (prompt -> brief)", 200,
            [&](int i) { sink += gen::interpret(prompt, i).brief.bars; });
    const gen::Brief brief = gen::interpret(prompt).brief;
    std::printf("brief: %zu parts, %d bars\n", brief.parts.size(), brief.bars);
    measure("1 take: 8 bars, 4 roles (interpret + generate)", 200, [&](int i) {
        gen::Brief b = gen::interpret(prompt, i).brief;
        b.candidates = 1;
        sink += gen::generate(b, prompt)->front().plan.noteCount();
    });
    measure("1 take + SMF bytes", 200, [&](int i) {
        gen::Brief b = brief;
        b.seed = i;
        sink += engine::smf::writePlan(gen::generatePlan(b, 0)).size();
    });
    measure("4 candidates (interpret + generate)", 100, [&](int i) {
        gen::Brief b = gen::interpret(prompt, i).brief;
        b.candidates = 4;
        sink += gen::generate(b, prompt)->size();
    });
    const model::Plan base = gen::generatePlan(brief, 0);
    measure("variation: darker, harder kick, busier", 200, [&](int i) {
        sink += gen::vary(base, "darker, harder kick, busier", i)->plan.noteCount();
    });
    gen::Brief big = brief;
    big.bars = 128;
    measure("1 take: 128 bars, 4 roles", 20, [&](int i) {
        big.seed = i;
        sink += gen::generatePlan(big, 0).noteCount();
    });
    std::printf("(checksum %zu)\n", sink);
}
