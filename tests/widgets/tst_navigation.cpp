// SPDX-License-Identifier: MIT
// The roll a producer expects, driven through the window's keys (offscreen): zoom to fit the
// take, zoom to the selection, keyboard zoom anchored at the selection or the mouse, loop the
// selection (Ctrl+L; Legato moved to Alt+L), a horizontal scrollbar at any zoom, and drum tracks
// showing the pieces in use and the core kit by readable names.
#include "app/MainWindow.h"
#include "widgets/KeyboardGutter.h"
#include "widgets/PianoRollView.h"
#include "widgets/TrackList.h"

#include <QAction>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>

using namespace pianola;

namespace {
struct Window
{
    app::MainWindow window;
    widgets::PianoRollView* roll() { return window.pianoRoll(); }
    widgets::EditorState* state() { return window.editorState(); }
    const model::Track& track() { return window.plan().tracks.at(0); }
    double visibleTicks() { return roll()->viewport()->width() * state()->view().ticksPerPixel(); }
    void show()
    {
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        state()->view().setHorizontalView(0, 8);
        roll()->centreOnKey(60);
    }
    /// Adds `notes` to the first track and selects those with ids in `selected`.
    void add(const std::vector<model::Note>& notes, std::unordered_set<model::NoteId> selected = {})
    {
        QVERIFY(window.document()->submit(
            model::NotesEdit{state()->context().take(), track().id, {}, notes}, "notes"));
        state()->selection().set(std::move(selected));
    }
    bool keyVisible(int key)
    {
        return roll()->keyToY(key) >= 0 &&
               roll()->keyToY(key) + roll()->rowHeight() <= roll()->viewport()->height();
    }
};
constexpr model::Tick kBar = 1920;
} // namespace

class TestNavigation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void zoomToFitFramesTheWholeTake();
    void zoomToSelectionFramesTheSelectedNotes();
    void keyboardZoomKeepsTheSelectionInPlace();
    void keyboardZoomWithoutSelectionKeepsThePointUnderTheMouse();
    void ctrlLLoopsTheSelectionAndAltLIsLegato();
    void theHorizontalScrollBarIsAlwaysThere();
    void aDrumTrackShowsItsPiecesAndTheCoreKit();
};

// Ctrl+0 shows 16 bars of notes across the width, from the start.
void TestNavigation::zoomToFitFramesTheWholeTake()
{
    Window w;
    w.show();
    w.add({{0, 480, 1, 60, 100}, {15 * kBar, kBar, 2, 84, 100}});
    QTest::keyClick(&w.window, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(w.state()->view().leftTick(), 0.0);
    QVERIFY2(w.visibleTicks() >= 16 * kBar && w.visibleTicks() <= 16.5 * kBar,
             qPrintable(QString::number(w.visibleTicks() / kBar)));
}

// Z frames two selected notes at bar 21 (keys 60..67), not the take's other notes.
void TestNavigation::zoomToSelectionFramesTheSelectedNotes()
{
    Window w;
    w.show();
    w.add({{0, 480, 1, 30, 100},
           {20 * kBar, 480, 2, 60, 100},
           {20 * kBar + 960, 960, 3, 67, 100},
           {40 * kBar, 480, 4, 100, 100}},
          {2, 3});
    QTest::keyClick(&w.window, Qt::Key_Z);
    const double from = 20 * kBar, to = 21 * kBar;
    QVERIFY(w.state()->view().leftTick() <= from);
    QVERIFY(w.state()->view().leftTick() + w.visibleTicks() >= to);
    QVERIFY2(w.visibleTicks() <= 2 * (to - from), qPrintable(QString::number(w.visibleTicks())));
    QVERIFY(w.keyVisible(60));
    QVERIFY(w.keyVisible(67));
    QVERIFY(!w.keyVisible(30));
    QVERIFY(!w.keyVisible(100));
}

// Ctrl+= and + zoom about the selected note: it stays at the same x (they zoomed about the
// middle, which scrolled the edited note away).
void TestNavigation::keyboardZoomKeepsTheSelectionInPlace()
{
    Window w;
    w.show();
    w.add({{4 * 480, 240, 1, 60, 100}, {40 * 480, 240, 2, 62, 100}}, {1});
    const double before = w.state()->view().tickToX(4 * 480);
    QTest::keyClick(&w.window, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(w.state()->view().ticksPerPixel() < 8);
    QVERIFY2(std::abs(w.state()->view().tickToX(4 * 480) - before) < 1,
             qPrintable(QString::number(w.state()->view().tickToX(4 * 480))));
    w.roll()->setFocus();
    QTest::keyClick(w.roll(), Qt::Key_Plus);
    QTest::keyClick(w.roll(), Qt::Key_Plus);
    QVERIFY2(std::abs(w.state()->view().tickToX(4 * 480) - before) < 1,
             qPrintable(QString::number(w.state()->view().tickToX(4 * 480))));
    QTest::keyClick(&w.window, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY2(std::abs(w.state()->view().tickToX(4 * 480) - before) < 1,
             qPrintable(QString::number(w.state()->view().tickToX(4 * 480))));
}

void TestNavigation::keyboardZoomWithoutSelectionKeepsThePointUnderTheMouse()
{
    Window w;
    w.show();
    QWidget* vp = w.roll()->viewport();
    const QPoint mouse(100, vp->height() / 2);
    QTest::mouseMove(vp, mouse);
    const double tick = w.state()->view().xToTick(mouse.x());
    w.roll()->setFocus();
    QTest::keyClick(w.roll(), Qt::Key_Plus);
    QVERIFY(w.state()->view().ticksPerPixel() < 8);
    QVERIFY2(std::abs(w.state()->view().xToTick(mouse.x()) - tick) < 8,
             qPrintable(QString::number(w.state()->view().xToTick(mouse.x()))));
}

// Ctrl+L loops the selected notes' span, out to the grid (1/16); Alt+L is Legato now.
void TestNavigation::ctrlLLoopsTheSelectionAndAltLIsLegato()
{
    Window w;
    w.show();
    w.add({{kBar + 30, 200, 1, 60, 100}, {kBar + 960, 100, 2, 64, 100}}, {1, 2});
    QTest::keyClick(&w.window, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(w.state()->view().loopEnabled());
    QCOMPARE(w.state()->view().loopStart(), kBar);
    QCOMPARE(w.state()->view().loopEnd(), kBar + 1080);
    QCOMPARE(w.track().notes.at(0).lengthTicks, model::Tick(200)); // Ctrl+L is no longer Legato
    QTest::keyClick(&w.window, Qt::Key_L, Qt::AltModifier);
    QCOMPARE(w.track().notes.at(0).lengthTicks, model::Tick(930)); // legato: up to the next note
    QVERIFY(
        w.window.shortcutList().join('\n').contains(QLatin1String("Loop the selection\tCtrl+L")));
}

// Zoomed out past the end of the take, the scrollbar is still shown (it hid: nothing to scroll),
// and dragging it scrolls the roll.
void TestNavigation::theHorizontalScrollBarIsAlwaysThere()
{
    Window w;
    w.show();
    for (int i = 0; i < 12; ++i)
        QTest::keyClick(&w.window, Qt::Key_Minus, Qt::ControlModifier);
    QScrollBar* bar = w.roll()->horizontalScrollBar();
    QVERIFY(bar->isVisible());
    QVERIFY(bar->height() >= 8);
    QTest::keyClick(&w.window, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    bar->setValue(bar->maximum());
    QVERIFY(w.state()->view().leftTick() > 0);
}

// On channel 10 the keyboard lists the core kit (kick .. ride: 16 rows) and the pieces in use
// (maracas), with names that fit the keyboard; View > All 47 drum pieces lists every piece.
void TestNavigation::aDrumTrackShowsItsPiecesAndTheCoreKit()
{
    Window w;
    w.show();
    QCOMPARE(w.roll()->rowCount(), 128);
    w.window.trackList()->changeTrack(
        0, [](model::TrackSettings& s) { s.channel = model::gm::kDrumChannel; }, "drums");
    w.add({{0, 120, 1, 36, 100}, {240, 120, 2, 42, 100}, {480, 120, 3, 70, 100}});
    QCOMPARE(w.roll()->rowCount(), 17);
    QCOMPARE(w.roll()->rowKey(0), 70);  // maracas on top
    QCOMPARE(w.roll()->rowKey(16), 36); // the kick at the bottom
    QCOMPARE(w.roll()->keyRow(60), -1); // no bongo row
    QCOMPARE(w.roll()->yToKey(w.roll()->keyToY(42) + 1), 42);
    QVERIFY(w.keyVisible(36) && w.keyVisible(70)); // the whole kit on screen
    auto* gutter = w.roll()->findChild<widgets::KeyboardGutter*>();
    QVERIFY(gutter);
    const QFontMetrics metrics(gutter->labelFont());
    QAction* all = w.window.findChild<QAction*>("allDrumRows");
    QVERIFY(all);
    all->trigger();
    QCOMPARE(w.roll()->rowCount(), 47);
    for (int row = 0; row < w.roll()->rowCount(); ++row) {
        const QString label = widgets::KeyboardGutter::labelFor(w.roll()->rowKey(row), true);
        QVERIFY2(!label.isEmpty() && metrics.horizontalAdvance(label) <= gutter->width() - 5,
                 qPrintable(label));
    }
    all->trigger();
    QCOMPARE(w.roll()->rowCount(), 17);
    QTest::keyClick(&w.window, Qt::Key_Z, Qt::ControlModifier); // the notes go, the core kit stays
    QCOMPARE(w.roll()->rowCount(), 16);
}

QTEST_MAIN(TestNavigation)
#include "tst_navigation.moc"
