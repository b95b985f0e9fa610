// SPDX-License-Identifier: MIT
// A compact text rendering of a take for the LLM's context ("same but darker").
#pragma once

#include "model/Project.h"

#include <cstddef>
#include <string>
#include <vector>

namespace pianola::engine::llm {

/// Notes the user selected: a track index and the ids of its selected notes.
struct TrackSelection
{
    int track = 0;
    std::vector<model::NoteId> notes;
};

/// Tempo, meter, key, ppq, length, then each track ("program P channel C") with its notes as
/// `start:key:len:vel` in ticks, and the selection if any. At most `maxChars` characters: notes
/// beyond that are left out with a line that says how many.
std::string describeTake(const model::Take& take, const std::vector<TrackSelection>& selection = {},
                         std::size_t maxChars = 12000);

} // namespace pianola::engine::llm
