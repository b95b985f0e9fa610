// SPDX-License-Identifier: MIT
// One controller lane under the piano roll: note velocities, a CC, pitch bend or channel
// pressure of the current track, on the roll's time axis. Pencil (freehand) and line drawing,
// point selection, moving and deleting; every gesture is one undoable edit.
#pragma once

#include "widgets/EditorState.h"

#include <QWidget>

#include <optional>

namespace pianola::widgets {

class ControllerLane : public QWidget
{
    Q_OBJECT
public:
    /// `lane` empty = the velocity lane.
    ControllerLane(EditorState* state, std::optional<model::Lane> lane, QWidget* parent = nullptr);
    std::optional<model::Lane> lane() const { return m_lane; }
    void setLane(std::optional<model::Lane> lane);
    QString title() const;
    static QString laneTitle(const std::optional<model::Lane>& lane);
    /// Draw straight lines instead of freehand (the header's toggle; Ctrl while drawing too).
    void setLineMode(bool on) { m_lineMode = on; }
    bool lineMode() const { return m_lineMode; }
    /// Selected points of a controller lane (by tick), for tests and the Delete key.
    std::vector<model::LanePoint> selectedPoints() const;
    void deleteSelectedPoints();
    QSize sizeHint() const override { return {600, 90}; }
    QSize minimumSizeHint() const override { return {200, 40}; }

signals:
    void removeRequested(pianola::widgets::ControllerLane* lane);
    void laneChangeRequested(pianola::widgets::ControllerLane* lane);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    enum class Gesture { None, Pencil, Line, MovePoints, RubberBand, ErasePoints };

    QRectF plotArea() const;
    double valueToY(double value) const;
    int yToValue(double y) const;
    int minValue() const { return m_lane ? m_lane->minValue() : 1; }
    int maxValue() const { return m_lane ? m_lane->maxValue() : 127; }
    QString valueText(int value) const;

    void paintHeader(QPainter& p);
    void paintVelocities(QPainter& p);
    void paintPoints(QPainter& p);
    void paintReadout(QPainter& p);

    // Velocity lane gestures.
    void velocityStroke(const QPointF& from, const QPointF& to, bool line);
    void finishVelocities();
    // Controller lane gestures.
    void pointStroke(const QPointF& pos, bool line);
    void finishPoints();
    int hitPoint(const QPointF& pos) const;
    model::Tick pointTick(double x, bool bypassSnap) const;

    EditorState* m_state;
    std::optional<model::Lane> m_lane;
    bool m_lineMode = false;
    Gesture m_gesture = Gesture::None;
    QPointF m_pressPos, m_lastPos, m_hoverPos;
    bool m_hover = false;
    std::unordered_map<model::NoteId, int> m_velocityPreview;   ///< note id -> new velocity
    std::vector<model::LanePoint> m_points;        ///< the lane's points (cached per plan change)
    std::vector<model::LanePoint> m_stroke;        ///< points drawn by the current gesture
    model::Tick m_strokeFrom = 0, m_strokeTo = 0;
    std::vector<int> m_selected;                   ///< indices into m_points
    QPointF m_moveDelta;
    int m_readoutValue = 0;
};

} // namespace pianola::widgets
