// SPDX-License-Identifier: MIT
// Fuzzes note pairing: pairing the full reader's events gives exactly the notes the fast path
// pairs while parsing, and every note is well-formed.
#include "engine/smf/SmfReader.h"
#include "tests/fuzz/FuzzCheck.h"

using namespace pianola::engine::smf;
using pianola::fuzz::check;

static bool same(const PairedNote& a, const PairedNote& b)
{
    return a.startTick == b.startTick && a.endTick == b.endTick && a.track == b.track &&
           a.channel == b.channel && a.key == b.key && a.velocity == b.velocity &&
           a.releaseVelocity == b.releaseVelocity;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::span<const std::uint8_t> bytes(data, size);
    auto full = readSmf(bytes);
    if (!full.ok()) return 0;
    auto fast = readSmfNotes(bytes);
    check(fast.ok(), "the fast path rejects what the full reader accepts");
    std::vector<Diagnostic> warnings;
    const std::vector<PairedNote> notes = pairNotes(*full, warnings);
    check(notes.size() == fast->notes.size(), "note counts differ");
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const PairedNote& n = notes[i];
        check(same(n, fast->notes[i]), "the two pairings differ");
        check(n.endTick >= n.startTick, "a note ends before it starts");
        check(n.track >= 0 && std::size_t(n.track) < full->tracks.size(), "note in no track");
        check(n.channel < 16 && n.key < 128 && n.velocity > 0 && n.velocity < 128 &&
                  n.releaseVelocity < 128,
              "note field out of range");
    }
    return 0;
}
