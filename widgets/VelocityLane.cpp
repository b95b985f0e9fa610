// SPDX-License-Identifier: MIT
// The velocity lane and its stroke tool.
#include "widgets/VelocityLane.h"

#include <algorithm>
#include <cmath>
#include <QPainter>

namespace pianola::widgets {

using model::Note;
using model::Tick;

namespace {
double lerp(double a, double b, double t)
{
    return a + (b - a) * t;
}

// The notes of `track` starting in [fromTick, toTick].
std::pair<const Note*, const Note*> notesStarting(const model::Track& track, double fromTick,
                                                  double toTick)
{
    auto byStart = [](const Note& n, double tick) {
        return static_cast<double>(n.startTick) < tick;
    };
    const Note* begin = track.notes.data();
    const Note* end = begin + track.notes.size();
    const Note* first = std::lower_bound(begin, end, fromTick, byStart);
    const Note* last = std::upper_bound(first, end, toTick, [](double tick, const Note& n) {
        return tick < static_cast<double>(n.startTick);
    });
    return {first, last};
}
} // namespace

/// Freehand (each move sets the notes between the last and this position) or a straight line
/// from the press (with the lane's line mode or Ctrl); one NotesEdit on release.
class VelocityLane::StrokeTool : public EditTool
{
public:
    explicit StrokeTool(VelocityLane& lane) : m_lane(lane) {}
    void press(const QPointF& pos, Qt::KeyboardModifiers modifiers) override
    {
        m_line = m_lane.lineMode() || (modifiers & Qt::ControlModifier);
        m_press = m_last = pos;
        m_preview.clear();
        stroke(pos, pos);
    }
    void drag(const QPointF& pos, Qt::KeyboardModifiers) override
    {
        m_lane.setReadout(m_lane.yToValue(pos.y()));
        stroke(m_line ? m_press : m_last, pos);
        m_last = pos;
    }
    void release(const QPointF&, Qt::KeyboardModifiers) override;
    void cancel() override { m_preview.clear(); }
    const std::unordered_map<model::NoteId, int>& preview() const { return m_preview; }

private:
    void stroke(const QPointF& from, const QPointF& to);

    VelocityLane& m_lane;
    bool m_line = false;
    QPointF m_press, m_last;
    std::unordered_map<model::NoteId, int> m_preview; ///< note id -> new velocity
};

void VelocityLane::StrokeTool::stroke(const QPointF& from, const QPointF& to)
{
    const model::Track* track = m_lane.context().track();
    if (!track) return;
    if (m_line) m_preview.clear();
    const bool onlySelected = !m_lane.m_selection.ids().empty();
    const double x0 = std::min(from.x(), to.x()) - 3, x1 = std::max(from.x(), to.x()) + 3;
    const auto [first, last] = notesStarting(*track, static_cast<double>(m_lane.xToTick(x0)),
                                             static_cast<double>(m_lane.xToTick(x1)));
    for (const Note* n = first; n != last; ++n) {
        if (onlySelected && !m_lane.m_selection.isSelected(n->id)) continue;
        const double x = m_lane.tickToX(static_cast<double>(n->startTick));
        const double span = to.x() - from.x();
        const double t = std::abs(span) < 1 ? 1.0 : std::clamp((x - from.x()) / span, 0.0, 1.0);
        m_preview[n->id] = std::max(1, m_lane.yToValue(lerp(from.y(), to.y(), t)));
    }
}

void VelocityLane::StrokeTool::release(const QPointF&, Qt::KeyboardModifiers)
{
    const model::Track* track = m_lane.context().track();
    std::vector<Note> before, after;
    for (const Note& n : track ? track->notes : std::vector<Note>{}) {
        auto it = m_preview.find(n.id);
        if (it == m_preview.end() || it->second == n.velocity) continue;
        before.push_back(n);
        after.push_back(n);
        after.back().velocity = static_cast<std::uint8_t>(it->second);
    }
    m_preview.clear();
    if (!before.empty())
        m_lane.context().submit(
            model::NotesEdit{m_lane.context().take(), m_lane.context().currentTrackId(), before,
                             after},
            tr("Change velocity of %n note(s)", nullptr, static_cast<int>(before.size())));
}

VelocityLane::VelocityLane(ViewState& view, Selection& selection, EditContext& context,
                           QWidget* parent)
    : ControllerLane(view, context, parent), m_selection(selection),
      m_stroke(std::make_unique<StrokeTool>(*this))
{
    setObjectName("velocityLane");
    connect(&selection, &Selection::selectionChanged, this, qOverload<>(&QWidget::update));
}

VelocityLane::~VelocityLane() = default;

const std::unordered_map<model::NoteId, int>& VelocityLane::preview() const
{
    return m_stroke->preview();
}

EditTool* VelocityLane::toolAt(const QPointF&, Qt::KeyboardModifiers)
{
    return m_stroke.get();
}

QString VelocityLane::valueText(int value) const
{
    return tr("Velocity %1").arg(value);
}

// One stem per visible note; when there are more notes than pixel columns, one stem per column
// (the loudest note in it): the cost is bounded by the width, not by the notes or the length.
void VelocityLane::paintData(QPainter& p)
{
    m_painted = 0;
    const model::Track* track = context().track();
    if (!track) return;
    const auto [from, to] = visibleTicks();
    const auto [first, last] = notesStarting(*track, from, to);
    const QColor base = context().trackColour(context().currentTrack());
    if (last - first > static_cast<std::ptrdiff_t>(plotArea().width()) * 2) {
        paintColumns(p, first, last, base);
        return;
    }
    const auto& preview = m_stroke->preview();
    const double bottom = plotArea().bottom();
    for (const Note* n = first; n != last; ++n) {
        auto changed = preview.find(n->id);
        const int velocity = changed != preview.end() ? changed->second : n->velocity;
        const double x = tickToX(static_cast<double>(n->startTick));
        const double y = valueToY(velocity);
        const bool selected = m_selection.isSelected(n->id);
        const QColor colour =
            EditContext::velocityColour(base, velocity).lighter(selected ? 140 : 100);
        p.fillRect(QRectF(x, y, 2, bottom - y), colour);
        p.fillRect(QRectF(x - 2, y - 2, 6, 4), selected ? QColor(Qt::white) : colour);
        ++m_painted;
    }
}

void VelocityLane::paintColumns(QPainter& p, const Note* first, const Note* last,
                                const QColor& base)
{
    const QRectF area = plotArea();
    std::vector<int> loudest(static_cast<std::size_t>(std::max(1.0, area.width())) + 1, 0);
    const auto& preview = m_stroke->preview();
    for (const Note* n = first; n != last; ++n) {
        const double x = tickToX(static_cast<double>(n->startTick)) - area.left();
        auto changed = preview.find(n->id);
        const int velocity = changed != preview.end() ? changed->second : n->velocity;
        int& column =
            loudest[static_cast<std::size_t>(std::clamp(x, 0.0, double(loudest.size() - 1)))];
        column = std::max(column, velocity);
    }
    for (std::size_t c = 0; c < loudest.size(); ++c) {
        if (loudest[c] == 0) continue;
        const double y = valueToY(loudest[c]);
        p.fillRect(QRectF(area.left() + double(c), y, 1, area.bottom() - y),
                   EditContext::velocityColour(base, loudest[c]));
        ++m_painted;
    }
}

} // namespace pianola::widgets
