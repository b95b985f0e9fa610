// SPDX-License-Identifier: MIT
// StreamFramer: bounded line splitting for SSE and NDJSON replies.
#include "engine/llm/StreamFramer.h"

namespace pianola::engine::llm {

std::string byteSize(qint64 bytes)
{
    if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + " MB";
    if (bytes >= (1 << 10) && bytes % (1 << 10) == 0) return std::to_string(bytes >> 10) + " KB";
    return std::to_string(bytes) + " bytes";
}

Result<void> StreamFramer::fail(Error error)
{
    m_partial = QByteArray(); // frees it
    m_error = error;
    return error;
}

Result<void> StreamFramer::emitLine(QByteArrayView line, const LineSink& sink)
{
    if (line.isEmpty()) return {};
    if (++m_lines > m_limits.maxLines)
        return fail(makeError(Error::Code::TooLarge,
                              "more than " + std::to_string(m_limits.maxLines) +
                                  " stream lines in one reply (the next one starts at byte " +
                                  std::to_string(m_lineStart) + ")"));
    if (!sink(line)) m_stopped = true;
    return {};
}

Result<void> StreamFramer::feed(QByteArrayView data, const LineSink& sink)
{
    if (m_error) return *m_error;
    if (m_stopped || data.isEmpty()) return {};
    // Bytes past the total bound are not looked at: the lines before them are, so the first
    // bound crossed in the stream is the one reported.
    const qint64 room = m_limits.maxTotalBytes - m_bytes;
    const bool tooMuch = data.size() > room;
    if (tooMuch) data = data.first(std::max<qint64>(0, room));
    const qint64 base = m_bytes;
    m_bytes += data.size();
    if (Result<void> split = splitLines(data, base, sink); !split || m_stopped || !tooMuch)
        return split;
    return fail(makeError(Error::Code::TooLarge, "more than " + byteSize(m_limits.maxTotalBytes) +
                                                     " in one reply (at byte " +
                                                     std::to_string(m_limits.maxTotalBytes) + ")"));
}

Result<void> StreamFramer::splitLines(QByteArrayView data, qint64 base, const LineSink& sink)
{
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype nl = data.indexOf('\n', pos);
        const qsizetype end = nl < 0 ? data.size() : nl;
        if (m_partial.size() + (end - pos) > m_limits.maxLineBytes)
            return fail(makeError(Error::Code::TooLarge, "a stream line longer than " +
                                                             byteSize(m_limits.maxLineBytes) +
                                                             " (the line starting at byte " +
                                                             std::to_string(m_lineStart) + ")"));
        if (nl < 0) {
            m_partial.append(data.sliced(pos));
            break;
        }
        QByteArrayView line = data.sliced(pos, end - pos);
        if (!m_partial.isEmpty()) {
            m_partial.append(line);
            line = m_partial;
        }
        const Result<void> sent = emitLine(line.trimmed(), sink);
        m_partial.clear();
        pos = nl + 1;
        m_lineStart = base + pos;
        if (!sent || m_stopped) return sent;
    }
    return {};
}

Result<void> StreamFramer::finish(const LineSink& sink)
{
    if (m_error) return *m_error;
    if (m_stopped) return {};
    const QByteArray last = std::exchange(m_partial, QByteArray());
    return emitLine(QByteArrayView(last).trimmed(), sink);
}

} // namespace pianola::engine::llm
