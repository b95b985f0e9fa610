// SPDX-License-Identifier: MIT
// Reads Standard MIDI Files (format 0, 1, 2; SMPTE; RIFF RMID) with recovery and clear errors.
#pragma once

#include "engine/smf/Smf.h"
#include "model/Result.h"

#include <cstdint>
#include <span>
#include <vector>

namespace pianola::engine::smf {

/// Parses a whole SMF into tracks of events. Recovers where the intent is unambiguous (each
/// recovery is a warning with its byte offset); otherwise an Error naming the byte offset.
Result<SmfFile> readSmf(std::span<const std::uint8_t> bytes);

struct NoteReadResult
{
    int format = 1;
    int ppq = 480;
    int trackCount = 0;
    std::vector<PairedNote> notes; ///< in note-on order, track by track
    std::vector<Diagnostic> warnings;
};

/// The fast path: notes only, paired while parsing, no event storage. Same rules as readSmf.
Result<NoteReadResult> readSmfNotes(std::span<const std::uint8_t> bytes);

/// Pairs the notes of a parsed file (same rules as readSmfNotes). Notes still sounding at the
/// end of a track end there, with a warning appended to `warnings`.
std::vector<PairedNote> pairNotes(const SmfFile& file, std::vector<Diagnostic>& warnings);

} // namespace pianola::engine::smf
