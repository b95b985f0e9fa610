// SPDX-License-Identifier: MIT
// Chord lane edits that the following parts follow.
#include "app/ChordFollowSink.h"

#include "engine/generate/ChordParts.h"

#include <QSettings>

namespace pianola::app {

namespace {
const char* const kSetting = "chords/partsFollowEdits";

bool onlyChordsChanged(const model::PlanEdit& e)
{
    model::Plan before = e.before;
    before.chords = e.after.chords;
    return e.before.chords != e.after.chords && before == e.after;
}
} // namespace

ChordFollowSink::ChordFollowSink(widgets::EditSink* next) : m_next(next) {}

bool ChordFollowSink::enabled() const
{
    return QSettings().value(kSetting, true).toBool();
}

void ChordFollowSink::setEnabled(bool on)
{
    QSettings().setValue(kSetting, on);
}

bool ChordFollowSink::submit(model::Edit edit, const QString& text)
{
    if (auto* e = std::get_if<model::PlanEdit>(&edit); e && onlyChordsChanged(*e) && enabled()) {
        model::Plan followed = engine::generate::followChordChange(e->before, e->after.chords);
        followed.normalize();
        e->after = std::move(followed);
    }
    return m_next->submit(std::move(edit), text);
}

} // namespace pianola::app
