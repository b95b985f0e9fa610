// SPDX-License-Identifier: MIT
// Reading project files (.pianola): version, takes with plans and provenance, the chat.
#include "model/PlanJson.h"
#include "model/PlanJsonInternal.h"

#include <array>
#include <unordered_map>

namespace pianola::model {

using jsonio::arrayField;
using jsonio::boolField;
using jsonio::Field;
using jsonio::idField;
using jsonio::intField;
using jsonio::Json;
using jsonio::JsonPath;
using jsonio::JsonReader;
using jsonio::kRequired;
using jsonio::kRoles;
using jsonio::readObject;
using jsonio::stringField;

namespace {

constexpr std::size_t kMaxName = Limits::kMaxNameBytes;
constexpr std::array<std::string_view, 1> kProjectFormatChoices{jsonio::kProjectFormat};

constexpr std::array kProvenanceFields{
    stringField<Provenance, &Provenance::prompt, kMaxJsonBytes>("prompt"),
    stringField<Provenance, &Provenance::provider, kMaxName>("provider"),
    stringField<Provenance, &Provenance::model, kMaxName>("model"),
    idField<Provenance, &Provenance::seed, 0>("seed"),
    idField<Provenance, &Provenance::parentTake, 1>("parentTake"),
    stringField<Provenance, &Provenance::createdUtc, kMaxName>("createdUtc")};

void readProvenance(JsonReader& in, const Json& v, const JsonPath& p, Take& t)
{
    jsonio::visitFields(in, v, p, kProvenanceFields, t.provenance);
}

void readTakePlan(JsonReader& in, const Json& v, const JsonPath& p, Take& t)
{
    jsonio::readPlan(in, v, p, t.plan);
}

constexpr std::array kCheckFields{stringField<Check, &Check::name, kMaxName>("name", kRequired),
                                  stringField<Check, &Check::asked, kMaxName>("asked"),
                                  stringField<Check, &Check::measured, kMaxName>("measured"),
                                  boolField<Check, &Check::pass>("pass")};

constexpr std::array kTakeFields{
    idField<Take, &Take::id, 1>("id", kRequired),
    stringField<Take, &Take::name, kMaxName>("name"),
    boolField<Take, &Take::starred>("starred"),
    Field<Take>{"provenance", false, readProvenance},
    Field<Take>{"plan", kRequired, readTakePlan},
    arrayField<Take, &Take::checks, &readObject<Check, kCheckFields>>("checks")};

void readRole(JsonReader& in, const Json& v, const JsonPath& p, ChatMessage& m)
{
    if (const auto role = in.choice(v, p, kRoles)) m.role = static_cast<ChatMessage::Role>(*role);
}

void readStatus(JsonReader& in, const Json& v, const JsonPath& p, ChatMessage& m)
{
    if (const auto status = in.choice(v, p, jsonio::kChatStatuses))
        m.status = static_cast<ChatMessage::Status>(*status);
}

void readTakeReference(JsonReader& in, const Json& v, const JsonPath& p, TakeId& id)
{
    if (const auto value = in.integer<std::uint64_t>(v, p, 1, UINT64_MAX)) id = *value;
}

void readChatWord(JsonReader& in, const Json& v, const JsonPath& p, std::string& out)
{
    if (auto s = in.string(v, p, kMaxName)) out = std::move(*s);
}

constexpr std::array kChatFields{
    Field<ChatMessage>{"role", kRequired, readRole},
    Field<ChatMessage>{"status", false, readStatus},
    stringField<ChatMessage, &ChatMessage::text, kMaxJsonBytes>("text", kRequired),
    stringField<ChatMessage, &ChatMessage::createdUtc, kMaxName>("createdUtc"),
    arrayField<ChatMessage, &ChatMessage::takes, &readTakeReference>("takes"),
    arrayField<ChatMessage, &ChatMessage::understood, &readChatWord>("understood"),
    arrayField<ChatMessage, &ChatMessage::notUnderstood, &readChatWord>("notUnderstood")};

/// Projects before typed chips kept them as "chip: ..." lines at the start of the text.
void convertChipLines(ChatMessage& m)
{
    constexpr std::string_view kChip = "chip: ";
    std::string prose;
    std::size_t start = 0;
    while (start <= m.text.size()) {
        const std::size_t end = std::min(m.text.find('\n', start), m.text.size());
        const std::string_view line = std::string_view(m.text).substr(start, end - start);
        if (line.starts_with(kChip))
            m.understood.emplace_back(line.substr(kChip.size()));
        else
            prose.append(prose.empty() ? "" : "\n").append(line);
        start = end + 1;
    }
    m.text = std::move(prose);
}

constexpr std::array kInterpretationFields{
    idField<Interpretation, &Interpretation::take, 1>("take", kRequired),
    stringField<Interpretation, &Interpretation::model, kMaxName>("model"),
    stringField<Interpretation, &Interpretation::text, kMaxJsonBytes>("text", kRequired),
    arrayField<Interpretation, &Interpretation::suggestions, &readChatWord>("suggestions"),
    stringField<Interpretation, &Interpretation::createdUtc, kMaxName>("createdUtc")};

struct ProjectDraft : Project
{
    std::int64_t version = 0;
};

void readFormat(JsonReader& in, const Json& v, const JsonPath& p, ProjectDraft&)
{
    (void)in.choice(v, p, kProjectFormatChoices);
}

constexpr std::array kProjectFields{
    Field<ProjectDraft>{"format", kRequired, readFormat},
    intField<ProjectDraft, &ProjectDraft::version, 1, Project::kFormatVersion>("version",
                                                                               kRequired),
    idField<ProjectDraft, &Project::activeTake, 0>("activeTake"),
    arrayField<ProjectDraft, &Project::takes, &readObject<Take, kTakeFields>>("takes"),
    arrayField<ProjectDraft, &Project::chat, &readObject<ChatMessage, kChatFields>>("chat"),
    arrayField<ProjectDraft, &Project::interpretations,
               &readObject<Interpretation, kInterpretationFields>>("interpretations")};

/// A newer format may differ anywhere, so it is reported alone.
bool reportNewerFormat(JsonReader& in, const Json& v, const JsonPath& path)
{
    const Json* version = jsonio::findMember(v, "version");
    const auto newer =
        version
            ? jsonio::peekInteger<std::uint64_t>(*version, Project::kFormatVersion + 1, UINT64_MAX)
            : std::nullopt;
    if (newer)
        in.error(path.key("version"),
                 "this project was written by a newer Pianola (format version " +
                     std::to_string(*newer) + "; this version reads up to " +
                     std::to_string(Project::kFormatVersion) + ")");
    return newer.has_value();
}

/// Duplicate take ids are errors; references to missing takes are warnings (takes get deleted).
void checkTakeReferences(JsonReader& in, const JsonPath& path, Project& project)
{
    const JsonPath takesPath = path.key("takes");
    std::unordered_map<TakeId, std::size_t> indexOfId;
    for (std::size_t i = 0; i < project.takes.size(); ++i) {
        const TakeId id = project.takes[i].id;
        const auto [first, inserted] = indexOfId.emplace(id, i);
        if (id != 0 && !inserted)
            in.error(takesPath.index(i).key("id"), "take id " + std::to_string(id) +
                                                       " is also used by " +
                                                       takesPath.index(first->second).str());
    }
    for (std::size_t i = 0; i < project.takes.size(); ++i) {
        const auto parent = project.takes[i].provenance.parentTake;
        if (parent && !indexOfId.contains(*parent))
            in.warning(takesPath.index(i).key("provenance").key("parentTake"),
                       "no take has id " + std::to_string(*parent));
    }
    if (project.activeTake != 0 && !indexOfId.contains(project.activeTake)) {
        in.warning(path.key("activeTake"), "no take has id " + std::to_string(project.activeTake) +
                                               "; no take is made active");
        project.activeTake = 0;
    }
}

void readProject(JsonReader& in, const Json& v, const JsonPath& path, Project& out)
{
    if (!in.expectObject(v, path) || reportNewerFormat(in, v, path)) return;
    ProjectDraft draft;
    jsonio::visitFields(in, v, path, kProjectFields, draft);
    checkTakeReferences(in, path, draft);
    std::erase_if(draft.interpretations,
                  [&draft](const Interpretation& i) { return !draft.findTake(i.take); });
    for (Take& take : draft.takes) // projects from before track ids get them here
        take.plan.assignTrackIds();
    for (ChatMessage& m : draft.chat)
        if (m.role == ChatMessage::Role::Assistant && m.understood.empty() &&
            m.text.find("chip: ") != std::string::npos)
            convertChipLines(m);
    out = std::move(static_cast<Project&>(draft));
}

} // namespace

Result<ProjectReadResult> projectFromJsonWithReport(std::string_view text)
{
    auto read = jsonio::readDocument<Project>(text, readProject);
    if (!read.report.ok()) return makeError(read.failure, read.report.errorText());
    return ProjectReadResult{std::move(read.value), std::move(read.report)};
}

ValidationReport validateProjectJson(std::string_view text)
{
    return jsonio::readDocument<Project>(text, readProject).report;
}

Result<Project> projectFromJson(std::string_view text)
{
    auto result = projectFromJsonWithReport(text);
    if (!result) return result.error();
    return std::move(result->project);
}

} // namespace pianola::model
