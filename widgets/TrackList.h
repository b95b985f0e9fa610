// SPDX-License-Identifier: MIT
// The track list: colour, name, channel, General MIDI instrument (drum kits on channel 10),
// mute, solo and the padlock per track; the selected row is the track the roll edits, and a row
// clicked narrows the chat to that track. Its context menu regenerates or locks a track.
#pragma once

#include "widgets/EditContext.h"
#include "widgets/Selection.h"

#include <functional>
#include <QWidget>

class QMenu;
class QTableWidget;
class QToolButton;

namespace pianola::widgets {

class TrackList : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        ColourColumn,
        NameColumn,
        ChannelColumn,
        ProgramColumn,
        MuteColumn,
        SoloColumn,
        LockColumn,
        ColumnCount
    };
    /// Sets the current track and the scope track (a click on a name).
    TrackList(EditContext& context, Selection& selection, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }
    /// Changes one setting of track `index` through the edit sink (what the row's widgets do).
    void changeTrack(int index, const std::function<void(model::TrackSettings&)>& change,
                     const QString& text);
    /// The context menu of track `index` (Regenerate, Lock/Unlock); the caller owns it.
    QMenu* contextMenu(int index);

signals:
    void addTrackRequested();
    void removeTrackRequested(int index);

private:
    void rebuild();
    void fillRow(int row, const model::Track& track);
    QWidget* programEditor(int row, const model::Track& track);

    EditContext& m_context;
    Selection& m_selection;
    QTableWidget* m_table;
    bool m_rebuilding = false;
};

} // namespace pianola::widgets
