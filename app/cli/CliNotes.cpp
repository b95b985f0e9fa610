// SPDX-License-Identifier: MIT
// `pianola-cli notes`: the fast note path (parse + pair, no event storage), CSV or totals.
#include "app/cli/CliArgs.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliText.h"
#include "engine/FileIo.h"
#include "engine/smf/SmfReader.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace pianola::cli {

namespace {
class CsvWriter
{
public:
    explicit CsvWriter(std::FILE* out) : m_out(out) { m_buffer.reserve(1 << 16); }
    ~CsvWriter() { flush(); }

    void line(const std::string& file, const engine::smf::PairedNote& n) // `file` printable
    {
        m_buffer += file;
        number(n.track);
        number(n.channel);
        number(n.key);
        number(n.velocity);
        number(n.startTick);
        number(n.endTick);
        m_buffer += '\n';
        if (m_buffer.size() > (1 << 16) - 256) flush();
    }
    void flush()
    {
        std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_out);
        m_buffer.clear();
    }

private:
    void number(std::int64_t v)
    {
        char buf[24];
        buf[0] = ',';
        const auto r = std::to_chars(buf + 1, buf + sizeof buf, v);
        m_buffer.append(buf, r.ptr);
    }

    std::FILE* m_out;
    std::string m_buffer;
};

// The order of independent readers: start, track, channel, key (stable: note-on order).
void sortNotes(std::vector<engine::smf::PairedNote>& notes)
{
    std::stable_sort(notes.begin(), notes.end(), [](const auto& a, const auto& b) {
        if (a.startTick != b.startTick) return a.startTick < b.startTick;
        if (a.track != b.track) return a.track < b.track;
        return a.channel != b.channel ? a.channel < b.channel : a.key < b.key;
    });
}
// A plan or project (JSON) is not read here: say how to get its notes.
std::string jsonHint(const std::vector<std::uint8_t>& bytes)
{
    const auto first =
        std::find_if(bytes.begin(), bytes.end(), [](std::uint8_t c) { return !std::isspace(c); });
    return first != bytes.end() && *first == '{' ? " (this looks like a plan or project: notes "
                                                   "reads MIDI files; convert it to .mid first)"
                                                 : "";
}
} // namespace

int commandNotes(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({"--count", "--quiet"}, {});
    if (!parsed.parse(args)) return usageError(io, "notes", parsed.error());
    if (parsed.positionals().empty()) return usageError(io, "notes", "needs at least one FILE");
    const bool count = parsed.has("--count");
    const bool quiet = parsed.has("--quiet");
    std::size_t failed = 0;
    std::int64_t total = 0;
    std::vector<std::uint8_t> bytes;
    CsvWriter csv(io.out);
    for (const std::string& path : parsed.positionals()) {
        auto read = engine::readFileInto(path, engine::smf::kMaxFileBytes, bytes);
        if (!read) { // the message names the path
            ++failed;
            csv.flush();
            printError(io.err, read.error().message);
            continue;
        }
        auto notes = engine::smf::readSmfNotes(bytes);
        if (!notes) {
            ++failed;
            csv.flush();
            printError(io.err, path + ": " + notes.error().message + jsonHint(bytes));
            continue;
        }
        if (!quiet)
            for (const auto& w : notes->warnings)
                printWarning(io.err, path, w.message);
        total += static_cast<std::int64_t>(notes->notes.size());
        if (count) continue;
        sortNotes(notes->notes);
        const std::string shown = printable(path);
        for (const auto& n : notes->notes)
            csv.line(shown, n);
    }
    csv.flush();
    if (count)
        std::fprintf(io.out, "files %zu, failed %zu, notes %lld\n",
                     parsed.positionals().size() - failed, failed, static_cast<long long>(total));
    return failed ? kBadInput : kOk;
}

} // namespace pianola::cli
