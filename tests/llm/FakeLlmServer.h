// SPDX-License-Identifier: MIT
// A local HTTP/1.1 server that answers like OpenAI, Anthropic or Ollama, from a script: chunked
// or Connection: close bodies, SSE/NDJSON streams paced in time, stalls and cut-offs.
#pragma once

#include <deque>
#include <memory>
#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace pianola::test {

/// One scripted answer.
struct ScriptedReply
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; ///< besides the framing headers
    QList<QByteArray> pieces;                     ///< body, written one piece at a time
    int pieceDelayMs = 0;                         ///< pause before each piece after the first
    bool chunked = true; ///< Transfer-Encoding: chunked; false: Connection: close body
    bool cutOff = false; ///< close after the pieces without ending the body properly
    bool stall = false;  ///< after the pieces send nothing more, keep the connection
    /// Hostile replies: after the pieces, `filler` is written `fillerCount` times (-1: until
    /// the client goes away) as fast as the client reads, without holding it all in memory;
    /// then `tail`. With `fillerInHeaders` it goes among the headers (each repeat should be a
    /// header line), before the body.
    QByteArray filler;
    qint64 fillerCount = 0;
    bool fillerInHeaders = false;
    QList<QByteArray> tail;
};

struct RecordedRequest
{
    QByteArray method, path, body;
    QMap<QByteArray, QByteArray> headers; ///< names lower case
    qint64 receivedMs = 0;                ///< since the server started
};

class FakeLlmServer : public QObject
{
    Q_OBJECT
public:
    FakeLlmServer();
    ~FakeLlmServer() override;
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString& path = {}) const;
    /// Replies are used in order; the last one repeats when the script runs out.
    void enqueue(const ScriptedReply& reply) { m_script.push_back(reply); }
    const QList<RecordedRequest>& requests() const { return m_requests; }

private:
    void onConnection();
    void onData(QTcpSocket* socket);
    struct Job;
    void respond(QTcpSocket* socket, const ScriptedReply& reply);
    void step(QTcpSocket* socket, std::shared_ptr<Job> job);
    bool pumpFiller(QTcpSocket* socket, Job& job);
    void writeBody(QTcpSocket* socket, const Job& job, const QByteArray& bytes);

    QTcpServer m_server;
    std::deque<ScriptedReply> m_script;
    ScriptedReply m_last;
    QList<RecordedRequest> m_requests;
    QMap<QTcpSocket*, QByteArray> m_buffers;
    QElapsedTimer m_clock;
};

// Wire formats: `text` split into `pieces` parts, each one event/line of the real protocol.
QList<QByteArray> openAiStream(const QByteArray& text, const QByteArray& model, int pieces = 4,
                               bool done = true);
QList<QByteArray> anthropicToolStream(const QByteArray& json, const QByteArray& model,
                                      int pieces = 4, bool stop = true,
                                      const char* stopReason = "tool_use");
QList<QByteArray> ollamaStream(const QByteArray& text, const QByteArray& model, int pieces = 4,
                               bool done = true);
/// A gzip stream of `count` copies of `unit` (made piece by piece: a bomb of gigabytes costs
/// kilobytes here).
QByteArray gzipped(const QByteArray& unit, qint64 count);
/// An error reply with a JSON body {"error": {"message", "type", "code"}}.
ScriptedReply errorReply(int status, const QByteArray& message, const QByteArray& code = {});

} // namespace pianola::test
