// SPDX-License-Identifier: MIT
// Fuzzes the framing of streamed LLM replies (SSE and NDJSON) and the three wire formats' line
// readers. Invariants: the bounds of a reply (line length, total bytes, line count) hold while it
// is read, however the bytes are split; within them the lines are exactly those of the whole
// input; after an error nothing more is accepted.
#include "engine/llm/Providers.h"
#include "engine/llm/StreamFramer.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace llm = pianola::engine::llm;

static void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

// The lines of the whole input at once: split at LF, trimmed, empty ones dropped.
static std::vector<QByteArray> reference(QByteArrayView all)
{
    std::vector<QByteArray> out;
    for (const QByteArray& line : all.toByteArray().split('\n'))
        if (!line.trimmed().isEmpty()) out.push_back(line.trimmed());
    return out;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2 || size > 65536) return 0;
    // The first two bytes choose the chunk size (how the network split the bytes) and the wire.
    const qsizetype chunk = 1 + data[0] % 64;
    const llm::WireFormat* wires[] = {&llm::kOpenAiWire, &llm::kAnthropicWire, &llm::kOllamaWire};
    const llm::WireFormat& wire = *wires[data[1] % 3];
    const QByteArrayView body(reinterpret_cast<const char*>(data) + 2, qsizetype(size) - 2);
    const llm::StreamLimits limits{256, 4096, 64};
    llm::StreamFramer framer(limits);
    std::vector<QByteArray> lines;
    const auto sink = [&](QByteArrayView line) {
        check(!line.isEmpty() && line.size() <= limits.maxLineBytes, "line empty or too long");
        check(!line.contains('\n'), "line holds a line break");
        check(line.trimmed().size() == line.size(), "line not trimmed");
        (void)wire.parseLine(line); // must not crash on any line
        lines.push_back(line.toByteArray());
        return true;
    };
    pianola::Result<void> r;
    for (qsizetype at = 0; at < body.size() && r.ok(); at += chunk) {
        r = framer.feed(body.sliced(at, std::min(chunk, body.size() - at)), sink);
        check(framer.buffered() <= limits.maxLineBytes, "partial line over its bound");
        check(framer.bytes() <= limits.maxTotalBytes, "more bytes taken than the bound");
        check(framer.lines() <= limits.maxLines + 1, "more lines taken than the bound");
    }
    if (r.ok()) r = framer.finish(sink);
    check(qint64(lines.size()) <= limits.maxLines, "more lines handed on than the bound");
    if (!r.ok()) {
        check(r.error().code == pianola::Error::Code::TooLarge && !r.error().message.empty(),
              "error without its kind or reason");
        check(!framer.feed("x\n", sink).ok(), "input accepted after an error");
        return 0;
    }
    check(lines == reference(body), "lines differ from splitting the whole input");
    return 0;
}
