// SPDX-License-Identifier: MIT
// Offline generator speed, one core: interpret + one 8-bar 4-role take, and 4 candidates
// (targets: <= 5 ms and <= 20 ms in a release build). Prints the median and best of many runs.
#include "BenchUtil.h"
#include "engine/analysis/AskedFromWords.h"
#include "engine/analysis/Checklist.h"
#include "engine/generate/Arranger.h"
#include "engine/generate/Generator.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/Variation.h"
#include "engine/llm/Session.h"
#include "engine/smf/SmfPlan.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace pianola;
namespace gen = pianola::engine::generate;

namespace {
using bench::measure;
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
    // Generation in context (issue 11): a part added to an existing take, read by the intent
    // reader and written for the take (targets: 8 bars <= 5 ms; 128 bars, 16 tracks <= 50 ms).
    gen::Brief chords =
        gen::interpret("8-bar lo-fi chord progression in Am at 78 bpm, jazzy 9ths").brief;
    const model::Take small{1, "chords", false, gen::generatePlan(chords, 0), {}, {}};
    measure("in context: add drums to an 8-bar take (offlineResult)", 200, [&](int i) {
        engine::llm::GenerationRequest r{"add a swung drum loop",       small, {}, {}, 1,
                                         static_cast<std::uint64_t>(i), {},    {}};
        sink += engine::llm::offlineResult(r)->takes.front().plan.noteCount();
    });
    measure("in context: add a bass to an 8-bar take", 200, [&](int i) {
        engine::llm::GenerationRequest r{"add a soft sub bass",         small, {}, {}, 1,
                                         static_cast<std::uint64_t>(i), {},    {}};
        sink += engine::llm::offlineResult(r)->takes.front().plan.noteCount();
    });
    // The chat's default: 4 candidates, each a different idea (candidates = 0).
    measure("in context: add drums to an 8-bar take, 4 candidates", 100, [&](int i) {
        engine::llm::GenerationRequest r{"add a swung drum loop",       small, {}, {}, 0,
                                         static_cast<std::uint64_t>(i), {},    {}};
        sink += engine::llm::offlineResult(r)->takes.size();
    });
    measure("in context: regenerate the chords in bars 3-4, 4 candidates", 100, [&](int i) {
        engine::llm::GenerationRequest r{"regenerate the chords in bars 3-4", small, {}, {}, 0,
                                         static_cast<std::uint64_t>(i),       {},    {}};
        sink += engine::llm::offlineResult(r)->takes.size();
    });
    measure("change: same progression but darker, 4 candidates", 100, [&](int i) {
        engine::llm::GenerationRequest r{"same progression but darker", small, {}, {}, 0,
                                         static_cast<std::uint64_t>(i), {},    {}};
        sink += engine::llm::offlineResult(r)->takes.size();
    });
    model::Take large{1, "large", false, gen::generatePlan(big, 0), {}, {}};
    while (large.plan.tracks.size() < 16) { // 16 tracks: copies of the parts on other channels
        model::Track copy = large.plan.tracks[large.plan.tracks.size() % 4];
        copy.name += " " + std::to_string(large.plan.tracks.size());
        if (copy.channel != 9) copy.channel = static_cast<int>(large.plan.tracks.size() % 9);
        large.plan.tracks.push_back(std::move(copy));
    }
    std::printf("large take: %zu tracks, %lld notes\n", large.plan.tracks.size(),
                static_cast<long long>(large.plan.noteCount()));
    measure("in context: add a melody to a 128-bar 16-track take", 20, [&](int i) {
        engine::llm::GenerationRequest r{"add a flute melody",          large, {}, {}, 1,
                                         static_cast<std::uint64_t>(i), {},    {}};
        sink += engine::llm::offlineResult(r)->takes.front().plan.noteCount();
    });
    // Where that time goes: the part itself, and the checklist measured on each candidate.
    gen::PartRequest melody;
    melody.role = gen::Role::Melody;
    measure("  of which arrange() alone, 1 candidate", 10, [&](int i) {
        sink += gen::arrange(large.plan, melody, "add a flute melody", i)->plan.tracks.size();
    });
    const engine::analysis::Asked asked =
        engine::analysis::askedFromWords("add a flute melody", &large.plan);
    measure("  of which the checklist of 1 candidate", 10,
            [&](int) { sink += engine::analysis::checkTake(large.plan, asked).size(); });
    measure("in context: add a melody to a 128-bar 16-track take, 4 candidates", 10, [&](int i) {
        engine::llm::GenerationRequest r{"add a flute melody",          large, {}, {}, 0,
                                         static_cast<std::uint64_t>(i), {},    {}};
        sink += engine::llm::offlineResult(r)->takes.size();
    });
    large.plan.chords.clear(); // an imported take: its chords come from analysis
    measure("in context: add a melody to a 128-bar 16-track take, chords detected", 20, [&](int i) {
        engine::llm::GenerationRequest r{"add a flute melody",          large, {}, {}, 1,
                                         static_cast<std::uint64_t>(i), {},    {}};
        sink += engine::llm::offlineResult(r)->takes.front().plan.noteCount();
    });
    std::printf("(checksum %zu)\n", sink);
}
