// SPDX-License-Identifier: MIT
// Refit to a new chord track, measured: generated takes of ten genres get every chord changed to
// another diatonic chord; the analysis must hear the new chords, rhythm and drums must stay.
#include "engine/analysis/Analyzer.h"
#include "engine/analysis/Chords.h"
#include "engine/generate/ChordParts.h"
#include "engine/generate/ChordRequest.h"
#include "engine/generate/Generator.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/Refit.h"
#include "engine/generate/Theory.h"
#include "engine/generate/Variation.h"
#include "model/ChordSymbol.h"
#include "model/ChordTrack.h"
#include "model/TempoMap.h"

#include <algorithm>
#include <QTest>
#include <tuple>

using namespace pianola;
namespace gen = pianola::engine::generate;

namespace {
const char* const kPrompts[] = {
    "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths",
    "upbeat pop song in G major with piano, bass and drums",
    "rock in E minor with guitar chords, bass and drums, 8 bars",
    "dark trap beat in F#m, 808 bass and a piano melody",
    "smooth jazz ballad in Bb with walking bass and rhodes",
    "house track in C minor at 124 bpm with pads, bass and a lead",
    "folk waltz in D major, 3/4, guitar and bass",
    "funk groove in E with clavinet chords, slap bass and drums",
    "cinematic ambient pads in F major with a slow melody",
    "reggae in A major, offbeat chords, bass and drums",
};

// Another diatonic chord for every chord: the diatonic triad two degrees up (never the
// diminished one), so every chord changes its root.
std::vector<model::PlanChord> otherChords(const model::Plan& take)
{
    const gen::PlanInfo info = gen::inferPlanInfo(take);
    const auto scale =
        gen::scalePitchClasses(info.tonic, info.minor ? gen::Mode::Minor : gen::Mode::Major);
    std::vector<model::PlanChord> out;
    for (const model::PlanChord& c : take.chords) {
        int degree = 0;
        for (int d = 0; d < 7; ++d)
            if (scale[static_cast<std::size_t>(d)] == c.root) degree = d;
        for (int shift : {2, 3, 4, 5}) {
            const int d = (degree + shift) % 7;
            const int root = scale[static_cast<std::size_t>(d)];
            const int third = (scale[static_cast<std::size_t>((d + 2) % 7)] - root + 12) % 12;
            const int fifth = (scale[static_cast<std::size_t>((d + 4) % 7)] - root + 12) % 12;
            if (fifth != 7 || root == c.root) continue;
            const std::string text =
                std::string(model::spellPitchClass(root)) + (third == 3 ? "m" : "");
            out.push_back(
                model::planChordOf(*model::parseChordSymbol(text), c.startTick, c.lengthTicks));
            break;
        }
    }
    return out;
}

struct Score
{
    int beats = 0, heard = 0;
};

// Beats (sampled mid-beat) where the analysis hears the chord track's root and third.
Score heardBeats(const model::Plan& take)
{
    const auto analysis = engine::analysis::analyzePlan(take);
    const model::TempoMap tempo(take);
    Score s;
    for (const model::PlanChord& c : take.chords)
        for (model::Tick t = c.startTick; t < c.endTick(); t += take.ppq) {
            const double at = tempo.ticksToSeconds(t + take.ppq / 2);
            ++s.beats;
            for (const auto& heard : analysis.chords) {
                if (at < heard.startS || at >= heard.endS) continue;
                bool hasThird = false;
                const bool major = engine::analysis::majorThird(heard.quality, &hasThird);
                const bool wantMajor =
                    std::find(c.tones.begin(), c.tones.end(), (c.root + 4) % 12) != c.tones.end();
                s.heard += heard.root == c.root && hasThird && major == wantMajor;
            }
        }
    return s;
}

using Rhythm = std::vector<std::tuple<model::Tick, model::Tick, int, int>>;
Rhythm rhythmOf(const model::Track& t)
{
    Rhythm r;
    for (const model::Note& n : t.notes)
        r.emplace_back(n.startTick, n.lengthTicks, n.velocity, n.locked);
    std::sort(r.begin(), r.end());
    return r;
}
} // namespace

class TestRefit : public QObject
{
    Q_OBJECT
private slots:
    void newChordsAreHeard();
    void lockedAndDrumsStay();
    void chordsFromBars();
    void variationsKeepTheChordTrack();
    void generatorQualitiesParse();
    void chordRequestsAreRead_data();
    void chordRequestsAreRead();
    void refitTracksMovesOnlyThoseAsked();
};

void TestRefit::chordRequestsAreRead_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("chip"); // empty: not a chord request
    QTest::newRow("refit") << "make the parts follow the new chords"
                           << "chords: the following parts refit to the chord track";
    QTest::newRow("harmonize") << "Harmonize my melody"
                               << "chords: harmonize the melody";
    QTest::newRow("chords for") << "chords for this melody in a sad mood"
                                << "chords: harmonize the melody";
    QTest::newRow("detect") << "detect the chords"
                            << "chords: detect the chord track";
    QTest::newRow("sus") << "make bar 4 a sus chord"
                         << "chords: bar 4 sus4";
    QTest::newRow("minor") << "change bar 2 to minor"
                           << "chords: bar 2 m";
    QTest::newRow("seventh") << "make bar 3 a 7 chord"
                             << "chords: bar 3 7";
    QTest::newRow("gap between") << "suggest chords for bars 3-4 between C and G"
                                 << "chords: suggest for bars 3-4 between C and G";
    QTest::newRow("gap en dash") << "Suggest chords for bars 3–4, please"
                                 << "chords: suggest for bars 3-4";
    QTest::newRow("fill bars") << "fill bars 3 to 4"
                               << "chords: suggest for bars 3-4";
    QTest::newRow("one bar") << "any chord ideas for bar 5?"
                             << "chords: suggest for bar 5";
    QTest::newRow("spelled") << "fill bars 2 through 3 between bb and g/b."
                             << "chords: suggest for bars 2-3 between Bb and G/B";
    QTest::newRow("between bars") << "between bars 3 and 4 suggest some chords"
                                  << "chords: suggest for bars 3-4";
    QTest::newRow("drum fill bars") << "fill bars 3 to 4 with drums"
                                    << "";
    QTest::newRow("song with a fill")
        << "8-bar pop song with drums, bass, chords and a fill on bar 8"
        << "";
    QTest::newRow("a song") << "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths"
                            << "";
    QTest::newRow("bass") << "add a soft sub bass following the chord roots"
                          << "";
    QTest::newRow("fill") << "add a 2-bar fill on bar 7 with 9 toms"
                          << "";
    QTest::newRow("song with melody") << "a song for my mum with chords and a melody"
                                      << "";
    QTest::newRow("rerolled") << "re-roll the chords but keep the rhythm"
                              << "";
}

void TestRefit::chordRequestsAreRead()
{
    QFETCH(QString, line);
    QFETCH(QString, chip);
    const auto request = gen::readChordRequest(line.toStdString());
    QCOMPARE(request ? QString::fromStdString(request->chip()) : QString(), chip);
}

// Only the listed tracks (or notes) move; the old harmony is read from the notes even though
// the chord track already holds the new chords.
void TestRefit::refitTracksMovesOnlyThoseAsked()
{
    const model::Plan take = gen::generatePlan(gen::interpret(kPrompts[0], 7).brief, 0);
    model::Plan edited = take;
    edited.chords = otherChords(take);
    const auto following = gen::followingTracks(edited);
    QVERIFY(!following.empty());
    const model::Plan one = gen::refitTracks(edited, {following.front()});
    for (std::size_t t = 0; t < take.tracks.size(); ++t)
        if (static_cast<int>(t) != following.front()) QVERIFY(one.tracks[t] == take.tracks[t]);
    QVERIFY(!(one.tracks[static_cast<std::size_t>(following.front())] ==
              take.tracks[static_cast<std::size_t>(following.front())]));
    QCOMPARE(one.chords, edited.chords);
}

void TestRefit::newChordsAreHeard()
{
    Score total;
    for (const char* prompt : kPrompts) {
        const model::Plan take = gen::generatePlan(gen::interpret(prompt, 7).brief, 0);
        QVERIFY2(!take.chords.empty(), prompt);
        const model::Plan refit = gen::refitToChords(take, otherChords(take));
        QVERIFY(model::chordTrackIssues(refit).empty());
        for (std::size_t t = 0; t < take.tracks.size(); ++t) {
            QCOMPARE(rhythmOf(refit.tracks[t]), rhythmOf(take.tracks[t]));
            if (take.tracks[t].channel == 9) QVERIFY(refit.tracks[t] == take.tracks[t]);
        }
        const Score before = heardBeats(take), after = heardBeats(refit);
        qInfo("%-70s generated %3d/%3d heard, refit %3d/%3d", prompt, before.heard, before.beats,
              after.heard, after.beats);
        total.beats += after.beats;
        total.heard += after.heard;
    }
    const double share = 100.0 * total.heard / std::max(1, total.beats);
    qInfo("refit: %.1f%% of %d beats heard as the edited chord (root and third)", share,
          total.beats);
    QVERIFY2(share >= 95.0, qPrintable(QString::number(share)));
}

void TestRefit::lockedAndDrumsStay()
{
    for (const char* prompt : kPrompts) {
        model::Plan take = gen::generatePlan(gen::interpret(prompt, 11).brief, 0);
        int pitched = 0;
        for (model::Track& t : take.tracks) {
            if (t.channel == 9) continue;
            if (pitched++ == 1) t.locked = true; // the second pitched track, whole
            for (std::size_t i = 0; i < t.notes.size(); i += 3)
                t.notes[i].locked = true;
        }
        gen::RefitReport report;
        const model::Plan refit = gen::refitToChords(take, otherChords(take), &report);
        QVERIFY(report.movedNotes > 0);
        for (std::size_t t = 0; t < take.tracks.size(); ++t) {
            const model::Track& before = take.tracks[t];
            const model::Track& after = refit.tracks[t];
            if (before.channel == 9 || before.locked) QVERIFY(after == before);
            for (const model::Note& n : before.notes)
                if (n.locked)
                    QVERIFY(std::find(after.notes.begin(), after.notes.end(), n) !=
                            after.notes.end());
            QCOMPARE(rhythmOf(after), rhythmOf(before));
        }
    }
}

void TestRefit::chordsFromBars()
{
    model::Plan take;
    model::Track t;
    t.notes = {{0, 4 * 1920 - 10, 0, 60, 90}}; // four bars of 4/4
    take.tracks.push_back(t);
    const auto chords = model::chordsFromBars("Am7 | Fmaj7 | C G", take);
    QVERIFY2(chords.ok(), chords.ok() ? "" : chords.error().message.c_str());
    QStringList got;
    for (const model::PlanChord& c : *chords)
        got << QString("%1:%2 %3")
                   .arg(c.startTick)
                   .arg(c.lengthTicks)
                   .arg(QString::fromStdString(model::chordSymbol(c, true)));
    // the progression repeats to the end of the take
    QCOMPARE(got.join(", "),
             QString("0:1920 Am7, 1920:1920 Fmaj7, 3840:960 C, 4800:960 G, 5760:1920 Am7"));
    const auto bad = model::chordsFromBars("Am7 | F C7x", take);
    QVERIFY(!bad.ok());
    QCOMPARE(QString::fromStdString(bad.error().message),
             QString("bar 2 (character 9): \"C7x\": an unexpected 'x' at character 3"));
    QVERIFY(!model::chordsFromBars("Am | | F", take).ok());
}

// A variation that changes the take's length or time keeps its chord track inside and in step.
void TestRefit::variationsKeepTheChordTrack()
{
    const model::Plan take = gen::generatePlan(gen::interpret(kPrompts[1], 3).brief, 0);
    const model::Tick bar = 1920 * take.ppq / 480;
    QCOMPARE(take.chords.back().endTick(), 8 * bar);
    const auto check = [&](const char* words, model::Tick end) {
        const auto varied = gen::vary(take, words, 1);
        QVERIFY2(varied.ok(), words);
        const model::Plan& plan = varied->plan;
        QVERIFY2(model::chordTrackIssues(plan).empty(), words);
        QCOMPARE(plan.chords.back().endTick(), end);
    };
    check("make it 4 bars", 4 * bar);
    check("make it 12 bars", 12 * bar);
    check("half time", 8 * bar);
    check("double time", 8 * bar);
    const auto half = gen::vary(take, "half time", 1);
    QCOMPARE(half->plan.chords.front().lengthTicks, 2 * take.chords.front().lengthTicks);
}

// Every quality name the generator can write (any set of tones over a root) is a symbol the
// chord track accepts, so generated takes always validate and export as markers.
void TestRefit::generatorQualitiesParse()
{
    for (int mask = 0; mask < 2048; ++mask) {
        std::vector<int> tones{0};
        for (int i = 1; i < 12; ++i)
            if (mask >> (i - 1) & 1) tones.push_back(i);
        const std::string text = "C" + gen::chordQualityName(tones);
        QVERIFY2(model::parseChordSymbol(text).ok(), text.c_str());
    }
}

QTEST_GUILESS_MAIN(TestRefit)
#include "tst_refit.moc"
