// SPDX-License-Identifier: MIT
// Generation in context: the take's brief and harmony, one part made for it, spliced in.
#include "engine/generate/Arranger.h"

#include "engine/generate/ArrangerContext.h"
#include "engine/generate/Generator.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/Parts.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/Rebar.h"
#include "engine/generate/Request.h"
#include "engine/generate/Variation.h"
#include "model/Analysis.h"
#include "model/NoteOps.h"

#include <algorithm>
#include <cmath>

namespace pianola::engine::generate {

namespace {
Error refusal(const std::string& why)
{
    return Error{Error::Code::InvalidArgument, "nothing changed: " + why};
}

// The tracks of the take that play `role` (inferred from name, channel, program, register).
std::vector<std::size_t> tracksOf(const model::Plan& plan, Role role)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < plan.tracks.size(); ++i)
        if (inferRole(plan.tracks[i]) == role) out.push_back(i);
    return out;
}

int freeChannel(const model::Plan& plan)
{
    for (int ch = 0; ch < 16; ++ch) {
        if (ch == 9) continue;
        if (std::none_of(plan.tracks.begin(), plan.tracks.end(),
                         [&](const model::Track& t) { return t.channel == ch; }))
            return ch;
    }
    return plan.tracks.empty() ? 0 : (plan.tracks.back().channel + 1) % 16 == 9 ? 10 : 0;
}

// Keeps locked notes of `old` and drops new notes that would sound the same key over them.
void keepLockedNotes(const model::Track& old, Notes& fresh)
{
    for (const model::Note& l : old.notes) {
        if (!l.locked) continue;
        std::erase_if(fresh, [&](const model::Note& n) {
            return n.key == l.key && n.startTick < l.endTick() && l.startTick < n.endTick();
        });
        fresh.push_back(l);
    }
}

// The new notes inside [from, to) join the old notes outside it: old notes that start before
// the region (and may sound into it, as they did) stay, new notes end at the region's end (one
// that would be cut to less than `minTicks` there is left out: no sliver at the edge).
Notes splice(const Notes& old, const Notes& fresh, Tick from, Tick to, Tick minTicks)
{
    Notes out;
    for (const model::Note& n : old)
        if (n.startTick < from || n.startTick >= to || n.locked) out.push_back(n);
    for (model::Note n : fresh) {
        if (n.startTick < from || n.startTick >= to) continue;
        if (n.endTick() > to && to - n.startTick < minTicks) continue;
        n.lengthTicks = std::min(n.lengthTicks, to - n.startTick);
        n.id = 0;
        // A note of the same key still sounding from before the region wins: it is not cut.
        const bool held = std::any_of(old.begin(), old.end(), [&](const model::Note& o) {
            return o.key == n.key && o.startTick < from && o.endTick() > n.startTick;
        });
        if (!held) out.push_back(n);
    }
    return out;
}

// "Re-roll the chords but keep the rhythm": the old chord notes keep their onsets, lengths and
// velocities; each onset's notes take the new chord's voicing, led from the chord before.
Notes revoice(const Notes& old, const Context& ctx, const Part& part, Tick from, Tick to)
{
    Notes out;
    std::vector<int> previous;
    for (std::size_t i = 0; i < old.size();) {
        std::size_t j = i;
        while (j < old.size() && old[j].startTick - old[i].startTick <= ctx.grid.stepTicks / 2)
            ++j;
        const Tick at = old[i].startTick;
        if (at >= from && at < to && !old[i].locked) {
            const std::vector<int> keys = voiceChord(ctx.chordAt(at).chord, previous, part.lowKey,
                                                     part.highKey, ctx.brief.voicing);
            previous = keys;
            for (std::size_t k = i; k < j && k - i < keys.size(); ++k) {
                model::Note n = old[k];
                n.key = static_cast<std::uint8_t>(keys[k - i]);
                out.push_back(n);
            }
        } else {
            out.insert(out.end(), old.begin() + static_cast<std::ptrdiff_t>(i),
                       old.begin() + static_cast<std::ptrdiff_t>(j));
        }
        i = j;
    }
    return out;
}

// Key and meter words in a part's line ("add a bass in E minor", "drums in 3/4") are for the
// whole take: the take moves to the key (its other parts transposed, locked ones left as they
// are) or takes the meter (each bar kept as that bar, Rebar.cpp) before the part is made; the
// chips say so.
model::Plan wholeTake(const model::Plan& take, std::string_view words, std::uint64_t seed,
                      std::vector<std::string>& chips)
{
    Interpretation heard;
    const Request q = readRequest(words, heard);
    const PlanInfo info = inferPlanInfo(take);
    model::Plan out = take;
    const bool minor = q.mode ? isMinorMode(*q.mode) : info.minor;
    if (q.tonic && (*q.tonic != info.tonic || minor != info.minor)) {
        const std::string name = model::analysis::keyName({*q.tonic, minor, 0.0});
        auto moved = vary(take, "transpose to " + name, seed);
        if (moved) {
            out = std::move(moved->plan);
            const bool lockedStay =
                std::any_of(take.tracks.begin(), take.tracks.end(), [](const model::Track& t) {
                    return t.channel != 9 &&
                           (t.locked || std::any_of(t.notes.begin(), t.notes.end(),
                                                    [](const model::Note& n) { return n.locked; }));
                });
            chips.push_back("key: " + model::analysis::keyName({info.tonic, info.minor, 0.0}) +
                            " -> " + name + " for the whole take (the other parts transposed" +
                            (lockedStay ? "; locked notes stay as they were)" : ")"));
        } else {
            chips.push_back("key: stays " +
                            model::analysis::keyName({info.tonic, info.minor, 0.0}) + " (" +
                            moved.error().message + ")");
        }
    }
    // An impossible meter ("0/8") leaves the take as it is: the part's brief refuses it in words.
    if (q.meter && meterSupported(q.meter->first, q.meter->second) &&
        (q.meter->first != info.numerator || q.meter->second != info.denominator)) {
        out = rebar(out, q.meter->first, q.meter->second);
        restoreLocked(take, out);
        chips.push_back("meter: " + std::to_string(info.numerator) + "/" +
                        std::to_string(info.denominator) + " -> " + std::to_string(q.meter->first) +
                        "/" + std::to_string(q.meter->second) +
                        " for the whole take (each bar of the other parts kept as that bar)");
    }
    return out;
}

std::string barsText(int from, int to)
{
    return from == to ? "bar " + std::to_string(from)
                      : "bars " + std::to_string(from) + "-" + std::to_string(to);
}
} // namespace

Result<ArrangeResult> arrange(const model::Plan& asked, const PartRequest& request,
                              std::string_view words, std::uint64_t seed, int index)
{
    ArrangeResult result;
    if (asked.ppq < kMinGridPpq && request.action != PartAction::Remove &&
        request.action != PartAction::Lock)
        return refusal(tooCoarseText(asked.ppq, "a part"));
    std::vector<std::string> whole;
    const model::Plan take =
        request.action == PartAction::Add || request.action == PartAction::Regenerate
            ? wholeTake(asked, words, seed, whole)
            : asked;
    result.plan = take;
    model::Plan& plan = result.plan;
    const std::string role(roleName(request.role));
    std::vector<std::size_t> existing = tracksOf(take, request.role);
    if (request.track && *request.track < take.tracks.size() &&
        request.action == PartAction::Regenerate)
        existing = {*request.track};
    if (request.action == PartAction::Remove || request.action == PartAction::Lock) {
        if (existing.empty()) return refusal("the take has no " + role + " part");
        const bool remove = request.action == PartAction::Remove;
        for (auto it = existing.rbegin(); it != existing.rend(); ++it) {
            if (remove && take.tracks[*it].locked)
                return refusal("the " + role + " track is locked; unlock it to remove it");
            if (remove)
                plan.tracks.erase(plan.tracks.begin() + static_cast<std::ptrdiff_t>(*it));
            else
                plan.tracks[*it].locked = true;
        }
        result.chips.push_back((remove ? "remove part: " : "lock: ") + role);
        return result;
    }
    const bool drumsExist = request.role == Role::Drums && !existing.empty();
    const bool regenerate =
        request.action == PartAction::Regenerate || (drumsExist && !request.secondLayer);
    if (regenerate && existing.empty())
        return refusal("the take has no " + role + " part to regenerate");
    const std::optional<std::size_t> target =
        regenerate ? std::optional<std::size_t>(existing.front()) : std::nullopt;
    if (target && take.tracks[*target].locked)
        return refusal("the " + role + " track is locked; unlock it to regenerate it");
    if (target &&
        std::all_of(take.tracks[*target].notes.begin(), take.tracks[*target].notes.end(),
                    [](const model::Note& n) { return n.locked; }) &&
        !take.tracks[*target].notes.empty())
        return refusal("every note of the " + role + " is locked");

    PartContext pc = partContext(take, request, words, seed, index, target);
    if (!pc.problems.empty()) return refusal(pc.problems.front());
    const Brief& b = *pc.brief;
    const PlanInfo info = inferPlanInfo(take);
    Tick from = 0, to = pc.ctx->grid.barStart(b.bars);
    if (request.fromBar > 0) {
        if (request.fromBar > b.bars || request.toBar < request.fromBar)
            return refusal(barsText(request.fromBar, std::max(request.fromBar, request.toBar)) +
                           " are outside the take's " + std::to_string(b.bars) + " bars");
        from = pc.ctx->grid.barStart(request.fromBar - 1);
        to = pc.ctx->grid.barStart(std::min(request.toBar, b.bars));
    }
    Notes notes = makePart(*pc.ctx, pc.part, pc.seed);
    applyFeel(notes, b, pc.ctx->grid, pc.part.role, pc.seed);
    for (const std::string& chip : whole)
        result.chips.push_back(chip);
    for (const std::string& chip : pc.chips)
        result.chips.push_back(chip);
    if (pc.tempoChanged) plan.tempos = {model::TempoChange{0, b.bpm}};
    if (pc.harmonyChanged)
        plan.chords = pc.harmony(from, to, take.chords);
    else if (take.chords.empty())
        plan.chords = planChords(pc.ctx->chords);
    if (target) {
        model::Track& t = plan.tracks[*target];
        if (request.role == Role::Drums && pc.part.program == 40) t.program = 40;
        if (request.role != Role::Drums && request.fromBar == 0) t.program = pc.part.program;
        const bool rhythm = request.keepRhythm && request.role == Role::Chords;
        if (request.fromBar > 0 && request.role != Role::Drums && !rhythm) {
            std::erase_if(notes, [&](const model::Note& n) {
                return n.startTick < from || n.startTick >= to;
            });
            joinRegion(notes, t.notes, from, to, pc.part.lowKey, pc.part.highKey);
        }
        Notes spliced = rhythm ? revoice(t.notes, *pc.ctx, pc.part, from, to)
                               : splice(t.notes, notes, from, to, pc.ctx->grid.stepTicks);
        if (rhythm) result.chips.push_back("rhythm: the chord part's onsets and lengths kept");
        keepLockedNotes(take.tracks[*target], spliced);
        std::erase_if(spliced, [](const model::Note& n) { return n.lengthTicks <= 0; });
        t.notes = std::move(spliced);
        if (t.endTick != 0) t.endTick = std::max(t.endTick, to);
        result.chips.insert(result.chips.begin(),
                            "regenerate part: " + role +
                                (request.fromBar > 0
                                     ? ", " + barsText(request.fromBar, request.toBar)
                                     : ", " + std::to_string(b.bars) + " bars"));
    } else {
        const int channel = request.role == Role::Drums ? 9 : freeChannel(take);
        model::Track t = makeTrack(pc.part, channel, std::move(notes), take.lengthTicks());
        if (!existing.empty()) t.name += " " + std::to_string(existing.size() + 1);
        plan.tracks.push_back(std::move(t));
        result.chips.insert(result.chips.begin(), "add part: " + role + ", " +
                                                      std::to_string(b.bars) + " bars" +
                                                      pc.feelChip);
    }
    (void)info;
    plan.normalize();
    return result;
}

bool restoreLocked(const model::Plan& before, model::Plan& after)
{
    const bool sameCount = before.tracks.size() == after.tracks.size();
    bool changed = false;
    for (std::size_t i = 0; i < before.tracks.size(); ++i) {
        const model::Track& old = before.tracks[i];
        // By index while the tracks are as many; else (a track added) by name and channel.
        auto match = sameCount
                         ? after.tracks.begin() + static_cast<std::ptrdiff_t>(i)
                         : std::find_if(after.tracks.begin(), after.tracks.end(),
                                        [&](const model::Track& t) {
                                            return t.name == old.name && t.channel == old.channel;
                                        });
        if (match == after.tracks.end()) {
            if (old.locked || std::any_of(old.notes.begin(), old.notes.end(),
                                          [](const model::Note& n) { return n.locked; }))
                after.tracks.push_back(old), changed = true; // a locked track is never dropped
            continue;
        }
        model::Track& now = *match;
        if (old.locked) {
            changed = changed || !(now == old);
            now = old;
            continue;
        }
        for (const model::Note& l : old.notes) {
            if (!l.locked) continue;
            const auto same = std::find(now.notes.begin(), now.notes.end(), l);
            if (same != now.notes.end()) continue;
            changed = true;
            std::erase_if(now.notes, [&](const model::Note& n) {
                return n.id == l.id ||
                       (n.key == l.key && n.startTick < l.endTick() && l.startTick < n.endTick());
            });
            now.notes.push_back(l);
        }
    }
    after.normalize();
    return changed;
}

} // namespace pianola::engine::generate
