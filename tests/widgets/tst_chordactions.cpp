// SPDX-License-Identifier: MIT
// The chord track in the main window, driven like a user: the Chords menu (detect, refit the
// take / track / selection as a new take, harmonize, transpose the take, "follows the chord
// track"), the chord lane's edits feeding a refit, and the chat's chord requests, each one undo
// step; the option survives a save and an old project loads.
#include "app/ChatController.h"
#include "app/Document.h"
#include "app/MainWindow.h"
#include "model/ChordSymbol.h"
#include "model/PlanJson.h"
#include "widgets/ChatDock.h"
#include "widgets/ChordLane.h"
#include "widgets/EditorState.h"
#include "widgets/PianoRollView.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace pianola;
using model::Tick;

namespace {
void say(app::MainWindow& w, const QString& line)
{
    QTest::keyClicks(w.chatDock()->input(), line);
    QTest::keyClick(w.chatDock()->input(), Qt::Key_Return);
}

QAction* action(app::MainWindow& w, const char* name)
{
    auto* a = w.findChild<QAction*>(name);
    if (!a) qFatal("no action %s", name);
    return a;
}

/// Onsets, lengths and velocities of a track's notes (what a refit keeps).
std::vector<std::tuple<Tick, Tick, int>> rhythm(const model::Track& t)
{
    std::vector<std::tuple<Tick, Tick, int>> out;
    for (const auto& n : t.notes)
        out.emplace_back(n.startTick, n.lengthTicks, n.velocity);
    std::sort(out.begin(), out.end());
    return out;
}

/// A take from a plan, made active (one undo step), for a window.
void showPlan(app::MainWindow& w, model::Plan plan)
{
    plan.normalize();
    plan.assignTrackIds();
    model::Take take;
    take.plan = std::move(plan);
    take.name = "test";
    QVERIFY(w.document()->addTake(std::move(take), "test take"));
}

model::Plan melodyInC()
{
    model::Plan plan;
    model::Track melody;
    melody.name = "Melody";
    const int keys[] = {72, 76, 79, 76, 77, 81, 84, 81, 79, 83, 74, 79, 72, 76, 79, 72};
    for (int i = 0; i < 16; ++i)
        melody.notes.push_back({Tick(i) * 480, 480, 0, static_cast<std::uint8_t>(keys[i]), 90});
    plan.tracks = {melody};
    plan.keySignatures = {{0, 0, false}};
    return plan;
}

model::Plan triadsInC()
{
    model::Plan plan;
    model::Track keys;
    keys.name = "Keys";
    const int roots[] = {60, 57, 53, 55};
    for (int bar = 0; bar < 4; ++bar)
        for (int k : {0, 4, 7})
            keys.notes.push_back({Tick(bar) * 1920, 1920, 0,
                                  static_cast<std::uint8_t>(roots[bar] + k - (bar == 1 ? 0 : 0) +
                                                            (bar == 1 && k == 4 ? -1 : 0)),
                                  80});
    plan.tracks = {keys};
    return plan;
}
} // namespace

class TestChordActions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void generatedPartsFollowAndRefitMakesAChildTake();
    void detectChordsFillsTheTrackUndoably();
    void harmonizeMakesCandidateTakes();
    void refitTheSelectionOnly();
    void transposeTheTakeMovesItsChords();
    void followsChordsIsSavedAndOldProjectsLoad();
    void chatDetectsRefitsHarmonizesAndChangesABar();
    void chatTransposeMovesTheChordTrack();
};

void TestChordActions::generatedPartsFollowAndRefitMakesAChildTake()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    say(w, "8-bar pop song in C major at 100 BPM with drums, bass, chords and a melody");
    const model::Plan generated = w.plan();
    QVERIFY(!generated.chords.empty());
    int drums = -1;
    for (std::size_t i = 0; i < generated.tracks.size(); ++i) {
        const bool isDrums = generated.tracks[i].channel == 9;
        QCOMPARE(generated.tracks[i].followsChords, !isDrums); // generated pitched parts follow
        if (isDrums) drums = static_cast<int>(i);
    }
    QVERIFY(drums >= 0);
    // Bar 1's chord typed over in the chord lane: one undo step.
    auto* roll = w.findChild<widgets::PianoRollView*>();
    widgets::ChordLane* lane = roll->chordLane();
    lane->selectChord(0);
    QTest::keyClicks(lane, "E");
    QTest::keyClicks(lane->symbolEditor(), "b");
    QTest::keyClick(lane->symbolEditor(), Qt::Key_Return);
    QCOMPARE(w.plan().chords.front().root, 3);
    const model::TakeId parent = w.document()->project().activeTake;
    const int undoBefore = w.document()->undoStack()->count();
    action(w, "refitTake")->trigger();
    const model::Take* child = w.document()->activeTake();
    QVERIFY(child->id != parent);
    QCOMPARE(child->provenance.parentTake.value_or(0), parent);
    QCOMPARE(w.document()->undoStack()->count(), undoBefore + 1);
    const model::Plan& before = w.document()->project().findTake(parent)->plan;
    QCOMPARE(child->plan.chords, before.chords);
    QCOMPARE(child->plan.tracks[static_cast<std::size_t>(drums)],
             before.tracks[static_cast<std::size_t>(drums)]);
    int moved = 0;
    for (std::size_t i = 0; i < before.tracks.size(); ++i) {
        QCOMPARE(rhythm(child->plan.tracks[i]), rhythm(before.tracks[i]));
        for (std::size_t n = 0; n < before.tracks[i].notes.size(); ++n)
            moved += child->plan.tracks[i].notes[n].key != before.tracks[i].notes[n].key;
    }
    QVERIFY(moved > 0);
    // Bar 1 now sounds Eb: the bass' first note is an Eb.
    w.document()->undoStack()->undo();
    QCOMPARE(w.document()->project().activeTake, parent);
}

void TestChordActions::detectChordsFillsTheTrackUndoably()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    showPlan(w, triadsInC());
    QVERIFY(w.plan().chords.empty());
    action(w, "detectChords")->trigger();
    QVERIFY(w.plan().chords.size() >= 4);
    QCOMPARE(w.plan().chords.front().root, 0);
    auto* lane = w.findChild<widgets::PianoRollView*>()->chordLane();
    QVERIFY(!lane->showsDetected());
    QCOMPARE(lane->shownChords(), w.plan().chords);
    w.document()->undoStack()->undo();
    QVERIFY(w.plan().chords.empty());
}

void TestChordActions::harmonizeMakesCandidateTakes()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    showPlan(w, melodyInC());
    const model::TakeId parent = w.document()->project().activeTake;
    const std::size_t takes = w.document()->project().takes.size();
    action(w, "harmonizeTrack")->trigger();
    QCOMPARE(w.document()->project().takes.size(), takes + 4);
    for (std::size_t i = takes; i < takes + 4; ++i) {
        const model::Take& t = w.document()->project().takes[i];
        QVERIFY(!t.plan.chords.empty());
        QCOMPARE(t.provenance.parentTake.value_or(0), parent);
        QCOMPARE(t.plan.tracks.size(), std::size_t(2)); // the melody and a chord part that follows
        QVERIFY(t.plan.tracks[1].followsChords);
        QCOMPARE(t.plan.tracks[0].notes,
                 w.document()->project().findTake(parent)->plan.tracks[0].notes);
    }
    w.document()->undoStack()->undo();
    QCOMPARE(w.document()->project().takes.size(), takes);
}

void TestChordActions::refitTheSelectionOnly()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    model::Plan plan = triadsInC();
    plan.chords = {model::planChordOf(*model::parseChordSymbol("Cm"), 0, 7680)};
    showPlan(w, plan);
    auto* state = w.findChild<widgets::PianoRollView*>()->state();
    state->context().setCurrentTrack(0);
    const auto& notes = w.plan().tracks[0].notes;
    state->selection().set({notes[0].id, notes[1].id, notes[2].id}); // bar 1: C E G
    action(w, "refitSelection")->trigger();
    const model::Plan& refit = w.plan();
    QCOMPARE(refit.tracks[0].notes.size(), std::size_t(12));
    std::vector<int> bar1, rest;
    for (const auto& n : refit.tracks[0].notes)
        (n.startTick == 0 ? bar1 : rest).push_back(n.key % 12);
    QVERIFY(std::find(bar1.begin(), bar1.end(), 3) != bar1.end()); // E became Eb
    QVERIFY(std::find(bar1.begin(), bar1.end(), 4) == bar1.end());
    QVERIFY(std::find(rest.begin(), rest.end(), 9) != rest.end()); // bar 2's A (not selected) stays
}

void TestChordActions::transposeTheTakeMovesItsChords()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    model::Plan plan = triadsInC();
    plan.chords = {model::planChordOf(*model::parseChordSymbol("C"), 0, 1920),
                   model::planChordOf(*model::parseChordSymbol("Am"), 1920, 1920)};
    plan.keySignatures = {{0, 0, false}};
    showPlan(w, plan);
    QTimer::singleShot(0, [] {
        for (QWidget* top : QApplication::topLevelWidgets())
            if (auto* d = qobject_cast<QInputDialog*>(top)) {
                d->setIntValue(2);
                d->accept();
            }
    });
    action(w, "transposeTake")->trigger();
    QCOMPARE(w.plan().chords[0].root, 2);
    QCOMPARE(w.plan().chords[1].root, 11);
    QCOMPARE(w.plan().keySignatures.front().sharps, 2); // D major
    QCOMPARE(int(w.plan().tracks[0].notes.front().key), 62);
    auto* lane = w.findChild<widgets::PianoRollView*>()->chordLane();
    QCOMPARE(lane->chordText(w.plan().chords[1]), QStringLiteral("Bm"));
    w.document()->undoStack()->undo();
    QCOMPARE(w.plan().chords[0].root, 0);
}

void TestChordActions::followsChordsIsSavedAndOldProjectsLoad()
{
    QTemporaryDir dir;
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    showPlan(w, melodyInC());
    w.findChild<widgets::PianoRollView*>()->state()->context().setCurrentTrack(0);
    QAction* follows = action(w, "followsChords");
    QVERIFY(!follows->isChecked());
    follows->trigger();
    QVERIFY(w.plan().tracks[0].followsChords);
    QVERIFY(follows->isChecked());
    const QString path = dir.filePath("song.pianola");
    QVERIFY(w.document()->save(path));
    QVERIFY(w.document()->open(path));
    QVERIFY(w.plan().tracks[0].followsChords);
    // A plan written before the option loads with it off.
    auto old = model::planFromJson(
        R"({"ppq":480,"tracks":[{"name":"Old","notes":[{"start":0,"length":480,"key":60,"velocity":90}]}]})");
    QVERIFY2(old, old ? "" : old.error().message.c_str());
    QVERIFY(!old->plan.tracks[0].followsChords);
    QVERIFY(model::planToJson(old->plan).find("followsChords") == std::string::npos);
}

void TestChordActions::chatDetectsRefitsHarmonizesAndChangesABar()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    showPlan(w, triadsInC());
    const model::Project& project = w.document()->project();
    say(w, "detect the chords");
    QVERIFY(!w.plan().chords.empty());
    QVERIFY(project.chat.back().understood.front().find("detect") != std::string::npos);
    w.findChild<widgets::PianoRollView*>()->state()->context().setCurrentTrack(0);
    action(w, "followsChords")->trigger();
    // A sus chord on bar 2: the chord track and the following part change in one new take.
    const model::TakeId parent = project.activeTake;
    const int undo = w.document()->undoStack()->count();
    say(w, "make bar 2 a sus chord");
    QCOMPARE(w.document()->undoStack()->count(), undo + 2); // the prompt, the reply with its take
    QVERIFY(project.activeTake != parent);
    const model::Plan& sus = w.plan();
    bool found = false;
    for (const auto& c : sus.chords)
        if (c.startTick >= 1920 && c.startTick < 3840) found = found || c.quality == "sus4";
    QVERIFY2(found, qPrintable(QString::fromStdString(project.chat.back().text)));
    QCOMPARE(project.findTake(project.activeTake)->provenance.parentTake.value_or(0), parent);
    say(w, "make the parts follow the new chords");
    QVERIFY(!project.chat.back().text.empty());
    say(w, "harmonize my melody");
    QCOMPARE(project.chat.back().takes.size(), std::size_t(4));
}

void TestChordActions::chatTransposeMovesTheChordTrack()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    say(w, "8-bar pop song in C major at 100 BPM with bass and chords");
    const model::Plan before = w.plan();
    QVERIFY(!before.chords.empty());
    say(w, "transpose to E minor");
    const model::Plan& after = w.plan();
    QCOMPARE(after.chords.size(), before.chords.size());
    QVERIFY(after.chords.front().root != before.chords.front().root);
    QVERIFY(!after.keySignatures.empty());
    QCOMPARE(model::keySignatureTonicPc(after.keySignatures.front()), 4);
}

QTEST_MAIN(TestChordActions)
#include "tst_chordactions.moc"
