// SPDX-License-Identifier: MIT
// Anthropic Messages: a forced tool call carries the schema; SSE events up to message_stop.
#include "engine/llm/Providers.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pianola::engine::llm {

namespace {
QNetworkRequest anthropicRequest(const ProviderConfig& config, const QString& apiKey)
{
    // Accept "https://api.anthropic.com" and ".../v1" alike.
    const bool hasVersion = config.baseUrl.endsWith(QLatin1String("/v1")) ||
                            config.baseUrl.endsWith(QLatin1String("/v1/"));
    QNetworkRequest r = jsonRequest(config, hasVersion ? QStringLiteral("/messages")
                                                       : QStringLiteral("/v1/messages"));
    r.setRawHeader("Accept", "text/event-stream");
    r.setRawHeader("anthropic-version", "2023-06-01");
    if (!apiKey.isEmpty()) r.setRawHeader("x-api-key", apiKey.toUtf8());
    return r;
}

QByteArray anthropicBody(const ProviderConfig& config, const Conversation& c)
{
    const QJsonObject tool{{QStringLiteral("name"), c.schemaName},
                           {QStringLiteral("description"), c.schemaDescription},
                           {QStringLiteral("input_schema"), c.schema}};
    const QJsonObject body{{QStringLiteral("model"), config.model},
                           {QStringLiteral("max_tokens"), config.maxTokens},
                           {QStringLiteral("temperature"), config.temperature},
                           {QStringLiteral("system"), c.system},
                           {QStringLiteral("messages"), chatMessages(c, false)},
                           {QStringLiteral("stream"), true},
                           {QStringLiteral("tools"), QJsonArray{tool}},
                           {QStringLiteral("tool_choice"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("tool")},
                                        {QStringLiteral("name"), c.schemaName}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

StreamEvent anthropicLine(QByteArrayView line)
{
    StreamEvent ev;
    bool isData = false;
    const QJsonObject o = sseData(line, isData);
    if (!isData) return ev; // "event: ..." lines: the data line repeats the type
    const QString type = o.value(QLatin1String("type")).toString();
    if (type == QLatin1String("message_start")) {
        ev.model =
            o.value(QLatin1String("message")).toObject().value(QLatin1String("model")).toString();
    } else if (type == QLatin1String("content_block_start")) {
        ev.text = o.value(QLatin1String("content_block"))
                      .toObject()
                      .value(QLatin1String("text"))
                      .toString();
    } else if (type == QLatin1String("content_block_delta")) {
        const QJsonObject d = o.value(QLatin1String("delta")).toObject();
        const QString dt = d.value(QLatin1String("type")).toString();
        if (dt == QLatin1String("input_json_delta"))
            ev.text = d.value(QLatin1String("partial_json")).toString();
        else if (dt == QLatin1String("text_delta"))
            ev.text = d.value(QLatin1String("text")).toString();
    } else if (type == QLatin1String("message_delta")) {
        ev.lengthLimit =
            o.value(QLatin1String("delta")).toObject().value(QLatin1String("stop_reason")) ==
            QLatin1String("max_tokens");
    } else if (type == QLatin1String("message_stop")) {
        ev.done = true;
    } else if (type == QLatin1String("error")) {
        const QJsonObject e = o.value(QLatin1String("error")).toObject();
        const QString et = e.value(QLatin1String("type")).toString();
        ev.error = QStringLiteral("The server reported %1 in the stream: %2")
                       .arg(et, e.value(QLatin1String("message")).toString());
        ev.retryable = et == QLatin1String("overloaded_error") || et == QLatin1String("api_error");
    } else if (type.isEmpty()) {
        ev.error = QStringLiteral("The server sent a stream event that is not JSON");
        ev.retryable = true;
    } // ping, content_block_stop: nothing to keep
    return ev;
}

} // namespace

const WireFormat kAnthropicWire{anthropicRequest, anthropicBody, anthropicLine, "message_stop"};

} // namespace pianola::engine::llm
