// SPDX-License-Identifier: MIT
// pianola-cli: the headless front end (info, notes, convert, validate), testable in-process.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace pianola::cli {

/// Exit codes: 0 success, 1 bad input (message on stderr), 2 usage error.
enum ExitCode { kOk = 0, kBadInput = 1, kUsage = 2 };

/// Output sinks, so tests can capture what a command prints.
struct Io
{
    std::FILE* out = stdout;
    std::FILE* err = stderr;
};

/// Runs `pianola-cli <args>` (args without the program name).
int run(const std::vector<std::string>& args, const Io& io = {});

} // namespace pianola::cli
