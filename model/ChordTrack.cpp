// SPDX-License-Identifier: MIT
// Checks of a take's chord track against its own rules and the take's length.
#include "model/ChordTrack.h"

#include "model/ChordSymbol.h"

#include <algorithm>

namespace pianola::model {

namespace {
Tick barTicks(const TimeSignature& ts, int ppq)
{
    const Tick bar = static_cast<Tick>(ts.numerator) * ppq * 4 / std::max(1, ts.denominator);
    return std::max<Tick>(bar, 1);
}
} // namespace

Tick chordTrackLimit(const Plan& plan)
{
    const Tick end = plan.lengthTicks();
    Tick barStart = 0;
    TimeSignature meter;
    for (const TimeSignature& ts : plan.timeSignatures) {
        if (ts.tick >= end) break;
        barStart = ts.tick;
        meter = ts;
    }
    const Tick bar = barTicks(meter, plan.ppq);
    const Tick bars = (end - barStart + bar - 1) / bar;
    return std::min(barStart + std::max<Tick>(bars, 1) * bar, Limits::kMaxTick);
}

std::vector<ChordIssue> chordTrackIssues(const Plan& plan)
{
    std::vector<ChordIssue> out;
    const Tick limit = chordTrackLimit(plan);
    for (std::size_t i = 0; i < plan.chords.size(); ++i) {
        const PlanChord& c = plan.chords[i];
        if (c.lengthTicks <= 0)
            out.push_back({i, "length", std::to_string(c.lengthTicks) + " is not above 0"});
        if (i > 0 && c.startTick < plan.chords[i - 1].endTick())
            out.push_back({i, "start",
                           std::to_string(c.startTick) + " is before the end of chord " +
                               std::to_string(i - 1) + " (" +
                               std::to_string(plan.chords[i - 1].endTick()) +
                               "): chords may not overlap"});
        if (c.endTick() > limit)
            out.push_back({i, "length",
                           "the chord ends at " + std::to_string(c.endTick()) +
                               ", after the take (which ends at " + std::to_string(limit) +
                               " with its last bar)",
                           true});
        if (c.root < 0 || c.root > 11 || c.bass < -1 || c.bass > 11) {
            out.push_back({i, "root", "root and bass are pitch classes 0..11"});
            continue;
        }
        if (auto symbol = chordSymbolOf(c); !symbol)
            out.push_back({i, "quality", symbol.error().message});
        if (std::any_of(c.tones.begin(), c.tones.end(), [](int t) { return t < 0 || t > 11; }))
            out.push_back({i, "tones", "tones are pitch classes 0..11"});
    }
    return out;
}

void trimChordTrack(Plan& plan)
{
    const Tick limit = chordTrackLimit(plan);
    std::erase_if(plan.chords, [&](const PlanChord& c) { return c.startTick >= limit; });
    for (PlanChord& c : plan.chords)
        c.lengthTicks = std::min(c.lengthTicks, limit - c.startTick);
}

std::vector<Tick> barStarts(const Plan& plan, Tick end)
{
    std::vector<Tick> out;
    const std::vector<TimeSignature>& meters = plan.timeSignatures;
    std::size_t m = 0;
    TimeSignature meter = meters.empty() ? TimeSignature{} : meters.front();
    for (Tick bar = 0; bar < end && out.size() < 100000;) {
        out.push_back(bar);
        bar += barTicks(meter, plan.ppq);
        while (m + 1 < meters.size() && meters[m + 1].tick <= bar)
            meter = meters[++m];
    }
    return out;
}

namespace {
struct BarText
{
    std::size_t offset; ///< of the bar's text in the whole
    std::string_view text;
};

std::vector<BarText> splitBars(std::string_view text)
{
    std::vector<BarText> bars;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == '|') {
            bars.push_back({start, text.substr(start, i - start)});
            start = i + 1;
        }
    const auto blank = [](const BarText& b) {
        return b.text.find_first_not_of(" \t") == std::string_view::npos;
    };
    if (bars.size() > 1 && blank(bars.back())) bars.pop_back();           // "Am | F |"
    if (bars.size() > 1 && blank(bars.front())) bars.erase(bars.begin()); // "| Am | F"
    return bars;
}

// The symbols of one bar, each with its offset in the whole text.
std::vector<BarText> splitWords(const BarText& bar)
{
    std::vector<BarText> words;
    std::size_t i = 0;
    while (i < bar.text.size()) {
        while (i < bar.text.size() && (bar.text[i] == ' ' || bar.text[i] == '\t'))
            ++i;
        const std::size_t start = i;
        while (i < bar.text.size() && bar.text[i] != ' ' && bar.text[i] != '\t')
            ++i;
        if (i > start) words.push_back({bar.offset + start, bar.text.substr(start, i - start)});
    }
    return words;
}

std::size_t characterOf(std::string_view text, std::size_t offset)
{
    std::size_t n = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    return n;
}

Error barError(std::string_view text, std::size_t bar, std::size_t offset, const std::string& what)
{
    return makeError(Error::Code::ParseError, "bar " + std::to_string(bar + 1) + " (character " +
                                                  std::to_string(characterOf(text, offset)) +
                                                  "): " + what);
}

using BarChords = std::vector<std::vector<ChordSymbol>>;

Result<BarChords> readBars(std::string_view text)
{
    if (text.size() > 64 * 1024)
        return makeError(Error::Code::TooLarge, "more than 64 KiB of chords");
    BarChords out;
    const std::vector<BarText> bars = splitBars(text);
    for (std::size_t b = 0; b < bars.size(); ++b) {
        const std::vector<BarText> words = splitWords(bars[b]);
        if (words.empty()) return barError(text, b, bars[b].offset, "an empty bar");
        out.emplace_back();
        for (const BarText& w : words) {
            auto symbol = parseChordSymbol(w.text);
            if (!symbol) return barError(text, b, w.offset, symbol.error().message);
            out.back().push_back(std::move(*symbol));
        }
    }
    return out;
}
} // namespace

Result<std::vector<PlanChord>> chordsFromBars(std::string_view text, const Plan& plan)
{
    auto bars = readBars(text);
    if (!bars) return bars.error();
    const Tick limit = chordTrackLimit(plan);
    const std::vector<Tick> starts = barStarts(plan, limit);
    std::vector<PlanChord> out;
    for (std::size_t b = 0; b < starts.size(); ++b) {
        const std::vector<ChordSymbol>& bar = (*bars)[b % bars->size()];
        const Tick barEnd = b + 1 < starts.size() ? starts[b + 1] : limit;
        const auto count = static_cast<Tick>(bar.size());
        for (Tick i = 0; i < count; ++i) {
            const Tick start = starts[b] + (barEnd - starts[b]) * i / count;
            const Tick end = starts[b] + (barEnd - starts[b]) * (i + 1) / count;
            const ChordSymbol& symbol = bar[static_cast<std::size_t>(i)];
            if (symbol.noChord || end <= start) continue;
            if (!out.empty() && out.back().endTick() == start && chordSymbolOf(out.back()).ok() &&
                *chordSymbolOf(out.back()) == symbol)
                out.back().lengthTicks += end - start; // "C | C" is one chord
            else
                out.push_back(planChordOf(symbol, start, end - start));
        }
    }
    return out;
}

} // namespace pianola::model
