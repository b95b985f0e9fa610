// SPDX-License-Identifier: MIT
// Chord track speed, one core (issue 12 targets, release build): refit of an 8-bar 4-part take
// <= 2 ms; detecting the chords of a 5-minute song <= 50 ms; harmonizing 8 bars, 4 candidates
// <= 20 ms; and the symbol reader.
#include "BenchUtil.h"
#include "engine/FileIo.h"
#include "engine/generate/Generator.h"
#include "engine/generate/Harmonize.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/Refit.h"
#include "engine/smf/SmfPlan.h"
#include "model/ChordSymbol.h"
#include "model/ChordTrack.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace pianola;
namespace gen = pianola::engine::generate;

namespace {
using bench::measure;

// A POP909 song if the shared corpus is here, else a generated 150-bar take (5 min at 120 bpm).
model::Plan fiveMinuteSong()
{
    const auto bytes =
        engine::readFile(PIANOLA_SHARED_DIR "/corpora/pop909-dev/001/001.mid", 64u << 20);
    if (bytes) {
        if (auto plan = engine::smf::readPlan(*bytes)) return plan->plan;
    }
    gen::Brief brief = gen::interpret("pop song in C with chords, bass, drums and melody").brief;
    brief.bars = 150;
    return gen::generatePlan(brief, 0);
}
} // namespace

int main()
{
    std::size_t sink = 0;
    const model::Plan take = gen::generatePlan(
        gen::interpret("8-bar pop song in C major with chords, bass, drums and a melody").brief, 0);
    const auto chords = model::chordsFromBars("Am7 | Fmaj7 | C G | E7", take);
    std::printf("take: %zu tracks, %lld notes, %zu new chords\n", take.tracks.size(),
                static_cast<long long>(take.noteCount()), chords->size());
    measure("refit: 8 bars, 4 parts to \"Am7 | Fmaj7 | C G | E7\"", 300,
            [&](int) { sink += gen::refitToChords(take, *chords).noteCount(); });
    const int melody = gen::melodyTrackOf(take);
    measure("harmonize: 8 bars, 4 candidates", 300, [&](int) {
        for (const auto& candidate : gen::harmonize(take, melody, 4))
            sink += candidate.size();
    });
    const model::Plan song = fiveMinuteSong();
    std::printf("song: %lld notes, %lld ticks\n", static_cast<long long>(song.noteCount()),
                static_cast<long long>(song.lengthTicks()));
    measure("detect chords: a whole song (POP909 001: 196 s)", 20,
            [&](int) { sink += gen::detectChords(song).size(); });
    measure("harmonize: a whole song (POP909 001), 4 candidates", 20, [&](int) {
        for (const auto& candidate : gen::harmonize(song, gen::melodyTrackOf(song), 4))
            sink += candidate.size();
    });
    const char* const symbols[] = {"Fmaj9", "Bb/D", "C7#9", "Dm7b5",
                                   "Csus4", "C6/9", "Am11", "N.C."};
    measure("parse + print 8,000 chord symbols", 50, [&](int) {
        for (int i = 0; i < 1000; ++i)
            for (const char* s : symbols)
                sink += model::chordSymbolText(*model::parseChordSymbol(s)).size();
    });
    std::printf("(%zu)\n", sink);
}
