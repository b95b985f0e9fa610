// SPDX-License-Identifier: MIT
// Plan -> sorted timed MIDI channel events: the one source for playback and SMF export.
#pragma once

#include "model/Plan.h"

#include <cstdint>
#include <vector>

namespace pianola::engine {

using model::Tick;

/// A channel message at a tick. `order` ranks events that share a tick (see EventOrder).
struct TimedEvent
{
    Tick tick = 0;
    std::uint8_t status = 0; ///< 0x80..0xEF with the track's channel
    std::uint8_t data1 = 0;
    std::uint8_t data2 = 0;
    std::uint8_t order = 0;
    friend bool operator==(const TimedEvent&, const TimedEvent&) = default;
};

/// At one tick: note-offs first (a note ending where the next begins never cuts it), then each
/// program change with its bank select (MSB, LSB, program: one group per change, in list order,
/// so a reader gives every change its own banks), controllers and pitch bend, then note-ons,
/// then poly pressure (which needs its note sounding).
enum EventOrder : std::uint8_t {
    kOrderNoteOff = 1,
    kOrderProgram = 4,
    kOrderControl = 5,
    kOrderNoteOn = 6,
    kOrderPolyPressure = 7,
};

struct RenderedTrack
{
    std::vector<TimedEvent> events; ///< sorted by (tick, order), stable
    /// Notes whose end was moved to the start of a later same-key note that ends first: a
    /// first-in-first-out reader (every SMF reader, every synth) could not tell them apart.
    std::int64_t trimmedNotes = 0;
};

/// Renders one track: initial bank/program at tick 0, then every event of the track, and a
/// note-off for every note-on.
RenderedTrack renderTrack(const model::Track& track);

} // namespace pianola::engine
