// SPDX-License-Identifier: MIT
// The chord track in a MIDI file: marker events (FF 06) in the conductor track, one per chord.
#pragma once

#include "model/Plan.h"

#include <cstddef>
#include <vector>

namespace pianola::engine::smf {

/// Markers for `plan.chords`: the symbol spelled for the key at the chord's start, and "N.C."
/// where a gap starts and after the last chord (so the track's end survives the file).
std::vector<model::RawEvent> chordMarkers(const model::Plan& plan);

/// Reads the chord track back from `plan.globalEvents`: the markers whose text is a chord symbol
/// become `plan.chords` (each lasting to the next such marker, the last one to the take's last
/// bar line; "N.C." leaves a gap) and leave the global events. Only when one of them is more than
/// a bare letter or is "N.C.", so section markers "A" "B" stay markers. Returns the chord count.
std::size_t chordsFromMarkers(model::Plan& plan);

} // namespace pianola::engine::smf
