// SPDX-License-Identifier: MIT
// Listing a provider's models, for Preferences' "Test connection".
#include "engine/llm/ConnectionTest.h"

#include "engine/llm/Secrets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace pianola::engine::llm {

namespace {
constexpr qint64 kMaxBodyBytes = 1 << 20;
constexpr int kTimeoutMs = 10000;
constexpr int kMaxModels = 200;

QNetworkRequest listRequest(const ProviderConfig& config, const QString& apiKey)
{
    QString base = config.baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString path = QStringLiteral("/models");
    if (config.kind == ProviderKind::Ollama)
        path = QStringLiteral("/api/tags");
    else if (config.kind == ProviderKind::Anthropic && !base.endsWith(QLatin1String("/v1")))
        path = QStringLiteral("/v1/models");
    QNetworkRequest r(QUrl(base + path));
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (config.kind == ProviderKind::Anthropic) {
        r.setRawHeader("anthropic-version", "2023-06-01");
        if (!apiKey.isEmpty()) r.setRawHeader("x-api-key", apiKey.toUtf8());
    } else if (config.kind == ProviderKind::OpenAi && !apiKey.isEmpty()) {
        r.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    }
    return r;
}
} // namespace

ConnectionTest::ConnectionTest(QObject* parent) : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("No answer from %1 within %2 s.")
                 .arg(m_config.baseUrl)
                 .arg(kTimeoutMs / 1000));
    });
}

ConnectionTest::~ConnectionTest()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ConnectionTest::start(const ProviderConfig& config, const QString& apiKey)
{
    if (m_reply) return;
    m_config = config;
    m_apiKey = apiKey;
    m_body.clear();
    const QUrl url = listRequest(config, apiKey).url();
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return fail(QStringLiteral("The base URL \"%1\" is not an http or https address.")
                        .arg(config.baseUrl));
    m_reply = m_nam.get(listRequest(config, apiKey));
    connect(m_reply.data(), &QNetworkReply::readyRead, this, [this] {
        m_body += m_reply->read(kMaxBodyBytes + 1 - m_body.size());
        if (m_body.size() > kMaxBodyBytes)
            fail(QStringLiteral(
                "The server's list of models is larger than 1 MB; stopped reading."));
    });
    connect(m_reply.data(), &QNetworkReply::finished, this, &ConnectionTest::finish);
    m_timeout.start(kTimeoutMs);
}

void ConnectionTest::fail(const QString& sentence)
{
    m_timeout.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    emit failed(untrustedText(sentence, m_apiKey, 400));
}

void ConnectionTest::finish()
{
    m_timeout.stop();
    m_body += m_reply->read(kMaxBodyBytes + 1 - m_body.size());
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = m_reply->error();
    const QString errorText = m_reply->errorString();
    m_reply->deleteLater();
    m_reply = nullptr;
    if (status == 0 && error != QNetworkReply::NoError)
        return fail(QStringLiteral("Could not reach %1 (%2).").arg(m_config.baseUrl, errorText));
    if (status < 200 || status >= 300) {
        const QString said = QJsonDocument::fromJson(m_body)
                                 .object()
                                 .value("error")
                                 .toObject()
                                 .value("message")
                                 .toString();
        return fail(said.isEmpty()
                        ? QStringLiteral("The server answered %1.").arg(status)
                        : QStringLiteral("The server answered %1: %2").arg(status).arg(said));
    }
    auto models = parseModels(m_config.kind, m_body);
    if (!models)
        return fail(QStringLiteral("The server's answer is not a list of models (%1).")
                        .arg(QString::fromStdString(models.error().message)));
    QStringList safe;
    for (const QString& m : *models)
        safe << untrustedText(m, m_apiKey, 100);
    emit succeeded(safe);
}

Result<QStringList> ConnectionTest::parseModels(ProviderKind kind, const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject())
        return makeError(Error::Code::ParseError,
                         "(root): not a JSON object at byte " + std::to_string(parseError.offset));
    const bool ollama = kind == ProviderKind::Ollama;
    const char* listKey = ollama ? "models" : "data";
    const char* nameKey = ollama ? "name" : "id";
    const QJsonValue list = doc.object().value(QLatin1String(listKey));
    if (!list.isArray())
        return makeError(Error::Code::ValidationError,
                         std::string("$.") + listKey + ": expected an array");
    QStringList names;
    const QJsonArray items = list.toArray();
    for (qsizetype i = 0; i < items.size() && names.size() < kMaxModels; ++i) {
        const QJsonValue name = items[i].toObject().value(QLatin1String(nameKey));
        if (!name.isString())
            return makeError(Error::Code::ValidationError, std::string("$.") + listKey + "[" +
                                                               std::to_string(i) + "]." + nameKey +
                                                               ": expected a string");
        names << name.toString().left(100);
    }
    return names;
}

} // namespace pianola::engine::llm
