// SPDX-License-Identifier: MIT
// Terminating signals into the event loop: engine::TerminationSignals' self-pipe, watched by a
// QSocketNotifier.
#include "app/QuitSignals.h"

#include "app/Logging.h"
#include "engine/TerminationSignals.h"

#include <QSocketNotifier>
#include <unistd.h>

namespace pianola::app {

QuitSignals::QuitSignals(QObject* parent)
    : QObject(parent), m_signals(std::make_unique<engine::TerminationSignals>(
                           engine::TerminationSignals::Options{false, true}))
{
    if (m_signals->notifyFd() < 0) {
        qCWarning(lcApp) << "cannot watch terminating signals: no pipe";
        return;
    }
    m_notifier = new QSocketNotifier(m_signals->notifyFd(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &QuitSignals::readSignal);
}

QuitSignals::~QuitSignals() = default;

void QuitSignals::readSignal()
{
    char bytes[16];
    while (::read(m_signals->notifyFd(), bytes, sizeof bytes) > 0) {
    }
    const int signal = engine::TerminationSignals::signalNumber();
    if (signal == 0 || m_reported) return;
    m_reported = true;
    qCInfo(lcApp) << engine::signalName(signal) << "received: quitting";
    emit received(signal);
}

} // namespace pianola::app
