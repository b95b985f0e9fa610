// SPDX-License-Identifier: MIT
// A point lane (CC, pitch bend, pressure) and its tools.
#include "widgets/PointLane.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QPainter>

namespace pianola::widgets {

using model::LanePoint;
using model::Tick;

namespace {
constexpr double kPointRadius = 3.5;

bool byTick(const LanePoint& a, const LanePoint& b)
{
    return a.tick < b.tick;
}

// Builds a step line with at most five vertices per pixel column: the cost of a paint is bounded
// by the width however many points (or ticks) the view spans.
class StepLineBuilder
{
public:
    StepLineBuilder(double left, double right) : m_left(left), m_right(right) {}
    void add(double x, double y)
    {
        x = std::clamp(x, m_left - 2, m_right + 2);
        const auto column = static_cast<long long>(std::floor(x));
        if (m_open && column == m_column) {
            m_last = y;
            m_low = std::min(m_low, y);
            m_high = std::max(m_high, y);
            return;
        }
        flush();
        m_open = true;
        m_column = column;
        m_x = x;
        m_first = m_last = m_low = m_high = y;
    }
    QPolygonF finish()
    {
        flush();
        if (!m_line.isEmpty()) m_line << QPointF(m_right + 1, m_line.back().y());
        return std::move(m_line);
    }

private:
    void flush()
    {
        if (!m_open) return;
        if (!m_line.isEmpty()) m_line << QPointF(m_x, m_line.back().y());
        m_line << QPointF(m_x, m_first);
        if (m_low != m_high)
            m_line << QPointF(m_x, m_low == m_first ? m_high : m_low)
                   << QPointF(m_x, m_low == m_first ? m_low : m_high);
        if (m_line.back().y() != m_last) m_line << QPointF(m_x, m_last);
        m_open = false;
    }

    double m_left, m_right;
    QPolygonF m_line;
    bool m_open = false;
    long long m_column = 0;
    double m_x = 0, m_first = 0, m_last = 0, m_low = 0, m_high = 0;
};
} // namespace

// ---- the stroke tool: pencil, line, erase ----

/// Draw: freehand points at the grid (at least a 1/32 note, at most one per pixel), or a line
/// from the press (line mode or Ctrl). Erase: the stretch swept. One LaneEdit on release.
class PointLane::StrokeTool : public EditTool
{
public:
    explicit StrokeTool(PointLane& lane) : m_lane(lane) {}
    void start(bool erase, bool line)
    {
        m_erase = erase;
        m_line = line;
    }
    void press(const QPointF& pos, Qt::KeyboardModifiers) override
    {
        m_press = m_last = pos;
        m_stroke.clear();
        m_running = true;
        stroke(pos);
    }
    void drag(const QPointF& pos, Qt::KeyboardModifiers) override
    {
        if (!m_erase) m_lane.setReadout(m_lane.yToValue(pos.y()));
        stroke(pos);
        m_last = pos;
    }
    void release(const QPointF&, Qt::KeyboardModifiers) override;
    void cancel() override
    {
        m_running = false;
        m_stroke.clear();
    }
    bool running() const { return m_running; }
    /// The points the stroke puts in [from(), to()).
    const std::vector<LanePoint>& points() const { return m_stroke; }
    Tick from() const { return m_from; }
    Tick to() const { return m_to; }

private:
    Tick step() const;
    void stroke(const QPointF& pos);

    PointLane& m_lane;
    bool m_erase = false, m_line = false, m_running = false;
    QPointF m_press, m_last;
    std::vector<LanePoint> m_stroke;
    Tick m_from = 0, m_to = 0;
};

Tick PointLane::StrokeTool::step() const
{
    const bool bypass = QGuiApplication::keyboardModifiers() & Qt::AltModifier;
    const Tick wanted = bypass ? m_lane.context().ppq() / 32
                               : std::min(m_lane.view().snapTicks(m_lane.context().ppq()),
                                          static_cast<Tick>(m_lane.context().ppq() / 8));
    return std::max({Tick(1), wanted, static_cast<Tick>(m_lane.view().ticksPerPixel())});
}

void PointLane::StrokeTool::stroke(const QPointF& pos)
{
    const Tick step = this->step();
    const Tick pressTick =
        m_lane.view().snappedDown(m_lane.xToTick(m_press.x()), m_lane.context().ppq());
    const Tick here = m_lane.xToTick(pos.x()) / step * step;
    if (m_erase) {
        m_from = std::min(pressTick, here);
        m_to = std::max(pressTick, here) + step;
        m_stroke.clear();
        return;
    }
    std::map<Tick, int> stroke;
    if (!m_line)
        for (const LanePoint& pt : m_stroke)
            stroke[pt.tick] = pt.value;
    const QPointF from = m_line ? m_press : m_last;
    const Tick fromTick = m_line ? pressTick : m_lane.xToTick(from.x()) / step * step;
    const Tick lo = std::min(fromTick, here), hi = std::max(fromTick, here);
    for (Tick t = lo; t <= hi; t += step) {
        const double f = hi == lo ? 1.0 : double(t - fromTick) / double(here - fromTick);
        stroke[t] = m_lane.yToValue(from.y() + (pos.y() - from.y()) * std::clamp(f, 0.0, 1.0));
    }
    m_stroke.clear();
    for (const auto& [tick, value] : stroke)
        m_stroke.push_back({tick, value});
    m_from = m_stroke.front().tick;
    m_to = m_stroke.back().tick + 1;
    if (!m_line) return;
    // A line needs only the first point of each flat stretch (and its end).
    std::vector<LanePoint> compact;
    for (const LanePoint& pt : m_stroke)
        if (compact.empty() || compact.back().value != pt.value || &pt == &m_stroke.back())
            compact.push_back(pt);
    m_stroke = std::move(compact);
}

void PointLane::StrokeTool::release(const QPointF&, Qt::KeyboardModifiers)
{
    m_running = false;
    const model::Track* track = m_lane.context().track();
    if (!track || m_to <= m_from) return;
    const model::Lane lane = m_lane.m_lane;
    model::LaneEdit edit{m_lane.context().take(),
                         m_lane.context().currentTrackId(),
                         lane,
                         m_from,
                         m_to,
                         model::lanePoints(*track, lane, m_from, m_to),
                         std::move(m_stroke)};
    m_stroke.clear();
    const QString text =
        m_erase ? tr("Erase %1 points").arg(m_lane.title()) : tr("Draw %1").arg(m_lane.title());
    if (edit.before != edit.after) m_lane.context().submit(std::move(edit), text);
}

// ---- the select tool: click, shift-click, rubber band, move ----

class PointLane::SelectTool : public EditTool
{
public:
    explicit SelectTool(PointLane& lane) : m_lane(lane) {}
    void press(const QPointF& pos, Qt::KeyboardModifiers modifiers) override
    {
        m_press = m_last = pos;
        m_delta = {};
        const int hit = m_lane.hitPoint(pos);
        const bool add = modifiers & Qt::ShiftModifier;
        if (hit >= 0 && !m_lane.isSelected(static_cast<std::size_t>(hit))) {
            if (!add) m_lane.clearSelection();
            m_lane.select(static_cast<std::size_t>(hit), true);
        } else if (hit < 0 && !add) {
            m_lane.clearSelection();
        }
        m_mode = hit >= 0 ? Mode::Move : Mode::RubberBand;
    }
    void drag(const QPointF& pos, Qt::KeyboardModifiers) override;
    void release(const QPointF&, Qt::KeyboardModifiers) override;
    void cancel() override { m_mode = Mode::None; }
    void paintPreview(QPainter& p) const override
    {
        if (m_mode != Mode::RubberBand) return;
        p.setPen(QColor(0x9c, 0xc8, 0xff));
        p.setBrush(QColor(0x5c, 0x9d, 0xe0, 40));
        p.drawRect(QRectF(m_press, m_last).normalized());
    }
    /// Where the selected points are drawn while they are dragged.
    QPointF moveDelta() const { return m_mode == Mode::Move ? m_delta : QPointF(); }

private:
    enum class Mode { None, Move, RubberBand };
    PointLane& m_lane;
    Mode m_mode = Mode::None;
    QPointF m_press, m_last, m_delta;
};

void PointLane::SelectTool::drag(const QPointF& pos, Qt::KeyboardModifiers)
{
    m_last = pos;
    if (m_mode == Mode::Move) {
        m_delta = pos - m_press;
        const auto selected = m_lane.selectedIndices();
        if (!selected.empty()) {
            const LanePoint& anchor = m_lane.points()[selected.front()];
            m_lane.setReadout(
                std::clamp(anchor.value + m_lane.yToValue(pos.y()) - m_lane.yToValue(m_press.y()),
                           m_lane.minValue(), m_lane.maxValue()));
        }
    } else if (m_mode == Mode::RubberBand) {
        const QRectF band = QRectF(m_press, pos).normalized();
        const auto [first, last] =
            m_lane.pointRange(m_lane.xToTick(band.left()), m_lane.xToTick(band.right()) + 1);
        for (std::size_t i = first; i < last; ++i) {
            const LanePoint& pt = m_lane.points()[i];
            if (band.contains(QPointF(m_lane.tickToX(static_cast<double>(pt.tick)),
                                      m_lane.valueToY(pt.value))))
                m_lane.select(i, true);
        }
    }
}

void PointLane::SelectTool::release(const QPointF&, Qt::KeyboardModifiers)
{
    const Mode mode = std::exchange(m_mode, Mode::None);
    const model::Track* track = m_lane.context().track();
    const auto selected = m_lane.selectedIndices();
    if (mode != Mode::Move || selected.empty() || !track) return;
    const auto& points = m_lane.points();
    const Tick dt = static_cast<Tick>(std::lround(m_delta.x() * m_lane.view().ticksPerPixel()));
    const Tick grid = m_lane.view().snapTicks(m_lane.context().ppq());
    const Tick snappedDt = std::llround(static_cast<double>(dt) / static_cast<double>(grid)) * grid;
    const int dv = m_lane.yToValue(m_press.y() + m_delta.y()) - m_lane.yToValue(m_press.y());
    if (snappedDt == 0 && dv == 0) return;
    Tick lo = model::Limits::kMaxTick, hi = 0;
    std::vector<LanePoint> moved;
    for (std::size_t i : selected) {
        const LanePoint& pt = points[i];
        const LanePoint m{std::clamp<Tick>(pt.tick + snappedDt, 0, model::Limits::kMaxTick - 1),
                          std::clamp(pt.value + dv, m_lane.minValue(), m_lane.maxValue())};
        lo = std::min({lo, pt.tick, m.tick});
        hi = std::max({hi, pt.tick, m.tick});
        moved.push_back(m);
    }
    const model::Lane lane = *m_lane.lane();
    model::LaneEdit edit{m_lane.context().take(),
                         m_lane.context().currentTrackId(),
                         lane,
                         lo,
                         hi + 1,
                         model::lanePoints(*track, lane, lo, hi + 1),
                         {}};
    const auto [first, last] = m_lane.pointRange(lo, hi + 1);
    for (std::size_t i = first; i < last; ++i)
        if (!m_lane.isSelected(i)) edit.after.push_back(points[i]);
    edit.after.insert(edit.after.end(), moved.begin(), moved.end());
    std::stable_sort(edit.after.begin(), edit.after.end(), byTick);
    if (edit.before != edit.after)
        m_lane.context().submit(std::move(edit), tr("Move %1 points").arg(m_lane.title()));
}

// ---- the lane ----

PointLane::PointLane(ViewState& view, EditContext& context, model::Lane lane, QWidget* parent)
    : ControllerLane(view, context, parent), m_lane(lane),
      m_stroke(std::make_unique<StrokeTool>(*this)), m_select(std::make_unique<SelectTool>(*this))
{
    setObjectName("controllerLane");
    refresh();
}

PointLane::~PointLane() = default;

void PointLane::setLane(model::Lane lane)
{
    m_lane = lane;
    refresh();
    update();
}

void PointLane::refresh()
{
    m_points.clear();
    if (const model::Track* t = context().track()) m_points = model::lanePoints(*t, m_lane);
    m_selected.assign(m_points.size(), false);
}

EditTool* PointLane::toolAt(const QPointF&, Qt::KeyboardModifiers modifiers)
{
    if (context().tool() == Tool::Select) return m_select.get();
    m_stroke->start(context().tool() == Tool::Erase,
                    lineMode() || (modifiers & Qt::ControlModifier));
    return m_stroke.get();
}

void PointLane::select(std::size_t index, bool on)
{
    if (index < m_selected.size()) m_selected[index] = on;
}

void PointLane::clearSelection()
{
    m_selected.assign(m_points.size(), false);
}

std::vector<std::size_t> PointLane::selectedIndices() const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < m_selected.size(); ++i)
        if (m_selected[i]) out.push_back(i);
    return out;
}

std::vector<LanePoint> PointLane::selectedPoints() const
{
    std::vector<LanePoint> out;
    for (std::size_t i : selectedIndices())
        out.push_back(m_points[i]);
    return out;
}

std::pair<std::size_t, std::size_t> PointLane::pointRange(Tick fromTick, Tick toTick) const
{
    auto tickBefore = [](const LanePoint& pt, Tick t) { return pt.tick < t; };
    const auto first = std::lower_bound(m_points.begin(), m_points.end(), fromTick, tickBefore);
    const auto last = std::lower_bound(first, m_points.end(), toTick, tickBefore);
    return {static_cast<std::size_t>(first - m_points.begin()),
            static_cast<std::size_t>(last - m_points.begin())};
}

int PointLane::hitPoint(const QPointF& pos) const
{
    const double reach = kPointRadius + 2;
    const auto [first, last] = pointRange(xToTick(pos.x() - reach), xToTick(pos.x() + reach) + 1);
    for (std::size_t i = last; i-- > first;) {
        const QPointF c(tickToX(static_cast<double>(m_points[i].tick)),
                        valueToY(m_points[i].value));
        if (std::abs(c.x() - pos.x()) <= reach && std::abs(c.y() - pos.y()) <= reach)
            return static_cast<int>(i);
    }
    return -1;
}

void PointLane::deleteSelectedPoints()
{
    const model::Track* track = context().track();
    const auto selected = selectedIndices();
    if (!track || selected.empty()) return;
    const Tick lo = m_points[selected.front()].tick, hi = m_points[selected.back()].tick;
    model::LaneEdit edit{context().take(),
                         context().currentTrackId(),
                         m_lane,
                         lo,
                         hi + 1,
                         model::lanePoints(*track, m_lane, lo, hi + 1),
                         {}};
    const auto [first, last] = pointRange(lo, hi + 1);
    for (std::size_t i = first; i < last; ++i)
        if (!m_selected[i]) edit.after.push_back(m_points[i]);
    clearSelection();
    context().submit(std::move(edit), tr("Delete %1 points").arg(title()));
}

void PointLane::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)
        deleteSelectedPoints();
    else
        QWidget::keyPressEvent(event);
}

QPolygonF PointLane::stepLine() const
{
    const QRectF area = plotArea();
    const auto [fromTick, toTick] = visibleTicks();
    const bool stroking = gestureRunning() && m_stroke->running();
    const Tick skipFrom = stroking ? m_stroke->from() : 0, skipTo = stroking ? m_stroke->to() : 0;
    // From the point holding at the left edge to the first one after the right edge.
    auto [first, last] = pointRange(static_cast<Tick>(fromTick), static_cast<Tick>(toTick) + 1);
    first = first > 0 ? first - 1 : first;
    last = std::min(last + 1, m_points.size());
    const std::vector<LanePoint> none;
    const auto& stroke = stroking ? m_stroke->points() : none;
    StepLineBuilder line(area.left(), area.right());
    auto s = stroke.begin();
    auto addStrokeUntil = [&](Tick tick) {
        for (; s != stroke.end() && s->tick <= tick; ++s)
            line.add(tickToX(static_cast<double>(s->tick)), valueToY(s->value));
    };
    for (std::size_t i = first; i < last; ++i) {
        const LanePoint& pt = m_points[i];
        if (pt.tick >= skipFrom && pt.tick < skipTo) continue;
        addStrokeUntil(pt.tick - 1); // the stroke's point at the same tick comes after
        line.add(tickToX(static_cast<double>(pt.tick)), valueToY(pt.value));
    }
    addStrokeUntil(model::Limits::kMaxTick);
    return line.finish();
}

void PointLane::paintData(QPainter& p)
{
    const QColor colour = context().trackColour(context().currentTrack());
    const QPolygonF line = stepLine();
    m_painted = static_cast<std::size_t>(line.size());
    if (line.isEmpty()) return;
    const double baseline = valueToY(m_lane.kind == model::Lane::Kind::PitchBend ? 0 : minValue());
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
    if (!(gestureRunning() && m_stroke->running())) paintMarkers(p, colour);
}

// A dot per visible point, unless they are denser than the pixels (the line shows them then).
void PointLane::paintMarkers(QPainter& p, const QColor& colour)
{
    const QRectF area = plotArea();
    const auto [first, last] = pointRange(xToTick(area.left() - 4), xToTick(area.right() + 4) + 1);
    if (static_cast<double>(last - first) > area.width() / 2) return;
    const QPointF delta = gestureRunning() ? m_select->moveDelta() : QPointF();
    for (std::size_t i = first; i < last; ++i) {
        QPointF c(tickToX(static_cast<double>(m_points[i].tick)), valueToY(m_points[i].value));
        if (m_selected[i]) c += delta;
        p.setBrush(m_selected[i] ? QColor(Qt::white) : colour);
        p.drawEllipse(c, kPointRadius, kPointRadius);
    }
}

} // namespace pianola::widgets
