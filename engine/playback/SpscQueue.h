// SPDX-License-Identifier: MIT
// A fixed-capacity single-producer single-consumer queue: wait-free, no allocation after setup.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <optional>

namespace pianola::engine {

/// One thread pushes, one other thread pops. `Capacity` must be a power of two; the queue holds
/// Capacity - 1 items. push() returns false when full (the caller decides: retry or drop).
template <typename T, std::size_t Capacity> class SpscQueue
{
    static_assert((Capacity & (Capacity - 1)) == 0, "Capacity must be a power of two");

public:
    bool push(const T& value) // producer thread
    {
        const std::size_t head = m_head.load(std::memory_order_relaxed);
        const std::size_t next = (head + 1) & (Capacity - 1);
        if (next == m_tail.load(std::memory_order_acquire)) return false;
        m_items[head] = value;
        m_head.store(next, std::memory_order_release);
        return true;
    }

    std::optional<T> pop() // consumer thread
    {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        if (tail == m_head.load(std::memory_order_acquire)) return std::nullopt;
        T value = m_items[tail];
        m_tail.store((tail + 1) & (Capacity - 1), std::memory_order_release);
        return value;
    }

    /// The item pop() would return, without removing it (consumer thread); valid until pop().
    const T* front() const
    {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        return tail == m_head.load(std::memory_order_acquire) ? nullptr : &m_items[tail];
    }

    /// True when push() would fail (producer thread: the consumer can only make room).
    bool full() const
    {
        const std::size_t next = (m_head.load(std::memory_order_relaxed) + 1) & (Capacity - 1);
        return next == m_tail.load(std::memory_order_acquire);
    }

    bool empty() const
    {
        return m_tail.load(std::memory_order_acquire) == m_head.load(std::memory_order_acquire);
    }

private:
    std::array<T, Capacity> m_items{};
    alignas(64) std::atomic<std::size_t> m_head{0};
    alignas(64) std::atomic<std::size_t> m_tail{0};
};

} // namespace pianola::engine
