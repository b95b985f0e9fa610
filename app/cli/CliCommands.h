// SPDX-License-Identifier: MIT
// The pianola-cli commands; each returns an ExitCode.
#pragma once

#include "app/cli/Cli.h"
#include "app/cli/CliArgs.h"
#include "engine/PlanFile.h"

#include <optional>
#include <string>
#include <vector>

namespace pianola::cli {

int commandInfo(const std::vector<std::string>& args, const Io& io);
int commandNotes(const std::vector<std::string>& args, const Io& io);
int commandConvert(const std::vector<std::string>& args, const Io& io);
int commandValidate(const std::vector<std::string>& args, const Io& io);
int commandRender(const std::vector<std::string>& args, const Io& io);
int commandPorts(const std::vector<std::string>& args, const Io& io);
int commandPlay(const std::vector<std::string>& args, const Io& io);
int commandGenerate(const std::vector<std::string>& args, const Io& io);
int commandAnalyze(const std::vector<std::string>& args, const Io& io);
int commandCheck(const std::vector<std::string>& args, const Io& io);
int commandChords(const std::vector<std::string>& args, const Io& io);
int commandRefit(const std::vector<std::string>& args, const Io& io);
int commandHarmonize(const std::vector<std::string>& args, const Io& io);
int commandFill(const std::vector<std::string>& args, const Io& io);

/// Reads a .mid, a plan .json or a take of a project (--take NAME|ID, else the active take).
/// Prints the error (and nullopt) or, with `showWarnings`, the reader's warnings on stderr.
std::optional<engine::LoadedPlan> loadInput(const Io& io, const std::string& path,
                                            const CliArgs& parsed, bool showWarnings);

/// Prints "pianola-cli COMMAND: MESSAGE" and the help hint on stderr; returns kUsage.
int usageError(const Io& io, const std::string& command, const std::string& message);

} // namespace pianola::cli
