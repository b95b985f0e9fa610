// SPDX-License-Identifier: MIT
// Terminating signals through a socket pair into the event loop.
#include "app/QuitSignals.h"

#include "app/Logging.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <QSocketNotifier>
#include <sys/socket.h>
#include <unistd.h>

namespace pianola::app {

namespace {
constexpr int kSignals[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1};
int g_fds[2] = {-1, -1};
volatile std::sig_atomic_t g_pending = 0;

// [signal handler] async-signal-safe only: write(), signal(), raise().
extern "C" void onSignal(int signal)
{
    if (g_pending) { // the first one is still being handled: stop the default way
        std::signal(signal, SIG_DFL);
        std::raise(signal);
        return;
    }
    g_pending = 1;
    const int saved = errno;
    const auto byte = static_cast<unsigned char>(signal);
    [[maybe_unused]] const auto n = ::write(g_fds[1], &byte, 1);
    errno = saved;
}
} // namespace

QuitSignals::QuitSignals(QObject* parent) : QObject(parent)
{
    std::signal(SIGPIPE, SIG_IGN); // a closed pipe or socket is an error return, not death
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_fds) != 0) {
        qCWarning(lcApp) << "cannot catch terminating signals: socketpair failed";
        return;
    }
    m_notifier = new QSocketNotifier(g_fds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &QuitSignals::readSignal);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int s : kSignals)
        sigaction(s, &action, nullptr);
}

QuitSignals::~QuitSignals()
{
    for (int s : kSignals)
        std::signal(s, SIG_DFL);
    if (g_fds[0] >= 0) {
        ::close(g_fds[0]);
        ::close(g_fds[1]);
        g_fds[0] = g_fds[1] = -1;
    }
}

void QuitSignals::readSignal()
{
    unsigned char byte = 0;
    if (::read(g_fds[0], &byte, 1) != 1) return;
    qCInfo(lcApp) << "signal" << byte << "received: quitting";
    emit received(byte);
}

} // namespace pianola::app
