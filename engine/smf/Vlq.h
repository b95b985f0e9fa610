// SPDX-License-Identifier: MIT
// Variable-length quantities of Standard MIDI Files: at most 4 bytes, values 0..0x0FFFFFFF.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pianola::engine::smf {

inline constexpr std::uint32_t kMaxVlq = 0x0FFFFFFF;

enum class VlqStatus { Ok, Truncated, TooLong };

/// Reads a VLQ at `p` (not past `end`); advances `p` on success.
inline VlqStatus readVlq(const std::uint8_t*& p, const std::uint8_t* end, std::uint32_t& value)
{
    std::uint32_t v = 0;
    const std::uint8_t* q = p;
    for (int i = 0; i < 4; ++i) {
        if (q == end) return VlqStatus::Truncated;
        const std::uint8_t b = *q++;
        v = (v << 7) | (b & 0x7Fu);
        if (!(b & 0x80u)) {
            value = v;
            p = q;
            return VlqStatus::Ok;
        }
    }
    return VlqStatus::TooLong;
}

/// Writes `value` (clamped to kMaxVlq) to `out` (at least 4 bytes); returns the byte count.
inline std::size_t writeVlq(std::uint32_t value, std::uint8_t* out)
{
    if (value > kMaxVlq) value = kMaxVlq;
    std::uint8_t tmp[4];
    std::size_t n = 0;
    do {
        tmp[n++] = static_cast<std::uint8_t>(value & 0x7Fu);
        value >>= 7;
    } while (value != 0);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = static_cast<std::uint8_t>(tmp[n - 1 - i] | (i + 1 < n ? 0x80u : 0u));
    return n;
}

} // namespace pianola::engine::smf
