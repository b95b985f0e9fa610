// SPDX-License-Identifier: MIT
// Fuzzes the offline answer to a chat line while a take is playing: whatever is made in context
// (an added, regenerated or removed part, a variation) exports to a readable SMF and never
// changes a locked track. The reader alone is fuzz_intent; new songs from words are fuzz_generate.
#include "engine/generate/Generator.h"
#include "engine/generate/Intent.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/PlanInfo.h"
#include "engine/llm/Session.h"
#include "engine/smf/SmfPlan.h"
#include "FuzzCheck.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

using namespace pianola;
namespace gen = pianola::engine::generate;
using pianola::fuzz::check;

// No note struck twice: two notes of one key starting at one tick in one track (a hat stacked on
// a hat) sound as one flam in a DAW and pair ambiguously on export.
static bool noStackedNotes(const model::Plan& plan)
{
    for (const model::Track& t : plan.tracks) {
        std::vector<std::pair<model::Tick, int>> starts;
        starts.reserve(t.notes.size());
        for (const model::Note& n : t.notes)
            starts.emplace_back(n.startTick, n.key);
        std::sort(starts.begin(), starts.end());
        if (std::adjacent_find(starts.begin(), starts.end()) != starts.end()) return false;
    }
    return true;
}

static bool keepsTrack(const model::Plan& plan, const model::Track& track)
{
    return std::any_of(plan.tracks.begin(), plan.tracks.end(),
                       [&](const model::Track& t) { return t == track; });
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 1024) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // One reading of the line for the checks here and the answer (as offlineResult shares one
    // between its readers): freed when this input ends, so no reading outlives it.
    const gen::LineReadings readOnce;
    // Two bars: every path (regions, locks, variations) at half the cost of four.
    static const model::Plan base = [] {
        model::Plan plan = gen::generatePlan(gen::interpret("pop song, 2 bars", 1).brief, 0);
        plan.tracks.front().locked = true;
        return plan;
    }();
    engine::llm::GenerationRequest request;
    request.prompt = std::string(text);
    request.parent = model::Take{1, "base", false, base, {}, {}};
    request.candidates = 1;
    request.seed = 1;
    // What is made in context only: a line read as a new song (or as a change that changes
    // nothing, which the chat answers with a new song) is refused, as the analysis panel's Apply
    // refuses it. New songs from words are fuzz_generate's; here they took a quarter of the time
    // (stop 26, perf on a running fuzz_answer: 25% in the new-song path).
    request.changeOnly = true;
    // A take made longer than 8 bars of 4/4 ("make it 64 bars", "in 28/2") is the same code run
    // more often, at up to 0.3 s an answer under ASan (the checklist analyses each take):
    // fuzz_generate bounds its songs the same way. Every bar count and meter the line names
    // counts, not only the last that the brief keeps ("76 bars ... 0 bars" made 76 bars of 28/2,
    // 8,398 notes, in 0.24 s: stop 27's profile of a running fuzz_answer).
    for (const std::string& u : gen::interpret(text, 1).understood) {
        int top = 0, bottom = 0;
        if (u.starts_with("bars: ") && std::atof(u.c_str() + 6) > 8) return 0;
        if (std::sscanf(u.c_str(), "meter: %d/%d", &top, &bottom) == 2 && top * 4 > 8 * bottom)
            return 0;
    }
    auto answer = engine::llm::offlineResult(request);
    if (!answer.ok()) return 0;
    static const std::vector<std::optional<gen::Role>> roles = gen::inferPlanInfo(base).roles;
    for (const model::Take& take : answer->takes) {
        check(engine::smf::readPlan(engine::smf::writePlan(take.plan)).ok(),
              "an answer's SMF does not read back");
        check(noStackedNotes(take.plan), "a note struck twice at one tick");
        // (The line is read again only when the locked track is not there as it was.)
        if (answer->variation)
            check(keepsTrack(take.plan, base.tracks.front()) ||
                      gen::readIntent(text, &roles).kind == gen::IntentKind::RemovePart,
                  "a locked track changed");
    }
    return 0;
}
