// SPDX-License-Identifier: MIT
// The frame every controller lane shares; the data and the gestures are the subclasses'.
#include "widgets/ControllerLane.h"

#include "widgets/EditorState.h"
#include "widgets/PianoRollView.h"
#include "widgets/PointLane.h"
#include "widgets/VelocityLane.h"

#include <algorithm>
#include <cmath>
#include <QMouseEvent>
#include <QPainter>

namespace pianola::widgets {

using model::Tick;

namespace {
constexpr int kHeader = PianoRollView::kGutterWidth;
const QRect kCloseBox(kHeader - 16, 3, 13, 13);
const QRect kLineBox(kHeader - 16, 19, 13, 13);
} // namespace

ControllerLane* ControllerLane::create(EditorState& state, std::optional<model::Lane> lane,
                                       QWidget* parent)
{
    if (lane) return new PointLane(state.view(), state.context(), *lane, parent);
    return new VelocityLane(state.view(), state.selection(), state.context(), parent);
}

ControllerLane::ControllerLane(ViewState& view, EditContext& context, QWidget* parent)
    : QWidget(parent), m_view(view), m_context(context)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    connect(&context, &EditContext::planChanged, this, &ControllerLane::planChanged);
    connect(&context, &EditContext::currentTrackChanged, this, &ControllerLane::planChanged);
    connect(&view, &ViewState::viewChanged, this, qOverload<>(&QWidget::update));
}

void ControllerLane::planChanged()
{
    if (m_active) { // what the gesture started from is gone
        m_active->cancel();
        m_active = nullptr;
    }
    refresh();
    update();
}

QString ControllerLane::laneTitle(const std::optional<model::Lane>& lane)
{
    if (!lane) return tr("Velocity");
    switch (lane->kind) {
    case model::Lane::Kind::PitchBend:
        return tr("Pitch bend");
    case model::Lane::Kind::ChannelPressure:
        return tr("Pressure");
    case model::Lane::Kind::Controller:
        break;
    }
    const std::string name = model::gm::controllerName(lane->controller);
    return name.empty() ? tr("CC %1").arg(lane->controller)
                        : tr("CC %1 %2").arg(lane->controller).arg(QString::fromStdString(name));
}

QRectF ControllerLane::plotArea() const
{
    return QRectF(kHeader, 4, width() - kHeader, height() - 8);
}

double ControllerLane::valueToY(double value) const
{
    const QRectF a = plotArea();
    return a.bottom() - (value - minValue()) / double(maxValue() - minValue()) * a.height();
}

int ControllerLane::yToValue(double y) const
{
    const QRectF a = plotArea();
    const double v = minValue() + (a.bottom() - y) / a.height() * (maxValue() - minValue());
    return std::clamp(static_cast<int>(std::lround(v)), minValue(), maxValue());
}

double ControllerLane::tickToX(double tick) const
{
    return kHeader + m_view.tickToX(tick);
}

Tick ControllerLane::xToTick(double x) const
{
    return static_cast<Tick>(
        std::clamp(m_view.xToTick(x - kHeader), 0.0, double(model::Limits::kMaxTick)));
}

std::pair<double, double> ControllerLane::visibleTicks() const
{
    return {m_view.xToTick(0), m_view.xToTick(plotArea().width())};
}

QString ControllerLane::valueText(int value) const
{
    return QStringLiteral("%1: %2").arg(title()).arg(value);
}

void ControllerLane::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    paintFrame(p);
    p.setClipRect(plotArea().adjusted(0, -4, 0, 4));
    paintData(p);
    if (m_active) m_active->paintPreview(p);
    p.setClipping(false);
    paintHeader(p);
    paintReadout(p);
}

// Background, value guides and bar lines (at least 8 px apart, like the roll's).
void ControllerLane::paintFrame(QPainter& p)
{
    p.fillRect(rect(), QColor(0x1b, 0x1d, 0x22));
    const QRectF a = plotArea();
    p.setPen(QColor(0x2c, 0x30, 0x37));
    for (double f : {0.0, 0.5, 1.0}) {
        const double y = a.bottom() + (a.top() - a.bottom()) * f;
        p.drawLine(QPointF(a.left(), y), QPointF(a.right(), y));
    }
    const auto [from, to] = visibleTicks();
    for (const Bar& bar : m_context.bars(static_cast<Tick>(from), static_cast<Tick>(to) + 1,
                                         8 * m_view.ticksPerPixel()))
        p.fillRect(QRectF(tickToX(static_cast<double>(bar.startTick)), 0, 1, height()),
                   QColor(0x33, 0x37, 0x3f));
}

void ControllerLane::paintHeader(QPainter& p)
{
    p.fillRect(QRect(0, 0, kHeader, height()), QColor(0x26, 0x28, 0x2e));
    p.fillRect(QRect(0, 0, width(), 1), QColor(0x11, 0x12, 0x15));
    p.setPen(QColor(0xd0, 0xd3, 0xd8));
    QFont font = p.font();
    font.setPixelSize(11);
    p.setFont(font);
    p.drawText(QRect(4, 2, kHeader - 22, height() - 4),
               Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, title());
    if (removable()) p.drawText(kCloseBox, Qt::AlignCenter, QStringLiteral("×"));
    p.setPen(m_lineMode ? QColor(0xff, 0x8a, 0x3d) : QColor(0x80, 0x84, 0x8c));
    p.drawLine(kLineBox.bottomLeft() + QPoint(2, -2), kLineBox.topRight() + QPoint(-2, 2));
}

void ControllerLane::paintReadout(QPainter& p)
{
    if (!m_active && !m_hover) return;
    const QPointF at = m_active ? m_lastPos : m_hoverPos;
    if (at.x() < kHeader) return;
    const QString text = valueText(m_active ? m_readoutValue : yToValue(at.y()));
    QFont font = p.font();
    font.setPixelSize(11);
    p.setFont(font);
    const QRectF box =
        QRectF(at + QPointF(10, -18), QSizeF(p.fontMetrics().horizontalAdvance(text) + 8, 16));
    p.fillRect(box, QColor(0x11, 0x12, 0x15, 220));
    p.setPen(QColor(0xf0, 0xf0, 0xf0));
    p.drawText(box, Qt::AlignCenter, text);
}

bool ControllerLane::headerClicked(const QPointF& pos)
{
    if (pos.x() >= kHeader) return false;
    if (kCloseBox.contains(pos.toPoint()) && removable())
        emit removeRequested(this);
    else if (kLineBox.contains(pos.toPoint()))
        m_lineMode = !m_lineMode;
    else
        emit laneChangeRequested(this);
    update();
    return true;
}

void ControllerLane::mousePressEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    m_lastPos = pos;
    if (headerClicked(pos) || event->button() != Qt::LeftButton || !m_context.track()) return;
    if (m_active) m_active->cancel();
    m_readoutValue = yToValue(pos.y());
    m_active = toolAt(pos, event->modifiers());
    if (m_active) m_active->press(pos, event->modifiers());
    update();
}

void ControllerLane::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    m_hoverPos = m_lastPos = pos;
    m_hover = true;
    if (m_active) m_active->drag(pos, event->modifiers());
    update();
}

void ControllerLane::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_active) return;
    EditTool* tool = std::exchange(m_active, nullptr);
    m_hover = false; // the readout goes with the gesture; the next move shows it again
    m_lastPos = event->position();
    tool->drag(event->position(), event->modifiers());
    tool->release(event->position(), event->modifiers()); // may change the plan: after the reset
    update();
}

void ControllerLane::leaveEvent(QEvent*)
{
    m_hover = false;
    update();
}

} // namespace pianola::widgets
