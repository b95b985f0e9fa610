// SPDX-License-Identifier: MIT
// Builds the playback sequence of a plan: a small plan at once, a big one on a worker thread.
#pragma once

#include "engine/playback/PlaybackSequence.h"
#include "model/Plan.h"

#include <functional>
#include <memory>
#include <optional>
#include <QObject>
#include <thread>

namespace pianola::app {

/// Playback sequences without stalling the GUI: a plan with fewer than kSyncNotes notes is built
/// at once (`ready` runs before request() returns, as tests and A/B switching expect); a bigger
/// one is built on a worker thread from `snapshot` (an immutable copy, e.g. from
/// Document::snapshot()), and `ready` runs on the GUI thread when it is done. Requests coalesce:
/// only the newest one's `ready` ever runs. GUI thread only.
class SequenceBuilder : public QObject
{
    Q_OBJECT
public:
    using Ready = std::function<void(std::unique_ptr<engine::PlaybackSequence>)>;
    static constexpr std::int64_t kSyncNotes = 50'000;

    explicit SequenceBuilder(QObject* parent = nullptr);
    ~SequenceBuilder() override; ///< waits for a build in flight (its result is dropped)

    /// `snapshot` is called only for a big plan.
    void request(const model::Plan& plan,
                 const std::function<std::shared_ptr<const model::Plan>()>& snapshot,
                 engine::PlaybackOptions options, Ready ready);
    bool busy() const { return m_busy; }

private:
    struct Job
    {
        std::shared_ptr<const model::Plan> plan;
        engine::PlaybackOptions options;
        Ready ready;
        std::uint64_t generation = 0;
    };
    void startPending();
    void finished(std::uint64_t generation,
                  std::shared_ptr<std::unique_ptr<engine::PlaybackSequence>> built, Ready ready);

    std::thread m_thread;
    bool m_busy = false;
    std::uint64_t m_generation = 0; ///< of the newest request
    std::optional<Job> m_pending;
};

} // namespace pianola::app
