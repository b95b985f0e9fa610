// SPDX-License-Identifier: MIT
// The learned harmonizer's reading frame and repeats (LearnedChords, docs/HARMONIZE.md): the frame
// learned from the melody follows a transposition, the key is chosen within the frame, a take
// with a key signature is read in that key, and a long take is harmonized bar for bar.
#include "engine/generate/Harmonize.h"
#include "engine/generate/LearnedChords.h"
#include "engine/generate/PlanInfo.h"

#include <QTest>
#include <tuple>

using namespace pianola;
namespace gen = pianola::engine::generate;
using model::Tick;

namespace {
// A 4/4 melody in C major, a bar each: C E G E | F A C A | G B D B | C G E C (quarters), repeated
// `times`, transposed by `shift` semitones.
model::Plan melody(int shift, int times = 2)
{
    const int bars[4][4] = {{60, 64, 67, 64}, {65, 69, 72, 69}, {67, 71, 74, 71}, {72, 67, 64, 60}};
    model::Plan plan;
    model::Track t;
    t.name = "Melody";
    Tick at = 0;
    for (int r = 0; r < times; ++r)
        for (const auto& bar : bars)
            for (int key : bar) {
                model::Note n;
                n.startTick = at, n.lengthTicks = 480,
                n.key = static_cast<std::uint8_t>(key + shift);
                t.notes.push_back(n);
                at += 480;
            }
    plan.tracks.push_back(t);
    plan.normalize();
    return plan;
}

std::vector<gen::PitchProfile> profilesOf(const model::Plan& plan)
{
    return gen::melodyProfiles(plan.tracks[0], gen::halfBarsOf(plan, 16 * 4 * 480));
}
} // namespace

class TestLearnedChords : public QObject
{
    Q_OBJECT
private slots:
    void frameFollowsTransposition();
    void keyWithinTheFrame();
    void chordsFollowTheMelody();
    void repeatedBarsGetTheSameChords();
};

void TestLearnedChords::frameFollowsTransposition()
{
    for (int shift = 0; shift < 12; ++shift)
        QCOMPARE(gen::learnedFrame(profilesOf(melody(shift))), shift);
}

void TestLearnedChords::keyWithinTheFrame()
{
    int tonic = -1;
    bool minor = true;
    gen::estimateKeyInFrame(melody(0), 0, tonic, minor);
    QCOMPARE(tonic, 0);
    QVERIFY(!minor);
    // A minor melody (A C E | D F A | E G# B | A E C) in the frame of C: A minor.
    model::Plan am = melody(0, 1);
    const int keys[16] = {69, 72, 76, 72, 74, 77, 81, 77, 76, 80, 83, 80, 81, 76, 72, 69};
    for (std::size_t i = 0; i < am.tracks[0].notes.size(); ++i)
        am.tracks[0].notes[i].key = static_cast<std::uint8_t>(keys[i]);
    gen::estimateKeyInFrame(am, 0, tonic, minor);
    QCOMPARE(tonic, 9);
    QVERIFY(minor);
}

// I | IV | V | I arpeggios (in C and in D major, the frame learned from the melody): the chord on
// each bar line is the bar's triad, and every chord holds the melody notes of its half bar (the
// model may read the G E of the second half of a C bar as E minor).
void TestLearnedChords::chordsFollowTheMelody()
{
    for (int shift : {0, 2}) {
        const model::Plan plan = melody(shift);
        const auto halves = gen::halfBarsOf(plan, 8 * 4 * 480);
        const auto chords = gen::learnedChords(gen::melodyProfiles(plan.tracks[0], halves), halves,
                                               gen::learnedFrame(profilesOf(plan)));
        QString got, want;
        const int roots[4] = {0, 5, 7, 0};
        for (std::size_t i = 0; i < chords.size(); ++i) {
            const gen::MajMin c = chords[i];
            // every melody note of the half bar is a chord tone; on the bar lines, the bar's triad
            for (const model::Note& n : plan.tracks[0].notes)
                if (n.startTick >= halves[i].start && n.startTick < halves[i].end) {
                    const int third = (c.root + (c.minor ? 3 : 4)) % 12, fifth = (c.root + 7) % 12;
                    QVERIFY2(n.key % 12 == c.root || n.key % 12 == third || n.key % 12 == fifth,
                             qPrintable(QString("half bar %1, note %2").arg(i).arg(n.key)));
                }
            if (halves[i].midBar) continue;
            got += QString::number(c.root) + (c.minor ? "m " : " ");
            want += QString::number((roots[(i / 2) % 4] + shift) % 12) + " ";
        }
        QCOMPARE(got, want);
    }
}

// Inside the take (away from its ends) the same four bars get the same chords each time, in the
// three learned candidates: nothing but the melody and its repeats is read.
void TestLearnedChords::repeatedBarsGetTheSameChords()
{
    const model::Plan plan = melody(0, 4);
    for (const auto& candidate : gen::harmonize(plan, 0, 3)) {
        std::vector<std::tuple<Tick, int, std::string>> second, third;
        for (const model::PlanChord& c : candidate) {
            if (c.startTick >= 4 * 1920 && c.startTick < 8 * 1920)
                second.emplace_back(c.startTick - 4 * 1920, c.root, c.quality);
            else if (c.startTick >= 8 * 1920 && c.startTick < 12 * 1920)
                third.emplace_back(c.startTick - 8 * 1920, c.root, c.quality);
        }
        QVERIFY(!second.empty());
        QVERIFY(second == third);
    }
}

QTEST_GUILESS_MAIN(TestLearnedChords)
#include "tst_learnedchords.moc"
