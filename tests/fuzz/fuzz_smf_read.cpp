// SPDX-License-Identifier: MIT
// Fuzzes the SMF reader alone: the full reader and the note-only fast path share one parser and
// must agree (validity, error, header); what the full reader stores is well-formed.
#include "engine/smf/SmfReader.h"
#include "tests/fuzz/FuzzCheck.h"

using namespace pianola::engine::smf;
using pianola::fuzz::check;

static void checkEvents(const SmfFile& file)
{
    for (const TrackChunk& track : file.tracks) {
        Tick previous = 0;
        for (const Event& e : track.events) {
            check(e.tick >= previous && e.tick <= track.endTick, "event ticks out of order");
            check(e.status >= 0x80 && (e.isChannel() || e.isMeta() || e.isSysex()),
                  "an event that is neither channel, meta nor sysex");
            check(!e.isChannel() || ((e.data1 | e.data2) & 0x80) == 0, "data byte over 0x7F");
            check(std::size_t(e.payloadOffset) + e.payloadLength <= file.payload.size(),
                  "payload outside the payload store");
            previous = e.tick;
        }
        check(track.endTick <= pianola::model::Limits::kMaxTick, "end tick beyond the limit");
    }
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::span<const std::uint8_t> bytes(data, size);
    auto full = readSmf(bytes);
    auto fast = readSmfNotes(bytes);
    check(full.ok() == fast.ok(), "readSmf and readSmfNotes disagree on validity");
    if (!full.ok()) {
        check(full.error().message == fast.error().message, "the two readers give other errors");
        check(!full.error().message.empty(), "an error without a message");
        return 0;
    }
    check(full->format == fast->format && full->ppq == fast->ppq, "the readers' headers differ");
    check(int(full->tracks.size()) == fast->trackCount, "the readers count other tracks");
    check(full->format >= 0 && full->format <= 2, "format outside 0..2");
    check(full->ppq > 0 && full->ppq <= pianola::model::Limits::kMaxPpq, "ppq out of range");
    check(full->warnings.size() <= 65 && fast->warnings.size() <= 65, "warnings not capped");
    checkEvents(*full);
    return 0;
}
