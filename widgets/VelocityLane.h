// SPDX-License-Identifier: MIT
// The velocity lane: a stem per note of the current track; drawing over the stems (freehand or
// a straight line) sets the velocities of the notes under the stroke (of the selection, if any).
#pragma once

#include "widgets/ControllerLane.h"
#include "widgets/Selection.h"

#include <memory>
#include <unordered_map>

namespace pianola::widgets {

class VelocityLane : public ControllerLane
{
    Q_OBJECT
public:
    /// The stems of selected notes are highlighted; a stroke over a selection changes only it.
    VelocityLane(ViewState& view, Selection& selection, EditContext& context,
                 QWidget* parent = nullptr);
    ~VelocityLane() override;
    std::optional<model::Lane> lane() const override { return std::nullopt; }
    int minValue() const override { return 1; }
    int maxValue() const override { return 127; }

    /// Velocities the running stroke will set (note id -> velocity), for painting.
    const std::unordered_map<model::NoteId, int>& preview() const;
    /// Stems drawn by the last paint (one per note, or one per pixel column when denser).
    std::size_t lastPaintedStems() const { return m_painted; }

protected:
    EditTool* toolAt(const QPointF& pos, Qt::KeyboardModifiers modifiers) override;
    void paintData(QPainter& p) override;
    QString valueText(int value) const override;
    bool removable() const override { return false; }

private:
    class StrokeTool;
    void paintColumns(QPainter& p, const model::Note* first, const model::Note* last,
                      const QColor& base);

    Selection& m_selection;
    std::unique_ptr<StrokeTool> m_stroke;
    std::size_t m_painted = 0;
};

} // namespace pianola::widgets
