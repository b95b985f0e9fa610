// SPDX-License-Identifier: MIT
// API keys in the system keychain (Secret Service, KWallet... through QtKeychain), and a key
// source that prefers the environment and falls back to keys read from there.
#pragma once

#include "engine/llm/ProviderConfig.h"
#include "engine/llm/Secrets.h"

#include <map>
#include <QObject>
#include <QString>

namespace pianola::engine::llm {

/// One keychain entry per provider (account "openai", "anthropic", "ollama") under `service`.
/// Asynchronous: every call ends in exactly one signal. Built without QtKeychain (it is an
/// optional build dependency), every call fails with a sentence saying so.
class Keychain : public QObject
{
    Q_OBJECT
public:
    explicit Keychain(QString service = QStringLiteral("Pianola"), QObject* parent = nullptr);
    /// True when Pianola was built with QtKeychain.
    static bool compiledIn();

    void readKey(ProviderKind kind);
    void writeKey(ProviderKind kind, const QString& key);
    void removeKey(ProviderKind kind);

signals:
    void keyRead(pianola::engine::llm::ProviderKind kind, const QString& key); ///< empty: none
    void keyWritten(pianola::engine::llm::ProviderKind kind);
    void keyRemoved(pianola::engine::llm::ProviderKind kind);
    /// What went wrong, for the user ("No keychain is available (...); use OPENAI_API_KEY.").
    void failed(pianola::engine::llm::ProviderKind kind, const QString& sentence);

private:
    QString m_service;
};

/// The environment variable when it is set (an explicit choice wins), else the key the app
/// read from the keychain for that provider, else none.
class StoredKeySource : public KeySource
{
public:
    void setKey(ProviderKind kind, QString key) { m_keys[kind] = std::move(key); }
    QString apiKey(const ProviderConfig& config) const override;

private:
    std::map<ProviderKind, QString> m_keys;
};

} // namespace pianola::engine::llm

Q_DECLARE_METATYPE(pianola::engine::llm::ProviderKind)
