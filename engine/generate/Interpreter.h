// SPDX-License-Identifier: MIT
// The offline prompt interpreter: free English in, a Brief out, with a report of what it
// understood.
#pragma once

#include "engine/generate/Brief.h"
#include "engine/generate/PromptText.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pianola::engine::generate {

/// What the words named (everything else in the brief is the genre's default), so the
/// checklist checks what was asked and nothing more; the values are the brief's.
struct Named
{
    bool key = false, mode = false, tempo = false, meter = false, bars = false;
    bool swing = false, humanize = false, quantize = false, extension = false;
    bool soft = false, loud = false, full = false;
    bool backbeat = false, fourOnTheFloor = false, bassRoots = false, bassKick = false;
    int tempoChange = 0;    ///< a tempo word compared ("slower" -1, "faster" +1), no bpm named
    int loudnessChange = 0; ///< a loudness word compared ("softer" -1, "louder" +1)
    std::vector<Role> roles, removed; ///< instruments named, and "without ..."
    friend bool operator==(const Named&, const Named&) = default;
};

struct Interpretation
{
    Brief brief;
    std::vector<std::string> understood;   ///< "key: A minor (\"Am\")", one per thing recognised
    std::vector<std::string> unrecognised; ///< the words it could not place, in prompt order
    std::vector<std::string> problems;     ///< impossible requests ("0 bars: ..."); empty = ok
    std::vector<std::string> notMidi;      ///< sound design MIDI cannot carry ("vinyl crackle")
    bool candidatesNamed = false;          ///< the prompt said how many takes ("3 versions")
    Named named;                           ///< what the words named
    bool ok() const { return problems.empty(); }
    /// What was understood, what was not, and the brief that results, for the user to read.
    std::string explain() const;
};

/// Longest prompt read (bytes); a longer one is a problem, not a brief.
inline constexpr std::size_t kMaxPromptBytes = 4096;

/// Reads a prompt such as "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths".
/// Anything not named comes from the genre's defaults. Without `seed` the seed is a hash of the
/// prompt, so the same words give the same music. Pure and thread-safe.
Interpretation interpret(std::string_view prompt, std::optional<std::uint64_t> seed = std::nullopt);

} // namespace pianola::engine::generate
