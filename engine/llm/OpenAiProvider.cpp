// SPDX-License-Identifier: MIT
// OpenAI-compatible Chat Completions: request body and SSE stream.
#include "engine/llm/Providers.h"
#include "engine/llm/Schemas.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pianola::engine::llm {

namespace {
QNetworkRequest openAiRequest(const ProviderConfig& config, const QString& apiKey)
{
    QNetworkRequest r = jsonRequest(config, QStringLiteral("/chat/completions"));
    r.setRawHeader("Accept", "text/event-stream");
    if (!apiKey.isEmpty()) r.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    return r;
}

QByteArray openAiBody(const ProviderConfig& config, const Conversation& c)
{
    const QJsonObject schema{
        {QStringLiteral("name"), c.schemaName},
        {QStringLiteral("description"), c.schemaDescription},
        {QStringLiteral("strict"), config.strictSchema},
        {QStringLiteral("schema"), config.strictSchema ? strictSchema(c.schema) : c.schema}};
    const QJsonObject body{{QStringLiteral("model"), config.model},
                           {QStringLiteral("messages"), chatMessages(c, true)},
                           {QStringLiteral("temperature"), config.temperature},
                           {QStringLiteral("stream"), true},
                           {QStringLiteral("response_format"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                                        {QStringLiteral("json_schema"), schema}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

StreamEvent openAiLine(QByteArrayView line)
{
    StreamEvent ev;
    bool isData = false;
    QByteArray raw;
    const QJsonObject o = sseData(line, isData, &raw);
    if (!isData) return ev; // ": keep-alive" comments, "event:" and "id:" lines
    if (raw == "[DONE]") {
        ev.done = true;
        return ev;
    }
    if (o.isEmpty()) {
        ev.error = QStringLiteral("The server sent a stream line that is not JSON");
        ev.retryable = true;
        return ev;
    }
    if (o.contains(QLatin1String("error"))) {
        const QJsonObject e = o.value(QLatin1String("error")).toObject();
        ev.error = QStringLiteral("The server reported an error in the stream: %1")
                       .arg(e.value(QLatin1String("message")).toString());
        ev.retryable = true;
        return ev;
    }
    ev.model = o.value(QLatin1String("model")).toString();
    const QJsonObject choice = o.value(QLatin1String("choices")).toArray().at(0).toObject();
    ev.lengthLimit =
        choice.value(QLatin1String("finish_reason")).toString() == QLatin1String("length");
    ev.text =
        choice.value(QLatin1String("delta")).toObject().value(QLatin1String("content")).toString();
    return ev;
}

} // namespace

const WireFormat kOpenAiWire{openAiRequest, openAiBody, openAiLine, "[DONE]"};

} // namespace pianola::engine::llm
