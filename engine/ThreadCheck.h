// SPDX-License-Identifier: MIT
// Thread-affinity checks for debug builds, and a marker for code running on a real-time thread.
#pragma once

#include <atomic>
#include <cassert>
#include <thread>

namespace pianola::engine {

/// Remembers the first thread that calls check() and says whether later calls come from it.
/// Debug builds assert with it (PIANOLA_ASSERT_THREAD); release builds compile the checks out.
class ThreadChecker
{
public:
    bool check()
    {
        const std::thread::id self = std::this_thread::get_id();
        std::thread::id expected{};
        return m_owner.compare_exchange_strong(expected, self, std::memory_order_relaxed) || expected == self;
    }
    /// Forgets the thread (a new audio device may call from another one).
    void detach() { m_owner.store(std::thread::id{}, std::memory_order_relaxed); }

private:
    std::atomic<std::thread::id> m_owner{};
};

/// Marks the calling thread as real-time while it lives (the audio callback, the MIDI-out
/// scheduler): code that must never run there (file reads, loading) can ask onRealTimeThread().
class RealTimeScope
{
public:
    RealTimeScope() : m_outer(s_active) { s_active = true; }
    ~RealTimeScope() { s_active = m_outer; }
    RealTimeScope(const RealTimeScope&) = delete;
    RealTimeScope& operator=(const RealTimeScope&) = delete;
    static bool onRealTimeThread() { return s_active; }

private:
    bool m_outer;
    static inline thread_local bool s_active = false;
};

} // namespace pianola::engine

#ifdef NDEBUG
#define PIANOLA_ASSERT_THREAD(checker) ((void)0)
#define PIANOLA_ASSERT_NOT_REAL_TIME() ((void)0)
#else
#define PIANOLA_ASSERT_THREAD(checker) assert((checker).check() && "called from the wrong thread")
#define PIANOLA_ASSERT_NOT_REAL_TIME() \
    assert(!::pianola::engine::RealTimeScope::onRealTimeThread() && "must not run on a real-time thread")
#endif
