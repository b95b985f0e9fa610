// SPDX-License-Identifier: MIT
// The controller lane stack.
#include "widgets/ControllerLanes.h"

#include "widgets/PointLane.h"
#include "widgets/VelocityLane.h"

#include <QInputDialog>
#include <QMenu>
#include <QPointer>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace pianola::widgets {

namespace {
QString keyOf(const std::optional<model::Lane>& lane)
{
    if (!lane) return QStringLiteral("v");
    switch (lane->kind) {
    case model::Lane::Kind::PitchBend:
        return QStringLiteral("pb");
    case model::Lane::Kind::ChannelPressure:
        return QStringLiteral("cp");
    case model::Lane::Kind::Controller:
        break;
    }
    return QStringLiteral("cc%1").arg(lane->controller);
}

std::optional<std::optional<model::Lane>> laneOf(const QString& key)
{
    if (key == QLatin1String("v")) return std::optional<model::Lane>{};
    if (key == QLatin1String("pb")) return model::Lane{model::Lane::Kind::PitchBend, 0};
    if (key == QLatin1String("cp")) return model::Lane{model::Lane::Kind::ChannelPressure, 0};
    bool ok = false;
    const int cc = key.mid(2).toInt(&ok);
    if (key.startsWith(QLatin1String("cc")) && ok && cc >= 0 && cc <= 127)
        return model::Lane{model::Lane::Kind::Controller, cc};
    return std::nullopt;
}
} // namespace

ControllerLanes::ControllerLanes(EditorState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName("controllerLanes");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(3);
    layout->addWidget(m_splitter);
    auto* add = new QToolButton(this);
    add->setObjectName("addLane");
    add->setText(tr("+ Lane"));
    add->setToolTip(tr("Add a controller lane"));
    add->setAutoRaise(true);
    add->setPopupMode(QToolButton::InstantPopup);
    add->setMenu(laneMenu([this](std::optional<model::Lane> lane) { addLane(lane); }));
    layout->addWidget(add, 0, Qt::AlignLeft);
    addLane(std::nullopt);
}

QMenu* ControllerLanes::laneMenu(const std::function<void(std::optional<model::Lane>)>& chosen)
{
    auto* menu = new QMenu(this);
    menu->addAction(ControllerLane::laneTitle(std::nullopt), this,
                    [chosen] { chosen(std::nullopt); });
    for (int cc : {1, 7, 10, 11, 64, 74, 91, 93})
        menu->addAction(ControllerLane::laneTitle(model::Lane{model::Lane::Kind::Controller, cc}),
                        this, [chosen, cc] {
                            chosen(model::Lane{model::Lane::Kind::Controller, cc});
                        });
    menu->addAction(ControllerLane::laneTitle(model::Lane{model::Lane::Kind::PitchBend, 0}), this,
                    [chosen] {
                        chosen(model::Lane{model::Lane::Kind::PitchBend, 0});
                    });
    menu->addAction(ControllerLane::laneTitle(model::Lane{model::Lane::Kind::ChannelPressure, 0}),
                    this, [chosen] {
                        chosen(model::Lane{model::Lane::Kind::ChannelPressure, 0});
                    });
    menu->addAction(tr("Other CC..."), this, [this, chosen] {
        bool ok = false;
        const int cc = QInputDialog::getInt(this, tr("Controller lane"),
                                            tr("Controller number (0-127):"), 2, 0, 127, 1, &ok);
        if (ok) chosen(model::Lane{model::Lane::Kind::Controller, cc});
    });
    return menu;
}

ControllerLane* ControllerLanes::addLane(std::optional<model::Lane> kind)
{
    return insertLane(m_splitter->count(), kind);
}

ControllerLane* ControllerLanes::insertLane(int index, std::optional<model::Lane> kind)
{
    ControllerLane* lane = ControllerLane::create(*m_state, kind, m_splitter);
    m_splitter->insertWidget(index, lane);
    connect(lane, &ControllerLane::removeRequested, this, &ControllerLanes::removeLane);
    connect(lane, &ControllerLane::laneChangeRequested, this, [this](ControllerLane* l) {
        QPointer<ControllerLane> target(l);
        QMenu* menu = laneMenu([this, target](std::optional<model::Lane> k) {
            if (target) changeLane(target, k);
        });
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(QCursor::pos());
    });
    return lane;
}

ControllerLane* ControllerLanes::changeLane(ControllerLane* lane, std::optional<model::Lane> kind)
{
    if (auto* points = qobject_cast<PointLane*>(lane); points && kind) {
        points->setLane(*kind);
        return points;
    }
    if (!kind && qobject_cast<VelocityLane*>(lane)) return lane;
    ControllerLane* replacement =
        insertLane(m_splitter->indexOf(lane), kind); // velocity <-> points
    replacement->setLineMode(lane->lineMode());
    removeLane(lane);
    return replacement;
}

void ControllerLanes::removeLane(ControllerLane* lane)
{
    lane->hide();
    lane->deleteLater();
}

std::vector<ControllerLane*> ControllerLanes::lanes() const
{
    std::vector<ControllerLane*> out;
    for (int i = 0; i < m_splitter->count(); ++i)
        if (auto* lane = qobject_cast<ControllerLane*>(m_splitter->widget(i));
            lane && !lane->isHidden())
            out.push_back(lane);
    return out;
}

QStringList ControllerLanes::laneKeys() const
{
    QStringList keys;
    for (ControllerLane* lane : lanes())
        keys << keyOf(lane->lane());
    return keys;
}

void ControllerLanes::setLaneKeys(const QStringList& keys)
{
    std::vector<std::optional<model::Lane>> wanted;
    for (const QString& key : keys)
        if (auto lane = laneOf(key)) wanted.push_back(*lane);
    if (wanted.empty()) return;
    for (ControllerLane* lane : lanes())
        removeLane(lane);
    for (const auto& lane : wanted)
        addLane(lane);
}

} // namespace pianola::widgets
