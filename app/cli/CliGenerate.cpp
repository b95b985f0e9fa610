// SPDX-License-Identifier: MIT
// `pianola-cli generate`: prompt to music offline or through an LLM provider (the chat dock's
// Session), or, with --from, a part added, regenerated, removed or locked in an existing take, or a
// change to it (the chat's offline answer).
#include "app/cli/CliArgs.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliText.h"
#include "engine/analysis/AskedFromWords.h"
#include "engine/analysis/Checklist.h"
#include "engine/generate/Generator.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/Random.h"
#include "engine/generate/Variation.h"
#include "engine/llm/Keychain.h"
#include "engine/llm/Secrets.h"
#include "engine/llm/Session.h"
#include "engine/PlanFile.h"

#include <charconv>
#include <memory>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

namespace pianola::cli {

namespace gen = engine::generate;
namespace llm = engine::llm;

namespace {
// OUT.mid -> OUT-2.mid (only when there is more than one take).
std::string numbered(const std::string& path, int index, int count)
{
    if (count == 1) return path;
    const std::size_t slash = path.find_last_of('/');
    std::size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) dot = path.size();
    return path.substr(0, dot) + "-" + std::to_string(index + 1) + path.substr(dot);
}

template <typename T> bool parseWhole(const std::string& text, T& out)
{
    const auto r = std::from_chars(text.data(), text.data() + text.size(), out);
    return r.ec == std::errc() && r.ptr == text.data() + text.size();
}

struct Outputs
{
    std::string mid;
    std::optional<std::string> planJson;
};

struct Written
{
    std::vector<model::Plan> plans;
    std::vector<std::string> names;
    std::vector<std::vector<model::Check>> checks; ///< printed with --explain
};

void printChecks(const std::vector<model::Check>& checks, const Io& io)
{
    std::fprintf(io.out, "  checklist: %d of %zu pass\n", engine::analysis::passedChecks(checks),
                 checks.size());
    std::fputs(engine::analysis::checklistText(checks).c_str(), io.out);
}

int writeTakes(const Written& w, const Outputs& out, bool explain, const Io& io)
{
    const std::vector<model::Plan>& plans = w.plans;
    const std::vector<std::string>& names = w.names;
    const int count = static_cast<int>(plans.size());
    for (int i = 0; i < count; ++i) {
        const model::Plan& plan = plans[static_cast<std::size_t>(i)];
        const std::string path = numbered(out.mid, i, count);
        if (auto saved = engine::savePlanFile(path, plan); !saved) {
            printError(io.err, saved.error().message);
            return kBadInput;
        }
        if (out.planJson)
            if (auto saved = engine::savePlanFile(numbered(*out.planJson, i, count), plan);
                !saved) {
                printError(io.err, saved.error().message);
                return kBadInput;
            }
        std::fprintf(io.out, "%s: %s, %zu tracks, %lld notes\n", printable(path).c_str(),
                     printable(names[static_cast<std::size_t>(i)]).c_str(), plan.tracks.size(),
                     static_cast<long long>(plan.noteCount()));
        if (explain && static_cast<std::size_t>(i) < w.checks.size())
            printChecks(w.checks[static_cast<std::size_t>(i)], io);
    }
    return kOk;
}

int generateFresh(const std::string& prompt, std::optional<std::uint64_t> seed,
                  std::optional<int> takes, bool explain, const Outputs& out, const Io& io)
{
    gen::Interpretation interp = gen::interpret(prompt, seed);
    if (explain) std::fputs(printable(interp.explain(), true).c_str(), io.out);
    if (!interp.ok()) {
        std::fprintf(io.err, "pianola-cli generate: cannot make that:\n");
        for (const std::string& p : interp.problems)
            std::fprintf(io.err, "  %s\n", printable(p).c_str());
        return kBadInput;
    }
    llm::GenerationRequest request; // the chat's offline path: checked, remade, best first
    request.prompt = prompt;
    request.seed = seed;
    request.candidates = takes.value_or(interp.candidatesNamed ? interp.brief.candidates : 1);
    auto result = llm::offlineResult(request);
    if (!result) {
        std::fprintf(io.err, "pianola-cli generate: %s\n",
                     printable(result.error().message, true).c_str());
        return kBadInput;
    }
    Written w;
    for (model::Take& t : result->takes) {
        w.plans.push_back(std::move(t.plan));
        w.names.push_back(t.name);
        w.checks.push_back(std::move(t.checks));
    }
    return writeTakes(w, out, explain, io);
}

// In the context of a take read from a file: a part added, regenerated, removed or locked, or a
// change, as the chat's offline path answers it (engine::llm::offlineResult).
int generateFrom(const std::string& from, const std::string& prompt, std::uint64_t seed, int takes,
                 bool explain, const Outputs& out, const Io& io)
{
    auto loaded = engine::loadPlanFile(from);
    if (!loaded) {
        printError(io.err, loaded.error().message);
        return kBadInput;
    }
    llm::GenerationRequest request;
    request.prompt = prompt;
    request.seed = seed;
    request.candidates = takes;
    request.parent = model::Take{1, from, false, std::move(loaded->plan), {}, {}};
    auto result = llm::offlineResult(request);
    if (!result) {
        std::fprintf(io.err, "pianola-cli generate: %s\n",
                     printable(result.error().message, true).c_str());
        return kBadInput;
    }
    if (result->takes.empty()) { // words of a new song: made as one, with no parent
        std::fprintf(io.err, "pianola-cli generate: nothing to make from \"%s\"\n",
                     printable(prompt).c_str());
        return kBadInput;
    }
    for (const std::string& line : result->understood)
        if (line.find("not done") != std::string::npos ||
            line.find("too many") != std::string::npos)
            std::fprintf(io.err, "pianola-cli generate: warning: %s\n", printable(line).c_str());
    if (explain) {
        std::fprintf(io.out, "%s of %s:\n", printable(result->intent).c_str(),
                     printable(from).c_str());
        for (const std::string& c : result->understood)
            std::fprintf(io.out, "  %s\n", printable(c).c_str());
        for (const std::string& w : result->notUnderstood)
            std::fprintf(io.out, "  not understood: \"%s\"\n", printable(w).c_str());
    }
    Written w;
    for (std::size_t i = 0; i < result->takes.size(); ++i) {
        w.plans.push_back(std::move(result->takes[i].plan));
        w.names.push_back(result->intent + " " + std::to_string(i + 1) + " of " + from);
        w.checks.push_back(std::move(result->takes[i].checks));
    }
    return writeTakes(w, out, explain, io);
}

struct LlmOptions
{
    llm::ProviderConfig config;
    llm::ReplyMode mode = llm::ReplyMode::Brief;
};

// The environment's key, else the keychain's (read with a time limit: a keychain that does not
// answer must not hang the command).
void loadKeychainKey(const llm::ProviderConfig& config, llm::StoredKeySource& keys)
{
    if (!llm::Keychain::compiledIn() || llm::keyEnvName(config).isEmpty() ||
        !llm::EnvironmentKeySource().apiKey(config).isEmpty())
        return;
    llm::Keychain keychain;
    QEventLoop wait;
    QObject::connect(&keychain, &llm::Keychain::keyRead,
                     [&](llm::ProviderKind kind, const QString& key) {
                         keys.setKey(kind, key);
                         wait.quit();
                     });
    QObject::connect(&keychain, &llm::Keychain::failed, &wait, &QEventLoop::quit);
    QTimer::singleShot(5000, &wait, &QEventLoop::quit);
    keychain.readKey(config.kind);
    wait.exec();
}

// The same Session the chat dock uses, run to its end on a local event loop.
int generateWithProvider(const LlmOptions& options, llm::GenerationRequest request, bool explain,
                         const Outputs& out, const Io& io)
{
    static int argc = 1;
    static char name[] = "pianola-cli";
    static char* argv[] = {name, nullptr};
    std::unique_ptr<QCoreApplication> app;
    if (!QCoreApplication::instance()) app = std::make_unique<QCoreApplication>(argc, argv);
    llm::StoredKeySource keys;
    loadKeychainKey(options.config, keys);
    llm::Session session(options.config, keys);
    QEventLoop loop;
    std::optional<llm::GenerationResult> result;
    QString failure;
    QObject::connect(&session, &llm::Session::finished, [&](const llm::GenerationResult& r) {
        result = r;
        loop.quit();
    });
    QObject::connect(&session, &llm::Session::failed, [&](const QString& sentence, bool) {
        failure = sentence;
        loop.quit();
    });
    session.start(std::move(request));
    loop.exec();
    if (!result) {
        std::fprintf(io.err, "pianola-cli generate: %s\n",
                     printable(failure.toStdString(), true).c_str());
        return kBadInput;
    }
    if (result->fellBack)
        std::fprintf(io.err, "pianola-cli generate: %s\n",
                     printable(result->fallbackReason, true).c_str());
    if (!result->checkRepair.empty()) // the model was asked once to meet failed checks
        std::fprintf(io.err, "pianola-cli generate: %s\n",
                     printable(result->checkRepair, true).c_str());
    if (explain) std::fprintf(io.out, "%s\n", printable(result->explanation, true).c_str());
    Written w;
    for (model::Take& t : result->takes) {
        w.plans.push_back(std::move(t.plan));
        w.names.push_back(t.name + " (" + t.provenance.provider + ", " + t.provenance.model + ")");
        w.checks.push_back(std::move(t.checks));
    }
    return writeTakes(w, out, explain, io);
}

// --timeout / --stall-timeout SECONDS (1 .. 86400) into `ms`; false (with `error`) on a bad value.
bool parseSeconds(const CliArgs& parsed, const char* option, int& ms, std::string& error)
{
    const auto text = parsed.value(option);
    if (!text) return true;
    int seconds = 0;
    if (!parseWhole(*text, seconds) || seconds < 1 || seconds > 86400) {
        error = std::string(option) + " must be a whole number of seconds from 1 to 86400, not '" +
                *text + "'";
        return false;
    }
    ms = seconds * 1000;
    return true;
}

// --provider and its options; false (with `error`) on a bad value.
bool parseLlmOptions(const CliArgs& parsed, LlmOptions& o, std::string& error)
{
    const std::string provider = parsed.value("--provider").value_or("offline");
    const auto kind = llm::providerKindFromName(provider);
    if (!kind) {
        error = "--provider must be offline, openai, anthropic or ollama, not '" + provider + "'";
        return false;
    }
    o.config = llm::defaultConfig(*kind);
    o.config.timeoutOption = QStringLiteral("--timeout SECONDS");
    o.config.stallTimeoutOption = QStringLiteral("--stall-timeout SECONDS");
    const std::string mode = parsed.value("--mode").value_or("brief");
    if (mode != "brief" && mode != "notes") {
        error = "--mode must be brief or notes, not '" + mode + "'";
        return false;
    }
    o.mode = mode == "notes" ? llm::ReplyMode::Notes : llm::ReplyMode::Brief;
    for (const char* opt :
         {"--model", "--base-url", "--mode", "--api-key-env", "--timeout", "--stall-timeout"})
        if (parsed.value(opt) && *kind == llm::ProviderKind::Offline) {
            error = std::string(opt) + " needs --provider openai, anthropic or ollama";
            return false;
        }
    if (const auto m = parsed.value("--model")) o.config.model = QString::fromStdString(*m);
    if (const auto u = parsed.value("--base-url")) o.config.baseUrl = QString::fromStdString(*u);
    if (const auto e = parsed.value("--api-key-env"))
        o.config.apiKeyEnv = QString::fromStdString(*e);
    return parseSeconds(parsed, "--timeout", o.config.timeoutMs, error) &&
           parseSeconds(parsed, "--stall-timeout", o.config.stallTimeoutMs, error);
}
} // namespace

int commandGenerate(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({"--explain"}, {"-o", "--output", "--seed", "--takes", "--from", "--plan-out",
                                   "--provider", "--model", "--base-url", "--mode", "--api-key-env",
                                   "--timeout", "--stall-timeout"});
    if (!parsed.parse(args)) return usageError(io, "generate", parsed.error());
    const auto output = parsed.value("-o") ? parsed.value("-o") : parsed.value("--output");
    if (parsed.positionals().empty() || !output)
        return usageError(io, "generate", "needs a PROMPT and -o OUT.mid");
    std::string prompt;
    for (const std::string& p : parsed.positionals())
        prompt += (prompt.empty() ? "" : " ") + p;
    std::optional<std::uint64_t> seed;
    if (const auto s = parsed.value("--seed")) {
        std::uint64_t v = 0;
        if (!parseWhole(*s, v))
            return usageError(io, "generate",
                              "--seed must be a whole number from 0 to 2^64-1, not '" + *s + "'");
        seed = v;
    }
    std::optional<int> takes;
    if (const auto t = parsed.value("--takes")) {
        int v = 0;
        if (!parseWhole(*t, v) || v < 1 || v > gen::Brief::kMaxCandidates)
            return usageError(io, "generate",
                              "--takes must be a whole number from 1 to 16, not '" + *t + "'");
        takes = v;
    }
    const Outputs out{*output, parsed.value("--plan-out")};
    LlmOptions llmOptions;
    std::string llmError;
    if (!parseLlmOptions(parsed, llmOptions, llmError)) return usageError(io, "generate", llmError);
    if (llmOptions.config.kind != llm::ProviderKind::Offline) {
        llm::GenerationRequest request;
        request.prompt = prompt;
        request.mode = llmOptions.mode;
        request.candidates = takes.value_or(1);
        request.seed = seed;
        if (const auto from = parsed.value("--from")) {
            auto loaded = engine::loadPlanFile(*from);
            if (!loaded) {
                printError(io.err, loaded.error().message);
                return kBadInput;
            }
            request.parent = model::Take{1, *from, false, std::move(loaded->plan), {}, {}};
        }
        return generateWithProvider(llmOptions, std::move(request), parsed.has("--explain"), out,
                                    io);
    }
    if (const auto from = parsed.value("--from"))
        return generateFrom(*from, prompt, seed.value_or(gen::promptSeed(prompt)),
                            takes.value_or(1), parsed.has("--explain"), out, io);
    return generateFresh(prompt, seed, takes, parsed.has("--explain"), out, io);
}

} // namespace pianola::cli
