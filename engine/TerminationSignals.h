// SPDX-License-Identifier: MIT
// Turns the asynchronous terminating signals into a flag (and a readable pipe) for a clean stop.
#pragma once

#include <span>

namespace pianola::engine {

/// While an instance lives, SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1,
/// SIGUSR2, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO and SIGPWR no longer kill the process:
/// the handler only records the signal (an atomic store and a write() to a pipe, both
/// async-signal-safe), so the owner can stop playback through its normal path (note-offs,
/// CC 64 = 0, CC 123) and exit. The previous dispositions come back on destruction. SIGHUP
/// keeps an inherited SIG_IGN (nohup). One instance at a time (the flag is process-wide).
/// Synchronous faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) and SIGKILL are not handled.
class TerminationSignals
{
public:
    struct Options
    {
        /// SIGPIPE ends the run like the others (a CLI writing into a closed pipe); false: it is
        /// ignored and a closed pipe or socket is an error return (the GUI).
        bool pipeTerminates = true;
        /// A second signal while the first is handled ends the process the default way, so a
        /// clean stop that hangs can still be interrupted.
        bool secondSignalEndsProcess = false;
    };

    TerminationSignals() : TerminationSignals(Options{}) {}
    explicit TerminationSignals(Options options);
    ~TerminationSignals();
    TerminationSignals(const TerminationSignals&) = delete;
    TerminationSignals& operator=(const TerminationSignals&) = delete;

    /// True once one of the signals arrived (any thread; lock-free).
    static bool requested();
    /// The first signal that arrived, 0 if none.
    static int signalNumber();
    /// A descriptor that becomes readable when a signal arrives (for QSocketNotifier or
    /// poll()); -1 if the pipe could not be made (the flag still works).
    int notifyFd() const { return m_pipe[0]; }
    /// The signals handled.
    static std::span<const int> handledSignals();

private:
    int m_pipe[2] = {-1, -1};
};

/// "SIGHUP" for SIGHUP etc.; "signal N" for others.
const char* signalName(int signal);

} // namespace pianola::engine
