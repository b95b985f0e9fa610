// SPDX-License-Identifier: MIT
// Building the playback sequence from a plan.
#include "engine/playback/PlaybackSequence.h"

#include "engine/playback/Metronome.h"

#include <algorithm>
#include <atomic>

namespace pianola::engine {

namespace {
bool audible(const PlaybackOptions& o, std::size_t track)
{
    const bool anySolo = std::find(o.soloed.begin(), o.soloed.end(), true) != o.soloed.end();
    if (anySolo) return track < o.soloed.size() && o.soloed[track];
    return !(track < o.muted.size() && o.muted[track]);
}

std::uint8_t messageSize(std::uint8_t status)
{
    const int kind = status & 0xF0;
    return (kind == 0xC0 || kind == 0xD0) ? 2 : 3;
}
} // namespace

void ChaseState::reset()
{
    for (auto& c : cc)
        c.fill(-1);
    program.fill(-1);
    pitchBend.fill(-1);
    pressure.fill(-1);
    for (auto& h : held)
        h.fill(0);
}

void ChaseState::apply(const PlaybackEvent& e)
{
    const int ch = e.status & 0x0F;
    switch (e.status & 0xF0) {
    case 0x90:
        if (e.data2 > 0) {
            held[ch][e.data1] = static_cast<std::uint8_t>(std::min(255, held[ch][e.data1] + 1));
            velocity[ch][e.data1] = e.data2;
            break;
        }
        [[fallthrough]];
    case 0x80:
        if (held[ch][e.data1] > 0) --held[ch][e.data1];
        break;
    case 0xB0:
        cc[ch][e.data1] = e.data2;
        break;
    case 0xC0:
        program[ch] = e.data1;
        break;
    case 0xD0:
        pressure[ch] = e.data1;
        break;
    case 0xE0:
        pitchBend[ch] = static_cast<std::int16_t>(e.data1 | (e.data2 << 7));
        break;
    default:
        break;
    }
}

namespace {
std::atomic<std::size_t> g_liveSequences{0};
std::atomic<std::size_t> g_builtSequences{0};
} // namespace

PlaybackSequence::PlaybackSequence()
{
    g_liveSequences.fetch_add(1, std::memory_order_relaxed);
    g_builtSequences.fetch_add(1, std::memory_order_relaxed);
}

PlaybackSequence::~PlaybackSequence()
{
    g_liveSequences.fetch_sub(1, std::memory_order_relaxed);
}

std::size_t PlaybackSequence::builtCount()
{
    return g_builtSequences.load(std::memory_order_relaxed);
}

std::size_t PlaybackSequence::liveCount()
{
    return g_liveSequences.load(std::memory_order_relaxed);
}

// Every audible track's events, in track order, each with its EventOrder in `size` (for the
// merge; build() replaces it). One track's rendering is alive at a time.
std::vector<PlaybackEvent> PlaybackSequence::collect(const model::Plan& plan,
                                                     const PlaybackOptions& options)
{
    std::size_t most = 0; // what renderTrack() can make of them (a program change: up to 3)
    for (std::size_t t = 0; t < plan.tracks.size(); ++t) {
        const model::Track& k = plan.tracks[t];
        if (audible(options, t))
            most += k.notes.size() * 2 + k.controllers.size() + k.pitchBends.size() +
                    k.channelPressure.size() + k.polyPressure.size() + k.programChanges.size() * 3 +
                    3;
    }
    std::vector<PlaybackEvent> all;
    all.reserve(most);
    for (std::size_t t = 0; t < plan.tracks.size(); ++t) {
        if (!audible(options, t)) continue;
        const RenderedTrack rendered = renderTrack(plan.tracks[t]);
        for (const TimedEvent& e : rendered.events)
            all.push_back({static_cast<std::uint32_t>(
                               std::clamp<model::Tick>(e.tick, 0, model::Limits::kMaxTick)),
                           e.status, e.data1, e.data2, e.order});
    }
    if (options.metronome) addClicks(plan, options, all);
    return all;
}

// The metronome's clicks as short notes, merged like a track's (order in `size`).
void PlaybackSequence::addClicks(const model::Plan& plan, const PlaybackOptions& options,
                                 std::vector<PlaybackEvent>& all)
{
    using S = MetronomeSound;
    const model::Tick end = std::min<model::Tick>(
        std::max(plan.lengthTicks(), options.minimumTicks), model::Limits::kMaxTick);
    const model::Tick length = std::max(1, plan.ppq / 8);
    constexpr auto on = static_cast<std::uint8_t>(0x90 | S::kChannel),
                   off = static_cast<std::uint8_t>(0x80 | S::kChannel);
    for (const Click& c : metronomeClicks(plan, end)) {
        const auto key = static_cast<std::uint8_t>(c.downbeat ? S::kDownbeatKey : S::kBeatKey);
        const auto velocity =
            static_cast<std::uint8_t>(c.downbeat ? S::kDownbeatVelocity : S::kBeatVelocity);
        all.push_back({static_cast<std::uint32_t>(c.tick), on, key, velocity, kOrderNoteOn});
        all.push_back(
            {static_cast<std::uint32_t>(std::min(c.tick + length, model::Limits::kMaxTick)), off,
             key, 0, kOrderNoteOff});
    }
}

std::unique_ptr<PlaybackSequence> PlaybackSequence::build(const model::Plan& plan,
                                                          const PlaybackOptions& options)
{
    auto seq = std::make_unique<PlaybackSequence>();
    seq->m_tempoMap = model::TempoMap(plan);
    seq->m_events = collect(plan, options);
    auto& events = seq->m_events;
    // Stable: at one tick and order, the earlier track first (as the tracks were collected).
    std::stable_sort(events.begin(), events.end(),
                     [](const PlaybackEvent& a, const PlaybackEvent& b) {
                         return a.tick != b.tick ? a.tick < b.tick : a.size < b.size;
                     });
    for (PlaybackEvent& e : events)
        e.size = messageSize(e.status);
    seq->m_lengthSeconds =
        seq->m_tempoMap.ticksToSeconds(std::max(plan.lengthTicks(), options.minimumTicks));
    ChaseState state;
    state.reset();
    seq->m_checkpoints.reserve(events.size() / kCheckpointEvents + 1);
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (i % kCheckpointEvents == 0) seq->m_checkpoints.push_back(state);
        state.apply(events[i]);
    }
    return seq;
}

std::size_t PlaybackSequence::firstAtOrAfter(double seconds) const
{
    auto it =
        std::lower_bound(m_events.begin(), m_events.end(), seconds,
                         [this](const PlaybackEvent& e, double s) { return this->seconds(e) < s; });
    return static_cast<std::size_t>(it - m_events.begin());
}

} // namespace pianola::engine
