// SPDX-License-Identifier: MIT
// Tempo and meter edits.
#include "model/TimingEdits.h"

#include <algorithm>

namespace pianola::model {

PlanEdit tempoEdit(TakeId take, const Plan& plan, double bpm)
{
    PlanEdit edit{take, plan, plan};
    std::vector<TempoChange>& tempos = edit.after.tempos;
    if (tempos.empty() || tempos.front().tick != 0) tempos.insert(tempos.begin(), TempoChange{});
    const double ratio = std::clamp(bpm, Limits::kMinBpm, Limits::kMaxBpm) / tempos.front().bpm;
    for (TempoChange& t : tempos)
        t.bpm = std::clamp(t.bpm * ratio, Limits::kMinBpm, Limits::kMaxBpm);
    return edit;
}

PlanEdit meterEdit(TakeId take, const Plan& plan, int numerator, int denominator)
{
    PlanEdit edit{take, plan, plan};
    std::vector<TimeSignature>& meters = edit.after.timeSignatures;
    if (meters.empty() || meters.front().tick != 0) meters.insert(meters.begin(), TimeSignature{});
    TimeSignature& first = meters.front();
    first.numerator = std::clamp(numerator, 1, 64);
    first.denominator = std::clamp(denominator, 1, 64);
    // A click per beat: a quarter is 24 MIDI clocks, an eighth 12 (a dotted quarter in 6/8: 36).
    const bool compound = first.denominator == 8 && first.numerator % 3 == 0 && first.numerator > 3;
    first.clocksPerClick = 96 / first.denominator * (compound ? 3 : 1);
    return edit;
}

} // namespace pianola::model
