// SPDX-License-Identifier: MIT
// The checklist: what the words asked for against what the analysis measures on the notes.
#include "engine/analysis/Checklist.h"

#include "engine/analysis/Analyzer.h"
#include "engine/analysis/CheckMeasures.h"
#include "engine/analysis/Features.h"
#include "engine/analysis/Feel.h"
#include "model/GeneralMidi.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

namespace pianola::engine::analysis {

using model::Check;
using model::analysis::Analysis;

namespace {
template <typename... Args> std::string format(const char* f, Args... args)
{
    char buf[256];
    std::snprintf(buf, sizeof buf, f, args...);
    return buf;
}

std::string percent(double share)
{
    return format("%.0f%%", share * 100.0);
}

// The timeline and the analysis are made when a check first needs them: a checklist of what a
// part's words asked ("add a flute melody") often needs neither, and on a 128-bar take the
// analysis is most of the time a candidate costs.
struct Context
{
    const model::Plan& plan;
    const Asked& asked;
    std::vector<Check> out;
    std::optional<Timeline> madeTimeline;
    std::optional<Analysis> madeAnalysis;
    std::optional<Analysis> madeTiming;
    bool feelAdded = false; ///< madeTiming has the feel too

    const Timeline& timeline()
    {
        if (!madeTimeline) madeTimeline.emplace(plan);
        return *madeTimeline;
    }
    const Analysis& analysis()
    {
        if (!madeAnalysis) madeAnalysis = analyzePlan(plan);
        return *madeAnalysis;
    }
    /// Tempo, meter and bars only (the analysis's own addTiming): what those checks need,
    /// without the chords and key that are most of an analysis's time.
    const Analysis& timing()
    {
        if (madeAnalysis) return *madeAnalysis;
        if (!madeTiming) addTiming(plan, timeline(), madeTiming.emplace());
        return *madeTiming;
    }
    /// The timing and the feel (swing, timing spread: the analysis's own addFeel, which reads
    /// only the notes' onsets): what the swing and humanize checks need, without the chords.
    const Analysis& feel()
    {
        if (madeAnalysis) return *madeAnalysis;
        timing();
        if (!feelAdded) addFeel(timeline(), *madeTiming);
        feelAdded = true;
        return *madeTiming;
    }

    void add(std::string name, std::string askedText, std::string measured, bool pass)
    {
        out.push_back({std::move(name), std::move(askedText), std::move(measured), pass});
    }
};

void checkBasics(Context& c)
{
    const Asked& q = c.asked;
    if (!q.bpm && !q.tempoChange && !q.meter && !q.bars && !q.minor)
        return; // (a tonic comes with its mode)
    const Analysis& a = q.minor ? c.analysis() : c.timing();
    if (q.bpm)
        c.add("tempo", format("%.0f bpm", *q.bpm), format("%.0f bpm", a.meanBpm),
              std::abs(a.meanBpm - *q.bpm) <= std::max(1.0, *q.bpm * 0.01));
    if (q.tempoChange && q.parent) {
        Analysis before;
        addTiming(*q.parent, Timeline(*q.parent), before);
        c.add("tempo",
              format(q.tempoChange < 0 ? "slower than %.0f bpm" : "faster than %.0f bpm",
                     before.meanBpm),
              format("%.0f bpm", a.meanBpm),
              q.tempoChange < 0 ? a.meanBpm < before.meanBpm - 0.5
                                : a.meanBpm > before.meanBpm + 0.5);
    }
    if (q.meter)
        c.add("meter", format("%d/%d", q.meter->first, q.meter->second),
              format("%d/%d", a.meterNumerator, a.meterDenominator),
              a.meterNumerator == q.meter->first && a.meterDenominator == q.meter->second);
    if (q.bars) c.add("bars", std::to_string(*q.bars), std::to_string(a.bars), a.bars == *q.bars);
    if (q.tonic && q.minor) {
        const model::analysis::Key want{*q.tonic, *q.minor, 0.0};
        c.add("key", model::analysis::keyName(want), model::analysis::keyName(a.key),
              a.key.tonic == want.tonic && a.key.minor == want.minor);
    } else if (q.minor) {
        c.add("mode", *q.minor ? "minor" : "major", a.key.minor ? "minor" : "major",
              a.key.minor == *q.minor);
    }
}

void checkParts(Context& c)
{
    for (const AskedPart& part : c.asked.parts) {
        const model::Track* found = nullptr;
        for (const model::Track& t : c.plan.tracks)
            if (!t.notes.empty() && measure::roleOf(t) == part.role &&
                (!found || (part.program >= 0 && t.program == part.program)))
                found = &t;
        std::string askedText = part.absent ? "none" : part.role;
        if (part.program >= 0 && !part.absent && part.role != "drums")
            askedText = model::gm::programName(part.program);
        std::string measured = "none";
        if (found)
            measured = (part.role == "drums" ? std::string("drums")
                                             : model::gm::programName(found->program)) +
                       format(", %zu notes", found->notes.size());
        const bool pass = part.absent ? !found
                                      : found && (part.program < 0 || part.role == "drums" ||
                                                  found->program == part.program);
        c.add(part.role, askedText, measured, pass);
    }
}

void checkChords(Context& c)
{
    if (!c.asked.extension) return;
    const measure::ChordShares s = measure::chordShares(c.plan, c.timeline(), c.analysis().chords);
    const int ext = *c.asked.extension;
    const std::string name = "chord qualities";
    if (ext == 0)
        c.add(name, "triads", percent(s.triads) + " of chord time triads", s.triads >= 0.5);
    else if (ext == 7)
        c.add(name, "7th chords", percent(s.sevenths) + " of chord time with a 7th",
              s.sevenths >= 0.5);
    else
        c.add(name, std::to_string(ext) + "th chords",
              percent(s.ninths) + " of chord time with a 9th, " + percent(s.sevenths) +
                  " with a 7th",
              s.ninths >= 0.5);
}

void checkFeel(Context& c)
{
    const Asked& q = c.asked;
    if (q.swingPercent) {
        const Analysis& a = c.feel();
        const double measured = 100.0 * a.swingRatio / (1.0 + a.swingRatio);
        const bool straight = *q.swingPercent <= 50.0;
        c.add("swing", straight ? "straight" : format("%.0f%%", *q.swingPercent),
              measured <= 54.0 ? format("straight (%.0f%%)", measured)
                               : format("%.0f%% (%dths)", measured, a.swingSubdivision),
              straight ? measured <= 54.0 : std::abs(measured - *q.swingPercent) <= 5.0);
    }
    // The parts the words named are measured ("a soft sub bass" asks the bass to be soft, not
    // the take it joins; "humanize the melody" loosens the melody), every note when they named
    // none.
    std::vector<std::string> roles;
    std::string of;
    for (const AskedPart& p : q.parts)
        if (!p.absent) {
            roles.push_back(p.role);
            of += (of.empty() ? " of the " : ", ") + p.role;
        }
    if (q.humanize) {
        const double off = measure::offGridShare(c.plan, c.timeline(), c.feel(), roles);
        c.add(*q.humanize ? "humanize" : "quantized", *q.humanize ? "off the grid" : "on the grid",
              percent(off) + " of onsets off the grid" + of,
              *q.humanize ? off >= 0.25 : off <= 0.02);
    }
    if (q.loudnessChange && q.parent) {
        const double v = measure::meanVelocity(c.plan, roles),
                     was = measure::meanVelocity(*q.parent, roles);
        const bool softer = q.loudnessChange < 0;
        c.add("loudness",
              format(softer ? "softer than mean velocity %.0f" : "louder than mean velocity %.0f",
                     was),
              format("mean velocity %.0f", v) + of, softer ? v < was - 0.5 : v > was + 0.5);
    }
    if (q.loudness) {
        const double v = measure::meanVelocity(c.plan, roles);
        const bool soft = *q.loudness < 0;
        c.add("loudness", soft ? "soft (mean velocity <= 85)" : "loud (mean velocity >= 95)",
              format("mean velocity %.0f", v) + of, soft ? v <= 85.0 : v >= 95.0);
    }
}

void checkDirectives(Context& c)
{
    const Asked& q = c.asked;
    if (q.backbeat || q.fourOnTheFloor) {
        const measure::DrumBars d = measure::drumBars(c.timeline());
        const std::string of = format(" of %d bars", d.bars);
        if (q.backbeat)
            c.add("snare on 2 and 4", "every bar", percent(d.backbeat) + of, d.backbeat >= 0.75);
        if (q.fourOnTheFloor)
            c.add("four on the floor", "every bar", percent(d.fourOnTheFloor) + of,
                  d.fourOnTheFloor >= 0.75);
    }
    if (q.bassRoots) {
        const double s = measure::bassOnRoots(c.plan, c.timeline(), c.analysis().chords);
        c.add("bass on the roots", "the chord roots",
              s < 0 ? "no bass" : percent(s) + " of bass time on the root", s >= 0.7);
    }
    if (q.bassKick) {
        const double s = measure::bassOnKick(c.plan, c.timeline());
        c.add("bass locked to the kick", "with the kick",
              s < 0 ? "no bass or no kick" : percent(s) + " of bass notes on a kick", s >= 0.7);
    }
}

// Drum hits in `bar` of the parent, else the median of the take's other bars.
int baseline(Context& c, int bar)
{
    if (c.asked.parent) return measure::drumHitsInBar(Timeline(*c.asked.parent), bar);
    std::vector<int> others;
    for (int b = 1; b <= c.timeline().barCount(); ++b)
        if (std::find(c.asked.fillBars.begin(), c.asked.fillBars.end(), b) ==
            c.asked.fillBars.end())
            others.push_back(measure::drumHitsInBar(c.timeline(), b));
    if (others.empty()) return 0;
    std::nth_element(others.begin(), others.begin() + others.size() / 2, others.end());
    return others[others.size() / 2];
}

void checkBars(Context& c)
{
    for (int bar : c.asked.fillBars) {
        const int hits = measure::drumHitsInBar(c.timeline(), bar);
        const int base = baseline(c, bar);
        c.add(format("fill in bar %d", bar),
              c.asked.parent ? "more drum hits than before" : "more drum hits than other bars",
              format("%d hits (%s %d)", hits, c.asked.parent ? "before" : "other bars", base),
              hits > base);
    }
    for (int bar : c.asked.tripletBars) {
        const int n = measure::tripletHatsInBar(c.timeline(), bar);
        c.add(format("triplet roll in bar %d", bar), "triplet hi-hats",
              format("%d triplet hi-hats", n), n >= 3);
    }
}

std::string joined(const std::vector<std::string>& list)
{
    std::string s;
    for (const std::string& x : list)
        s += (s.empty() ? "" : ", ") + x;
    return s.empty() ? "nothing" : s;
}

void checkChange(Context& c)
{
    if (!c.asked.parent) return;
    const measure::Changes d = measure::changes(*c.asked.parent, c.plan);
    c.add("change", "a change of the parent",
          "changed: " + joined(d.changed) + "; identical: " + joined(d.identical),
          !d.changed.empty());
}
} // namespace

std::vector<Check> checkTake(const model::Plan& plan, const Asked& asked)
{
    Context c{plan, asked, {}, {}, {}, {}};
    checkBasics(c);
    checkParts(c);
    checkChords(c);
    checkFeel(c);
    checkDirectives(c);
    checkBars(c);
    checkChange(c);
    return std::move(c.out);
}

int passedChecks(const std::vector<Check>& checks)
{
    return static_cast<int>(
        std::count_if(checks.begin(), checks.end(), [](const Check& c) { return c.pass; }));
}

std::string checklistText(const std::vector<Check>& checks)
{
    std::string s;
    for (const Check& c : checks)
        s += (c.pass ? "  ok    " : "  FAIL  ") + c.name + ": " + c.measured + " (asked " +
             c.asked + ")\n";
    return s;
}

std::string checklistJson(const std::vector<Check>& checks)
{
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Check& c : checks)
        list.push_back(
            {{"name", c.name}, {"asked", c.asked}, {"measured", c.measured}, {"pass", c.pass}});
    return nlohmann::ordered_json{{"checks", list}}.dump(-1, ' ', false,
                                                         nlohmann::json::error_handler_t::replace);
}

} // namespace pianola::engine::analysis
