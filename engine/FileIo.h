// SPDX-License-Identifier: MIT
// Whole-file reads with a size limit; writes that never leave a half-written file and never
// replace a device or FIFO.
#pragma once

#include "model/Result.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pianola::engine {

/// Reads the file at `path` into `out` (reusing its capacity). Errors: missing, unreadable,
/// larger than `maxBytes` (checked before reading).
Result<void> readFileInto(const std::string& path, std::size_t maxBytes,
                          std::vector<std::uint8_t>& out);
Result<std::vector<std::uint8_t>> readFile(const std::string& path, std::size_t maxBytes);

/// An output being written. A regular (or new) file is written to a temporary file in the same
/// folder and renamed over the target by commit(): on any failure the old file is untouched.
/// A character device (/dev/null, a terminal, /dev/stdout) or a FIFO is written directly and
/// never replaced; block devices, sockets and directories are refused. Errors name the path
/// and the system's reason (e.g. "No space left on device").
class OutputFile
{
public:
    static Result<std::unique_ptr<OutputFile>> open(const std::string& path);
    virtual ~OutputFile() = default; ///< without commit(): the temporary file is removed

    virtual Result<void> write(std::span<const std::uint8_t> bytes) = 0;
    /// True when writeAt() works (a regular file): false for devices and FIFOs.
    virtual bool seekable() const = 0;
    /// Overwrites bytes already written at `offset` (seekable outputs only).
    virtual Result<void> writeAt(std::uint64_t offset, std::span<const std::uint8_t> bytes) = 0;
    /// Flushes and publishes: renames the temporary file over the target, or closes the device.
    virtual Result<void> commit() = 0;
};

/// Writes `bytes` to `path` through OutputFile: atomically for a regular file, directly into a
/// device or FIFO.
Result<void> writeFileAtomic(const std::string& path, std::span<const std::uint8_t> bytes);
Result<void> writeFileAtomic(const std::string& path, std::string_view text);

} // namespace pianola::engine
