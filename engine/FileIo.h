// SPDX-License-Identifier: MIT
// Whole-file reads with a size limit and atomic writes (never a half-written file).
#pragma once

#include "model/Result.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace pianola::engine {

/// Reads the file at `path` into `out` (reusing its capacity). Errors: missing, unreadable,
/// larger than `maxBytes` (checked before reading).
Result<void> readFileInto(const std::string& path, std::size_t maxBytes, std::vector<std::uint8_t>& out);
Result<std::vector<std::uint8_t>> readFile(const std::string& path, std::size_t maxBytes);

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, then
/// renamed over the target. On any failure the old file is untouched.
Result<void> writeFileAtomic(const std::string& path, std::span<const std::uint8_t> bytes);
Result<void> writeFileAtomic(const std::string& path, std::string_view text);

} // namespace pianola::engine
