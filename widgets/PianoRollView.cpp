// SPDX-License-Identifier: MIT
// The piano roll: geometry, scrolling, zoom and the selection functions.
#include "widgets/PianoRollView.h"

#include "widgets/ChordLane.h"
#include "widgets/KeyboardGutter.h"
#include "widgets/TimeRuler.h"

#include <algorithm>
#include <cmath>
#include <QScrollBar>
#include <QWheelEvent>

namespace pianola::widgets {

using model::Note;
using model::Tick;

PianoRollView::PianoRollView(EditorState* state, QWidget* parent)
    : QAbstractScrollArea(parent), m_state(state), m_view(state->view()),
      m_selection(state->selection()), m_context(state->context()),
      m_gutter(new KeyboardGutter(m_context, this)),
      m_ruler(new TimeRuler(m_view, m_selection, m_context, this)),
      m_chordLane(new ChordLane(m_view, m_context, this))
{
    setObjectName("pianoRoll");
    viewport()->setObjectName("pianoRollViewport");
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setViewportMargins(kGutterWidth, kRulerHeight, 0, 0);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // where the take goes on, at any zoom
    verticalScrollBar()->setSingleStep(m_rowHeight);
    connect(&m_context, &EditContext::planChanged, this, &PianoRollView::planChanged);
    connect(&m_view, &ViewState::viewChanged, this, [this] {
        updateScrollBars();
        viewport()->update();
    });
    connect(&m_context, &EditContext::scaleChanged, this, [this] { // the scale's rows
        viewport()->update();
        m_gutter->update();
    });
    connect(&m_selection, &Selection::selectionChanged, viewport(), qOverload<>(&QWidget::update));
    connect(&m_view, &ViewState::loopChanged, viewport(), qOverload<>(&QWidget::update));
    connect(&m_context, &EditContext::currentTrackChanged, this, [this] {
        updateRows();
        viewport()->update();
        m_gutter->update();
    });
    connect(&m_view, &ViewState::playheadMoved, this, &PianoRollView::followPlayhead);
    connect(&m_selection, &Selection::selectionChanged, this, [this] { m_summaries.clear(); });
    connect(&m_context, &EditContext::compareChanged, this, [this] {
        m_compareKeysValid = false;
        viewport()->update();
    });
    connect(&m_context, &EditContext::currentTrackChanged, this, [this] {
        m_summaries.clear();
        m_compareKeysValid = false;
    });
    planChanged();
    m_fitPending = true;
}

void PianoRollView::planChanged()
{
    updateRows();
    m_maxLength.clear();
    m_summaries.clear();
    m_compareKeysValid = false;
    if (const model::Plan* plan = m_context.plan())
        for (const model::Track& t : plan->tracks) {
            Tick longest = 0;
            for (const Note& n : t.notes)
                longest = std::max(longest, n.lengthTicks);
            m_maxLength.push_back(longest);
        }
    if (m_drag != Drag::None) cancelDrag();
    updateScrollBars();
    viewport()->update();
    m_gutter->update();
}

void PianoRollView::layoutMargins()
{
    const QRect vp = viewport()->geometry();
    m_gutter->setGeometry(vp.left() - kGutterWidth, vp.top(), kGutterWidth, vp.height());
    m_chordLane->setGeometry(vp.left(), vp.top() - kRulerHeight, vp.width(), kChordLaneHeight);
    m_ruler->setGeometry(vp.left(), vp.top() - kRulerHeight + kChordLaneHeight, vp.width(),
                         kRulerHeight - kChordLaneHeight);
}

void PianoRollView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    layoutMargins();
    updateScrollBars();
    if (m_fitPending) zoomToFit();
}

void PianoRollView::updateScrollBars()
{
    const model::Plan* plan = m_context.plan();
    const double visibleTicks = viewport()->width() * m_view.ticksPerPixel();
    const Tick length = plan ? plan->lengthTicks() : 0;
    // Half a screen past the end of the take (or of the view) is always there to scroll to, as
    // in a DAW: the bar never fills up at zoom to fit, and the take can be extended.
    const double end =
        std::max<double>(length + 4.0 * m_context.ppq() * 4, m_view.leftTick() + visibleTicks);
    const double contentTicks = std::min<double>(model::Limits::kMaxTick, end + visibleTicks / 2);
    QScrollBar* h = horizontalScrollBar();
    const QSignalBlocker block(h);
    h->setRange(0, static_cast<int>(std::max(0.0, contentTicks - visibleTicks)));
    h->setPageStep(static_cast<int>(std::max(1.0, visibleTicks)));
    h->setSingleStep(static_cast<int>(std::max(1.0, visibleTicks / 20)));
    h->setValue(static_cast<int>(m_view.leftTick()));
    QScrollBar* v = verticalScrollBar();
    v->setRange(0, std::max(0, rowCount() * m_rowHeight - viewport()->height()));
    v->setPageStep(viewport()->height());
    m_ruler->update();
    m_chordLane->update();
}

void PianoRollView::scrollContentsBy(int, int)
{
    if (horizontalScrollBar()->value() != static_cast<int>(m_view.leftTick()))
        m_view.setHorizontalView(horizontalScrollBar()->value(), m_view.ticksPerPixel());
    viewport()->update();
    m_gutter->update();
}

void PianoRollView::setRowHeight(int pixels)
{
    const int centreKey = yToKey(viewport()->height() / 2.0);
    m_rowHeight = std::clamp(pixels, 3, 40);
    verticalScrollBar()->setSingleStep(m_rowHeight);
    updateScrollBars();
    centreOnKey(centreKey);
    viewport()->update();
    m_gutter->update();
}

double PianoRollView::keyToY(int key) const
{
    const int row = keyRow(key);
    return row < 0 ? -1e6
                   : row * m_rowHeight - verticalScrollBar()->value(); // a hidden key: far above
}

int PianoRollView::yToKey(double y) const
{
    const int row = static_cast<int>(std::floor((y + verticalScrollBar()->value()) / m_rowHeight));
    return rowKey(std::clamp(row, 0, rowCount() - 1));
}

void PianoRollView::centreOnKey(int key)
{
    int row = keyRow(key);
    for (int k = key; row < 0 && k < 127;) // a hidden drum key: the nearest shown one above
        row = keyRow(++k);
    verticalScrollBar()->setValue(std::max(0, row) * m_rowHeight - viewport()->height() / 2);
}

void PianoRollView::zoomHorizontally(double factor, double anchorX)
{
    const double anchorTick = m_view.xToTick(anchorX);
    const double tpp = std::clamp(m_view.ticksPerPixel() / factor, 0.05, 1e6);
    m_view.setHorizontalView(anchorTick - anchorX * tpp, tpp);
}

// Frames the take: its whole length (at least 8 bars of its meter) and the keys of the current
// track (C3..C5 when it has no notes). Before the viewport has its size (a window being built),
// the framing waits for the first resize, so a new project opens on 8 bars, not on 121.
void PianoRollView::zoomToFit()
{
    if (!isVisible() || viewport()->width() < 64 || viewport()->height() < 64) {
        m_fitPending = true;
        return;
    }
    m_fitPending = false;
    const model::Plan* plan = m_context.plan();
    const auto firstBars = m_context.bars(0, 1);
    const double barTicks =
        firstBars.empty()
            ? m_context.ppq() * 4.0
            : static_cast<double>(firstBars.front().endTick() - firstBars.front().startTick);
    const double length = std::max<double>(plan ? plan->lengthTicks() : 0, 8 * barTicks);
    m_view.setHorizontalView(0, length / std::max(1, viewport()->width() - 8));
    int low = 48, high = 72; // C3..C5
    if (const model::Track* t = m_context.track(); t && !t->notes.empty()) {
        low = 127, high = 0;
        for (const Note& n : t->notes)
            low = std::min<int>(low, n.key), high = std::max<int>(high, n.key);
    }
    centreOnKey((low + high) / 2);
}

void PianoRollView::showEvent(QShowEvent* event)
{
    QAbstractScrollArea::showEvent(event);
    if (m_fitPending) zoomToFit();
}

void PianoRollView::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    const double steps = (delta.y() != 0 ? delta.y() : delta.x()) / 120.0;
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->modifiers() & Qt::ShiftModifier)
            setRowHeight(m_rowHeight + static_cast<int>(std::lround(steps * 2)));
        else
            zoomHorizontally(std::pow(1.25, steps), event->position().x());
    } else if ((event->modifiers() & Qt::ShiftModifier) || delta.x() != 0) {
        m_view.setHorizontalView(m_view.leftTick() -
                                     steps * viewport()->width() * m_view.ticksPerPixel() / 8,
                                 m_view.ticksPerPixel());
    } else {
        verticalScrollBar()->setValue(verticalScrollBar()->value() -
                                      static_cast<int>(steps * 3 * m_rowHeight));
    }
    event->accept();
}

void PianoRollView::followPlayhead(double tick)
{
    const double x = m_view.tickToX(tick);
    if (m_view.followPlayhead() && m_drag == Drag::None && (x < 0 || x > viewport()->width() - 8))
        m_view.setHorizontalView(tick - 16 * m_view.ticksPerPixel(), m_view.ticksPerPixel());
    viewport()->update();
    m_ruler->update();
    m_chordLane->update();
}

bool PianoRollView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::Leave) {
        m_gutter->setHoverKey(-1);
        m_mouseX.reset();
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void PianoRollView::selectAll()
{
    std::unordered_set<model::NoteId> ids;
    if (const model::Track* t = m_context.track())
        for (const Note& n : t->notes)
            ids.insert(n.id);
    m_selection.set(std::move(ids));
}

void PianoRollView::deleteSelection()
{
    const auto notes = m_context.selectedNotes();
    if (!notes.empty())
        submitReplacement(notes, {},
                          tr("Delete %n note(s)", nullptr, static_cast<int>(notes.size())));
}

void PianoRollView::copySelection()
{
    auto notes = m_context.selectedNotes();
    if (notes.empty()) return;
    Tick first = notes.front().startTick;
    for (const Note& n : notes)
        first = std::min(first, n.startTick);
    for (Note& n : notes)
        n.startTick -= first;
    m_clipboard = std::move(notes);
}

void PianoRollView::cutSelection()
{
    copySelection();
    const auto notes = m_context.selectedNotes();
    if (!notes.empty())
        submitReplacement(notes, {}, tr("Cut %n note(s)", nullptr, static_cast<int>(notes.size())));
}

void PianoRollView::paste()
{
    const model::Track* track = m_context.track();
    if (!track || m_clipboard.empty() || !m_context.mayEdit({})) return;
    const Tick at = m_state->snappedDown(static_cast<Tick>(m_view.playheadTick()));
    model::NoteId id = model::nextNoteId(*track);
    std::vector<Note> added = m_clipboard;
    std::unordered_set<model::NoteId> ids;
    for (Note& n : added) {
        n.startTick += at;
        n.id = id++;
        ids.insert(n.id);
    }
    if (m_context.submit(model::NotesEdit{m_context.take(), m_context.currentTrackId(), {}, added},
                         tr("Paste %n note(s)", nullptr, static_cast<int>(added.size()))))
        m_selection.set(std::move(ids));
}

void PianoRollView::duplicateSelection()
{
    const model::Track* track = m_context.track();
    auto notes = m_context.selectedNotes();
    if (!track || notes.empty() || !m_context.mayEdit({})) return;
    Tick first = notes.front().startTick, last = 0;
    for (const Note& n : notes)
        first = std::min(first, n.startTick), last = std::max(last, n.endTick());
    const Tick grid = m_state->snapTicks();
    const Tick shift = std::max<Tick>(grid, (last - first + grid - 1) / grid * grid);
    model::NoteId id = model::nextNoteId(*track);
    std::unordered_set<model::NoteId> ids;
    for (Note& n : notes) {
        n.startTick += shift;
        n.id = id++;
        ids.insert(n.id);
    }
    if (notes.back().endTick() > model::Limits::kMaxTick) return;
    if (m_context.submit(model::NotesEdit{m_context.take(), m_context.currentTrackId(), {}, notes},
                         tr("Duplicate %n note(s)", nullptr, static_cast<int>(notes.size()))))
        m_selection.set(std::move(ids));
}

void PianoRollView::nudgeSelection(int gridSteps, int semitones)
{
    const auto notes = m_context.selectedNotes();
    if (notes.empty()) return;
    auto moved = model::moved(notes, gridSteps * m_state->snapTicks(), semitones);
    if (!moved) return;
    submitReplacement(notes, *moved, semitones ? tr("Transpose") : tr("Move notes"));
    if (semitones && moved->size() == 1) audition(moved->front().key, moved->front().velocity);
}

void PianoRollView::toggleSelectionLock()
{
    auto notes = m_context.selectedNotes();
    if (notes.empty()) {
        emit m_context.refused(tr("Select the notes to lock first"));
        return;
    }
    const bool lock =
        std::any_of(notes.begin(), notes.end(), [](const Note& n) { return !n.locked; });
    const auto before = notes;
    for (Note& n : notes)
        n.locked = lock;
    const int count = static_cast<int>(notes.size());
    m_context.submit(model::NotesEdit{m_context.take(), m_context.currentTrackId(), before, notes},
                     lock ? tr("Lock %n note(s)", nullptr, count)
                          : tr("Unlock %n note(s)", nullptr, count));
}

void PianoRollView::submitReplacement(const std::vector<Note>& before,
                                      const std::vector<Note>& after, const QString& text)
{
    if (!m_context.mayEdit(before)) return;
    m_context.submit(model::NotesEdit{m_context.take(), m_context.currentTrackId(), before, after},
                     text);
}

void PianoRollView::audition(int key, int velocity)
{
    emit m_context.auditionRequested(key, velocity);
}

} // namespace pianola::widgets
