// SPDX-License-Identifier: MIT
// Provider: the HTTP exchange shared by every wire format (streaming, retries, timeouts).
#include "engine/llm/Provider.h"

#include "engine/llm/Providers.h"
#include "engine/llm/Secrets.h"

#include <QJsonDocument>
#include <QLocale>
#include <QNetworkReply>

namespace pianola::engine::llm {

namespace {
constexpr qsizetype kMaxReplyChars = 4 << 20; // a plan bigger than this is not a reply
constexpr qsizetype kMaxErrorBody = 64 << 10;
constexpr qsizetype kMaxServerTextChars = 400; // a server's message, in a sentence
constexpr qsizetype kMaxModelChars = 100;      // the model name a server reports
constexpr qint64 kReadBufferBytes = 1 << 20;
constexpr int kMaxRedirects = 5;

QString seconds(int ms)
{
    return QString::number((ms + 500) / 1000);
}

QString raiseIt(const QString& what, const QString& option)
{
    return option.isEmpty() ? QStringLiteral("raise ") + what
                            : QStringLiteral("raise %1 (%2)").arg(what, option);
}

int defaultPort(const QUrl& url)
{
    return url.scheme() == QLatin1String("https") ? 443 : 80;
}

QString origin(const QUrl& url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery |
                        QUrl::RemoveFragment);
}
} // namespace

std::optional<int> retryAfterMs(const QByteArray& value, const QDateTime& nowUtc)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty()) return std::nullopt;
    bool ok = false;
    const double s = v.toDouble(&ok);
    if (ok) return s < 0 ? 0 : static_cast<int>(std::min(s, 86400.0) * 1000);
    QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid()) // "Wed, 21 Oct 2026 07:28:00 GMT" with an English day name
        when = QLocale::c().toDateTime(QString::fromLatin1(v).replace(QLatin1String(" GMT"), ""),
                                       QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!when.isValid()) return std::nullopt;
    if (when.timeSpec() == Qt::LocalTime) when.setTimeSpec(Qt::UTC);
    const qint64 ms = nowUtc.msecsTo(when);
    return static_cast<int>(std::clamp<qint64>(ms, 0, 86400000));
}

Provider::Provider(const WireFormat& wire, ProviderConfig config, QString apiKey, QObject* parent)
    : QObject(parent), m_wire(wire), m_config(std::move(config)), m_apiKey(std::move(apiKey))
{
    for (QTimer* t : {&m_overall, &m_stall, &m_retry})
        t->setSingleShot(true);
    connect(&m_overall, &QTimer::timeout, this, [this] {
        dropReply();
        m_retry.stop();
        fail(QStringLiteral("No complete reply within %1 s; nothing was kept. Try again, or %2.")
                 .arg(seconds(m_config.timeoutMs),
                      raiseIt(QStringLiteral("the timeout"), m_config.timeoutOption)));
    });
    connect(&m_stall, &QTimer::timeout, this, [this] {
        // Before the headers are complete nothing reaches us: a server that trickles or never
        // ends its headers looks silent, and is said as such.
        const bool noHeaders =
            m_reply && !m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid();
        dropReply();
        fail((noHeaders ? QStringLiteral("The server sent no complete reply headers within %1 s; "
                                         "the request was dropped. Try again, or %2.")
                        : QStringLiteral("The server sent nothing for %1 s; the reply was "
                                         "dropped. Try again, or %2."))
                 .arg(seconds(m_config.stallTimeoutMs),
                      raiseIt(QStringLiteral("the stall timeout"), m_config.stallTimeoutOption)));
    });
    connect(&m_retry, &QTimer::timeout, this, &Provider::startAttempt);
}

Provider::~Provider()
{
    dropReply();
}

QNetworkRequest jsonRequest(const ProviderConfig& config, const QString& path)
{
    QString base = config.baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QNetworkRequest r(QUrl(base + path));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return r;
}

void Provider::send(const Conversation& conversation)
{
    dropReply();
    m_retry.stop();
    m_body = m_wire.body(m_config, conversation);
    m_attempt = 0;
    m_active = true;
    m_overall.start(m_config.timeoutMs);
    startAttempt();
}

void Provider::cancel()
{
    if (!m_active) return;
    dropReply();
    fail(QStringLiteral("Cancelled; nothing was kept."), true);
}

void Provider::startAttempt()
{
    ++m_attempt;
    m_text.clear();
    m_model.clear();
    m_errorBody.clear();
    m_streamError.clear();
    m_framer = StreamFramer(m_config.streamLimits);
    m_done = false;
    m_lengthLimit = false;
    QNetworkRequest request = m_wire.request(m_config, m_apiKey);
    // Each redirect is checked in onRedirected(): the key never goes to another origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    m_requestUrl = m_currentUrl = request.url();
    m_redirects = 0;
    qCInfo(lcLlm).noquote() << "POST"
                            << m_requestUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)
                            << "model" << m_config.model << "attempt" << m_attempt;
    m_reply = m_nam.post(request, m_body);
    limitReadBuffer(m_reply);
    connect(m_reply, &QNetworkReply::readyRead, this, &Provider::onReadyRead);
    connect(m_reply, &QNetworkReply::redirected, this, &Provider::onRedirected);
    connect(m_reply, &QNetworkReply::finished, this, &Provider::onFinished);
    connect(m_reply, &QNetworkReply::errorOccurred, this, &Provider::onErrorOccurred);
    m_stall.start(m_config.stallTimeoutMs);
}

// QtNetwork hands bytes over at most kReadBufferBytes ahead of us. Without a bound a fast server
// fills QtNetwork's queue faster than readyRead() comes (it compresses the signals): no
// readyRead for seconds while memory grows by hundreds of MB. The size must reach QtNetwork's
// HTTP thread, which only listens once the transfer has started (and again after a redirect):
// so it is set again when the socket connects, the request is sent and the headers arrive.
void Provider::limitReadBuffer(QNetworkReply* reply)
{
    reply->setReadBufferSize(kReadBufferBytes);
    const auto limit = [reply] { reply->setReadBufferSize(kReadBufferBytes); };
    connect(reply, &QNetworkReply::socketStartedConnecting, this, limit);
    connect(reply, &QNetworkReply::requestSent, this, limit);
    connect(reply, &QNetworkReply::metaDataChanged, this, limit);
}

void Provider::dropReply()
{
    m_stall.stop();
    if (!m_reply) return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void Provider::fail(const QString& sentence, bool cancelled)
{
    m_active = false;
    m_overall.stop();
    m_retry.stop();
    m_stall.stop();
    qCInfo(lcLlm).noquote() << "failed:" << sentence;
    emit failed(sentence, cancelled);
}

QString Provider::safe(const QString& serverText) const
{
    return untrustedText(serverText, m_apiKey, kMaxServerTextChars).simplified();
}

void Provider::failRedirectLoop()
{
    fail(QStringLiteral("The server redirected the request more than %1 times (a redirect "
                        "loop?); nothing was kept. Check the base URL (%2).")
             .arg(kMaxRedirects)
             .arg(m_config.baseUrl));
}

void Provider::onRedirected(const QUrl& target)
{
    if (!m_reply) return;
    const QUrl from = m_currentUrl; // the reply's url() may already be the target
    const QUrl to = from.resolved(target);
    if (++m_redirects > kMaxRedirects) {
        dropReply();
        failRedirectLoop();
        return;
    }
    const bool sameOrigin = to.scheme() == from.scheme() && to.host() == from.host() &&
                            to.port(defaultPort(to)) == from.port(defaultPort(from));
    const bool downgrade =
        from.scheme() == QLatin1String("https") && to.scheme() != QLatin1String("https");
    if (sameOrigin || (m_apiKey.isEmpty() && !downgrade)) {
        qCInfo(lcLlm).noquote() << "redirected to" << safe(origin(to) + to.path());
        m_currentUrl = to;
        emit m_reply->redirectAllowed();
        return;
    }
    dropReply();
    fail(QStringLiteral("The server redirected the request to another origin (%1 to %2); Pianola "
                        "does not send the API key or the request there, so it stopped. If you "
                        "trust that server, use it as the base URL.")
             .arg(safe(origin(from)), safe(origin(to))));
}

void Provider::onReadyRead()
{
    if (!m_reply) return;
    m_stall.start(m_config.stallTimeoutMs);
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300) { // an error body: keep its head, read and drop the rest
        const QByteArray data = m_reply->readAll();
        m_errorBody += data.left(kMaxErrorBody - m_errorBody.size());
        return;
    }
    const Result<void> framed =
        m_framer.feed(m_reply->readAll(), [this](QByteArrayView line) { return takeLine(line); });
    if (framingFailed(framed)) return;
    if (!m_streamError.isEmpty()) {
        dropReply();
        retryOrFail(safe(m_streamError), m_streamErrorRetryable);
        return;
    }
    emit progressed(m_framer.bytes(), m_text.size(), m_text);
}

// One line into the reply; false stops the framing (an error, or a reply too large).
bool Provider::takeLine(QByteArrayView line)
{
    const StreamEvent ev = m_wire.parseLine(line);
    if (!ev.model.isEmpty()) m_model = untrustedText(ev.model, m_apiKey, kMaxModelChars);
    m_text += ev.text;
    m_done = m_done || ev.done;
    m_lengthLimit = m_lengthLimit || ev.lengthLimit;
    if (!ev.error.isEmpty()) {
        m_streamError = ev.error;
        m_streamErrorRetryable = ev.retryable;
    }
    return m_streamError.isEmpty() && m_text.size() <= kMaxReplyChars;
}

// A bound of the framing or of the reply text crossed: the reply is dropped, not retried (the
// same server would send the same again).
bool Provider::framingFailed(const Result<void>& framed)
{
    QString sentence;
    if (!framed)
        sentence = QStringLiteral("The server sent %1; the reply was dropped and nothing was kept.")
                       .arg(QString::fromStdString(framed.error().message));
    else if (m_text.size() > kMaxReplyChars)
        sentence = QStringLiteral("The reply is larger than %1 MB of text; it was dropped.")
                       .arg(kMaxReplyChars >> 20);
    if (sentence.isEmpty()) return false;
    dropReply();
    fail(sentence);
    return true;
}

void Provider::onFinished()
{
    if (!m_reply) return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    m_stall.stop();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (transferFailed(reply, status)) return;
    if (status >= 300) {
        m_errorBody += reply->readAll().left(kMaxErrorBody - m_errorBody.size());
        handleHttpError(status, reply->rawHeader("Retry-After"));
        return;
    }
    const auto sink = [this](QByteArrayView line) { return takeLine(line); };
    Result<void> framed = m_framer.feed(reply->readAll(), sink);
    if (framed) framed = m_framer.finish(sink);
    if (framingFailed(framed)) return;
    if (!m_streamError.isEmpty()) return retryOrFail(safe(m_streamError), m_streamErrorRetryable);
    // Under load QtNetwork (6.4) sometimes ends a chain of user-verified redirects as an empty
    // reply with a success status instead of the redirect: said as the loop it is, not retried
    // (retries repeated the whole chain).
    if (!m_done && m_redirects > 0 && m_text.isEmpty()) {
        fail(QStringLiteral("The server redirected the request %1 times and the last reply was "
                            "empty (a redirect loop?); nothing was kept. Check the base URL (%2).")
                 .arg(m_redirects)
                 .arg(m_config.baseUrl));
        return;
    }
    if (!m_done)
        return retryOrFail(QStringLiteral("The reply was cut off before its end (no %1); nothing "
                                          "was kept")
                               .arg(QLatin1String(m_wire.endMarker)),
                           true);
    m_active = false;
    m_overall.stop();
    qCInfo(lcLlm).noquote() << "reply of" << m_text.size() << "characters from" << m_model;
    emit replied(m_text, m_model.isEmpty() ? m_config.model : m_model);
}

// QtNetwork inflates gzip/deflate/br bodies and stops one that inflates too far; with a
// Content-Length body (QtNetwork 6.4) the reply then never finishes, so it is caught here.
void Provider::onErrorOccurred(QNetworkReply::NetworkError error)
{
    if (!m_reply || error != QNetworkReply::UnknownContentError) return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300) return;
    const QString why = m_reply->errorString();
    dropReply();
    failUnpacking(why);
}

void Provider::failUnpacking(const QString& why)
{
    fail(QStringLiteral("The server's compressed reply could not be unpacked (%1): it inflates far "
                        "beyond its size (a decompression bomb?) or is damaged; nothing was "
                        "kept.")
             .arg(safe(why)));
}

// The errors of the transfer itself (no HTTP status, a body that cannot be decoded, a redirect
// loop); true when the attempt ended with one of them.
bool Provider::transferFailed(QNetworkReply* reply, int status)
{
    const QNetworkReply::NetworkError error = reply->error();
    if (error == QNetworkReply::InsecureRedirectError) {
        fail(QStringLiteral("The server redirected the request from https to an insecure "
                            "address; Pianola stopped. Check the base URL (%1).")
                 .arg(m_config.baseUrl));
        return true;
    }
    if (status >= 200 && status < 300 && error == QNetworkReply::UnknownContentError) {
        failUnpacking(reply->errorString());
        return true;
    }
    if (status != 0) return false;
    // A redirect chain that ends in a transport error is the server's set-up, not a passing
    // fault: retrying it only repeats the chain (once 11 requests where 6 were allowed).
    if (error == QNetworkReply::TooManyRedirectsError) {
        failRedirectLoop();
        return true;
    }
    if (m_redirects > 0) {
        fail(QStringLiteral("The server redirected the request and the redirected request "
                            "failed (%1); nothing was kept. Check the base URL (%2).")
                 .arg(safe(reply->errorString()), m_config.baseUrl));
        return true;
    }
    retryOrFail(QStringLiteral("Could not reach %1 (%2)")
                    .arg(m_requestUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery),
                         safe(reply->errorString())),
                true, -1, QStringLiteral("Is the server running and the base URL right?"));
    return true;
}

HttpError parseErrorBody(const QByteArray& body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QJsonValue e = o.value(QLatin1String("error"));
    if (e.isString()) return {e.toString(), {}};
    const QJsonObject eo = e.toObject();
    QString code = eo.value(QLatin1String("code")).toString();
    if (code.isEmpty()) code = eo.value(QLatin1String("type")).toString();
    QString message = eo.value(QLatin1String("message")).toString();
    if (message.isEmpty() && !body.trimmed().startsWith('{'))
        message = QString::fromUtf8(body); // bounded by the caller; cut after redaction
    return {message, code};
}

// " The server said: <message>." (redacted), or nothing when it said nothing.
QString Provider::serverSaid(const QString& message) const
{
    if (message.trimmed().isEmpty()) return {};
    QString text = safe(message.trimmed());
    if (!text.endsWith(QLatin1Char('.'))) text += QLatin1Char('.');
    return QStringLiteral(" The server said: ") + text;
}

void Provider::handleHttpError(int status, const QByteArray& retryAfter)
{
    const HttpError e = parseErrorBody(m_errorBody);
    const QString said = e.message.isEmpty() ? QString() : QStringLiteral(": ") + safe(e.message);
    const QString env = keyEnvName(m_config);
    if (status < 400)
        return fail(QStringLiteral("The server redirected the request (%1) in a way Pianola does "
                                   "not follow (a loop, or no usable Location); nothing was kept. "
                                   "Check the base URL (%2).")
                        .arg(status)
                        .arg(m_config.baseUrl));
    if (status == 401)
        return fail(
            env.isEmpty() ? QStringLiteral("The server refused the request (401)%1.").arg(said)
            : m_apiKey.isEmpty() ? QStringLiteral("The server wants an API key (401): set %1.%2")
                                       .arg(env, serverSaid(e.message))
                                 : QStringLiteral("The API key was refused (401). Check %1.%2")
                                       .arg(env, serverSaid(e.message)));
    if (status == 403)
        return fail(QStringLiteral("Access was denied (403)%1. Check that the key may use the "
                                   "model \"%2\".")
                        .arg(said, m_config.model));
    if (status == 404)
        return fail(QStringLiteral("Not found (404)%1. Check the base URL (%2) and the model name "
                                   "\"%3\".")
                        .arg(said, m_config.baseUrl, m_config.model));
    const bool quota =
        e.code.contains(QLatin1String("quota")) || e.code == QLatin1String("billing_not_active");
    if (status == 429 && quota)
        return fail(
            QStringLiteral("The account has no quota or credit left (429%1). Check its plan "
                           "and billing; retrying would not help.")
                .arg(said.isEmpty() ? QString() : said));
    if (status == 429 || status >= 500) {
        const QString what = status == 429
                                 ? QStringLiteral("The server is busy (429)")
                                 : QStringLiteral("The server failed (%1%2)").arg(status).arg(said);
        const std::optional<int> after = retryAfterMs(retryAfter, QDateTime::currentDateTimeUtc());
        return retryOrFail(what, true, after ? std::min(*after, m_config.maxRetryAfterMs) : -1);
    }
    fail(QStringLiteral("The server rejected the request (%1)%2.").arg(status).arg(said));
}

void Provider::retryOrFail(const QString& sentence, bool retryable, int delayMs,
                           const QString& advice)
{
    if (retryable && m_attempt < m_config.maxAttempts) {
        const int delay =
            delayMs >= 0 ? delayMs : m_config.retryBaseMs << std::min(m_attempt - 1, 10);
        const int left = m_overall.remainingTime();
        if (left < 0 || delay < left) {
            qCInfo(lcLlm).noquote() << sentence << "- retrying in" << delay << "ms";
            m_retry.start(delay);
            emit retrying(delay, m_attempt + 1, m_config.maxAttempts, sentence);
            return;
        }
    }
    QString text = sentence;
    if (retryable && m_attempt > 1) text += QStringLiteral("; tried %1 times").arg(m_attempt);
    if (!text.endsWith(QLatin1Char('.'))) text += QLatin1Char('.');
    fail(advice.isEmpty() ? text : text + QLatin1Char(' ') + advice);
}

} // namespace pianola::engine::llm
