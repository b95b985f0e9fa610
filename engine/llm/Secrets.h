// SPDX-License-Identifier: MIT
// API keys: where they come from (environment, or a key the app read from the keychain) and how
// they are kept out of logs and messages.
#pragma once

#include "engine/llm/ProviderConfig.h"

#include <QLoggingCategory>
#include <QString>
#include <string>
#include <string_view>

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

/// `text` with `key` (any run of 10 or more of its characters, so a quoted piece of it goes too;
/// its first 8 and last 6 characters for keys of 12 or more) and anything shaped like a provider
/// key ("sk-...", "sk-ant-...", also the "sk-abc***xyz" forms servers echo) replaced by
/// "[redacted]". Apply to every server text that reaches a log or a message (untrustedText does,
/// and bounds it).
QString redactSecrets(QString text, const QString& key);

/// Text that came from the network (a model name, an error message, a problem list echoing a
/// reply), made safe to show, log or save: secrets redacted (redactSecrets, before the text is
/// cut, so a key at the cut is still caught), control and bidi characters replaced by spaces
/// (newlines too unless `multiLine`), and cut to at most `maxChars` characters, never inside a
/// character, with "..." when cut.
QString untrustedText(const QString& text, const QString& key, qsizetype maxChars,
                      bool multiLine = false);
/// The same for UTF-8 (invalid bytes become U+FFFD); the result is valid UTF-8.
std::string untrustedText(std::string_view utf8, const QString& key, qsizetype maxChars,
                          bool multiLine = false);

} // namespace pianola::engine::llm
