// SPDX-License-Identifier: MIT
// Text encoding helpers for names and texts that come from files.
#pragma once

#include <string>
#include <string_view>

namespace pianola::model {

/// True if `bytes` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool isValidUtf8(std::string_view bytes);
/// Reads `bytes` as ISO 8859-1 (what older MIDI files use for names) and returns UTF-8.
std::string latin1ToUtf8(std::string_view bytes);
/// `bytes` if it is UTF-8, else its Latin-1 reading: always valid UTF-8.
std::string toUtf8Text(std::string_view bytes);
/// The longest prefix of `text` of at most `maxBytes` bytes that does not split a UTF-8
/// character (the one shared cut for names and texts shown, sent or saved).
std::string_view utf8Prefix(std::string_view text, std::size_t maxBytes);
/// `text` cut to at most `maxBytes` bytes on a character boundary; `ellipsis` is appended (and
/// counted in `maxBytes` when it fits) when something was cut.
std::string cutUtf8(std::string_view text, std::size_t maxBytes, std::string_view ellipsis = {});

} // namespace pianola::model
