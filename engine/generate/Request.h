// SPDX-License-Identifier: MIT
// Internal to the interpreter: what the words asked for, and the brief it becomes.
#pragma once

#include "engine/generate/Brief.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pianola::engine::generate {

struct RoleRequest
{
    Role role;
    int program = -1;
    int octaves = 0;
    bool sub = false;
    bool cello = false;
    bool added = false; ///< said after "with": added to the genre's arrangement
};

// What the words asked for, before the genre's defaults fill in the rest.
struct Request
{
    std::optional<Genre> genre;
    std::optional<Mood> mood;
    std::optional<int> tonic;
    std::optional<Mode> mode;
    std::optional<double> bpm;
    std::optional<int> tempoWord;
    int tempoChange = 0;    ///< "slower", "not too fast": -1; "faster", "not so slow": +1
    int loudnessChange = 0; ///< "quieter", "softer": -1; "louder", "harder": +1
    std::optional<std::pair<int, int>> meter;
    std::optional<double> bars;
    std::optional<double> candidates;
    std::vector<RoleRequest> roles;
    std::vector<Role> removed;
    bool full = false, only = false;
    std::optional<double> density, complexity, humanize, swing;
    bool quantized = false;
    std::optional<int> extension;
    bool sus = false, add9 = false;
    std::optional<Voicing> voicing;
    bool backbeat = false, clap = false, fourOnTheFloor = false, ghost = false, crash = false;
    bool fill = false, triplets = false;
    std::vector<int> fillBars, tripletBars; ///< -1 = the last bar
    int fillEvery = 0, tripletEvery = 0;    ///< "a fill every 4 bars"
    std::optional<BassFollow> follow;
    bool noFills = false, noGhost = false; ///< "no fills", "without ghost notes"
};

struct Interpretation;
/// The words of a prompt as a request (what was said, nothing filled in); `out` receives the
/// understood and unrecognised words. Empty for a prompt over kMaxPromptBytes.
Request readRequest(std::string_view prompt, Interpretation& out);

/// The genre's default brief with everything the request names; every impossible request
/// ("0 bars", "900 bpm") goes to `problems`, said in the user's terms.
Brief briefFromRequest(const Request& request, std::uint64_t seed,
                       std::vector<std::string>& problems);

} // namespace pianola::engine::generate
