// SPDX-License-Identifier: MIT
// `pianola-cli check`: a MIDI file against words, each thing asked measured on its notes.
#include "app/cli/CliArgs.h"
#include "app/cli/CliCommands.h"
#include "engine/analysis/AskedFromWords.h"
#include "engine/analysis/Checklist.h"
#include "engine/generate/Interpreter.h"
#include "engine/PlanFile.h"

namespace pianola::cli {

namespace an = engine::analysis;

int commandCheck(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({"--json"}, {"--parent"});
    if (!parsed.parse(args)) return usageError(io, "check", parsed.error());
    if (parsed.positionals().size() < 2)
        return usageError(io, "check", "needs a TAKE file and the PROMPT it was made from");
    const std::string& path = parsed.positionals().front();
    std::string prompt;
    for (std::size_t i = 1; i < parsed.positionals().size(); ++i)
        prompt += (prompt.empty() ? "" : " ") + parsed.positionals()[i];
    if (prompt.size() > engine::generate::kMaxPromptBytes)
        return usageError(io, "check", "the PROMPT is longer than 4096 bytes");
    auto take = engine::loadPlanFile(path);
    if (!take) {
        std::fprintf(io.err, "%s\n", take.error().message.c_str());
        return kBadInput;
    }
    std::optional<engine::LoadedPlan> parent;
    if (const auto from = parsed.value("--parent")) {
        auto loaded = engine::loadPlanFile(*from);
        if (!loaded) {
            std::fprintf(io.err, "%s\n", loaded.error().message.c_str());
            return kBadInput;
        }
        parent = std::move(*loaded);
    }
    const an::Asked asked = an::askedFromWords(prompt, parent ? &parent->plan : nullptr);
    const auto checks = an::checkTake(take->plan, asked);
    if (parsed.has("--json")) {
        std::fprintf(io.out, "%s\n", an::checklistJson(checks).c_str());
        return kOk;
    }
    std::fprintf(io.out, "%s: %d of %zu checks pass\n", path.c_str(), an::passedChecks(checks),
                 checks.size());
    std::fputs(an::checklistText(checks).c_str(), io.out);
    if (checks.empty()) std::fprintf(io.out, "  (the words name nothing that can be measured)\n");
    return kOk;
}

} // namespace pianola::cli
