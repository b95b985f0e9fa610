// SPDX-License-Identifier: MIT
// Re-barring a take to another meter: each bar keeps its number and its material's place in it.
#include "engine/generate/Rebar.h"

#include "engine/generate/Parts.h"

#include <algorithm>
#include <tuple>

namespace pianola::engine::generate {

namespace {
using model::Tick;

struct Bars
{
    Tick from, to; ///< bar lengths in ticks, old and new
    Tick early;    ///< a humanized onset this close before a bar line belongs to that bar

    Tick bar(Tick t) const { return (t + early) / from; }
    Tick offset(Tick t) const { return t - bar(t) * from; } ///< -early .. from - early
    /// The tick in the new meter, or -1 when it lies beyond the shorter new bar (an onset just
    /// before the cut beat, humanized early, is that beat's).
    Tick start(Tick t) const
    {
        const bool cut = to < from ? offset(t) >= to - early : offset(t) >= to;
        return cut ? -1 : std::max<Tick>(0, bar(t) * to + offset(t));
    }
    /// The tick in the new meter, clamped to the end of its bar (ends, and changes in force).
    Tick clamped(Tick t) const { return std::max<Tick>(0, bar(t) * to + std::min(offset(t), to)); }
};

template <typename Event> void moveEvents(std::vector<Event>& events, const Bars& b, bool cut)
{
    std::vector<Event> out;
    for (Event e : events) {
        const Tick at = cut ? b.start(e.tick) : b.clamped(e.tick);
        if (at < 0) continue;
        e.tick = at;
        out.push_back(std::move(e));
    }
    events = std::move(out);
}

std::vector<model::Note> moveNotes(const std::vector<model::Note>& notes, const Bars& b)
{
    std::vector<model::Note> out;
    for (model::Note n : notes) {
        const Tick start = b.start(n.startTick);
        if (start < 0) continue;
        const Tick end = std::max(b.clamped(n.startTick + n.lengthTicks), start + 1);
        const bool reachedBarEnd = b.offset(n.startTick + n.lengthTicks) == 0 ||
                                   b.bar(n.startTick + n.lengthTicks) > b.bar(n.startTick);
        const Tick inBar = b.offset(n.startTick);
        n.startTick = start;
        n.lengthTicks = end - start;
        out.push_back(n);
        // A longer bar: its head again in the room gained (notes held to the bar's end are
        // stretched instead).
        if (b.to > b.from && !reachedBarEnd && inBar < b.to - b.from) {
            model::Note again = n;
            again.id = 0;
            again.startTick = start + b.from;
            again.lengthTicks = std::min(n.lengthTicks, b.to - b.from - inBar);
            out.push_back(again);
        }
    }
    std::sort(out.begin(), out.end(), [](const model::Note& x, const model::Note& y) {
        return std::tie(x.startTick, x.key) < std::tie(y.startTick, y.key);
    });
    return out;
}
} // namespace

model::Plan rebar(const model::Plan& plan, int numerator, int denominator)
{
    model::Plan out = plan;
    const model::TimeSignature old =
        plan.timeSignatures.empty() ? model::TimeSignature{} : plan.timeSignatures.front();
    const Bars b{std::max<Tick>(1, Tick(plan.ppq) * 4 * old.numerator / old.denominator),
                 std::max<Tick>(1, Tick(plan.ppq) * 4 * numerator / denominator),
                 std::max<Tick>(0, plan.ppq / 16)};
    const Tick bars = (plan.lengthTicks() + b.from - 1) / b.from;
    for (model::Track& t : out.tracks) {
        t.notes = moveNotes(t.notes, b);
        separateSameKey(t.notes, bars * b.to);
        moveEvents(t.controllers, b, true);
        moveEvents(t.pitchBends, b, true);
        moveEvents(t.channelPressure, b, true);
        moveEvents(t.polyPressure, b, true);
        moveEvents(t.programChanges, b, false);
        moveEvents(t.rawEvents, b, false);
        if (t.endTick != 0) t.endTick = b.clamped(t.endTick);
    }
    moveEvents(out.tempos, b, false);
    moveEvents(out.keySignatures, b, false);
    moveEvents(out.globalEvents, b, false);
    std::vector<model::PlanChord> chords;
    for (model::PlanChord c : plan.chords) {
        const Tick start = b.clamped(c.startTick), end = b.clamped(c.endTick());
        if (end <= start) continue;
        c.startTick = start, c.lengthTicks = end - start;
        chords.push_back(c);
    }
    out.chords = std::move(chords);
    model::TimeSignature ts = old;
    ts.tick = 0, ts.numerator = numerator, ts.denominator = denominator;
    ts.clocksPerClick = denominator == 8 && numerator % 3 == 0 ? 36 : 96 / denominator;
    out.timeSignatures = {ts};
    return out;
}

} // namespace pianola::engine::generate
