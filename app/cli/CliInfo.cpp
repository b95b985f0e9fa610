// SPDX-License-Identifier: MIT
// `pianola-cli info`: what a file holds, as a musician and a developer want to see it.
#include "app/cli/CliArgs.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliText.h"
#include "engine/FileIo.h"
#include "engine/PlanFile.h"
#include "engine/smf/SmfPlan.h"
#include "engine/smf/SmfReader.h"
#include "model/TempoMap.h"

#include <cstring>
#include <set>

namespace pianola::cli {

namespace {
struct ChunkCounts
{
    std::int64_t notes = 0, controllers = 0, pitchBends = 0, programs = 0, pressure = 0, metas = 0,
                 sysex = 0;
    std::set<int> channels;
    std::string name;
};

ChunkCounts countChunk(const engine::smf::SmfFile& file, const engine::smf::TrackChunk& chunk)
{
    ChunkCounts c;
    for (const auto& e : chunk.events) {
        if (e.isMeta()) {
            ++c.metas;
            if (e.data1 == engine::smf::kMetaTrackName && c.name.empty())
                c.name = std::string(file.payloadOf(e));
            continue;
        }
        if (e.isSysex()) {
            ++c.sysex;
            continue;
        }
        c.channels.insert(e.channel() + 1);
        switch (e.kind()) {
        case 0x90:
            c.notes += e.data2 > 0;
            break;
        case 0xB0:
            ++c.controllers;
            break;
        case 0xC0:
            ++c.programs;
            break;
        case 0xE0:
            ++c.pitchBends;
            break;
        case 0xA0:
        case 0xD0:
            ++c.pressure;
            break;
        default:
            break;
        }
    }
    return c;
}

// What the header and chunks say, taken before the import releases the events.
struct FileSummary
{
    int format = 1, ppq = 480, smpteFps = 0, smpteTicksPerFrame = 0;
    bool smpte = false;
    std::vector<ChunkCounts> chunks;
    std::vector<engine::smf::Tick> endTicks;
};

FileSummary summarize(const engine::smf::SmfFile& file)
{
    FileSummary s{file.format, file.ppq, file.smpteFps, file.smpteTicksPerFrame, file.smpte,
                  {},          {}};
    for (const auto& chunk : file.tracks) {
        s.chunks.push_back(countChunk(file, chunk));
        s.endTicks.push_back(chunk.endTick);
    }
    return s;
}

void printChunks(const Io& io, const FileSummary& file)
{
    if (file.smpte)
        std::fprintf(io.out,
                     "format %d, %zu track(s), SMPTE division %d fps x %d ticks per frame\n",
                     file.format, file.chunks.size(), file.smpteFps, file.smpteTicksPerFrame);
    else
        std::fprintf(io.out, "format %d, %zu track(s), %d ticks per quarter note\n", file.format,
                     file.chunks.size(), file.ppq);
    for (std::size_t i = 0; i < file.chunks.size(); ++i) {
        const ChunkCounts& c = file.chunks[i];
        std::string channels;
        for (int ch : c.channels)
            channels += (channels.empty() ? "" : ",") + std::to_string(ch);
        std::fprintf(
            io.out,
            "  track %zu \"%s\": channels %s; %lld notes, %lld CC, %lld pitch bend, %lld program, "
            "%lld pressure, %lld meta, %lld sysex; ends at tick %lld\n",
            i, printable(c.name).c_str(), channels.empty() ? "-" : channels.c_str(),
            static_cast<long long>(c.notes), static_cast<long long>(c.controllers),
            static_cast<long long>(c.pitchBends), static_cast<long long>(c.programs),
            static_cast<long long>(c.pressure), static_cast<long long>(c.metas),
            static_cast<long long>(c.sysex), static_cast<long long>(file.endTicks[i]));
    }
}

void printPlan(const Io& io, const model::Plan& plan)
{
    const model::TempoMap map(plan);
    std::fprintf(io.out, "tempo map (ppq %d):\n", plan.ppq);
    for (const auto& t : plan.tempos)
        std::fprintf(io.out, "  tick %lld  %.3f s  %g bpm\n", static_cast<long long>(t.tick),
                     map.ticksToSeconds(t.tick), t.bpm);
    for (const auto& ts : plan.timeSignatures)
        std::fprintf(io.out, "meter: tick %lld  %d/%d\n", static_cast<long long>(ts.tick),
                     ts.numerator, ts.denominator);
    for (const auto& ks : plan.keySignatures)
        std::fprintf(io.out, "key: tick %lld  %s %s\n", static_cast<long long>(ks.tick),
                     model::keySignatureTonic(ks).c_str(), ks.minor ? "minor" : "major");
    std::fprintf(io.out, "plan tracks: %zu\n", plan.tracks.size());
    for (std::size_t i = 0; i < plan.tracks.size(); ++i) {
        const auto& t = plan.tracks[i];
        std::fprintf(io.out, "  %zu \"%s\": channel %d, program %d, %zu notes\n", i,
                     printable(t.name).c_str(), t.channel + 1, t.program, t.notes.size());
    }
    const model::Tick length = plan.lengthTicks();
    std::fprintf(io.out, "notes: %lld\nlength: %lld ticks, %.3f s\n",
                 static_cast<long long>(plan.noteCount()), static_cast<long long>(length),
                 map.ticksToSeconds(length));
}

int infoPlanFile(const Io& io, const std::string& path, const CliArgs& parsed)
{
    auto loaded = loadInput(io, path, parsed, false);
    if (!loaded) return kBadInput;
    std::fprintf(io.out, "%s\n", printable(path).c_str());
    if (loaded->fromProject)
        std::fprintf(io.out, "project: take %llu \"%s\" (of %zu)\n",
                     static_cast<unsigned long long>(loaded->takeId),
                     printable(loaded->takeName).c_str(), loaded->takeCount);
    else
        std::fprintf(io.out, "plan JSON\n");
    printPlan(io, loaded->plan);
    for (const std::string& w : loaded->warnings)
        std::fprintf(io.out, "warning: %s\n", printable(w).c_str());
    return kOk;
}

// The file is read and imported completely before anything is printed: a file that is refused
// prints nothing but the reason (with its byte offset).
int infoOne(const Io& io, const std::string& path, const CliArgs& parsed)
{
    std::vector<std::uint8_t> bytes;
    if (auto read = engine::readFileInto(path, engine::smf::kMaxFileBytes, bytes); !read) {
        printError(io.err, read.error().message);
        return kBadInput;
    }
    const bool smf = bytes.size() >= 4 && (std::memcmp(bytes.data(), "MThd", 4) == 0 ||
                                           std::memcmp(bytes.data(), "RIFF", 4) == 0);
    if (!smf || parsed.value("--take")) return infoPlanFile(io, path, parsed);
    auto file = engine::smf::readSmf(bytes);
    std::vector<std::uint8_t>().swap(bytes); // the events hold what is needed now
    if (!file) {
        printError(io.err, path + ": " + file.error().message);
        return kBadInput;
    }
    const FileSummary summary = summarize(*file);
    auto imported = engine::smf::planFromSmf(std::move(*file));
    if (!imported) {
        printError(io.err, path + ": " + imported.error().message);
        return kBadInput;
    }
    std::fprintf(io.out, "%s\n", printable(path).c_str());
    printChunks(io, summary);
    printPlan(io, imported->plan);
    for (const auto& w : imported->warnings)
        std::fprintf(io.out, "warning: %s\n", printable(w.message).c_str());
    return kOk;
}
} // namespace

int commandInfo(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({}, {"--take"});
    if (!parsed.parse(args)) return usageError(io, "info", parsed.error());
    if (parsed.positionals().empty()) return usageError(io, "info", "needs at least one FILE");
    int status = kOk;
    for (const std::string& path : parsed.positionals())
        status = std::max(status, infoOne(io, path, parsed));
    return status;
}

} // namespace pianola::cli
