// SPDX-License-Identifier: MIT
// Turns the terminating signals into a Qt signal on the GUI thread, so they quit the clean way.
#pragma once

#include <memory>
#include <QObject>

class QSocketNotifier;

namespace pianola::engine {
class TerminationSignals;
}

namespace pianola::app {

/// Catches the terminating signals of engine::TerminationSignals (SIGTERM, SIGINT, SIGHUP,
/// SIGQUIT, SIGUSR1...; SIGPIPE is ignored) for the life of the object: the handler only records
/// the signal and writes to a pipe (async-signal-safe), and a QSocketNotifier emits received()
/// from the event loop. A second signal while the first is
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
    std::unique_ptr<engine::TerminationSignals> m_signals;
    QSocketNotifier* m_notifier = nullptr;
    bool m_reported = false;
};

} // namespace pianola::app
