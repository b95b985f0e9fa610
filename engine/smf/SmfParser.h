// SPDX-License-Identifier: MIT
// The one SMF byte parser, templated on a handler so the full reader and the note-only fast
// path share every rule (running status, sysex, metas, recovery) at no call overhead.
#pragma once

#include "engine/smf/Smf.h"
#include "engine/smf/Vlq.h"
#include "model/Result.h"

#include <cstring>
#include <string>

namespace pianola::engine::smf::detail {

inline constexpr std::size_t kMaxWarnings = 64;

/// Collects warnings up to kMaxWarnings (so hostile files cannot fill memory), counts the rest.
class Diagnostics
{
public:
    explicit Diagnostics(std::vector<Diagnostic>& out) : m_out(out) {}
    void warn(std::size_t offset, std::string message)
    {
        if (m_out.size() < kMaxWarnings)
            m_out.push_back({offset, std::move(message)});
        else
            ++m_suppressed;
    }
    void finish()
    {
        if (m_suppressed > 0)
            m_out.push_back({0, std::to_string(m_suppressed) + " more warnings not shown"});
    }

private:
    std::vector<Diagnostic>& m_out;
    std::size_t m_suppressed = 0;
};

std::string hexByte(unsigned b);
std::string chunkIdText(const std::uint8_t* id);

inline std::uint32_t be32(const std::uint8_t* p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
           std::uint32_t(p[3]);
}
inline std::uint16_t be16(const std::uint8_t* p)
{
    return static_cast<std::uint16_t>((p[0] << 8) | p[1]);
}

struct Header
{
    int format = 1;
    int trackCount = 0;
    std::uint16_t division = 0;
    std::size_t firstChunk = 0; ///< offset of the first chunk after MThd
    std::size_t end = 0;        ///< end of the SMF data (RIFF RMID may wrap it)
};

/// Parses MThd (and an optional RIFF RMID wrapper). Errors name the byte offset.
Result<Header> parseHeader(const std::uint8_t* data, std::size_t size, Diagnostics& diag);

// Data bytes per channel-message kind (index = status >> 4, 8..14).
inline constexpr std::uint8_t kDataBytes[16] = {0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 1, 1, 2, 0};

/// Handler concept:
///   void beginTrack(int index, std::size_t byteOffset);
///   void channel(Tick, uint8_t status, uint8_t d1, uint8_t d2);
///   void meta(Tick, uint8_t type, const uint8_t* data, uint32_t length);
///   void sysex(Tick, uint8_t status, const uint8_t* data, uint32_t length);
///   void endTrack(int index, Tick endTick);
template <typename Handler> class Parser
{
public:
    Parser(const std::uint8_t* data, std::size_t size, Diagnostics& diag, Handler& handler)
        : m_data(data), m_size(size), m_diag(diag), m_handler(handler)
    {}

    /// The byte offset of the event being handled (for handlers that refuse it).
    std::size_t eventOffset() const { return m_eventOffset; }

    Result<Header> run()
    {
        auto header = parseHeader(m_data, m_size, m_diag);
        if (!header) return header;
        if (auto r = parseChunks(*header); !r) return r.error();
        return header;
    }

private:
    Result<void> parseChunks(const Header& h)
    {
        std::size_t pos = h.firstChunk;
        int index = 0;
        while (pos + 8 <= h.end) {
            const std::uint8_t* id = m_data + pos;
            const std::uint32_t declared = be32(m_data + pos + 4);
            const std::size_t bodyStart = pos + 8;
            std::size_t bodyEnd = bodyStart + declared;
            if (declared > h.end - bodyStart) {
                bodyEnd = h.end;
                m_diag.warn(pos, "chunk \"" + chunkIdText(id) + "\" at byte " +
                                     std::to_string(pos) + " declares " + std::to_string(declared) +
                                     " bytes but only " + std::to_string(h.end - bodyStart) +
                                     " remain; read up to the end of the file");
            }
            if (std::memcmp(id, "MTrk", 4) == 0) {
                if (index >= kMaxTracks)
                    return makeError(Error::Code::TooLarge,
                                     "more than " + std::to_string(kMaxTracks) +
                                         " tracks at byte " + std::to_string(pos));
                m_handler.beginTrack(index, pos);
                auto r = parseTrack(index, bodyStart, bodyEnd);
                if (!r) return r;
                ++index;
            } else {
                m_diag.warn(pos, "skipped unknown chunk \"" + chunkIdText(id) + "\" (" +
                                     std::to_string(bodyEnd - bodyStart) + " bytes) at byte " +
                                     std::to_string(pos));
            }
            pos = bodyEnd;
        }
        if (pos < h.end)
            m_diag.warn(pos, std::to_string(h.end - pos) +
                                 " byte(s) after the last chunk at byte " + std::to_string(pos) +
                                 " ignored");
        if (index != h.trackCount)
            m_diag.warn(0, "the header announces " + std::to_string(h.trackCount) +
                               " track(s) but the file holds " + std::to_string(index));
        return {};
    }

    Error error(std::size_t offset, const std::string& what) const
    {
        return makeError(Error::Code::ParseError, what + " at byte " + std::to_string(offset));
    }

    // [hot] One track chunk body [begin, end).
    Result<void> parseTrack(int index, std::size_t begin, std::size_t end)
    {
        const std::uint8_t* const base = m_data;
        const std::uint8_t* p = base + begin;
        const std::uint8_t* const e = base + end;
        Tick tick = 0;
        std::uint8_t running = 0;
        std::uint8_t cancelled = 0; // running status cancelled by a meta/sysex event
        bool warnedRunning = false;
        while (p < e) {
            const std::size_t eventOffset = static_cast<std::size_t>(p - base);
            m_eventOffset = eventOffset;
            std::uint32_t delta;
            if (*p < 0x80) {
                delta = *p++;
            } else if (auto s = readVlq(p, e, delta); s != VlqStatus::Ok) {
                if (s == VlqStatus::TooLong)
                    return error(eventOffset, "delta time longer than 4 bytes");
                m_diag.warn(eventOffset, "track " + std::to_string(index) +
                                             " ends inside a delta time at byte " +
                                             std::to_string(eventOffset));
                return endTruncated(index, tick);
            }
            tick += delta;
            if (tick > model::Limits::kMaxTick)
                return error(eventOffset,
                             "tick " + std::to_string(tick) + " beyond the supported range");
            if (p == e) {
                m_diag.warn(eventOffset, "track " + std::to_string(index) +
                                             " ends after a delta time at byte " +
                                             std::to_string(eventOffset));
                return endTruncated(index, tick);
            }
            if (++m_eventCount > kMaxEvents)
                return error(eventOffset, "more than " + std::to_string(kMaxEvents) + " events");

            std::uint8_t status = *p;
            if (status >= 0x80) {
                ++p;
                if (status < 0xF0) running = status;
            } else if (running != 0) {
                status = running;
            } else if (cancelled != 0) {
                // The standard cancels running status at meta/sysex events; files that keep
                // using it mean the previous status (mido, most players agree).
                const auto at = static_cast<std::size_t>(p - base);
                if (!warnedRunning)
                    m_diag.warn(at,
                                "running status continued after a meta or sysex event at byte " +
                                    std::to_string(at) + " (recovered)");
                warnedRunning = true;
                status = running = cancelled;
            } else {
                return error(static_cast<std::size_t>(p - base),
                             "data byte " + hexByte(status) + " without a running status");
            }

            if (status < 0xF0) { // channel message
                const std::uint8_t n = kDataBytes[status >> 4];
                if (static_cast<std::size_t>(e - p) < n) {
                    m_diag.warn(eventOffset, "track " + std::to_string(index) +
                                                 " ends inside a channel message at byte " +
                                                 std::to_string(eventOffset));
                    return endTruncated(index, tick);
                }
                const std::uint8_t d1 = p[0];
                const std::uint8_t d2 = n == 2 ? p[1] : 0;
                if ((d1 | d2) & 0x80) {
                    m_diag.warn(eventOffset, "incomplete message " + hexByte(status) + " at byte " +
                                                 std::to_string(eventOffset) + " dropped");
                    p += (d1 & 0x80) ? 0 : 1; // resume at the status byte that interrupted it
                    continue;
                }
                p += n;
                m_handler.channel(tick, status, d1, d2);
                continue;
            }
            if (status == kMetaStatus || status == 0xF0 || status == 0xF7) {
                if (running != 0) cancelled = running;
                running = 0;
                const bool meta = status == kMetaStatus;
                std::uint8_t type = 0;
                if (meta) {
                    if (p == e) {
                        m_diag.warn(eventOffset, "track " + std::to_string(index) +
                                                     " ends inside a meta event at byte " +
                                                     std::to_string(eventOffset));
                        return endTruncated(index, tick);
                    }
                    type = *p++;
                }
                std::uint32_t length = 0;
                const VlqStatus s = readVlq(p, e, length);
                if (s == VlqStatus::TooLong)
                    return error(eventOffset, "event length longer than 4 bytes");
                if (s == VlqStatus::Truncated || length > static_cast<std::size_t>(e - p)) {
                    if (meta && type == kMetaEndOfTrack) {
                        m_diag.warn(eventOffset, "end-of-track event at byte " +
                                                     std::to_string(eventOffset) +
                                                     " is cut short (recovered)");
                        m_handler.endTrack(index, tick);
                        return {};
                    }
                    m_diag.warn(eventOffset,
                                std::string(meta ? "meta" : "sysex") + " event at byte " +
                                    std::to_string(eventOffset) +
                                    " runs past the end of its track; the track ends there");
                    return endTruncated(index, tick);
                }
                if (meta && type == kMetaEndOfTrack) {
                    p += length;
                    if (p < e)
                        m_diag.warn(static_cast<std::size_t>(p - base),
                                    std::to_string(e - p) + " byte(s) after the end of track " +
                                        std::to_string(index) + " at byte " +
                                        std::to_string(p - base) + " ignored");
                    m_handler.endTrack(index, tick);
                    return {};
                }
                if (meta)
                    m_handler.meta(tick, type, p, length);
                else
                    m_handler.sysex(tick, status, p, length);
                p += length;
                continue;
            }
            // 0xF1-0xF6, 0xF8-0xFE: live-MIDI system messages that have no place in a file.
            static constexpr std::uint8_t kSystemBytes[16] = {0, 1, 2, 1, 0, 0, 0, 0,
                                                              0, 0, 0, 0, 0, 0, 0, 0};
            const std::uint8_t n = kSystemBytes[status & 0x0F];
            std::uint8_t skip = 0;
            while (skip < n && p + skip < e && p[skip] < 0x80)
                ++skip;
            p += skip;
            if (status < 0xF8) running = 0;
            m_diag.warn(eventOffset, "system message " + hexByte(status) + " at byte " +
                                         std::to_string(eventOffset) +
                                         " is not allowed in a MIDI file; skipped");
        }
        m_diag.warn(static_cast<std::size_t>(p - base),
                    "track " + std::to_string(index) + " has no end-of-track event");
        m_handler.endTrack(index, tick);
        return {};
    }

    // The track stopped inside an event (already reported): keep what was read.
    Result<void> endTruncated(int index, Tick tick)
    {
        m_handler.endTrack(index, tick);
        return {};
    }

    const std::uint8_t* m_data;
    std::size_t m_size;
    Diagnostics& m_diag;
    Handler& m_handler;
    std::size_t m_eventCount = 0;
    std::size_t m_eventOffset = 0;
};

} // namespace pianola::engine::smf::detail
