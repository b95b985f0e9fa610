// SPDX-License-Identifier: MIT
// What the user has chosen to act on: the selected notes (by id, of the current track) and the
// scope the chat and Regenerate narrow to (bars chosen on the ruler, a track in the track list).
#pragma once

#include "model/Plan.h"

#include <QObject>
#include <unordered_set>

namespace pianola::widgets {

class Selection : public QObject
{
    Q_OBJECT
public:
    explicit Selection(QObject* parent = nullptr);

    const std::unordered_set<model::NoteId>& ids() const { return m_ids; }
    bool isSelected(model::NoteId id) const { return m_ids.count(id) != 0; }
    bool isEmpty() const { return m_ids.empty(); }
    void set(std::unordered_set<model::NoteId> ids);
    /// Drops the ids without telling anyone yet (the edit context, which then emits
    /// selectionChanged() after its own signal: views see the new track first).
    void clearQuietly() { m_ids.clear(); }
    /// Keeps only the ids of notes in `track` (after an edit removed some).
    void retainIn(const model::Track& track);

    /// The bars chosen on the ruler (1-based, inclusive; 0 = none) and a track chosen in the
    /// track list (0 = none).
    int scopeFromBar() const { return m_scopeFromBar; }
    int scopeToBar() const { return m_scopeToBar; }
    void setScopeBars(int fromBar, int toBar);
    model::TrackId scopeTrack() const { return m_scopeTrack; }
    void setScopeTrack(model::TrackId track);
    /// The scope back to the whole take: no bars, no track chosen, nothing selected.
    void clearScope();

signals:
    void selectionChanged();
    void scopeChanged();

private:
    std::unordered_set<model::NoteId> m_ids;
    int m_scopeFromBar = 0, m_scopeToBar = 0;
    model::TrackId m_scopeTrack = 0;
};

} // namespace pianola::widgets
