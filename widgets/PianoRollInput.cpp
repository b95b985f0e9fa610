// SPDX-License-Identifier: MIT
// Editing in the piano roll with the mouse and keys. A gesture previews while it runs and
// submits one edit on release (one undo step); Escape cancels it.
#include "widgets/KeyboardGutter.h"
#include "widgets/PianoRollView.h"

#include <algorithm>
#include <cmath>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>

namespace pianola::widgets {

using model::Note;
using model::Tick;

namespace {
constexpr double kEdgePixels = 5;
constexpr double kShortNotePixels = 24; ///< narrower notes: no start edge, a thin end edge
constexpr double kDragThreshold = 3;
} // namespace

PianoRollView::Hit PianoRollView::hitTest(const QPointF& pos) const
{
    const model::Track* track = m_context.track();
    if (!track) return {};
    const int key = yToKey(pos.y());
    const double tick = m_view.xToTick(pos.x());
    const auto [first, last] =
        visibleRange(m_context.currentTrack(), tick, tick + m_view.ticksPerPixel());
    Hit best;
    for (std::size_t k = last; k-- > first;) { // the latest start wins (drawn on top)
        const Note& n = track->notes[k];
        if (n.key != key) continue;
        const QRectF r = noteRect(n);
        if (pos.x() < r.left() || pos.x() > r.right() + 1) continue;
        // A short note is mostly body: grabbing it moves it, its last pixels lengthen it.
        const bool isShort = r.width() < kShortNotePixels;
        const double edge = isShort ? std::min(3.0, r.width() / 4) : kEdgePixels;
        best.note = &n;
        best.part = pos.x() >= r.right() + 1 - edge          ? Part::EndEdge
                    : !isShort && pos.x() <= r.left() + edge ? Part::StartEdge
                                                             : Part::Body;
        break;
    }
    return best;
}

Tick PianoRollView::pointerTick(const QPointF& pos, bool bypassSnap) const
{
    const auto tick = static_cast<Tick>(std::max(0.0, m_view.xToTick(pos.x())));
    return bypassSnap ? tick : m_state->snapped(tick);
}

void PianoRollView::mousePressEvent(QMouseEvent* event)
{
    setFocus();
    const QPointF pos = event->position();
    if (event->button() == Qt::RightButton) { // right button erases, as in most editors
        beginDrag(Drag::Erase, pos, nullptr);
        eraseAt(pos);
        return;
    }
    if (event->button() != Qt::LeftButton || !m_context.track()) return;
    const bool bypass = event->modifiers() & Qt::AltModifier;
    const bool additive = event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier);
    const Hit hit = hitTest(pos);
    switch (m_context.tool()) {
    case Tool::Erase:
        beginDrag(Drag::Erase, pos, nullptr);
        eraseAt(pos);
        return;
    case Tool::Split:
        splitAt(pos, bypass);
        return;
    case Tool::Select:
    case Tool::Draw:
        break;
    }
    if (!hit.note) {
        if (m_context.tool() == Tool::Draw)
            createNoteAt(pos, bypass);
        else
            beginDrag(Drag::RubberBand, pos, nullptr);
        return;
    }
    auto selection = m_selection.ids();
    if (event->modifiers() & Qt::ControlModifier && selection.count(hit.note->id)) {
        selection.erase(hit.note->id); // Ctrl-click toggles off
        m_selection.set(std::move(selection));
        return;
    }
    if (!selection.count(hit.note->id)) {
        if (!additive) selection.clear();
        selection.insert(hit.note->id);
        m_selection.set(std::move(selection));
    }
    audition(hit.note->key, hit.note->velocity);
    if (!m_context.mayEdit(m_context.selectedNotes()))
        return; // selected, but locked: no drag (refused() said why)
    const Drag drag = hit.part == Part::StartEdge ? Drag::ResizeStart
                      : hit.part == Part::EndEdge ? Drag::ResizeEnd
                                                  : Drag::Move;
    beginDrag(drag, pos, hit.note);
}

void PianoRollView::beginDrag(Drag drag, const QPointF& pos, const Note* anchor)
{
    m_drag = drag;
    m_pressPos = pos;
    m_selectionAtPress = m_selection.ids();
    m_preview.clear();
    m_hidden.clear();
    if (anchor) m_anchor = *anchor;
    m_dragOriginal = drag == Drag::Move || drag == Drag::ResizeStart || drag == Drag::ResizeEnd
                         ? m_context.selectedNotes()
                         : std::vector<Note>{};
    if (drag == Drag::RubberBand) m_rubberBand = QRectF(pos, pos);
}

void PianoRollView::createNoteAt(const QPointF& pos, bool bypassSnap)
{
    const model::Track* track = m_context.track();
    if (!m_context.mayEdit({})) return;
    const Tick start =
        bypassSnap ? pointerTick(pos, true) : m_state->snappedDown(pointerTick(pos, true));
    Note n;
    n.startTick = start;
    n.lengthTicks = std::min(m_context.lastLength(), model::Limits::kMaxTick - start);
    n.key = static_cast<std::uint8_t>(yToKey(pos.y()));
    n.velocity = static_cast<std::uint8_t>(m_context.lastVelocity());
    n.id = model::nextNoteId(*track);
    beginDrag(Drag::Create, pos, &n);
    m_preview = {n};
    audition(n.key, n.velocity);
    viewport()->update();
}

void PianoRollView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    m_mouseX = pos.x();
    m_gutter->setHoverKey(yToKey(pos.y()));
    if (m_drag == Drag::None) {
        updateCursor(pos);
        return;
    }
    updateDrag(pos, event->modifiers());
}

void PianoRollView::updateDrag(const QPointF& pos, Qt::KeyboardModifiers modifiers)
{
    const bool bypass = modifiers & Qt::AltModifier;
    const Tick grid = bypass ? 1 : m_state->snapTicks();
    const double dxTicks = m_view.xToTick(pos.x()) - m_view.xToTick(m_pressPos.x());
    const bool moved = (pos - m_pressPos).manhattanLength() >= kDragThreshold;
    switch (m_drag) {
    case Drag::Move: {
        if (!moved && m_preview.empty()) return;
        // The grabbed note's start lands on the grid; the others keep their offsets.
        const Tick target = bypass ? m_anchor.startTick + std::llround(dxTicks)
                                   : m_state->snapped(m_anchor.startTick + std::llround(dxTicks));
        const int keys = yToKey(pos.y()) - yToKey(m_pressPos.y());
        auto result =
            model::moved(m_dragOriginal, std::max<Tick>(target, 0) - m_anchor.startTick, keys);
        if (!result) return;
        if (!m_preview.empty() && keys != 0) {
            const int previousKey = m_preview.front().key;
            if (result->front().key != previousKey)
                audition(m_anchor.key + keys, m_anchor.velocity);
        }
        m_preview = std::move(*result);
        break;
    }
    case Drag::ResizeStart:
    case Drag::ResizeEnd: {
        const Tick delta = std::llround(dxTicks / static_cast<double>(grid)) * grid;
        m_preview = m_dragOriginal;
        for (Note& n : m_preview) {
            if (m_drag == Drag::ResizeEnd) {
                n.lengthTicks = std::clamp<Tick>(n.lengthTicks + delta, grid,
                                                 model::Limits::kMaxTick - n.startTick);
            } else {
                const Tick start = std::clamp<Tick>(n.startTick + delta, 0,
                                                    n.endTick() - std::min(grid, n.lengthTicks));
                n.lengthTicks = n.endTick() - start;
                n.startTick = start;
            }
        }
        break;
    }
    case Drag::Create: {
        const Tick end = bypass ? pointerTick(pos, true) : m_state->snapped(pointerTick(pos, true));
        Note& n = m_preview.front();
        n.lengthTicks = end > n.startTick + grid / 2 ? end - n.startTick
                                                     : (moved ? grid : m_context.lastLength());
        n.lengthTicks = std::min(n.lengthTicks, model::Limits::kMaxTick - n.startTick);
        break;
    }
    case Drag::RubberBand: {
        m_rubberBand.setBottomRight(pos);
        const QRectF band = m_rubberBand.normalized();
        auto selection = (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier)
                             ? m_selectionAtPress
                             : std::unordered_set<model::NoteId>{};
        const model::Track* track = m_context.track();
        const auto [first, last] = visibleRange(
            m_context.currentTrack(), m_view.xToTick(band.left()), m_view.xToTick(band.right()));
        for (std::size_t k = first; k < last; ++k)
            if (noteRect(track->notes[k]).intersects(band)) selection.insert(track->notes[k].id);
        m_selection.set(std::move(selection));
        break;
    }
    case Drag::Erase:
        eraseAt(pos);
        break;
    case Drag::None:
        return;
    }
    if (m_drag == Drag::Move || m_drag == Drag::ResizeStart || m_drag == Drag::ResizeEnd)
        for (const Note& n : m_dragOriginal)
            m_hidden.insert(n.id);
    viewport()->update();
}

void PianoRollView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_drag != Drag::None) {
        updateDrag(event->position(), event->modifiers());
        finishDrag();
    }
}

void PianoRollView::finishDrag()
{
    const Drag drag = m_drag;
    auto preview = std::move(m_preview);
    auto original = std::move(m_dragOriginal);
    cancelDrag();
    switch (drag) {
    case Drag::Move:
        if (!preview.empty() && !(preview == original))
            submitReplacement(original, preview,
                              tr("Move %n note(s)", nullptr, static_cast<int>(preview.size())));
        break;
    case Drag::ResizeStart:
    case Drag::ResizeEnd:
        if (!preview.empty() && !(preview == original)) {
            submitReplacement(original, preview,
                              tr("Resize %n note(s)", nullptr, static_cast<int>(preview.size())));
            if (preview.size() == 1) m_context.setLastLength(preview.front().lengthTicks);
        }
        break;
    case Drag::Create:
        if (!preview.empty()) {
            m_context.setLastLength(preview.front().lengthTicks);
            if (m_context.submit(
                    model::NotesEdit{m_context.take(), m_context.currentTrackId(), {}, preview},
                    tr("Draw note")))
                m_selection.set({preview.front().id});
        }
        break;
    case Drag::Erase:
        if (!original.empty())
            submitReplacement(original, {},
                              tr("Erase %n note(s)", nullptr, static_cast<int>(original.size())));
        break;
    case Drag::RubberBand:
    case Drag::None:
        break;
    }
}

void PianoRollView::cancelDrag()
{
    m_drag = Drag::None;
    m_preview.clear();
    m_hidden.clear();
    m_dragOriginal.clear();
    viewport()->update();
}

void PianoRollView::eraseAt(const QPointF& pos)
{
    const Hit hit = hitTest(pos);
    if (!hit.note || m_hidden.count(hit.note->id)) return;
    m_dragOriginal.push_back(*hit.note); // the erase gesture collects its victims
    m_hidden.insert(hit.note->id);
    viewport()->update();
}

void PianoRollView::splitAt(const QPointF& pos, bool bypassSnap)
{
    const Hit hit = hitTest(pos);
    if (!hit.note) return;
    const Note original = *hit.note;
    const Tick at = pointerTick(pos, bypassSnap);
    if (at <= original.startTick || at >= original.endTick()) return;
    Note left = original, right = original;
    left.lengthTicks = at - original.startTick;
    right.startTick = at;
    right.lengthTicks = original.endTick() - at;
    right.id = model::nextNoteId(*m_context.track());
    submitReplacement({original}, {left, right}, tr("Split note"));
}

void PianoRollView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_context.tool() != Tool::Select || !m_context.track())
        return;
    const Hit hit = hitTest(event->position());
    if (hit.note) { // double-click on a note deletes it (Select tool), on empty space draws one
        submitReplacement({*hit.note}, {}, tr("Delete note"));
        return;
    }
    createNoteAt(event->position(), event->modifiers() & Qt::AltModifier);
    finishDrag();
}

void PianoRollView::updateCursor(const QPointF& pos)
{
    const Hit hit =
        m_context.tool() == Tool::Select || m_context.tool() == Tool::Draw ? hitTest(pos) : Hit{};
    Qt::CursorShape shape = Qt::ArrowCursor;
    if (hit.part == Part::StartEdge || hit.part == Part::EndEdge)
        shape = Qt::SizeHorCursor;
    else if (hit.part == Part::Body)
        shape = Qt::SizeAllCursor;
    else if (m_context.tool() == Tool::Draw)
        shape = Qt::CrossCursor;
    else if (m_context.tool() == Tool::Erase)
        shape = Qt::ForbiddenCursor;
    else if (m_context.tool() == Tool::Split)
        shape = Qt::SplitHCursor;
    viewport()->setCursor(shape);
}

void PianoRollView::keyPressEvent(QKeyEvent* event)
{
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_drag != Drag::None)
            cancelDrag();
        else
            m_selection.set({});
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
        nudgeSelection(event->key() == Qt::Key_Left ? -1 : 1, 0);
        return;
    case Qt::Key_Up:
    case Qt::Key_Down:
        nudgeSelection(0, (event->key() == Qt::Key_Up ? 1 : -1) * (shift ? 12 : 1));
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        deleteSelection();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAround(1.25);
        return;
    case Qt::Key_Minus:
        zoomAround(0.8);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

} // namespace pianola::widgets
