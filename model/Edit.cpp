// SPDX-License-Identifier: MIT
// Applying and inverting edits. Each apply checks that the project is in the state the edit
// expects before it changes anything, so a stale edit fails cleanly instead of corrupting.
#include "model/Edit.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace pianola::model {

namespace {
Error stale(const std::string& what)
{
    return makeError(Error::Code::InvalidArgument, "edit does not match the project: " + what);
}

bool noteOrder(const Note& a, const Note& b)
{
    if (a.startTick != b.startTick) return a.startTick < b.startTick;
    return a.key != b.key ? a.key < b.key : a.id < b.id;
}

Result<const Track*> findTrack(const Project& project, TakeId takeId, TrackId trackId)
{
    const Take* take = project.findTake(takeId);
    if (!take) return stale("no take " + std::to_string(takeId));
    const int index = take->plan.trackIndex(trackId);
    if (index < 0) return stale("no track " + std::to_string(trackId));
    return &take->plan.tracks[static_cast<std::size_t>(index)];
}

// The track a checked edit names (the check found it).
Track& trackOf(Project& project, TakeId takeId, TrackId trackId)
{
    Plan& plan = project.findTake(takeId)->plan;
    return plan.tracks[static_cast<std::size_t>(plan.trackIndex(trackId))];
}

Result<void> checkNote(const Note& n)
{
    if (n.startTick < 0 || n.lengthTicks < 1 || n.endTick() > Limits::kMaxTick || n.key > 127 ||
        n.velocity < 1 || n.velocity > 127 || n.releaseVelocity > 127 || n.id == 0)
        return makeError(Error::Code::InvalidArgument, "note out of range: key " +
                                                           std::to_string(n.key) + " at tick " +
                                                           std::to_string(n.startTick));
    return {};
}

struct IdRange
{
    NoteId low = UINT32_MAX, high = 0;
    void add(NoteId id) { low = std::min(low, id), high = std::max(high, id); }
    bool contains(NoteId id) const { return id >= low && id <= high; }
};

IdRange idRange(const NotesEdit& e)
{
    IdRange range;
    for (const Note& n : e.removed)
        range.add(n.id);
    for (const Note& n : e.added)
        range.add(n.id);
    return range;
}

Result<void> checkNotes(const Project& project, const NotesEdit& e)
{
    auto track = findTrack(project, e.take, e.track);
    if (!track) return track.error();
    std::unordered_map<NoteId, const Note*> removed;
    std::unordered_set<NoteId> addedIds;
    for (const Note& n : e.removed)
        removed.emplace(n.id, &n);
    for (const Note& n : e.added) {
        if (auto ok = checkNote(n); !ok) return ok.error();
        if (!addedIds.insert(n.id).second)
            return stale("two added notes share id " + std::to_string(n.id));
    }
    const IdRange range = idRange(e);
    std::size_t found = 0;
    for (const Note& n : (*track)->notes) {
        if (!range.contains(n.id)) // most notes: no hash lookups
            continue;
        if (auto it = removed.find(n.id); it != removed.end()) {
            if (!(n == *it->second)) return stale("note " + std::to_string(n.id) + " has changed");
            ++found;
        } else if (addedIds.count(n.id)) {
            return stale("note id " + std::to_string(n.id) + " is in use");
        }
    }
    if (found != removed.size()) return stale("a note to replace is missing");
    return {};
}

void changeNotes(Project& project, const NotesEdit& e)
{
    std::vector<Note>& notes = trackOf(project, e.take, e.track).notes;
    if (!e.removed.empty()) {
        const IdRange range = idRange(e);
        std::unordered_set<NoteId> removed;
        for (const Note& n : e.removed)
            removed.insert(n.id);
        std::erase_if(notes,
                      [&](const Note& n) { return range.contains(n.id) && removed.count(n.id); });
    }
    std::vector<Note> added = e.added;
    std::sort(added.begin(), added.end(), noteOrder);
    const auto middle = static_cast<std::ptrdiff_t>(notes.size());
    notes.insert(notes.end(), added.begin(), added.end());
    std::inplace_merge(notes.begin(), notes.begin() + middle, notes.end(), noteOrder);
}

// The lane's events as a uniform view: tick/value accessors over the track's vector.
template <typename TrackType, typename Fn> // Track or const Track
auto withLane(TrackType& t, const Lane& lane, Fn&& fn)
{
    switch (lane.kind) {
    case Lane::Kind::PitchBend:
        return fn(
            t.pitchBends, [](const PitchBend&) { return true; },
            [](const PitchBend& b) { return int(b.value); },
            [](Tick tick, int v) {
                return PitchBend{tick, static_cast<std::int16_t>(v)};
            });
    case Lane::Kind::ChannelPressure:
        return fn(
            t.channelPressure, [](const ChannelPressure&) { return true; },
            [](const ChannelPressure& p) { return int(p.value); },
            [](Tick tick, int v) {
                return ChannelPressure{tick, static_cast<std::uint8_t>(v)};
            });
    case Lane::Kind::Controller:
        break;
    }
    const auto cc = static_cast<std::uint8_t>(lane.controller);
    return fn(
        t.controllers, [cc](const ControlChange& c) { return c.controller == cc; },
        [](const ControlChange& c) { return int(c.value); },
        [cc](Tick tick, int v) {
            return ControlChange{tick, cc, static_cast<std::uint8_t>(v)};
        });
}

Result<void> checkLane(const Project& project, const LaneEdit& e)
{
    auto track = findTrack(project, e.take, e.track);
    if (!track) return track.error();
    if (e.lane.kind == Lane::Kind::Controller && (e.lane.controller < 0 || e.lane.controller > 127))
        return makeError(Error::Code::InvalidArgument, "controller out of range");
    for (const LanePoint& p : e.after)
        if (p.tick < e.fromTick || p.tick >= e.toTick || p.value < e.lane.minValue() ||
            p.value > e.lane.maxValue())
            return makeError(Error::Code::InvalidArgument,
                             "lane point out of range at tick " + std::to_string(p.tick));
    if (lanePoints(**track, e.lane, e.fromTick, e.toTick) != e.before)
        return stale("the lane's points have changed");
    return {};
}

void changeLane(Project& project, const LaneEdit& e)
{
    withLane(trackOf(project, e.take, e.track), e.lane,
             [&](auto& events, auto inLane, auto, auto make) {
                 std::erase_if(events, [&](const auto& ev) {
                     return inLane(ev) && ev.tick >= e.fromTick && ev.tick < e.toTick;
                 });
                 for (const LanePoint& p : e.after) { // after the events already at that tick
                     auto at =
                         std::upper_bound(events.begin(), events.end(), p.tick,
                                          [](Tick tick, const auto& ev) { return tick < ev.tick; });
                     events.insert(at, make(p.tick, p.value));
                 }
                 return 0;
             });
}

void assign(Track& t, const TrackSettings& s)
{
    t.name = s.name;
    t.channel = s.channel;
    t.program = s.program;
    t.bankMsb = s.bankMsb;
    t.bankLsb = s.bankLsb;
    t.muted = s.muted;
    t.soloed = s.soloed;
    t.colour = s.colour;
    t.locked = s.locked;
    t.followsChords = s.followsChords;
}

Result<void> checkTrackSettings(const Project& project, const TrackSettingsEdit& e)
{
    auto track = findTrack(project, e.take, e.track);
    if (!track) return track.error();
    if (settingsOf(**track) != e.before) return stale("the track's settings have changed");
    if (e.after.channel < 0 || e.after.channel > 15 || e.after.program < 0 ||
        e.after.program > 127 || e.after.bankMsb < -1 || e.after.bankMsb > 127 ||
        e.after.bankLsb < -1 || e.after.bankLsb > 127 ||
        e.after.name.size() > Limits::kMaxNameBytes)
        return makeError(Error::Code::InvalidArgument, "track settings out of range");
    return {};
}

void changeTrackSettings(Project& project, const TrackSettingsEdit& e)
{
    assign(trackOf(project, e.take, e.track), e.after);
}

Result<void> checkTrackList(const Project& project, const TrackListEdit& e)
{
    const Take* take = project.findTake(e.take);
    if (!take) return stale("no take " + std::to_string(e.take));
    const auto& tracks = take->plan.tracks;
    const int size = static_cast<int>(tracks.size());
    if (e.insert && (e.index < 0 || e.index > size || size >= Limits::kMaxTracks))
        return stale("cannot insert a track at " + std::to_string(e.index));
    if (e.insert && (e.track.id == 0 || take->plan.trackIndex(e.track.id) >= 0))
        return stale("track id " + std::to_string(e.track.id) + " is not new");
    if (!e.insert &&
        (e.index < 0 || e.index >= size || !(tracks[static_cast<std::size_t>(e.index)] == e.track)))
        return stale("track " + std::to_string(e.index) + " has changed");
    return {};
}

void changeTrackList(Project& project, const TrackListEdit& e)
{
    auto& tracks = project.findTake(e.take)->plan.tracks;
    if (e.insert)
        tracks.insert(tracks.begin() + e.index, e.track);
    else
        tracks.erase(tracks.begin() + e.index);
}

Result<void> checkTakeList(const Project& project, const TakeListEdit& e)
{
    const auto& takes = project.takes;
    const int size = static_cast<int>(takes.size());
    if (e.insert &&
        (e.index < 0 || e.index > size || project.findTake(e.take.id) || e.take.id == 0))
        return stale("cannot insert take " + std::to_string(e.take.id));
    if (!e.insert &&
        (e.index < 0 || e.index >= size || !(takes[static_cast<std::size_t>(e.index)] == e.take)))
        return stale("take " + std::to_string(e.take.id) + " has changed");
    return {};
}

void changeTakeList(Project& project, const TakeListEdit& e)
{
    auto& takes = project.takes;
    if (e.insert) {
        takes.insert(takes.begin() + e.index, e.take);
        if (project.findTake(e.activeAfter)) project.activeTake = e.activeAfter;
        return;
    }
    takes.erase(takes.begin() + e.index);
    if (project.activeTake == e.take.id || !project.findTake(project.activeTake))
        project.activeTake = project.findTake(e.activeBefore) ? e.activeBefore
                             : takes.empty()                  ? 0
                                                              : takes.front().id;
}

Result<void> checkTakeSettings(const Project& project, const TakeSettingsEdit& e)
{
    const Take* take = project.findTake(e.take);
    if (!take || take->name != e.nameBefore || take->starred != e.starredBefore)
        return stale("take " + std::to_string(e.take) + " has changed");
    if (e.nameAfter.size() > Limits::kMaxNameBytes)
        return makeError(Error::Code::InvalidArgument, "take name too long");
    return {};
}

void changeTakeSettings(Project& project, const TakeSettingsEdit& e)
{
    Take* take = project.findTake(e.take);
    take->name = e.nameAfter;
    take->starred = e.starredAfter;
}

Result<void> checkChat(const Project& project, const ChatEdit& e)
{
    const auto& chat = project.chat;
    const int size = static_cast<int>(chat.size());
    if (e.insert && (e.index < 0 || e.index > size))
        return stale("cannot insert a chat message at " + std::to_string(e.index));
    if (!e.insert &&
        (e.index < 0 || e.index >= size || !(chat[static_cast<std::size_t>(e.index)] == e.message)))
        return stale("chat message " + std::to_string(e.index) + " has changed");
    return {};
}

void changeChat(Project& project, const ChatEdit& e)
{
    auto& chat = project.chat;
    if (e.insert)
        chat.insert(chat.begin() + e.index, e.message);
    else
        chat.erase(chat.begin() + e.index);
}

Result<void> checkPlan(const Project& project, const PlanEdit& e)
{
    const Take* take = project.findTake(e.take);
    if (!take || !(take->plan == e.before))
        return stale("take " + std::to_string(e.take) + " has changed");
    return {};
}

void changePlan(Project& project, const PlanEdit& e)
{
    project.findTake(e.take)->plan = e.after;
}

// Checks, then changes: each kind of edit has a check (const) and a change (after the check).
template <typename E, Result<void> (*Check)(const Project&, const E&),
          void (*Change)(Project&, const E&)>
struct Rule
{
    static Result<void> check(const Project& project, const E& e) { return Check(project, e); }
    static Result<void> apply(Project& project, const E& e)
    {
        if (auto ok = Check(project, e); !ok) return ok;
        Change(project, e);
        return {};
    }
};

template <typename E> struct RuleOf;
template <> struct RuleOf<NotesEdit> : Rule<NotesEdit, checkNotes, changeNotes>
{
};
template <> struct RuleOf<LaneEdit> : Rule<LaneEdit, checkLane, changeLane>
{
};
template <>
struct RuleOf<TrackSettingsEdit> : Rule<TrackSettingsEdit, checkTrackSettings, changeTrackSettings>
{
};
template <> struct RuleOf<TrackListEdit> : Rule<TrackListEdit, checkTrackList, changeTrackList>
{
};
template <> struct RuleOf<TakeListEdit> : Rule<TakeListEdit, checkTakeList, changeTakeList>
{
};
template <>
struct RuleOf<TakeSettingsEdit> : Rule<TakeSettingsEdit, checkTakeSettings, changeTakeSettings>
{
};
template <> struct RuleOf<ChatEdit> : Rule<ChatEdit, checkChat, changeChat>
{
};
template <> struct RuleOf<PlanEdit> : Rule<PlanEdit, checkPlan, changePlan>
{
};

// All or none: on a failure, the edits already applied are undone in reverse order.
Result<void> applyComposite(Project& project, const CompositeEdit& e)
{
    for (std::size_t i = 0; i < e.edits.size(); ++i) {
        if (auto ok = applyEdit(project, e.edits[i]); !ok) {
            while (i-- > 0)
                (void)applyEdit(project, inverse(e.edits[i])); // cannot fail: it was just applied
            return ok;
        }
    }
    return {};
}
} // namespace

TrackSettings settingsOf(const Track& t)
{
    return {t.name,  t.channel, t.program, t.bankMsb, t.bankLsb,
            t.muted, t.soloed,  t.colour,  t.locked,  t.followsChords};
}

Result<void> applyEdit(Project& project, const Edit& edit)
{
    return std::visit(
        [&](const auto& e) -> Result<void> {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, CompositeEdit>)
                return applyComposite(project, e);
            else
                return RuleOf<E>::apply(project, e);
        },
        edit);
}

Result<void> checkEdit(const Project& project, const Edit& edit)
{
    return std::visit(
        [&](const auto& e) -> Result<void> {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, CompositeEdit>)
                return e.edits.empty() ? Result<void>{} : checkEdit(project, e.edits.front());
            else
                return RuleOf<E>::check(project, e);
        },
        edit);
}

Edit inverse(const Edit& edit)
{
    return std::visit(
        [](const auto& e) -> Edit {
            auto r = e;
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, CompositeEdit>) {
                r.edits.clear();
                for (auto it = e.edits.rbegin(); it != e.edits.rend(); ++it)
                    r.edits.push_back(inverse(*it));
            } else if constexpr (std::is_same_v<E, NotesEdit>)
                std::swap(r.removed, r.added);
            else if constexpr (std::is_same_v<E, LaneEdit> ||
                               std::is_same_v<E, TrackSettingsEdit> || std::is_same_v<E, PlanEdit>)
                std::swap(r.before, r.after);
            else if constexpr (std::is_same_v<E, TrackListEdit> ||
                               std::is_same_v<E, TakeListEdit> || std::is_same_v<E, ChatEdit>)
                r.insert = !r.insert;
            else {
                std::swap(r.nameBefore, r.nameAfter);
                std::swap(r.starredBefore, r.starredAfter);
            }
            return r;
        },
        edit);
}

std::vector<LanePoint> lanePoints(const Track& track, const Lane& lane, Tick fromTick, Tick toTick)
{
    std::vector<LanePoint> out;
    withLane(track, lane, [&](auto& events, auto inLane, auto value, auto) {
        auto it = std::lower_bound(events.begin(), events.end(), fromTick,
                                   [](const auto& ev, Tick tick) { return ev.tick < tick; });
        for (; it != events.end() && it->tick < toTick; ++it)
            if (inLane(*it)) out.push_back({it->tick, value(*it)});
        return 0;
    });
    return out;
}

std::vector<LanePoint> lanePoints(const Track& track, const Lane& lane)
{
    return lanePoints(track, lane, 0, Limits::kMaxTick + 1);
}

NoteId nextNoteId(const Track& track)
{
    NoteId next = 1;
    for (const Note& n : track.notes)
        next = std::max<NoteId>(next, n.id + 1);
    return next;
}

} // namespace pianola::model
