// SPDX-License-Identifier: MIT
// API keys: where they come from (environment, or a key the app read from the keychain) and how
// they are kept out of logs and messages.
#pragma once

#include "engine/llm/ProviderConfig.h"

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcLlm) // "pianola.llm": never logs keys or headers

namespace pianola::engine::llm {

/// Gives the API key of a provider. Keys live only in memory and in the request headers.
class KeySource
{
public:
    virtual ~KeySource() = default;
    /// The key, or empty when there is none (the request goes without one).
    virtual QString apiKey(const ProviderConfig& config) const = 0;
};

/// Reads `keyEnvName(config)` from the environment (OPENAI_API_KEY, ANTHROPIC_API_KEY).
class EnvironmentKeySource : public KeySource
{
public:
    QString apiKey(const ProviderConfig& config) const override;
};

/// A key the caller already holds (e.g. read from the system keychain at start-up).
class FixedKeySource : public KeySource
{
public:
    explicit FixedKeySource(QString key) : m_key(std::move(key)) {}
    QString apiKey(const ProviderConfig&) const override { return m_key; }

private:
    QString m_key;
};

/// `text` with `key` and anything shaped like a provider key ("sk-...", "sk-ant-...", also the
/// "sk-abc***xyz" forms servers echo) replaced by "[redacted]". Apply to every server text that
/// reaches a log or a message.
QString redactSecrets(QString text, const QString& key);

} // namespace pianola::engine::llm
