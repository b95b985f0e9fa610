// SPDX-License-Identifier: MIT
// Playback sequences built off the GUI thread for big plans.
#include "app/SequenceBuilder.h"

#include "engine/ThreadCheck.h"

#include <QMetaObject>

namespace pianola::app {

SequenceBuilder::SequenceBuilder(QObject* parent) : QObject(parent) {}

SequenceBuilder::~SequenceBuilder()
{
    if (m_thread.joinable()) m_thread.join();
}

void SequenceBuilder::request(const model::Plan& plan,
                              const std::function<std::shared_ptr<const model::Plan>()>& snapshot,
                              engine::PlaybackOptions options, Ready ready)
{
    PIANOLA_ASSERT_CONTROL_THREAD();
    ++m_generation; // whatever is in flight is stale now
    auto shared = plan.noteCount() < kSyncNotes ? nullptr : snapshot();
    if (!shared) {
        m_pending.reset();
        ready(engine::PlaybackSequence::build(plan, options));
        return;
    }
    m_pending = Job{std::move(shared), std::move(options), std::move(ready), m_generation};
    if (!m_busy) startPending();
}

void SequenceBuilder::startPending()
{
    if (m_thread.joinable()) m_thread.join();
    m_busy = true;
    m_thread = std::thread([this, job = std::move(*m_pending)]() mutable {
        auto built = std::make_shared<std::unique_ptr<engine::PlaybackSequence>>(
            engine::PlaybackSequence::build(*job.plan, job.options));
        QMetaObject::invokeMethod(
            this,
            [this, generation = job.generation, built, ready = std::move(job.ready)] {
                finished(generation, built, ready);
            },
            Qt::QueuedConnection);
    });
    m_pending.reset();
}

void SequenceBuilder::finished(std::uint64_t generation,
                               std::shared_ptr<std::unique_ptr<engine::PlaybackSequence>> built,
                               Ready ready)
{
    PIANOLA_ASSERT_CONTROL_THREAD();
    m_thread.join(); // it has posted this: only its last instructions remain
    m_busy = false;
    if (generation == m_generation) ready(std::move(*built));
    if (m_pending) startPending();
}

} // namespace pianola::app
