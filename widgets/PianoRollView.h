// SPDX-License-Identifier: MIT
// The piano roll: a custom scroll area painting the current track's notes (no widget or item
// per note), with the keyboard gutter and the time ruler at its margins.
#pragma once

#include "widgets/EditorState.h"

#include <array>
#include <optional>
#include <QAbstractScrollArea>
#include <QImage>
#include <QStringList>

namespace pianola::widgets {

class ChordLane;
class KeyboardGutter;
class TimeRuler;

class PianoRollView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int kGutterWidth = 72;
    static constexpr int kRulerHeight = 48; ///< above the roll: the chord lane, then the ruler
    static constexpr int kChordLaneHeight = 20;

    /// The roll uses all three parts of `state`; its ruler, chord lane and keyboard get the
    /// parts they use.
    explicit PianoRollView(EditorState* state, QWidget* parent = nullptr);
    EditorState* state() const { return m_state; }
    ChordLane* chordLane() const { return m_chordLane; }
    TimeRuler* ruler() const { return m_ruler; }
    KeyboardGutter* gutter() const { return m_gutter; }

    // Vertical geometry (viewport coordinates).
    int rowHeight() const { return m_rowHeight; }
    void setRowHeight(int pixels);
    double keyToY(int key) const; ///< top of the key's row
    int yToKey(double y) const;
    /// Scrolls so that `key` is in the middle.
    void centreOnKey(int key);
    /// The rows, top to bottom: every key on a pitched track; on a drum track (channel 10) the
    /// kit pieces in use and the core kit (kick .. ride), or all 47 GM pieces.
    int rowCount() const { return static_cast<int>(m_rowKeys.size()); }
    int rowKey(int row) const { return m_rowKeys[static_cast<std::size_t>(row)]; }
    /// The row of `key`, -1 when a drum track hides it.
    int keyRow(int key) const
    {
        return key >= 0 && key < 128 ? m_keyRow[static_cast<std::size_t>(key)] : -1;
    }
    bool allDrumRows() const { return m_allDrumRows; }
    void setAllDrumRows(bool all);
    void zoomHorizontally(double factor, double anchorX);
    /// Shows the whole plan (or [from, to) if given) across the width.
    void zoomToFit();
    /// Frames the selected notes (their time and keys); the whole take when nothing is selected.
    void zoomToSelection();
    /// Zooms by `factor` about zoomAnchorX() (the keys and the View menu).
    void zoomAround(double factor);
    /// Where keyboard zoom keeps its place: the start of the selection on screen, else the
    /// mouse over the roll, else the middle (viewport x).
    double zoomAnchorX() const;

    // Clipboard and selection functions (also reachable from the app's menus).
    void selectAll();
    void deleteSelection();
    void copySelection();
    void cutSelection();
    /// Pastes at the playhead (snapped down), into the current track.
    void paste();
    /// Copies the selection to right after its end (by whole grid steps).
    void duplicateSelection();
    /// Moves the selection by grid steps and semitones (arrow keys).
    void nudgeSelection(int gridSteps, int semitones);
    bool hasClipboard() const { return !m_clipboard.empty(); }
    /// Locks the selected notes (none of them locked yet, or some), or unlocks them (all locked):
    /// one undoable edit. Locked notes are drawn with a padlock and refuse edits.
    void toggleSelectionLock();

    /// Paint statistics of the last frame (for benchmarks): notes visited and whether the dense
    /// (aggregated) path drew them.
    struct PaintStats
    {
        std::size_t notesVisited = 0;
        bool dense = false;
        QStringList labels; ///< the names written on notes, in paint order
    };
    PaintStats lastPaintStats() const { return m_stats; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    enum class Part { None, Body, StartEdge, EndEdge };
    struct Hit
    {
        const model::Note* note = nullptr;
        Part part = Part::None;
    };
    enum class Drag { None, Move, ResizeStart, ResizeEnd, Create, RubberBand, Erase };

    // Painting (PianoRollPaint.cpp)
    void paintRows(QPainter& p, const QRect& area);
    void paintGrid(QPainter& p, const QRect& area);
    void paintLoop(QPainter& p, const QRect& area);
    void paintGhostNotes(QPainter& p, const QRect& area);
    void paintNotes(QPainter& p, const QRect& area);
    void paintCompare(QPainter& p, const QRect& area);
    void paintLockMark(QPainter& p, const QRectF& noteRect);
    /// The other take's notes of the current track as (start, key, length) keys, for A/B.
    const std::unordered_set<std::uint64_t>& compareKeys();
    /// A note or a merged run of notes of one key, for the dense path: [start, end), the loudest
    /// velocity and bit 7 = selected.
    struct Run
    {
        model::Tick start = 0, end = 0;
        std::uint8_t key = 0, value = 0;
    };
    /// The current track's notes merged per key into runs aligned to `bucket` ticks (sorted by
    /// start): a fixed-size summary for views that show hundreds of thousands of notes.
    struct Summary
    {
        model::Tick bucket = 0;
        model::Tick longest = 0;
        std::vector<Run> runs;
    };
    const Summary& summary(model::Tick bucket);
    void paintDense(QPainter& p, const QRect& area, const std::vector<Run>& runs, std::size_t first,
                    std::size_t last);
    void paintPreview(QPainter& p);
    void paintRubberBand(QPainter& p);
    void paintPlayhead(QPainter& p, const QRect& area);
    /// The index range of `track`'s notes that may show in [fromTick, toTick).
    std::pair<std::size_t, std::size_t> visibleRange(int trackIndex, double fromTick,
                                                     double toTick) const;
    QRectF noteRect(const model::Note& note) const;

    // Editing (PianoRollInput.cpp)
    Hit hitTest(const QPointF& pos) const;
    model::Tick pointerTick(const QPointF& pos, bool bypassSnap) const;
    void beginDrag(Drag drag, const QPointF& pos, const model::Note* anchor);
    void updateDrag(const QPointF& pos, Qt::KeyboardModifiers modifiers);
    void finishDrag();
    void cancelDrag();
    void createNoteAt(const QPointF& pos, bool bypassSnap);
    void eraseAt(const QPointF& pos);
    void splitAt(const QPointF& pos, bool bypassSnap);
    void submitReplacement(const std::vector<model::Note>& before,
                           const std::vector<model::Note>& after, const QString& text);
    void updateCursor(const QPointF& pos);
    void audition(int key, int velocity);

    void updateScrollBars();
    /// Rebuilds the rows (PianoRollRows.cpp) for the current track.
    void updateRows();
    void planChanged();
    void followPlayhead(double tick);
    void layoutMargins();

    EditorState* m_state; ///< for the grid at the plan's resolution (snapped(), snapTicks())
    ViewState& m_view;
    Selection& m_selection;
    EditContext& m_context;
    KeyboardGutter* m_gutter;
    TimeRuler* m_ruler;
    ChordLane* m_chordLane;
    int m_rowHeight = 12;
    std::vector<int> m_rowKeys;      ///< top to bottom
    std::array<int, 128> m_keyRow{}; ///< row of each key, -1 hidden
    bool m_allDrumRows = false;
    std::optional<double> m_mouseX; ///< over the viewport (zoom anchor), none when outside
    bool m_fitPending = false;      ///< zoomToFit() waits for the viewport's first real size
    PaintStats m_stats;
    QImage m_denseImage;
    std::vector<std::uint8_t> m_denseCells;
    std::vector<Run> m_denseRuns;
    std::vector<model::Tick> m_maxLength; ///< per track: the longest note (visibility search)
    std::vector<Summary> m_summaries;     ///< of the current track, built on demand
    std::unordered_set<std::uint64_t> m_compareKeys;
    bool m_compareKeysValid = false;

    // The gesture in progress.
    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    model::Note m_anchor; ///< the note grabbed (its state at press)
    std::vector<model::Note> m_dragOriginal;
    std::vector<model::Note> m_preview;         ///< what the gesture will submit
    std::unordered_set<model::NoteId> m_hidden; ///< originals hidden while previewing
    std::unordered_set<model::NoteId> m_selectionAtPress;
    QRectF m_rubberBand;
    int m_lastAuditionKey = -1;

    std::vector<model::Note> m_clipboard; ///< start ticks relative to the first note
};

} // namespace pianola::widgets
