// SPDX-License-Identifier: MIT
// Plan -> sorted timed MIDI channel events.
#include "engine/EventRenderer.h"

#include <algorithm>
#include <array>

namespace pianola::engine {

namespace {
std::uint8_t u7(int v)
{
    return static_cast<std::uint8_t>(std::clamp(v, 0, 127));
}

void addProgram(std::vector<TimedEvent>& out, Tick tick, std::uint8_t ch, int program, int msb,
                int lsb)
{
    if (msb >= 0)
        out.push_back({tick, static_cast<std::uint8_t>(0xB0 | ch), 0, u7(msb), kOrderProgram});
    if (lsb >= 0)
        out.push_back({tick, static_cast<std::uint8_t>(0xB0 | ch), 32, u7(lsb), kOrderProgram});
    out.push_back({tick, static_cast<std::uint8_t>(0xC0 | ch), u7(program), 0, kOrderProgram});
}

// Note ends as a FIFO reader will pair them: a note that would outlast a later same-key note
// (nested overlap) ends where that note starts. Returns how many ends moved.
std::int64_t noteEnds(const std::vector<model::Note>& notes, std::vector<Tick>& ends)
{
    ends.resize(notes.size());
    std::int64_t trimmed = 0;
    std::array<std::int64_t, 128> lastIndex; // latest note per key in start order
    lastIndex.fill(-1);
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const model::Note& n = notes[i];
        ends[i] = n.endTick();
        const std::int64_t prev = lastIndex[n.key];
        if (prev >= 0) {
            Tick& prevEnd = ends[static_cast<std::size_t>(prev)];
            if (prevEnd > ends[i] &&
                notes[static_cast<std::size_t>(prev)].startTick < n.startTick) {
                prevEnd = n.startTick;
                ++trimmed;
            }
        }
        lastIndex[n.key] = static_cast<std::int64_t>(i);
    }
    return trimmed;
}
} // namespace

RenderedTrack renderTrack(const model::Track& track)
{
    RenderedTrack r;
    auto& out = r.events;
    const auto ch = static_cast<std::uint8_t>(std::clamp(track.channel, 0, 15));
    out.reserve(track.notes.size() * 2 + track.controllers.size() + track.pitchBends.size() +
                track.channelPressure.size() + track.polyPressure.size() +
                track.programChanges.size() * 3 + 3);

    addProgram(out, 0, ch, track.program, track.bankMsb, track.bankLsb);
    for (const auto& pc : track.programChanges)
        addProgram(out, pc.tick, ch, pc.program, pc.bankMsb, pc.bankLsb);
    for (const auto& cc : track.controllers)
        out.push_back({cc.tick, static_cast<std::uint8_t>(0xB0 | ch), u7(cc.controller),
                       u7(cc.value), kOrderControl});
    for (const auto& pb : track.pitchBends) {
        const int v = std::clamp(pb.value + 8192, 0, 16383);
        out.push_back({pb.tick, static_cast<std::uint8_t>(0xE0 | ch), u7(v & 0x7F), u7(v >> 7),
                       kOrderControl});
    }
    for (const auto& cp : track.channelPressure)
        out.push_back(
            {cp.tick, static_cast<std::uint8_t>(0xD0 | ch), u7(cp.value), 0, kOrderControl});
    for (const auto& pp : track.polyPressure)
        out.push_back({pp.tick, static_cast<std::uint8_t>(0xA0 | ch), u7(pp.key), u7(pp.value),
                       kOrderPolyPressure});

    // Same start and key: the shorter note first, so a FIFO reader pairs each with its own end.
    std::vector<std::size_t> order(track.notes.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = track.notes[a];
        const auto& y = track.notes[b];
        if (x.startTick != y.startTick) return x.startTick < y.startTick;
        return x.key != y.key ? x.key < y.key : x.lengthTicks < y.lengthTicks;
    });
    std::vector<model::Note> sorted;
    sorted.reserve(order.size());
    for (std::size_t i : order)
        sorted.push_back(track.notes[i]);
    std::vector<Tick> ends;
    r.trimmedNotes = noteEnds(sorted, ends);
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const model::Note& n = sorted[i];
        out.push_back({n.startTick, static_cast<std::uint8_t>(0x90 | ch), u7(n.key),
                       u7(std::max<int>(1, n.velocity)), kOrderNoteOn});
        out.push_back({ends[i], static_cast<std::uint8_t>(0x80 | ch), u7(n.key),
                       u7(n.releaseVelocity), kOrderNoteOff});
    }
    std::stable_sort(out.begin(), out.end(), [](const TimedEvent& a, const TimedEvent& b) {
        return a.tick != b.tick ? a.tick < b.tick : a.order < b.order;
    });
    return r;
}

} // namespace pianola::engine
