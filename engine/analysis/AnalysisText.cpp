// SPDX-License-Identifier: MIT
// An analysis as a readable report.
#include "engine/analysis/AnalysisReport.h"

#include <cmath>
#include <cstdarg>
#include <cstdio>

namespace pianola::engine::analysis {

using namespace model::analysis;

namespace {
class Lines
{
public:
    [[gnu::format(printf, 2, 3)]] void add(const char* fmt, ...)
    {
        char buf[1024];
        va_list args;
        va_start(args, fmt);
        std::vsnprintf(buf, sizeof buf, fmt, args);
        va_end(args);
        m_text += buf;
    }
    std::string take() { return std::move(m_text); }

private:
    std::string m_text;
};

std::string clock(double seconds)
{
    char buf[32];
    const long long cs = std::llround(std::max(0.0, seconds) * 100);
    std::snprintf(buf, sizeof buf, "%lld:%02lld.%02lld", cs / 6000, cs / 100 % 60, cs % 100);
    return buf;
}

void harmony(const Analysis& a, Lines& out)
{
    out.add("  key          %s (confidence %.2f)", keyName(a.key).c_str(), a.key.confidence);
    for (const Key& k : a.keyRunnerUps)
        out.add("%s %s %.2f", &k == &a.keyRunnerUps.front() ? "; then" : ",", keyName(k).c_str(),
                k.confidence);
    out.add("\n");
    if (a.keySpans.size() > 1)
        for (const KeySpan& s : a.keySpans)
            out.add("  key from     %s  %s\n", clock(s.startS).c_str(), keyName(s.key).c_str());
    out.add("  chords       %zu", a.chords.size());
    for (std::size_t i = 0; i < a.chords.size(); ++i)
        out.add("%s%s %s", i % 6 ? "   " : "\n    ", clock(a.chords[i].startS).c_str(),
                chordSymbol(a.chords[i]).c_str());
    out.add("\n");
}

void texture(const Analysis& a, Lines& out)
{
    out.add("  density      %.1f notes per bar, polyphony %.1f (max %d)\n", a.meanNotesPerBar,
            a.meanPolyphony, a.maxPolyphony);
    out.add("  articulation staccato %.0f%%, legato %.0f%%\n", a.staccatoRatio * 100,
            a.legatoRatio * 100);
    out.add("  pitch classes");
    for (int pc = 0; pc < 12; ++pc)
        out.add(" %s %.0f%%", pitchClassName(pc), a.pitchClasses[pc] * 100);
    out.add("\n  velocity     %d..%d, mean %.1f, sd %.1f\n", a.velocityMin, a.velocityMax,
            a.velocityMean, a.velocityStdDev);
    out.add("  feel         swing %.2f (%dths; 8ths %.2f, 16ths %.2f), %.1f ms off the grid, "
            "groove consistency %.2f\n",
            a.swingRatio, a.swingSubdivision, a.swingRatio8, a.swingRatio16, a.timingDeviationMs,
            a.grooveConsistency);
}

void parts(const Analysis& a, Lines& out)
{
    for (const TrackSummary& t : a.tracks)
        out.add("  track        %-16s ch %2d, program %3d, %lld notes, keys %d..%d\n",
                t.name.c_str(), t.channel + 1, t.program, static_cast<long long>(t.notes),
                t.lowestKey, t.highestKey);
    for (const ChannelTiming& c : a.channelTiming)
        out.add("  onsets       ch %2d: %lld, inter-onset mean %.0f ms, median %.0f ms\n",
                c.channel + 1, static_cast<long long>(c.onsets), c.meanIoiMs, c.medianIoiMs);
    for (const ControllerUse& c : a.controllers)
        out.add("  controller   ch %2d CC %3d: %lld events, %d..%d, travel %lld\n", c.channel + 1,
                c.controller, static_cast<long long>(c.events), c.minValue, c.maxValue,
                static_cast<long long>(c.travel));
    for (const PitchBendUse& p : a.pitchBends)
        out.add("  pitch bend   ch %2d: %lld events, %d..%d\n", p.channel + 1,
                static_cast<long long>(p.events), p.minValue, p.maxValue);
    if (a.drums.hits == 0) return;
    out.add("  drums        %.1f hits per bar:", a.drums.hitsPerBar);
    for (const DrumPiece& p : a.drums.pieces)
        out.add(" %s %.1f%s", p.name.c_str(), p.hitsPerBar,
                &p == &a.drums.pieces.back() ? "" : ",");
    for (const std::string& p : a.drums.patterns)
        out.add("; %s", p.c_str());
    out.add("\n");
}
} // namespace

std::string analysisToText(const Analysis& a, const std::string& file)
{
    Lines out;
    out.add("%s\n", file.c_str());
    out.add("  duration     %s (%.1f ms), %d bar%s of %d/%d, %.1f bpm",
            clock(a.durationMs / 1000).c_str(), a.durationMs, a.bars, a.bars == 1 ? "" : "s",
            a.meterNumerator, a.meterDenominator, a.meanBpm);
    if (a.tempoMap.size() > 1)
        out.add(" (%zu tempo change%s)", a.tempoMap.size() - 1, a.tempoMap.size() == 2 ? "" : "s");
    out.add("\n  notes        %lld, average %.0f ms\n", static_cast<long long>(a.noteCount),
            a.averageNoteMs);
    harmony(a, out);
    texture(a, out);
    parts(a, out);
    out.add("  narrative    %s\n", a.narrative.c_str());
    for (const std::string& s : a.suggestions)
        out.add("  suggestion   %s\n", s.c_str());
    return out.take();
}

} // namespace pianola::engine::analysis
