// SPDX-License-Identifier: MIT
// The chord track's chat lines, read by words.
#include "engine/generate/ChordRequest.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

namespace pianola::engine::generate {

namespace {
std::vector<std::string> words(std::string_view line)
{
    std::string text(line.substr(0, std::min<std::size_t>(line.size(), 2000)));
    for (char& c : text)
        c = std::isalnum(static_cast<unsigned char>(c)) || c == '#'
                ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                : ' ';
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

bool has(const std::vector<std::string>& w, std::string_view word)
{
    return std::find(w.begin(), w.end(), word) != w.end();
}

bool hasPrefix(const std::vector<std::string>& w, std::string_view prefix)
{
    return std::any_of(w.begin(), w.end(),
                       [&](const std::string& s) { return s.rfind(prefix, 0) == 0; });
}

// "sus", "minor", "dominant"... as a suffix; nothing for a word that names no quality.
std::optional<std::string> qualityOf(const std::string& word)
{
    static const std::pair<const char*, const char*> kQualities[] = {
        {"sus", "sus4"},       {"sus4", "sus4"},      {"sus2", "sus2"},
        {"suspended", "sus4"}, {"minor", "m"},        {"major", ""},
        {"dominant", "7"},     {"seventh", "7"},      {"7", "7"},
        {"maj7", "maj7"},      {"m7", "m7"},          {"min7", "m7"},
        {"dim", "dim"},        {"diminished", "dim"}, {"aug", "aug"},
        {"augmented", "aug"},  {"add9", "add9"},      {"9", "9"},
        {"power", "5"}};
    for (const auto& [name, suffix] : kQualities)
        if (word == name) return std::string(suffix);
    return std::nullopt;
}

// "chords for this melody", "chords under my melody".
bool chordsForMelody(const std::vector<std::string>& w)
{
    for (std::size_t i = 0; i + 2 < w.size(); ++i)
        if ((w[i] == "chords" || w[i] == "harmony") && (w[i + 1] == "for" || w[i + 1] == "under"))
            for (std::size_t j = i + 2; j < w.size() && j < i + 5; ++j)
                if (w[j] == "melody" || w[j] == "tune") return true;
    return false;
}

std::optional<ChordRequest> changeBar(const std::vector<std::string>& w)
{
    if (!has(w, "make") && !has(w, "turn") && !has(w, "change") && !has(w, "use"))
        return std::nullopt;
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
        if (w[i] != "bar" || w[i + 1].empty() ||
            !std::all_of(w[i + 1].begin(), w[i + 1].end(), ::isdigit) || w[i + 1].size() > 4)
            continue;
        for (std::size_t j = i + 2; j < w.size(); ++j)
            if (auto q = qualityOf(w[j]);
                q && (!std::isdigit(static_cast<unsigned char>(w[j][0])) ||
                      (j + 1 < w.size() && w[j + 1] == "chord")))
                return ChordRequest{ChordRequest::Kind::ChangeBar, std::stoi(w[i + 1]), *q};
    }
    return std::nullopt;
}
} // namespace

std::string ChordRequest::chip() const
{
    switch (kind) {
    case Kind::Refit:
        return "chords: the following parts refit to the chord track";
    case Kind::Harmonize:
        return "chords: harmonize the melody";
    case Kind::Detect:
        return "chords: detect the chord track";
    case Kind::ChangeBar:
        return "chords: bar " + std::to_string(bar) + " " + (quality.empty() ? "major" : quality);
    }
    return {};
}

std::optional<ChordRequest> readChordRequest(std::string_view line)
{
    const auto w = words(line);
    const bool chords = has(w, "chords") || has(w, "chord") || has(w, "harmony");
    if (hasPrefix(w, "harmoniz") || hasPrefix(w, "harmonis") || chordsForMelody(w))
        return ChordRequest{ChordRequest::Kind::Harmonize, 0, {}};
    if (chords && (has(w, "detect") || has(w, "recognize") || has(w, "recognise") ||
                   has(w, "find") || has(w, "analyze")))
        return ChordRequest{ChordRequest::Kind::Detect, 0, {}};
    if (chords && (has(w, "follow") || has(w, "refit") || has(w, "fit")))
        return ChordRequest{ChordRequest::Kind::Refit, 0, {}};
    return changeBar(w);
}

} // namespace pianola::engine::generate
