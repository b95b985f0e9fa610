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
    : QAbstractScrollArea(parent), m_state(state), m_gutter(new KeyboardGutter(this)),
      m_ruler(new TimeRuler(state, this)), m_chordLane(new ChordLane(state, this))
{
    setObjectName("pianoRoll");
    viewport()->setObjectName("pianoRollViewport");
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setViewportMargins(kGutterWidth, kRulerHeight, 0, 0);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // where the take goes on, at any zoom
    verticalScrollBar()->setSingleStep(m_rowHeight);
    connect(m_state, &EditorState::planChanged, this, &PianoRollView::planChanged);
    connect(m_state, &EditorState::viewChanged, this, [this] {
        updateScrollBars();
        viewport()->update();
    });
    for (auto signal : {&EditorState::selectionChanged, &EditorState::loopChanged})
        connect(m_state, signal, viewport(), qOverload<>(&QWidget::update));
    connect(m_state, &EditorState::currentTrackChanged, this, [this] {
        updateRows();
        viewport()->update();
        m_gutter->update();
    });
    connect(m_state, &EditorState::playheadMoved, this, &PianoRollView::followPlayhead);
    connect(m_state, &EditorState::selectionChanged, this, [this] { m_summaries.clear(); });
    connect(m_state, &EditorState::compareChanged, this, [this] {
        m_compareKeysValid = false;
        viewport()->update();
    });
    connect(m_state, &EditorState::currentTrackChanged, this, [this] {
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
    if (const model::Plan* plan = m_state->plan())
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
    const model::Plan* plan = m_state->plan();
    const double visibleTicks = viewport()->width() * m_state->ticksPerPixel();
    const Tick length = plan ? plan->lengthTicks() : 0;
    // Half a screen past the end of the take (or of the view) is always there to scroll to, as
    // in a DAW: the bar never fills up at zoom to fit, and the take can be extended.
    const double end =
        std::max<double>(length + 4.0 * m_state->ppq() * 4, m_state->leftTick() + visibleTicks);
    const double contentTicks = std::min<double>(model::Limits::kMaxTick, end + visibleTicks / 2);
    QScrollBar* h = horizontalScrollBar();
    const QSignalBlocker block(h);
    h->setRange(0, static_cast<int>(std::max(0.0, contentTicks - visibleTicks)));
    h->setPageStep(static_cast<int>(std::max(1.0, visibleTicks)));
    h->setSingleStep(static_cast<int>(std::max(1.0, visibleTicks / 20)));
    h->setValue(static_cast<int>(m_state->leftTick()));
    QScrollBar* v = verticalScrollBar();
    v->setRange(0, std::max(0, rowCount() * m_rowHeight - viewport()->height()));
    v->setPageStep(viewport()->height());
    m_ruler->update();
    m_chordLane->update();
}

void PianoRollView::scrollContentsBy(int, int)
{
    if (horizontalScrollBar()->value() != static_cast<int>(m_state->leftTick()))
        m_state->setHorizontalView(horizontalScrollBar()->value(), m_state->ticksPerPixel());
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
    const double anchorTick = m_state->xToTick(anchorX);
    const double tpp = std::clamp(m_state->ticksPerPixel() / factor, 0.05, 1e6);
    m_state->setHorizontalView(anchorTick - anchorX * tpp, tpp);
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
    const model::Plan* plan = m_state->plan();
    const auto firstBars = m_state->bars(0, 1);
    const double barTicks =
        firstBars.empty()
            ? m_state->ppq() * 4.0
            : static_cast<double>(firstBars.front().endTick() - firstBars.front().startTick);
    const double length = std::max<double>(plan ? plan->lengthTicks() : 0, 8 * barTicks);
    m_state->setHorizontalView(0, length / std::max(1, viewport()->width() - 8));
    int low = 48, high = 72; // C3..C5
    if (const model::Track* t = m_state->track(); t && !t->notes.empty()) {
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
        m_state->setHorizontalView(m_state->leftTick() -
                                       steps * viewport()->width() * m_state->ticksPerPixel() / 8,
                                   m_state->ticksPerPixel());
    } else {
        verticalScrollBar()->setValue(verticalScrollBar()->value() -
                                      static_cast<int>(steps * 3 * m_rowHeight));
    }
    event->accept();
}

void PianoRollView::followPlayhead(double tick)
{
    const double x = m_state->tickToX(tick);
    if (m_state->followPlayhead() && m_drag == Drag::None && (x < 0 || x > viewport()->width() - 8))
        m_state->setHorizontalView(tick - 16 * m_state->ticksPerPixel(), m_state->ticksPerPixel());
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
    if (const model::Track* t = m_state->track())
        for (const Note& n : t->notes)
            ids.insert(n.id);
    m_state->setSelection(std::move(ids));
}

void PianoRollView::deleteSelection()
{
    const auto notes = m_state->selectedNotes();
    if (!notes.empty())
        submitReplacement(notes, {},
                          tr("Delete %n note(s)", nullptr, static_cast<int>(notes.size())));
}

void PianoRollView::copySelection()
{
    auto notes = m_state->selectedNotes();
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
    const auto notes = m_state->selectedNotes();
    if (!notes.empty())
        submitReplacement(notes, {}, tr("Cut %n note(s)", nullptr, static_cast<int>(notes.size())));
}

void PianoRollView::paste()
{
    const model::Track* track = m_state->track();
    if (!track || m_clipboard.empty() || !m_state->mayEdit({})) return;
    const Tick at = m_state->snappedDown(static_cast<Tick>(m_state->playheadTick()));
    model::NoteId id = model::nextNoteId(*track);
    std::vector<Note> added = m_clipboard;
    std::unordered_set<model::NoteId> ids;
    for (Note& n : added) {
        n.startTick += at;
        n.id = id++;
        ids.insert(n.id);
    }
    if (m_state->submit(model::NotesEdit{m_state->take(), m_state->currentTrackId(), {}, added},
                        tr("Paste %n note(s)", nullptr, static_cast<int>(added.size()))))
        m_state->setSelection(std::move(ids));
}

void PianoRollView::duplicateSelection()
{
    const model::Track* track = m_state->track();
    auto notes = m_state->selectedNotes();
    if (!track || notes.empty() || !m_state->mayEdit({})) return;
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
    if (m_state->submit(model::NotesEdit{m_state->take(), m_state->currentTrackId(), {}, notes},
                        tr("Duplicate %n note(s)", nullptr, static_cast<int>(notes.size()))))
        m_state->setSelection(std::move(ids));
}

void PianoRollView::nudgeSelection(int gridSteps, int semitones)
{
    const auto notes = m_state->selectedNotes();
    if (notes.empty()) return;
    auto moved = model::moved(notes, gridSteps * m_state->snapTicks(), semitones);
    if (!moved) return;
    submitReplacement(notes, *moved, semitones ? tr("Transpose") : tr("Move notes"));
    if (semitones && moved->size() == 1) audition(moved->front().key, moved->front().velocity);
}

void PianoRollView::toggleSelectionLock()
{
    auto notes = m_state->selectedNotes();
    if (notes.empty()) {
        emit m_state->refused(tr("Select the notes to lock first"));
        return;
    }
    const bool lock =
        std::any_of(notes.begin(), notes.end(), [](const Note& n) { return !n.locked; });
    const auto before = notes;
    for (Note& n : notes)
        n.locked = lock;
    const int count = static_cast<int>(notes.size());
    m_state->submit(model::NotesEdit{m_state->take(), m_state->currentTrackId(), before, notes},
                    lock ? tr("Lock %n note(s)", nullptr, count)
                         : tr("Unlock %n note(s)", nullptr, count));
}

void PianoRollView::submitReplacement(const std::vector<Note>& before,
                                      const std::vector<Note>& after, const QString& text)
{
    if (!m_state->mayEdit(before)) return;
    m_state->submit(model::NotesEdit{m_state->take(), m_state->currentTrackId(), before, after},
                    text);
}

void PianoRollView::audition(int key, int velocity)
{
    emit m_state->auditionRequested(key, velocity);
}

} // namespace pianola::widgets
