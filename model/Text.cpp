// SPDX-License-Identifier: MIT
// Text encoding helpers for names and texts that come from files.
#include "model/Text.h"

#include <cstdint>

namespace pianola::model {

namespace {
/// Bytes in the UTF-8 sequence that `lead` starts, or 0 if it cannot start one.
std::size_t sequenceLength(unsigned char lead)
{
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 0;
}
} // namespace

bool isValidUtf8(std::string_view bytes)
{
    static constexpr std::uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        const std::size_t length = sequenceLength(lead);
        if (length == 0 || bytes.size() - i < length) return false;
        std::uint32_t cp = length == 1 ? lead : lead & (0x7Fu >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (next & 0x3Fu);
        }
        if (cp < kMinForLength[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

std::string latin1ToUtf8(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80) {
            out += c;
        } else {
            out += static_cast<char>(0xC0 | (u >> 6));
            out += static_cast<char>(0x80 | (u & 0x3F));
        }
    }
    return out;
}

std::string toUtf8Text(std::string_view bytes)
{
    return isValidUtf8(bytes) ? std::string(bytes) : latin1ToUtf8(bytes);
}

std::string_view utf8Prefix(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes) return text;
    std::size_t n = maxBytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n; // text[n] starts the character that would be split
    return text.substr(0, n);
}

std::string cutUtf8(std::string_view text, std::size_t maxBytes, std::string_view ellipsis)
{
    if (text.size() <= maxBytes) return std::string(text);
    const std::size_t room = maxBytes > ellipsis.size() * 2 ? maxBytes - ellipsis.size() : maxBytes;
    return std::string(utf8Prefix(text, room)) + std::string(ellipsis);
}

} // namespace pianola::model
