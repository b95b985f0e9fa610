// SPDX-License-Identifier: MIT
// Opening and saving a plan as .mid, plan .json or a take of a .pianola project.
#include "engine/PlanFile.h"

#include "engine/FileIo.h"
#include "engine/smf/SmfPlan.h"
#include "engine/smf/SmfReader.h"
#include "model/PlanJson.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace pianola::engine {

namespace {
bool looksLikeSmf(const std::vector<std::uint8_t>& bytes)
{
    return bytes.size() >= 4 &&
           (std::memcmp(bytes.data(), "MThd", 4) == 0 || std::memcmp(bytes.data(), "RIFF", 4) == 0);
}

bool endsWith(std::string s, const std::string& suffix)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A small scanner over JSON text that skips values without building them.
class JsonScan
{
public:
    explicit JsonScan(std::string_view text) : m_text(text) {}

    // The raw top-level "format" string of an object (escapes left as they are); empty if none.
    std::string_view topLevelFormat()
    {
        if (!consume('{')) return {};
        while (true) {
            const std::string_view key = string();
            if (!consume(':')) return {};
            skipSpace();
            if (key == "format" && peek() == '"') return string();
            if (!skipValue() || !consume(',')) return {};
        }
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' ||
                                         m_text[m_pos] == '\r' || m_text[m_pos] == '\n'))
            ++m_pos;
    }
    bool consume(char c)
    {
        skipSpace();
        if (peek() != c) return false;
        ++m_pos;
        return true;
    }
    // A string at the cursor; its raw contents, or empty (cursor at the end) if malformed.
    std::string_view string()
    {
        if (!consume('"')) return {};
        const std::size_t begin = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != '"')
            m_pos += m_text[m_pos] == '\\' ? 2 : 1;
        if (m_pos >= m_text.size()) {
            m_pos = m_text.size();
            return {};
        }
        return m_text.substr(begin, m_pos++ - begin);
    }
    // Skips one value (brackets counted outside strings), up to the ',' or '}' after it.
    bool skipValue()
    {
        int depth = 0;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                string(); // past it (to the end when unterminated)
                continue;
            }
            if ((c == ',' || c == '}' || c == ']') && depth == 0) return true;
            depth += (c == '{' || c == '[') ? 1 : (c == '}' || c == ']') ? -1 : 0;
            ++m_pos;
        }
        return false;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

bool isProject(const std::string& path, std::string_view text)
{
    return endsWith(path, ".pianola") || JsonScan(text).topLevelFormat() == "pianola-project";
}

std::string takeLabel(const model::Take& t)
{
    return std::to_string(t.id) + " \"" + t.name + "\"";
}

std::string takeList(const model::Project& project)
{
    constexpr std::size_t kListed = 20;
    std::string list;
    for (std::size_t i = 0; i < std::min(project.takes.size(), kListed); ++i)
        list += (i ? ", " : "") + takeLabel(project.takes[i]);
    if (project.takes.size() > kListed)
        list += " and " + std::to_string(project.takes.size() - kListed) + " more";
    return list;
}

Result<LoadedPlan> loadProject(const std::string& path, std::string_view text,
                               const LoadOptions& options)
{
    auto parsed = model::projectFromJsonWithReport(text);
    if (!parsed) return makeError(parsed.error().code, path + ":\n" + parsed.error().message);
    auto take = findTake(parsed->project, options.take);
    if (!take) return makeError(take.error().code, path + ": " + take.error().message);
    LoadedPlan loaded;
    for (const auto& w : parsed->report.warnings)
        loaded.warnings.push_back(w.toString());
    if (options.take.empty() && (*take)->id != parsed->project.activeTake)
        loaded.warnings.push_back("no active take: reading the first, take " + takeLabel(**take));
    loaded.fromProject = true;
    loaded.takeId = (*take)->id;
    loaded.takeName = (*take)->name;
    loaded.takeCount = parsed->project.takes.size();
    const auto index = static_cast<std::size_t>(*take - parsed->project.takes.data());
    loaded.plan = std::move(parsed->project.takes[index].plan);
    return loaded;
}
} // namespace

Result<const model::Take*> findTake(const model::Project& project, const std::string& which)
{
    if (project.takes.empty())
        return makeError(Error::Code::ValidationError, "the project has no takes");
    if (which.empty()) {
        const model::Take* active = project.findTake(project.activeTake);
        return active ? active : &project.takes.front();
    }
    model::TakeId id = 0;
    const auto r = std::from_chars(which.data(), which.data() + which.size(), id);
    if (r.ec == std::errc() && r.ptr == which.data() + which.size())
        if (const model::Take* t = project.findTake(id)) return t;
    const model::Take* named = nullptr;
    for (const model::Take& t : project.takes) {
        if (t.name != which) continue;
        if (named)
            return makeError(Error::Code::InvalidArgument,
                             "more than one take is named \"" + which + "\" (takes " +
                                 std::to_string(named->id) + " and " + std::to_string(t.id) +
                                 "): name it by id");
        named = &t;
    }
    if (!named)
        return makeError(Error::Code::InvalidArgument, "no take \"" + which +
                                                           "\" (by id or name); the takes are " +
                                                           takeList(project));
    return named;
}

Result<LoadedPlan> loadPlanFile(const std::string& path, const LoadOptions& options)
{
    auto bytes = readFile(path, std::max(smf::kMaxFileBytes, model::kMaxJsonBytes));
    if (!bytes) return bytes.error();
    const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    const bool smfFile = looksLikeSmf(*bytes) || (bytes->empty() && !endsWith(path, ".json") &&
                                                  !endsWith(path, ".pianola"));
    if (!smfFile && isProject(path, text)) return loadProject(path, text, options);
    if (!options.take.empty())
        return makeError(Error::Code::InvalidArgument,
                         path + ": not a project, so it has no take \"" + options.take + "\"");
    LoadedPlan loaded;
    if (smfFile) {
        auto file = smf::readSmf(*bytes);
        std::vector<std::uint8_t>().swap(*bytes); // the events hold what is needed now
        auto imported =
            file ? smf::planFromSmf(std::move(*file)) : Result<smf::ImportResult>(file.error());
        if (!imported)
            return makeError(imported.error().code, path + ": " + imported.error().message);
        loaded.plan = std::move(imported->plan);
        for (const auto& w : imported->warnings)
            loaded.warnings.push_back(w.message);
        loaded.fromSmf = true;
        return loaded;
    }
    auto parsed = model::planFromJson(text);
    if (!parsed) return makeError(parsed.error().code, path + ":\n" + parsed.error().message);
    loaded.plan = std::move(parsed->plan);
    for (const auto& w : parsed->report.warnings)
        loaded.warnings.push_back(w.toString());
    return loaded;
}

PlanFileKind planFileKindFor(const std::string& path)
{
    if (endsWith(path, ".pianola")) return PlanFileKind::Project;
    return endsWith(path, ".json") ? PlanFileKind::Json : PlanFileKind::Smf;
}

Result<void> savePlanFile(const std::string& path, const model::Plan& plan, int smfFormat,
                          std::vector<std::string>* warnings)
{
    switch (planFileKindFor(path)) {
    case PlanFileKind::Json:
        return writeFileAtomic(path, model::planToJson(plan) + "\n");
    case PlanFileKind::Project: {
        model::Project project;
        model::Take take;
        take.id = 1;
        take.name = "Take 1";
        take.plan = plan;
        take.provenance.provider = "import";
        project.takes.push_back(std::move(take));
        project.activeTake = 1;
        return writeFileAtomic(path, model::projectToJson(project) + "\n");
    }
    case PlanFileKind::Smf:
        break;
    }
    smf::ExportOptions options;
    options.format = smfFormat;
    const std::vector<std::uint8_t> bytes = smf::writePlan(plan, options, warnings);
    return writeFileAtomic(path, std::span<const std::uint8_t>(bytes));
}

} // namespace pianola::engine
