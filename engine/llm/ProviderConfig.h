// SPDX-License-Identifier: MIT
// Which LLM provider to talk to and how: base URL, model, temperature, timeouts, retries.
#pragma once

#include "engine/llm/StreamFramer.h"

#include <optional>
#include <QString>
#include <string_view>

namespace pianola::engine::llm {

enum class ProviderKind { Offline, OpenAi, Anthropic, Ollama };

/// "offline", "openai", "anthropic", "ollama": the names of the CLI, settings and Provenance.
std::string_view providerName(ProviderKind kind);
std::optional<ProviderKind> providerKindFromName(std::string_view name);

/// One provider's settings (the app keeps them in QSettings; never the API key itself).
struct ProviderConfig
{
    ProviderKind kind = ProviderKind::Offline;
    QString baseUrl; ///< e.g. "https://api.openai.com/v1", "http://localhost:11434"
    QString model;   ///< as the provider names it ("gpt-4o-mini", "llama3.2")
    double temperature = 0.7;
    int maxTokens = 16384;       ///< reply limit (Anthropic requires one)
    int timeoutMs = 180000;      ///< the whole exchange, retries included
    int stallTimeoutMs = 30000;  ///< no byte for this long: the reply is dropped
    int maxAttempts = 3;         ///< tries on 429, 5xx, connection errors and cut streams
    int retryBaseMs = 1000;      ///< backoff: base, 2 x base, 4 x base... unless Retry-After says
    int maxRetryAfterMs = 60000; ///< a longer Retry-After is cut to this
    QString apiKeyEnv;           ///< the environment variable with the key (empty: the default)
    bool strictSchema = true;    ///< OpenAI json_schema "strict"
    StreamLimits streamLimits;   ///< one reply's line, byte and line-count bounds
    /// How the user raises the timeouts, named in the timeout sentences (the CLI: "--timeout
    /// SECONDS"); empty: "raise the timeout".
    QString timeoutOption, stallTimeoutOption;
};

/// The defaults of a provider: its public endpoint, a current model, its key variable.
ProviderConfig defaultConfig(ProviderKind kind);

/// The environment variable read for the key when `apiKeyEnv` is empty: OPENAI_API_KEY,
/// ANTHROPIC_API_KEY; empty for Ollama and offline (no key).
QString defaultKeyEnv(ProviderKind kind);
/// `config.apiKeyEnv`, or the default of its kind.
QString keyEnvName(const ProviderConfig& config);

} // namespace pianola::engine::llm
