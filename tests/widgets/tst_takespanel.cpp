// SPDX-License-Identifier: MIT
// The Takes panel in the main window, clicked like a user (offscreen): a click on a take near the
// bottom of a scrolled list plays that take and highlights that take, and the list does not jump;
// two requests with the same words keep a group each.
#include "app/ChatController.h"
#include "app/MainWindow.h"
#include "widgets/TakesPanel.h"

#include <QFileInfo>
#include <QLabel>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>

using namespace pianola;

class TestTakesPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void clickOnAScrolledListPlaysAndHighlightsThatTake();
    void sameWordsTwiceMakeTwoGroups();
    void draggedTakesHaveShortSafeNames();
    void checklistBadgeOpensTheList();
    void tooltipNamesTheChainInLocalTime();
};

namespace {
void ask(app::MainWindow& w, const char* prompt)
{
    w.chatController()->ask(QString::fromUtf8(prompt));
}
} // namespace

void TestTakesPanel::clickOnAScrolledListPlaysAndHighlightsThatTake()
{
    app::MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    for (const char* p : {"8-bar pop song in C", "house loop in F minor", "jazz ballad in Bb",
                          "lo-fi beat in A minor", "rock song in E", "trap beat in F# minor",
                          "waltz in D major", "ambient piece in G"})
        ask(w, p);
    widgets::TakesPanel* panel = w.takesPanel();
    panel->resize(panel->width(), 240);
    QScrollBar* bar = panel->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0); // the list scrolls
    bar->setValue(bar->maximum());
    const int scrolled = bar->value();

    // The last visible take row, clicked.
    QTreeWidgetItem* target = nullptr;
    for (QTreeWidgetItemIterator it(panel); *it; ++it)
        if (widgets::TakesPanel::takeOf(*it) &&
            panel->visualItemRect(*it).bottom() < panel->viewport()->height())
            target = *it;
    QVERIFY(target);
    const model::TakeId clicked = widgets::TakesPanel::takeOf(target);
    QVERIFY(clicked != w.document()->project().activeTake);
    const QPoint at = panel->visualItemRect(target).center();
    QTest::mouseClick(panel->viewport(), Qt::LeftButton, {}, at);

    QCOMPARE(w.document()->project().activeTake, clicked);                // the roll plays it
    QCOMPARE(widgets::TakesPanel::takeOf(panel->currentItem()), clicked); // the list shows it
    QCOMPARE(panel->selectedItems().size(), 1);
    QCOMPARE(widgets::TakesPanel::takeOf(panel->selectedItems().front()), clicked);
    QCOMPARE(bar->value(), scrolled); // and did not jump
    QCOMPARE(widgets::TakesPanel::takeOf(panel->itemAt(at)), clicked);
}

void TestTakesPanel::sameWordsTwiceMakeTwoGroups()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    ask(w, "8-bar pop song in C");
    ask(w, "house loop in F minor");
    ask(w, "8-bar pop song in C");
    widgets::TakesPanel* panel = w.takesPanel();
    QCOMPARE(panel->topLevelItemCount(), 3);
    QCOMPARE(panel->topLevelItem(0)->text(0), panel->topLevelItem(2)->text(0));
    QCOMPARE(panel->topLevelItem(0)->childCount(), 4);
    QCOMPARE(panel->topLevelItem(2)->childCount(), 4);
}

// The file a take is dragged out as: style, key, tempo and place, in safe ASCII.
void TestTakesPanel::draggedTakesHaveShortSafeNames()
{
    app::MainWindow w;
    ask(w, "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths");
    ask(w, "dark trap beat in F# minor at 140 bpm");
    const auto& takes = w.document()->project().takes;
    QCOMPARE(QFileInfo(w.exportForDrag(takes[2].id)).fileName(),
             QStringLiteral("lofi-am-78bpm-take3.mid"));
    const QString trap = w.exportForDrag(takes[4].id);
    QCOMPARE(QFileInfo(trap).fileName(), QStringLiteral("trap-fsharpm-140bpm-take5.mid"));
    QVERIFY(QFileInfo(trap).size() > 100);
}

// A take made from words carries its checklist: the panel shows "passed/total" beside its name,
// and a click on that badge opens the list, each item measured ("ok  tempo: 78 bpm (asked ...)").
void TestTakesPanel::checklistBadgeOpensTheList()
{
    app::MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    ask(w, "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths");
    widgets::TakesPanel* panel = w.takesPanel();
    const model::TakeId id = w.document()->project().activeTake;
    const model::Take* take = w.document()->project().findTake(id);
    QVERIFY(take && !take->checks.empty());
    QTreeWidgetItem* item = panel->itemFor(id);
    QVERIFY(item);
    const auto passed = std::count_if(take->checks.begin(), take->checks.end(),
                                      [](const model::Check& c) { return c.pass; });
    QCOMPARE(item->text(1), QString("%1/%2").arg(passed).arg(take->checks.size()));
    QVERIFY2(item->toolTip(1).contains("tempo: 78 bpm"), qPrintable(item->toolTip(1)));

    panel->scrollToItem(item);
    const QRect cell = panel->visualItemRect(item);
    QTest::mouseClick(
        panel->viewport(), Qt::LeftButton, {},
        QPoint(panel->columnViewportPosition(1) + panel->columnWidth(1) / 2, cell.center().y()));
    QTRY_VERIFY(panel->checksPopup() && panel->checksPopup()->isVisible());
    auto* list = panel->checksPopup()->findChild<QLabel*>("takeChecksList");
    QVERIFY(list);
    QVERIFY2(list->text().contains("ok  tempo: 78 bpm"), qPrintable(list->text()));
    QCOMPARE(list->text().count('\n') + 1, int(take->checks.size()));
}

// A variation of a variation: its tooltip names the take in full, the chain it was made from
// (nearest first), and when, in local time rather than a UTC ISO stamp.
void TestTakesPanel::tooltipNamesTheChainInLocalTime()
{
    app::MainWindow w;
    w.show();
    ask(w, "8-bar pop song in C");
    const model::Project& project = w.document()->project();
    const model::TakeId song = project.activeTake;
    ask(w, "same but darker");
    const model::TakeId darker = project.activeTake;
    QVERIFY(darker != song);
    ask(w, "same but faster");
    const model::Take* last = project.findTake(project.activeTake);
    QCOMPARE(last->provenance.parentTake, std::optional<model::TakeId>(darker));
    QTreeWidgetItem* item = nullptr;
    for (QTreeWidgetItemIterator it(w.takesPanel()); *it; ++it)
        if (widgets::TakesPanel::takeOf(*it) == last->id) item = *it;
    QVERIFY(item);
    const QString tip = item->toolTip(0);
    QVERIFY2(tip.contains("Take: " + QString::fromStdString(last->name)), qPrintable(tip));
    const QString chain = QString::fromStdString(project.findTake(darker)->name) + " ← " +
                          QString::fromStdString(project.findTake(song)->name);
    QVERIFY2(tip.contains("Made from: " + chain), qPrintable(tip));
    QVERIFY2(!tip.contains(QString::fromStdString(last->provenance.createdUtc)), qPrintable(tip));
    QVERIFY(tip.contains("Created: "));
}

QTEST_MAIN(TestTakesPanel)
#include "tst_takespanel.moc"
