// SPDX-License-Identifier: MIT
// Turns the terminating signals into a Qt signal on the GUI thread, so they quit the clean way.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace pianola::app {

/// Catches SIGTERM, SIGINT, SIGHUP, SIGQUIT and SIGUSR1 (and ignores SIGPIPE) for the life of the
/// object: the handler only writes the signal number to a socket pair (async-signal-safe), and
/// a QSocketNotifier emits received() from the event loop. A second signal while the first is
/// being handled ends the process the default way (a quit that hangs can still be stopped).
/// One object per process; the destructor restores the default dispositions.
class QuitSignals : public QObject
{
    Q_OBJECT
public:
    explicit QuitSignals(QObject* parent = nullptr);
    ~QuitSignals() override;

signals:
    void received(int signal);

private:
    void readSignal();
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace pianola::app
