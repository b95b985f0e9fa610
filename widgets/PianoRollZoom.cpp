// SPDX-License-Identifier: MIT
// Piano-roll navigation a producer expects: zoom to the selection, and keyboard zoom anchored
// where the user works (the selection, else the mouse) instead of the middle of the view.
#include "widgets/PianoRollView.h"

#include <algorithm>
#include <QScrollBar>

namespace pianola::widgets {

using model::Note;
using model::Tick;

void PianoRollView::zoomToSelection()
{
    const auto notes = m_context.selectedNotes();
    if (notes.empty() || viewport()->width() < 64) {
        zoomToFit();
        return;
    }
    Tick from = notes.front().startTick, to = 0;
    int low = 127, high = 0;
    for (const Note& n : notes) {
        from = std::min(from, n.startTick), to = std::max(to, n.endTick());
        low = std::min<int>(low, n.key), high = std::max<int>(high, n.key);
    }
    // The selection's beats with an eighth of its length as margin on each side (a beat at least).
    const double beat = m_context.ppq();
    const double margin = std::max(beat, (to - from) / 8.0);
    const double left = std::max(0.0, from - margin);
    const double tpp = std::clamp((to + margin - left) / viewport()->width(), 0.05, 1e6);
    m_view.setHorizontalView(left, tpp);
    const int rowsWanted = high - low + 5; // two rows of air above and below
    if (rowsWanted * m_rowHeight > viewport()->height())
        setRowHeight(viewport()->height() / rowsWanted);
    centreOnKey((low + high + 1) / 2);
}

double PianoRollView::zoomAnchorX() const
{
    const double width = viewport()->width();
    double from = -1, to = -1; // the selected notes on screen, in pixels
    for (const Note& n : m_context.selectedNotes()) {
        const QRectF r = noteRect(n);
        if (r.right() < 0 || r.left() > width) continue;
        from = from < 0 ? r.left() : std::min(from, r.left());
        to = std::max(to, r.right());
    }
    if (to >= 0) return std::clamp(from, 0.0, width); // the selection's start stays where it is
    if (m_mouseX) return *m_mouseX;
    return width / 2;
}

void PianoRollView::zoomAround(double factor)
{
    zoomHorizontally(factor, zoomAnchorX());
}

} // namespace pianola::widgets
