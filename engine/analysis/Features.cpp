// SPDX-License-Identifier: MIT
// Descriptive statistics of a piece.
#include "engine/analysis/Features.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace pianola::engine::analysis {

using model::Tick;
using model::analysis::Analysis;

void addTiming(const model::Plan& plan, const Timeline& timeline, Analysis& out)
{
    const auto& notes = timeline.pitched();
    const auto& drums = timeline.drums();
    out.durationMs = timeline.endS() * 1000.0;
    out.noteCount = static_cast<std::int64_t>(notes.size() + drums.size());
    double held = 0;
    for (const auto* list : {&notes, &drums})
        for (const TimedNote& n : *list)
            held += timeline.tempo().ticksToSeconds(n.endTick) - n.startS;
    out.averageNoteMs = out.noteCount ? held * 1000.0 / static_cast<double>(out.noteCount) : 0.0;
    double weighted = 0.0;
    for (std::size_t i = 0; i < plan.tempos.size(); ++i) {
        const model::TempoChange& t = plan.tempos[i];
        const double from = timeline.tempo().ticksToSeconds(t.tick);
        out.tempoMap.push_back({from, t.bpm});
        const double to = i + 1 < plan.tempos.size()
                              ? timeline.tempo().ticksToSeconds(plan.tempos[i + 1].tick)
                              : timeline.endS();
        weighted += t.bpm * std::max(0.0, to - from);
    }
    out.meanBpm = timeline.endS() > 0 ? weighted / timeline.endS() : plan.initialBpm();
    if (!plan.timeSignatures.empty()) {
        out.meterNumerator = plan.timeSignatures.front().numerator;
        out.meterDenominator = plan.timeSignatures.front().denominator;
    }
    out.bars = timeline.barCount();
}

namespace {
double median(std::vector<double>& v)
{
    if (v.empty()) return 0.0;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

// Mean and maximum number of sounding notes, over the time anything sounds (an event sweep).
// The notes come sorted by start; the ends are sorted apart (8 bytes a note) and merged in, an
// end before a start at the same tick.
void addPolyphony(const std::vector<TimedNote>& notes, Analysis& out)
{
    std::vector<Tick> ends;
    ends.reserve(notes.size());
    for (const TimedNote& n : notes)
        ends.push_back(n.endTick);
    std::sort(ends.begin(), ends.end());
    std::size_t start = 0, end = 0;
    const auto nextTick = [&] {
        return start < notes.size() ? std::min(notes[start].startTick, ends[end]) : ends[end];
    };
    int sounding = 0;
    double area = 0, busy = 0;
    while (end < ends.size()) {
        const Tick at = nextTick();
        if (ends[end] <= at)
            --sounding, ++end;
        else
            ++sounding, ++start;
        out.maxPolyphony = std::max(out.maxPolyphony, sounding);
        if (end < ends.size() && sounding > 0) {
            const auto span = static_cast<double>(nextTick() - at);
            area += span * sounding;
            busy += span;
        }
    }
    out.meanPolyphony = busy > 0 ? area / busy : 0.0;
}

// Per track: each note's length against the time to the track's next onset. The notes come
// sorted by start, so a track's notes at its latest onset wait there for its next one.
void addArticulation(const std::vector<TimedNote>& notes, const model::TempoMap& tempo,
                     Analysis& out)
{
    std::map<int, std::vector<const TimedNote*>> waiting;
    std::int64_t counted = 0, staccato = 0, legato = 0;
    for (const TimedNote& n : notes) {
        auto& group = waiting[n.track];
        if (!group.empty() && group.front()->startTick != n.startTick) {
            const double gap = n.startS - group.front()->startS;
            for (const TimedNote* w : group) {
                const double ratio = (tempo.ticksToSeconds(w->endTick) - w->startS) / gap;
                ++counted;
                staccato += ratio < 0.5;
                legato += ratio >= 0.95;
            }
            group.clear();
        }
        group.push_back(&n);
    }
    out.staccatoRatio = counted ? double(staccato) / double(counted) : 0.0;
    out.legatoRatio = counted ? double(legato) / double(counted) : 0.0;
}

void addChannelTiming(const Timeline& timeline, Analysis& out)
{
    std::map<int, std::vector<double>> onsets; // distinct onset times per channel
    for (const auto* list : {&timeline.pitched(), &timeline.drums()})
        for (const TimedNote& n : *list) { // sorted by start: chords' repeats are dropped here
            auto& times = onsets[n.channel];
            if (times.empty() || times.back() != n.startS) times.push_back(n.startS);
        }
    for (auto& [channel, times] : onsets) {
        std::sort(times.begin(), times.end());
        times.erase(std::unique(times.begin(), times.end()), times.end());
        std::vector<double> iois;
        for (std::size_t i = 1; i < times.size(); ++i)
            iois.push_back((times[i] - times[i - 1]) * 1000.0);
        model::analysis::ChannelTiming t;
        t.channel = channel;
        t.onsets = static_cast<std::int64_t>(times.size());
        if (!iois.empty())
            t.meanIoiMs = std::accumulate(iois.begin(), iois.end(), 0.0) / double(iois.size());
        t.medianIoiMs = median(iois);
        out.channelTiming.push_back(t);
    }
}
} // namespace

void addDensity(const Timeline& timeline, Analysis& out)
{
    out.notesPerBar.assign(static_cast<std::size_t>(timeline.barCount()), 0);
    for (const auto* list : {&timeline.pitched(), &timeline.drums()})
        for (const TimedNote& n : *list)
            ++out.notesPerBar[static_cast<std::size_t>(timeline.barAt(n.startTick))];
    if (!out.notesPerBar.empty())
        out.meanNotesPerBar = double(out.noteCount) / double(out.notesPerBar.size());
    addPolyphony(timeline.pitched(), out);
    addArticulation(timeline.pitched(), timeline.tempo(), out);
    addChannelTiming(timeline, out);
}

void addPitchClasses(const ChromaFrames& frames, Analysis& out)
{
    const PitchClasses sum = sumFrames(frames.chroma, 0, frames.size());
    const double total = std::accumulate(sum.begin(), sum.end(), 0.0);
    for (int pc = 0; pc < 12; ++pc)
        out.pitchClasses[pc] = total > 0 ? sum[pc] / total : 0.0;
}

void addDynamics(const model::Plan& plan, Analysis& out)
{
    double n = 0, mean = 0, m2 = 0; // Welford
    out.velocityMin = 127;
    for (const model::Track& track : plan.tracks) {
        model::analysis::TrackSummary t{
            track.name,    track.channel,
            track.program, static_cast<std::int64_t>(track.notes.size()),
            127,           0};
        for (const model::Note& note : track.notes) {
            t.lowestKey = std::min<int>(t.lowestKey, note.key);
            t.highestKey = std::max<int>(t.highestKey, note.key);
            ++out.velocityHistogram[std::min(7, note.velocity / 16)];
            out.velocityMin = std::min<int>(out.velocityMin, note.velocity);
            out.velocityMax = std::max<int>(out.velocityMax, note.velocity);
            n += 1;
            const double d = note.velocity - mean;
            mean += d / n;
            m2 += d * (note.velocity - mean);
        }
        if (track.notes.empty()) t.lowestKey = 0;
        out.tracks.push_back(std::move(t));
    }
    if (n == 0) out.velocityMin = 0;
    out.velocityMean = mean;
    out.velocityStdDev = n > 1 ? std::sqrt(m2 / n) : 0.0;
}

void addControllers(const model::Plan& plan, Analysis& out)
{
    std::map<std::pair<int, int>, model::analysis::ControllerUse> ccs;
    std::map<int, model::analysis::PitchBendUse> bends;
    for (const model::Track& track : plan.tracks) {
        std::map<int, int> last; // controller -> previous value in this track
        for (const model::ControlChange& cc : track.controllers) {
            auto [it, fresh] = ccs.try_emplace({track.channel, cc.controller});
            auto& use = it->second;
            if (fresh) use = {track.channel, cc.controller, 0, cc.value, cc.value, 0};
            ++use.events;
            use.minValue = std::min<int>(use.minValue, cc.value);
            use.maxValue = std::max<int>(use.maxValue, cc.value);
            if (auto prev = last.find(cc.controller); prev != last.end())
                use.travel += std::abs(cc.value - prev->second);
            last[cc.controller] = cc.value;
        }
        for (const model::PitchBend& pb : track.pitchBends) {
            auto [it, fresh] = bends.try_emplace(track.channel);
            if (fresh) it->second = {track.channel, 0, pb.value, pb.value};
            ++it->second.events;
            it->second.minValue = std::min<int>(it->second.minValue, pb.value);
            it->second.maxValue = std::max<int>(it->second.maxValue, pb.value);
        }
    }
    for (auto& [key, use] : ccs)
        out.controllers.push_back(use);
    for (auto& [channel, use] : bends)
        out.pitchBends.push_back(use);
}

} // namespace pianola::engine::analysis
