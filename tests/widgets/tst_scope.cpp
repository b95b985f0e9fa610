// SPDX-License-Identifier: MIT
// The chat's scope, Regenerate and locks, driven like a user (offscreen): select notes, drag bars
// on the ruler or click a track and the dock shows the narrowed scope; Regenerate from the Edit
// menu, the track list's menu and the ruler's menu makes a new take that changes only that
// scope; padlocks on tracks and notes are undoable, saved, respected by regeneration, and the
// roll refuses to move or delete locked notes.
#include "../generate/ArrangeChecks.h"
#include "app/ChatController.h"
#include "app/MainWindow.h"
#include "app/ScopeActions.h"
#include "widgets/ChatDock.h"
#include "widgets/EditorState.h"
#include "widgets/PianoRollView.h"
#include "widgets/TimeRuler.h"
#include "widgets/TrackList.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace pianola;

namespace {
constexpr model::Tick kBar = 1920; // 4/4 at 480 ppq

void type(widgets::ChatDock* chat, const char* line)
{
    QTest::keyClicks(chat->input(), line);
    QTest::keyClick(chat->input(), Qt::Key_Return);
}

int trackNamed(const model::Plan& plan, const std::string& name)
{
    for (std::size_t i = 0; i < plan.tracks.size(); ++i)
        if (plan.tracks[i].name == name) return static_cast<int>(i);
    return -1;
}

// Notes starting outside bars from..to (from 1, inclusive) are the same; some inside differ.
bool sameOutside(const model::Track& a, const model::Track& b, int from, int to)
{
    auto outside = [&](const model::Track& t) {
        auto before = arrange::notesInBars(t, kBar, 0, from - 1),
             after = arrange::notesInBars(t, kBar, to, 10000);
        before.insert(before.end(), after.begin(), after.end());
        return before;
    };
    return arrange::sameNotes(outside(a), outside(b));
}

QAction* action(QWidget* window, const char* name)
{
    return window->findChild<QAction*>(QString::fromLatin1(name));
}

struct App
{
    app::MainWindow window;
    widgets::EditorState* state() { return window.editorState(); }
    widgets::PianoRollView* roll() { return window.pianoRoll(); }
    const model::Project& project() { return window.document()->project(); }
    const model::Take& active() { return *project().findTake(project().activeTake); }
    QString status() { return window.statusBar()->currentMessage(); }
    void show()
    {
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
    }
    // An 8-bar take with chords, bass and drums, made through the chat.
    void makeSong()
    {
        type(window.chatDock(),
             "8-bar lo-fi hip hop in A minor at 78 BPM with chords, bass and drums");
        QVERIFY(trackNamed(window.plan(), "Bass") >= 0);
        QVERIFY(trackNamed(window.plan(), "Chords") >= 0);
        QVERIFY(arrange::drums(window.plan()));
    }
    void selectNotesInBars(int track, int from, int to)
    {
        state()->context().setCurrentTrack(track);
        std::unordered_set<model::NoteId> ids;
        for (const model::Note& n : window.plan().tracks.at(static_cast<std::size_t>(track)).notes)
            if (n.startTick >= (from - 1) * kBar && n.startTick < to * kBar) ids.insert(n.id);
        state()->selection().set(std::move(ids));
    }
    QPoint at(model::Tick tick, int key)
    {
        return QPoint(
            static_cast<int>(std::lround(state()->view().tickToX(static_cast<double>(tick)))) + 2,
            static_cast<int>(roll()->keyToY(key)) + roll()->rowHeight() / 2);
    }
};
} // namespace

class TestScope : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void dockShowsTheScopeAndItsClearButton();
    void regenerateSelectionFromTheEditMenu();
    void typedLineWithoutAPartStaysInTheChosenTrack();
    void regenerateATrackFromItsMenu();
    void regenerateTheWholeTakeKeepsLockedTracks();
    void regenerateBarsDraggedOnTheRuler();
    void lockedNotesAreUndoableSavedKeptAndRefuseEdits();
    void lockedTrackIsUndoableSavedAndKept();
};

void TestScope::dockShowsTheScopeAndItsClearButton()
{
    App a;
    a.show();
    a.makeSong();
    widgets::ChatDock* chat = a.window.chatDock();
    const QString take = QString::fromStdString(a.active().name);
    QCOMPARE(chat->scopeText(), take + QStringLiteral(" · all parts"));
    QVERIFY(chat->scopeClearButton()->isHidden());
    const int bass = trackNamed(a.window.plan(), "Bass");
    a.selectNotesInBars(bass, 5, 8);
    QCOMPARE(chat->scopeText(), take + QStringLiteral(" · Bass · bars 5–8"));
    QVERIFY(!chat->scopeClearButton()->isHidden());
    QTest::mouseClick(chat->scopeClearButton(), Qt::LeftButton);
    QVERIFY(a.state()->selection().ids().empty());
    QCOMPARE(chat->scopeText(), take + QStringLiteral(" · all parts"));
    // A track clicked in the track list narrows the chat to it.
    QTableWidget* table = a.window.trackList()->table();
    const QRect cell = table->visualItemRect(table->item(bass, widgets::TrackList::NameColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(chat->scopeText(), take + QStringLiteral(" · Bass"));
    QTest::mouseClick(chat->scopeClearButton(), Qt::LeftButton);
    QCOMPARE(chat->scopeText(), take + QStringLiteral(" · all parts"));
}

// Notes of the bass in bars 5-8 selected, Edit > Regenerate: a new take (parent: the one that
// was playing) in which only the bass's bars 5-8 changed.
void TestScope::regenerateSelectionFromTheEditMenu()
{
    App a;
    a.show();
    a.makeSong();
    const model::Take before = a.active();
    const int bass = trackNamed(before.plan, "Bass");
    a.selectNotesInBars(bass, 5, 8);
    QAction* regenerate = action(&a.window, "regenerateScope");
    QVERIFY(regenerate);
    const std::size_t takes = a.project().takes.size();
    regenerate->trigger();
    QVERIFY2(a.project().takes.size() > takes,
             qPrintable(QString::fromStdString(a.project().chat.back().text)));
    const model::Take& after = a.active();
    QCOMPARE(after.provenance.parentTake.value_or(0), before.id);
    QCOMPARE(after.plan.tracks.size(), before.plan.tracks.size());
    for (std::size_t i = 0; i < before.plan.tracks.size(); ++i)
        if (static_cast<int>(i) != bass)
            QVERIFY(arrange::sameTrack(after.plan.tracks[i], before.plan.tracks[i]));
    const model::Track& was = before.plan.tracks[static_cast<std::size_t>(bass)];
    const model::Track& now = after.plan.tracks[static_cast<std::size_t>(bass)];
    QVERIFY(sameOutside(now, was, 5, 8));
    QVERIFY(!arrange::sameNotes(arrange::notesInBars(now, kBar, 4, 8),
                                arrange::notesInBars(was, kBar, 4, 8)));
    QVERIFY(QString::fromStdString(a.project().chat[a.project().chat.size() - 2].text)
                .contains("Bass · bars 5–8"));
}

// The bass chosen in the track list, "busier" typed: only the bass changes.
void TestScope::typedLineWithoutAPartStaysInTheChosenTrack()
{
    App a;
    a.show();
    a.makeSong();
    const model::Take before = a.active();
    const int bass = trackNamed(before.plan, "Bass");
    QTableWidget* table = a.window.trackList()->table();
    QTest::mouseClick(
        table->viewport(), Qt::LeftButton, {},
        table->visualItemRect(table->item(bass, widgets::TrackList::NameColumn)).center());
    type(a.window.chatDock(), "softer");
    const model::Take& after = a.active();
    QVERIFY2(after.id != before.id,
             qPrintable(QString::fromStdString(a.project().chat.back().text)));
    QCOMPARE(after.provenance.parentTake.value_or(0), before.id);
    for (std::size_t i = 0; i < before.plan.tracks.size(); ++i) {
        QCOMPARE(after.plan.tracks[i].locked,
                 before.plan.tracks[i].locked); // the scope's locks are gone again
        if (static_cast<int>(i) != bass)
            QVERIFY(arrange::sameTrack(after.plan.tracks[i], before.plan.tracks[i]));
    }
    QVERIFY(!arrange::sameTrack(after.plan.tracks[static_cast<std::size_t>(bass)],
                                before.plan.tracks[static_cast<std::size_t>(bass)]));
    for (const model::Note& n : after.plan.tracks[static_cast<std::size_t>(bass)].notes)
        QVERIFY(!n.locked);
}

void TestScope::regenerateATrackFromItsMenu()
{
    App a;
    a.show();
    a.makeSong();
    const model::Take before = a.active();
    const int chords = trackNamed(before.plan, "Chords");
    std::unique_ptr<QMenu> menu(a.window.trackList()->contextMenu(chords));
    QAction* regenerate = menu->findChild<QAction*>("regenerateTrack");
    QVERIFY(regenerate && regenerate->isEnabled());
    regenerate->trigger();
    const model::Take& after = a.active();
    QCOMPARE(after.provenance.parentTake.value_or(0), before.id);
    QCOMPARE(a.project().chat.back().takes.size(), std::size_t(4));
    for (std::size_t i = 0; i < before.plan.tracks.size(); ++i)
        if (static_cast<int>(i) != chords)
            QVERIFY(arrange::sameTrack(after.plan.tracks[i], before.plan.tracks[i]));
    QVERIFY(!arrange::sameTrack(after.plan.tracks[static_cast<std::size_t>(chords)],
                                before.plan.tracks[static_cast<std::size_t>(chords)]));
}

// Nothing narrowed: Edit > Regenerate makes every unlocked part again; the locked drums stay.
void TestScope::regenerateTheWholeTakeKeepsLockedTracks()
{
    App a;
    a.show();
    a.makeSong();
    const int kit =
        static_cast<int>(arrange::drums(a.window.plan()) - a.window.plan().tracks.data());
    QTableWidget* table = a.window.trackList()->table();
    QTest::mouseClick(
        qobject_cast<QToolButton*>(table->cellWidget(kit, widgets::TrackList::LockColumn)),
        Qt::LeftButton);
    QVERIFY(a.window.plan().tracks[static_cast<std::size_t>(kit)].locked);
    QVERIFY(!a.window.chatDock()->scopeText().contains(QStringLiteral("bars")));
    QVERIFY(a.window.chatDock()->scopeText().endsWith(QStringLiteral("all parts")));
    const model::Take before = a.active();
    action(&a.window, "regenerateScope")->trigger();
    const model::Take& after = a.active();
    QVERIFY2(after.id != before.id,
             qPrintable(QString::fromStdString(a.project().chat.back().text)));
    QCOMPARE(after.provenance.parentTake.value_or(0), before.id);
    QVERIFY(arrange::sameTrack(after.plan.tracks[static_cast<std::size_t>(kit)],
                               before.plan.tracks[static_cast<std::size_t>(kit)]));
    const int chords = trackNamed(before.plan, "Chords"), bass = trackNamed(before.plan, "Bass");
    QVERIFY(!arrange::sameTrack(after.plan.tracks[static_cast<std::size_t>(chords)],
                                before.plan.tracks[static_cast<std::size_t>(chords)]) ||
            !arrange::sameTrack(after.plan.tracks[static_cast<std::size_t>(bass)],
                                before.plan.tracks[static_cast<std::size_t>(bass)]));
}

// A drag over bars 3-4 on the ruler narrows the scope; the ruler's menu regenerates them in
// every part; a locked track is left as it was.
void TestScope::regenerateBarsDraggedOnTheRuler()
{
    App a;
    a.show();
    a.makeSong();
    a.state()->view().setHorizontalView(0, 16); // a bar = 120 px
    const int chords = trackNamed(a.window.plan(), "Chords");
    std::unique_ptr<QMenu> lockMenu(a.window.trackList()->contextMenu(chords));
    lockMenu->findChild<QAction*>("lockTrack")->trigger();
    QVERIFY(a.window.plan().tracks[static_cast<std::size_t>(chords)].locked);
    const model::Take before = a.active();
    auto* ruler = a.roll()->findChild<widgets::TimeRuler*>();
    QVERIFY(ruler);
    const int y = ruler->height() / 2;
    QTest::mousePress(ruler, Qt::LeftButton, {}, QPoint(2 * 120 + 10, y));
    QTest::mouseMove(ruler, QPoint(3 * 120, y));
    QTest::mouseMove(ruler, QPoint(4 * 120 - 10, y));
    QTest::mouseRelease(ruler, Qt::LeftButton, {}, QPoint(4 * 120 - 10, y));
    QCOMPARE(a.state()->selection().scopeFromBar(), 3);
    QCOMPARE(a.state()->selection().scopeToBar(), 4);
    QVERIFY(a.window.chatDock()->scopeText().endsWith(QStringLiteral("all parts · bars 3–4")));
    std::unique_ptr<QMenu> menu(ruler->barMenu(3 * kBar));
    QAction* regenerate = menu->findChild<QAction*>("regenerateBars");
    QVERIFY(regenerate);
    QCOMPARE(regenerate->text(), QStringLiteral("Regenerate bars 3–4"));
    regenerate->trigger();
    const model::Take& after = a.active();
    QVERIFY2(after.id != before.id,
             qPrintable(QString::fromStdString(a.project().chat.back().text)));
    QCOMPARE(after.provenance.parentTake.value_or(0), before.id);
    bool changed = false;
    for (std::size_t i = 0; i < before.plan.tracks.size(); ++i) {
        const model::Track &was = before.plan.tracks[i], &now = after.plan.tracks[i];
        QVERIFY2(sameOutside(now, was, 3, 4), was.name.c_str());
        changed = changed || !arrange::sameNotes(arrange::notesInBars(now, kBar, 2, 4),
                                                 arrange::notesInBars(was, kBar, 2, 4));
    }
    QVERIFY(changed);
    QVERIFY(arrange::sameTrack(after.plan.tracks[static_cast<std::size_t>(chords)],
                               before.plan.tracks[static_cast<std::size_t>(chords)]));
}

void TestScope::lockedNotesAreUndoableSavedKeptAndRefuseEdits()
{
    App a;
    a.show();
    a.makeSong();
    const int bass = trackNamed(a.window.plan(), "Bass");
    a.selectNotesInBars(bass, 5, 5);
    const auto selected = a.state()->context().selectedNotes();
    QVERIFY(!selected.empty());
    // Edit > Lock or unlock notes, by its shortcut.
    a.roll()->setFocus();
    QTest::keyClick(&a.window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    auto lockedNow = [&] {
        int n = 0;
        for (const model::Note& note : a.window.plan().tracks[static_cast<std::size_t>(bass)].notes)
            n += note.locked;
        return n;
    };
    QCOMPARE(lockedNow(), static_cast<int>(selected.size()));
    a.window.document()->undoStack()->undo();
    QCOMPARE(lockedNow(), 0);
    a.window.document()->undoStack()->redo();
    QCOMPARE(lockedNow(), static_cast<int>(selected.size()));

    // Delete and drag are refused, with the reason in the status bar.
    const model::Track track = a.window.plan().tracks[static_cast<std::size_t>(bass)];
    a.selectNotesInBars(bass, 5, 5);
    QVERIFY(action(&a.window, "lockNotes"));
    a.roll()->setFocus();
    QTest::keyClick(a.roll(), Qt::Key_Delete);
    QCOMPARE(a.window.plan().tracks[static_cast<std::size_t>(bass)], track);
    QVERIFY2(a.status().contains("locked"), qPrintable(a.status()));
    a.window.statusBar()->clearMessage();
    const model::Note& note = selected.front();
    a.state()->view().setHorizontalView(static_cast<double>(note.startTick) - 480, 8);
    a.roll()->centreOnKey(note.key);
    QWidget* viewport = a.roll()->viewport();
    const QPoint from = a.at(note.startTick + 10, note.key), to = from + QPoint(120, -30);
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, (from + to) / 2);
    QTest::mouseMove(viewport, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
    QCOMPARE(a.window.plan().tracks[static_cast<std::size_t>(bass)], track);
    QVERIFY2(a.status().contains("locked"), qPrintable(a.status()));

    // Regenerating the bass's bars 5-8 keeps the locked notes.
    a.state()->selection().set({});
    a.state()->selection().setScopeBars(5, 8);
    a.window.trackList()->table()->selectRow(bass);
    std::unique_ptr<QMenu> menu(a.window.trackList()->contextMenu(bass));
    menu->findChild<QAction*>("regenerateTrack")->trigger();
    const model::Track& regenerated = a.active().plan.tracks[static_cast<std::size_t>(bass)];
    QVERIFY(a.active().provenance.parentTake.has_value());
    for (const model::Note& n : selected) {
        const auto kept = std::find_if(
            regenerated.notes.begin(), regenerated.notes.end(), [&](const model::Note& m) {
                return m.locked && m.key == n.key && m.startTick == n.startTick &&
                       m.lengthTicks == n.lengthTicks;
            });
        QVERIFY(kept != regenerated.notes.end());
    }

    // Saved and reopened, the locks are there.
    QTemporaryDir dir;
    QVERIFY(a.window.document()->save(dir.filePath("locks.pianola")));
    app::MainWindow other;
    QVERIFY(other.openFile(dir.filePath("locks.pianola")));
    // (A project file renumbers note ids; the notes and their locks are the same.)
    QCOMPARE(other.document()->project().takes.size(), a.project().takes.size());
    const model::Track& reopened = other.document()
                                       ->project()
                                       .findTake(a.project().chat.back().takes.front())
                                       ->plan.tracks[static_cast<std::size_t>(bass)];
    QVERIFY(arrange::sameNotes(reopened.notes, regenerated.notes));
    for (std::size_t k = 0; k < reopened.notes.size(); ++k)
        QCOMPARE(reopened.notes[k].locked, regenerated.notes[k].locked);
}

void TestScope::lockedTrackIsUndoableSavedAndKept()
{
    App a;
    a.show();
    a.makeSong();
    const int bass = trackNamed(a.window.plan(), "Bass");
    QTableWidget* table = a.window.trackList()->table();
    auto* padlock =
        qobject_cast<QToolButton*>(table->cellWidget(bass, widgets::TrackList::LockColumn));
    QVERIFY(padlock);
    QTest::mouseClick(padlock, Qt::LeftButton);
    QVERIFY(a.window.plan().tracks[static_cast<std::size_t>(bass)].locked);
    a.window.document()->undoStack()->undo();
    QVERIFY(!a.window.plan().tracks[static_cast<std::size_t>(bass)].locked);
    a.window.document()->undoStack()->redo();
    QVERIFY(a.window.plan().tracks[static_cast<std::size_t>(bass)].locked);

    // A locked track: its Regenerate is disabled, the roll refuses to draw into it, and a
    // regeneration asked by name says why and makes no take.
    std::unique_ptr<QMenu> menu(a.window.trackList()->contextMenu(bass));
    QVERIFY(!menu->findChild<QAction*>("regenerateTrack")->isEnabled());
    QCOMPARE(menu->findChild<QAction*>("lockTrack")->text(), QStringLiteral("Unlock Bass"));
    const std::size_t takes = a.project().takes.size();
    type(a.window.chatDock(), "regenerate the bass");
    QCOMPARE(a.project().takes.size(), takes);
    QVERIFY2(QString::fromStdString(a.project().chat.back().text).contains("locked"),
             a.project().chat.back().text.c_str());
    a.state()->context().setCurrentTrack(bass);
    a.state()->context().setTool(widgets::Tool::Draw);
    const model::Track track = a.window.plan().tracks[static_cast<std::size_t>(bass)];
    a.state()->view().setHorizontalView(0, 8);
    a.roll()->centreOnKey(30);
    QTest::mouseClick(a.roll()->viewport(), Qt::LeftButton, {}, a.at(7 * kBar + 240, 30));
    QCOMPARE(a.window.plan().tracks[static_cast<std::size_t>(bass)], track);
    QVERIFY2(a.status().contains("locked"), qPrintable(a.status()));

    QTemporaryDir dir;
    QVERIFY(a.window.document()->save(dir.filePath("track.pianola")));
    app::MainWindow other;
    QVERIFY(other.openFile(dir.filePath("track.pianola")));
    QVERIFY(other.plan().tracks[static_cast<std::size_t>(bass)].locked);
}

QTEST_MAIN(TestScope)
#include "tst_scope.moc"
