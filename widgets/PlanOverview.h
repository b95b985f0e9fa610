// SPDX-License-Identifier: MIT
// A read-only overview of a plan: every track's notes on one time axis, bars marked.
#pragma once

#include "model/Plan.h"

#include <QWidget>

namespace pianola::widgets {

/// Paints the whole plan scaled to the widget: bar lines from the meter, notes coloured per
/// track with velocity as brightness. The editing piano roll is a separate view.
class PlanOverview : public QWidget
{
    Q_OBJECT
public:
    explicit PlanOverview(QWidget* parent = nullptr);
    void setPlan(const model::Plan& plan);
    const model::Plan& plan() const { return m_plan; }
    /// The playback position in ticks (fractional), drawn as a line.
    void setPlayheadTick(double tick);
    QSize sizeHint() const override { return {800, 400}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void paintEmpty(QPainter& p);
    void paintBars(QPainter& p, const QRectF& area);
    void paintNotes(QPainter& p, const QRectF& area);
    void paintPlayhead(QPainter& p, const QRectF& area);

    model::Plan m_plan;
    model::Tick m_length = 0;
    int m_lowKey = 0, m_highKey = 127;
    double m_playheadTick = 0;
};

} // namespace pianola::widgets
