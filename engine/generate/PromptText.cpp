// SPDX-License-Identifier: MIT
// Prompt text: words (case kept for key names), numbers in digits or words, note names, seeds.
#include "engine/generate/PromptText.h"

#include "engine/generate/LineReadingsStore.h"
#include "model/Text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>

namespace pianola::engine::generate {

std::string takeStepName(std::string_view step)
{
    constexpr std::size_t kMax = 40;
    std::string out;
    for (const char c : step.substr(0, 4 * kMax)) { // whitespace runs become one space
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0 ||
                           static_cast<unsigned char>(c) < 0x20;
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '.' || out.back() == '!' ||
                            out.back() == ',' || out.back() == ';'))
        out.pop_back();
    if (out.size() > kMax) {
        const std::size_t cut = out.rfind(' ', kMax);
        out = std::string(
                  model::utf8Prefix(out, cut == std::string::npos || cut < kMax / 2 ? kMax : cut)) +
              "...";
    }
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out.empty() ? std::string("Take") : out;
}

std::uint64_t promptSeed(std::string_view prompt)
{
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (unsigned char c : prompt)
        h = (h ^ c) * 0x100000001B3ull;
    return h;
}

std::optional<int> pitchClassFromName(std::string_view name)
{
    static constexpr std::array<int, 7> kLetters = {9, 11, 0, 2, 4, 5, 7}; // a..g
    if (name.empty()) return std::nullopt;
    const char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    if (letter < 'a' || letter > 'g') return std::nullopt;
    int pc = kLetters[static_cast<std::size_t>(letter - 'a')];
    std::string_view rest = name.substr(1);
    if (rest.starts_with("\xE2\x99\xAD")) // ♭
        rest = rest.substr(3), pc += 11;
    else if (rest.starts_with("\xE2\x99\xAF")) // ♯
        rest = rest.substr(3), pc += 1;
    else if (rest == "b" || rest == "flat")
        rest = {}, pc += 11;
    else if (rest == "#" || rest == "sharp")
        rest = {}, pc += 1;
    if (!rest.empty()) return std::nullopt;
    return pc % 12;
}

namespace {
constexpr double kLargestNumber = 1e9;
constexpr double kBeyond = kLargestNumber + 1; // what any larger number reads as
} // namespace

std::string numberText(double value)
{
    if (value >= kBeyond) return "more than 1000000000";
    char buf[32];
    if (value == std::floor(value) && value > -kLargestNumber)
        std::snprintf(buf, sizeof buf, "%.0f", value);
    else
        std::snprintf(buf, sizeof buf, std::abs(value) < 1e6 ? "%g" : "%.10g", value);
    return buf;
}

std::optional<double> parseNumber(const std::vector<std::string>& words, std::size_t i,
                                  std::size_t& used)
{
    used = 0;
    if (i >= words.size()) return std::nullopt;
    const std::string& w = words[i];
    if (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0]))) {
        char* end = nullptr;
        const double v = std::strtod(w.c_str(), &end);
        if (end != w.c_str() + w.size() || !(v >= 0)) return std::nullopt;
        used = 1;
        return std::min(v, kBeyond); // beyond any limit, and safe to convert to int
    }
    static const std::map<std::string, int> kSmall = {
        {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
        {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
        {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
        {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
        {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
        {"seventy", 70}, {"eighty", 80},  {"ninety", 90}};
    double total = 0;
    std::size_t j = i;
    bool any = false, afterTens = false, afterHundred = false;
    while (j < words.size()) {
        const auto it = kSmall.find(words[j]);
        if (it != kSmall.end()) {
            if (any && !afterHundred && !(afterTens && it->second < 10))
                break; // "two three" is two numbers
            total += it->second;
            afterTens = it->second >= 20;
            afterHundred = false;
            any = true;
        } else if (words[j] == "hundred" && (any || (j > i && words[j - 1] == "a")) && total < 10) {
            total = (total == 0 ? 1 : total) * 100;
            any = afterHundred = true;
            afterTens = false;
        } else if (words[j] == "a" && !any && j + 1 < words.size() && words[j + 1] == "hundred") {
        } else if (words[j] == "and" && afterHundred && j + 1 < words.size() &&
                   kSmall.count(words[j + 1])) {
        } else {
            break;
        }
        ++j;
    }
    if (!any) return std::nullopt;
    used = j - i;
    return total;
}

namespace {
bool isUnitWord(std::string_view s)
{
    return s == "bpm" || s == "bar" || s == "bars" || s == "measure" || s == "measures" || s == "%";
}

} // namespace

std::vector<Token> tokenize(std::string_view prompt)
{
    std::string text;
    text.reserve(prompt.size());
    for (std::size_t i = 0; i < prompt.size(); ++i) { // unify dashes and quotes
        // En and em dash (E2 80 93/94) are spaces, a right single quote (E2 80 99) an apostrophe.
        // One byte compared per character, not three string compares (half of the tokenizer's
        // time under the fuzzer).
        const char third = prompt[i] == '\xE2' && i + 2 < prompt.size() && prompt[i + 1] == '\x80'
                               ? prompt[i + 2]
                               : '\0';
        if (third == '\x93' || third == '\x94')
            text += ' ', i += 2;
        else if (third == '\x99')
            text += '\'', i += 2;
        else
            text += prompt[i];
    }
    std::vector<Token> out;
    std::string cur;
    auto flush = [&] {
        while (!cur.empty() && (cur.back() == '.' || cur.back() == '\''))
            cur.pop_back();
        if (cur.empty()) return;
        // "120bpm", "8bars", "60%": split digits from a unit
        std::size_t d = 0;
        while (d < cur.size() &&
               (std::isdigit(static_cast<unsigned char>(cur[d])) || cur[d] == '.'))
            ++d;
        std::string lower;
        for (char c : cur)
            lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (d > 0 && d < cur.size() && isUnitWord(lower.substr(d))) {
            out.push_back({cur.substr(0, d), lower.substr(0, d)});
            out.push_back({cur.substr(d), lower.substr(d)});
        } else {
            out.push_back({cur, lower});
        }
        cur.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool decimalPoint =
            c == '.' && !cur.empty() && std::isdigit(static_cast<unsigned char>(cur.back())) &&
            i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]));
        if (std::isspace(static_cast<unsigned char>(c)) ||
            std::string_view(",;()!?\":-_+*[]{}").find(c) != std::string_view::npos ||
            (c == '.' && !decimalPoint)) {
            flush();
        } else if (c == '%') {
            flush();
            out.push_back({"%", "%"});
        } else {
            cur += c;
        }
    }
    flush();
    return out;
}

namespace {
thread_local LineReadings::Store* tCurrentReadings = nullptr;
}

LineReadings::LineReadings()
{
    if (tCurrentReadings) return;
    m_store = std::make_unique<Store>();
    tCurrentReadings = m_store.get();
}

LineReadings::~LineReadings()
{
    if (m_store) tCurrentReadings = nullptr;
}

LineReadings::Store* LineReadings::current()
{
    return tCurrentReadings;
}

std::vector<std::string> promptWords(std::string_view prompt)
{
    LineReadings::Store* store = LineReadings::current();
    if (store)
        if (const auto* kept = LineReadings::Store::find(store->words, prompt)) return kept->words;
    std::vector<std::string> out;
    for (Token& t : tokenize(prompt))
        out.push_back(std::move(t.lower));
    if (store) LineReadings::Store::keep(store->words, {std::string(prompt), out});
    return out;
}

} // namespace pianola::engine::generate
