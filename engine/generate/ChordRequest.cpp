// SPDX-License-Identifier: MIT
// The chord track's chat lines, read by words.
#include "engine/generate/ChordRequest.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

namespace pianola::engine::generate {

namespace {
ChordRequest requestOf(ChordRequest::Kind kind, int bar = 0, std::string quality = {})
{
    ChordRequest request;
    request.kind = kind;
    request.bar = bar;
    request.quality = std::move(quality);
    return request;
}

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

bool isNumber(const std::string& w)
{
    return !w.empty() && w.size() <= 4 && std::all_of(w.begin(), w.end(), ::isdigit);
}

// "bars 3-4", "bar 3 to 4", "measures 3 through 4", "bar 3": the first and last bar, or 0.
std::pair<int, int> barRange(const std::vector<std::string>& w)
{
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
        if (w[i] != "bar" && w[i] != "bars" && w[i] != "measure" && w[i] != "measures") continue;
        if (!isNumber(w[i + 1])) continue;
        const int first = std::stoi(w[i + 1]);
        std::size_t j = i + 2;
        if (j < w.size() && (w[j] == "to" || w[j] == "through" || w[j] == "thru" || w[j] == "and" ||
                             w[j] == "until"))
            ++j;
        const int last = j < w.size() && isNumber(w[j]) ? std::stoi(w[j]) : first;
        return {first, std::max(first, last)};
    }
    return {0, 0};
}

// A chord symbol as typed in a sentence ("g,", "bb", "(Am7)", "g/b"): roots upper-case.
std::optional<model::ChordSymbol> symbolWord(std::string word)
{
    while (!word.empty() && std::string_view("\"'(").find(word.front()) != std::string_view::npos)
        word.erase(word.begin());
    while (!word.empty() &&
           std::string_view("\"'),.;:!?").find(word.back()) != std::string_view::npos)
        word.pop_back();
    for (std::size_t i = 0; i < word.size(); ++i)
        if (i == 0 || word[i - 1] == '/')
            word[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[i])));
    auto symbol = model::parseChordSymbol(word);
    if (!symbol || symbol->noChord) return std::nullopt;
    return *symbol;
}

// "between C and G" in the line as written (symbols keep their case and slashes).
void readBetween(std::string_view line, ChordRequest& request)
{
    std::istringstream in(std::string(line.substr(0, std::min<std::size_t>(line.size(), 2000))));
    std::vector<std::string> tokens;
    for (std::string t; in >> t;)
        tokens.push_back(t);
    for (std::size_t i = 0; i + 3 < tokens.size(); ++i) {
        std::string lower = tokens[i];
        for (char& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower != "between") continue;
        auto before = symbolWord(tokens[i + 1]), after = symbolWord(tokens[i + 3]);
        if (before && after) request.before = before, request.after = after;
        return;
    }
}

// "suggest chords for bars 3-4 between C and G", "fill bars 3 to 4".
std::optional<ChordRequest> fillGap(std::string_view line, const std::vector<std::string>& w,
                                    bool chords)
{
    const auto [first, last] = barRange(w);
    if (first < 1) return std::nullopt;
    bool fillBars = false; // "fill bars 3 to 4": a drum fill names its drums
    for (std::size_t i = 0; i + 1 < w.size(); ++i)
        fillBars =
            fillBars ||
            (w[i] == "fill" && (w[i + 1] == "bar" || w[i + 1] == "bars" || w[i + 1] == "measures"));
    const bool drums = has(w, "drum") || has(w, "drums") || has(w, "beat") || has(w, "percussion");
    const bool asks = has(w, "suggest") || has(w, "propose") || has(w, "recommend") ||
                      has(w, "between") || has(w, "ideas") || has(w, "options") ||
                      has(w, "alternatives");
    if (drums || !((chords && asks) || fillBars)) return std::nullopt;
    ChordRequest request = requestOf(ChordRequest::Kind::FillGap, first);
    request.lastBar = last;
    readBetween(line, request);
    return request;
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
                return requestOf(ChordRequest::Kind::ChangeBar, std::stoi(w[i + 1]), *q);
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
    case Kind::FillGap: {
        std::string text = "chords: suggest for bar" + std::string(lastBar > bar ? "s " : " ") +
                           std::to_string(bar);
        if (lastBar > bar) text += "-" + std::to_string(lastBar);
        if (before && after)
            text += " between " + model::chordSymbolText(*before) + " and " +
                    model::chordSymbolText(*after);
        return text;
    }
    }
    return {};
}

std::optional<ChordRequest> readChordRequest(std::string_view line)
{
    const auto w = words(line);
    const bool chords = has(w, "chords") || has(w, "chord") || has(w, "harmony");
    if (hasPrefix(w, "harmoniz") || hasPrefix(w, "harmonis") || chordsForMelody(w))
        return requestOf(ChordRequest::Kind::Harmonize);
    if (auto gap = fillGap(line, w, chords)) return gap;
    if (chords && (has(w, "detect") || has(w, "recognize") || has(w, "recognise") ||
                   has(w, "find") || has(w, "analyze")))
        return requestOf(ChordRequest::Kind::Detect);
    if (chords && (has(w, "follow") || has(w, "refit") || has(w, "fit")))
        return requestOf(ChordRequest::Kind::Refit);
    return changeBar(w);
}

} // namespace pianola::engine::generate
