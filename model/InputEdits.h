// SPDX-License-Identifier: MIT
// The edits live input makes: a step-input note, and a recording overdubbed onto a track.
#pragma once

#include "model/Edit.h"

namespace pianola::model {

/// The edit step input makes of one note (as engine::StepInput wrote it, id 0): `note` added to
/// `track` of take `take` with the track's next free note id.
NotesEdit stepNoteEdit(TakeId take, const Track& track, Note note);

/// The edit a recording into `track` makes of `recorded` (what engine::Recorder::stop() returned):
/// the recorded notes added with fresh ids after the track's, then, per controller number, the
/// recorded points overdubbed: they join the lane's points between the first and the last
/// recorded tick, in tick order (an existing point first at the same tick). Pitch bend and
/// pressure are not recorded. Empty (no edits) when nothing was recorded.
CompositeEdit overdubEdit(TakeId take, const Track& track, const Track& recorded);

} // namespace pianola::model
