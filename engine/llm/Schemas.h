// SPDX-License-Identifier: MIT
// The JSON schemas the LLM replies follow (resources/schemas, compiled in).
#pragma once

#include <QJsonObject>

namespace pianola::engine::llm {

/// brief.schema.json without "$schema"/"$id" (providers reject or ignore those).
QJsonObject briefSchema();
/// plan.schema.json, likewise.
QJsonObject planSchema();

/// What "notes" replies follow: the part of the plan schema a composition needs (ppq, bpm,
/// timeSignature, key, tracks with name, channel, program and notes of key/vel/start/length),
/// everything required, $refs inlined. Every reply of this shape is plan JSON for planFromJson.
QJsonObject notesSchema();

/// `schema` in the form OpenAI's strict structured outputs accept: $refs inlined, every object
/// closed (additionalProperties false) with all its properties required, the optional ones
/// nullable (a null member means "left out": replies go through dropNullMembers()), and the
/// keywords strict mode rejects (default, examples, title, not, oneOf) removed.
QJsonObject strictSchema(const QJsonObject& schema);

} // namespace pianola::engine::llm
