// SPDX-License-Identifier: MIT
// Provider names, defaults and key variables.
#include "engine/llm/ProviderConfig.h"

namespace pianola::engine::llm {

std::string_view providerName(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::Offline:
        return "offline";
    case ProviderKind::OpenAi:
        return "openai";
    case ProviderKind::Anthropic:
        return "anthropic";
    case ProviderKind::Ollama:
        return "ollama";
    }
    return "offline";
}

std::optional<ProviderKind> providerKindFromName(std::string_view name)
{
    for (ProviderKind k : {ProviderKind::Offline, ProviderKind::OpenAi, ProviderKind::Anthropic,
                           ProviderKind::Ollama})
        if (providerName(k) == name) return k;
    return std::nullopt;
}

ProviderConfig defaultConfig(ProviderKind kind)
{
    ProviderConfig c;
    c.kind = kind;
    switch (kind) {
    case ProviderKind::Offline:
        break;
    case ProviderKind::OpenAi:
        c.baseUrl = QStringLiteral("https://api.openai.com/v1");
        c.model = QStringLiteral("gpt-4o-mini");
        break;
    case ProviderKind::Anthropic:
        c.baseUrl = QStringLiteral("https://api.anthropic.com");
        c.model = QStringLiteral("claude-sonnet-4-5");
        break;
    case ProviderKind::Ollama:
        c.baseUrl = QStringLiteral("http://localhost:11434");
        c.model = QStringLiteral("llama3.2");
        c.timeoutMs = 600000; // local models on a CPU are slow
        break;
    }
    return c;
}

QString defaultKeyEnv(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::OpenAi:
        return QStringLiteral("OPENAI_API_KEY");
    case ProviderKind::Anthropic:
        return QStringLiteral("ANTHROPIC_API_KEY");
    default:
        return {};
    }
}

QString keyEnvName(const ProviderConfig& config)
{
    return config.apiKeyEnv.isEmpty() ? defaultKeyEnv(config.kind) : config.apiKeyEnv;
}

} // namespace pianola::engine::llm
