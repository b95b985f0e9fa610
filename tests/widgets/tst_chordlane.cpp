// SPDX-License-Identifier: MIT
// The chord lane above the ruler, driven with mouse and key events in a shown piano roll against
// a fake edit sink: it shows the take's chord track (the analysis only as a marked fallback),
// every gesture is one edit that undoes, bad symbols get an error tooltip, the alternatives
// menu replaces and auditions, and names are spelled for the take's key.
#include "EditorFixture.h"
#include "model/ChordEdits.h"
#include "model/ChordSymbol.h"
#include "widgets/ChordLane.h"
#include "widgets/KeyboardGutter.h"
#include "widgets/PianoRollView.h"
#include "widgets/TimeRuler.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

using namespace pianola;
using model::PlanChord;
using model::Tick;

namespace {
PlanChord chord(const char* symbol, Tick start, Tick length)
{
    return model::planChordOf(*model::parseChordSymbol(symbol), start, length);
}

/// Four bars of quarter notes (C major, 480 ppq) with the chords C | Am | F | G.
model::Plan fourBars()
{
    model::Plan plan;
    model::Track t;
    t.name = "Keys";
    for (int i = 0; i < 16; ++i)
        t.notes.push_back({Tick(i) * 480, 480, 0, 60, 100});
    plan.tracks.push_back(t);
    plan.chords = {chord("C", 0, 1920), chord("Am", 1920, 1920), chord("F", 3840, 1920),
                   chord("G", 5760, 1920)};
    return plan;
}

struct Fixture : test::EditorFixture
{
    widgets::PianoRollView roll{&state};
    widgets::ChordLane* lane = nullptr;

    explicit Fixture(model::Plan plan) : EditorFixture(std::move(plan))
    {
        state.view().setSnap({4, false}); // quarter notes
        roll.resize(1000 + widgets::PianoRollView::kGutterWidth, 400);
        roll.show();
        QVERIFY(QTest::qWaitForWindowExposed(&roll));
        state.view().setHorizontalView(0, 8); // one bar (1920 ticks) = 240 px
        lane = roll.chordLane();
    }
    const model::Plan& plan() const { return sink.project.takes.front().plan; }
    int x(Tick tick) const
    {
        return static_cast<int>(state.view().tickToX(static_cast<double>(tick)));
    }
    QPoint at(Tick tick) const { return {x(tick), lane->height() / 2}; }
    QString symbolOf(std::size_t i) const { return lane->chordText(plan().chords.at(i)); }
    void click(Tick tick) { QTest::mouseClick(lane, Qt::LeftButton, {}, at(tick)); }
};
} // namespace

class TestChordLane : public QObject
{
    Q_OBJECT
private slots:
    void showsTheTakesChordTrackNotTheAnalysis();
    void detectedChordsAreAMarkedFallback();
    void laneSitsAboveTheRulerSoTheLoopCannotCoverIt();
    void clickSelectsAndTypingReplaces_data();
    void clickSelectsAndTypingReplaces();
    void badSymbolShowsAnErrorTooltip();
    void draggingAnEdgeChangesHarmonicRhythm();
    void insertSplitDelete();
    void copyAndPaste();
    void editingDetectedChordsKeepsThem();
    void alternativesReplaceAndAudition();
    void namesAreSpelledForTheKey();
    void suggestChordsHereAsksForTheSpan();
};

void TestChordLane::showsTheTakesChordTrackNotTheAnalysis()
{
    Fixture f(fourBars());
    f.state.context().setChords({{0, 1920, "Gadd9/A"}}); // a re-analysis says otherwise
    QVERIFY(!f.lane->showsDetected());
    QCOMPARE(f.lane->shownChords(), f.plan().chords);
    QCOMPARE(f.lane->chordText(f.lane->shownChords().front()), QStringLiteral("C"));
}

void TestChordLane::detectedChordsAreAMarkedFallback()
{
    model::Plan plan = fourBars();
    plan.chords.clear();
    Fixture f(plan);
    QVERIFY(f.lane->shownChords().empty());
    f.state.context().setChords({{0, 1920, "Am7"}, {1920, 3840, "Dm"}});
    QVERIFY(f.lane->showsDetected());
    QCOMPARE(f.lane->shownChords().size(), std::size_t(2));
    // Painted differently from a chord track (italic, dimmer, with a "detected" tag).
    const QImage detected = f.lane->grab().toImage();
    Fixture g(fourBars());
    QVERIFY(detected != g.lane->grab().toImage());
}

void TestChordLane::laneSitsAboveTheRulerSoTheLoopCannotCoverIt()
{
    Fixture f(fourBars());
    const QImage before = f.lane->grab().toImage();
    f.state.view().setLoop(true, 0, 3840);
    QCOMPARE(f.lane->grab().toImage(), before); // the loop bar is drawn in the ruler only
    QVERIFY(f.lane->geometry().bottom() < f.roll.ruler()->geometry().top());
    QCOMPARE(f.lane->geometry().left(), f.roll.ruler()->geometry().left());
}

void TestChordLane::clickSelectsAndTypingReplaces_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("shown");
    for (const char* s : {"Fmaj9", "Bb/D", "C7#9", "Dm7b5", "Csus4", "Cadd9", "C6/9"})
        QTest::newRow(s) << QString(s) << QString(s);
    QTest::newRow("lower case") << "ebm7"
                                << "Ebm7";
}

void TestChordLane::clickSelectsAndTypingReplaces()
{
    QFETCH(QString, typed);
    QFETCH(QString, shown);
    Fixture f(fourBars());
    f.click(1920 + 480);
    QCOMPARE(f.lane->selectedChord(), 1);
    QTest::keyClicks(f.lane, typed.left(1));
    QVERIFY(f.lane->symbolEditor() && f.lane->symbolEditor()->isVisible());
    QTest::keyClicks(f.lane->symbolEditor(), typed.mid(1));
    QTest::keyClick(f.lane->symbolEditor(), Qt::Key_Return);
    QCOMPARE(f.sink.submitted.size(), std::size_t(1));
    QVERIFY(!f.lane->symbolEditor()->isVisible());
    QCOMPARE(f.symbolOf(1), shown);
    QCOMPARE(f.plan().chords[1].startTick, Tick(1920));
    QCOMPARE(f.plan().chords[1].lengthTicks, Tick(1920));
    QVERIFY(f.sink.undo());
    QCOMPARE(f.symbolOf(1), QStringLiteral("Am"));
}

void TestChordLane::badSymbolShowsAnErrorTooltip()
{
    Fixture f(fourBars());
    f.click(100);
    QTest::keyClicks(f.lane, "C");
    QTest::keyClicks(f.lane->symbolEditor(), "maj8");
    QTest::keyClick(f.lane->symbolEditor(), Qt::Key_Return);
    QVERIFY(f.sink.submitted.empty());
    QVERIFY(!f.lane->typingError().isEmpty());
    QVERIFY(f.lane->symbolEditor()->isVisible()); // still there to correct
    QVERIFY2(QToolTip::text().contains(f.lane->typingError()), qPrintable(QToolTip::text()));
    QTest::keyClick(f.lane->symbolEditor(), Qt::Key_End);
    QTest::keyClick(f.lane->symbolEditor(), Qt::Key_Backspace);
    QTest::keyClicks(f.lane->symbolEditor(), "7");
    QCOMPARE(f.lane->symbolEditor()->text(), QStringLiteral("Cmaj7"));
    QVERIFY(f.lane->symbolEditor()->isVisible());
    QTest::keyClick(f.lane->symbolEditor(), Qt::Key_Return);
    QCOMPARE(f.symbolOf(0), QStringLiteral("Cmaj7"));
    QVERIFY(f.lane->typingError().isEmpty());
}

void TestChordLane::draggingAnEdgeChangesHarmonicRhythm()
{
    Fixture f(fourBars());
    // The boundary between C and Am, dragged two beats left: C gets shorter, Am longer.
    QTest::mousePress(f.lane, Qt::LeftButton, {}, f.at(1920));
    QTest::mouseMove(f.lane, f.at(1440));
    QTest::mouseMove(f.lane, f.at(960));
    QTest::mouseRelease(f.lane, Qt::LeftButton, {}, f.at(960));
    QCOMPARE(f.sink.submitted.size(), std::size_t(1));
    QCOMPARE(f.plan().chords[0].lengthTicks, Tick(960));
    QCOMPARE(f.plan().chords[1].startTick, Tick(960));
    QCOMPARE(f.plan().chords[1].endTick(), Tick(3840));
    // The last chord's end cannot pass the take's last bar line.
    QTest::mousePress(f.lane, Qt::LeftButton, {}, f.at(7680));
    QTest::mouseMove(f.lane, f.at(8000));
    QTest::mouseRelease(f.lane, Qt::LeftButton, {}, f.at(9000));
    QCOMPARE(f.plan().chords.back().endTick(), Tick(7680));
    QCOMPARE(f.sink.submitted.size(), std::size_t(1)); // nothing changed, nothing submitted
    QVERIFY(f.sink.undo());
    QCOMPARE(f.plan().chords, fourBars().chords);
}

void TestChordLane::insertSplitDelete()
{
    Fixture f(fourBars());
    f.click(3840 + 100); // F
    QTest::keyClick(f.lane, Qt::Key_Delete);
    QCOMPARE(f.plan().chords.size(), std::size_t(3));
    QCOMPARE(f.lane->selectedChord(), -1);
    // Double-click the gap: the key's tonic over the bar.
    QTest::mouseDClick(f.lane, Qt::LeftButton, {}, f.at(3840 + 500));
    QCOMPARE(f.plan().chords.size(), std::size_t(4));
    QCOMPARE(f.plan().chords[2].startTick, Tick(3840));
    QCOMPARE(f.plan().chords[2].lengthTicks, Tick(1920));
    QCOMPARE(f.symbolOf(2), QStringLiteral("C"));
    // '/' splits the selected chord in the middle.
    QCOMPARE(f.lane->selectedChord(), 2);
    QTest::keyClick(f.lane, Qt::Key_Slash);
    QCOMPARE(f.plan().chords.size(), std::size_t(5));
    QCOMPARE(f.plan().chords[3].startTick, Tick(3840 + 960));
    QCOMPARE(f.sink.submitted.size(), std::size_t(3)); // one edit per gesture
    // The menu's split at the pointer.
    QMenu* menu = f.lane->chordMenu(480);
    menu->findChild<QAction*>("splitChord")->trigger();
    delete menu;
    QCOMPARE(f.plan().chords[1].startTick, Tick(480));
    QCOMPARE(f.plan().chords.size(), std::size_t(6));
    for (int i = 0; i < 4; ++i)
        QVERIFY(f.sink.undo());
    QCOMPARE(f.plan().chords, fourBars().chords);
}

void TestChordLane::copyAndPaste()
{
    Fixture f(fourBars());
    f.click(5760 + 200); // G
    QTest::keyClick(f.lane, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("G"));
    f.click(100); // C
    QTest::keyClick(f.lane, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(f.symbolOf(0), QStringLiteral("G"));
    QCOMPARE(f.plan().chords[0].lengthTicks, Tick(1920));
    QCOMPARE(f.sink.submitted.size(), std::size_t(1));
    // A symbol copied from elsewhere pastes too.
    QApplication::clipboard()->setText("Bb/D");
    f.click(1920 + 200);
    QTest::keyClick(f.lane, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(f.symbolOf(1), QStringLiteral("Bb/D"));
}

void TestChordLane::editingDetectedChordsKeepsThem()
{
    model::Plan plan = fourBars();
    plan.chords.clear();
    Fixture f(plan);
    f.state.context().setChords({{0, 1920, "Am7"}, {1920, 3840, "Dm"}});
    f.click(1920 + 200);
    QTest::keyClicks(f.lane, "D");
    QTest::keyClicks(f.lane->symbolEditor(), "m9");
    QTest::keyClick(f.lane->symbolEditor(), Qt::Key_Return);
    QCOMPARE(f.plan().chords.size(), std::size_t(2)); // the detection became the chord track
    QCOMPARE(f.symbolOf(0), QStringLiteral("Am7"));
    QCOMPARE(f.symbolOf(1), QStringLiteral("Dm9"));
    QVERIFY(!f.lane->showsDetected());
    QVERIFY(f.sink.undo());
    QVERIFY(f.plan().chords.empty());
}

void TestChordLane::alternativesReplaceAndAudition()
{
    Fixture f(fourBars());
    QSignalSpy heard(&f.state.context(), &widgets::EditContext::chordAuditionRequested);
    QMenu* menu = f.lane->chordMenu(3840 + 10); // F between Am and G, in C major
    QStringList names;
    for (QAction* a : menu->actions())
        if (a->objectName().startsWith("alternative:")) names << a->objectName().mid(12);
    QVERIFY2(names.size() >= 5, qPrintable(names.join(' ')));
    for (const char* expected : {"Dm", "Dm", "D7", "Ab7", "Fm", "Ab",
                                 "Bb"}) // substitute, relative, V7/V, tritone, borrowed
        QVERIFY2(names.contains(expected), qPrintable(names.join(' ')));
    QVERIFY(!names.contains("F"));
    QVERIFY(names.indexOf("Dm") < names.indexOf("Fm")); // in the key before borrowed
    menu->findChild<QAction*>("alternative:Fm")->hover();
    QCOMPARE(heard.size(), 1);
    QCOMPARE(heard.back().front().value<QList<int>>(), (QList<int>{53, 56, 60}));
    QVERIFY(f.sink.submitted.empty()); // hovering only plays
    menu->findChild<QAction*>("alternative:D7")->trigger();
    delete menu;
    QCOMPARE(f.symbolOf(2), QStringLiteral("D7"));
    QCOMPARE(heard.size(), 2);
    QCOMPARE(f.sink.submitted.size(), std::size_t(1));
}

void TestChordLane::namesAreSpelledForTheKey()
{
    model::Plan plan = fourBars();
    plan.keySignatures = {{0, -1, false}}; // F major
    plan.chords = {chord("A#", 0, 1920), chord("A#/D", 1920, 1920)};
    Fixture f(plan);
    QCOMPARE(f.symbolOf(0), QStringLiteral("Bb"));
    QCOMPARE(f.symbolOf(1), QStringLiteral("Bb/D"));
    f.roll.setRowHeight(16);
    QCOMPARE(f.roll.gutter()->labelOf(70), QStringLiteral("Bb4"));
    QCOMPARE(f.roll.gutter()->labelOf(71), QString()); // B is not in F major
    // E major: the same key is A#; without a key signature the scale chooser's key spells.
    model::Plan e = fourBars();
    Fixture g(e);
    g.state.context().setScale(true, {4, model::Scale::Mode::Major});
    g.roll.setRowHeight(16);
    QCOMPARE(g.roll.gutter()->labelOf(68), QStringLiteral("G#4"));
    g.state.context().setScale(true, {3, model::Scale::Mode::Minor}); // D# minor: 6 sharps
    QCOMPARE(g.roll.gutter()->labelOf(65), QStringLiteral("E#4"));
    g.state.context().setScale(true, {1, model::Scale::Mode::Major}); // Db major (not C#)
    QCOMPARE(g.roll.gutter()->labelOf(61), QStringLiteral("Db4"));
    QCOMPARE(g.lane->chordText(chord("C#m", 0, 480)), QStringLiteral("Dbm"));
    // The names written on the notes too (they were always sharps): Bb in A minor.
    model::Plan a = fourBars();
    a.keySignatures = {{0, 0, true}}; // A minor
    a.tracks.front().notes.front().key = 70;
    Fixture h(a);
    h.roll.setRowHeight(16);
    h.roll.centreOnKey(65);
    h.roll.grab();
    const QStringList labels = h.roll.lastPaintStats().labels;
    QVERIFY2(labels.contains("Bb4") && labels.contains("C4") && !labels.contains("A#4"),
             qPrintable(labels.join(' ')));
    // G# minor: its keys with sharps; a C row, not in the key, keeps its plain name (it read
    // B#4, the spelling of a note G# minor does not have).
    model::Plan gs = fourBars();
    gs.keySignatures = {{0, 5, true}};
    Fixture k(gs);
    QCOMPARE(k.roll.gutter()->labelOf(72), QStringLiteral("C5"));
    k.roll.setRowHeight(16);
    QCOMPARE(k.roll.gutter()->labelOf(70), QStringLiteral("A#4"));
    QCOMPARE(k.roll.gutter()->labelOf(72), QStringLiteral("C5"));
}

// "Suggest chords here" on a chord asks for its span; in a gap, for the gap between the chords
// around the pointer. The lane only asks (the app makes the takes); nothing is submitted.
void TestChordLane::suggestChordsHereAsksForTheSpan()
{
    model::Plan plan = fourBars();
    plan.chords.erase(plan.chords.begin() + 1); // C | - | F | G
    Fixture f(plan);
    QSignalSpy asked(&f.state.context(), &widgets::EditContext::chordSuggestionRequested);
    QMenu* menu = f.lane->chordMenu(3840 + 10); // on the F
    menu->findChild<QAction*>("suggestChords")->trigger();
    delete menu;
    menu = f.lane->chordMenu(1920 + 700); // in the gap
    QAction* gap = menu->findChild<QAction*>("suggestChords");
    QVERIFY(gap->isEnabled());
    gap->trigger();
    delete menu;
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked[0][0].value<Tick>(), Tick(3840));
    QCOMPARE(asked[0][1].value<Tick>(), Tick(5760));
    QCOMPARE(asked[1][0].value<Tick>(), Tick(1920));
    QCOMPARE(asked[1][1].value<Tick>(), Tick(3840));
    QVERIFY(f.sink.submitted.empty());
}

QTEST_MAIN(TestChordLane)
#include "tst_chordlane.moc"
