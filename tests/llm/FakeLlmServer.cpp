// SPDX-License-Identifier: MIT
// FakeLlmServer: scripted HTTP/1.1 replies in each provider's wire format.
#include "FakeLlmServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace pianola::test {

FakeLlmServer::FakeLlmServer()
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeLlmServer::onConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
    m_clock.start();
}

FakeLlmServer::~FakeLlmServer() = default;

QString FakeLlmServer::url(const QString& path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void FakeLlmServer::onConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeLlmServer::onData(QTcpSocket* socket)
{
    QByteArray& buf = m_buffers[socket];
    buf += socket->readAll();
    const qsizetype headerEnd = buf.indexOf("\r\n\r\n");
    if (headerEnd < 0) return;
    RecordedRequest r;
    const QList<QByteArray> lines = buf.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    r.method = first.value(0);
    r.path = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                             lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = r.headers.value("content-length", "0").toLongLong();
    if (buf.size() < headerEnd + 4 + length) return; // the body is still coming
    r.body = buf.mid(headerEnd + 4, length);
    r.receivedMs = m_clock.elapsed();
    buf.clear();
    m_requests.append(r);
    if (!m_script.empty()) {
        m_last = m_script.front();
        m_script.pop_front();
    }
    respond(socket, m_last);
}

void FakeLlmServer::respond(QTcpSocket* socket, const ScriptedReply& reply)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " Scripted\r\n";
    for (const auto& [name, value] : reply.headers)
        head += name + ": " + value + "\r\n";
    if (reply.chunked) head += "Transfer-Encoding: chunked\r\n";
    head += "Connection: close\r\n\r\n";
    socket->write(head);
    writePiece(socket, reply, 0);
}

void FakeLlmServer::writePiece(QTcpSocket* socket, const ScriptedReply& reply, int index)
{
    if (socket->state() != QAbstractSocket::ConnectedState) return;
    if (index < reply.pieces.size()) {
        const QByteArray& piece = reply.pieces[index];
        socket->write(reply.chunked ? QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n"
                                    : piece);
        socket->flush();
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(reply.pieceDelayMs, this, [this, guard, reply, index] {
            if (guard) writePiece(guard, reply, index + 1);
        });
        return;
    }
    if (reply.stall) return; // the client's stall timeout must end this
    if (reply.chunked && !reply.cutOff) socket->write("0\r\n\r\n");
    socket->flush();
    socket->disconnectFromHost();
}

namespace {
QList<QByteArray> split(const QByteArray& text, int pieces)
{
    QList<QByteArray> out;
    const qsizetype step = std::max<qsizetype>(1, (text.size() + pieces - 1) / std::max(1, pieces));
    for (qsizetype i = 0; i < text.size(); i += step)
        out.append(text.mid(i, step));
    return out;
}

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

QList<QByteArray> openAiStream(const QByteArray& text, const QByteArray& model, int pieces,
                               bool done)
{
    QList<QByteArray> out;
    const QString m = QString::fromUtf8(model);
    for (const QByteArray& part : split(text, pieces)) {
        const QJsonObject delta{{"content", QString::fromUtf8(part)}};
        const QJsonObject chunk{
            {"id", "chatcmpl-1"},
            {"object", "chat.completion.chunk"},
            {"model", m},
            {"choices", QJsonArray{QJsonObject{
                            {"index", 0}, {"delta", delta}, {"finish_reason", QJsonValue()}}}}};
        out.append("data: " + compact(chunk) + "\n\n");
    }
    if (done) {
        out.append(": keep-alive comment\n\n");
        out.append(
            "data: " +
            compact(QJsonObject{{"id", "chatcmpl-1"},
                                {"model", m},
                                {"choices", QJsonArray{QJsonObject{{"index", 0},
                                                                   {"delta", QJsonObject{}},
                                                                   {"finish_reason", "stop"}}}}}) +
            "\n\ndata: [DONE]\n\n");
    }
    return out;
}

QList<QByteArray> anthropicToolStream(const QByteArray& json, const QByteArray& model, int pieces,
                                      bool stop, const char* stopReason)
{
    auto event = [](const char* type, const QJsonObject& data) {
        return QByteArray("event: ") + type + "\ndata: " + compact(data) + "\n\n";
    };
    QList<QByteArray> out;
    out.append(event("message_start", {{"type", "message_start"},
                                       {"message", QJsonObject{{"id", "msg_1"},
                                                               {"type", "message"},
                                                               {"role", "assistant"},
                                                               {"model", QString::fromUtf8(model)},
                                                               {"content", QJsonArray{}}}}}));
    out.append(
        event("content_block_start", {{"type", "content_block_start"},
                                      {"index", 0},
                                      {"content_block", QJsonObject{{"type", "tool_use"},
                                                                    {"id", "toolu_1"},
                                                                    {"name", "pianola"},
                                                                    {"input", QJsonObject{}}}}}));
    out.append(event("ping", {{"type", "ping"}}));
    for (const QByteArray& part : split(json, pieces))
        out.append(event("content_block_delta",
                         {{"type", "content_block_delta"},
                          {"index", 0},
                          {"delta", QJsonObject{{"type", "input_json_delta"},
                                                {"partial_json", QString::fromUtf8(part)}}}}));
    if (stop) {
        out.append(event("content_block_stop", {{"type", "content_block_stop"}, {"index", 0}}));
        out.append(event("message_delta", {{"type", "message_delta"},
                                           {"delta", QJsonObject{{"stop_reason", stopReason}}}}));
        out.append(event("message_stop", {{"type", "message_stop"}}));
    }
    return out;
}

QList<QByteArray> ollamaStream(const QByteArray& text, const QByteArray& model, int pieces,
                               bool done)
{
    QList<QByteArray> out;
    const QString m = QString::fromUtf8(model);
    for (const QByteArray& part : split(text, pieces))
        out.append(compact({{"model", m},
                            {"created_at", "2026-11-22T00:00:00Z"},
                            {"message", QJsonObject{{"role", "assistant"},
                                                    {"content", QString::fromUtf8(part)}}},
                            {"done", false}}) +
                   "\n");
    if (done) // the last line without its line break, as some servers send it
        out.append(compact({{"model", m},
                            {"message", QJsonObject{{"role", "assistant"}, {"content", ""}}},
                            {"done", true},
                            {"done_reason", "stop"}}));
    return out;
}

ScriptedReply errorReply(int status, const QByteArray& message, const QByteArray& code)
{
    ScriptedReply r;
    r.status = status;
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    r.pieces.append(compact({{"error", QJsonObject{{"message", QString::fromUtf8(message)},
                                                   {"type", QString::fromUtf8(code)},
                                                   {"code", QString::fromUtf8(code)}}}}));
    return r;
}

} // namespace pianola::test
