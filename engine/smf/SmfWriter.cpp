// SPDX-License-Identifier: MIT
// SMF serialisation.
#include "engine/smf/SmfWriter.h"

#include "engine/smf/Vlq.h"

#include <algorithm>

namespace pianola::engine::smf {

namespace {
class ByteWriter
{
public:
    explicit ByteWriter(std::vector<std::uint8_t>& out) : m_out(out) {}
    void byte(std::uint8_t b) { m_out.push_back(b); }
    void be16(std::uint16_t v)
    {
        byte(static_cast<std::uint8_t>(v >> 8));
        byte(static_cast<std::uint8_t>(v));
    }
    void be32(std::uint32_t v)
    {
        for (int shift = 24; shift >= 0; shift -= 8)
            byte(static_cast<std::uint8_t>(v >> shift));
    }
    void vlq(std::uint32_t v)
    {
        std::uint8_t buf[4];
        const std::size_t n = writeVlq(v, buf);
        m_out.insert(m_out.end(), buf, buf + n);
    }
    void bytes(std::string_view s) { m_out.insert(m_out.end(), s.begin(), s.end()); }
    void tag(const char* id)
    {
        for (int i = 0; i < 4; ++i) // byte by byte: GCC 12 misreports insert() here
            byte(static_cast<std::uint8_t>(id[i]));
    }
    std::size_t size() const { return m_out.size(); }
    void patchBe32(std::size_t at, std::uint32_t v)
    {
        for (int i = 0; i < 4; ++i)
            m_out[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
    }

private:
    std::vector<std::uint8_t>& m_out;
};

// A delta beyond the 4-byte VLQ range is bridged with empty text events, never clamped.
void writeDelta(ByteWriter& w, Tick delta)
{
    while (delta > static_cast<Tick>(kMaxVlq)) {
        w.vlq(kMaxVlq);
        w.byte(kMetaStatus);
        w.byte(kMetaText);
        w.byte(0);
        delta -= kMaxVlq;
    }
    w.vlq(static_cast<std::uint32_t>(delta));
}

void writeEvent(ByteWriter& w, const SmfFile& file, const Event& e)
{
    if (e.isChannel()) {
        w.byte(e.status);
        w.byte(e.data1 & 0x7F);
        if (e.kind() != 0xC0 && e.kind() != 0xD0) w.byte(e.data2 & 0x7F);
        return;
    }
    w.byte(e.status);
    if (e.isMeta()) w.byte(e.data1); // any type byte, as read
    const std::string_view payload = file.payloadOf(e);
    w.vlq(static_cast<std::uint32_t>(payload.size()));
    w.bytes(payload);
}

void writeTrack(ByteWriter& w, const SmfFile& file, const TrackChunk& track)
{
    w.tag("MTrk");
    const std::size_t lengthAt = w.size();
    w.be32(0);
    Tick last = 0;
    for (const Event& e : track.events) {
        if (e.isMeta() && e.data1 == kMetaEndOfTrack) continue; // written once, below
        const Tick tick = std::max(e.tick, last);               // never a negative delta
        writeDelta(w, tick - last);
        last = tick;
        writeEvent(w, file, e);
    }
    writeDelta(w, std::max(track.endTick, last) - last);
    w.byte(kMetaStatus);
    w.byte(kMetaEndOfTrack);
    w.byte(0);
    w.patchBe32(lengthAt, static_cast<std::uint32_t>(w.size() - lengthAt - 4));
}
} // namespace

std::vector<std::uint8_t> writeSmf(const SmfFile& file)
{
    std::vector<std::uint8_t> out;
    std::size_t estimate = 14 + file.payload.size();
    for (const TrackChunk& t : file.tracks)
        estimate += 12 + t.events.size() * 4;
    out.reserve(estimate);
    ByteWriter w(out);
    w.tag("MThd");
    w.be32(6);
    w.be16(static_cast<std::uint16_t>(file.format));
    w.be16(static_cast<std::uint16_t>(file.tracks.size()));
    w.be16(static_cast<std::uint16_t>(std::clamp(file.ppq, 1, 0x7FFF)));
    for (const TrackChunk& t : file.tracks)
        writeTrack(w, file, t);
    return out;
}

} // namespace pianola::engine::smf
