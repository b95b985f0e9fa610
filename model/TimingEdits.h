// SPDX-License-Identifier: MIT
// Tempo and meter changes of a take as undoable plan edits; notes keep their ticks.
#pragma once

#include "model/Edit.h"

namespace pianola::model {

/// The take's tempo set to `bpm` (clamped to the limits): the tempo at tick 0 becomes `bpm`,
/// later tempo changes keep their ratio to it. Notes keep their ticks (they move in seconds).
PlanEdit tempoEdit(TakeId take, const Plan& plan, double bpm);
/// The meter at tick 0 set to `numerator`/`denominator` (a power of two 1..64); later meter
/// changes stay. Notes keep their ticks; bars are counted in the new meter.
PlanEdit meterEdit(TakeId take, const Plan& plan, int numerator, int denominator);

} // namespace pianola::model
