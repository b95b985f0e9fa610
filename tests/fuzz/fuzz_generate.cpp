// SPDX-License-Identifier: MIT
// Fuzzes the offline generator's inputs for a new song: any text as a prompt and as brief JSON.
// Whatever is accepted must generate a plan that exports to a readable SMF. Lines read in the
// context of a take are fuzz_answer; the reader alone is fuzz_intent.
#include "engine/generate/BriefJson.h"
#include "engine/generate/Generator.h"
#include "engine/generate/Interpreter.h"
#include "engine/smf/SmfPlan.h"

#include <cstdio>
#include <cstdlib>

using namespace pianola;
namespace gen = pianola::engine::generate;

static void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

// Small enough to stay fast: long pieces are the same code run more often.
static void generateSmall(gen::Brief brief)
{
    if (brief.bars > 8 || !gen::briefProblems(brief).empty()) return;
    brief.candidates = 1;
    auto takes = gen::generate(brief, "fuzz");
    check(takes.ok(), "a brief without problems did not generate");
    check(engine::smf::readPlan(engine::smf::writePlan(takes->front().plan)).ok(),
          "generated SMF does not read back");
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 4096) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const gen::Interpretation in = gen::interpret(text, 1);
    (void)in.explain();
    if (in.ok()) generateSmall(in.brief);
    if (auto brief = gen::briefFromJson(text); brief.ok()) {
        auto again = gen::briefFromJson(gen::briefToJson(brief->brief));
        check(again.ok() && again->brief == brief->brief,
              "brief JSON round trip changed the brief");
        generateSmall(brief->brief);
    }
    return 0;
}
