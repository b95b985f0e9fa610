// SPDX-License-Identifier: MIT
// The takes panel.
#include "widgets/TakesPanel.h"

#include <algorithm>
#include <map>
#include <optional>
#include <QDateTime>
#include <QDrag>
#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QScrollBar>
#include <QUrl>
#include <QVBoxLayout>
#include <set>

namespace pianola::widgets {

namespace {
enum Column { NameColumn, ChecksColumn, AbColumn, SourceColumn, NotesColumn, ColumnCount };

// "ok    tempo: 78 bpm (asked 78 bpm)": a check as `pianola-cli generate --explain` prints it.
QString checkLine(const model::Check& c)
{
    QString line = (c.pass ? TakesPanel::tr("ok") : TakesPanel::tr("FAIL")) + QStringLiteral("  ") +
                   QString::fromStdString(c.name) + QStringLiteral(": ") +
                   QString::fromStdString(c.measured);
    if (!c.asked.empty())
        line += TakesPanel::tr(" (asked %1)").arg(QString::fromStdString(c.asked));
    return line;
}

QString checkList(const model::Take& take)
{
    QStringList lines;
    for (const model::Check& c : take.checks)
        lines << checkLine(c);
    return lines.join(QLatin1Char('\n'));
}
} // namespace

TakesPanel::TakesPanel(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName("takes");
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Take"), tr("Checks"), tr("A/B"), tr("From"), tr("Notes")});
    header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c : {ChecksColumn, AbColumn, NotesColumn})
        header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    // The source ("pianola-theory-1") gives way to the take's name (elided, full in its tooltip).
    header()->setSectionResizeMode(SourceColumn, QHeaderView::Interactive);
    header()->resizeSection(SourceColumn, 52);
    header()->setStretchLastSection(false);
    setRootIsDecorated(true);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!m_filling && takeOf(item) != 0) emit takeActivated(takeOf(item));
    });
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item, int column) {
        if (column == ChecksColumn && !item->data(ChecksColumn, Qt::UserRole).toString().isEmpty())
            showChecks(item);
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
        if (takeOf(*it) == id) return *it;
    return nullptr;
}

namespace {
// The group a take belongs to: the chat reply that made it (one group per request, even when two
// requests have the same words), else its prompt, else imported or the user's own takes.
struct GroupKey
{
    std::string key, title;
};

std::map<model::TakeId, std::size_t> replyOfTake(const model::Project& project)
{
    std::map<model::TakeId, std::size_t> out;
    for (std::size_t m = 0; m < project.chat.size(); ++m)
        for (model::TakeId id : project.chat[m].takes)
            out.emplace(id, m);
    return out;
}

GroupKey groupOf(const model::Take& take, const std::map<model::TakeId, std::size_t>& replies)
{
    const model::Provenance& p = take.provenance;
    if (auto it = replies.find(take.id); it != replies.end())
        return {"reply " + std::to_string(it->second), p.prompt};
    if (!p.prompt.empty()) return {"prompt " + p.prompt, p.prompt};
    if (p.provider == "import") return {"import", TakesPanel::tr("Imported").toStdString()};
    return {"user", TakesPanel::tr("Your takes").toStdString()};
}

// "Darker ← gpt-4o-mini 2/4 ← song.mid": the takes this one was made from, nearest first.
QString chainOf(const model::Project& project, model::TakeId parentId)
{
    QStringList names;
    std::set<model::TakeId> seen;
    for (std::optional<model::TakeId> id = parentId;
         id && names.size() < 8 && seen.insert(*id).second;) {
        const model::Take* parent = project.findTake(*id);
        if (!parent) {
            names << TakesPanel::tr("a deleted take");
            break;
        }
        names << QString::fromStdString(parent->name);
        id = parent->provenance.parentTake;
    }
    return names.join(QStringLiteral(" ← "));
}

// A UTC ISO stamp as the user's local date and time.
QString localTime(const std::string& isoUtc)
{
    const QDateTime utc = QDateTime::fromString(QString::fromStdString(isoUtc), Qt::ISODate);
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat)
                         : QString::fromStdString(isoUtc);
}

QString tooltipOf(const model::Project& project, const model::Take& take)
{
    const model::Provenance& p = take.provenance;
    QStringList tip;
    tip << TakesPanel::tr("Take: %1").arg(QString::fromStdString(take.name));
    if (!p.prompt.empty())
        tip << TakesPanel::tr("Prompt: %1").arg(QString::fromStdString(p.prompt));
    tip << TakesPanel::tr("Provider: %1").arg(QString::fromStdString(p.provider));
    if (!p.model.empty()) tip << TakesPanel::tr("Model: %1").arg(QString::fromStdString(p.model));
    if (p.seed) tip << TakesPanel::tr("Seed: %1").arg(static_cast<qulonglong>(*p.seed));
    if (p.parentTake) tip << TakesPanel::tr("Made from: %1").arg(chainOf(project, *p.parentTake));
    if (!p.createdUtc.empty()) tip << TakesPanel::tr("Created: %1").arg(localTime(p.createdUtc));
    return tip.join(QLatin1Char('\n'));
}
} // namespace

void TakesPanel::fillItem(QTreeWidgetItem* item, const model::Project& project,
                          const model::Take& take, model::TakeId a, model::TakeId b)
{
    const model::Provenance& p = take.provenance;
    item->setData(NameColumn, Qt::UserRole, QVariant::fromValue<qulonglong>(take.id));
    item->setText(NameColumn, (take.starred ? QStringLiteral("\u2605 ") : QString()) +
                                  QString::fromStdString(take.name));
    item->setText(AbColumn, take.id == a   ? QStringLiteral("A")
                            : take.id == b ? QStringLiteral("B")
                                           : QString());
    item->setText(SourceColumn, p.model.empty() ? QString::fromStdString(p.provider)
                                                : QString::fromStdString(p.model));
    item->setText(NotesColumn, QString::number(take.plan.noteCount()));
    fillChecks(item, take);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    const QString tip = tooltipOf(project, take);
    for (int c = 0; c < columnCount(); ++c)
        item->setToolTip(c, tip);
    if (!take.checks.empty()) item->setToolTip(ChecksColumn, checkList(take));
}

// When the takes and their groups are the ones already shown (a take was activated, renamed,
// starred or edited), the rows are updated in place: the list keeps its scroll position and the
// row under the mouse stays the row that was clicked. Only a new shape rebuilds the tree.
void TakesPanel::setProject(const model::Project& project, model::TakeId a, model::TakeId b)
{
    m_filling = true;
    const auto replies = replyOfTake(project);
    std::vector<std::pair<std::string, model::TakeId>> shape;
    for (const model::Take& take : project.takes)
        shape.emplace_back(groupOf(take, replies).key, take.id);
    const int scroll = verticalScrollBar()->value();
    if (shape != m_shape) {
        rebuild(project, replies);
        m_shape = std::move(shape);
    }
    QTreeWidgetItem* current = nullptr;
    for (const model::Take& take : project.takes)
        if (QTreeWidgetItem* item = itemFor(take.id)) {
            fillItem(item, project, take, a, b);
            if (take.id == project.activeTake) current = item;
        }
    if (current && current != currentItem())
        setCurrentItem(current, NameColumn,
                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    verticalScrollBar()->setValue(scroll);
    if (current) scrollToItem(current, QAbstractItemView::EnsureVisible);
    m_filling = false;
}

void TakesPanel::rebuild(const model::Project& project,
                         const std::map<model::TakeId, std::size_t>& replies)
{
    clear();
    std::map<std::string, QTreeWidgetItem*> groups;
    for (const model::Take& take : project.takes) {
        const GroupKey g = groupOf(take, replies);
        QTreeWidgetItem*& group = groups[g.key];
        if (!group) {
            group = new QTreeWidgetItem(this);
            group->setText(NameColumn, QString::fromStdString(g.title));
            group->setToolTip(NameColumn, group->text(NameColumn));
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
            QFont bold = group->font(NameColumn);
            bold.setBold(true);
            group->setFont(NameColumn, bold);
        }
        auto* item = new QTreeWidgetItem(group);
        item->setData(NameColumn, Qt::UserRole, QVariant::fromValue<qulonglong>(take.id));
    }
    expandAll();
}

// The checklist badge: "9/10" (what was asked and how much of it the notes do), green when
// everything passes; its tooltip and a click show the list, failures first as measured.
void TakesPanel::fillChecks(QTreeWidgetItem* item, const model::Take& take)
{
    const auto passed = std::count_if(take.checks.begin(), take.checks.end(),
                                      [](const model::Check& c) { return c.pass; });
    const bool any = !take.checks.empty();
    item->setText(ChecksColumn,
                  any ? QStringLiteral("%1/%2").arg(passed).arg(take.checks.size()) : QString());
    item->setData(ChecksColumn, Qt::UserRole, checkList(take));
    item->setForeground(ChecksColumn, passed == qsizetype(take.checks.size())
                                          ? QColor(0x2e, 0x9e, 0x48)
                                          : QColor(0xd0, 0x7a, 0x10));
    item->setTextAlignment(ChecksColumn, Qt::AlignCenter);
}

void TakesPanel::showChecks(QTreeWidgetItem* item)
{
    delete m_checksPopup;
    auto* popup = new QFrame(this, Qt::Popup);
    popup->setObjectName("takeChecks");
    popup->setAttribute(Qt::WA_DeleteOnClose);
    popup->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(popup);
    auto* title = new QLabel(
        tr("%1: %2 checks pass").arg(item->text(NameColumn), item->text(ChecksColumn)), popup);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    auto* list = new QLabel(item->data(ChecksColumn, Qt::UserRole).toString(), popup);
    list->setObjectName("takeChecksList");
    list->setTextFormat(Qt::PlainText);
    list->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(list);
    m_checksPopup = popup;
    const QRect cell = visualItemRect(item);
    popup->move(
        viewport()->mapToGlobal(QPoint(columnViewportPosition(ChecksColumn), cell.bottom())));
    popup->show();
}

void TakesPanel::startDrag(Qt::DropActions)
{
    const model::TakeId id = takeOf(currentItem());
    if (!id || !m_exporter) return;
    const QString path = m_exporter(id);
    if (!path.isEmpty()) dragFile(this, path);
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
