// SPDX-License-Identifier: MIT
// The time ruler.
#include "widgets/TimeRuler.h"

#include "widgets/TempoMarks.h"

#include <cmath>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>

namespace pianola::widgets {

TimeRuler::TimeRuler(ViewState& view, Selection& selection, EditContext& context, QWidget* parent)
    : QWidget(parent), m_view(view), m_selection(selection), m_context(context)
{
    setObjectName("timeRuler");
    setCursor(Qt::PointingHandCursor);
    for (auto signal : {&ViewState::viewChanged, &ViewState::loopChanged})
        connect(&view, signal, this, qOverload<>(&QWidget::update));
    connect(&view, &ViewState::playheadMoved, this, qOverload<>(&QWidget::update));
    connect(&context, &EditContext::planChanged, this, qOverload<>(&QWidget::update));
    connect(&selection, &Selection::scopeChanged, this, qOverload<>(&QWidget::update));
}

void TimeRuler::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0x26, 0x28, 0x2e));
    const double tpp = m_view.ticksPerPixel();
    QFont font = p.font();
    font.setPixelSize(11);
    p.setFont(font);
    constexpr int top = 0; // the chords have a lane of their own above (ChordLane)
    paintScope(p);
    if (m_view.loopEnd() > m_view.loopStart()) {
        const double x0 = m_view.tickToX(m_view.loopStart()), x1 = m_view.tickToX(m_view.loopEnd());
        p.fillRect(QRectF(x0, top, x1 - x0, 7),
                   m_view.loopEnabled() ? QColor(0x5c, 0x9d, 0xe0) : QColor(0x4a, 0x50, 0x5b));
    }
    const auto from = static_cast<model::Tick>(m_view.xToTick(0)),
               to = static_cast<model::Tick>(m_view.xToTick(width())) + 1;
    const auto bars = m_context.bars(from, to, 3 * tpp); // unlabelled bar ticks down to 3 px
    // Label every bar, or every 2nd, 4th... so that labels do not collide.
    const double barWidth =
        bars.empty() ? 100 : (bars.front().endTick() - bars.front().startTick) / tpp;
    int every = 1;
    while (barWidth * every < 36)
        every *= 2;
    for (const Bar& bar : bars) {
        const double x = m_view.tickToX(bar.startTick);
        const bool labelled = (bar.number - 1) % every == 0;
        if (labelled || barWidth >= 3) {
            p.fillRect(QRectF(x, top + (labelled ? 8 : 16), 1, height()), QColor(0x8a, 0x90, 0x9a));
        }
        if (labelled) {
            p.setPen(QColor(0xd0, 0xd3, 0xd8));
            p.drawText(QPointF(x + 3, top + 19), QString::number(bar.number));
        }
        if (bar.beatTicks / tpp >= 8)
            for (int b = 1; b < bar.beats; ++b)
                p.fillRect(QRectF(m_view.tickToX(bar.startTick + b * bar.beatTicks), top + 20, 1,
                                  height()),
                           QColor(0x5a, 0x60, 0x6a));
    }
    paintTempoMarks(p, m_context.plan(), m_view, top + 8, width(), height() - top - 8);
    const double x = m_view.tickToX(m_view.playheadTick());
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xff, 0x8a, 0x3d));
    p.drawPolygon(QPolygonF(
        {QPointF(x - 5, height() - 8), QPointF(x + 5, height() - 8), QPointF(x, height())}));
    p.fillRect(QRectF(0, height() - 1, width(), 1), QColor(0x11, 0x12, 0x15));
}

// The bars the chat is narrowed to: a band across the ruler.
void TimeRuler::paintScope(QPainter& p)
{
    if (m_selection.scopeFromBar() < 1) return;
    // Only the bars in view (the scope's first bar may be far to the left).
    const auto visible = m_context.bars(static_cast<model::Tick>(m_view.xToTick(0)),
                                        static_cast<model::Tick>(m_view.xToTick(width())) + 1);
    model::Tick from = -1, to = -1;
    for (const Bar& bar : visible) {
        if (bar.number < m_selection.scopeFromBar() || bar.number > m_selection.scopeToBar())
            continue;
        if (from < 0) from = bar.startTick;
        to = bar.endTick();
    }
    if (from < 0) return;
    const double x0 = m_view.tickToX(static_cast<double>(from)),
                 x1 = m_view.tickToX(static_cast<double>(to));
    p.fillRect(QRectF(x0, 0, x1 - x0, height()), QColor(0xf0, 0xc6, 0x74, 48));
    p.fillRect(QRectF(x0, height() - 3, x1 - x0, 3), QColor(0xf0, 0xc6, 0x74));
}

model::Tick TimeRuler::tickAt(double x) const
{
    return m_view.snapped(static_cast<model::Tick>(std::max(0.0, m_view.xToTick(x))),
                          m_context.ppq());
}

void TimeRuler::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) return;
    m_dragging = true;
    m_pressX = event->position().x();
    m_pressTick = tickAt(m_pressX);
}

void TimeRuler::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_dragging || std::abs(event->position().x() - m_pressX) < 4) return;
    m_view.setLoop(true, m_pressTick, tickAt(event->position().x()));
}

void TimeRuler::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_dragging) return;
    m_dragging = false;
    const double x = event->position().x();
    if (std::abs(x - m_pressX) < 4) { // a click: move the playhead there
        emit m_view.seekRequested(static_cast<model::Tick>(std::max(0.0, m_view.xToTick(x))));
        return;
    }
    // A drag: its bars become the scope of the chat and of Regenerate.
    const model::Tick releaseTick = tickAt(x);
    const model::Tick a = std::min(m_pressTick, releaseTick),
                      b = std::max(m_pressTick, releaseTick);
    m_selection.setScopeBars(m_context.barAt(a).number, m_context.barAt(std::max(a, b - 1)).number);
}

void TimeRuler::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu* menu =
        barMenu(static_cast<model::Tick>(std::max(0.0, m_view.xToTick(event->pos().x()))));
    menu->exec(event->globalPos());
    delete menu;
}

QMenu* TimeRuler::barMenu(model::Tick tick)
{
    const int bar = m_context.barAt(tick).number;
    const bool inScope = m_selection.scopeFromBar() > 0 && bar >= m_selection.scopeFromBar() &&
                         bar <= m_selection.scopeToBar();
    const int from = inScope ? m_selection.scopeFromBar() : bar,
              to = inScope ? m_selection.scopeToBar() : bar;
    const QString bars = from == to ? tr("bar %1").arg(from) : tr("bars %1–%2").arg(from).arg(to);
    auto* menu = new QMenu(this);
    QAction* regenerate = menu->addAction(tr("Regenerate %1").arg(bars), this, [this, from, to] {
        emit m_context.regenerateRequested(m_selection.scopeTrack(), from, to);
    });
    regenerate->setObjectName("regenerateBars");
    QAction* narrow = menu->addAction(tr("Narrow the chat to %1").arg(bars), this,
                                      [this, from, to] { m_selection.setScopeBars(from, to); });
    narrow->setObjectName("scopeBars");
    return menu;
}

} // namespace pianola::widgets
