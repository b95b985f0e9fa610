// SPDX-License-Identifier: MIT
// The line framing of a streamed LLM reply (SSE or NDJSON), bounded while it is read: one line,
// the whole body and the number of lines. Pure (no network), fuzzed by tests/fuzz/fuzz_llmstream.
#pragma once

#include "model/Result.h"

#include <functional>
#include <optional>
#include <QByteArray>
#include <QByteArrayView>
#include <string>

namespace pianola::engine::llm {

/// What one reply may be, in bytes as received (after any HTTP decompression).
struct StreamLimits
{
    qsizetype maxLineBytes = 8 << 20; ///< one SSE/NDJSON line, without its line break
    qint64 maxTotalBytes = 128 << 20; ///< the whole body
    qint64 maxLines = 1 << 20;        ///< lines with something on them (blank ones are bytes)
};

/// Splits bytes into lines at LF (a CR before it is trimmed with the other white space). Keeps
/// at most one unfinished line (<= maxLineBytes), so memory stays bounded however the bytes come.
/// After an error it accepts nothing more.
class StreamFramer
{
public:
    /// Called with each complete line, trimmed and non-empty; return false to stop at once.
    using LineSink = std::function<bool(QByteArrayView line)>;

    explicit StreamFramer(StreamLimits limits = {}) : m_limits(limits) {}

    /// Adds bytes and hands every line they complete to `sink`. Error (TooLarge) when a bound
    /// is crossed: the message names the bound and the byte offset.
    Result<void> feed(QByteArrayView data, const LineSink& sink);
    /// The end of the body: the last line, which may lack its line break (NDJSON).
    Result<void> finish(const LineSink& sink);

    qint64 bytes() const { return m_bytes; }
    qint64 lines() const { return m_lines; }
    qsizetype buffered() const { return m_partial.size(); }
    const StreamLimits& limits() const { return m_limits; }

private:
    Result<void> splitLines(QByteArrayView data, qint64 base, const LineSink& sink);
    Result<void> emitLine(QByteArrayView line, const LineSink& sink);
    Result<void> fail(Error error);

    StreamLimits m_limits;
    QByteArray m_partial; // the unfinished line
    qint64 m_bytes = 0;   // received so far
    qint64 m_lineStart = 0;
    qint64 m_lines = 0;
    bool m_stopped = false;
    std::optional<Error> m_error;
};

/// "8 MB", "512 KB", "100 bytes": a limit for a sentence.
std::string byteSize(qint64 bytes);

} // namespace pianola::engine::llm
