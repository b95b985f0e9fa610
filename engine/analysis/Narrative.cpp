// SPDX-License-Identifier: MIT
// Deterministic prose and suggestions from the analysis features.
#include "engine/analysis/Narrative.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace pianola::engine::analysis {

using model::analysis::Analysis;

namespace {
std::string format(const char* fmt, double a, double b = 0, double c = 0)
{
    char buf[256];
    std::snprintf(buf, sizeof buf, fmt, a, b, c);
    return buf;
}

std::string lengthText(double ms)
{
    const int seconds = static_cast<int>(std::lround(ms / 1000.0));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d:%02d", seconds / 60, seconds % 60);
    return buf;
}

std::string tempoSentence(const Analysis& a)
{
    std::string s = "A " + lengthText(a.durationMs) + " piece in " +
                    std::to_string(a.meterNumerator) + "/" + std::to_string(a.meterDenominator) +
                    format(" at %.0f bpm", a.meanBpm);
    if (a.tempoMap.size() > 1)
        s += format(a.tempoMap.size() == 2 ? " (%.0f tempo change)" : " (%.0f tempo changes)",
                    double(a.tempoMap.size() - 1));
    return s + ", " + std::to_string(a.bars) + (a.bars == 1 ? " bar." : " bars.");
}

std::string densitySentence(const Analysis& a)
{
    const char* busy = a.meanNotesPerBar < 6    ? "sparse"
                       : a.meanNotesPerBar < 20 ? "moderately busy"
                                                : "dense";
    const std::string s = std::string("It is ") + busy +
                          format(" (%.1f notes per bar, %.1f voices on average, up to %.0f)",
                                 a.meanNotesPerBar, a.meanPolyphony, a.maxPolyphony);
    const char* touch = a.legatoRatio > 0.5     ? "mostly legato"
                        : a.staccatoRatio > 0.5 ? "mostly staccato"
                                                : "with mixed articulation";
    return s + ", played " + touch +
           format(", velocities %.0f +/- %.0f.", a.velocityMean, a.velocityStdDev);
}

std::string harmonySentence(const Analysis& a)
{
    if (a.chords.empty()) return "There is no pitched material to analyse harmonically.";
    std::map<std::string, double> time;
    for (const auto& c : a.chords)
        time[model::analysis::chordSymbol({0, 0, c.root, c.quality, c.root})] += c.endS - c.startS;
    std::vector<std::pair<double, std::string>> top;
    for (const auto& [symbol, t] : time)
        top.emplace_back(-t, symbol);
    std::sort(top.begin(), top.end());
    std::string list;
    for (std::size_t i = 0; i < std::min<std::size_t>(4, top.size()); ++i)
        list += (i ? ", " : "") + top[i].second;
    const double secondsPerChord = a.durationMs / 1000.0 / double(a.chords.size());
    return "The key is " + model::analysis::keyName(a.key) +
           format(" (confidence %.2f)", a.key.confidence) +
           (a.keySpans.size() > 1 ? format(a.keySpans.size() == 2 ? " with %.0f key change"
                                                                  : " with %.0f key changes",
                                           double(a.keySpans.size() - 1))
                                  : std::string()) +
           "; the most used chords are " + list +
           format(", changing about every %.1f beats.", secondsPerChord * a.meanBpm / 60.0);
}

std::string feelSentence(const Analysis& a)
{
    const std::string unit = a.swingSubdivision == 16 ? "sixteenths, " : "eighths, ";
    std::string s = a.swingRatio >= 1.4
                        ? "The feel swings (" + unit + format("ratio %.2f)", a.swingRatio)
                    : a.swingRatio >= 1.15
                        ? "The feel is lightly swung (" + unit + format("ratio %.2f)", a.swingRatio)
                        : std::string("The feel is straight");
    s += a.timingDeviationMs < 2
             ? ", quantized"
             : format(", played loosely (%.0f ms off the grid)", a.timingDeviationMs);
    s += std::string(", with a ") +
         (a.grooveConsistency > 0.75  ? "steady"
          : a.grooveConsistency > 0.4 ? "varied"
                                      : "free") +
         " rhythm from bar to bar.";
    if (a.drums.hits == 0) return s + " There are no drums.";
    s += format(" The drums play %.1f hits per bar", a.drums.hitsPerBar);
    for (const std::string& p : a.drums.patterns)
        s += (&p == &a.drums.patterns.front() ? ": " : ", ") + p;
    return s + ".";
}

void addSuggestions(Analysis& a)
{
    auto& out = a.suggestions;
    if (a.noteCount == 0) {
        out.push_back("write an 8-bar chord progression");
        return;
    }
    if (a.drums.hits == 0)
        out.push_back("add a drum groove");
    else if (a.drums.fillBars.empty() && a.bars >= 8)
        out.push_back("add a fill on bar " + std::to_string(a.bars >= 16 ? 16 : 8));
    if (a.meanNotesPerBar < 6)
        out.push_back("make it busier");
    else if (a.swingRatio < 1.15 && a.meanBpm < 130)
        out.push_back("add more swing");
    if (out.size() < 2 && a.timingDeviationMs < 2 && a.velocityStdDev < 6)
        out.push_back("humanize the timing and velocities");
    if (out.size() < 2 && a.meanPolyphony < 1.5) out.push_back("add a chord accompaniment");
    if (out.size() > 2) out.resize(2);
}
} // namespace

void addNarrative(Analysis& a)
{
    a.suggestions.clear();
    if (a.noteCount == 0) {
        a.narrative = "The piece is empty: there are no notes to describe.";
        addSuggestions(a);
        return;
    }
    a.narrative = tempoSentence(a) + " " + densitySentence(a) + " " + harmonySentence(a) + " " +
                  feelSentence(a);
    a.suggestions.clear();
    addSuggestions(a);
}

} // namespace pianola::engine::analysis
