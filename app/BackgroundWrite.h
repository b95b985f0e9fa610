// SPDX-License-Identifier: MIT
// One file write at a time on a worker thread, its result delivered back on the owner's thread.
#pragma once

#include "model/Result.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <QObject>
#include <thread>

namespace pianola::app {

/// Runs a write job (serialize a snapshot, write the file) on its own thread so the GUI thread
/// only hands over the snapshot. `done` runs on the owner's (GUI) thread exactly once per job:
/// from the event loop when the job ends, or from wait(). Destruction waits for the job.
class BackgroundWrite : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<Result<void>()>;
    using Done = std::function<void(const Result<void>& result, std::chrono::milliseconds took)>;

    explicit BackgroundWrite(QObject* parent = nullptr);
    ~BackgroundWrite() override;

    bool busy() const { return m_busy; }
    /// Starts `work` on a worker thread; waits first for a job still in flight. GUI thread.
    void start(Work work, Done done);
    /// Blocks until the job in flight (if any) has ended and its `done` has run. GUI thread.
    void wait();

private:
    void finish(std::uint64_t job);

    std::thread m_thread;
    bool m_busy = false;
    std::uint64_t m_job = 0; ///< the job in flight (a late event of an earlier one is ignored)
    Result<void> m_result;
    Done m_done;
    std::chrono::steady_clock::time_point m_started;
    std::chrono::milliseconds m_took{0};
};

} // namespace pianola::app
