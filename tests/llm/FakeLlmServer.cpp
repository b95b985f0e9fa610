// SPDX-License-Identifier: MIT
// FakeLlmServer: scripted HTTP/1.1 replies in each provider's wire format.
#include "FakeLlmServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <utility>
#include <zlib.h>

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

// What is left to write of one reply: the pieces, the filler, the tail.
struct FakeLlmServer::Job
{
    ScriptedReply reply;
    QList<QByteArray> body; // pieces, then tail once the filler is done
    int index = 0;
    qint64 fillerLeft = 0;
    bool headDone = false;
    QByteArray block; // the filler repeated to about 64 KB
    qint64 blockUnits = 0;
};

void FakeLlmServer::respond(QTcpSocket* socket, const ScriptedReply& reply)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " Scripted\r\n";
    for (const auto& [name, value] : reply.headers)
        head += name + ": " + value + "\r\n";
    if (reply.chunked) head += "Transfer-Encoding: chunked\r\n";
    head += "Connection: close\r\n";
    socket->write(head);
    auto job = std::make_shared<Job>();
    job->reply = reply;
    job->body = reply.pieces;
    job->fillerLeft = reply.fillerCount;
    if (!reply.filler.isEmpty()) {
        job->blockUnits = std::max<qint64>(1, (64 << 10) / reply.filler.size());
        job->block = reply.filler.repeated(job->blockUnits);
    }
    step(socket, job);
}

void FakeLlmServer::writeBody(QTcpSocket* socket, const Job& job, const QByteArray& bytes)
{
    socket->write(job.reply.chunked ? QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n"
                                    : bytes);
}

// Writes filler while the client keeps up; false while some is left (step() comes back).
bool FakeLlmServer::pumpFiller(QTcpSocket* socket, Job& job)
{
    while (job.fillerLeft != 0 && socket->bytesToWrite() < (1 << 20)) {
        const qint64 units =
            job.fillerLeft < 0 ? job.blockUnits : std::min(job.fillerLeft, job.blockUnits);
        const QByteArray bytes =
            units == job.blockUnits ? job.block : job.reply.filler.repeated(units);
        if (job.headDone)
            writeBody(socket, job, bytes);
        else
            socket->write(bytes);
        if (job.fillerLeft > 0) job.fillerLeft -= units;
    }
    return job.fillerLeft == 0;
}

void FakeLlmServer::step(QTcpSocket* socket, std::shared_ptr<Job> job)
{
    if (socket->state() != QAbstractSocket::ConnectedState) return;
    QPointer<QTcpSocket> guard(socket);
    auto again = [this, guard, job](int ms) {
        QTimer::singleShot(ms, this, [this, guard, job] {
            if (guard) step(guard, job);
        });
    };
    if (!job->headDone) {
        if (job->reply.fillerInHeaders && !pumpFiller(socket, *job)) return again(1);
        socket->write("\r\n");
        job->headDone = true;
    }
    if (job->index < job->body.size()) {
        writeBody(socket, *job, job->body[job->index++]);
        socket->flush();
        return again(job->reply.pieceDelayMs);
    }
    if (!job->reply.fillerInHeaders && job->fillerLeft != 0) {
        if (!pumpFiller(socket, *job)) return again(1);
    }
    if (!job->reply.tail.isEmpty()) {
        job->body += std::exchange(job->reply.tail, {});
        return step(socket, job);
    }
    if (job->reply.stall) return; // the client's stall timeout must end this
    if (job->reply.chunked && !job->reply.cutOff) socket->write("0\r\n\r\n");
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

QByteArray gzipped(const QByteArray& unit, qint64 count)
{
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY); // 15 + 16: a gzip header
    const QByteArray block = unit.repeated(std::max<qsizetype>(1, (1 << 20) / unit.size()));
    const qint64 perBlock = block.size() / unit.size();
    QByteArray out;
    char buffer[1 << 16];
    for (qint64 left = count; left >= 0;) {
        const qint64 units = std::min(left, perBlock);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(block.constData()));
        z.avail_in = static_cast<uInt>(units * unit.size());
        left -= units;
        const int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = reinterpret_cast<Bytef*>(buffer);
            z.avail_out = sizeof buffer;
            deflate(&z, flush);
            out.append(buffer, qsizetype(sizeof buffer - z.avail_out));
        } while (z.avail_out == 0);
        if (flush == Z_FINISH) break;
    }
    deflateEnd(&z);
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
