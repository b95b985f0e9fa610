// SPDX-License-Identifier: MIT
// Building the playback sequence from a plan.
#include "engine/playback/PlaybackSequence.h"

#include <algorithm>

namespace pianola::engine {

namespace {
bool audible(const PlaybackOptions& o, std::size_t track)
{
    const bool anySolo = std::find(o.soloed.begin(), o.soloed.end(), true) != o.soloed.end();
    if (anySolo)
        return track < o.soloed.size() && o.soloed[track];
    return !(track < o.muted.size() && o.muted[track]);
}

std::uint8_t messageSize(std::uint8_t status)
{
    const int kind = status & 0xF0;
    return (kind == 0xC0 || kind == 0xD0) ? 2 : 3;
}
} // namespace

std::unique_ptr<PlaybackSequence> PlaybackSequence::build(const model::Plan& plan, const PlaybackOptions& options)
{
    auto seq = std::make_unique<PlaybackSequence>();
    seq->m_tempoMap = model::TempoMap(plan);
    struct Keyed
    {
        TimedEvent event;
        std::uint32_t track;
    };
    std::vector<Keyed> all;
    for (std::size_t t = 0; t < plan.tracks.size(); ++t) {
        if (!audible(options, t))
            continue;
        for (const TimedEvent& e : renderTrack(plan.tracks[t]).events)
            all.push_back({e, static_cast<std::uint32_t>(t)});
    }
    std::stable_sort(all.begin(), all.end(), [](const Keyed& a, const Keyed& b) {
        if (a.event.tick != b.event.tick)
            return a.event.tick < b.event.tick;
        return a.event.order < b.event.order;
    });
    seq->m_events.reserve(all.size());
    for (const Keyed& k : all)
        seq->m_events.push_back({seq->m_tempoMap.ticksToSeconds(k.event.tick), k.event.tick, k.event.status,
                                 k.event.data1, k.event.data2, messageSize(k.event.status)});
    seq->m_lengthSeconds = seq->m_tempoMap.ticksToSeconds(std::max(plan.lengthTicks(), options.minimumTicks));
    return seq;
}

std::size_t PlaybackSequence::firstAtOrAfter(double seconds) const
{
    auto it = std::lower_bound(m_events.begin(), m_events.end(), seconds,
                               [](const PlaybackEvent& e, double s) { return e.seconds < s; });
    return static_cast<std::size_t>(it - m_events.begin());
}

} // namespace pianola::engine
