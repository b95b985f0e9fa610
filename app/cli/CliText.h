// SPDX-License-Identifier: MIT
// Untrusted text (file contents, prompts, server replies, file names) made safe to print.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace pianola::cli {

/// `text` with everything that could control a terminal or hide text made visible: C0 and C1
/// control characters, DEL and bytes that are not UTF-8 as \xNN, bidirectional overrides as
/// \uNNNN, the backslash as \\. With `keepNewlines`, '\n' stays (multi-line messages).
std::string printable(std::string_view text, bool keepNewlines = false);

/// Prints an error message (it may hold several lines) and a newline, escaped.
void printError(std::FILE* err, std::string_view message);
/// Prints "PATH: warning: MESSAGE" and a newline, escaped.
void printWarning(std::FILE* err, std::string_view path, std::string_view message);

} // namespace pianola::cli
