// SPDX-License-Identifier: MIT
// Chord track <-> conductor markers, exact both ways for the chords Pianola writes.
#include "engine/smf/SmfChords.h"

#include "engine/smf/Smf.h"
#include "model/ChordSymbol.h"
#include "model/ChordTrack.h"

#include <algorithm>
#include <optional>

namespace pianola::engine::smf {

namespace {
constexpr std::uint8_t kMetaMarker = 0x06;

model::KeySignature keyAt(const model::Plan& plan, model::Tick tick)
{
    model::KeySignature key;
    for (const model::KeySignature& k : plan.keySignatures)
        if (k.tick <= tick) key = k;
    return key;
}

model::RawEvent marker(model::Tick tick, std::string text)
{
    return model::RawEvent{tick, kMetaMarker, false, std::move(text)};
}

struct ChordMarker
{
    std::size_t event; ///< index in globalEvents
    model::ChordSymbol symbol;
};

// Markers that read as chord symbols, or nothing when none of them is clearly a chord.
std::vector<ChordMarker> chordLikeMarkers(const model::Plan& plan)
{
    std::vector<ChordMarker> out;
    bool clearlyChords = false;
    for (std::size_t i = 0; i < plan.globalEvents.size(); ++i) {
        const model::RawEvent& e = plan.globalEvents[i];
        if (e.sysex || e.type != kMetaMarker || e.data.size() > model::kMaxChordSymbolBytes)
            continue;
        auto symbol = model::parseChordSymbol(e.data);
        if (!symbol || e.data.find_first_of(" \t") != std::string::npos) continue;
        clearlyChords = clearlyChords || e.data.size() > 1;
        out.push_back({i, std::move(*symbol)});
    }
    if (!clearlyChords) out.clear();
    return out;
}
} // namespace

std::vector<model::RawEvent> chordMarkers(const model::Plan& plan)
{
    std::vector<model::RawEvent> out;
    for (std::size_t i = 0; i < plan.chords.size(); ++i) {
        const model::PlanChord& c = plan.chords[i];
        const auto symbol = model::chordSymbolOf(c);
        if (!symbol) continue; // validated plans never get here
        out.push_back(
            marker(c.startTick, model::chordSymbolText(*symbol, keyAt(plan, c.startTick))));
        const bool last = i + 1 == plan.chords.size();
        if (last || plan.chords[i + 1].startTick > c.endTick())
            out.push_back(marker(c.endTick(), "N.C."));
    }
    return out;
}

std::size_t chordsFromMarkers(model::Plan& plan)
{
    const std::vector<ChordMarker> markers = chordLikeMarkers(plan);
    if (markers.empty()) return 0;
    std::vector<bool> taken(plan.globalEvents.size(), false);
    for (const ChordMarker& m : markers)
        taken[m.event] = true;
    std::vector<model::RawEvent> rest;
    std::vector<model::RawEvent> all = std::move(plan.globalEvents);
    for (std::size_t i = 0; i < all.size(); ++i)
        if (!taken[i]) rest.push_back(std::move(all[i]));
    plan.globalEvents = std::move(rest);
    const model::Tick limit = model::chordTrackLimit(plan);
    plan.chords.clear();
    for (std::size_t i = 0; i < markers.size(); ++i) {
        const model::Tick start = all[markers[i].event].tick;
        const model::Tick end =
            std::min(i + 1 < markers.size() ? all[markers[i + 1].event].tick : limit, limit);
        if (markers[i].symbol.noChord || end <= start) continue;
        plan.chords.push_back(model::planChordOf(markers[i].symbol, start, end - start));
    }
    return plan.chords.size();
}

} // namespace pianola::engine::smf
