// SPDX-License-Identifier: MIT
// One streamed exchange with an LLM over HTTP: retries, timeouts, cancel, truncation checks.
// The wire format (OpenAI Chat Completions, Anthropic Messages, Ollama chat) is a WireFormat.
#pragma once

#include "engine/llm/ProviderConfig.h"
#include "engine/llm/StreamFramer.h"

#include <memory>
#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <vector>

namespace pianola::engine::llm {

class KeySource;

struct ChatTurn
{
    bool assistant = false;
    QString text;
};

/// What is sent: instructions, the turns so far, and the JSON schema the reply must follow.
struct Conversation
{
    QString system;
    std::vector<ChatTurn> turns;
    QString schemaName; ///< [a-z_]+, e.g. "pianola_brief"
    QString schemaDescription;
    QJsonObject schema;
};

/// One line of a stream, as the subclass reads it.
struct StreamEvent
{
    QString text;             ///< reply text (or tool-call JSON) to append
    QString model;            ///< the model the server says it used, when the line names it
    bool done = false;        ///< the protocol's end marker
    bool lengthLimit = false; ///< the model stopped at its output limit (max tokens)
    QString error;            ///< an error the server sent inside the stream
    bool retryable = false;
};

/// An HTTP error body, read: the server's message and its machine code ("insufficient_quota").
struct HttpError
{
    QString message;
    QString code;
};

/// One wire format: how to build the request and its body, how to read one stream line.
struct WireFormat
{
    QNetworkRequest (*request)(const ProviderConfig& config, const QString& apiKey);
    QByteArray (*body)(const ProviderConfig& config, const Conversation& conversation);
    StreamEvent (*parseLine)(QByteArrayView line); ///< one SSE/NDJSON line, no line break
    const char* endMarker;                         ///< named in the "cut off" sentence
};

/// Asynchronous, on the thread that owns it (the GUI thread; never blocks it). After send(),
/// exactly one of replied() or failed() follows. Keys go only into request headers.
class Provider : public QObject
{
    Q_OBJECT
public:
    Provider(const WireFormat& wire, ProviderConfig config, QString apiKey,
             QObject* parent = nullptr);
    ~Provider() override;

    /// Starts the exchange (dropping one that is still running, silently).
    void send(const Conversation& conversation);
    /// Stops at once; failed(..., true) follows; nothing received is kept.
    void cancel();
    bool busy() const { return m_active; }
    const ProviderConfig& config() const { return m_config; }
    /// HTTP requests made for the last send() (retries included).
    int attempts() const { return m_attempt; }
    /// The last reply stopped at the model's output limit (finish_reason "length", stop_reason
    /// "max_tokens", done_reason "length"): its JSON is probably cut.
    bool hitLengthLimit() const { return m_lengthLimit; }

signals:
    /// Bytes received and reply characters so far (this attempt), and the text itself.
    void progressed(qint64 bytes, qint64 characters, const QString& textSoFar);
    /// The complete reply text and the model the server named (else the configured one).
    void replied(const QString& text, const QString& model);
    /// A sentence for the user: what happened and what to do. No key ever appears in it.
    void failed(const QString& sentence, bool cancelled);
    /// The attempt failed in a way worth retrying: attempt `nextAttempt` of `maxAttempts` starts
    /// in `delayMs`; `why` is the failure (redacted).
    void retrying(int delayMs, int nextAttempt, int maxAttempts, const QString& why);

private:
    void startAttempt();
    QString serverSaid(const QString& message) const;
    void limitReadBuffer(QNetworkReply* reply);
    void onReadyRead();
    void onRedirected(const QUrl& target);
    void onFinished();
    void onErrorOccurred(QNetworkReply::NetworkError error);
    void failUnpacking(const QString& why);
    bool takeLine(QByteArrayView line);
    bool framingFailed(const Result<void>& framed);
    bool transferFailed(QNetworkReply* reply, int status);
    void handleHttpError(int status, const QByteArray& retryAfter);
    void retryOrFail(const QString& sentence, bool retryable, int delayMs = -1,
                     const QString& advice = {});
    void fail(const QString& sentence, bool cancelled = false);
    void failRedirectLoop();
    void dropReply();
    QString safe(const QString& serverText) const;

    const WireFormat& m_wire;
    ProviderConfig m_config;
    QString m_apiKey;
    QNetworkAccessManager m_nam;
    QPointer<QNetworkReply> m_reply;
    QTimer m_overall, m_stall, m_retry;
    QByteArray m_body, m_errorBody;
    QUrl m_requestUrl; // where this attempt went first (the reply's URL moves on redirects)
    QUrl m_currentUrl; // where it is now (after the redirects allowed)
    int m_redirects = 0;
    StreamFramer m_framer;
    QString m_text, m_model, m_streamError;
    bool m_streamErrorRetryable = false;
    int m_attempt = 0;
    bool m_active = false, m_done = false, m_lengthLimit = false;
};

/// The provider of `config.kind` (OpenAI-compatible, Anthropic, Ollama) with its key from
/// `keys`; nullptr for ProviderKind::Offline.
std::unique_ptr<Provider> makeProvider(const ProviderConfig& config, const KeySource& keys,
                                       QObject* parent = nullptr);

/// A Retry-After header in milliseconds: delta seconds ("1") or an HTTP date, counted from
/// `nowUtc` (never negative). Nothing when the header is absent or unreadable.
std::optional<int> retryAfterMs(const QByteArray& value, const QDateTime& nowUtc);

} // namespace pianola::engine::llm
