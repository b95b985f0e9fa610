// SPDX-License-Identifier: MIT
// Plan -> SMF: conductor track, one track per plan track, events from the EventRenderer.
#include "engine/EventRenderer.h"
#include "engine/smf/SmfChords.h"
#include "engine/smf/SmfPlan.h"
#include "engine/smf/SmfWriter.h"
#include "model/TempoMap.h"

#include <algorithm>
#include <bit>

namespace pianola::engine::smf {

namespace {
// Events of one output chunk before sorting: `rank` orders metas before channel events at a
// tick; `seq` keeps insertion order among equals.
struct Pending
{
    Event event;
    std::uint8_t rank;
};

class ChunkBuilder
{
public:
    explicit ChunkBuilder(SmfFile& file) : m_file(file) {}

    void meta(Tick tick, std::uint8_t type, std::string_view data, std::uint8_t rank = 0)
    {
        m_pending.push_back({Event{tick, store(data), static_cast<std::uint32_t>(data.size()),
                                   kMetaStatus, type, 0},
                             rank});
    }
    void raw(const model::RawEvent& e)
    {
        if (e.sysex)
            m_pending.push_back(
                {Event{e.tick, store(e.data), static_cast<std::uint32_t>(e.data.size()),
                       e.type == 0xF7 ? std::uint8_t(0xF7) : std::uint8_t(0xF0), 0, 0},
                 1});
        else
            meta(e.tick, e.type, e.data, 1);
    }
    void channel(const TimedEvent& t)
    {
        m_pending.push_back({Event{t.tick, 0, 0, t.status, t.data1, t.data2},
                             static_cast<std::uint8_t>(8 + t.order)});
    }
    void finish(Tick endTick)
    {
        std::stable_sort(
            m_pending.begin(), m_pending.end(), [](const Pending& a, const Pending& b) {
                return a.event.tick != b.event.tick ? a.event.tick < b.event.tick : a.rank < b.rank;
            });
        TrackChunk chunk;
        chunk.events.reserve(m_pending.size());
        for (const Pending& p : m_pending)
            chunk.events.push_back(p.event);
        chunk.endTick = endTick;
        m_file.tracks.push_back(std::move(chunk));
        m_pending.clear();
    }

private:
    std::uint32_t store(std::string_view data)
    {
        const auto offset = static_cast<std::uint32_t>(m_file.payload.size());
        m_file.payload.append(data);
        return offset;
    }

    SmfFile& m_file;
    std::vector<Pending> m_pending;
};

std::string tempoBytes(double bpm)
{
    const std::uint32_t us = model::TempoMap::usPerQuarter(bpm);
    return {static_cast<char>(us >> 16), static_cast<char>(us >> 8), static_cast<char>(us)};
}

std::string timeSignatureBytes(const model::TimeSignature& ts)
{
    const auto denominator = static_cast<unsigned>(std::clamp(ts.denominator, 1, 128));
    return {static_cast<char>(std::clamp(ts.numerator, 1, 255)),
            static_cast<char>(std::countr_zero(std::bit_floor(denominator))),
            static_cast<char>(std::clamp(ts.clocksPerClick, 0, 255)),
            static_cast<char>(std::clamp(ts.thirtySecondsPerQuarter, 0, 255))};
}

std::string keySignatureBytes(const model::KeySignature& ks)
{
    return {static_cast<char>(static_cast<std::int8_t>(std::clamp(ks.sharps, -7, 7))),
            static_cast<char>(ks.minor ? 1 : 0)};
}

void addConductor(ChunkBuilder& b, const model::Plan& plan)
{
    for (const model::RawEvent& e : plan.globalEvents)
        b.raw(e);
    for (const model::RawEvent& e : chordMarkers(plan))
        b.raw(e);
    for (const model::TimeSignature& ts : plan.timeSignatures)
        b.meta(ts.tick, kMetaTimeSignature, timeSignatureBytes(ts), 2);
    for (const model::KeySignature& ks : plan.keySignatures)
        b.meta(ks.tick, kMetaKeySignature, keySignatureBytes(ks), 3);
    for (const model::TempoChange& t : plan.tempos)
        b.meta(t.tick, kMetaTempo, tempoBytes(t.bpm), 4);
}

void addTrack(ChunkBuilder& b, const model::Track& track, bool withName, ExportResult& result)
{
    // The reader takes a chunk's first track-name event as the track's name and keeps later
    // ones as they are. So a track with name events of its own (a second name, a label) gets its
    // name written first even when it is empty; otherwise the next import would take the first
    // of them as the name, and each export and import would eat one (a fuzzing finding).
    const auto isName = [](const model::RawEvent& e) {
        return !e.sysex && e.type == kMetaTrackName;
    };
    if (withName && (!track.name.empty() || std::ranges::any_of(track.rawEvents, isName)))
        b.meta(0, kMetaTrackName, track.name, 0);
    for (const model::RawEvent& e : track.rawEvents)
        b.raw(e);
    const RenderedTrack rendered = renderTrack(track);
    for (const TimedEvent& t : rendered.events)
        b.channel(t);
    if (rendered.trimmedNotes > 0)
        result.warnings.push_back(
            "track \"" + track.name + "\": " + std::to_string(rendered.trimmedNotes) +
            " note(s) overlapping a later note of the same key now end where it starts");
}
} // namespace

ExportResult smfFromPlan(const model::Plan& plan, const ExportOptions& options)
{
    ExportResult result;
    SmfFile& file = result.file;
    file.format = options.format == 0 ? 0 : 1;
    file.ppq = std::clamp(plan.ppq, 1, model::Limits::kMaxPpq);
    const Tick end = plan.lengthTicks();
    ChunkBuilder builder(file);
    addConductor(builder, plan);
    if (file.format == 0) {
        for (const model::Track& t : plan.tracks)
            addTrack(builder, t, false, result);
        builder.finish(end);
        return result;
    }
    builder.finish(end);
    for (const model::Track& t : plan.tracks) {
        addTrack(builder, t, true, result);
        builder.finish(t.endTick);
    }
    return result;
}

std::vector<std::uint8_t> writePlan(const model::Plan& plan, const ExportOptions& options,
                                    std::vector<std::string>* warnings)
{
    ExportResult r = smfFromPlan(plan, options);
    if (warnings) *warnings = std::move(r.warnings);
    return writeSmf(r.file);
}

} // namespace pianola::engine::smf
