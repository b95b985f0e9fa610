// SPDX-License-Identifier: MIT
// The editor driven like a user (QTest mouse and keys, offscreen): draw a note at bar 2 on C4,
// move it, resize it, change its velocity in the lane, draw a CC ramp, undo everything step by
// step back to empty, redo; save, reopen and compare; recovery after a simulated crash.
#include "app/MainWindow.h"
#include "app/RecoveryFiles.h"
#include "model/GeneralMidi.h"
#include "widgets/ControllerLanes.h"
#include "widgets/InstrumentBox.h"
#include "widgets/PianoRollView.h"
#include "widgets/TrackList.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

using namespace pianola;

namespace {
// Answers the next message box with `button`.
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible())
                box->button(button)->click();
    });
}

// Clicks the button named `text` (without its '&') in the next "Recover" dialog (within 3 s);
// returns the titles of the recover dialogs seen.
std::shared_ptr<QStringList> answerRecoverDialog(const QString& text)
{
    auto titles = std::make_shared<QStringList>();
    auto* timer = new QTimer(qApp); // the application frees it if the test ends first
    timer->setInterval(5);
    QObject::connect(timer, &QTimer::timeout, [timer, text, titles] {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(w);
            if (!box || !box->isVisible() || !box->windowTitle().contains(QLatin1String("Recover")))
                continue;
            titles->append(box->windowTitle());
            for (QAbstractButton* b : box->buttons())
                if (b->text().remove(QLatin1Char('&')) == text) b->click();
            timer->deleteLater();
            return;
        }
    });
    timer->start();
    QTimer::singleShot(3000, timer, &QObject::deleteLater); // no dialog came
    return titles;
}

struct Editor
{
    app::MainWindow window;
    widgets::PianoRollView* roll() { return window.pianoRoll(); }
    widgets::EditorState* state() { return window.editorState(); }
    QWidget* viewport() { return roll()->viewport(); }
    const model::Track& track() { return window.plan().tracks.at(0); }
    QPoint at(model::Tick tick, int key)
    {
        return QPoint(
            static_cast<int>(std::lround(state()->view().tickToX(static_cast<double>(tick)))) + 1,
            static_cast<int>(roll()->keyToY(key)) + roll()->rowHeight() / 2);
    }
    void show()
    {
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        state()->view().setHorizontalView(0, 8); // 480 ticks = 60 px
        roll()->centreOnKey(60);
    }
    void drag(QWidget* w, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = {})
    {
        QTest::mousePress(w, Qt::LeftButton, modifiers, from);
        QTest::mouseMove(w, (from + to) / 2);
        QTest::mouseMove(w, to);
        QTest::mouseRelease(w, Qt::LeftButton, modifiers, to);
    }
};
} // namespace

class TestEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { QDir(app::RecoverySlot::folder()).removeRecursively(); }
    void drawMoveResizeVelocityRampUndoRedo();
    void saveAndReopen();
    void recoveryAfterCrash();
    void recoveryKeptUntilChosen();
    void liveInstanceFileNotOffered();
    void keysAndNoteFunctions();
    void trackSettingsAreUndoable();
    void shortcutsAreListed();
    void longNotesFromBeforeTheViewAreDrawn();
    void newProjectOpensOnEightBarsAroundMiddleC();
    void shortNotesMoveByTheirBody();
    void instrumentsAreGroupedAndSearchable();
    void undoSelectsTheNotesItRestores();
};

void TestEditor::drawMoveResizeVelocityRampUndoRedo()
{
    Editor e;
    e.show();
    const model::Project empty = e.window.document()->project();
    QVERIFY(e.track().notes.empty());

    // Draw: bar 2 (tick 1920 at 480 ppq, 4/4) on C4 (key 60) with the Draw tool.
    e.state()->context().setTool(widgets::Tool::Draw);
    QTest::mouseClick(e.viewport(), Qt::LeftButton, {}, e.at(1920 + 30, 60));
    QCOMPARE(e.track().notes.size(), std::size_t(1));
    model::Note note = e.track().notes[0];
    QCOMPARE(note.startTick, model::Tick(1920)); // snapped down to the 1/16 grid
    QCOMPARE(int(note.key), 60);
    QCOMPARE(note.lengthTicks, e.state()->context().lastLength());

    // Move: one beat later, two semitones up, with the Select tool.
    e.state()->context().setTool(widgets::Tool::Select);
    e.drag(e.viewport(), e.at(note.startTick + 60, 60), e.at(note.startTick + 60 + 480, 62));
    note = e.track().notes.at(0);
    QCOMPARE(note.startTick, model::Tick(2400));
    QCOMPARE(int(note.key), 62);

    // Resize from the right edge by one beat.
    const model::Tick oldLength = note.lengthTicks;
    e.drag(e.viewport(), e.at(note.endTick(), 62) - QPoint(2, 0),
           e.at(note.endTick() + 480, 62) - QPoint(2, 0));
    note = e.track().notes.at(0);
    QCOMPARE(note.lengthTicks, oldLength + 480);
    QCOMPARE(note.startTick, model::Tick(2400));

    // Velocity in the velocity lane: drag the stem down to about 40.
    widgets::ControllerLane* velocity = e.window.controllerLanes()->lanes().at(0);
    QVERIFY(!velocity->lane());
    const int x =
        widgets::PianoRollView::kGutterWidth + static_cast<int>(e.state()->view().tickToX(2400.0));
    const double plotTop = 4, plotHeight = velocity->height() - 8;
    const int y40 = static_cast<int>(plotTop + plotHeight * (1.0 - 39.0 / 126.0));
    e.drag(velocity, QPoint(x, 10), QPoint(x, y40));
    QVERIFY2(std::abs(e.track().notes.at(0).velocity - 40) <= 2,
             qPrintable(QString::number(e.track().notes.at(0).velocity)));

    // A CC 1 ramp drawn with the line tool over bar 1, rising.
    widgets::ControllerLane* mod =
        e.window.controllerLanes()->addLane(model::Lane{model::Lane::Kind::Controller, 1});
    // The new lane takes its height when the splitter lays out; under load that can come later
    // than one short wait. Press only once the height has held for a while, or the press point
    // (height - 5) maps to another value than the release uses.
    QTRY_VERIFY(mod->height() > 30);
    for (int stable = 0, last = mod->height(), tries = 0; stable < 3 && tries < 100; ++tries) {
        QTest::qWait(20);
        stable = mod->height() == last ? stable + 1 : 0;
        last = mod->height();
    }
    e.state()->context().setTool(widgets::Tool::Draw);
    const int x0 = widgets::PianoRollView::kGutterWidth + 1,
              x1 = widgets::PianoRollView::kGutterWidth +
                   static_cast<int>(e.state()->view().tickToX(1920.0));
    e.drag(mod, QPoint(x0, mod->height() - 5), QPoint(x1, 5), Qt::ControlModifier);
    const auto points = model::lanePoints(e.track(), model::Lane{model::Lane::Kind::Controller, 1});
    QVERIFY2(points.size() >= 8, qPrintable(QString::number(points.size())));
    QVERIFY2(points.front().value <= 5, qPrintable(QStringLiteral("first value %1, lane height %2")
                                                       .arg(points.front().value)
                                                       .arg(mod->height())));
    QVERIFY(points.back().value >= 120);
    for (std::size_t i = 1; i < points.size(); ++i)
        QVERIFY(points[i].value >= points[i - 1].value && points[i].tick > points[i - 1].tick);

    // Five gestures, five undo steps; undo them one by one back to the empty project.
    QUndoStack* undo = e.window.document()->undoStack();
    QCOMPARE(undo->count(), 5);
    const model::Project edited = e.window.document()->project();
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(&e.window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(e.window.document()->project(), empty);
    QVERIFY(!e.window.document()->isModified());
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(&e.window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(e.window.document()->project(), edited);
}

void TestEditor::saveAndReopen()
{
    QTemporaryDir dir;
    Editor e;
    e.show();
    e.state()->context().setTool(widgets::Tool::Draw);
    for (int i = 0; i < 4; ++i)
        QTest::mouseClick(e.viewport(), Qt::LeftButton, {}, e.at(i * 480 + 10, 60 + i * 2));
    QCOMPARE(e.track().notes.size(), std::size_t(4));
    const QString path = dir.filePath("song.pianola");
    QVERIFY(e.window.document()->save(path));
    QVERIFY(!e.window.document()->isModified());
    Editor other;
    QVERIFY(other.window.openFile(path));
    QCOMPARE(other.window.document()->project(), e.window.document()->project());
    QCOMPARE(other.window.document()->path(), path);
    // Export the active take and read it back as notes.
    const QString mid = dir.filePath("song.mid");
    QVERIFY(e.window.document()->exportTake(mid));
    Editor imported;
    QVERIFY(imported.window.openFile(mid));
    QCOMPARE(imported.window.plan().noteCount(), 4);
}

// An editor that autosaved and then ended without a clean close (like kill -9): its recovery
// file stays on disk, unlocked. Returns that file.
static QString crashAfterOneNote(model::Project* before = nullptr)
{
    auto* crashed = new Editor;
    crashed->show();
    crashed->window.document()->setAutosaveDelay(20);
    crashed->state()->context().setTool(widgets::Tool::Draw);
    QTest::mouseClick(crashed->viewport(), Qt::LeftButton, {}, crashed->at(960, 67));
    [&] { QTRY_VERIFY(crashed->window.document()->hasRecovery()); }(); // autosave after 20 ms idle
    const QString file = crashed->window.document()->recoveryPath();
    if (before) *before = crashed->window.document()->project();
    crashed->window.hide();
    delete crashed; // no closeEvent: like a crash, the recovery file stays
    return file;
}

void TestEditor::recoveryAfterCrash()
{
    model::Project before;
    const QString file = crashAfterOneNote(&before);
    QVERIFY(QFileInfo::exists(file));
    Editor next;
    const auto titles = answerRecoverDialog(QStringLiteral("Restore"));
    QVERIFY(next.window.offerRecovery());
    QCOMPARE(*titles, QStringList{QStringLiteral("Recover unsaved work - Pianola")});
    QCOMPARE(next.window.document()->project(), before);
    QVERIFY(next.window.document()->isModified());
    // The restored work's file is now this window's recovery file: still on disk.
    QCOMPARE(next.window.document()->recoveryPath(), file);
    QVERIFY(QFileInfo::exists(file));
    // A clean close (discarding) removes the recovery file.
    answerNextMessageBox(QMessageBox::Discard);
    QVERIFY(next.window.close());
    QVERIFY(!QFileInfo::exists(file));
}

// Escape ("Keep for later") and a clean quit keep the file: the next start offers it again;
// Discard deletes it.
void TestEditor::recoveryKeptUntilChosen()
{
    const QString file = crashAfterOneNote();
    {
        Editor next;
        answerRecoverDialog(QStringLiteral("Keep for later"));
        QVERIFY(!next.window.offerRecovery());
        QVERIFY(QFileInfo::exists(file));
        QVERIFY(next.window.close()); // nothing changed here: no question
        QVERIFY(QFileInfo::exists(file));
    }
    Editor again;
    const auto titles = answerRecoverDialog(QStringLiteral("Discard"));
    QVERIFY(!again.window.offerRecovery());
    QCOMPARE(titles->size(), 1);
    QVERIFY(!QFileInfo::exists(file));
}

// Two windows: the first one's autosave is never offered by (or deleted with) the second.
void TestEditor::liveInstanceFileNotOffered()
{
    Editor first;
    first.show();
    first.window.document()->setAutosaveDelay(20);
    first.state()->context().setTool(widgets::Tool::Draw);
    QTest::mouseClick(first.viewport(), Qt::LeftButton, {}, first.at(0, 60));
    QTRY_VERIFY(first.window.document()->hasRecovery());
    {
        Editor second;
        second.show();
        second.window.document()->setAutosaveDelay(20);
        second.state()->context().setTool(widgets::Tool::Draw);
        QTest::mouseClick(second.viewport(), Qt::LeftButton, {}, second.at(480, 62));
        QTRY_VERIFY(second.window.document()->hasRecovery());
        QVERIFY(second.window.document()->recoveryPath() !=
                first.window.document()->recoveryPath());
        const auto titles = answerRecoverDialog(QStringLiteral("Discard"));
        QVERIFY(!second.window.offerRecovery());
        QVERIFY2(titles->isEmpty(), "a live window's recovery file was offered");
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(second.window.close());
        QVERIFY(!QFileInfo::exists(second.window.document()->recoveryPath()));
    }
    QVERIFY(first.window.document()->hasRecovery());
}

void TestEditor::keysAndNoteFunctions()
{
    Editor e;
    e.show();
    e.state()->context().setTool(widgets::Tool::Draw);
    QTest::mouseClick(e.viewport(), Qt::LeftButton, {}, e.at(0, 60));
    QTest::mouseClick(e.viewport(), Qt::LeftButton, {}, e.at(480, 64));
    e.roll()->setFocus();
    QTest::keyClick(e.viewport(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(e.state()->selection().ids().size(), std::size_t(2));
    QTest::keyClick(e.roll(), Qt::Key_Up, Qt::ShiftModifier); // an octave up
    QCOMPARE(int(e.track().notes[0].key), 72);
    QTest::keyClick(e.roll(), Qt::Key_Right); // one grid step (1/16 = 120 ticks) later
    QCOMPARE(e.track().notes[0].startTick, model::Tick(120));
    QTest::keyClick(e.roll(), Qt::Key_D, Qt::ControlModifier); // duplicate after the selection
    QCOMPARE(e.track().notes.size(), std::size_t(4));
    // Humanize-like drift, then Q puts everything back on the grid.
    const auto notes = e.track().notes;
    std::vector<model::Note> off = notes;
    for (auto& n : off)
        n.startTick += 37;
    QVERIFY(e.window.document()->submit(model::NotesEdit{e.state()->context().take(),
                                                         e.state()->context().currentTrackId(),
                                                         notes, off},
                                        "drift"));
    e.state()->selection().set({});
    QTest::keyClick(&e.window, Qt::Key_Q);
    for (const auto& n : e.track().notes)
        QCOMPARE(n.startTick % 120, model::Tick(0));
    QTest::keyClick(e.roll(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(e.roll(), Qt::Key_Delete);
    QVERIFY(e.track().notes.empty());
}

void TestEditor::trackSettingsAreUndoable()
{
    Editor e;
    e.show();
    auto* table = e.window.trackList()->table();
    auto* mute = qobject_cast<QToolButton*>(table->cellWidget(0, widgets::TrackList::MuteColumn));
    QVERIFY(mute);
    mute->click();
    QVERIFY(e.track().muted);
    QTest::keyClick(&e.window, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!e.track().muted);
    e.window.trackList()->changeTrack(
        0, [](model::TrackSettings& s) { s.program = 33; }, "bass");
    QCOMPARE(e.track().program, 33);
}

void TestEditor::shortcutsAreListed()
{
    Editor e;
    const QString all = e.window.shortcutList().join('\n');
    for (const char* expected : {"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+D", "Ctrl+C", "Ctrl+X", "Ctrl+V",
                                 "Del", "Shift+Up", "Space", "Q"})
        QVERIFY2(all.contains(QLatin1String(expected)), expected);
}

void TestEditor::longNotesFromBeforeTheViewAreDrawn()
{
    Editor e;
    e.show();
    // A 16-bar note from tick 0 and, to make the search window matter, many short notes later.
    std::vector<model::Note> notes{{0, 16 * 1920, 1, 60, 127}};
    for (model::NoteId i = 0; i < 2000; ++i)
        notes.push_back({1920 + model::Tick(i) * 30, 20, i + 2, 72, 100});
    QVERIFY(e.window.document()->submit(
        model::NotesEdit{
            e.state()->context().take(), e.state()->context().currentTrackId(), {}, notes},
        "notes"));
    e.state()->view().setHorizontalView(8 * 1920,
                                        8); // the view starts at bar 9, inside the long note
    const QImage before = e.viewport()->grab().toImage();
    const QPoint inside = e.at(9 * 1920, 60);
    const QRgb background = before.pixel(e.at(9 * 1920, 62));
    QVERIFY(before.pixel(inside) != background);
    // Undo: the row is empty again.
    QTest::keyClick(&e.window, Qt::Key_Z, Qt::ControlModifier);
    const QImage after = e.viewport()->grab().toImage();
    QCOMPARE(after.pixel(inside), after.pixel(e.at(9 * 1920, 62)));
}

// A new window frames 8 bars and the keys C3..C5, as a DAW's empty clip does (it showed 121 bars
// from C0 because the framing ran before the window had its size).
void TestEditor::newProjectOpensOnEightBarsAroundMiddleC()
{
    app::MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    widgets::PianoRollView* roll = window.pianoRoll();
    const double visibleTicks =
        roll->viewport()->width() * window.editorState()->view().ticksPerPixel();
    const double bar = 4.0 * window.plan().ppq;
    QVERIFY2(visibleTicks >= 8 * bar && visibleTicks <= 8.5 * bar,
             qPrintable(QString::number(visibleTicks / bar)));
    QVERIFY(roll->keyToY(72) >= 0);                                              // C5 on screen
    QVERIFY(roll->keyToY(48) + roll->rowHeight() <= roll->viewport()->height()); // and C3
}

// A 1/16 note 15 px wide moves when dragged a quarter of the way in (it was resized from its start
// edge: 5 px at each end left 5 px to grab); only its last pixels resize it.
void TestEditor::shortNotesMoveByTheirBody()
{
    Editor e;
    e.show();
    e.state()->view().setHorizontalView(0, 8); // 1/16 = 120 ticks = 15 px
    QVERIFY(e.window.document()->submit(
        model::NotesEdit{
            e.state()->context().take(), e.track().id, {}, {model::Note{960, 120, 1, 60, 100, 64}}},
        "note"));
    const QPoint middle(static_cast<int>(e.state()->view().tickToX(960 + 32)), e.at(960, 60).y());
    e.drag(e.viewport(), middle, middle + QPoint(60, -2 * e.roll()->rowHeight()));
    QCOMPARE(e.track().notes.size(), std::size_t(1));
    QCOMPARE(e.track().notes.front().lengthTicks, model::Tick(120));     // not resized
    QCOMPARE(e.track().notes.front().startTick, model::Tick(960 + 480)); // moved a beat
    QCOMPARE(e.track().notes.front().key, 62);                           // two rows up
}

// Undo of a move selects the moved notes at their old place, undo of a delete selects the
// notes it brings back (the selection was empty after both, so the next edit had nothing to act
// on).
void TestEditor::undoSelectsTheNotesItRestores()
{
    Editor e;
    e.show();
    QVERIFY(e.window.document()->submit(
        model::NotesEdit{e.state()->context().take(),
                         e.track().id,
                         {},
                         {model::Note{0, 240, 1, 60, 100}, model::Note{480, 240, 2, 64, 100},
                          model::Note{960, 240, 3, 67, 100}}},
        "notes"));
    e.state()->selection().set({1, 2});
    e.roll()->setFocus();
    QTest::keyClick(e.roll(), Qt::Key_Right);
    QCOMPARE(e.track().notes.at(0).startTick, model::Tick(120));
    QTest::keyClick(e.roll(), Qt::Key_Escape);
    QVERIFY(e.state()->selection().ids().empty());
    QTest::keyClick(&e.window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(e.track().notes.at(0).startTick, model::Tick(0));
    QCOMPARE(e.state()->selection().ids(), (std::unordered_set<model::NoteId>{1, 2}));
    e.state()->selection().set({3});
    QTest::keyClick(e.roll(), Qt::Key_Delete);
    QCOMPARE(e.track().notes.size(), std::size_t(2));
    QVERIFY(e.state()->selection().ids().empty());
    QTest::keyClick(&e.window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(e.track().notes.size(), std::size_t(3));
    QCOMPARE(e.state()->selection().ids(), (std::unordered_set<model::NoteId>{3}));
}

// The instrument chooser: 16 family headings over the 128 programs, and typing a name picks it
// (one undo step).
void TestEditor::instrumentsAreGroupedAndSearchable()
{
    Editor e;
    e.show();
    auto* box = qobject_cast<widgets::InstrumentBox*>(
        e.window.trackList()->table()->cellWidget(0, widgets::TrackList::ProgramColumn));
    QVERIFY(box);
    QCOMPARE(box->count(), 128 + 16);
    QCOMPARE(box->itemText(0), QStringLiteral("Piano"));
    QVERIFY(!box->itemData(0).isValid());
    QCOMPARE(box->itemText(9), QStringLiteral("Chromatic Percussion"));
    QCOMPARE(box->itemText(5 * 9), QStringLiteral("Strings"));
    const int undoSteps = e.window.document()->undoStack()->count();
    e.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&e.window));
    box->lineEdit()->setFocus();
    box->lineEdit()->selectAll();
    QTest::keyClicks(box, "cell"); // a part of the name, then Return (keys go to the focused box)
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(e.track().program, 42); // 43 Cello
    QCOMPARE(e.window.document()->undoStack()->count(), undoSteps + 1);
    // Drum tracks list kits by name.
    widgets::InstrumentBox kits(true, 40);
    QCOMPARE(kits.currentText(), QString::fromStdString(model::gm::drumKitName(40)));
    QVERIFY(kits.count() < 16);
}

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
