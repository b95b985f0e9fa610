// SPDX-License-Identifier: MIT
// Checking a model's interpretation against the analysis facts: drums, key, tempo, meter.
#include "engine/analysis/Contradictions.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>

namespace pianola::engine::analysis {

namespace {
using model::analysis::Analysis;

std::string lower(std::string_view text)
{
    std::string s(text.substr(0, 4096));
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool containsAny(const std::string& s, std::initializer_list<const char*> words)
{
    return std::any_of(words.begin(), words.end(),
                       [&s](const char* w) { return s.find(w) != std::string::npos; });
}

using Kind = Contradiction::Kind;

Contradiction flag(Kind kind, std::string words = {})
{
    Contradiction c;
    c.kind = kind;
    c.said = std::move(words);
    return c;
}

void checkDrums(const std::string& s, const Analysis& a, std::vector<Contradiction>& out)
{
    const bool denies = containsAny(
        s, {"no drums", "without drums", "no percussion", "drumless", "without percussion"});
    const bool names = containsAny(
        s, {"drum", "kick", "snare", "hi-hat", "hihat", "backbeat", "percussion", "cymbal"});
    if (a.drums.hits == 0 && names && !denies) {
        out.push_back(flag(Kind::DrumsNamed));
    } else if (a.drums.hits > 0 && denies) {
        Contradiction c = flag(Kind::DrumsDenied);
        c.drumHits = a.drums.hits;
        out.push_back(c);
    }
}

int pitchClassOf(const std::string& name)
{
    static const char* names[] = {"c", "c#", "d", "eb", "e", "f", "f#", "g", "ab", "a", "bb", "b"};
    static const char* sharps[] = {"", "", "d#", "", "fb", "e#", "gb", "", "g#", "", "a#", "cb"};
    for (int pc = 0; pc < 12; ++pc)
        if (name == names[pc] || name == sharps[pc]) return pc;
    return -1;
}

void checkKey(std::string_view original, const Analysis& a, std::vector<Contradiction>& out)
{
    if (a.noteCount == 0) return;
    std::string s(original.substr(0, 4096));
    for (const auto& [from, to] : {std::pair{"\u266F", "#"}, std::pair{"\u266D", "b"}}) // ♯ ♭
        for (std::size_t at; (at = s.find(from)) != std::string::npos;)
            s.replace(at, std::string_view(from).size(), to);
    static const std::regex key(R"(\b([A-G])([#b]?)[ -]([Mm]ajor|[Mm]inor)\b)");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), key); it != std::sregex_iterator();
         ++it) {
        const std::string name = lower((*it)[1].str() + (*it)[2].str());
        const int pc = pitchClassOf(name);
        const bool minor = lower((*it)[3].str()) == "minor";
        const auto same = [&](const model::analysis::Key& k) {
            return k.tonic == pc && k.minor == minor;
        };
        if (pc < 0 || same(a.key) ||
            std::any_of(a.keySpans.begin(), a.keySpans.end(),
                        [&](const auto& span) { return same(span.key); }))
            continue;
        Contradiction c = flag(Kind::Key, it->str());
        c.key = a.key;
        out.push_back(c);
        return;
    }
}

void checkTempo(const std::string& s, const Analysis& a, std::vector<Contradiction>& out)
{
    if (a.noteCount == 0) return;
    static const std::regex bpm(R"((\d{2,3}(?:\.\d+)?)\s*(?:bpm|beats per minute))");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), bpm); it != std::sregex_iterator();
         ++it) {
        const double said = std::stod((*it)[1].str());
        const auto near = [said](double measured) {
            return std::abs(said - measured) <= 0.05 * measured;
        };
        if (near(a.meanBpm) || std::any_of(a.tempoMap.begin(), a.tempoMap.end(),
                                           [&](const auto& t) { return near(t.bpm); }))
            continue;
        Contradiction c = flag(Kind::Tempo, (*it)[1].str());
        c.bpm = a.meanBpm;
        out.push_back(c);
        return;
    }
}

void checkMeter(const std::string& s, const Analysis& a, std::vector<Contradiction>& out)
{
    static const std::regex meter(R"((?:^|[^\d/])(2|3|4|5|6|7|9|12)/(2|4|8|16)(?:$|[^\d/]))");
    std::smatch m;
    if (!std::regex_search(s, m, meter)) return;
    const int num = std::stoi(m[1].str()), den = std::stoi(m[2].str());
    if (num == a.meterNumerator && den == a.meterDenominator) return;
    Contradiction c = flag(Kind::Meter, m[1].str() + "/" + m[2].str());
    c.meterNumerator = a.meterNumerator;
    c.meterDenominator = a.meterDenominator;
    out.push_back(c);
}
} // namespace

std::vector<Contradiction> contradictions(std::string_view text, const Analysis& facts)
{
    const std::string s = lower(text);
    std::vector<Contradiction> out;
    checkDrums(s, facts, out);
    checkKey(text, facts, out);
    checkTempo(s, facts, out);
    checkMeter(s, facts, out);
    return out;
}

} // namespace pianola::engine::analysis
