// SPDX-License-Identifier: MIT
// The chord track in the main window, driven like a user: the Chords menu (detect, refit the
// take / track / selection as a new take, harmonize, transpose the take, "follows the chord
// track"), the chord lane's edits taking the following parts along in the same undo step (or
// not, with "Parts follow chord edits" off), chords suggested for a gap (chat and the lane's
// menu), and the chat's chord requests, each one undo step; the option survives a save and an
// old project loads.
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
#include <QMenu>
#include <QSettings>
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

/// Track indices of a generated take, by the generator's names.
struct Parts
{
    int drums = -1, bass = -1, chords = -1, melody = -1;
};

Parts partsOf(const model::Plan& plan)
{
    Parts p;
    for (std::size_t i = 0; i < plan.tracks.size(); ++i) {
        const std::string& name = plan.tracks[i].name;
        int* slot = name == "Drums"    ? &p.drums
                    : name == "Bass"   ? &p.bass
                    : name == "Chords" ? &p.chords
                    : name == "Melody" ? &p.melody
                                       : nullptr;
        if (slot) *slot = static_cast<int>(i);
    }
    return p;
}

/// A real click inside chord `c` of the lane, clear of its edges (which drag).
void clickChord(app::MainWindow& w, const model::PlanChord& c)
{
    auto* roll = w.findChild<widgets::PianoRollView*>();
    widgets::ChordLane* lane = roll->chordLane();
    const double x0 = roll->state()->view().tickToX(static_cast<double>(c.startTick));
    const double x1 = roll->state()->view().tickToX(static_cast<double>(c.endTick()));
    QVERIFY2(x1 - x0 > 16 && x0 >= 0 && x0 + 10 < lane->width(),
             qPrintable(QStringLiteral("chord at %1..%2 px").arg(x0).arg(x1)));
    QTest::mouseClick(
        lane, Qt::LeftButton, {},
        QPoint(static_cast<int>(std::min((x0 + x1) / 2, x0 + 20)), lane->height() / 2));
}

/// Types `symbol` over the selected chord of the lane and presses Return.
void typeSymbol(app::MainWindow& w, const QString& symbol)
{
    widgets::ChordLane* lane = w.findChild<widgets::PianoRollView*>()->chordLane();
    QTest::keyClicks(lane, symbol.left(1));
    QVERIFY(lane->symbolEditor() && lane->symbolEditor()->isVisible());
    QTest::keyClicks(lane->symbolEditor(), symbol.mid(1));
    QTest::keyClick(lane->symbolEditor(), Qt::Key_Return);
}

/// Share of the notes of `track` struck for a chord over [from, to) whose pitch class is one of
/// `tones`: a 32nd early counts (humanized), a 32nd before its end is the next chord's.
double shareIn(const model::Track& track, Tick from, Tick to, const std::vector<int>& tones)
{
    int in = 0, all = 0;
    for (const auto& n : track.notes)
        if (n.startTick >= from - 60 && n.startTick < to - 60) {
            ++all;
            in += std::find(tones.begin(), tones.end(), n.key % 12) != tones.end();
        }
    return all ? static_cast<double>(in) / all : 0.0;
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
    void init() { QSettings().remove("chords/partsFollowEdits"); } // on by default
    void cleanup() { QSettings().remove("chords/partsFollowEdits"); }
    void chordLaneEditTakesFollowingPartsAlong();
    void generatedPartsFollowAndRefitMakesAChildTake();
    void chatSuggestsChordsForAGap();
    void laneMenuSuggestsChordsHere();
    void detectChordsFillsTheTrackUndoably();
    void harmonizeMakesCandidateTakes();
    void refitTheSelectionOnly();
    void transposeTheTakeMovesItsChords();
    void followsChordsIsSavedAndOldProjectsLoad();
    void chatDetectsRefitsHarmonizesAndChangesABar();
    void chatTransposeMovesTheChordTrack();
};

// Typing a new symbol over a chord in the lane: the bass and the chord part play it at once, the
// drums and a track that does not follow stay byte-identical, nothing outside the chord moves,
// and one Ctrl+Z restores chords and notes.
void TestChordActions::chordLaneEditTakesFollowingPartsAlong()
{
    app::MainWindow w;
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(action(w, "partsFollowChordEdits")->isChecked()); // on by default
    say(w, "8-bar pop song in C major at 100 BPM with drums, bass, chords and a melody");
    const Parts parts = partsOf(w.plan());
    QVERIFY(parts.drums >= 0 && parts.bass >= 0 && parts.chords >= 0 && parts.melody >= 0);
    w.findChild<widgets::PianoRollView*>()->state()->context().setCurrentTrack(parts.melody);
    action(w, "followsChords")->trigger(); // the melody no longer follows
    QVERIFY(!w.plan().tracks[static_cast<std::size_t>(parts.melody)].followsChords);
    const model::Plan before = w.plan();
    QVERIFY(before.chords.size() >= 2);
    const model::PlanChord old = before.chords[1];
    const bool onEb = old.root == 3;
    const int undo = w.document()->undoStack()->count();
    clickChord(w, old);
    typeSymbol(w, onEb ? "E" : "Eb");
    const model::Plan after = w.plan();
    QCOMPARE(w.document()->undoStack()->count(), undo + 1); // one gesture, one step
    QCOMPARE(w.document()->undoStack()->text(undo),
             onEb ? QStringLiteral("Change chord to E") : QStringLiteral("Change chord to Eb"));
    const model::PlanChord& now = after.chords[1];
    QCOMPARE(now.root, onEb ? 4 : 3);
    QCOMPARE(after.tracks[static_cast<std::size_t>(parts.drums)],
             before.tracks[static_cast<std::size_t>(parts.drums)]);
    QCOMPARE(after.tracks[static_cast<std::size_t>(parts.melody)],
             before.tracks[static_cast<std::size_t>(parts.melody)]);
    for (const int t : {parts.bass, parts.chords}) {
        const model::Track& a = before.tracks[static_cast<std::size_t>(t)];
        const model::Track& b = after.tracks[static_cast<std::size_t>(t)];
        QCOMPARE(rhythm(b), rhythm(a));
        for (const auto& n : b.notes) // nothing moves outside the chord (and the beat before it,
                                      // where notes may anticipate it)
            if (n.startTick < now.startTick - 480 || n.startTick >= now.endTick())
                QVERIFY(std::find(a.notes.begin(), a.notes.end(), n) != a.notes.end());
        const double share = shareIn(b, now.startTick, now.endTick(), now.tones);
        QString keys; // for the message: the keys struck in the chord, before -> after
        for (std::size_t i = 0; i < b.notes.size(); ++i)
            if (b.notes[i].startTick >= now.startTick - 60 &&
                b.notes[i].startTick < now.endTick() - 60)
                keys += QStringLiteral(" %1@%2->%3")
                            .arg(a.notes[i].key)
                            .arg(b.notes[i].startTick)
                            .arg(b.notes[i].key);
        QVERIFY2(share >= 0.9, qPrintable(QStringLiteral("%1: %2 of the notes in %3:%4")
                                              .arg(QString::fromStdString(b.name))
                                              .arg(share)
                                              .arg(QString::fromStdString(now.quality))
                                              .arg(keys)));
        QVERIFY(shareIn(a, now.startTick, now.endTick(), now.tones) < share);
    }
    for (const auto& n : after.tracks[static_cast<std::size_t>(parts.bass)].notes)
        if (n.startTick == now.startTick) QCOMPARE(n.key % 12, now.root); // the bass on the root
    QTest::keyClick(w.findChild<widgets::PianoRollView*>()->chordLane(), Qt::Key_Z,
                    Qt::ControlModifier);
    QCOMPARE(w.plan(), before);
}

// With "Parts follow chord edits" off, typing changes the chord track only; "Refit the take"
// then makes the parts follow as a child take.
void TestChordActions::generatedPartsFollowAndRefitMakesAChildTake()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QAction* partsFollow = action(w, "partsFollowChordEdits");
    partsFollow->trigger();
    QVERIFY(!partsFollow->isChecked());
    QVERIFY(!QSettings().value("chords/partsFollowEdits", true).toBool());
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
    QCOMPARE(w.plan().tracks, generated.tracks); // the parts did not follow
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

// "suggest chords for bars 3-4 between C and G" in the chat: four candidate takes (one undo
// step with the reply), each with C over bar 2 and G over bar 5, the other chords kept, new
// chords in bars 3-4 that the following bass plays, drums untouched.
void TestChordActions::chatSuggestsChordsForAGap()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    say(w, "8-bar pop song in C major at 100 BPM with drums, bass, chords and a melody");
    const model::Project& project = w.document()->project();
    const model::Plan before = w.plan();
    const Parts parts = partsOf(before);
    const model::TakeId parent = project.activeTake;
    const std::size_t takes = project.takes.size();
    const int undo = w.document()->undoStack()->count();
    say(w, "suggest chords for bars 3-4 between C and G");
    QCOMPARE(project.chat.back().understood.front(),
             std::string("chords: suggest for bars 3-4 between C and G"));
    QCOMPARE(project.takes.size(), takes + 4);
    QCOMPARE(project.chat.back().takes.size(), std::size_t(4));
    QCOMPARE(w.document()->undoStack()->count(), undo + 2); // the prompt, the reply with takes
    const Tick bar = 1920, from = 2 * bar, to = 4 * bar;
    std::vector<std::vector<model::PlanChord>> seen;
    for (std::size_t i = takes; i < takes + 4; ++i) {
        const model::Take& t = project.takes[i];
        QCOMPARE(t.provenance.parentTake.value_or(0), parent);
        const auto& chords = t.plan.chords;
        std::vector<model::PlanChord> inside;
        for (const auto& c : chords) {
            if (c.startTick >= from && c.startTick < to) inside.push_back(c);
            if (c.endTick() <= bar || c.startTick >= 5 * bar) // outside bars 2-5: kept
                QVERIFY(std::find(before.chords.begin(), before.chords.end(), c) !=
                        before.chords.end());
            if (c.endTick() == from) QCOMPARE(c.root, 0); // C
            if (c.startTick == to) QCOMPARE(c.root, 7);   // G
        }
        QVERIFY(!inside.empty());
        QVERIFY2(std::find(seen.begin(), seen.end(), inside) == seen.end(), t.name.c_str());
        seen.push_back(inside);
        QCOMPARE(t.plan.tracks[static_cast<std::size_t>(parts.drums)],
                 before.tracks[static_cast<std::size_t>(parts.drums)]);
        const auto& bass = t.plan.tracks[static_cast<std::size_t>(parts.bass)];
        QCOMPARE(rhythm(bass), rhythm(before.tracks[static_cast<std::size_t>(parts.bass)]));
        for (const auto& n : bass.notes)
            if (n.startTick == inside.front().startTick) QCOMPARE(n.key % 12, inside.front().root);
    }
    QVERIFY(project.chat.back().text.find("bars 3 to 4") != std::string::npos);
    w.document()->undoStack()->undo();
    QCOMPARE(project.takes.size(), takes);
    // A bar the take does not have: a reply that says so, no take.
    say(w, "fill bars 30 to 31");
    QCOMPARE(project.takes.size(), takes);
    QVERIFY2(project.chat.back().text.find("no bar 31") != std::string::npos,
             project.chat.back().text.c_str());
}

// Right-click a chord in the lane, "Suggest chords here": candidate takes for that chord's span.
void TestChordActions::laneMenuSuggestsChordsHere()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    model::Plan plan = triadsInC();
    plan.keySignatures = {{0, 0, false}};
    plan.chords = {model::planChordOf(*model::parseChordSymbol("C"), 0, 1920),
                   model::planChordOf(*model::parseChordSymbol("Am"), 1920, 1920),
                   model::planChordOf(*model::parseChordSymbol("F"), 3840, 1920),
                   model::planChordOf(*model::parseChordSymbol("G"), 5760, 1920)};
    plan.tracks[0].followsChords = true;
    showPlan(w, plan);
    const model::Project& project = w.document()->project();
    const std::size_t takes = project.takes.size();
    auto* lane = w.findChild<widgets::PianoRollView*>()->chordLane();
    QMenu* menu = lane->chordMenu(1920 + 100); // on the Am
    menu->findChild<QAction*>("suggestChords")->trigger();
    delete menu;
    QCOMPARE(project.takes.size(), takes + 4);
    for (std::size_t i = takes; i < takes + 4; ++i) {
        const auto& chords = project.takes[i].plan.chords;
        QCOMPARE(chords.front(), plan.chords[0]);
        QCOMPARE(chords.back(), plan.chords[3]);
        QVERIFY(chords[1].startTick == 1920 && !(chords[1] == plan.chords[1]));
        // The keys (following) play the new chord of bar 2.
        QCOMPARE(shareIn(project.takes[i].plan.tracks[0], chords[1].startTick, chords[1].endTick(),
                         chords[1].tones),
                 1.0);
    }
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
