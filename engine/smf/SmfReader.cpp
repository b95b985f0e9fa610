// SPDX-License-Identifier: MIT
// SMF reading: header and division, the event-collecting and note-pairing handlers.
#include "engine/smf/SmfReader.h"

#include "engine/smf/NotePairer.h"
#include "engine/smf/SmfParser.h"

#include <cstdio>
#include <functional>
#include <optional>

namespace pianola::engine::smf {

namespace detail {

std::string hexByte(unsigned b)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b & 0xFFu);
    return buf;
}

std::string chunkIdText(const std::uint8_t* id)
{
    std::string s;
    for (int i = 0; i < 4; ++i)
        s += (id[i] >= 0x20 && id[i] < 0x7F) ? static_cast<char>(id[i]) : '?';
    return s;
}

namespace {
// A RIFF "RMID" file wraps the SMF in a "data" chunk; returns the SMF's [begin, end).
bool unwrapRiff(const std::uint8_t* data, std::size_t size, std::size_t& begin, std::size_t& end)
{
    if (size < 20 || std::memcmp(data, "RIFF", 4) != 0 || std::memcmp(data + 8, "RMID", 4) != 0)
        return false;
    std::size_t pos = 12;
    while (pos + 8 <= size) {
        const std::uint32_t len = data[pos + 4] | (data[pos + 5] << 8) | (data[pos + 6] << 16) |
                                  (std::uint32_t(data[pos + 7]) << 24); // RIFF is little-endian
        if (std::memcmp(data + pos, "data", 4) == 0) {
            begin = pos + 8;
            end = std::min<std::size_t>(size, begin + len);
            return true;
        }
        // In 64-bit arithmetic: 8 + len in 32 bits wraps to 0 for len 0xFFFFFFF8 and never ends.
        const std::size_t next = pos + std::size_t{8} + len + (len & 1u);
        if (next <= pos) return false;
        pos = next;
    }
    return false;
}

Error headerError(std::size_t offset, const std::string& what)
{
    return makeError(Error::Code::ParseError, what + " at byte " + std::to_string(offset));
}
} // namespace

Result<Header> parseHeader(const std::uint8_t* data, std::size_t size, Diagnostics& diag)
{
    if (size > kMaxFileBytes)
        return makeError(Error::Code::TooLarge, "the file is " + std::to_string(size) +
                                                    " bytes; the limit is " +
                                                    std::to_string(kMaxFileBytes));
    Header h;
    std::size_t begin = 0;
    h.end = size;
    if (unwrapRiff(data, size, begin, h.end))
        diag.warn(0, "RIFF RMID wrapper at byte 0: reading the MIDI data inside it");
    if (size == 0) return makeError(Error::Code::ParseError, "the file is empty (0 bytes)");
    if (h.end - begin < 14 || std::memcmp(data + begin, "MThd", 4) != 0)
        return headerError(begin, "not a Standard MIDI File: no \"MThd\" header");
    const std::uint32_t headerLength = be32(data + begin + 4);
    if (headerLength < 6)
        return headerError(begin + 4,
                           "header length " + std::to_string(headerLength) + " is less than 6");
    if (headerLength > h.end - begin - 8)
        return headerError(begin + 4, "header length " + std::to_string(headerLength) +
                                          " runs past the end of the file");
    h.format = be16(data + begin + 8);
    h.trackCount = be16(data + begin + 10);
    h.division = be16(data + begin + 12);
    h.firstChunk = begin + 8 + headerLength;
    if (h.format > 2)
        return headerError(begin + 8, "unknown SMF format " + std::to_string(h.format) +
                                          " (0, 1 or 2 expected)");
    if (h.format == 0 && h.trackCount > 1)
        diag.warn(begin + 10, "format 0 file announces " + std::to_string(h.trackCount) +
                                  " tracks (one expected); reading them all");
    if (h.division & 0x8000u) {
        const int fps = -static_cast<std::int8_t>(h.division >> 8);
        if (fps != 24 && fps != 25 && fps != 29 && fps != 30)
            return headerError(begin + 12, "SMPTE division with " + std::to_string(fps) +
                                               " frames per second (24, 25, 29 or 30 expected)");
        if ((h.division & 0xFFu) == 0)
            return headerError(begin + 12, "SMPTE division with 0 ticks per frame");
    } else if (h.division == 0) {
        return headerError(begin + 12, "division of 0 ticks per quarter note");
    }
    return h;
}

} // namespace detail

namespace {
using detail::Diagnostics;

// SMPTE time is absolute: choose ppq = ticks per second at 60 bpm, so ticks stay unchanged and
// one quarter lasts one second (29.97 drop-frame: 30 frames at 1001000 us per quarter).
void applyDivision(std::uint16_t division, SmfFile& file)
{
    if (!(division & 0x8000u)) {
        file.ppq = division;
        return;
    }
    file.smpte = true;
    file.smpteFps = -static_cast<std::int8_t>(division >> 8);
    file.smpteTicksPerFrame = division & 0xFF;
    const int fps = file.smpteFps == 29 ? 30 : file.smpteFps;
    file.ppq = std::min(fps * file.smpteTicksPerFrame, model::Limits::kMaxPpq);
}

// The first pass: counts what the second will store, so that a file over the plan's limit is
// refused before anything is stored and the second pass allocates exactly once.
class EventCounter
{
public:
    void beginTrack(int, std::size_t) { perTrack.push_back(0); }
    void channel(Tick, std::uint8_t status, std::uint8_t, std::uint8_t d2)
    {
        ++perTrack.back();
        const bool noteOff = (status & 0xF0) == 0x80 || ((status & 0xF0) == 0x90 && d2 == 0);
        if (!noteOff) countPlanEvent(); // a note-on becomes a note; its note-off adds nothing
    }
    void meta(Tick, std::uint8_t type, const std::uint8_t*, std::uint32_t length)
    {
        ++perTrack.back();
        payloadBytes += length;
        if (type != kMetaTempo && type != kMetaTimeSignature && type != kMetaKeySignature)
            countPlanEvent(); // those three go to the song's maps
    }
    void sysex(Tick, std::uint8_t, const std::uint8_t*, std::uint32_t length)
    {
        ++perTrack.back();
        payloadBytes += length;
        countPlanEvent();
    }
    void endTrack(int, Tick) {}

    std::vector<std::size_t> perTrack;
    std::size_t payloadBytes = 0;
    std::int64_t planEvents = 0;
    std::optional<std::size_t> overAt; ///< byte offset of the first event past the plan's limit
    std::function<std::size_t()> offset;

private:
    void countPlanEvent()
    {
        if (++planEvents == model::Limits::kMaxEvents + 1) overAt = offset();
    }
};

class EventCollector
{
public:
    EventCollector(SmfFile& file, const EventCounter& counts) : m_file(file), m_counts(counts)
    {
        m_file.tracks.reserve(counts.perTrack.size());
        m_file.payload.reserve(counts.payloadBytes);
    }

    void beginTrack(int index, std::size_t byteOffset)
    {
        m_file.tracks.emplace_back();
        m_track = &m_file.tracks.back();
        m_track->byteOffset = byteOffset;
        m_track->events.reserve(m_counts.perTrack[static_cast<std::size_t>(index)]);
    }
    void channel(Tick tick, std::uint8_t status, std::uint8_t d1, std::uint8_t d2)
    {
        m_track->events.push_back(Event{tick, 0, 0, status, d1, d2});
    }
    void meta(Tick tick, std::uint8_t type, const std::uint8_t* data, std::uint32_t length)
    {
        m_track->events.push_back(Event{tick, store(data, length), length, kMetaStatus, type, 0});
    }
    void sysex(Tick tick, std::uint8_t status, const std::uint8_t* data, std::uint32_t length)
    {
        m_track->events.push_back(Event{tick, store(data, length), length, status, 0, 0});
    }
    void endTrack(int, Tick endTick) { m_track->endTick = endTick; }

private:
    std::uint32_t store(const std::uint8_t* data, std::uint32_t length)
    {
        const auto offset = static_cast<std::uint32_t>(m_file.payload.size());
        m_file.payload.append(reinterpret_cast<const char*>(data), length);
        return offset;
    }

    SmfFile& m_file;
    const EventCounter& m_counts;
    TrackChunk* m_track = nullptr;
};

class NoteHandler
{
public:
    NoteHandler(std::vector<PairedNote>& out, Diagnostics& diag) : m_pairer(out), m_diag(diag) {}

    void beginTrack(int index, std::size_t) { m_pairer.beginTrack(index); }
    void channel(Tick tick, std::uint8_t status, std::uint8_t d1, std::uint8_t d2)
    {
        m_pairer.channel(tick, status, d1, d2);
    }
    void meta(Tick, std::uint8_t, const std::uint8_t*, std::uint32_t) {}
    void sysex(Tick, std::uint8_t, const std::uint8_t*, std::uint32_t) {}
    void endTrack(int index, Tick endTick)
    {
        if (const std::size_t open = m_pairer.endTrack(endTick))
            m_diag.warn(0, std::to_string(open) + " note(s) still sounding at the end of track " +
                               std::to_string(index) + " were ended at tick " +
                               std::to_string(endTick));
        ++m_tracks;
    }
    int tracks() const { return m_tracks; }

private:
    detail::NotePairer m_pairer;
    Diagnostics& m_diag;
    int m_tracks = 0;
};
} // namespace

Result<SmfFile> readSmf(std::span<const std::uint8_t> bytes)
{
    EventCounter counter;
    {
        std::vector<Diagnostic> ignored; // the second pass reports them
        Diagnostics quiet(ignored);
        detail::Parser counting(bytes.data(), bytes.size(), quiet, counter);
        counter.offset = [&counting] { return counting.eventOffset(); };
        auto header = counting.run();
        if (counter.overAt) // before any later problem (the reader's own event cap, say)
            return makeError(Error::Code::TooLarge,
                             "more than " + std::to_string(model::Limits::kMaxEvents) +
                                 " notes and other events (the most a plan holds) at byte " +
                                 std::to_string(*counter.overAt));
        if (!header) return header.error();
    }
    SmfFile file;
    Diagnostics diag(file.warnings);
    EventCollector collector(file, counter);
    detail::Parser parser(bytes.data(), bytes.size(), diag, collector);
    auto header = parser.run();
    if (!header) return header.error();
    file.format = header->format;
    applyDivision(header->division, file);
    diag.finish();
    return file;
}

Result<NoteReadResult> readSmfNotes(std::span<const std::uint8_t> bytes)
{
    NoteReadResult result;
    result.notes.reserve(bytes.size() / 8);
    Diagnostics diag(result.warnings);
    NoteHandler handler(result.notes, diag);
    detail::Parser parser(bytes.data(), bytes.size(), diag, handler);
    auto header = parser.run();
    if (!header) return header.error();
    SmfFile division;
    applyDivision(header->division, division);
    result.format = header->format;
    result.ppq = division.ppq;
    result.trackCount = handler.tracks();
    diag.finish();
    return result;
}

std::vector<PairedNote> pairNotes(const SmfFile& file, std::vector<Diagnostic>& warnings)
{
    std::vector<PairedNote> notes;
    Diagnostics diag(warnings);
    NoteHandler handler(notes, diag);
    for (std::size_t t = 0; t < file.tracks.size(); ++t) {
        const TrackChunk& track = file.tracks[t];
        handler.beginTrack(static_cast<int>(t), track.byteOffset);
        for (const Event& e : track.events)
            if (e.isChannel()) handler.channel(e.tick, e.status, e.data1, e.data2);
        handler.endTrack(static_cast<int>(t), track.endTick);
    }
    return notes;
}

} // namespace pianola::engine::smf
