// SPDX-License-Identifier: MIT
// One controller lane under the piano roll, on the roll's time axis: the common frame (header,
// value axis, bar lines, readout) of the velocity lane and the point lanes. Mouse gestures go
// to the lane's tools (EditTool); each gesture is one undoable edit.
#pragma once

#include "widgets/EditContext.h"
#include "widgets/EditTool.h"
#include "widgets/ViewState.h"

#include <optional>
#include <QWidget>

namespace pianola::widgets {

class EditorState;

class ControllerLane : public QWidget
{
    Q_OBJECT
public:
    /// A velocity lane (`lane` empty) or a point lane (CC, pitch bend, pressure), given the
    /// parts of `state` it uses.
    static ControllerLane* create(EditorState& state, std::optional<model::Lane> lane,
                                  QWidget* parent = nullptr);

    /// Empty for the velocity lane.
    virtual std::optional<model::Lane> lane() const = 0;
    QString title() const { return laneTitle(lane()); }
    static QString laneTitle(const std::optional<model::Lane>& lane);
    /// Draw straight lines instead of freehand (the header's toggle; Ctrl while drawing too).
    void setLineMode(bool on) { m_lineMode = on; }
    bool lineMode() const { return m_lineMode; }
    QSize sizeHint() const override { return {600, 90}; }
    QSize minimumSizeHint() const override { return {200, 40}; }

    // The lane's geometry, for its tools (widget coordinates).
    ViewState& view() const { return m_view; }
    EditContext& context() const { return m_context; }
    QRectF plotArea() const;
    virtual int minValue() const = 0;
    virtual int maxValue() const = 0;
    double valueToY(double value) const;
    int yToValue(double y) const;
    double tickToX(double tick) const;
    model::Tick xToTick(double x) const; ///< not snapped, >= 0
    /// What a gesture shows in the readout while it runs.
    void setReadout(int value) { m_readoutValue = value; }
    /// Whether the value readout is drawn (during a gesture, or hovering after a move).
    bool readoutShown() const { return m_active != nullptr || m_hover; }

signals:
    void removeRequested(pianola::widgets::ControllerLane* lane);
    void laneChangeRequested(pianola::widgets::ControllerLane* lane);

protected:
    ControllerLane(ViewState& view, EditContext& context, QWidget* parent);

    /// The tool that handles a press at `pos` (nullptr: none).
    virtual EditTool* toolAt(const QPointF& pos, Qt::KeyboardModifiers modifiers) = 0;
    /// The lane's data, clipped to the plot area.
    virtual void paintData(QPainter& p) = 0;
    virtual QString valueText(int value) const;
    virtual bool removable() const { return true; }
    /// Called when the plan or the current track changed (the running gesture is cancelled).
    virtual void refresh() {}
    bool gestureRunning() const { return m_active != nullptr; }
    /// Visible ticks [from, to] of the plot area.
    std::pair<double, double> visibleTicks() const;

    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void paintFrame(QPainter& p);
    void paintHeader(QPainter& p);
    void paintReadout(QPainter& p);
    bool headerClicked(const QPointF& pos);
    void planChanged();

    ViewState& m_view;
    EditContext& m_context;
    bool m_lineMode = false;
    EditTool* m_active = nullptr; ///< the tool of the gesture in progress
    QPointF m_lastPos, m_hoverPos;
    bool m_hover = false;
    int m_readoutValue = 0;
};

} // namespace pianola::widgets
