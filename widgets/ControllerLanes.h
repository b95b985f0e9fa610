// SPDX-License-Identifier: MIT
// The stack of controller lanes under the roll: velocity plus any CC, pitch bend or pressure
// lanes, resizable with a splitter; lanes are added, changed and removed from their headers.
#pragma once

#include "widgets/ControllerLane.h"
#include "widgets/EditorState.h"

#include <functional>
#include <QWidget>

class QSplitter;
class QMenu;

namespace pianola::widgets {

class ControllerLanes : public QWidget
{
    Q_OBJECT
public:
    explicit ControllerLanes(EditorState* state, QWidget* parent = nullptr);
    ControllerLane* addLane(std::optional<model::Lane> lane);
    /// Shows another kind in `lane`'s place (a new lane widget when velocity <-> points).
    ControllerLane* changeLane(ControllerLane* lane, std::optional<model::Lane> kind);
    void removeLane(ControllerLane* lane);
    std::vector<ControllerLane*> lanes() const;
    /// The lanes as text for settings ("v", "cc7", "pb", "cp"), and back.
    QStringList laneKeys() const;
    void setLaneKeys(const QStringList& keys);

private:
    ControllerLane* insertLane(int index, std::optional<model::Lane> lane);
    QMenu* laneMenu(const std::function<void(std::optional<model::Lane>)>& chosen);

    EditorState* m_state;
    QSplitter* m_splitter;
};

} // namespace pianola::widgets
