// SPDX-License-Identifier: MIT
// Plan <-> SMF conversion: lossless for everything the plan models.
#pragma once

#include "engine/smf/Smf.h"
#include "model/Plan.h"
#include "model/Result.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace pianola::engine::smf {

struct ImportResult
{
    model::Plan plan;
    std::vector<Diagnostic> warnings; ///< reader recoveries and import remarks
};

/// Turns a parsed file into a plan: one plan track per (chunk, channel); tempo, meter and key
/// from every chunk; bank select + program at one tick folded into the program; every other
/// meta and sysex kept verbatim; format 2 patterns placed one after another; SMPTE time kept
/// absolute (ppq = ticks per second at 60 bpm).
Result<ImportResult> planFromSmf(const SmfFile& file);
/// The same, freeing each chunk's events once imported (lower peak memory for big files).
Result<ImportResult> planFromSmf(SmfFile&& file);

/// Reads SMF bytes into a plan (readSmf + planFromSmf).
Result<ImportResult> readPlan(std::span<const std::uint8_t> bytes);

struct ExportOptions
{
    int format = 1; ///< 1: conductor track + one track per plan track; 0: everything in one
};

struct ExportResult
{
    SmfFile file;
    std::vector<std::string> warnings;
};

/// Builds the SMF for a plan from the EventRenderer's events (the ones playback uses).
ExportResult smfFromPlan(const model::Plan& plan, const ExportOptions& options = {});

/// smfFromPlan + writeSmf.
std::vector<std::uint8_t> writePlan(const model::Plan& plan, const ExportOptions& options = {},
                                    std::vector<std::string>* warnings = nullptr);

} // namespace pianola::engine::smf
