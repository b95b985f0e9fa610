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
        return m_owner.compare_exchange_strong(expected, self, std::memory_order_relaxed) ||
               expected == self;
    }
    /// Forgets the thread (a new audio device may call from another one).
    void detach() { m_owner.store(std::thread::id{}, std::memory_order_relaxed); }

private:
    std::atomic<std::thread::id> m_owner{};
};

/// The control thread: the GUI thread of the app (its Session names it), or a command-line
/// tool's main thread. Real-time and input callbacks (the audio driver's, RtMidi's input, the
/// MIDI-out scheduler) must never run on it; GUI-only code must run nowhere else. Until a
/// thread is named, every thread counts as both (tests of single pieces need not name one).
class ControlThread
{
public:
    /// Names the calling thread.
    static void claim() { s_id.store(std::this_thread::get_id(), std::memory_order_relaxed); }
    /// True on the control thread, or while none is named.
    static bool mayControl()
    {
        const std::thread::id id = s_id.load(std::memory_order_relaxed);
        return id == std::thread::id{} || id == std::this_thread::get_id();
    }
    /// True anywhere but on the control thread (callbacks assert it).
    static bool isOther()
    {
        return s_id.load(std::memory_order_relaxed) != std::this_thread::get_id();
    }

private:
    static inline std::atomic<std::thread::id> s_id{};
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
#define PIANOLA_ASSERT_CONTROL_THREAD() ((void)0)
#define PIANOLA_ASSERT_NOT_CONTROL_THREAD() ((void)0)
#else
#define PIANOLA_ASSERT_THREAD(checker) assert((checker).check() && "called from the wrong thread")
#define PIANOLA_ASSERT_NOT_REAL_TIME()                                                             \
    assert(!::pianola::engine::RealTimeScope::onRealTimeThread() &&                                \
           "must not run on a real-time thread")
#define PIANOLA_ASSERT_CONTROL_THREAD()                                                            \
    assert(::pianola::engine::ControlThread::mayControl() && "GUI (control) thread only")
#define PIANOLA_ASSERT_NOT_CONTROL_THREAD()                                                        \
    assert(::pianola::engine::ControlThread::isOther() &&                                          \
           "a callback ran on the GUI (control) thread")
#endif
