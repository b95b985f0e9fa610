// SPDX-License-Identifier: MIT
// A request narrowed to a track and bars: the intent read against the scope, and the temporary
// locks that keep a variation inside it.
#include "engine/llm/Scope.h"

#include "engine/generate/Interpreter.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/Request.h"

#include <algorithm>

namespace pianola::engine::llm {

namespace gen = engine::generate;

namespace {
bool namesPart(std::string_view prompt)
{
    gen::Interpretation heard;
    return !gen::readRequest(prompt, heard).roles.empty();
}

// The parts a regeneration of the scope asks for: the scope's track, or every unlocked track
// with notes (and a role) when the scope is bars only.
std::vector<gen::PartRequest> scopeParts(const RequestScope& scope, const model::Plan& parent)
{
    const auto roles = gen::inferPlanInfo(parent).roles;
    std::vector<gen::PartRequest> parts;
    for (std::size_t i = 0; i < parent.tracks.size() && i < roles.size(); ++i) {
        const bool chosen = scope.track ? *scope.track == i : !parent.tracks[i].locked;
        if (!chosen || !roles[i]) continue;
        gen::PartRequest part;
        part.action = gen::PartAction::Regenerate;
        part.role = *roles[i];
        part.track = i;
        part.fromBar = scope.fromBar, part.toBar = scope.toBar;
        parts.push_back(part);
    }
    return parts;
}

bool isPartIntent(gen::IntentKind kind)
{
    return kind == gen::IntentKind::AddPart || kind == gen::IntentKind::ReplacePart ||
           kind == gen::IntentKind::RemovePart || kind == gen::IntentKind::LockPart;
}
} // namespace

ScopedIntent narrowIntent(const gen::Intent& intent, const RequestScope& scope,
                          const model::Plan& parent, std::string_view prompt)
{
    ScopedIntent out{intent, {}, false};
    gen::Intent& in = out.intent;
    const bool named = namesPart(prompt);
    // A Regenerate action with the whole take as its scope regenerates every unlocked part.
    const bool regenerateScope =
        !named && (scope.regenerate ||
                   (scope.narrowed() && in.regenerateVerb &&
                    (in.kind == gen::IntentKind::Nonsense || in.kind == gen::IntentKind::Change)));
    if (regenerateScope) {
        out.parts = scopeParts(scope, parent);
        in.kind = gen::IntentKind::ReplacePart;
        in.fromBar = scope.fromBar, in.toBar = scope.toBar;
        if (out.parts.size() == 1) in.role = out.parts.front().role;
        return out;
    }
    if (scope.narrowed() && in.kind == gen::IntentKind::ReplacePart && in.fromBar == 0)
        in.fromBar = scope.fromBar, in.toBar = scope.toBar;
    if (isPartIntent(in.kind)) {
        out.parts.push_back(in.partRequest());
        return out;
    }
    // A change that names no part stays in the scope's track; bars narrow any change.
    out.lockOutside =
        in.kind == gen::IntentKind::Change && ((scope.track && !named) || scope.fromBar > 0);
    return out;
}

model::Plan lockOutsideScope(model::Plan parent, const RequestScope& scope)
{
    const model::Tick bar = gen::inferPlanInfo(parent).barTicks;
    const model::Tick from = scope.fromBar > 0 ? bar * (scope.fromBar - 1) : 0;
    const model::Tick to = scope.fromBar > 0 ? bar * scope.toBar : model::Limits::kMaxTick;
    for (std::size_t i = 0; i < parent.tracks.size(); ++i) {
        model::Track& t = parent.tracks[i];
        if (scope.track && *scope.track != i) t.locked = true;
        for (model::Note& n : t.notes)
            if (n.startTick < from || n.startTick >= to) n.locked = true;
    }
    return parent;
}

void restoreOwnLocks(const model::Plan& parent, model::Plan& made)
{
    const bool sameCount = parent.tracks.size() == made.tracks.size();
    for (std::size_t i = 0; i < made.tracks.size(); ++i) {
        model::Track& t = made.tracks[i];
        // By id; tracks without ids (a take not yet in a project) by index.
        const int index = t.id != 0   ? parent.trackIndex(t.id)
                          : sameCount ? static_cast<int>(i)
                                      : -1;
        if (index < 0) continue;
        const model::Track& own = parent.tracks[static_cast<std::size_t>(index)];
        t.locked = own.locked;
        for (model::Note& n : t.notes) {
            const auto same = std::find_if(own.notes.begin(), own.notes.end(),
                                           [&](const model::Note& o) { return o.id == n.id; });
            if (n.locked) n.locked = same != own.notes.end() && same->locked;
        }
    }
}

std::string describeScope(const RequestScope& scope, const model::Plan& parent)
{
    std::string s;
    if (scope.track && *scope.track < parent.tracks.size())
        s = "track " + std::to_string(*scope.track + 1) + " (" + parent.tracks[*scope.track].name +
            ")";
    if (scope.fromBar > 0)
        s += (s.empty() ? "" : ", ") +
             (scope.fromBar == scope.toBar
                  ? "bar " + std::to_string(scope.fromBar)
                  : "bars " + std::to_string(scope.fromBar) + "-" + std::to_string(scope.toBar));
    return s;
}

} // namespace pianola::engine::llm
