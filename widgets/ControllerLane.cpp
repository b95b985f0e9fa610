// SPDX-License-Identifier: MIT
// A controller lane.
#include "widgets/ControllerLane.h"

#include "widgets/PianoRollView.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <map>

namespace pianola::widgets {

using model::LanePoint;
using model::Note;
using model::Tick;

namespace {
constexpr int kHeader = PianoRollView::kGutterWidth;
constexpr double kPointRadius = 3.5;
const QRect kCloseBox(kHeader - 16, 3, 13, 13);
const QRect kLineBox(kHeader - 16, 19, 13, 13);

double lerp(double a, double b, double t)
{
    return a + (b - a) * t;
}
} // namespace

ControllerLane::ControllerLane(EditorState* state, std::optional<model::Lane> lane, QWidget* parent)
    : QWidget(parent), m_state(state), m_lane(lane)
{
    setObjectName(lane ? "controllerLane" : "velocityLane");
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    auto refresh = [this] {
        m_selected.clear();
        m_points.clear();
        if (const model::Track* t = m_state->track(); t && m_lane)
            m_points = model::lanePoints(*t, *m_lane);
        update();
    };
    connect(state, &EditorState::planChanged, this, refresh);
    connect(state, &EditorState::currentTrackChanged, this, refresh);
    for (auto signal : {&EditorState::viewChanged, &EditorState::selectionChanged})
        connect(state, signal, this, qOverload<>(&QWidget::update));
    refresh();
}

void ControllerLane::setLane(std::optional<model::Lane> lane)
{
    m_lane = lane;
    setObjectName(lane ? "controllerLane" : "velocityLane");
    m_selected.clear();
    m_points = m_lane && m_state->track() ? model::lanePoints(*m_state->track(), *m_lane) : std::vector<LanePoint>{};
    update();
}

QString ControllerLane::laneTitle(const std::optional<model::Lane>& lane)
{
    if (!lane)
        return tr("Velocity");
    switch (lane->kind) {
    case model::Lane::Kind::PitchBend: return tr("Pitch bend");
    case model::Lane::Kind::ChannelPressure: return tr("Pressure");
    case model::Lane::Kind::Controller: break;
    }
    const std::string name = model::gm::controllerName(lane->controller);
    return name.empty() ? tr("CC %1").arg(lane->controller) : tr("CC %1 %2").arg(lane->controller).arg(QString::fromStdString(name));
}

QString ControllerLane::title() const
{
    return laneTitle(m_lane);
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

QString ControllerLane::valueText(int value) const
{
    if (!m_lane)
        return tr("Velocity %1").arg(value);
    return QStringLiteral("%1: %2").arg(title()).arg(value);
}

Tick ControllerLane::pointTick(double x, bool bypassSnap) const
{
    const auto tick = static_cast<Tick>(std::max(0.0, m_state->xToTick(x - kHeader)));
    return bypassSnap ? tick : m_state->snapped(tick);
}

void ControllerLane::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0x1b, 0x1d, 0x22));
    const QRectF a = plotArea();
    p.setPen(QColor(0x2c, 0x30, 0x37));
    for (double f : {0.0, 0.5, 1.0})
        p.drawLine(QPointF(a.left(), lerp(a.bottom(), a.top(), f)), QPointF(a.right(), lerp(a.bottom(), a.top(), f)));
    p.setClipRect(a.adjusted(0, -4, 0, 4));
    for (const Bar& bar : m_state->bars(static_cast<Tick>(m_state->xToTick(0)), static_cast<Tick>(m_state->xToTick(a.width())) + 1))
        p.fillRect(QRectF(kHeader + m_state->tickToX(bar.startTick), 0, 1, height()), QColor(0x33, 0x37, 0x3f));
    if (m_lane)
        paintPoints(p);
    else
        paintVelocities(p);
    p.setClipping(false);
    paintHeader(p);
    paintReadout(p);
}

void ControllerLane::paintHeader(QPainter& p)
{
    p.fillRect(QRect(0, 0, kHeader, height()), QColor(0x26, 0x28, 0x2e));
    p.fillRect(QRect(0, 0, width(), 1), QColor(0x11, 0x12, 0x15));
    p.setPen(QColor(0xd0, 0xd3, 0xd8));
    QFont font = p.font();
    font.setPixelSize(11);
    p.setFont(font);
    p.drawText(QRect(4, 2, kHeader - 22, height() - 4), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, title());
    if (m_lane)
        p.drawText(kCloseBox, Qt::AlignCenter, QStringLiteral("×"));
    p.setPen(m_lineMode ? QColor(0xff, 0x8a, 0x3d) : QColor(0x80, 0x84, 0x8c));
    p.drawLine(kLineBox.bottomLeft() + QPoint(2, -2), kLineBox.topRight() + QPoint(-2, 2));
}

void ControllerLane::paintVelocities(QPainter& p)
{
    const model::Track* track = m_state->track();
    if (!track)
        return;
    const double from = m_state->xToTick(0), to = m_state->xToTick(width() - kHeader);
    auto byStart = [](const Note& n, double tick) { return static_cast<double>(n.startTick) < tick; };
    const auto first = std::lower_bound(track->notes.begin(), track->notes.end(), from, byStart);
    const auto last = std::lower_bound(first, track->notes.end(), to, byStart);
    const QColor base = m_state->trackColour(m_state->currentTrack());
    const bool dense = last - first > 20000;
    for (auto it = first; it != last; ++it) {
        auto preview = m_velocityPreview.find(it->id);
        const int velocity = preview != m_velocityPreview.end() ? preview->second : it->velocity;
        const double x = kHeader + m_state->tickToX(static_cast<double>(it->startTick));
        const double y = valueToY(velocity);
        const bool selected = m_state->isSelected(it->id);
        const QColor colour = EditorState::velocityColour(base, velocity).lighter(selected ? 140 : 100);
        p.fillRect(QRectF(x, y, dense ? 1 : 2, plotArea().bottom() - y), colour);
        if (!dense)
            p.fillRect(QRectF(x - 2, y - 2, 6, 4), selected ? QColor(Qt::white) : colour);
    }
}

void ControllerLane::paintPoints(QPainter& p)
{
    std::vector<LanePoint> points;
    if (m_gesture == Gesture::Pencil || m_gesture == Gesture::Line || m_gesture == Gesture::ErasePoints) {
        for (const LanePoint& pt : m_points)
            if (pt.tick < m_strokeFrom || pt.tick >= m_strokeTo)
                points.push_back(pt);
        points.insert(points.end(), m_stroke.begin(), m_stroke.end());
        std::stable_sort(points.begin(), points.end(), [](const LanePoint& a, const LanePoint& b) { return a.tick < b.tick; });
    } else {
        points = m_points;
    }
    const QColor colour = m_state->trackColour(m_state->currentTrack());
    const QRectF a = plotArea();
    const double baseline = valueToY(m_lane->kind == model::Lane::Kind::PitchBend ? 0 : minValue());
    const double from = m_state->xToTick(0), to = m_state->xToTick(a.width());
    auto it = std::lower_bound(points.begin(), points.end(), static_cast<Tick>(from), [](const LanePoint& pt, Tick t) { return pt.tick < t; });
    if (it != points.begin())
        --it;   // the value holding at the left edge
    QPolygonF line;
    for (; it != points.end(); ++it) {
        const double x = kHeader + m_state->tickToX(static_cast<double>(it->tick));
        const double y = valueToY(it->value);
        if (!line.isEmpty())
            line << QPointF(x, line.back().y());
        line << QPointF(x, y);
        if (it->tick > to)
            break;
    }
    if (line.isEmpty())
        return;
    line << QPointF(a.right() + 1, line.back().y());
    QPolygonF area = line;
    area << QPointF(area.back().x(), baseline) << QPointF(area.front().x(), baseline);
    QColor fill = colour;
    fill.setAlpha(50);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawPolygon(area);
    p.setPen(QPen(colour, 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(line);
    if (m_gesture == Gesture::None || m_gesture == Gesture::MovePoints || m_gesture == Gesture::RubberBand)
        for (std::size_t i = 0; i < m_points.size(); ++i) {
            const bool selected = std::find(m_selected.begin(), m_selected.end(), static_cast<int>(i)) != m_selected.end();
            QPointF c(kHeader + m_state->tickToX(static_cast<double>(m_points[i].tick)), valueToY(m_points[i].value));
            if (c.x() < a.left() - 4 || c.x() > a.right() + 4)
                continue;
            if (selected && m_gesture == Gesture::MovePoints)
                c += m_moveDelta;
            p.setBrush(selected ? QColor(Qt::white) : colour);
            p.drawEllipse(c, kPointRadius, kPointRadius);
        }
    if (m_gesture == Gesture::RubberBand) {
        p.setPen(QColor(0x9c, 0xc8, 0xff));
        p.setBrush(QColor(0x5c, 0x9d, 0xe0, 40));
        p.drawRect(QRectF(m_pressPos, m_lastPos).normalized());
    }
}

void ControllerLane::paintReadout(QPainter& p)
{
    if (m_gesture == Gesture::None && !m_hover)
        return;
    const QPointF at = m_gesture == Gesture::None ? m_hoverPos : m_lastPos;
    if (at.x() < kHeader)
        return;
    const QString text = valueText(m_gesture == Gesture::None ? yToValue(at.y()) : m_readoutValue);
    QFont font = p.font();
    font.setPixelSize(11);
    p.setFont(font);
    const QRectF box = QRectF(at + QPointF(10, -18), QSizeF(p.fontMetrics().horizontalAdvance(text) + 8, 16));
    p.fillRect(box, QColor(0x11, 0x12, 0x15, 220));
    p.setPen(QColor(0xf0, 0xf0, 0xf0));
    p.drawText(box, Qt::AlignCenter, text);
}

void ControllerLane::mousePressEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    m_pressPos = m_lastPos = pos;
    if (pos.x() < kHeader) {
        if (kCloseBox.contains(pos.toPoint()) && m_lane)
            emit removeRequested(this);
        else if (kLineBox.contains(pos.toPoint()))
            m_lineMode = !m_lineMode;
        else
            emit laneChangeRequested(this);
        update();
        return;
    }
    if (event->button() != Qt::LeftButton || !m_state->track())
        return;
    const bool line = m_lineMode || (event->modifiers() & Qt::ControlModifier);
    m_readoutValue = yToValue(pos.y());
    if (!m_lane) {
        m_gesture = line ? Gesture::Line : Gesture::Pencil;
        velocityStroke(pos, pos, line);
        return;
    }
    if (m_state->tool() == Tool::Erase) {
        m_gesture = Gesture::ErasePoints;
        pointStroke(pos, false);
        return;
    }
    if (m_state->tool() == Tool::Select) {
        const int hit = hitPoint(pos);
        if (hit < 0) {
            if (!(event->modifiers() & Qt::ShiftModifier))
                m_selected.clear();
            m_gesture = Gesture::RubberBand;
        } else {
            if (std::find(m_selected.begin(), m_selected.end(), hit) == m_selected.end()) {
                if (!(event->modifiers() & Qt::ShiftModifier))
                    m_selected.clear();
                m_selected.push_back(hit);
            }
            m_gesture = Gesture::MovePoints;
            m_moveDelta = {};
        }
        update();
        return;
    }
    m_gesture = line ? Gesture::Line : Gesture::Pencil;
    m_stroke.clear();
    pointStroke(pos, line);
}

void ControllerLane::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    m_hoverPos = pos;
    m_hover = true;
    switch (m_gesture) {
    case Gesture::None:
        break;
    case Gesture::Pencil:
    case Gesture::Line:
        m_readoutValue = yToValue(pos.y());
        if (m_lane)
            pointStroke(pos, m_gesture == Gesture::Line);
        else
            velocityStroke(m_gesture == Gesture::Line ? m_pressPos : m_lastPos, pos, m_gesture == Gesture::Line);
        break;
    case Gesture::ErasePoints:
        pointStroke(pos, false);
        break;
    case Gesture::MovePoints:
        m_moveDelta = pos - m_pressPos;
        if (!m_selected.empty()) {
            const LanePoint& anchor = m_points[static_cast<std::size_t>(m_selected.front())];
            m_readoutValue = std::clamp(anchor.value + yToValue(pos.y()) - yToValue(m_pressPos.y()), minValue(), maxValue());
        }
        break;
    case Gesture::RubberBand: {
        const QRectF band = QRectF(m_pressPos, pos).normalized();
        for (std::size_t i = 0; i < m_points.size(); ++i) {
            const QPointF c(kHeader + m_state->tickToX(static_cast<double>(m_points[i].tick)), valueToY(m_points[i].value));
            if (band.contains(c) && std::find(m_selected.begin(), m_selected.end(), static_cast<int>(i)) == m_selected.end())
                m_selected.push_back(static_cast<int>(i));
        }
        break;
    }
    }
    m_lastPos = pos;
    update();
}

void ControllerLane::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_gesture == Gesture::None)
        return;
    mouseMoveEvent(event);
    if (m_lane)
        finishPoints();
    else
        finishVelocities();
    m_gesture = Gesture::None;
    update();
}

void ControllerLane::leaveEvent(QEvent*)
{
    m_hover = false;
    update();
}

void ControllerLane::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)
        deleteSelectedPoints();
    else
        QWidget::keyPressEvent(event);
}

// ---- velocity lane ----

void ControllerLane::velocityStroke(const QPointF& from, const QPointF& to, bool line)
{
    const model::Track* track = m_state->track();
    if (line)
        m_velocityPreview.clear();
    const bool onlySelected = !m_state->selection().empty();
    const double x0 = std::min(from.x(), to.x()) - 3, x1 = std::max(from.x(), to.x()) + 3;
    const double t0 = m_state->xToTick(x0 - kHeader), t1 = m_state->xToTick(x1 - kHeader);
    auto byStart = [](const Note& n, double tick) { return static_cast<double>(n.startTick) < tick; };
    auto it = std::lower_bound(track->notes.begin(), track->notes.end(), t0, byStart);
    for (; it != track->notes.end() && static_cast<double>(it->startTick) <= t1; ++it) {
        if (onlySelected && !m_state->isSelected(it->id))
            continue;
        const double x = kHeader + m_state->tickToX(static_cast<double>(it->startTick));
        const double span = to.x() - from.x();
        const double t = std::abs(span) < 1 ? 1.0 : std::clamp((x - from.x()) / span, 0.0, 1.0);
        m_velocityPreview[it->id] = std::max(1, yToValue(lerp(from.y(), to.y(), t)));
    }
    update();
}

void ControllerLane::finishVelocities()
{
    const model::Track* track = m_state->track();
    std::vector<Note> before, after;
    for (const Note& n : track->notes) {
        auto it = m_velocityPreview.find(n.id);
        if (it == m_velocityPreview.end() || it->second == n.velocity)
            continue;
        before.push_back(n);
        after.push_back(n);
        after.back().velocity = static_cast<std::uint8_t>(it->second);
    }
    m_velocityPreview.clear();
    if (!before.empty())
        m_state->submit(model::NotesEdit{m_state->take(), m_state->currentTrack(), before, after},
                        tr("Change velocity of %n note(s)", nullptr, static_cast<int>(before.size())));
}

// ---- controller lanes ----

int ControllerLane::hitPoint(const QPointF& pos) const
{
    for (std::size_t i = m_points.size(); i-- > 0;) {
        const QPointF c(kHeader + m_state->tickToX(static_cast<double>(m_points[i].tick)), valueToY(m_points[i].value));
        if (std::abs(c.x() - pos.x()) <= kPointRadius + 2 && std::abs(c.y() - pos.y()) <= kPointRadius + 2)
            return static_cast<int>(i);
    }
    return -1;
}

void ControllerLane::pointStroke(const QPointF& pos, bool line)
{
    const bool bypass = QGuiApplication::keyboardModifiers() & Qt::AltModifier;
    // Freehand resolution: the grid, but at least a 1/32 note so a ramp is smooth.
    const Tick step = bypass ? std::max<Tick>(1, m_state->ppq() / 32) : std::min(m_state->snapTicks(), static_cast<Tick>(m_state->ppq() / 8));
    const Tick pressTick = m_state->snappedDown(pointTick(m_pressPos.x(), true));
    const Tick here = pointTick(pos.x(), true) / std::max<Tick>(1, step) * step;
    if (m_gesture == Gesture::ErasePoints) {
        m_strokeFrom = std::min(pressTick, here);
        m_strokeTo = std::max(pressTick, here) + step;
        m_stroke.clear();
        return;
    }
    std::map<Tick, int> stroke;
    if (!line)
        for (const LanePoint& pt : m_stroke)
            stroke[pt.tick] = pt.value;
    const QPointF from = line ? m_pressPos : m_lastPos;
    const Tick fromTick = line ? pressTick : pointTick(from.x(), true) / std::max<Tick>(1, step) * step;
    const Tick lo = std::min(fromTick, here), hi = std::max(fromTick, here);
    for (Tick t = lo; t <= hi; t += step) {
        const double f = hi == lo ? 1.0 : double(t - fromTick) / double(here - fromTick);
        stroke[t] = yToValue(lerp(from.y(), pos.y(), std::clamp(f, 0.0, 1.0)));
    }
    m_stroke.clear();
    for (const auto& [tick, value] : stroke)
        m_stroke.push_back({tick, value});
    m_strokeFrom = m_stroke.front().tick;
    m_strokeTo = m_stroke.back().tick + 1;
    // Drop repeats: a flat stretch needs only its first point.
    std::vector<LanePoint> compact;
    for (const LanePoint& pt : m_stroke)
        if (compact.empty() || compact.back().value != pt.value || &pt == &m_stroke.back())
            compact.push_back(pt);
    if (line)
        m_stroke = std::move(compact);
}

void ControllerLane::finishPoints()
{
    const model::Track* track = m_state->track();
    if (!track || !m_lane)
        return;
    model::LaneEdit edit{m_state->take(), m_state->currentTrack(), *m_lane, 0, 0, {}, {}};
    QString text;
    if (m_gesture == Gesture::Pencil || m_gesture == Gesture::Line || m_gesture == Gesture::ErasePoints) {
        if (m_strokeTo <= m_strokeFrom)
            return;
        edit.fromTick = m_strokeFrom;
        edit.toTick = m_strokeTo;
        edit.after = m_stroke;
        text = m_gesture == Gesture::ErasePoints ? tr("Erase %1 points").arg(title()) : tr("Draw %1").arg(title());
    } else if (m_gesture == Gesture::MovePoints && !m_selected.empty()) {
        const Tick dt = static_cast<Tick>(std::lround(m_moveDelta.x() * m_state->ticksPerPixel()));
        const Tick grid = m_state->snapTicks();
        const Tick snappedDt = std::llround(static_cast<double>(dt) / static_cast<double>(grid)) * grid;
        const int dv = yToValue(m_pressPos.y() + m_moveDelta.y()) - yToValue(m_pressPos.y());
        if (snappedDt == 0 && dv == 0)
            return;
        Tick lo = model::Limits::kMaxTick, hi = 0;
        std::vector<LanePoint> moved;
        for (int i : m_selected) {
            const LanePoint& pt = m_points[static_cast<std::size_t>(i)];
            LanePoint m{std::clamp<Tick>(pt.tick + snappedDt, 0, model::Limits::kMaxTick - 1), std::clamp(pt.value + dv, minValue(), maxValue())};
            lo = std::min({lo, pt.tick, m.tick});
            hi = std::max({hi, pt.tick, m.tick});
            moved.push_back(m);
        }
        edit.fromTick = lo;
        edit.toTick = hi + 1;
        for (std::size_t i = 0; i < m_points.size(); ++i)
            if (m_points[i].tick >= lo && m_points[i].tick <= hi &&
                std::find(m_selected.begin(), m_selected.end(), static_cast<int>(i)) == m_selected.end())
                edit.after.push_back(m_points[i]);
        edit.after.insert(edit.after.end(), moved.begin(), moved.end());
        std::stable_sort(edit.after.begin(), edit.after.end(), [](const LanePoint& a, const LanePoint& b) { return a.tick < b.tick; });
        text = tr("Move %1 points").arg(title());
    } else {
        return;
    }
    edit.before = model::lanePoints(*track, *m_lane, edit.fromTick, edit.toTick);
    if (edit.before != edit.after)
        m_state->submit(std::move(edit), text);
}

std::vector<LanePoint> ControllerLane::selectedPoints() const
{
    std::vector<LanePoint> out;
    for (int i : m_selected)
        out.push_back(m_points[static_cast<std::size_t>(i)]);
    return out;
}

void ControllerLane::deleteSelectedPoints()
{
    const model::Track* track = m_state->track();
    if (!track || !m_lane || m_selected.empty())
        return;
    Tick lo = model::Limits::kMaxTick, hi = 0;
    for (int i : m_selected)
        lo = std::min(lo, m_points[static_cast<std::size_t>(i)].tick), hi = std::max(hi, m_points[static_cast<std::size_t>(i)].tick);
    model::LaneEdit edit{m_state->take(), m_state->currentTrack(), *m_lane, lo, hi + 1, model::lanePoints(*track, *m_lane, lo, hi + 1), {}};
    for (std::size_t i = 0; i < m_points.size(); ++i)
        if (m_points[i].tick >= lo && m_points[i].tick <= hi &&
            std::find(m_selected.begin(), m_selected.end(), static_cast<int>(i)) == m_selected.end())
            edit.after.push_back(m_points[i]);
    m_selected.clear();
    m_state->submit(std::move(edit), tr("Delete %1 points").arg(title()));
}

} // namespace pianola::widgets
