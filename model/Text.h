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

} // namespace pianola::model
