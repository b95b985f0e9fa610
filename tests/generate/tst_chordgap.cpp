// SPDX-License-Identifier: MIT
// Chords for a gap between fixed chords (fillChordGap), and the refit a hand edit of the chord
// track brings (followChordChange): only following parts, only where the chords changed.
#include "engine/generate/ChordGap.h"
#include "engine/generate/ChordParts.h"
#include "engine/generate/Generator.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/Theory.h"
#include "model/ChordSymbol.h"

#include <algorithm>
#include <QTest>
#include <set>

using namespace pianola;
namespace gen = pianola::engine::generate;
using model::PlanChord;
using model::Tick;

namespace {
PlanChord chord(const char* symbol, Tick start, Tick length)
{
    return model::planChordOf(*model::parseChordSymbol(symbol), start, length);
}

model::ChordSymbol symbol(const char* text)
{
    return *model::parseChordSymbol(text);
}

/// Six bars in C major (480 ppq): C | C | C | C | G | C, a bass that follows playing roots, and a
/// melody that does not follow.
model::Plan sixBars()
{
    model::Plan plan;
    plan.keySignatures = {{0, 0, false}};
    model::Track bass;
    bass.name = "Bass";
    bass.channel = 1;
    bass.followsChords = true;
    const int roots[] = {36, 36, 36, 36, 43, 36};
    for (int bar = 0; bar < 6; ++bar)
        for (int beat = 0; beat < 4; beat += 2)
            bass.notes.push_back(
                {Tick(bar) * 1920 + beat * 480, 960, 0, static_cast<std::uint8_t>(roots[bar]), 90});
    model::Track melody;
    melody.name = "Melody";
    melody.channel = 0;
    for (int i = 0; i < 24; ++i)
        melody.notes.push_back({Tick(i) * 480, 480, 0, 72, 80}); // a held C: fits most chords
    plan.tracks = {bass, melody};
    plan.chords = {chord("C", 0, 4 * 1920), chord("G", 4 * 1920, 1920), chord("C", 5 * 1920, 1920)};
    plan.normalize();
    plan.assignTrackIds();
    return plan;
}

std::string names(const std::vector<PlanChord>& chords, Tick from, Tick to)
{
    std::string out;
    for (const PlanChord& c : chords)
        if (c.startTick >= from && c.startTick < to)
            out += (out.empty() ? "" : " ") + model::chordSymbolText(*model::chordSymbolOf(c));
    return out;
}
} // namespace

class TestChordGap : public QObject
{
    Q_OBJECT
private slots:
    void fillsBetweenTheChordsAround();
    void boundingChordsCanBeSet();
    void suggestionsAreNotTheChordsThere();
    void emptyOrOutsideGapGivesNothing();
    void followOnlyWhereTheChordsChanged();
};

// Bars 3-4 between C (bar 2) and G (bar 5): four different candidates, the chords outside kept,
// inside diatonic, no chord repeating its neighbour, and the last one leading into G as a
// predominant (ii, IV) or G's own dominant (D7).
void TestChordGap::fillsBetweenTheChordsAround()
{
    const model::Plan take = sixBars();
    const Tick from = 2 * 1920, to = 4 * 1920;
    const auto tracks = gen::fillChordGap(take, {from, to, {}, {}}, 4);
    QCOMPARE(tracks.size(), std::size_t(4));
    std::set<std::string> seen;
    for (const auto& chords : tracks) {
        const std::string gap = names(chords, from, to);
        qInfo("C | %s | G", gap.c_str());
        QVERIFY2(seen.insert(gap).second, gap.c_str());
        QCOMPARE(chords.front(), chord("C", 0, from)); // cut at the gap
        QCOMPARE(chords.back(), take.chords.back());
        QCOMPARE(chords[chords.size() - 2], take.chords[1]);
        std::vector<PlanChord> inside;
        for (const PlanChord& c : chords)
            if (c.startTick >= from && c.startTick < to) inside.push_back(c);
        QVERIFY(!inside.empty());
        QCOMPARE(inside.front().startTick, from);
        QCOMPARE(inside.back().endTick(), to);
        for (std::size_t i = 0; i < inside.size(); ++i) {
            const bool secondary = i + 1 == inside.size() && inside[i].root == 2; // D7 -> G
            for (int pc : inside[i].tones)
                QVERIFY2(secondary || gen::inScale(pc, 0, gen::Mode::Major), gap.c_str());
            if (i > 0) QVERIFY(inside[i].root != inside[i - 1].root);
        }
        QVERIFY2(inside.front().root != 0, gap.c_str()); // not C again after C
        const int last = inside.back().root;
        QVERIFY2(last == 2 || last == 5, gap.c_str()); // Dm(7), F(maj7) or D7 before G
    }
    // The plainest: a triad a bar.
    QCOMPARE(
        std::count_if(tracks[0].begin(), tracks[0].end(),
                      [&](const PlanChord& c) { return c.startTick >= from && c.startTick < to; }),
        2L);
    for (const PlanChord& c : tracks[0])
        QCOMPARE(c.tones.size(), std::size_t(3));
}

// "between Am and G": the chord ending at the gap becomes Am (over its own span); G takes the
// bar after the gap from the C that held over; the gap leads from Am.
void TestChordGap::boundingChordsCanBeSet()
{
    model::Plan take = sixBars();
    take.chords = {chord("C", 0, 1920), chord("F", 1920, 1920), chord("C", 2 * 1920, 3 * 1920)};
    const Tick from = 2 * 1920, to = 3 * 1920;
    const auto tracks = gen::fillChordGap(take, {from, to, symbol("Am"), symbol("G")}, 2);
    QCOMPARE(tracks.size(), std::size_t(2));
    // A chord covering the gap's edge keeps what is outside the bar next to it.
    const auto cut = gen::fillChordGap(take, {from, to, {}, symbol("G")}, 1);
    QCOMPARE(cut.front()[1], take.chords[1]);
    for (const auto& chords : tracks) {
        QCOMPARE(chords.front(), chord("C", 0, 1920));
        QCOMPARE(chords[1], chord("Am", 1920, 1920));
        QCOMPARE(chords.back(), chord("C", 4 * 1920, 1920));       // the rest of the old C
        QCOMPARE(chords[chords.size() - 2], chord("G", to, 1920)); // G over bar 4
        QVERIFY(chords[2].root != 9);
    }
}

// C | Am | F | G, suggestions for bar 2: Am (the best fit between C and F) is there already.
void TestChordGap::suggestionsAreNotTheChordsThere()
{
    model::Plan take = sixBars();
    take.chords = {chord("C", 0, 1920), chord("Am", 1920, 1920), chord("F", 3840, 1920),
                   chord("G", 5760, 1920)};
    const auto tracks = gen::fillChordGap(take, {1920, 3840, {}, {}}, 4);
    QCOMPARE(tracks.size(), std::size_t(4));
    for (const auto& chords : tracks) {
        qInfo("C | %s | F", names(chords, 1920, 3840).c_str());
        QVERIFY(names(chords, 1920, 3840) != "Am");
    }
}

void TestChordGap::emptyOrOutsideGapGivesNothing()
{
    const model::Plan take = sixBars();
    QVERIFY(gen::fillChordGap(take, {1920, 1920, {}, {}}, 4).empty());
    QVERIFY(gen::fillChordGap(take, {100 * 1920, 101 * 1920, {}, {}}, 4).empty());
    QVERIFY(gen::fillChordGap(take, {0, 1920, {}, {}}, 0).empty());
}

// A generated take: one chord changed by hand. The following parts move only where it changed;
// drums, tracks not following and locked notes stay; the rest of every part is identical.
void TestChordGap::followOnlyWhereTheChordsChanged()
{
    model::Plan take = gen::generatePlan(
        gen::interpret("8-bar pop song in C major with drums, bass, piano chords and a melody", 3)
            .brief,
        0);
    QVERIFY(take.chords.size() >= 4);
    int melody = -1, locked = 0;
    for (std::size_t t = 0; t < take.tracks.size(); ++t) {
        if (take.tracks[t].name.find("elody") != std::string::npos) {
            take.tracks[t].followsChords = false, melody = static_cast<int>(t);
            continue;
        }
        if (take.tracks[t].channel == 9) continue;
        for (model::Note& n : take.tracks[t].notes)
            if (n.startTick >= take.chords[1].startTick && n.startTick < take.chords[1].endTick() &&
                locked++ % 3 == 0)
                n.locked = true;
    }
    QVERIFY(melody >= 0);
    auto chords = take.chords;
    const PlanChord old = chords[1];
    chords[1] =
        model::planChordOf(symbol(old.root == 4 ? "F#m" : "Eb"), old.startTick, old.lengthTicks);
    gen::RefitReport report;
    const model::Plan after = gen::followChordChange(take, chords, &report);
    QCOMPARE(after.chords, chords);
    QVERIFY(report.movedNotes > 0);
    int moved = 0;
    for (std::size_t t = 0; t < take.tracks.size(); ++t) {
        const auto& a = take.tracks[t].notes;
        const auto& b = after.tracks[t].notes;
        QCOMPARE(b.size(), a.size());
        if (take.tracks[t].channel == 9 || static_cast<int>(t) == melody)
            QVERIFY(take.tracks[t] == after.tracks[t]);
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].startTick, a[i].startTick);
            QCOMPARE(b[i].lengthTicks, a[i].lengthTicks);
            const bool inside = a[i].startTick >= old.startTick - take.ppq &&
                                a[i].startTick < old.endTick(); // or anticipating it
            if (!inside || a[i].locked) QCOMPARE(b[i], a[i]);
            moved += b[i].key != a[i].key;
        }
    }
    QVERIFY(moved > 0);
    // With every change undone, nothing moves.
    QVERIFY(gen::followChordChange(take, take.chords) == take);
}

QTEST_GUILESS_MAIN(TestChordGap)
#include "tst_chordgap.moc"
