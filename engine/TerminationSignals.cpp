// SPDX-License-Identifier: MIT
// The terminating signals as a flag and a self-pipe; see TerminationSignals.h.
#include "engine/TerminationSignals.h"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace pianola::engine {

namespace {
constexpr std::array kSignals{SIGHUP,  SIGINT,    SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1,
                              SIGUSR2, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO,   SIGPWR};

std::atomic<int> g_signal{0};
std::atomic<int> g_notifyFd{-1};
std::atomic<bool> g_secondEnds{false};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free atomics");

std::array<struct sigaction, kSignals.size()> g_old{};

extern "C" void onTerminationSignal(int signal)
{
    const int savedErrno = errno;
    int expected = 0;
    if (!g_signal.compare_exchange_strong(expected, signal, std::memory_order_relaxed) &&
        g_secondEnds.load(std::memory_order_relaxed)) {
        std::signal(signal, SIG_DFL); // async-signal-safe: the second one ends the process
        std::raise(signal);
        return;
    }
    if (const int fd = g_notifyFd.load(std::memory_order_relaxed); fd >= 0) {
        const char byte = 1;
        [[maybe_unused]] const ssize_t n = ::write(fd, &byte, 1); // a full pipe is fine
    }
    errno = savedErrno;
}
} // namespace

TerminationSignals::TerminationSignals(Options options)
{
    g_signal.store(0);
    g_secondEnds.store(options.secondSignalEndsProcess);
    if (::pipe2(m_pipe, O_CLOEXEC | O_NONBLOCK) != 0) m_pipe[0] = m_pipe[1] = -1;
    g_notifyFd.store(m_pipe[1]);
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < kSignals.size(); ++i) {
        sigaction(kSignals[i], nullptr, &g_old[i]);
        if (kSignals[i] == SIGHUP && g_old[i].sa_handler == SIG_IGN)
            continue; // started under nohup: hangups stay ignored
        if (kSignals[i] == SIGPIPE && !options.pipeTerminates) {
            std::signal(SIGPIPE, SIG_IGN);
            continue;
        }
        sigaction(kSignals[i], &action, nullptr);
    }
}

TerminationSignals::~TerminationSignals()
{
    for (std::size_t i = 0; i < kSignals.size(); ++i)
        sigaction(kSignals[i], &g_old[i], nullptr);
    g_notifyFd.store(-1);
    for (int fd : m_pipe)
        if (fd >= 0) ::close(fd);
}

bool TerminationSignals::requested()
{
    return g_signal.load(std::memory_order_relaxed) != 0;
}

int TerminationSignals::signalNumber()
{
    return g_signal.load(std::memory_order_relaxed);
}

std::span<const int> TerminationSignals::handledSignals()
{
    return kSignals;
}

const char* signalName(int signal)
{
    switch (signal) {
    case SIGHUP:
        return "SIGHUP";
    case SIGINT:
        return "SIGINT";
    case SIGQUIT:
        return "SIGQUIT";
    case SIGPIPE:
        return "SIGPIPE";
    case SIGALRM:
        return "SIGALRM";
    case SIGTERM:
        return "SIGTERM";
    case SIGUSR1:
        return "SIGUSR1";
    case SIGUSR2:
        return "SIGUSR2";
    case SIGVTALRM:
        return "SIGVTALRM";
    case SIGPROF:
        return "SIGPROF";
    case SIGXCPU:
        return "SIGXCPU";
    case SIGXFSZ:
        return "SIGXFSZ";
    case SIGIO:
        return "SIGIO";
    case SIGPWR:
        return "SIGPWR";
    default:
        return "another signal";
    }
}

} // namespace pianola::engine
