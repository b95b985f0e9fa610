// SPDX-License-Identifier: MIT
// The editor's three shared parts in one place: the time axis the views show (ViewState), the
// notes and scope chosen (Selection), and what edits act on (EditContext). Widgets take the
// parts they use; the app and the piano roll, which use all three, take this.
#pragma once

#include "widgets/EditContext.h"
#include "widgets/Selection.h"
#include "widgets/ViewState.h"

#include <QObject>

namespace pianola::widgets {

class EditorState : public QObject
{
public:
    explicit EditorState(QObject* parent = nullptr);

    ViewState& view() { return m_view; }
    const ViewState& view() const { return m_view; }
    Selection& selection() { return m_selection; }
    const Selection& selection() const { return m_selection; }
    EditContext& context() { return m_context; }
    const EditContext& context() const { return m_context; }

    /// The grid at the shown plan's resolution.
    model::Tick snapTicks() const { return m_view.snapTicks(m_context.ppq()); }
    model::Tick snapped(model::Tick tick) const { return m_view.snapped(tick, m_context.ppq()); }
    model::Tick snappedDown(model::Tick tick) const
    {
        return m_view.snappedDown(tick, m_context.ppq());
    }

private:
    ViewState m_view;
    Selection m_selection;
    EditContext m_context{m_selection};
};

} // namespace pianola::widgets
