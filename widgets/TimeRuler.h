// SPDX-License-Identifier: MIT
// The time ruler above the roll: bars and beats, the loop region and the playhead. Click to
// move the playhead; drag to set the loop region (its bars become the chat's scope); right-click
// a bar to regenerate it (or the chosen bars) without typing.
#pragma once

#include "widgets/EditContext.h"
#include "widgets/Selection.h"
#include "widgets/ViewState.h"

#include <QWidget>

class QMenu;
class QPainter;

namespace pianola::widgets {

class TimeRuler : public QWidget
{
    Q_OBJECT
public:
    TimeRuler(ViewState& view, Selection& selection, EditContext& context,
              QWidget* parent = nullptr);
    /// The context menu of the bar at `tick` (Regenerate, narrow the chat); the caller owns it.
    QMenu* barMenu(model::Tick tick);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    model::Tick tickAt(double x) const;
    void paintScope(QPainter& p);

    ViewState& m_view;
    Selection& m_selection; ///< the scope (bars) is drawn and set here
    EditContext& m_context;
    bool m_dragging = false;
    model::Tick m_pressTick = 0;
    double m_pressX = 0;
};

} // namespace pianola::widgets
