// SPDX-License-Identifier: MIT
// SMF parse speed: a generated 1,000,000-note format-1 file and the pop-song corpus, one core.
// Usage: bench_smf [--write FILE.mid]   (FILE gets the generated 1M-note file)
#include "BenchUtil.h"
#include "engine/FileIo.h"
#include "engine/smf/SmfPlan.h"
#include "engine/smf/SmfReader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace pianola;
using bench::bestSeconds;
using bench::millionNotePlan;

namespace {
void report(const char* what, double seconds, double bytes)
{
    std::printf("%-46s %9.2f ms  %8.1f MB/s\n", what, seconds * 1e3, bytes / seconds / 1e6);
}

std::vector<std::vector<std::uint8_t>> loadCorpus()
{
    std::vector<std::vector<std::uint8_t>> files;
    const std::filesystem::path dir =
        std::filesystem::path(PIANOLA_SHARED_DIR) / "corpora/pop909-dev";
    if (!std::filesystem::exists(dir)) return files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        if (entry.path().extension() == ".mid")
            if (auto bytes = engine::readFile(entry.path().string(), engine::smf::kMaxFileBytes))
                files.push_back(std::move(*bytes));
    return files;
}
} // namespace

int main(int argc, char** argv)
{
    const model::Plan plan = millionNotePlan();
    std::vector<std::uint8_t> big;
    const double writeS = bestSeconds(3, [&] { big = engine::smf::writePlan(plan); });
    std::printf("generated: %lld notes, %.2f MB SMF\n", static_cast<long long>(plan.noteCount()),
                big.size() / 1e6);
    if (argc == 3 && std::string(argv[1]) == "--write")
        (void)engine::writeFileAtomic(argv[2], std::span<const std::uint8_t>(big));
    report("1M notes: write (plan -> SMF bytes)", writeS, static_cast<double>(big.size()));
    std::size_t notes = 0;
    report("1M notes: parse + pair (readSmfNotes)",
           bestSeconds(7, [&] { notes = engine::smf::readSmfNotes(big)->notes.size(); }),
           static_cast<double>(big.size()));
    report("1M notes: parse to events (readSmf)",
           bestSeconds(5, [&] { (void)engine::smf::readSmf(big); }),
           static_cast<double>(big.size()));
    report("1M notes: full import to plan (readPlan)",
           bestSeconds(3, [&] { (void)engine::smf::readPlan(big); }),
           static_cast<double>(big.size()));
    if (notes != 1'000'000) std::printf("ERROR: read %zu notes\n", notes);

    const auto corpus = loadCorpus();
    if (corpus.empty()) {
        std::printf("pop909-dev corpus not found: skipped\n");
        return notes == 1'000'000 ? 0 : 1;
    }
    double bytes = 0;
    for (const auto& f : corpus)
        bytes += static_cast<double>(f.size());
    std::size_t corpusNotes = 0;
    const double pairS = bestSeconds(15, [&] {
        corpusNotes = 0;
        for (const auto& f : corpus)
            corpusNotes += engine::smf::readSmfNotes(f)->notes.size();
    });
    std::printf("pop909-dev: %zu files, %.2f MB, %zu notes\n", corpus.size(), bytes / 1e6,
                corpusNotes);
    report("pop909-dev: parse + pair (readSmfNotes)", pairS, bytes);
    report("pop909-dev: full import to plan (readPlan)",
           bestSeconds(5,
                       [&] {
                           for (const auto& f : corpus)
                               (void)engine::smf::readPlan(f);
                       }),
           bytes);
    return notes == 1'000'000 ? 0 : 1;
}
