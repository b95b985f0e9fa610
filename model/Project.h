// SPDX-License-Identifier: MIT
// Takes (a plan with its provenance) and the project (takes, active take, chat history).
#pragma once

#include "model/Plan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pianola::model {

using TakeId = std::uint64_t;

/// Where a take came from. Never holds secrets (API keys stay in the keychain/environment).
struct Provenance
{
    std::string prompt;   ///< the user's words, empty for hand-made takes
    std::string provider; ///< "offline", "openai", "anthropic", "ollama", "import", "user"
    std::string model;    ///< model name as the provider reported it
    std::optional<std::uint64_t> seed;
    std::optional<TakeId> parentTake;
    std::string createdUtc; ///< ISO 8601, e.g. "2026-11-21T22:43:00Z"
    friend bool operator==(const Provenance&, const Provenance&) = default;
};

/// One item of a take's checklist: what the words asked for and what the analysis measured on
/// the take's notes ("tempo", "78 bpm", "78 bpm", pass).
struct Check
{
    std::string name;
    std::string asked;
    std::string measured;
    bool pass = false;
    friend bool operator==(const Check&, const Check&) = default;
};

struct Take
{
    TakeId id = 0;
    std::string name;
    bool starred = false;
    Plan plan;
    Provenance provenance;
    std::vector<Check> checks; ///< the checklist of the words it was made from (may be empty)
    friend bool operator==(const Take&, const Take&) = default;
};

struct ChatMessage
{
    enum class Role { User, Assistant, System };
    /// How the request it answers ended: a reply that failed or was cancelled has no takes and
    /// is shown as such, with what to do next.
    enum class Status { Ok, Failed, Cancelled };
    Role role = Role::User;
    std::string text;
    std::string createdUtc;
    std::vector<TakeId> takes;              ///< takes this message produced
    std::vector<std::string> understood;    ///< what the assistant understood (shown as chips)
    std::vector<std::string> notUnderstood; ///< words of the prompt it could not use
    Status status = Status::Ok;             ///< (last: positional init)
    friend bool operator==(const ChatMessage&, const ChatMessage&) = default;
};

/// A language model's reading of a take's analysis, kept so switching takes does not ask again.
struct Interpretation
{
    TakeId take = 0;
    std::string model;                    ///< the model that wrote it ("gpt-4o-mini")
    std::string text;                     ///< its interpretation, as it said it
    std::vector<std::string> suggestions; ///< its requests the engine can make to the take
    std::string createdUtc;
    friend bool operator==(const Interpretation&, const Interpretation&) = default;
};

struct Project
{
    static constexpr int kFormatVersion = 1;
    std::vector<Take> takes;
    TakeId activeTake = 0; ///< 0 = none
    std::vector<ChatMessage> chat;
    std::vector<Interpretation> interpretations; ///< a cache: set outside the undo history

    Take* findTake(TakeId id);
    const Interpretation* findInterpretation(TakeId take) const;
    /// Replaces the take's interpretation (adds one if it has none).
    void setInterpretation(Interpretation interpretation);
    const Take* findTake(TakeId id) const;
    TakeId nextTakeId() const;
    friend bool operator==(const Project&, const Project&) = default;
};

} // namespace pianola::model
