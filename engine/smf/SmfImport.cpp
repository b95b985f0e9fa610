// SPDX-License-Identifier: MIT
// SMF -> plan: tracks per (chunk, channel), conductor maps, banks folded into programs.
#include "engine/smf/NotePairer.h"
#include "engine/smf/SmfChords.h"
#include "engine/smf/SmfPlan.h"
#include "engine/smf/SmfReader.h"
#include "model/TempoMap.h"
#include "model/Text.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace pianola::engine::smf {

namespace {
using model::Tick;

struct ChannelState
{
    int planTrack = -1;
    bool programSet = false;
    bool noteSeen = false;
    int pendingMsb = -1, pendingLsb = -1;          // index into controllers of a bank select
    Tick pendingMsbTick = -1, pendingLsbTick = -1; // each select's own tick
};

class Importer
{
public:
    /// `release`: the same file, whose chunks' events are freed once imported (lower peak memory).
    Importer(const SmfFile& file, SmfFile* release)
        : m_file(file), m_release(release), m_pairer(m_paired)
    {}

    Result<ImportResult> run()
    {
        m_result.warnings = m_file.warnings;
        model::Plan& plan = m_result.plan;
        plan.ppq = m_file.ppq;
        plan.tempos.clear();
        plan.timeSignatures.clear();
        if (auto r = computeOffsets(); !r) return r.error();
        for (std::size_t c = 0; c < m_file.tracks.size(); ++c) {
            if (auto r = importChunk(c); !r) return r.error();
            if (m_release) std::vector<Event>().swap(m_release->tracks[c].events);
        }
        finishMaps();
        finishTracks();
        if (plan.eventCount() > model::Limits::kMaxEvents)
            return makeError(Error::Code::TooLarge, "the file holds more than " +
                                                        std::to_string(model::Limits::kMaxEvents) +
                                                        " events");
        plan.normalize();
        chordsFromMarkers(plan); // after normalize: markers in time order
        return std::move(m_result);
    }

private:
    Result<void> computeOffsets()
    {
        m_offsets.assign(m_file.tracks.size(), 0);
        if (m_file.format != 2) return {};
        Tick offset = 0;
        for (std::size_t c = 0; c < m_file.tracks.size(); ++c) {
            m_offsets[c] = offset;
            offset += m_file.tracks[c].endTick;
            if (offset > model::Limits::kMaxTick)
                return makeError(Error::Code::TooLarge,
                                 "format 2 patterns end beyond tick " +
                                     std::to_string(model::Limits::kMaxTick));
        }
        if (m_file.tracks.size() > 1)
            warn("format 2: the " + std::to_string(m_file.tracks.size()) +
                 " independent patterns were placed one after another");
        return {};
    }

    bool isConductor(std::size_t chunk) const
    {
        if (m_file.format == 0) return true; // metas of a single-track file belong to the song
        if (m_file.format != 1 || chunk != 0) return false;
        return true;
    }

    bool hasChannelEvents(std::size_t chunk) const
    {
        const auto& ev = m_file.tracks[chunk].events;
        return std::any_of(ev.begin(), ev.end(), [](const Event& e) { return e.isChannel(); });
    }

    Result<void> importChunk(std::size_t c)
    {
        const TrackChunk& chunk = m_file.tracks[c];
        const Tick offset = m_offsets[c];
        const bool channels = hasChannelEvents(c);
        const bool conductor = isConductor(c);
        m_channels.fill(ChannelState{});
        m_chunkFirstTrack = -1;
        m_chunkName.clear();
        m_chunkRaw.clear();
        m_paired.clear();
        m_pairer.beginTrack(static_cast<int>(c));
        bool nameTaken = false;
        for (const Event& e : chunk.events) {
            const Tick tick = e.tick + offset;
            if (e.isChannel()) {
                channelEvent(tick, e);
                continue;
            }
            if (e.isMeta() && conductorMeta(tick, e)) continue;
            model::RawEvent raw{tick, e.isMeta() ? e.data1 : e.status, e.isSysex(),
                                std::string(m_file.payloadOf(e))};
            // The first name of a track chunk is the track's name (chunk 0 of format 1 with
            // notes too); otherwise names and texts are kept verbatim.
            const bool trackNameCandidate = e.isMeta() && e.data1 == kMetaTrackName && !nameTaken &&
                                            (!conductor || (m_file.format == 1 && channels));
            if (trackNameCandidate && takeName(raw)) {
                nameTaken = true;
                continue;
            }
            if (raw.data.size() > model::Limits::kMaxMetaBytes) {
                warn("event of " + std::to_string(raw.data.size()) + " bytes at tick " +
                     std::to_string(tick) + " is larger than the " +
                     std::to_string(model::Limits::kMaxMetaBytes) + " bytes a plan keeps; dropped");
                continue;
            }
            (conductor ? m_result.plan.globalEvents : m_chunkRaw).push_back(std::move(raw));
        }
        addNotes(c, chunk.endTick + offset);
        return finishChunk(c, chunk.endTick + offset, conductor, channels);
    }

    // Names are UTF-8 in the plan: older files use Latin-1, read as such. An over-long name
    // stays a text event.
    bool takeName(const model::RawEvent& raw)
    {
        std::string name = model::toUtf8Text(raw.data);
        if (name.size() > model::Limits::kMaxNameBytes) {
            warn("track name of " + std::to_string(name.size()) + " bytes at tick " +
                 std::to_string(raw.tick) + " is longer than " +
                 std::to_string(model::Limits::kMaxNameBytes) + " bytes; kept as a text event");
            return false;
        }
        m_chunkName = std::move(name);
        return true;
    }

    Result<void> finishChunk(std::size_t c, Tick endTick, bool conductor, bool channels)
    {
        auto& tracks = m_result.plan.tracks;
        if (m_chunkFirstTrack < 0 && !conductor && !channels) {
            // A chunk with no channel events (lyrics, names, an empty track) stays a track.
            tracks.push_back(model::Track{});
            m_chunkFirstTrack = static_cast<int>(tracks.size()) - 1;
        }
        if (m_chunkFirstTrack >= 0) {
            const int channelCount = static_cast<int>(tracks.size()) - m_chunkFirstTrack;
            for (int i = m_chunkFirstTrack; i < static_cast<int>(tracks.size()); ++i) {
                model::Track& t = tracks[static_cast<std::size_t>(i)];
                t.name = channelCount > 1 && !m_chunkName.empty()
                             ? m_chunkName + " (ch " + std::to_string(t.channel + 1) + ")"
                             : m_chunkName;
                t.endTick = endTick; // trimmed to 0 later when events reach it
                dropAbsorbedBanks(t);
            }
            auto& raw = tracks[static_cast<std::size_t>(m_chunkFirstTrack)].rawEvents;
            raw.insert(raw.end(), m_chunkRaw.begin(), m_chunkRaw.end());
        }
        if (tracks.size() > static_cast<std::size_t>(model::Limits::kMaxTracks))
            return makeError(Error::Code::TooLarge,
                             "the file needs more than " +
                                 std::to_string(model::Limits::kMaxTracks) + " tracks (chunk " +
                                 std::to_string(c) + " at byte " +
                                 std::to_string(m_file.tracks[c].byteOffset) + ")");
        return {};
    }

    // Tempo, meter and key from any chunk form the song's maps.
    bool conductorMeta(Tick tick, const Event& e)
    {
        const std::string_view d = m_file.payloadOf(e);
        const auto u = [&](std::size_t i) { return static_cast<std::uint8_t>(d[i]); };
        switch (e.data1) {
        case kMetaTempo: {
            if (d.size() < 3) return malformed(tick, "tempo");
            if (m_file.smpte) {
                m_smpteTempoIgnored = true;
                return true;
            }
            const double bpm =
                model::TempoMap::bpmFromUsPerQuarter((u(0) << 16) | (u(1) << 8) | u(2));
            const double clamped = std::clamp(bpm, model::Limits::kMinBpm, model::Limits::kMaxBpm);
            if (clamped != bpm)
                warn("tempo of " + std::to_string(bpm) + " bpm at tick " + std::to_string(tick) +
                     " is outside " + std::to_string(static_cast<int>(model::Limits::kMinBpm)) +
                     ".." + std::to_string(static_cast<int>(model::Limits::kMaxBpm)) +
                     " bpm; set to " + std::to_string(static_cast<int>(clamped)));
            m_result.plan.tempos.push_back({tick, clamped});
            return true;
        }
        case kMetaTimeSignature:
            if (d.size() < 4 || u(0) == 0 || u(1) > 6) return malformed(tick, "time signature");
            m_result.plan.timeSignatures.push_back({tick, u(0), 1 << u(1), u(2), u(3)});
            return true;
        case kMetaKeySignature: {
            const int sharps = d.size() < 2 ? 99 : static_cast<std::int8_t>(u(0));
            if (sharps < -7 || sharps > 7 || u(1) > 1) return malformed(tick, "key signature");
            m_result.plan.keySignatures.push_back({tick, sharps, u(1) == 1});
            return true;
        }
        default:
            return false;
        }
    }

    // A tempo, meter or key event with impossible bytes means nothing: dropped, with a warning.
    bool malformed(Tick tick, const char* what)
    {
        warn(std::string("malformed ") + what + " event at tick " + std::to_string(tick) +
             " ignored");
        return true;
    }

    model::Track& trackFor(int channel)
    {
        ChannelState& s = m_channels[static_cast<std::size_t>(channel)];
        auto& tracks = m_result.plan.tracks;
        if (s.planTrack < 0) {
            model::Track t;
            t.channel = channel;
            tracks.push_back(std::move(t));
            s.planTrack = static_cast<int>(tracks.size()) - 1;
            if (m_chunkFirstTrack < 0) m_chunkFirstTrack = s.planTrack;
        }
        return tracks[static_cast<std::size_t>(s.planTrack)];
    }

    void channelEvent(Tick tick, const Event& e)
    {
        const int ch = e.channel();
        model::Track& t = trackFor(ch);
        ChannelState& s = m_channels[static_cast<std::size_t>(ch)];
        switch (e.kind()) {
        case 0x80:
        case 0x90:
            if (e.kind() == 0x90 && e.data2 > 0) s.noteSeen = true;
            m_pairer.channel(tick, e.status, e.data1, e.data2); // per chunk: channel = plan track
            break;
        case 0xA0:
            t.polyPressure.push_back({tick, e.data1, e.data2});
            break;
        case 0xB0:
            if (e.data1 == 0 || e.data1 == 32) {
                (e.data1 == 0 ? s.pendingMsb : s.pendingLsb) =
                    static_cast<int>(t.controllers.size());
                (e.data1 == 0 ? s.pendingMsbTick : s.pendingLsbTick) = tick;
            }
            t.controllers.push_back({tick, e.data1, e.data2});
            break;
        case 0xC0:
            programChange(t, s, tick, e.data1);
            break;
        case 0xD0:
            t.channelPressure.push_back({tick, e.data1});
            break;
        case 0xE0:
            t.pitchBends.push_back(
                {tick, static_cast<std::int16_t>(((e.data2 << 7) | e.data1) - 8192)});
            break;
        default:
            break;
        }
    }

    // Bank selects at the program change's own tick belong to it (that is how they are written).
    void programChange(model::Track& t, ChannelState& s, Tick tick, std::uint8_t program)
    {
        int msb = -1, lsb = -1;
        if (s.pendingMsbTick == tick) msb = takeBank(t, s.pendingMsb);
        if (s.pendingLsbTick == tick) lsb = takeBank(t, s.pendingLsb);
        s.pendingMsb = s.pendingLsb = -1;
        s.pendingMsbTick = s.pendingLsbTick = -1;
        if (!s.programSet && !s.noteSeen) {
            t.program = program;
            t.bankMsb = msb;
            t.bankLsb = lsb;
            s.programSet = true;
            return;
        }
        t.programChanges.push_back(
            {tick, program, static_cast<std::int16_t>(msb), static_cast<std::int16_t>(lsb)});
    }

    static int takeBank(model::Track& t, int index)
    {
        if (index < 0) return -1;
        auto& cc = t.controllers[static_cast<std::size_t>(index)];
        const int value = cc.value;
        cc.controller = 0xFF; // absorbed: removed in dropAbsorbedBanks()
        return value;
    }

    static void dropAbsorbedBanks(model::Track& t)
    {
        std::erase_if(t.controllers,
                      [](const model::ControlChange& c) { return c.controller == 0xFF; });
    }

    void finishMaps()
    {
        model::Plan& plan = m_result.plan;
        std::stable_sort(plan.tempos.begin(), plan.tempos.end(),
                         [](const auto& a, const auto& b) { return a.tick < b.tick; });
        if (m_file.smpte) {
            const double bpm =
                m_file.smpteFps == 29 ? model::TempoMap::bpmFromUsPerQuarter(1'001'000) : 60.0;
            plan.tempos = {{0, bpm}};
            warn("SMPTE division (" + std::to_string(m_file.smpteFps) + " fps, " +
                 std::to_string(m_file.smpteTicksPerFrame) + " ticks per frame): ppq " +
                 std::to_string(plan.ppq) + " at " + std::to_string(bpm) +
                 " bpm keeps the absolute times" +
                 (m_smpteTempoIgnored ? "; tempo events ignored" : ""));
        }
        if (plan.tempos.empty() || plan.tempos.front().tick != 0)
            plan.tempos.insert(plan.tempos.begin(), model::TempoChange{0, 120.0});
        std::stable_sort(plan.timeSignatures.begin(), plan.timeSignatures.end(),
                         [](const auto& a, const auto& b) { return a.tick < b.tick; });
        if (plan.timeSignatures.empty() || plan.timeSignatures.front().tick != 0)
            plan.timeSignatures.insert(plan.timeSignatures.begin(), model::TimeSignature{});
    }

    // The chunk's notes, paired first in first out per channel and key like every reader, go to
    // the plan track of their channel.
    void addNotes(std::size_t chunk, Tick endTick)
    {
        if (const std::size_t open = m_pairer.endTrack(endTick))
            warn(std::to_string(open) + " note(s) still sounding at the end of track " +
                 std::to_string(chunk) + " were ended at tick " + std::to_string(endTick));
        auto& tracks = m_result.plan.tracks;
        std::array<std::size_t, 16> perChannel{};
        for (const PairedNote& p : m_paired)
            ++perChannel[p.channel];
        for (std::size_t ch = 0; ch < 16; ++ch)
            if (perChannel[ch] > 0)
                tracks[static_cast<std::size_t>(m_channels[ch].planTrack)].notes.reserve(
                    perChannel[ch]);
        for (const PairedNote& p : m_paired) {
            m_zeroLength += p.endTick <= p.startTick;
            tracks[static_cast<std::size_t>(m_channels[p.channel].planTrack)].notes.push_back(
                {p.startTick, std::max<Tick>(1, p.endTick - p.startTick), 0, p.key, p.velocity,
                 p.releaseVelocity});
        }
    }

    void finishTracks()
    {
        std::vector<PairedNote>().swap(m_paired);
        for (model::Track& t : m_result.plan.tracks)
            if (t.endTick <= lastEventTick(t)) t.endTick = 0;
        if (m_zeroLength > 0)
            warn(std::to_string(m_zeroLength) +
                 " zero-length note(s) were given a length of 1 tick");
    }

    static Tick lastEventTick(const model::Track& t)
    {
        Tick last = 0;
        for (const auto& n : t.notes)
            last = std::max(last, n.endTick());
        const auto consider = [&last](const auto& v) {
            if (!v.empty()) last = std::max(last, v.back().tick);
        };
        consider(t.controllers);
        consider(t.pitchBends);
        consider(t.channelPressure);
        consider(t.polyPressure);
        consider(t.programChanges);
        consider(t.rawEvents);
        return last;
    }

    void warn(std::string message) { m_result.warnings.push_back({0, std::move(message)}); }

    const SmfFile& m_file;
    SmfFile* m_release;
    ImportResult m_result;
    std::vector<Tick> m_offsets;
    std::array<ChannelState, 16> m_channels;
    std::vector<PairedNote> m_paired; ///< the current chunk's notes
    detail::NotePairer m_pairer;
    std::int64_t m_zeroLength = 0;
    int m_chunkFirstTrack = -1;
    std::string m_chunkName;
    std::vector<model::RawEvent> m_chunkRaw;
    bool m_smpteTempoIgnored = false;
};
} // namespace

Result<ImportResult> planFromSmf(const SmfFile& file)
{
    return Importer(file, nullptr).run();
}

Result<ImportResult> planFromSmf(SmfFile&& file)
{
    return Importer(file, &file).run();
}

Result<ImportResult> readPlan(std::span<const std::uint8_t> bytes)
{
    auto file = readSmf(bytes);
    if (!file) return file.error();
    return planFromSmf(std::move(*file));
}

} // namespace pianola::engine::smf
