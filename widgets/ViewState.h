// SPDX-License-Identifier: MIT
// What the editor's views show of the time axis: the horizontal zoom and scroll (tick <-> x),
// the grid, ghost notes, the playhead and the loop. No plan: the grid in ticks takes the ppq.
#pragma once

#include "model/Plan.h"

#include <QObject>
#include <QString>
#include <vector>

namespace pianola::widgets {

/// A grid value: a whole note divided by `division`, times 2/3 for triplets; 0 = off.
struct Snap
{
    int division = 16;
    bool triplet = false;
    model::Tick ticks(int ppq) const; ///< 1 when off
    QString label() const;
    static std::vector<Snap> all(); ///< 1/1 .. 1/64, triplets, off
    friend bool operator==(const Snap&, const Snap&) = default;
};

class ViewState : public QObject
{
    Q_OBJECT
public:
    explicit ViewState(QObject* parent = nullptr);

    /// Horizontal view shared by the roll, the ruler and the lanes.
    double ticksPerPixel() const { return m_ticksPerPixel; }
    double leftTick() const { return m_leftTick; }
    void setHorizontalView(double leftTick, double ticksPerPixel);
    double tickToX(double tick) const { return (tick - m_leftTick) / m_ticksPerPixel; }
    double xToTick(double x) const { return m_leftTick + x * m_ticksPerPixel; }

    Snap snap() const { return m_snap; }
    void setSnap(Snap snap);
    /// The grid step at resolution `ppq` (1 when the grid is off).
    model::Tick snapTicks(int ppq) const { return m_snap.ticks(ppq); }
    model::Tick snapped(model::Tick tick, int ppq) const; ///< to the nearest grid line
    model::Tick snappedDown(model::Tick tick, int ppq) const;

    bool ghostNotes() const { return m_ghosts; }
    void setGhostNotes(bool on);

    double playheadTick() const { return m_playheadTick; }
    void setPlayheadTick(double tick);
    bool followPlayhead() const { return m_follow; }
    void setFollowPlayhead(bool on) { m_follow = on; }
    bool loopEnabled() const { return m_loopOn; }
    model::Tick loopStart() const { return m_loopStart; }
    model::Tick loopEnd() const { return m_loopEnd; }
    void setLoop(bool enabled, model::Tick start, model::Tick end);

signals:
    void viewChanged();
    void snapChanged();
    void playheadMoved(double tick);
    void loopChanged();
    /// The user asked to move the playhead (ruler click).
    void seekRequested(model::Tick tick);

private:
    double m_ticksPerPixel = 8;
    double m_leftTick = 0;
    Snap m_snap;
    bool m_ghosts = true;
    double m_playheadTick = 0;
    bool m_follow = true;
    bool m_loopOn = false;
    model::Tick m_loopStart = 0, m_loopEnd = 0;
};

} // namespace pianola::widgets
