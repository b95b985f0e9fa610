// SPDX-License-Identifier: MIT
// The chord lane above the ruler: the take's chord track in bars and beats (the analysis'
// chords, marked as detected, when the take has none). Click selects a chord, typing a symbol
// replaces it, dragging an edge changes the harmonic rhythm; insert, split, delete, copy, paste;
// right-click offers alternatives for the key, each auditioned. Every gesture is one edit.
#pragma once

#include "model/ChordSymbol.h"
#include "widgets/EditContext.h"
#include "widgets/ViewState.h"

#include <optional>
#include <QWidget>
#include <utility>

class QLineEdit;
class QMenu;
class QPainter;

namespace pianola::widgets {

class ChordLane : public QWidget
{
    Q_OBJECT
public:
    ChordLane(ViewState& view, EditContext& context, QWidget* parent = nullptr);

    /// The chords shown: the take's chord track, or the detected ones when it has none.
    std::vector<model::PlanChord> shownChords() const;
    /// True when the take has no chord track and the lane shows the analysis' chords.
    bool showsDetected() const;
    /// A chord's symbol spelled for the take's key ("Bb/D" in F major).
    QString chordText(const model::PlanChord& chord) const;
    int selectedChord() const { return m_selected; }
    void selectChord(int index);
    /// The last symbol typed that did not parse, and why (empty after a good one).
    QString typingError() const { return m_error; }
    QLineEdit* symbolEditor() const { return m_editor; }

    // The gestures (keys and the context menu call these; each submits one edit).
    void beginTyping(const QString& text);
    bool replaceSelected(const QString& symbol);
    bool insertChordAt(model::Tick tick);
    bool splitChordAt(model::Tick tick);
    bool deleteSelected();
    void copySelected();
    bool paste();
    /// The span "Suggest chords here" fills for `tick`: the chord there, else the gap between the
    /// chords around it (within the take).
    std::pair<model::Tick, model::Tick> suggestionSpan(model::Tick tick) const;
    /// The context menu at `tick`: alternatives for the chord there, then the edit actions; the
    /// caller owns it.
    QMenu* chordMenu(model::Tick tick);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    bool event(QEvent* event) override;

private:
    void paintChord(QPainter& p, const model::PlanChord& chord, bool selected, bool detected);
    int chordIndexAt(model::Tick tick) const;
    bool edgeAt(double x, int& index, bool& end) const;
    bool submitChords(std::vector<model::PlanChord> chords, const QString& text, int select);
    void commitTyping();
    void closeEditor();
    void addAlternatives(QMenu* menu, int index);
    void audition(const model::ChordSymbol& symbol);
    model::Tick tickAtX(double x) const;

    ViewState& m_view;
    EditContext& m_context;
    int m_selected = -1;
    QLineEdit* m_editor = nullptr;
    QString m_error;
    std::optional<model::PlanChord> m_clipboard;
    // An edge drag in progress: the chord, which edge, and the chords it would leave.
    int m_dragIndex = -1;
    bool m_dragEnd = false;
    std::vector<model::PlanChord> m_preview;
};

} // namespace pianola::widgets
