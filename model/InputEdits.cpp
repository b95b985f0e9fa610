// SPDX-License-Identifier: MIT
// The edits live input makes: a step-input note, and a recording overdubbed onto a track.
#include "model/InputEdits.h"

#include <algorithm>
#include <map>

namespace pianola::model {

NotesEdit stepNoteEdit(TakeId take, const Track& track, Note note)
{
    note.id = nextNoteId(track);
    return NotesEdit{take, track.id, {}, {note}};
}

namespace {
LaneEdit overdubLane(TakeId take, const Track& track, int controller,
                     const std::vector<LanePoint>& points)
{
    const Lane lane{Lane::Kind::Controller, controller};
    const Tick from = points.front().tick, to = points.back().tick + 1;
    std::vector<LanePoint> before = lanePoints(track, lane, from, to);
    std::vector<LanePoint> after = before;
    after.insert(after.end(), points.begin(), points.end());
    std::stable_sort(after.begin(), after.end(),
                     [](const LanePoint& a, const LanePoint& b) { return a.tick < b.tick; });
    return LaneEdit{take, track.id, lane, from, to, std::move(before), std::move(after)};
}
} // namespace

CompositeEdit overdubEdit(TakeId take, const Track& track, const Track& recorded)
{
    CompositeEdit edit;
    if (!recorded.notes.empty()) {
        std::vector<Note> notes = recorded.notes;
        NoteId id = nextNoteId(track);
        for (Note& n : notes)
            n.id = id++;
        edit.edits.push_back(NotesEdit{take, track.id, {}, std::move(notes)});
    }
    std::map<int, std::vector<LanePoint>> lanes; // by controller number, in tick order
    for (const ControlChange& c : recorded.controllers)
        lanes[c.controller].push_back({c.tick, c.value});
    for (const auto& [controller, points] : lanes)
        edit.edits.push_back(overdubLane(take, track, controller, points));
    return edit;
}

} // namespace pianola::model
