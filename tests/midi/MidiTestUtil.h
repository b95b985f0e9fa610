// SPDX-License-Identifier: MIT
// Shared by tst_midi_jack and bench_midi_timing: the expected messages of a sequence (an
// offline Sequencer run), waiting, and draining a MidiInput.
#pragma once

#include "engine/midi/MidiInput.h"
#include "engine/playback/PlaybackSequence.h"
#include "engine/playback/Sequencer.h"

#include <chrono>
#include <functional>
#include <thread>
#include <vector>

namespace pianola::miditest {

struct Expected
{
    double at; ///< seconds from the start of playback
    std::vector<std::uint8_t> bytes;
};

class Recording : public engine::MidiSink
{
public:
    void send(double offset, const std::uint8_t* m, int size) override
    {
        messages.push_back({spanStart + offset, {m, m + size}});
    }
    std::vector<Expected> messages;
    double spanStart = 0;
};

/// What the plan says: an offline Sequencer playing `seq` from 0 to its end, 1 ms steps.
inline std::vector<Expected> expectedMessages(const engine::PlaybackSequence& seq)
{
    engine::Sequencer s;
    Recording r;
    s.setSequence(&seq, r);
    s.play(r);
    for (int i = 0; s.playing() && i < 100'000'000; ++i) {
        s.advance(0.001, r);
        r.spanStart += 0.001;
    }
    return r.messages;
}

inline bool waitFor(const std::function<bool()>& condition,
                    std::chrono::milliseconds timeout = std::chrono::milliseconds(3000))
{
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < end) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return condition();
}

/// Drains `in` into `out` until nothing has arrived for `quiet`.
inline void collect(engine::MidiInput& in, std::vector<engine::MidiMessage>& out,
                    std::chrono::milliseconds quiet = std::chrono::milliseconds(150))
{
    auto lastArrival = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - lastArrival < quiet) {
        if (in.drain(out) > 0) lastArrival = std::chrono::steady_clock::now();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

/// Milliseconds from when `e` was due (origin + e.at) to when `m` arrived.
inline double lateMs(const engine::MidiMessage& m, std::chrono::steady_clock::time_point origin,
                     const Expected& e)
{
    return std::chrono::duration<double, std::milli>(m.time - origin).count() - e.at * 1000.0;
}

} // namespace pianola::miditest
