// SPDX-License-Identifier: MIT
// The interpreter's Named flags and brief, turned into the checklist's Asked.
#include "engine/analysis/AskedFromWords.h"

#include <algorithm>

namespace pianola::engine::analysis {

namespace gen = engine::generate;

namespace {
void addParts(const gen::Interpretation& in, Asked& out)
{
    const gen::Named& n = in.named;
    std::vector<gen::Role> roles = n.roles;
    if (n.full)
        for (const gen::Part& p : in.brief.parts)
            if (std::find(roles.begin(), roles.end(), p.role) == roles.end())
                roles.push_back(p.role);
    for (gen::Role role : roles) {
        const gen::Part* part = in.brief.part(role);
        if (!part) continue; // named, then removed again ("without")
        AskedPart a{std::string(gen::roleName(role)), -1, false};
        const bool programNamed = part->program != gen::defaultPart(in.brief.genre, role).program;
        if (programNamed && role != gen::Role::Drums) a.program = part->program;
        if (std::none_of(out.parts.begin(), out.parts.end(),
                         [&](const AskedPart& x) { return x.role == a.role; }))
            out.parts.push_back(a);
    }
    for (gen::Role role : n.removed)
        if (!in.brief.part(role)) out.parts.push_back({std::string(gen::roleName(role)), -1, true});
}
} // namespace

Asked askedFrom(const gen::Interpretation& in)
{
    const gen::Named& n = in.named;
    const gen::Brief& b = in.brief;
    Asked out;
    if (n.tempo) out.bpm = b.bpm;
    if (n.meter) out.meter = std::pair{b.numerator, b.denominator};
    if (n.bars) out.bars = b.bars;
    if (n.mode) out.minor = gen::isMinorMode(b.mode);
    if (n.key) out.tonic = b.tonic;
    addParts(in, out);
    if (n.extension) out.extension = b.extension;
    if (n.swing) out.swingPercent = b.swing;
    if (n.humanize || n.quantize) out.humanize = !n.quantize;
    if (n.soft || n.loud) out.loudness = n.soft ? -1 : 1;
    out.backbeat = n.backbeat && b.part(gen::Role::Drums);
    out.fourOnTheFloor = n.fourOnTheFloor && b.part(gen::Role::Drums);
    out.bassRoots = n.bassRoots && b.part(gen::Role::Bass);
    out.bassKick = n.bassKick && b.part(gen::Role::Bass) && b.part(gen::Role::Drums);
    if (b.part(gen::Role::Drums)) {
        out.fillBars = b.directives.fillBars;
        out.tripletBars = b.directives.tripletHatBars;
    }
    return out;
}

Asked askedFromWords(std::string_view words, const model::Plan* parent)
{
    const gen::Interpretation in = gen::interpret(words);
    Asked out = askedFrom(in);
    out.parent = parent;
    // "slower" of a take is slower than it, not the slow tempo of a new song's genre.
    if (parent && in.named.tempoChange != 0) {
        out.bpm.reset();
        out.tempoChange = in.named.tempoChange;
    }
    // The same for "louder" and "softer": louder than the take was, where the words aimed.
    if (parent && in.named.loudnessChange != 0 && out.loudness) {
        out.loudness.reset();
        out.loudnessChange = in.named.loudnessChange;
    }
    return out;
}

} // namespace pianola::engine::analysis
