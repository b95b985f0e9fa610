// SPDX-License-Identifier: MIT
// `pianola-cli analyze`: features, key, chords, feel and narrative of many files, on all cores.
#include "app/cli/CliArgs.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliText.h"
#include "engine/analysis/AnalysisReport.h"
#include "engine/analysis/Analyzer.h"
#include "engine/PlanFile.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace pianola::cli {

namespace {
struct Outcome
{
    bool ok = false;
    std::string text; ///< the report, or the error message
    std::vector<std::string> warnings;
};

Outcome analyzeFile(const std::string& path, bool json, const engine::LoadOptions& options)
{
    auto loaded = engine::loadPlanFile(path, options);
    if (!loaded) return {false, loaded.error().message, {}};
    const auto analysis = engine::analysis::analyzePlan(loaded->plan);
    return {true,
            json ? engine::analysis::analysisToJson(analysis, path) + "\n"
                 : engine::analysis::analysisToText(analysis, path),
            std::move(loaded->warnings)};
}

// Workers take files in turn; the caller prints outcomes in argument order as they complete.
class Pool
{
public:
    Pool(const std::vector<std::string>& files, bool json, const engine::LoadOptions& options,
         unsigned threads)
        : m_files(files), m_options(options), m_outcomes(files.size())
    {
        for (unsigned i = 0; i < threads; ++i)
            m_workers.emplace_back([this, json] { work(json); });
    }
    ~Pool()
    {
        for (std::thread& t : m_workers)
            t.join();
    }
    Outcome take(std::size_t i)
    {
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [&] { return m_outcomes[i].has_value(); });
        Outcome o = std::move(*m_outcomes[i]);
        m_outcomes[i].reset();
        return o;
    }

private:
    void work(bool json)
    {
        for (std::size_t i = m_next++; i < m_files.size(); i = m_next++) {
            Outcome o = analyzeFile(m_files[i], json, m_options);
            std::lock_guard lock(m_mutex);
            m_outcomes[i] = std::move(o);
            m_done.notify_all();
        }
    }

    const std::vector<std::string>& m_files;
    const engine::LoadOptions m_options;
    std::vector<std::optional<Outcome>> m_outcomes;
    std::atomic<std::size_t> m_next{0};
    std::mutex m_mutex;
    std::condition_variable m_done;
    std::vector<std::thread> m_workers;
};
} // namespace

int commandAnalyze(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({"--json", "--quiet"}, {"--jobs", "--take"});
    if (!parsed.parse(args)) return usageError(io, "analyze", parsed.error());
    const auto& files = parsed.positionals();
    if (files.empty()) return usageError(io, "analyze", "needs at least one FILE");
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    if (const auto j = parsed.value("--jobs")) {
        try {
            jobs = static_cast<unsigned>(std::clamp(std::stoi(*j), 1, 256));
        } catch (const std::exception&) {
            return usageError(io, "analyze", "--jobs needs a number, not '" + *j + "'");
        }
    }
    const bool json = parsed.has("--json");
    int status = kOk;
    const engine::LoadOptions options{parsed.value("--take").value_or("")};
    Pool pool(files, json, options,
              static_cast<unsigned>(std::min<std::size_t>(jobs, files.size())));
    for (std::size_t i = 0; i < files.size(); ++i) {
        const Outcome o = pool.take(i);
        if (!parsed.has("--quiet"))
            for (const std::string& w : o.warnings)
                printWarning(io.err, files[i], w);
        if (!o.ok) {
            std::fflush(io.out);
            printError(io.err, o.text);
            status = kBadInput;
            continue;
        }
        std::fputs((json ? o.text : printable(o.text, true)).c_str(),
                   io.out); // JSON escapes controls itself
        if (!json && i + 1 < files.size()) std::fputc('\n', io.out);
    }
    return status;
}

} // namespace pianola::cli
