// SPDX-License-Identifier: MIT
// The selected notes and the chat's scope.
#include "widgets/Selection.h"

#include <algorithm>

namespace pianola::widgets {

Selection::Selection(QObject* parent) : QObject(parent) {}

void Selection::set(std::unordered_set<model::NoteId> ids)
{
    if (ids == m_ids) return;
    m_ids = std::move(ids);
    emit selectionChanged();
}

void Selection::retainIn(const model::Track& track)
{
    if (m_ids.empty()) return;
    std::unordered_set<model::NoteId> alive;
    for (const model::Note& n : track.notes)
        if (m_ids.count(n.id)) alive.insert(n.id);
    if (alive.size() == m_ids.size()) return;
    m_ids = std::move(alive);
    emit selectionChanged();
}

void Selection::setScopeBars(int fromBar, int toBar)
{
    if (fromBar > toBar) std::swap(fromBar, toBar);
    if (fromBar < 1) fromBar = toBar = 0;
    if (fromBar == m_scopeFromBar && toBar == m_scopeToBar) return;
    m_scopeFromBar = fromBar, m_scopeToBar = toBar;
    emit scopeChanged();
}

void Selection::setScopeTrack(model::TrackId track)
{
    if (track == m_scopeTrack) return;
    m_scopeTrack = track;
    emit scopeChanged();
}

void Selection::clearScope()
{
    const bool changed = m_scopeFromBar || m_scopeTrack;
    m_scopeFromBar = m_scopeToBar = 0;
    m_scopeTrack = 0;
    set({});
    if (changed) emit scopeChanged();
}

} // namespace pianola::widgets
