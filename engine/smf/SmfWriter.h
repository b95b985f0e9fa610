// SPDX-License-Identifier: MIT
// Serialises an SmfFile to bytes: correct VLQs and chunk lengths, end-of-track on every track.
#pragma once

#include "engine/smf/Smf.h"

#include <cstdint>
#include <vector>

namespace pianola::engine::smf {

/// Writes `file` as SMF bytes. Events must be sorted by tick within each track. No running
/// status (every reader and device handles explicit status). Each track gets its end-of-track
/// at max(endTick, last event tick). The division is file.ppq (SMPTE is never written).
std::vector<std::uint8_t> writeSmf(const SmfFile& file);

} // namespace pianola::engine::smf
