// SPDX-License-Identifier: MIT
// The views' time axis: zoom and scroll, grid, playhead and loop.
#include "widgets/ViewState.h"

#include <algorithm>

namespace pianola::widgets {

model::Tick Snap::ticks(int ppq) const
{
    if (division <= 0) return 1;
    const model::Tick whole = static_cast<model::Tick>(ppq) * 4;
    return std::max<model::Tick>(1, triplet ? whole * 2 / (3 * division) : whole / division);
}

QString Snap::label() const
{
    if (division <= 0) return QObject::tr("Off");
    return QStringLiteral("1/%1%2").arg(division).arg(triplet ? QStringLiteral("T") : QString());
}

std::vector<Snap> Snap::all()
{
    std::vector<Snap> out;
    for (int d : {1, 2, 4, 8, 16, 32, 64}) {
        out.push_back({d, false});
        if (d >= 4 && d <= 32) out.push_back({d, true});
    }
    out.push_back({0, false});
    return out;
}

ViewState::ViewState(QObject* parent) : QObject(parent) {}

void ViewState::setHorizontalView(double leftTick, double ticksPerPixel)
{
    leftTick = std::max(0.0, leftTick);
    ticksPerPixel = std::clamp(ticksPerPixel, 0.05, 1e6);
    if (leftTick == m_leftTick && ticksPerPixel == m_ticksPerPixel) return;
    m_leftTick = leftTick;
    m_ticksPerPixel = ticksPerPixel;
    emit viewChanged();
}

void ViewState::setSnap(Snap snap)
{
    if (snap == m_snap) return;
    m_snap = snap;
    emit snapChanged();
    emit viewChanged();
}

model::Tick ViewState::snapped(model::Tick tick, int ppq) const
{
    const model::Tick grid = snapTicks(ppq);
    return std::max<model::Tick>(0, (tick + grid / 2) / grid * grid);
}

model::Tick ViewState::snappedDown(model::Tick tick, int ppq) const
{
    const model::Tick grid = snapTicks(ppq);
    return std::max<model::Tick>(0, tick / grid * grid);
}

void ViewState::setGhostNotes(bool on)
{
    m_ghosts = on;
    emit viewChanged();
}

void ViewState::setPlayheadTick(double tick)
{
    if (tick == m_playheadTick) return;
    m_playheadTick = tick;
    emit playheadMoved(tick);
}

void ViewState::setLoop(bool enabled, model::Tick start, model::Tick end)
{
    m_loopOn = enabled;
    m_loopStart = std::max<model::Tick>(0, std::min(start, end));
    m_loopEnd = std::max(start, end);
    emit loopChanged();
}

} // namespace pianola::widgets
