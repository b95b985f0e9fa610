// SPDX-License-Identifier: MIT
// A read-only overview of a plan.
#include "widgets/PlanOverview.h"

#include <algorithm>
#include <QPainter>

namespace pianola::widgets {

namespace {
QColor trackColour(std::size_t index)
{
    return QColor::fromHsv(static_cast<int>((index * 67) % 360), 170, 230);
}
} // namespace

PlanOverview::PlanOverview(QWidget* parent) : QWidget(parent)
{
    setAutoFillBackground(false);
    setMinimumSize(200, 120);
}

void PlanOverview::setPlan(const model::Plan& plan)
{
    m_plan = plan;
    m_length = std::max<model::Tick>(plan.lengthTicks(), plan.ppq * 4);
    int low = 127, high = 0;
    for (const auto& t : plan.tracks)
        for (const auto& n : t.notes) {
            low = std::min<int>(low, n.key);
            high = std::max<int>(high, n.key);
        }
    m_lowKey = low <= high ? std::max(0, low - 2) : 48;
    m_highKey = low <= high ? std::min(127, high + 2) : 84;
    update();
}

void PlanOverview::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0x1e, 0x20, 0x24));
    if (m_plan.noteCount() == 0) {
        paintEmpty(p);
        return;
    }
    const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8);
    paintBars(p, area);
    paintNotes(p, area);
    paintPlayhead(p, area);
}

void PlanOverview::setPlayheadTick(double tick)
{
    if (tick == m_playheadTick) return;
    m_playheadTick = tick;
    update();
}

void PlanOverview::paintPlayhead(QPainter& p, const QRectF& area)
{
    const double x = area.left() + m_playheadTick * area.width() / static_cast<double>(m_length);
    p.setPen(QPen(QColor(0xff, 0xff, 0xff, 200), 1.5));
    p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
}

void PlanOverview::paintEmpty(QPainter& p)
{
    p.setPen(QColor(0x9a, 0xa0, 0xa6));
    p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
               tr("No notes yet. Open a MIDI file or a plan (File > Open), or drop one here."));
}

void PlanOverview::paintBars(QPainter& p, const QRectF& area)
{
    const auto& ts =
        m_plan.timeSignatures.empty() ? model::TimeSignature{} : m_plan.timeSignatures.front();
    const double barTicks = m_plan.ppq * 4.0 * ts.numerator / std::max(1, ts.denominator);
    const double scale = area.width() / static_cast<double>(m_length);
    const double step = std::max(1.0, std::ceil(24.0 / (barTicks * scale))); // >= 24 px apart
    p.setPen(QColor(0x3a, 0x3e, 0x44));
    for (double t = 0; t <= static_cast<double>(m_length); t += barTicks * step) {
        const double x = area.left() + t * scale;
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }
}

void PlanOverview::paintNotes(QPainter& p, const QRectF& area)
{
    const double xScale = area.width() / static_cast<double>(m_length);
    const double rowHeight = area.height() / (m_highKey - m_lowKey + 1);
    for (std::size_t i = 0; i < m_plan.tracks.size(); ++i) {
        const QColor base = trackColour(i);
        for (const auto& n : m_plan.tracks[i].notes) {
            const double x = area.left() + static_cast<double>(n.startTick) * xScale;
            const double w = std::max(1.0, static_cast<double>(n.lengthTicks) * xScale);
            const double y = area.top() + (m_highKey - n.key) * rowHeight;
            p.fillRect(QRectF(x, y, w, std::max(1.0, rowHeight - 1)),
                       base.darker(200 - n.velocity * 3 / 4));
        }
    }
}

} // namespace pianola::widgets
