// SPDX-License-Identifier: MIT
// The JSON schemas the LLM replies follow (resources/schemas, compiled in).
#pragma once

#include <QJsonObject>

namespace pianola::engine::llm {

/// brief.schema.json without "$schema"/"$id" (providers reject or ignore those).
QJsonObject briefSchema();
/// plan.schema.json, likewise.
QJsonObject planSchema();

} // namespace pianola::engine::llm
