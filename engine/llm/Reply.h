// SPDX-License-Identifier: MIT
// Untrusted LLM replies in, validated briefs and plans out: JSON extraction from prose or fences,
// schema validation with JSON paths, and the musical sanity limits of "notes" mode.
#pragma once

#include "engine/generate/Brief.h"
#include "model/Plan.h"
#include "model/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace pianola::engine::llm {

/// What a "notes" reply may contain: beyond these the plan is refused, with the reason.
struct ReplyLimits
{
    int maxBars = 256;
    double minBpm = 20;
    double maxBpm = 300;
    std::int64_t maxNotes = 20000;
    int maxTracks = 16;
};

/// The JSON object in a reply: the reply itself, the body of its first ``` fence, or the first
/// balanced {...} in prose. An object cut off before its end is returned as it is (the parser
/// then says where it ends). Error (ParseError) when there is no '{' at all.
Result<std::string> extractJson(std::string_view reply);

/// `json` without the object members whose value is null (strict structured outputs send null
/// for what is left out); unchanged when it is not valid JSON or nests too deep.
std::string dropNullMembers(std::string json);

/// A "brief" mode reply: extracted, nulls dropped, then read by briefFromJson. The error lists
/// every problem with its JSON path, one per line (the text sent back to the model for a
/// correction).
Result<generate::Brief> parseBriefReply(std::string_view reply);

/// A "notes" mode reply: extracted, nulls dropped, read by planFromJson, then checked against
/// `limits` (bars, tempo, note and track counts, no empty result). Errors as for parseBriefReply.
Result<model::Plan> parsePlanReply(std::string_view reply, const ReplyLimits& limits = {});

/// Problems of a valid plan against the limits, one "path: reason" each; empty when sane.
std::vector<std::string> sanityProblems(const model::Plan& plan, const ReplyLimits& limits = {});

/// How many times `"key"` occurs in (partial) plan JSON: the notes received so far.
int countNoteKeys(std::string_view partialJson);
/// What a brief streaming in says so far, from its complete top-level values only:
/// "lo-fi, A minor, 78 bpm, 4 bars, 3/4, mellow" (empty when nothing is complete yet). For the
/// progress line; the reply is validated when it is whole.
std::string briefSoFar(std::string_view partialJson);
/// The first of `problems` (lines "path: reason", as sent back to the model) in the user's
/// words: "the model said 900 bpm", "the model wrote no notes", "the model's reply was not
/// JSON", else "the model's reply had a problem at <path> (<reason>)". For the chat.
std::string problemInWords(std::string_view problems);

} // namespace pianola::engine::llm
