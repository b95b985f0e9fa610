// SPDX-License-Identifier: MIT
// Runs pianola-cli in-process with its output captured, or the real binary as a process (for
// exit codes, crashes and signals), for the CLI tests.
#pragma once

#include "app/cli/Cli.h"

#include <cstdio>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace pianola::test {

struct CliRun
{
    int code = -1;
    QString out, err;
    bool crashed = false; ///< runBinary(): the process died of a signal (abort, segfault)
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

#ifdef PIANOLA_CLI_BINARY
/// The real `pianola-cli ARGS...` (built beside the test) as a process; at most `timeoutMs`.
inline CliRun runBinary(const QStringList& args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(QStringLiteral(PIANOLA_CLI_BINARY), args);
    CliRun r;
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.crashed = true;
        r.err = QStringLiteral("did not finish in time");
        return r;
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.code = r.crashed ? -1 : p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}
#endif

} // namespace pianola::test
