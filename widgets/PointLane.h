// SPDX-License-Identifier: MIT
// A point lane: a CC, pitch bend or channel pressure of the current track as a step line.
// Tools: pencil and line drawing (Draw), erasing a stretch (Erase), selecting, moving and
// deleting points (Select). Each gesture is one LaneEdit.
#pragma once

#include "widgets/ControllerLane.h"

#include <memory>

namespace pianola::widgets {

class PointLane : public ControllerLane
{
    Q_OBJECT
public:
    PointLane(ViewState& view, EditContext& context, model::Lane lane, QWidget* parent = nullptr);
    ~PointLane() override;
    std::optional<model::Lane> lane() const override { return m_lane; }
    void setLane(model::Lane lane);
    int minValue() const override { return m_lane.minValue(); }
    int maxValue() const override { return m_lane.maxValue(); }

    /// The lane's points on the current track (cached per plan change).
    const std::vector<model::LanePoint>& points() const { return m_points; }
    /// Selected points (by tick order), for tests and the Delete key.
    std::vector<model::LanePoint> selectedPoints() const;
    void deleteSelectedPoints();
    /// Polyline vertices drawn by the last paint (bounded by the width, not the points).
    std::size_t lastPaintedVertices() const { return m_painted; }

    // For the tools.
    bool isSelected(std::size_t index) const
    {
        return index < m_selected.size() && m_selected[index];
    }
    void select(std::size_t index, bool on);
    void clearSelection();
    std::vector<std::size_t> selectedIndices() const;
    /// The index of the point under `pos`, or -1.
    int hitPoint(const QPointF& pos) const;
    /// The index range of points with fromTick <= tick < toTick.
    std::pair<std::size_t, std::size_t> pointRange(model::Tick fromTick, model::Tick toTick) const;

protected:
    EditTool* toolAt(const QPointF& pos, Qt::KeyboardModifiers modifiers) override;
    void paintData(QPainter& p) override;
    void refresh() override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    class StrokeTool;
    class SelectTool;
    /// The step line of the visible points (with a stroke's preview in place of the points it
    /// replaces), at most five vertices per pixel column.
    QPolygonF stepLine() const;
    void paintMarkers(QPainter& p, const QColor& colour);

    model::Lane m_lane;
    std::vector<model::LanePoint> m_points;
    std::vector<bool> m_selected; ///< parallel to m_points
    std::unique_ptr<StrokeTool> m_stroke;
    std::unique_ptr<SelectTool> m_select;
    std::size_t m_painted = 0;
};

} // namespace pianola::widgets
