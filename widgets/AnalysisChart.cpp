// SPDX-License-Identifier: MIT
// Bar and step charts painted with the palette.
#include "widgets/AnalysisChart.h"

#include <algorithm>
#include <cmath>
#include <QPainter>
#include <QPainterPath>

namespace pianola::widgets {

AnalysisChart::AnalysisChart(const QString& title, Kind kind, QWidget* parent)
    : QWidget(parent), m_title(title), m_kind(kind)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void AnalysisChart::setValues(const QVector<double>& values, const QStringList& labels)
{
    m_values = values;
    m_labels = labels;
    update();
}

void AnalysisChart::setSteps(const QVector<QPointF>& points, double endX)
{
    m_points = points;
    m_endX = endX;
    m_values.clear();
    for (const QPointF& p : points)
        m_values.push_back(p.y());
    update();
}

QRectF AnalysisChart::plotArea() const
{
    const QFontMetricsF fm(font());
    const double left = fm.horizontalAdvance(QStringLiteral("0000")) + 6;
    return QRectF(left, fm.height() + 8, width() - left - 8, height() - 2 * fm.height() - 16);
}

// A "nice" axis top: 1, 2 or 5 times a power of ten at or above the largest value.
static double niceTop(double max)
{
    if (max <= 0) return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(max)));
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (step * magnitude >= max) return step * magnitude;
    return 10 * magnitude;
}

void AnalysisChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(8, 4, width() - 16, QFontMetricsF(bold).height()), Qt::AlignLeft, m_title);
    p.setFont(font());
    const QRectF area = plotArea();
    const bool empty = m_values.isEmpty() || area.width() < 20 || area.height() < 20 ||
                       *std::max_element(m_values.begin(), m_values.end()) <= 0;
    if (empty) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter, m_emptyText);
        return;
    }
    const double top = niceTop(*std::max_element(m_values.begin(), m_values.end()));
    paintFrame(p, area, top);
    if (m_kind == Kind::Bars)
        paintBars(p, area, top);
    else
        paintSteps(p, area, top);
}

void AnalysisChart::paintFrame(QPainter& p, const QRectF& area, double top)
{
    QColor grid = palette().color(QPalette::Mid);
    grid.setAlpha(120);
    const QFontMetricsF fm(font());
    for (int i = 0; i <= 2; ++i) {
        const double y = area.bottom() - area.height() * i / 2.0;
        p.setPen(QPen(grid, 1, i ? Qt::DotLine : Qt::SolidLine));
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        p.setPen(palette().color(QPalette::PlaceholderText));
        const double value = top * i / 2.0;
        const QString text = value >= 1000
                                 ? QString::number(value / 1000, 'g', 3) + QLatin1Char('k')
                                 : QString::number(value, 'g', 3);
        p.drawText(QRectF(0, y - fm.height() / 2, area.left() - 4, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, text);
    }
}

void AnalysisChart::paintBars(QPainter& p, const QRectF& area, double top)
{
    const int n = static_cast<int>(m_values.size());
    const double slot = area.width() / n;
    const double gap = slot > 6 ? std::min(4.0, slot * 0.2) : 0.0;
    const QColor fill = palette().color(QPalette::Highlight);
    const QFontMetricsF fm(font());
    // Label every k-th bar so that labels never overlap.
    double widest = 1;
    for (const QString& l : m_labels)
        widest = std::max(widest, fm.horizontalAdvance(l) + 6);
    const int every = std::max(1, static_cast<int>(std::ceil(widest / slot)));
    p.setPen(Qt::NoPen);
    for (int i = 0; i < n; ++i) {
        const double h = area.height() * std::clamp(m_values[i] / top, 0.0, 1.0);
        const QRectF bar(area.left() + i * slot + gap / 2, area.bottom() - h, slot - gap, h);
        p.setBrush(fill);
        p.drawRect(bar);
    }
    p.setPen(palette().color(QPalette::Text));
    for (int i = 0; i < std::min<int>(n, static_cast<int>(m_labels.size())); i += every)
        p.drawText(QRectF(area.left() + i * slot - slot * (every - 1) / 2.0, area.bottom() + 2,
                          slot * every, fm.height()),
                   Qt::AlignHCenter | Qt::AlignTop, m_labels[i]);
}

void AnalysisChart::paintSteps(QPainter& p, const QRectF& area, double top)
{
    const double endX = std::max(m_endX, m_points.isEmpty() ? 1.0 : m_points.back().x() + 1e-9);
    auto at = [&](double x, double y) {
        return QPointF(area.left() + area.width() * std::clamp(x / endX, 0.0, 1.0),
                       area.bottom() - area.height() * std::clamp(y / top, 0.0, 1.0));
    };
    QPainterPath line;
    line.moveTo(at(m_points.front().x(), m_points.front().y()));
    for (int i = 1; i < m_points.size(); ++i) {
        line.lineTo(at(m_points[i].x(), m_points[i - 1].y()));
        line.lineTo(at(m_points[i].x(), m_points[i].y()));
    }
    line.lineTo(at(endX, m_points.back().y()));
    QPainterPath filled = line;
    filled.lineTo(at(endX, 0));
    filled.lineTo(at(m_points.front().x(), 0));
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(60);
    p.fillPath(filled, fill);
    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
    p.drawPath(line);
}

} // namespace pianola::widgets
