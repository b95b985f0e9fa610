// SPDX-License-Identifier: MIT
// Ollama's native chat API: the schema in "format", NDJSON lines up to "done": true.
#include "engine/llm/Providers.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pianola::engine::llm {

namespace {
QNetworkRequest ollamaRequest(const ProviderConfig& config, const QString& apiKey)
{
    QNetworkRequest r = jsonRequest(config, QStringLiteral("/api/chat"));
    if (!apiKey.isEmpty()) // a proxy in front of Ollama may want one
        r.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    return r;
}

QByteArray ollamaBody(const ProviderConfig& config, const Conversation& c)
{
    const QJsonObject body{{QStringLiteral("model"), config.model},
                           {QStringLiteral("messages"), chatMessages(c, true)},
                           {QStringLiteral("stream"), true},
                           {QStringLiteral("format"), c.schema},
                           {QStringLiteral("options"),
                            QJsonObject{{QStringLiteral("temperature"), config.temperature},
                                        {QStringLiteral("num_predict"), config.maxTokens}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

StreamEvent ollamaLine(QByteArrayView line)
{
    StreamEvent ev;
    const QJsonObject o = QJsonDocument::fromJson(line.toByteArray()).object();
    if (o.isEmpty()) {
        ev.error = QStringLiteral("The server sent a stream line that is not JSON");
        ev.retryable = true;
        return ev;
    }
    if (o.contains(QLatin1String("error"))) {
        ev.error = QStringLiteral("The server reported an error: %1")
                       .arg(o.value(QLatin1String("error")).toString());
        return ev;
    }
    ev.model = o.value(QLatin1String("model")).toString();
    ev.text =
        o.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString();
    ev.done = o.value(QLatin1String("done")).toBool();
    ev.lengthLimit = o.value(QLatin1String("done_reason")).toString() == QLatin1String("length");
    return ev;
}

} // namespace

const WireFormat kOllamaWire{ollamaRequest, ollamaBody, ollamaLine, "\"done\": true"};

} // namespace pianola::engine::llm
