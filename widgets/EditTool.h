// SPDX-License-Identifier: MIT
// The gesture interface of the editor's views: a view forwards its mouse to the active tool,
// which previews while dragging and submits one edit (one undo step) on release.
#pragma once

#include <QPointF>
#include <Qt>

class QPainter;

namespace pianola::widgets {

class EditTool
{
public:
    virtual ~EditTool() = default;
    /// Starts a gesture at `pos` (widget coordinates).
    virtual void press(const QPointF& pos, Qt::KeyboardModifiers modifiers) = 0;
    /// The pointer moved with the button held: update the preview, change nothing yet.
    virtual void drag(const QPointF& pos, Qt::KeyboardModifiers modifiers) = 0;
    /// Ends the gesture and submits its edit, if it has one.
    virtual void release(const QPointF& pos, Qt::KeyboardModifiers modifiers) = 0;
    /// Ends the gesture without an edit (the plan changed under it, Escape).
    virtual void cancel() = 0;
    /// What the gesture will do, drawn over the view (nothing by default).
    virtual void paintPreview(QPainter& painter) const { (void)painter; }
};

} // namespace pianola::widgets
