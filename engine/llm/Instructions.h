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

} // namespace pianola::engine::llm
