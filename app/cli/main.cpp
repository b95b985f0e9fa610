// SPDX-License-Identifier: MIT
// pianola-cli entry point.
#include "app/cli/Cli.h"

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    return pianola::cli::run(args);
}
