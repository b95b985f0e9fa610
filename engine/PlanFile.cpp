// SPDX-License-Identifier: MIT
// Opening and saving a plan as .mid or plan .json.
#include "engine/PlanFile.h"

#include "engine/FileIo.h"
#include "engine/smf/SmfPlan.h"
#include "model/PlanJson.h"

#include <algorithm>
#include <cstring>

namespace pianola::engine {

namespace {
bool looksLikeSmf(const std::vector<std::uint8_t>& bytes)
{
    return bytes.size() >= 4 && (std::memcmp(bytes.data(), "MThd", 4) == 0 ||
                                 std::memcmp(bytes.data(), "RIFF", 4) == 0);
}

bool endsWith(std::string s, const std::string& suffix)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
} // namespace

Result<LoadedPlan> loadPlanFile(const std::string& path)
{
    auto bytes = readFile(path, std::max(smf::kMaxFileBytes, model::kMaxJsonBytes));
    if (!bytes)
        return bytes.error();
    LoadedPlan loaded;
    const bool smfFile = looksLikeSmf(*bytes) || (bytes->empty() && !endsWith(path, ".json"));
    if (smfFile) {
        auto imported = smf::readPlan(*bytes);
        if (!imported)
            return makeError(imported.error().code, path + ": " + imported.error().message);
        loaded.plan = std::move(imported->plan);
        for (const auto& w : imported->warnings)
            loaded.warnings.push_back(w.message);
        loaded.fromSmf = true;
        return loaded;
    }
    const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    auto parsed = model::planFromJson(text);
    if (!parsed)
        return makeError(parsed.error().code, path + ":\n" + parsed.error().message);
    loaded.plan = std::move(parsed->plan);
    for (const auto& w : parsed->report.warnings)
        loaded.warnings.push_back(w.toString());
    return loaded;
}

PlanFileKind planFileKindFor(const std::string& path)
{
    return endsWith(path, ".json") ? PlanFileKind::Json : PlanFileKind::Smf;
}

Result<void> savePlanFile(const std::string& path, const model::Plan& plan, int smfFormat,
                          std::vector<std::string>* warnings)
{
    if (planFileKindFor(path) == PlanFileKind::Json)
        return writeFileAtomic(path, model::planToJson(plan) + "\n");
    smf::ExportOptions options;
    options.format = smfFormat;
    const std::vector<std::uint8_t> bytes = smf::writePlan(plan, options, warnings);
    return writeFileAtomic(path, std::span<const std::uint8_t>(bytes));
}

} // namespace pianola::engine
