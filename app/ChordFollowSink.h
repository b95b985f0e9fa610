// SPDX-License-Identifier: MIT
// Between the views and the document: a hand edit of the chord track (the chord lane) takes the
// parts that follow the chord track along in the same undo step, as Logic's Session Players do.
#pragma once

#include "widgets/EditSink.h"

namespace pianola::app {

class ChordFollowSink : public widgets::EditSink
{
public:
    /// Edits go on to `next` (the document).
    explicit ChordFollowSink(widgets::EditSink* next);
    /// A plan edit that changes only the chord track becomes one that also refits the following
    /// tracks where the chords changed (engine::generate::followChordChange), when enabled;
    /// every other edit passes unchanged.
    bool submit(model::Edit edit, const QString& text) override;
    /// "Parts follow chord edits" (QSettings chords/partsFollowEdits, on unless turned off).
    bool enabled() const;
    void setEnabled(bool on);

private:
    widgets::EditSink* m_next;
};

} // namespace pianola::app
