// SPDX-License-Identifier: MIT
// Metronome clicks from a plan's meters.
#include "engine/playback/Metronome.h"

#include <algorithm>

namespace pianola::engine {

namespace {
model::Tick beatTicks(const model::Plan& plan, const model::TimeSignature& meter)
{
    const model::Tick note =
        std::max<model::Tick>(1, plan.ppq * 4 / std::max(1, meter.denominator));
    const bool compound = meter.denominator == 8 && meter.numerator % 3 == 0 && meter.numerator > 3;
    return compound ? 3 * note : note;
}

model::Tick barTicks(const model::Plan& plan, const model::TimeSignature& meter)
{
    return std::max<model::Tick>(1, plan.ppq * 4 * std::max(1, meter.numerator) /
                                        std::max(1, meter.denominator));
}

const model::TimeSignature& meterAt(const model::Plan& plan, model::Tick tick)
{
    static const model::TimeSignature kDefault;
    const model::TimeSignature* found = &kDefault;
    for (const model::TimeSignature& m : plan.timeSignatures)
        if (m.tick <= tick) found = &m;
    return *found;
}
} // namespace

std::vector<Click> metronomeClicks(const model::Plan& plan, model::Tick endTick,
                                   std::size_t maxClicks)
{
    std::vector<Click> clicks;
    model::Tick barStart = 0;
    while (barStart < endTick && clicks.size() < maxClicks) {
        const model::TimeSignature& meter = meterAt(plan, barStart);
        const model::Tick bar = barTicks(plan, meter), beat = beatTicks(plan, meter);
        // A meter change starts a new bar (as the ruler counts them).
        model::Tick barEnd = barStart + bar;
        for (const model::TimeSignature& m : plan.timeSignatures)
            if (m.tick > barStart && m.tick < barEnd) barEnd = m.tick;
        for (model::Tick t = barStart; t < barEnd && t < endTick && clicks.size() < maxClicks;
             t += beat)
            clicks.push_back({t, t == barStart});
        barStart = barEnd;
    }
    return clicks;
}

model::Tick barsTicks(const model::Plan& plan, model::Tick tick, int bars)
{
    return std::max(0, bars) * barTicks(plan, meterAt(plan, tick));
}

} // namespace pianola::engine
