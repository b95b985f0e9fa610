// SPDX-License-Identifier: MIT
// Runs pianola-cli in-process with its output captured, for the CLI tests.
#pragma once

#include "app/cli/Cli.h"

#include <cstdio>
#include <QString>
#include <QStringList>

namespace pianola::test {

struct CliRun
{
    int code = -1;
    QString out, err;
};

inline QString drainFile(std::FILE* f)
{
    std::fflush(f);
    std::rewind(f);
    QByteArray all;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
        all.append(buf, static_cast<qsizetype>(n));
    std::fclose(f);
    return QString::fromUtf8(all);
}

/// `pianola-cli ARGS...` through cli::run() with stdout and stderr captured.
inline CliRun runCli(const QStringList& args)
{
    std::vector<std::string> a;
    for (const QString& s : args)
        a.push_back(s.toStdString());
    cli::Io io{std::tmpfile(), std::tmpfile()};
    CliRun r;
    r.code = cli::run(a, io);
    r.out = drainFile(io.out);
    r.err = drainFile(io.err);
    return r;
}

} // namespace pianola::test
