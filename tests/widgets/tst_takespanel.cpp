// SPDX-License-Identifier: MIT
// The Takes panel in the main window, clicked like a user (offscreen): a click on a take near the
// bottom of a scrolled list plays that take and highlights that take, and the list does not jump;
// two requests with the same words keep a group each.
#include "app/ChatController.h"
#include "app/MainWindow.h"
#include "widgets/TakesPanel.h"

#include <QFileInfo>
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
    QCOMPARE(QFileInfo(w.exportForDrag(takes[2].id)).fileName(), QStringLiteral("lofi-am-78bpm-take3.mid"));
    const QString trap = w.exportForDrag(takes[4].id);
    QCOMPARE(QFileInfo(trap).fileName(), QStringLiteral("trap-fsharpm-140bpm-take5.mid"));
    QVERIFY(QFileInfo(trap).size() > 100);
}

QTEST_MAIN(TestTakesPanel)
#include "tst_takespanel.moc"
