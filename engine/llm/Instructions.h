// SPDX-License-Identifier: MIT
// What Pianola tells the model: instructions per mode, the take as context, correction requests.
#pragma once

#include "engine/llm/Provider.h"
#include "engine/llm/Session.h"

#include <string>

namespace pianola::engine::llm {

/// The system text, the user's prompt (with the parent take and selection when given) and the
/// schema of the request's mode.
Conversation initialConversation(const GenerationRequest& request);

/// The follow-up user message asking for a corrected reply: the problems verbatim, one per line
/// with their JSON paths.
QString correctionMessage(const std::string& problems);

/// The follow-up user message for a valid reply whose music fails checks of the request:
/// `failed` names each check with what was asked and what Pianola measured on the notes
/// ("key: asked A minor, measured C major; ..."). `brief`: the notes were made from a brief.
QString checkRepairMessage(const std::string& failed, bool brief);

} // namespace pianola::engine::llm
