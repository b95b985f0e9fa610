// SPDX-License-Identifier: MIT
// Checks of a take's chord track against its own rules and the take's length.
#include "model/ChordTrack.h"

#include "model/ChordSymbol.h"

#include <algorithm>

namespace pianola::model {

namespace {
Tick barTicks(const TimeSignature& ts, int ppq)
{
    const Tick bar = static_cast<Tick>(ts.numerator) * ppq * 4 / std::max(1, ts.denominator);
    return std::max<Tick>(bar, 1);
}
} // namespace

Tick chordTrackLimit(const Plan& plan)
{
    const Tick end = plan.lengthTicks();
    Tick barStart = 0;
    TimeSignature meter;
    for (const TimeSignature& ts : plan.timeSignatures) {
        if (ts.tick >= end) break;
        barStart = ts.tick;
        meter = ts;
    }
    const Tick bar = barTicks(meter, plan.ppq);
    const Tick bars = (end - barStart + bar - 1) / bar;
    return std::min(barStart + std::max<Tick>(bars, 1) * bar, Limits::kMaxTick);
}

std::vector<ChordIssue> chordTrackIssues(const Plan& plan)
{
    std::vector<ChordIssue> out;
    const Tick limit = chordTrackLimit(plan);
    for (std::size_t i = 0; i < plan.chords.size(); ++i) {
        const PlanChord& c = plan.chords[i];
        if (c.lengthTicks <= 0)
            out.push_back({i, "length", std::to_string(c.lengthTicks) + " is not above 0"});
        if (i > 0 && c.startTick < plan.chords[i - 1].endTick())
            out.push_back({i, "start",
                           std::to_string(c.startTick) + " is before the end of chord " +
                               std::to_string(i - 1) + " (" +
                               std::to_string(plan.chords[i - 1].endTick()) +
                               "): chords may not overlap"});
        if (c.endTick() > limit)
            out.push_back({i, "length",
                           "the chord ends at " + std::to_string(c.endTick()) +
                               ", after the take (which ends at " + std::to_string(limit) +
                               " with its last bar)"});
        if (c.root < 0 || c.root > 11 || c.bass < -1 || c.bass > 11) {
            out.push_back({i, "root", "root and bass are pitch classes 0..11"});
            continue;
        }
        if (auto symbol = chordSymbolOf(c); !symbol)
            out.push_back({i, "quality", symbol.error().message});
        if (std::any_of(c.tones.begin(), c.tones.end(), [](int t) { return t < 0 || t > 11; }))
            out.push_back({i, "tones", "tones are pitch classes 0..11"});
    }
    return out;
}

} // namespace pianola::model
