// SPDX-License-Identifier: MIT
// Escaping untrusted text for the terminal.
#include "app/cli/CliText.h"

#include <cstdint>
#include <cstdio>

namespace pianola::cli {

namespace {
void appendHex(std::string& out, const char* format, unsigned value)
{
    char buf[12];
    std::snprintf(buf, sizeof buf, format, value);
    out += buf;
}

// The length of the well-formed UTF-8 sequence at `s` (2..4) and its code point; 0 if none.
std::size_t utf8Sequence(std::string_view s, char32_t& cp)
{
    const auto b = [&](std::size_t i) { return static_cast<std::uint8_t>(s[i]); };
    const std::uint8_t lead = b(0);
    const std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (n == 0 || lead > 0xF4 || s.size() < n) return 0;
    cp = lead & (0x7F >> n);
    for (std::size_t i = 1; i < n; ++i) {
        if ((b(i) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i) & 0x3F);
    }
    const char32_t minimum = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool hiddenFormatting(char32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F) ||     // C1 controls (CSI 0x9B in 8-bit terminals)
           (cp >= 0x202A && cp <= 0x202E) || // embeddings and overrides
           (cp >= 0x2066 && cp <= 0x2069) || // isolates
           cp == 0x200E || cp == 0x200F || cp == 0x061C;
}
} // namespace

std::string printable(std::string_view text, bool keepNewlines)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<std::uint8_t>(text[i]);
        if (c == '\n' && keepNewlines) {
            out += '\n';
            ++i;
        } else if (c == '\\') {
            out += "\\\\";
            ++i;
        } else if (c < 0x20 || c == 0x7F) {
            appendHex(out, "\\x%02X", c);
            ++i;
        } else if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else {
            char32_t cp = 0;
            const std::size_t n = utf8Sequence(text.substr(i), cp);
            if (n == 0)
                appendHex(out, "\\x%02X", c);
            else if (hiddenFormatting(cp))
                appendHex(out, "\\u%04X", static_cast<unsigned>(cp));
            else
                out.append(text.substr(i, n));
            i += n == 0 ? 1 : n;
        }
    }
    return out;
}

void printError(std::FILE* err, std::string_view message)
{
    std::fprintf(err, "%s\n", printable(message, true).c_str());
}

void printWarning(std::FILE* err, std::string_view path, std::string_view message)
{
    std::fprintf(err, "%s: warning: %s\n", printable(path).c_str(),
                 printable(message, true).c_str());
}

} // namespace pianola::cli
