// SPDX-License-Identifier: MIT
// One file write at a time on a worker thread.
#include "app/BackgroundWrite.h"

#include <QMetaObject>

namespace pianola::app {

BackgroundWrite::BackgroundWrite(QObject* parent) : QObject(parent) {}

BackgroundWrite::~BackgroundWrite()
{
    if (m_thread.joinable())
        m_thread.join(); // nothing is lost: a save in flight at quit ends first
}

void BackgroundWrite::start(Work work, Done done)
{
    wait();
    m_busy = true;
    m_done = std::move(done);
    m_started = std::chrono::steady_clock::now();
    const std::uint64_t job = ++m_job;
    m_thread = std::thread([this, job, work = std::move(work)] {
        Result<void> result;
        try {
            result = work();
        } catch (const std::exception& e) { // e.g. bad_alloc while serializing: report it
            result = makeError(Error::Code::IoError, std::string("writing failed: ") + e.what());
        }
        m_result = std::move(result);
        m_took = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - m_started);
        // Posted after the writes above: the owner reads them in finish() on its own thread.
        QMetaObject::invokeMethod(
            this, [this, job] { finish(job); }, Qt::QueuedConnection);
    });
}

void BackgroundWrite::wait()
{
    if (!m_busy) return;
    m_thread.join();
    finish(m_job);
}

void BackgroundWrite::finish(std::uint64_t job)
{
    if (!m_busy || job != m_job) return; // wait() got here first; this is the job's late event
    if (m_thread.joinable())
        m_thread.join(); // it has posted its event: only its last instructions remain
    m_busy = false;
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done) done(m_result, m_took);
}

} // namespace pianola::app
