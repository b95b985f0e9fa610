// SPDX-License-Identifier: MIT
// The takes panel.
#include "widgets/TakesPanel.h"

#include <QDrag>
#include <QHeaderView>
#include <QMimeData>
#include <QUrl>

#include <map>

namespace pianola::widgets {

namespace {
enum Column { NameColumn, AbColumn, SourceColumn, NotesColumn };
} // namespace

TakesPanel::TakesPanel(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName("takes");
    setColumnCount(4);
    setHeaderLabels({tr("Take"), tr("A/B"), tr("From"), tr("Notes")});
    header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c : {AbColumn, SourceColumn, NotesColumn})
        header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    setRootIsDecorated(true);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!m_filling && takeOf(item) != 0)
            emit takeActivated(takeOf(item));
    });
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (const model::TakeId id = takeOf(itemAt(pos)))
            emit takeMenuRequested(id, viewport()->mapToGlobal(pos));
    });
}

model::TakeId TakesPanel::takeOf(const QTreeWidgetItem* item)
{
    return item ? item->data(NameColumn, Qt::UserRole).toULongLong() : 0;
}

QTreeWidgetItem* TakesPanel::itemFor(model::TakeId id) const
{
    for (QTreeWidgetItemIterator it(const_cast<TakesPanel*>(this)); *it; ++it)
        if (takeOf(*it) == id)
            return *it;
    return nullptr;
}

void TakesPanel::setProject(const model::Project& project, model::TakeId a, model::TakeId b)
{
    m_filling = true;
    clear();
    std::map<std::string, QTreeWidgetItem*> groups;   // by request: the prompt, or the kind of take
    std::vector<std::string> order;
    QTreeWidgetItem* current = nullptr;
    for (const model::Take& take : project.takes) {
        const model::Provenance& p = take.provenance;
        const std::string key = !p.prompt.empty() ? p.prompt : p.provider == "import" ? std::string("\x01import") : std::string("\x01user");
        QTreeWidgetItem*& group = groups[key];
        if (!group) {
            group = new QTreeWidgetItem(this);
            group->setText(NameColumn, key == "\x01import" ? tr("Imported") : key == "\x01user" ? tr("Your takes") : QString::fromStdString(key));
            group->setToolTip(NameColumn, group->text(NameColumn));
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
            QFont bold = group->font(NameColumn);
            bold.setBold(true);
            group->setFont(NameColumn, bold);
        }
        auto* item = new QTreeWidgetItem(group);
        item->setData(NameColumn, Qt::UserRole, QVariant::fromValue<qulonglong>(take.id));
        item->setText(NameColumn, (take.starred ? QStringLiteral("★ ") : QString()) + QString::fromStdString(take.name));
        item->setText(AbColumn, take.id == a ? QStringLiteral("A") : take.id == b ? QStringLiteral("B") : QString());
        item->setText(SourceColumn, p.model.empty() ? QString::fromStdString(p.provider) : QString::fromStdString(p.model));
        item->setText(NotesColumn, QString::number(take.plan.noteCount()));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        const model::Take* parent = p.parentTake ? project.findTake(*p.parentTake) : nullptr;
        QStringList tip;
        if (!p.prompt.empty())
            tip << tr("Prompt: %1").arg(QString::fromStdString(p.prompt));
        tip << tr("Provider: %1").arg(QString::fromStdString(p.provider));
        if (!p.model.empty())
            tip << tr("Model: %1").arg(QString::fromStdString(p.model));
        if (p.seed)
            tip << tr("Seed: %1").arg(static_cast<qulonglong>(*p.seed));
        if (p.parentTake)
            tip << tr("Made from: %1").arg(parent ? QString::fromStdString(parent->name) : tr("a deleted take"));
        if (!p.createdUtc.empty())
            tip << tr("Created: %1").arg(QString::fromStdString(p.createdUtc));
        for (int c = 0; c < columnCount(); ++c)
            item->setToolTip(c, tip.join(QLatin1Char('\n')));
        if (take.id == project.activeTake)
            current = item;
    }
    expandAll();
    if (current)
        setCurrentItem(current);
    m_filling = false;
}

void TakesPanel::startDrag(Qt::DropActions)
{
    const model::TakeId id = takeOf(currentItem());
    if (!id || !m_exporter)
        return;
    const QString path = m_exporter(id);
    if (!path.isEmpty())
        dragFile(this, path);
}

void TakesPanel::dragFile(QWidget* source, const QString& path)
{
    auto* mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(path)});
    auto* drag = new QDrag(source);
    drag->setMimeData(mime);
    drag->exec(Qt::CopyAction);
}

} // namespace pianola::widgets
