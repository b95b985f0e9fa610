// SPDX-License-Identifier: MIT
// makeProvider() and the pieces the wire formats share.
#include "engine/llm/Providers.h"

#include "engine/llm/Secrets.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pianola::engine::llm {

std::unique_ptr<Provider> makeProvider(const ProviderConfig& config, const KeySource& keys,
                                       QObject* parent)
{
    const QString key = keys.apiKey(config);
    switch (config.kind) {
    case ProviderKind::OpenAi:
        return std::make_unique<Provider>(kOpenAiWire, config, key, parent);
    case ProviderKind::Anthropic:
        return std::make_unique<Provider>(kAnthropicWire, config, key, parent);
    case ProviderKind::Ollama:
        return std::make_unique<Provider>(kOllamaWire, config, key, parent);
    case ProviderKind::Offline:
        break;
    }
    return nullptr;
}

QJsonArray chatMessages(const Conversation& conversation, bool withSystem)
{
    QJsonArray messages;
    if (withSystem && !conversation.system.isEmpty())
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), conversation.system}});
    for (const ChatTurn& t : conversation.turns)
        messages.append(
            QJsonObject{{QStringLiteral("role"),
                         t.assistant ? QStringLiteral("assistant") : QStringLiteral("user")},
                        {QStringLiteral("content"), t.text}});
    return messages;
}

QJsonObject sseData(QByteArrayView line, bool& isData, QByteArray* raw)
{
    isData = line.startsWith("data:");
    if (!isData) return {};
    const QByteArray payload = line.sliced(5).trimmed().toByteArray();
    if (raw) *raw = payload;
    return QJsonDocument::fromJson(payload).object();
}

} // namespace pianola::engine::llm
