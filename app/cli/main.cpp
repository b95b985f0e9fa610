// SPDX-License-Identifier: MIT
// pianola-cli entry point.
#include "app/cli/Cli.h"
#include "engine/SystemLogs.h"
#include "engine/ThreadCheck.h"

int main(int argc, char** argv)
{
    pianola::engine::routeSystemLibraryLogs();
    pianola::engine::ControlThread::claim(); // debug builds: callbacks never run here
    std::vector<std::string> args(argv + 1, argv + argc);
    return pianola::cli::run(args);
}
