// SPDX-License-Identifier: MIT
// Painting the piano roll: rows, grid, loop, ghost notes, notes, previews and the playhead.
// Only what is visible is visited: notes are sorted by start, so a binary search bounded by the
// track's longest note finds the ones that sound in the viewport (also those starting before it).
// When tens of thousands of notes are visible they are aggregated into key x pixel cells.
#include "widgets/PianoRollView.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <QPainter>
#include <QScrollBar>

namespace pianola::widgets {

using model::Note;
using model::Tick;

namespace {
constexpr QRgb kBackground = 0x1b1d22;
constexpr QRgb kBlackRow = 0x17191d;
constexpr QRgb kScaleRow = 0x232a33;
constexpr std::size_t kDenseThreshold = 8000; // beyond this, notes are a few pixels wide at most

std::uint64_t compareKey(const Note& n)
{
    return (static_cast<std::uint64_t>(n.startTick) << 32) ^
           (static_cast<std::uint64_t>(n.lengthTicks) << 7) ^ n.key;
}

bool isBlackKey(int key)
{
    const int pc = key % 12;
    return pc == 1 || pc == 3 || pc == 6 || pc == 8 || pc == 10;
}
} // namespace

void PianoRollView::paintEvent(QPaintEvent*)
{
    QPainter p(viewport());
    const QRect area = viewport()->rect();
    m_stats = {};
    paintRows(p, area);
    paintGrid(p, area);
    paintLoop(p, area);
    if (m_view.ghostNotes()) paintGhostNotes(p, area);
    paintCompare(p, area);
    paintNotes(p, area);
    paintPreview(p);
    paintRubberBand(p);
    paintPlayhead(p, area);
}

void PianoRollView::paintRows(QPainter& p, const QRect& area)
{
    p.fillRect(area, QColor::fromRgb(kBackground));
    const int firstRow = keyRow(yToKey(area.top())), lastRow = keyRow(yToKey(area.bottom()));
    const bool scale = m_context.scaleShown();
    for (int r = firstRow; r <= lastRow; ++r) {
        const int key = rowKey(r);
        const QRectF row(area.left(), keyToY(key), area.width(), m_rowHeight);
        if (scale && m_context.scale().contains(key))
            p.fillRect(row, QColor::fromRgb(kScaleRow));
        else if (isBlackKey(key))
            p.fillRect(row, QColor::fromRgb(kBlackRow));
        if (key % 12 == 0 || key % 12 == 5) // B|C and E|F boundaries
            p.fillRect(
                QRectF(area.left(), row.bottom() - (key % 12 == 0 ? 1 : 0.5), area.width(), 1),
                QColor(0x2c, 0x30, 0x37));
    }
}

void PianoRollView::paintGrid(QPainter& p, const QRect& area)
{
    const double from = m_view.xToTick(area.left()), to = m_view.xToTick(area.right() + 1);
    const double tpp = m_view.ticksPerPixel();
    const Tick grid = m_state->snapTicks();
    const auto bars = m_context.bars(static_cast<Tick>(from), static_cast<Tick>(to) + 1, 8 * tpp);
    // Bar lines at least 8 px apart: every bar, or every 2nd, 4th... when zoomed far out.
    int every = 1;
    if (!bars.empty())
        while ((bars.front().endTick() - bars.front().startTick) * every / tpp < 8 &&
               every < (1 << 20))
            every *= 2;
    for (const Bar& bar : bars) {
        if ((bar.number - 1) % every != 0) continue;
        p.fillRect(QRectF(m_view.tickToX(bar.startTick), area.top(), 1, area.height()),
                   QColor(0x4a, 0x50, 0x5b));
        if (bar.beatTicks / tpp >= 6)
            for (int b = 1; b < bar.beats; ++b)
                p.fillRect(QRectF(m_view.tickToX(bar.startTick + b * bar.beatTicks), area.top(), 1,
                                  area.height()),
                           QColor(0x33, 0x37, 0x3f));
        if (grid > 1 && grid < bar.beatTicks && grid / tpp >= 6)
            for (Tick t = bar.startTick + grid; t < bar.endTick(); t += grid)
                if ((t - bar.startTick) % bar.beatTicks != 0)
                    p.fillRect(QRectF(m_view.tickToX(t), area.top(), 1, area.height()),
                               QColor(0x26, 0x29, 0x30));
    }
}

void PianoRollView::paintLoop(QPainter& p, const QRect& area)
{
    if (!m_view.loopEnabled() || m_view.loopEnd() <= m_view.loopStart()) return;
    const double x0 = m_view.tickToX(m_view.loopStart()), x1 = m_view.tickToX(m_view.loopEnd());
    p.fillRect(QRectF(x0, area.top(), x1 - x0, area.height()), QColor(0x5c, 0x9d, 0xe0, 22));
}

std::pair<std::size_t, std::size_t> PianoRollView::visibleRange(int trackIndex, double fromTick,
                                                                double toTick) const
{
    const model::Track& t = m_context.plan()->tracks[static_cast<std::size_t>(trackIndex)];
    const Tick longest = trackIndex < static_cast<int>(m_maxLength.size())
                             ? m_maxLength[static_cast<std::size_t>(trackIndex)]
                             : model::Limits::kMaxTick;
    const double earliest = fromTick - static_cast<double>(longest);
    auto byStart = [](const Note& n, double tick) {
        return static_cast<double>(n.startTick) < tick;
    };
    const auto first = std::lower_bound(t.notes.begin(), t.notes.end(), earliest, byStart);
    const auto last = std::lower_bound(first, t.notes.end(), toTick, byStart);
    return {static_cast<std::size_t>(first - t.notes.begin()),
            static_cast<std::size_t>(last - t.notes.begin())};
}

QRectF PianoRollView::noteRect(const Note& n) const
{
    const double x0 = m_view.tickToX(static_cast<double>(n.startTick));
    const double x1 = m_view.tickToX(static_cast<double>(n.endTick()));
    return {x0, keyToY(n.key), std::max(1.0, x1 - x0), static_cast<double>(m_rowHeight)};
}

const std::unordered_set<std::uint64_t>& PianoRollView::compareKeys()
{
    if (!m_compareKeysValid) {
        m_compareKeys.clear();
        const model::Plan* other = m_context.comparePlan();
        const int t = m_context.currentTrack();
        if (other && t >= 0 && t < static_cast<int>(other->tracks.size()))
            for (const Note& n : other->tracks[static_cast<std::size_t>(t)].notes)
                m_compareKeys.insert(compareKey(n));
        m_compareKeysValid = true;
    }
    return m_compareKeys;
}

// The other take's notes of this track as outlines, so the two can be told apart.
void PianoRollView::paintCompare(QPainter& p, const QRect& area)
{
    const model::Plan* other = m_context.comparePlan();
    const int t = m_context.currentTrack();
    if (!other || t < 0 || t >= static_cast<int>(other->tracks.size())) return;
    const auto& notes = other->tracks[static_cast<std::size_t>(t)].notes;
    const double from = m_view.xToTick(area.left()), to = m_view.xToTick(area.right() + 1);
    auto byStart = [](const Note& n, double tick) {
        return static_cast<double>(n.startTick) < tick;
    };
    const auto first =
        std::lower_bound(notes.begin(), notes.end(), from - 16.0 * m_context.ppq() * 4, byStart);
    const auto last = std::lower_bound(first, notes.end(), to, byStart);
    if (last - first > static_cast<std::ptrdiff_t>(kDenseThreshold)) return;
    p.setPen(QPen(QColor(0xe0, 0xe4, 0xea, 170), 1, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    for (auto it = first; it != last; ++it)
        if (static_cast<double>(it->endTick()) > from)
            p.drawRect(noteRect(*it).adjusted(0, 0, -1, -1));
}

void PianoRollView::paintGhostNotes(QPainter& p, const QRect& area)
{
    const model::Plan* plan = m_context.plan();
    if (!plan) return;
    const double from = m_view.xToTick(area.left()), to = m_view.xToTick(area.right() + 1);
    std::size_t budget = kDenseThreshold; // ghosts are context: never let them cost a frame
    for (int i = 0; i < static_cast<int>(plan->tracks.size()); ++i) {
        const model::Track& t = plan->tracks[static_cast<std::size_t>(i)];
        if (i == m_context.currentTrack() || t.channel == model::gm::kDrumChannel) continue;
        const auto [first, last] = visibleRange(i, from, to);
        if (last - first > budget) continue;
        budget -= last - first;
        QColor ghost = m_context.trackColour(i);
        ghost.setAlpha(60);
        for (std::size_t k = first; k < last; ++k) {
            const Note& n = t.notes[k];
            if (n.endTick() > from) p.fillRect(noteRect(n).adjusted(0, 1, 0, -1), ghost);
        }
    }
}

void PianoRollView::paintNotes(QPainter& p, const QRect& area)
{
    const model::Track* track = m_context.track();
    if (!track) return;
    const double from = m_view.xToTick(area.left()), to = m_view.xToTick(area.right() + 1);
    const auto [first, last] = visibleRange(m_context.currentTrack(), from, to);
    m_stats.notesVisited = last - first;
    if (last - first > kDenseThreshold) {
        m_stats.dense = true;
        // Very many notes: a summary in buckets of about a pixel (a power of two of ticks) if
        // that is smaller, else the notes themselves as runs.
        Tick bucket = 64;
        while (bucket * 2 <= static_cast<Tick>(m_view.ticksPerPixel()))
            bucket *= 2;
        const std::size_t notes = last - first;
        if (m_view.ticksPerPixel() >= 128 && notes > 4 * kDenseThreshold) {
            const Summary& s = summary(bucket);
            auto byStart = [](const Run& r, double tick) {
                return static_cast<double>(r.start) < tick;
            };
            const auto a = std::lower_bound(s.runs.begin(), s.runs.end(),
                                            from - static_cast<double>(s.longest), byStart);
            const auto b = std::lower_bound(a, s.runs.end(), to, byStart);
            paintDense(p, area, s.runs, static_cast<std::size_t>(a - s.runs.begin()),
                       static_cast<std::size_t>(b - s.runs.begin()));
            return;
        }
        m_denseRuns.clear();
        m_denseRuns.reserve(notes);
        const bool anySelected = !m_selection.ids().empty();
        for (std::size_t k = first; k < last; ++k) {
            const Note& n = track->notes[k];
            m_denseRuns.push_back(
                {n.startTick, n.endTick(), n.key,
                 static_cast<std::uint8_t>(
                     n.velocity | (anySelected && m_selection.isSelected(n.id) ? 0x80 : 0))});
        }
        paintDense(p, area, m_denseRuns, 0, m_denseRuns.size());
        return;
    }
    const QColor base = m_context.trackColour(m_context.currentTrack());
    const bool labels = m_rowHeight >= 11;
    const model::KeySignature spelling = m_context.spellingKey(); // Bb in A minor, as the gutter
    const auto* differs = m_context.comparePlan() ? &compareKeys() : nullptr;
    QFont font = p.font();
    font.setPixelSize(std::max(8, m_rowHeight - 3));
    p.setFont(font);
    for (std::size_t k = first; k < last; ++k) {
        const Note& n = track->notes[k];
        if (n.endTick() <= from || m_hidden.count(n.id)) continue;
        const QRectF r = noteRect(n);
        if (r.bottom() < area.top() || r.top() > area.bottom()) continue;
        const bool selected = m_selection.isSelected(n.id);
        QColor fill = EditContext::velocityColour(base, n.velocity);
        if (selected) fill = fill.lighter(135);
        p.fillRect(r, fill);
        if (r.width() >= 3) {
            p.setPen(selected ? QColor(Qt::white) : fill.darker(170));
            p.drawRect(r.adjusted(0, 0, -1, -1));
        }
        if (differs && !differs->count(compareKey(n))) { // A/B: not in the other take
            p.setPen(QPen(QColor(0xff, 0xb0, 0x3d), 2));
            p.drawRect(r.adjusted(1, 1, -1, -1));
        }
        if (labels && r.width() > 26) {
            p.setPen(QColor(0x10, 0x10, 0x14));
            m_stats.labels << EditContext::keyLabel(n.key, spelling);
            p.drawText(r.adjusted(3, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                       m_stats.labels.back());
        }
        if (n.locked) paintLockMark(p, r);
    }
}

// A locked note: a hatched outline and, where there is room, a padlock at its right end.
void PianoRollView::paintLockMark(QPainter& p, const QRectF& r)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0xf0, 0xc6, 0x74), 1, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
    const double h = std::min(r.height() - 2, 10.0);
    if (h >= 6 && r.width() >= h + 4) {
        const QRectF body(r.right() - h - 1, r.center().y() - h / 2 + h * 0.35, h * 0.8, h * 0.65);
        p.setPen(QPen(QColor(0x20, 0x18, 0x08), 1.2));
        p.drawArc(QRectF(body.left() + body.width() * 0.2, body.top() - h * 0.35,
                         body.width() * 0.6, h * 0.7),
                  0, 180 * 16);
        p.setBrush(QColor(0xf0, 0xc6, 0x74));
        p.drawRect(body);
    }
    p.restore();
}

const PianoRollView::Summary& PianoRollView::summary(Tick bucket)
{
    for (const Summary& s : m_summaries)
        if (s.bucket == bucket) return s;
    Summary s;
    s.bucket = bucket;
    const model::Track& track = *m_context.track();
    std::array<Run, 128> open{};
    auto close = [&](Run& r) {
        if (r.end > r.start) {
            s.runs.push_back(r);
            s.longest = std::max(s.longest, r.end - r.start);
        }
        r = Run{};
    };
    for (const Note& n : track.notes) {
        const Tick start = n.startTick / bucket * bucket,
                   end = (n.endTick() + bucket - 1) / bucket * bucket;
        const auto value =
            static_cast<std::uint8_t>(n.velocity | (m_selection.isSelected(n.id) ? 0x80 : 0));
        Run& r = open[n.key];
        if (r.end > r.start && start <= r.end) {
            r.end = std::max(r.end, end);
            r.value = std::max(r.value, value);
            continue;
        }
        close(r);
        r = Run{start, end, n.key, value};
    }
    for (Run& r : open)
        close(r);
    std::sort(s.runs.begin(), s.runs.end(),
              [](const Run& a, const Run& b) { return a.start < b.start; });
    m_summaries.push_back(std::move(s));
    return m_summaries.back();
}

// Aggregates runs into one cell per (key, pixel column): the loudest velocity, with bit 7 for
// "selected". Cost: one pass over the runs plus one pass over the pixels.
void PianoRollView::paintDense(QPainter& p, const QRect& area, const std::vector<Run>& runs,
                               std::size_t first, std::size_t last)
{
    const int width = area.width();
    m_denseCells.assign(static_cast<std::size_t>(width) * 128, 0);
    const double left = m_view.leftTick(), tpp = m_view.ticksPerPixel();
    for (std::size_t k = first; k < last; ++k) {
        const Run& n = runs[k];
        const int x0 = std::max(0, static_cast<int>((static_cast<double>(n.start) - left) / tpp));
        const int x1 =
            std::min(width - 1, static_cast<int>((static_cast<double>(n.end) - left) / tpp));
        if (x1 < 0 || x0 >= width) continue;
        std::uint8_t* row =
            &m_denseCells[static_cast<std::size_t>(n.key) * static_cast<std::size_t>(width)];
        for (int x = x0; x <= x1; ++x)
            row[x] = std::max(row[x], n.value);
    }
    if (m_denseImage.size() != area.size())
        m_denseImage = QImage(area.size(), QImage::Format_ARGB32_Premultiplied);
    m_denseImage.fill(Qt::transparent);
    QRgb palette[256];
    const QColor base = m_context.trackColour(m_context.currentTrack());
    for (int v = 0; v < 256; ++v)
        palette[v] =
            v == 0
                ? 0
                : EditContext::velocityColour(base, v & 0x7F).lighter(v & 0x80 ? 140 : 100).rgba();
    for (int key = 0; key < 128; ++key) {
        const int y0 = std::max(0, static_cast<int>(keyToY(key)));
        const int y1 =
            std::min(area.height(), static_cast<int>(keyToY(key)) + std::max(1, m_rowHeight - 1));
        if (y1 <= y0) continue;
        const std::uint8_t* cells =
            &m_denseCells[static_cast<std::size_t>(key) * static_cast<std::size_t>(width)];
        auto* line = reinterpret_cast<QRgb*>(m_denseImage.scanLine(y0));
        for (int x = 0; x < width; ++x)
            line[x] = palette[cells[x]];
        for (int y = y0 + 1; y < y1; ++y)
            std::copy(line, line + width, reinterpret_cast<QRgb*>(m_denseImage.scanLine(y)));
    }
    p.drawImage(area.topLeft(), m_denseImage);
}

void PianoRollView::paintPreview(QPainter& p)
{
    if (m_preview.empty()) return;
    const QColor base = m_context.trackColour(m_context.currentTrack());
    for (const Note& n : m_preview) {
        const QRectF r = noteRect(n);
        p.fillRect(r, EditContext::velocityColour(base, n.velocity).lighter(125));
        p.setPen(QColor(Qt::white));
        p.drawRect(r.adjusted(0, 0, -1, -1));
    }
}

void PianoRollView::paintRubberBand(QPainter& p)
{
    if (m_drag != Drag::RubberBand) return;
    p.setPen(QColor(0x9c, 0xc8, 0xff));
    p.setBrush(QColor(0x5c, 0x9d, 0xe0, 40));
    p.drawRect(m_rubberBand.normalized());
    p.setBrush(Qt::NoBrush);
}

void PianoRollView::paintPlayhead(QPainter& p, const QRect& area)
{
    const double x = m_view.tickToX(m_view.playheadTick());
    if (x >= area.left() - 1 && x <= area.right() + 1)
        p.fillRect(QRectF(x, area.top(), 1.5, area.height()), QColor(0xff, 0x8a, 0x3d));
}

} // namespace pianola::widgets
