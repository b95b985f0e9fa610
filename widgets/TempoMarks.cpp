// SPDX-License-Identifier: MIT
// Tempo changes in the ruler.
#include "widgets/TempoMarks.h"

#include "widgets/ViewState.h"

#include <cmath>
#include <QPainter>

namespace pianola::widgets {

void paintTempoMarks(QPainter& p, const model::Plan* plan, const ViewState& view, int top,
                     int width, int height)
{
    if (!plan || plan->tempos.size() < 2) return;
    const QColor colour(QRgb(0xff000000u | kTempoMarkRgb));
    double lastRight = -1e9;
    for (const model::TempoChange& t : plan->tempos) {
        const double x = std::round(view.tickToX(static_cast<double>(t.tick)));
        if (x < -40 || x > width) continue;
        p.fillRect(QRectF(x, top, 2, height), colour);
        // The label beside the bar number the change usually sits on; skipped where it would
        // overlap.
        const QString label =
            QStringLiteral("\u2669 %1")
                .arg(t.bpm, 0, 'f', std::abs(t.bpm - std::round(t.bpm)) < 0.05 ? 0 : 1);
        const double left = x + 4 + p.fontMetrics().horizontalAdvance(QStringLiteral("000"));
        if (left < lastRight) continue;
        p.setPen(colour);
        p.drawText(QPointF(left, top + 11), label);
        lastRight = left + p.fontMetrics().horizontalAdvance(label) + 6;
    }
}

} // namespace pianola::widgets
