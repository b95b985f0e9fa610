// SPDX-License-Identifier: MIT
// A small QPainter chart for the analysis panel: bars (histograms, density) or a step line (tempo).
#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

namespace pianola::widgets {

/// Draws a titled bar chart or step line in palette colours (works in light and dark themes).
/// Values are drawn from 0 up to the largest value; labels under the bars are thinned to fit.
class AnalysisChart : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Bars, Steps };
    explicit AnalysisChart(const QString& title, Kind kind, QWidget* parent = nullptr);

    /// Bars: one value per bar, with optional labels (same length) and a caption for the axis.
    void setValues(const QVector<double>& values, const QStringList& labels = {});
    /// Steps: points (x, y) sorted by x, the last one held until `endX`.
    void setSteps(const QVector<QPointF>& points, double endX);
    /// Text shown instead of the chart when there is nothing to draw.
    void setEmptyText(const QString& text)
    {
        m_emptyText = text;
        update();
    }
    const QVector<double>& values() const { return m_values; }
    QString title() const { return m_title; }

    QSize sizeHint() const override { return {320, 150}; }
    QSize minimumSizeHint() const override { return {200, 110}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QRectF plotArea() const;
    void paintFrame(QPainter& p, const QRectF& area, double top);
    void paintBars(QPainter& p, const QRectF& area, double top);
    void paintSteps(QPainter& p, const QRectF& area, double top);

    QString m_title, m_emptyText;
    Kind m_kind;
    QVector<double> m_values;
    QStringList m_labels;
    QVector<QPointF> m_points;
    double m_endX = 0;
};

} // namespace pianola::widgets
