// SPDX-License-Identifier: MIT
// Edits of a project as values with before and after: apply one, invert it, and undo is free.
#pragma once

#include "model/Project.h"
#include "model/Result.h"

#include <variant>

namespace pianola::model {

/// Replace a set of notes of one track with another: add, delete, move, resize, velocity,
/// quantize, humanize, paste... `removed` are the notes as they are now (found by id),
/// `added` the notes as they will be (ids unique in the track after the edit).
struct NotesEdit
{
    TakeId take = 0;
    TrackId track = 0; ///< the track's id (Track::id)
    std::vector<Note> removed;
    std::vector<Note> added;
    friend bool operator==(const NotesEdit&, const NotesEdit&) = default;
};

/// A controller lane: a CC number, pitch bend or channel pressure.
struct Lane
{
    enum class Kind { Controller, PitchBend, ChannelPressure };
    Kind kind = Kind::Controller;
    int controller = 1; ///< for Kind::Controller
    friend bool operator==(const Lane&, const Lane&) = default;
    int minValue() const { return kind == Kind::PitchBend ? -8192 : 0; }
    int maxValue() const { return kind == Kind::PitchBend ? 8191 : 127; }
};

struct LanePoint
{
    Tick tick = 0;
    int value = 0;
    friend bool operator==(const LanePoint&, const LanePoint&) = default;
};

/// Replace the points of one lane inside [fromTick, toTick): `before` is what is there now (in
/// order), `after` what will be (every tick inside the range).
struct LaneEdit
{
    TakeId take = 0;
    TrackId track = 0;
    Lane lane;
    Tick fromTick = 0;
    Tick toTick = 0;
    std::vector<LanePoint> before;
    std::vector<LanePoint> after;
    friend bool operator==(const LaneEdit&, const LaneEdit&) = default;
};

/// A track's settings (everything but its events).
struct TrackSettings
{
    std::string name;
    int channel = 0;
    int program = 0;
    int bankMsb = -1;
    int bankLsb = -1;
    bool muted = false;
    bool soloed = false;
    int colour = -1;
    bool locked = false; ///< the padlock: no regeneration, variation or refit changes the track
    bool followsChords = false; ///< refit to the chord track with the others
    friend bool operator==(const TrackSettings&, const TrackSettings&) = default;
};
TrackSettings settingsOf(const Track& track);

struct TrackSettingsEdit
{
    TakeId take = 0;
    TrackId track = 0;
    TrackSettings before;
    TrackSettings after;
    friend bool operator==(const TrackSettingsEdit&, const TrackSettingsEdit&) = default;
};

/// Insert `track` at `index` (insert = true; its id must be new in the plan) or remove it from
/// there (insert = false).
struct TrackListEdit
{
    TakeId take = 0;
    int index = 0;
    bool insert = true;
    Track track;
    friend bool operator==(const TrackListEdit&, const TrackListEdit&) = default;
};

/// Insert a take at `index` (it becomes `activeAfter`, normally the new take) or remove it
/// (if it is the active one, `activeBefore` becomes active again, or the first take if that is
/// gone). Which take is active is a view choice, not an edit: it is never checked as "before".
struct TakeListEdit
{
    int index = 0;
    bool insert = true;
    Take take;
    TakeId activeBefore = 0;
    TakeId activeAfter = 0;
    friend bool operator==(const TakeListEdit&, const TakeListEdit&) = default;
};

/// Rename or star a take.
struct TakeSettingsEdit
{
    TakeId take = 0;
    std::string nameBefore, nameAfter;
    bool starredBefore = false, starredAfter = false;
    friend bool operator==(const TakeSettingsEdit&, const TakeSettingsEdit&) = default;
};

/// Insert a chat message at `index` or remove it.
struct ChatEdit
{
    int index = 0;
    bool insert = true;
    ChatMessage message;
    friend bool operator==(const ChatEdit&, const ChatEdit&) = default;
};

/// A take's whole plan replaced (tempo, meter and key changes; rare, so a full copy is fine).
struct PlanEdit
{
    TakeId take = 0;
    Plan before;
    Plan after;
    friend bool operator==(const PlanEdit&, const PlanEdit&) = default;
};

struct CompositeEdit;

using Edit = std::variant<NotesEdit, LaneEdit, TrackSettingsEdit, TrackListEdit, TakeListEdit,
                          TakeSettingsEdit, PlanEdit, ChatEdit, CompositeEdit>;

/// Several edits as one (a chat reply: its takes, which one is active, the reply message),
/// applied in order, all or none; undone in reverse order.
struct CompositeEdit
{
    std::vector<Edit> edits;
    friend bool operator==(const CompositeEdit&, const CompositeEdit&) = default;
};

/// Applies `edit`; on error (the project is not in the state the edit expects) nothing changes.
Result<void> applyEdit(Project& project, const Edit& edit);
/// Whether applyEdit() would succeed, without changing anything. A composite edit is checked
/// by its first edit only (the later ones expect the project the earlier ones leave).
Result<void> checkEdit(const Project& project, const Edit& edit);
/// The edit that undoes `edit`.
Edit inverse(const Edit& edit);
/// True if `edit` is a T or a composite holding one.
template <typename T> bool contains(const Edit& edit)
{
    if (std::holds_alternative<T>(edit)) return true;
    if (const auto* composite = std::get_if<CompositeEdit>(&edit))
        for (const Edit& e : composite->edits)
            if (contains<T>(e)) return true;
    return false;
}

/// The points of `lane` in `track`, in tick order.
std::vector<LanePoint> lanePoints(const Track& track, const Lane& lane);
/// The points of `lane` with fromTick <= tick < toTick.
std::vector<LanePoint> lanePoints(const Track& track, const Lane& lane, Tick fromTick, Tick toTick);
/// The smallest id not used by any note of `track` (and above every used one).
NoteId nextNoteId(const Track& track);

} // namespace pianola::model
