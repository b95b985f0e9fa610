// SPDX-License-Identifier: MIT
// The chord lane: painting, hit testing and the mouse; the edits are in ChordLaneEdit.cpp.
#include "widgets/ChordLane.h"

#include "model/ChordEdits.h"
#include "model/ChordTrack.h"

#include <algorithm>
#include <cmath>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>

namespace pianola::widgets {

using model::PlanChord;
using model::Tick;

ChordLane::ChordLane(ViewState& view, EditContext& context, QWidget* parent)
    : QWidget(parent), m_view(view), m_context(context)
{
    setObjectName("chordLane");
    setFocusPolicy(Qt::ClickFocus);
    setMouseTracking(true);
    connect(&view, &ViewState::viewChanged, this, qOverload<>(&QWidget::update));
    for (auto signal : {&EditContext::chordsChanged, &EditContext::scaleChanged})
        connect(&context, signal, this, qOverload<>(&QWidget::update));
    connect(&context, &EditContext::planChanged, this, [this] {
        const auto n = static_cast<int>(shownChords().size());
        if (m_selected >= n) m_selected = -1;
        m_dragIndex = -1;
        update();
    });
}

bool ChordLane::showsDetected() const
{
    const model::Plan* plan = m_context.plan();
    return plan && plan->chords.empty() && !m_context.chords().empty();
}

std::vector<PlanChord> ChordLane::shownChords() const
{
    const model::Plan* plan = m_context.plan();
    if (!plan) return {};
    if (!plan->chords.empty()) return plan->chords;
    // The analysis' chords as a chord track: parsed, not overlapping, inside the take.
    std::vector<PlanChord> out;
    const Tick limit = model::chordTrackLimit(*plan);
    for (const ChordMark& mark : m_context.chords()) {
        const auto symbol = model::parseChordSymbol(mark.symbol.toStdString());
        const Tick start = std::max(mark.startTick, out.empty() ? Tick(0) : out.back().endTick());
        const Tick end = std::min(mark.endTick, limit);
        if (symbol && !symbol->noChord && end - start >= model::kMinChordTicks)
            out.push_back(model::planChordOf(*symbol, start, end - start));
    }
    return out;
}

QString ChordLane::chordText(const PlanChord& chord) const
{
    const auto symbol = model::chordSymbolOf(chord);
    return QString::fromStdString(symbol ? model::chordSymbolText(*symbol, m_context.spellingKey())
                                         : model::chordSymbol(chord));
}

void ChordLane::selectChord(int index)
{
    m_selected = index;
    update();
}

void ChordLane::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0x20, 0x22, 0x27));
    QFont font = p.font();
    font.setPixelSize(12);
    const bool detected = showsDetected();
    font.setItalic(detected); // detected chords are a suggestion, not the take's harmony
    p.setFont(font);
    const auto chords = m_dragIndex >= 0 ? m_preview : shownChords();
    for (std::size_t i = 0; i < chords.size(); ++i)
        paintChord(p, chords[i], static_cast<int>(i) == m_selected, detected);
    if (detected) {
        font.setPixelSize(10);
        p.setFont(font);
        p.setPen(QColor(0x9a, 0xa0, 0xaa));
        p.drawText(rect().adjusted(0, 0, -4, 0), Qt::AlignVCenter | Qt::AlignRight, tr("detected"));
    }
    p.fillRect(QRectF(0, height() - 1, width(), 1), QColor(0x11, 0x12, 0x15));
}

void ChordLane::paintChord(QPainter& p, const PlanChord& chord, bool selected, bool detected)
{
    const double x0 = m_view.tickToX(static_cast<double>(chord.startTick)),
                 x1 = m_view.tickToX(static_cast<double>(chord.endTick()));
    if (x1 < 0 || x0 > width()) return;
    const QRectF box(x0 + 1, 2, std::max(1.0, x1 - x0 - 2), height() - 4);
    p.fillRect(box, selected   ? QColor(0x6a, 0x55, 0x2a)
                    : detected ? QColor(0x2c, 0x2e, 0x34)
                               : QColor(0x3a, 0x35, 0x2a));
    if (selected) {
        p.setPen(QColor(0xf0, 0xc6, 0x74));
        p.drawRect(box.adjusted(0, 0, -1, -1));
    }
    const QString text = chordText(chord);
    if (p.fontMetrics().horizontalAdvance(text) + 6 > x1 - x0)
        return; // too narrow: the box alone shows the harmonic rhythm
    p.setPen(detected ? QColor(0xb8, 0xa8, 0x88) : QColor(0xf0, 0xc6, 0x74));
    p.drawText(box.adjusted(3, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
}

Tick ChordLane::tickAtX(double x) const
{
    return static_cast<Tick>(std::max(0.0, m_view.xToTick(x)));
}

int ChordLane::chordIndexAt(Tick tick) const
{
    const auto chords = shownChords();
    for (std::size_t i = 0; i < chords.size(); ++i)
        if (tick >= chords[i].startTick && tick < chords[i].endTick()) return static_cast<int>(i);
    return -1;
}

// An edge within 4 px of `x` of a chord at least 12 px wide.
bool ChordLane::edgeAt(double x, int& index, bool& end) const
{
    const auto chords = shownChords();
    for (std::size_t i = 0; i < chords.size(); ++i) {
        const double x0 = m_view.tickToX(static_cast<double>(chords[i].startTick));
        const double x1 = m_view.tickToX(static_cast<double>(chords[i].endTick()));
        if (x1 - x0 < 12) continue;
        if (std::abs(x - x1) <= 4 || std::abs(x - x0) <= 4) {
            index = static_cast<int>(i);
            end = std::abs(x - x1) <= 4;
            return true;
        }
    }
    return false;
}

void ChordLane::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) return;
    closeEditor();
    const double x = event->position().x();
    if (edgeAt(x, m_dragIndex, m_dragEnd)) {
        m_preview = shownChords();
        selectChord(m_dragIndex);
        return;
    }
    selectChord(chordIndexAt(tickAtX(x)));
}

void ChordLane::mouseMoveEvent(QMouseEvent* event)
{
    const double x = event->position().x();
    if (m_dragIndex < 0) {
        int index = 0;
        bool end = false;
        setCursor(edgeAt(x, index, end) ? Qt::SizeHorCursor : Qt::ArrowCursor);
        return;
    }
    const model::Plan* plan = m_context.plan();
    m_preview = model::withChordEdgeMoved(shownChords(), static_cast<std::size_t>(m_dragIndex),
                                          m_dragEnd, m_view.snapped(tickAtX(x), m_context.ppq()),
                                          plan ? model::chordTrackLimit(*plan) : 0);
    update();
}

void ChordLane::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_dragIndex < 0) return;
    const int index = m_dragIndex;
    auto chords = std::move(m_preview);
    m_dragIndex = -1;
    if (chords != shownChords())
        submitChords(std::move(chords), tr("Change harmonic rhythm"), index);
    update();
}

void ChordLane::mouseDoubleClickEvent(QMouseEvent* event)
{
    const Tick tick = tickAtX(event->position().x());
    const int index = chordIndexAt(tick);
    if (index < 0) {
        insertChordAt(tick);
        return;
    }
    selectChord(index);
    beginTyping(chordText(shownChords()[static_cast<std::size_t>(index)]));
}

} // namespace pianola::widgets
