// SPDX-License-Identifier: MIT
// The three wire formats (OpenAI-compatible Chat Completions, Anthropic Messages, Ollama chat)
// and what they share.
#pragma once

#include "engine/llm/Provider.h"

namespace pianola::engine::llm {

/// OpenAI-compatible Chat Completions: POST {base}/chat/completions, Bearer key,
/// response_format json_schema, SSE ending in [DONE]. Also Ollama's /v1, LM Studio, llama.cpp
/// server, vLLM, OpenRouter.
extern const WireFormat kOpenAiWire;
/// Anthropic Messages: POST {base}/v1/messages, x-api-key + anthropic-version, a forced tool call
/// carrying the schema, SSE events up to message_stop.
extern const WireFormat kAnthropicWire;
/// Ollama's native chat: POST {base}/api/chat with the schema in "format", NDJSON up to
/// "done": true.
extern const WireFormat kOllamaWire;

/// A POST request to the base URL + `path` with a JSON content type.
QNetworkRequest jsonRequest(const ProviderConfig& config, const QString& path);

/// An HTTP error body, read: {"error": {"message", "code"|"type"}} or {"error": "text"}.
HttpError parseErrorBody(const QByteArray& body);

/// [{"role": "system"?, ...}, {"role": "user"|"assistant", "content": text}...] as OpenAI and
/// Ollama take them (Anthropic passes the system text apart: withSystem = false).
QJsonArray chatMessages(const Conversation& conversation, bool withSystem);

/// The JSON object of an SSE "data:" line; empty (and `ok` false) when the line is no data line.
QJsonObject sseData(QByteArrayView line, bool& isData, QByteArray* raw = nullptr);

} // namespace pianola::engine::llm
