// SPDX-License-Identifier: MIT
// describeTake(): the take as a few compact lines of text.
#include "engine/llm/TakeContext.h"

#include "model/Text.h"

#include <algorithm>
#include <cmath>

namespace pianola::engine::llm {

namespace {
std::string header(const model::Plan& plan)
{
    const model::TimeSignature& ts = plan.timeSignatures.front();
    std::string s = "tempo " + std::to_string(std::lround(plan.initialBpm())) + " bpm, meter " +
                    std::to_string(ts.numerator) + "/" + std::to_string(ts.denominator);
    if (!plan.keySignatures.empty()) {
        const model::KeySignature& k = plan.keySignatures.front();
        s += ", key " + model::keySignatureTonic(k) + (k.minor ? " minor" : " major");
    }
    s += ", ppq " + std::to_string(plan.ppq) + ", " + std::to_string(plan.lengthTicks()) +
         " ticks long\n";
    return s;
}

std::string noteText(const model::Note& n)
{
    return std::to_string(n.startTick) + ":" + std::to_string(n.key) + ":" +
           std::to_string(n.lengthTicks) + ":" + std::to_string(n.velocity);
}

// Appends the notes while the text stays under `budget`; says how many did not fit.
void appendNotes(std::string& out, const std::vector<const model::Note*>& notes, std::size_t budget)
{
    std::size_t written = 0;
    for (const model::Note* n : notes) {
        const std::string t = noteText(*n);
        if (out.size() + t.size() + 40 > budget) break;
        out += (written ? " " : "") + t;
        ++written;
    }
    if (written < notes.size())
        out += (written ? " " : "") + std::string("... (") +
               std::to_string(notes.size() - written) + " more notes left out)";
    out += "\n";
}
} // namespace

std::string describeTake(const model::Take& take, const std::vector<TrackSelection>& selection,
                         std::size_t maxChars)
{
    const model::Plan& plan = take.plan;
    std::string out = header(plan);
    // Each track gets an equal share of what is left, so one busy track cannot crowd out others.
    const std::size_t tracks = std::max<std::size_t>(1, plan.tracks.size() + selection.size());
    for (std::size_t i = 0; i < plan.tracks.size(); ++i) {
        const model::Track& t = plan.tracks[i];
        out += "track " + std::to_string(i) + " \"" + model::cutUtf8(t.name, 40) + "\" program " +
               std::to_string(t.program) + " channel " + std::to_string(t.channel) + ", " +
               std::to_string(t.notes.size()) + " notes (start:key:len:vel): ";
        std::vector<const model::Note*> notes;
        for (const model::Note& n : t.notes)
            notes.push_back(&n);
        const std::size_t share = maxChars > out.size() ? (maxChars - out.size()) / tracks : 0;
        appendNotes(out, notes, out.size() + share);
    }
    for (const TrackSelection& sel : selection) {
        if (sel.track < 0 || static_cast<std::size_t>(sel.track) >= plan.tracks.size()) continue;
        std::vector<const model::Note*> notes;
        for (const model::Note& n : plan.tracks[static_cast<std::size_t>(sel.track)].notes)
            if (std::find(sel.notes.begin(), sel.notes.end(), n.id) != sel.notes.end())
                notes.push_back(&n);
        out += "selected in track " + std::to_string(sel.track) + ": ";
        appendNotes(out, notes, std::max(out.size() + 60, maxChars));
    }
    return out;
}

} // namespace pianola::engine::llm
