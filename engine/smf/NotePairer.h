// SPDX-License-Identifier: MIT
// Pairs note-ons with note-offs first in, first out per (channel, key), in O(1) per event.
#pragma once

#include "engine/smf/Smf.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace pianola::engine::smf::detail {

/// Open notes of one track form a FIFO list per (channel, key), linked through the
/// `endTick` field of the open notes themselves, so pairing allocates nothing but the output.
class NotePairer
{
public:
    explicit NotePairer(std::vector<PairedNote>& out) : m_out(out)
    {
        m_head.fill(-1);
        m_tail.fill(-1);
    }

    void beginTrack(int track)
    {
        m_track = track;
        m_open = 0;
    }

    // [hot]
    void channel(Tick tick, std::uint8_t status, std::uint8_t key, std::uint8_t velocity)
    {
        const std::uint8_t kind = status & 0xF0;
        if (kind == 0x90 && velocity != 0)
            noteOn(tick, status & 0x0F, key, velocity);
        else if (kind == 0x80 || kind == 0x90)
            noteOff(tick, status & 0x0F, key, kind == 0x80 ? velocity : 64);
    }

    /// Closes the notes still sounding at `endTick`; returns how many there were.
    std::size_t endTrack(Tick endTick)
    {
        if (m_open == 0) return 0;
        const std::size_t closed = m_open;
        for (std::size_t slot = 0; slot < m_head.size(); ++slot) {
            for (std::int64_t i = m_head[slot]; i >= 0;) {
                PairedNote& n = m_out[static_cast<std::size_t>(i)];
                const std::int64_t next = n.endTick;
                n.endTick = std::max(endTick, n.startTick);
                i = next;
            }
            m_head[slot] = m_tail[slot] = -1;
        }
        m_open = 0;
        return closed;
    }

private:
    void noteOn(Tick tick, int channel, std::uint8_t key, std::uint8_t velocity)
    {
        const std::size_t slot = static_cast<std::size_t>(channel * 128 + key);
        const auto index = static_cast<std::int64_t>(m_out.size());
        m_out.push_back(
            PairedNote{tick, -1, m_track, static_cast<std::uint8_t>(channel), key, velocity, 64});
        if (m_tail[slot] >= 0)
            m_out[static_cast<std::size_t>(m_tail[slot])].endTick = index;
        else
            m_head[slot] = index;
        m_tail[slot] = index;
        ++m_open;
    }

    void noteOff(Tick tick, int channel, std::uint8_t key, std::uint8_t release)
    {
        const std::size_t slot = static_cast<std::size_t>(channel * 128 + key);
        const std::int64_t index = m_head[slot];
        if (index < 0) return; // a note-off without a note: nothing sounds, nothing to pair
        PairedNote& n = m_out[static_cast<std::size_t>(index)];
        m_head[slot] = n.endTick;
        if (m_head[slot] < 0) m_tail[slot] = -1;
        n.endTick = tick;
        n.releaseVelocity = release;
        --m_open;
    }

    std::vector<PairedNote>& m_out;
    std::array<std::int64_t, 16 * 128> m_head;
    std::array<std::int64_t, 16 * 128> m_tail;
    std::int32_t m_track = 0;
    std::size_t m_open = 0;
};

} // namespace pianola::engine::smf::detail
