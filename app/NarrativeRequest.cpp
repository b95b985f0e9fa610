// SPDX-License-Identifier: MIT
// The analysis narrative from a language model.
#include "app/NarrativeRequest.h"

#include "engine/analysis/AnalysisReport.h"
#include "engine/llm/Provider.h"
#include "engine/llm/Reply.h"
#include "engine/llm/Secrets.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pianola::app {

namespace {
constexpr std::size_t kMaxNarrative = 2000, kMaxSuggestion = 200, kMaxSuggestions = 3;

QJsonObject narrativeSchema()
{
    return QJsonDocument::fromJson(
               R"({"type":"object","additionalProperties":false,"required":["narrative","suggestions"],
        "properties":{"narrative":{"type":"string","description":"3 to 5 plain sentences on tempo, density, articulation, harmony and feel"},
        "suggestions":{"type":"array","maxItems":3,"items":{"type":"string"},
        "description":"1 or 2 short requests the user could type into a music generator chat, e.g. \"add more swing\", \"add a fill on bar 8\""}}})")
        .object();
}
} // namespace

NarrativeRequest::NarrativeRequest(QObject* parent) : QObject(parent) {}
NarrativeRequest::~NarrativeRequest() = default;

bool NarrativeRequest::busy() const
{
    return m_provider && m_provider->busy();
}

Result<std::pair<std::string, std::vector<std::string>>>
NarrativeRequest::parseReply(const std::string& reply)
{
    auto json = engine::llm::extractJson(reply);
    if (!json) return json.error();
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(*json));
    const QJsonValue narrative = doc.object().value("narrative");
    const QJsonValue suggestions = doc.object().value("suggestions");
    if (!doc.isObject() || !narrative.isString() || narrative.toString().trimmed().isEmpty())
        return makeError(Error::Code::ValidationError, "$.narrative: expected a non-empty string");
    if (narrative.toString().size() > static_cast<qsizetype>(kMaxNarrative))
        return makeError(Error::Code::TooLarge, "$.narrative: longer than 2000 characters");
    std::vector<std::string> list;
    for (const QJsonValue& v : suggestions.toArray()) {
        if (!v.isString() || v.toString().trimmed().isEmpty() ||
            v.toString().size() > static_cast<qsizetype>(kMaxSuggestion))
            return makeError(Error::Code::ValidationError,
                             "$.suggestions: short non-empty strings expected");
        if (list.size() < kMaxSuggestions) list.push_back(v.toString().trimmed().toStdString());
    }
    return std::pair{narrative.toString().trimmed().toStdString(), list};
}

void NarrativeRequest::start(const engine::llm::ProviderConfig& config,
                             const engine::llm::KeySource& keys,
                             const model::analysis::Analysis& analysis)
{
    m_provider = engine::llm::makeProvider(config, keys, this);
    if (!m_provider) {
        emit failed(tr("Choose a language model in the chat dock first."));
        return;
    }
    engine::llm::Conversation conversation;
    conversation.system = QStringLiteral("You are an experienced music producer. You get exact "
                                         "features of a MIDI piece as JSON (tempo map, "
                                         "durations, density, articulation, pitch classes, key, "
                                         "chords, swing, drums). Write a short, concrete "
                                         "interpretation for the musician and one or two next "
                                         "steps phrased as requests for a music chat.");
    conversation.turns.push_back(
        {false, QString::fromStdString(engine::analysis::analysisToJson(analysis))});
    conversation.schemaName = QStringLiteral("pianola_narrative");
    conversation.schemaDescription =
        QStringLiteral("An interpretation of the analysed piece and suggestions");
    conversation.schema = narrativeSchema();
    connect(m_provider.get(), &engine::llm::Provider::replied, this, [this](const QString& text) {
        auto parsed = parseReply(text.toStdString());
        if (!parsed) {
            emit failed(tr("The model's interpretation was not usable: %1")
                            .arg(QString::fromStdString(parsed.error().message)));
            return;
        }
        QStringList suggestions;
        for (const std::string& s : parsed->second)
            suggestions << QString::fromStdString(s);
        emit finished(QString::fromStdString(parsed->first), suggestions);
    });
    connect(m_provider.get(), &engine::llm::Provider::failed, this,
            [this](const QString& sentence) { emit failed(sentence); });
    m_provider->send(conversation);
}

} // namespace pianola::app
