// SPDX-License-Identifier: MIT
// The metronome: a woodblock click on every beat of a plan's meters, the downbeat accented.
#pragma once

#include "model/Plan.h"

#include <vector>

namespace pianola::engine {

/// The click's sound: General MIDI woodblocks on channel 10 (index 9); the downbeat is the
/// high block and louder, the other beats the low one.
struct MetronomeSound
{
    static constexpr int kChannel = 9;
    static constexpr int kDownbeatKey = 76; ///< Hi Wood Block
    static constexpr int kBeatKey = 77;     ///< Low Wood Block
    static constexpr int kDownbeatVelocity = 127;
    static constexpr int kBeatVelocity = 80;
};

struct Click
{
    model::Tick tick = 0;
    bool downbeat = false;
};

/// The beats from tick 0 up to `endTick` (exclusive) through the plan's meters: a beat is the
/// denominator's note, in compound meters (6/8, 9/8, 12/8) a dotted quarter. At most
/// `maxClicks` of them.
std::vector<Click> metronomeClicks(const model::Plan& plan, model::Tick endTick,
                                   std::size_t maxClicks = 1u << 16);

/// The length of `bars` bars of the meter in force at `tick`, in ticks (a count-in).
model::Tick barsTicks(const model::Plan& plan, model::Tick tick, int bars);

} // namespace pianola::engine
