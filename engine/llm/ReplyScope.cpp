// SPDX-License-Identifier: MIT
// A model's plan against the take it changes: only the named part and bars, never what is locked.
#include "engine/llm/ReplyScope.h"

#include "engine/generate/Intent.h"
#include "engine/generate/PlanInfo.h"
#include "model/Text.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace pianola::engine::llm {

namespace gen = engine::generate;

namespace {
using Key = std::tuple<model::Tick, int, model::Tick, int>; // start, key, length, velocity
constexpr model::Tick kEnd = std::numeric_limits<model::Tick>::max();

// The notes of `t` starting in [from, to), in `ppq` ticks, sorted.
std::vector<Key> keys(const model::Track& t, int fromPpq, int ppq, model::Tick from, model::Tick to)
{
    std::vector<Key> out;
    for (const model::Note& n : t.notes) {
        const model::Tick start = n.startTick * ppq / std::max(fromPpq, 1);
        if (start < from || start >= to) continue;
        out.emplace_back(start, n.key, n.lengthTicks * ppq / std::max(fromPpq, 1), n.velocity);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The reply's track for the parent's track `t`: the same name, else the same channel and
// program (a model may rename), or nullptr.
const model::Track* counterpart(const model::Plan& reply, const model::Track& t)
{
    for (const model::Track& r : reply.tracks)
        if (r.name == t.name && r.channel == t.channel) return &r;
    for (const model::Track& r : reply.tracks)
        if (r.channel == t.channel && r.program == t.program) return &r;
    return nullptr;
}

std::string quoted(const model::Track& t)
{
    return "\"" + model::cutUtf8(t.name, 40) + "\"";
}

struct Scope
{
    std::optional<gen::Role> role;   ///< the part the line may change; nullopt: any
    model::Tick from = 0, to = kEnd; ///< its bars (parent ticks); the whole take if 0
    bool removes = false;
    std::string what; ///< "the drums", "the bass in bars 5-8"
    std::string bars; ///< "bars 5-8", or empty: the whole take
};

Scope scopeOf(const model::Plan& parent, std::string_view prompt)
{
    const gen::PlanInfo info = gen::inferPlanInfo(parent);
    const gen::Intent intent = gen::readIntent(prompt, &info.roles);
    Scope s;
    const bool part = intent.kind == gen::IntentKind::AddPart ||
                      intent.kind == gen::IntentKind::ReplacePart ||
                      intent.kind == gen::IntentKind::RemovePart;
    if (!part) return s;
    s.role = intent.role;
    s.removes = intent.kind == gen::IntentKind::RemovePart;
    s.what = "the " + std::string(gen::roleName(intent.role));
    if (intent.fromBar > 0) {
        s.from = info.barTicks * (intent.fromBar - 1);
        s.to = info.barTicks * std::max(intent.fromBar, intent.toBar);
        s.bars = "bars " + std::to_string(intent.fromBar) + "-" +
                 std::to_string(std::max(intent.fromBar, intent.toBar));
        s.what += " in " + s.bars;
    }
    return s;
}

void checkTrack(const model::Plan& parent, const model::Plan& reply, std::size_t i,
                const Scope& scope, std::string& problems)
{
    const model::Track& t = parent.tracks[i];
    const std::string path = "tracks[" + std::to_string(i) + "] " + quoted(t) + ": ";
    const std::optional<gen::Role> role = gen::inferRole(t);
    const bool inScope = !scope.role || (role && *role == *scope.role && !t.locked);
    const model::Track* r = counterpart(reply, t);
    if (!r) { // a change may drop an unlocked track; a part request only the part it removes
        const bool mayGo = !t.locked && (!scope.role || (inScope && scope.removes));
        if (!mayGo)
            problems += path + (t.locked ? "locked, " : "") +
                        "missing from the reply; keep it exactly as it was\n";
        return;
    }
    const auto all = [&](const model::Track& x, int ppq, model::Tick from, model::Tick to) {
        return keys(x, ppq, parent.ppq, from, to);
    };
    if (t.locked || !inScope) {
        if (all(t, parent.ppq, 0, kEnd) != all(*r, reply.ppq, 0, kEnd) || t.program != r->program)
            problems +=
                path +
                (t.locked ? "locked"
                          : "not part of the request (it changes " + scope.what + " only)") +
                ", but the reply changed it; keep it exactly as it was\n";
        return;
    }
    // In scope: the bars outside the region stay, and so does every locked note.
    if (all(t, parent.ppq, 0, scope.from) != all(*r, reply.ppq, 0, scope.from) ||
        all(t, parent.ppq, scope.to, kEnd) != all(*r, reply.ppq, scope.to, kEnd))
        problems +=
            path + "changed outside " + scope.bars + "; keep the other bars exactly as they were\n";
    const std::vector<Key> now = all(*r, reply.ppq, 0, kEnd);
    int lost = 0;
    for (const model::Note& n : t.notes)
        lost += n.locked && !std::binary_search(now.begin(), now.end(),
                                                Key{n.startTick, n.key, n.lengthTicks, n.velocity});
    if (lost > 0)
        problems += path + std::to_string(lost) +
                    " locked note(s) changed or missing; keep every locked note as it was\n";
}
} // namespace

Result<void> checkReplyScope(const model::Plan& parent, const model::Plan& reply,
                             std::string_view prompt)
{
    const Scope scope = scopeOf(parent, prompt);
    std::string problems;
    for (std::size_t i = 0; i < parent.tracks.size(); ++i)
        checkTrack(parent, reply, i, scope, problems);
    if (problems.empty()) return {};
    problems.pop_back();
    return makeError(Error::Code::ValidationError, problems);
}

} // namespace pianola::engine::llm
