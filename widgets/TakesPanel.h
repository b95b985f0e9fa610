// SPDX-License-Identifier: MIT
// The takes panel: takes grouped by the request that made them, with name, star, A/B marks,
// provider and provenance; click to play a take, drag one out as a .mid file.
#pragma once

#include "model/Project.h"

#include <functional>
#include <map>
#include <QPointer>
#include <QTreeWidget>
#include <string>
#include <utility>
#include <vector>

namespace pianola::widgets {

class TakesPanel : public QTreeWidget
{
    Q_OBJECT
public:
    explicit TakesPanel(QWidget* parent = nullptr);
    void setProject(const model::Project& project, model::TakeId a, model::TakeId b);
    /// Writes a take to a temporary .mid for dragging out; returns its path (empty on failure).
    void setDragExporter(std::function<QString(model::TakeId)> exporter)
    {
        m_exporter = std::move(exporter);
    }
    /// The take of an item (0 for a group row).
    static model::TakeId takeOf(const QTreeWidgetItem* item);
    QTreeWidgetItem* itemFor(model::TakeId id) const;
    /// Drags the file at `path` out of `source` (into a DAW or a file manager) as a copy.
    static void dragFile(QWidget* source, const QString& path);
    /// The checklist popup of the take row `item` (what a click on its "9/10" badge opens).
    void showChecks(QTreeWidgetItem* item);
    QWidget* checksPopup() const { return m_checksPopup; }

signals:
    void takeActivated(pianola::model::TakeId id);
    void takeMenuRequested(pianola::model::TakeId id, const QPoint& globalPos);

protected:
    void startDrag(Qt::DropActions actions) override;

private:
    void rebuild(const model::Project& project,
                 const std::map<model::TakeId, std::size_t>& replies);
    void fillItem(QTreeWidgetItem* item, const model::Project& project, const model::Take& take,
                  model::TakeId a, model::TakeId b);
    void fillChecks(QTreeWidgetItem* item, const model::Take& take);

    std::vector<std::pair<std::string, model::TakeId>> m_shape; ///< (group, take) rows shown
    std::function<QString(model::TakeId)> m_exporter;
    bool m_filling = false;
    QPointer<QWidget> m_checksPopup;
};

} // namespace pianola::widgets
