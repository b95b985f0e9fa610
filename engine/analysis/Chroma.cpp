// SPDX-License-Identifier: MIT
// Duration-weighted chroma and bass per frame.
#include "engine/analysis/Chroma.h"

#include <algorithm>
#include <queue>
#include <set>

namespace pianola::engine::analysis {

namespace {
using model::Tick;

// Adds every note's sounding ticks to its frames: partial frames directly, whole frames through
// a difference array, so a long note costs O(1).
void addChroma(const Timeline& timeline, ChromaFrames& frames, const std::vector<double>* weights)
{
    const std::size_t count = frames.size();
    std::vector<PitchClasses> whole(count + 1, PitchClasses{});
    const Tick step = frames.step;
    for (const TimedNote& n : timeline.pitched()) {
        const int pc = n.key % 12;
        const auto track = static_cast<std::size_t>(n.track);
        const double w = weights && track < weights->size() ? (*weights)[track] : 1.0;
        const Tick start = n.startTick - frames.origin, end = n.endTick - frames.origin;
        const auto f0 = static_cast<std::size_t>(start / step);
        const auto f1 = static_cast<std::size_t>((end - 1) / step);
        if (f0 == f1) {
            frames.chroma[f0][pc] += w * static_cast<double>(end - start);
            continue;
        }
        frames.chroma[f0][pc] += w * static_cast<double>(Tick(f0 + 1) * step - start);
        frames.chroma[f1][pc] += w * static_cast<double>(end - Tick(f1) * step);
        whole[f0 + 1][pc] += w * static_cast<double>(step);
        whole[f1][pc] -= w * static_cast<double>(step);
    }
    PitchClasses running{};
    for (std::size_t f = 0; f < count; ++f) {
        for (int pc = 0; pc < 12; ++pc) {
            running[pc] += whole[f][pc];
            frames.chroma[f][pc] += running[pc];
        }
        double m = 0.0;
        for (double v : frames.chroma[f])
            m += v;
        frames.mass[f] = m;
    }
}

// The lowest sounding note per frame, weighted by how long it sounds in the frame.
void addBass(const Timeline& timeline, ChromaFrames& frames)
{
    const auto& notes = timeline.pitched();
    std::multiset<std::pair<int, std::size_t>> active; // (key, note index)
    using Ending = std::pair<Tick, std::size_t>;
    std::priority_queue<Ending, std::vector<Ending>, std::greater<>> endings;
    std::size_t next = 0;
    for (std::size_t f = 0; f < frames.size(); ++f) {
        const Tick from = frames.frameStart(f), to = from + frames.step;
        for (; next < notes.size() && notes[next].startTick < to; ++next) {
            active.emplace(notes[next].key, next);
            endings.emplace(notes[next].endTick, next);
        }
        while (!endings.empty() && endings.top().first <= from) {
            const std::size_t i = endings.top().second;
            active.erase(active.find({notes[i].key, i}));
            endings.pop();
        }
        if (active.empty()) continue;
        const TimedNote& low = notes[active.begin()->second];
        const Tick sounding = std::min(to, low.endTick) - std::max(from, low.startTick);
        frames.bass[f][low.key % 12] += static_cast<double>(std::max<Tick>(0, sounding));
    }
}
} // namespace

ChromaFrames chromaFrames(const Timeline& timeline, Tick phase,
                          const std::vector<double>* trackWeights)
{
    ChromaFrames frames;
    const Tick sixteenth = std::max(1, timeline.ppq() / 4);
    const Tick end = std::max<Tick>(1, timeline.endTick());
    frames.step = std::max<Tick>(sixteenth, (end + Tick(kMaxFrames) - 1) / Tick(kMaxFrames));
    frames.framesPerBeat = std::max(1, static_cast<int>(timeline.ppq() / frames.step));
    // Frame boundaries on the beat phase: start one beat early (ticks before 0 hold nothing).
    const Tick beat = frames.step * frames.framesPerBeat;
    frames.origin = phase > 0 && phase < beat ? phase - beat : 0;
    const auto count =
        static_cast<std::size_t>((end - frames.origin + frames.step - 1) / frames.step);
    frames.chroma.assign(count, PitchClasses{});
    frames.bass.assign(count, PitchClasses{});
    frames.mass.assign(count, 0.0);
    addChroma(timeline, frames, trackWeights);
    addBass(timeline, frames);
    return frames;
}

std::size_t ChromaFrames::frameAt(model::Tick tick) const
{
    if (size() == 0 || tick <= origin) return 0;
    return std::min(size() - 1, static_cast<std::size_t>((tick - origin) / step));
}

PitchClasses sumFrames(const std::vector<PitchClasses>& frames, std::size_t first, std::size_t last)
{
    PitchClasses sum{};
    for (std::size_t f = first; f < std::min(last, frames.size()); ++f)
        for (int pc = 0; pc < 12; ++pc)
            sum[pc] += frames[f][pc];
    return sum;
}

} // namespace pianola::engine::analysis
