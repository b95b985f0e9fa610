// SPDX-License-Identifier: MIT
// Preferences' "Test connection": asks the provider's server for its models (GET /v1/models,
// Anthropic's /v1/models, Ollama's /api/tags), bounded in time and size, errors redacted.
#pragma once

#include "engine/llm/ProviderConfig.h"
#include "model/Result.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace pianola::engine::llm {

/// GUI thread. After start(), exactly one of succeeded() or failed() follows (unless the object
/// is destroyed first).
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTest(QObject* parent = nullptr);
    ~ConnectionTest() override;
    /// Lists the models of `config`'s server with `apiKey` (may be empty).
    void start(const ProviderConfig& config, const QString& apiKey);
    bool busy() const { return m_reply != nullptr; }

    /// The model names in a models-list reply (OpenAI and Anthropic: data[].id; Ollama:
    /// models[].name), at most 200, each at most 100 characters; an error names the JSON path.
    static Result<QStringList> parseModels(ProviderKind kind, const QByteArray& body);

signals:
    void succeeded(const QStringList& models);
    void failed(const QString& sentence);

private:
    void finish();
    void fail(const QString& sentence);

    QNetworkAccessManager m_nam;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    ProviderConfig m_config;
    QString m_apiKey;
    QByteArray m_body;
};

} // namespace pianola::engine::llm
