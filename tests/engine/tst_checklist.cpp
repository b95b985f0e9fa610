// SPDX-License-Identifier: MIT
// The checklist: each check on hand-made plans that pass and fail it; the interpreter's words as
// Asked; candidates remade and ordered by their checklists.
#include "engine/analysis/AskedFromWords.h"
#include "engine/analysis/CandidateChecks.h"
#include "engine/analysis/Checklist.h"

#include <QTest>

using namespace pianola;
using engine::analysis::Asked;
using engine::analysis::checkTake;
using model::Note;
using model::Plan;
using model::Tick;
using model::Track;

namespace {
constexpr int kPpq = 480;
constexpr Tick kBar = 4 * kPpq;

Note note(Tick start, Tick length, int key, int velocity = 90)
{
    Note n;
    n.startTick = start;
    n.lengthTicks = length;
    n.key = static_cast<std::uint8_t>(key);
    n.velocity = static_cast<std::uint8_t>(velocity);
    return n;
}

Track track(const std::string& name, int channel, int program = 0)
{
    Track t;
    t.name = name;
    t.channel = channel;
    t.program = program;
    return t;
}

// Four bars of C - F - G - C (or with sevenths), a root bass, 100 bpm.
Plan song(bool sevenths = false, double bpm = 100, int velocity = 90)
{
    Plan p;
    p.ppq = kPpq;
    p.tempos = {model::TempoChange{0, bpm}};
    Track chords = track("Chords", 0), bass = track("Bass", 1, 33);
    const int roots[] = {48, 53, 55, 48};
    for (int bar = 0; bar < 4; ++bar) {
        const int r = roots[bar];
        for (int i : {0, 4, 7})
            chords.notes.push_back(note(bar * kBar, kBar, r + 12 + i, velocity));
        if (sevenths) chords.notes.push_back(note(bar * kBar, kBar, r + 12 + 10, velocity));
        for (int beat = 0; beat < 4; ++beat)
            bass.notes.push_back(note(bar * kBar + beat * kPpq, kPpq, r - 12, velocity));
    }
    p.tracks = {chords, bass};
    p.normalize();
    return p;
}

// Drums for four bars: kick on `kickBeats` (bits), snare on `snareBeats`, hats on 8ths whose
// off-beat sits at `swing` of the beat; `extraBar` (1-based) gets 8 more snare hits.
Track drums(unsigned kickBeats, unsigned snareBeats, double swing = 0.5, int extraBar = 0)
{
    Track d = track("Drums", 9);
    for (int bar = 0; bar < 4; ++bar)
        for (int beat = 0; beat < 4; ++beat) {
            const Tick t = bar * kBar + beat * kPpq;
            if (kickBeats & (1u << beat)) d.notes.push_back(note(t, 60, 36));
            if (snareBeats & (1u << beat)) d.notes.push_back(note(t, 60, 38));
            d.notes.push_back(note(t, 60, 42));
            d.notes.push_back(note(t + static_cast<Tick>(swing * kPpq), 60, 42));
            if (bar + 1 == extraBar)
                for (int k = 0; k < 2; ++k)
                    d.notes.push_back(note(t + kPpq / 4 + k * kPpq / 2, 60, 45));
        }
    return d;
}

Plan withDrums(Plan p, const Track& d)
{
    p.tracks.push_back(d);
    p.normalize();
    return p;
}

const model::Check* find(const std::vector<model::Check>& checks, const std::string& name)
{
    for (const model::Check& c : checks)
        if (c.name == name) return &c;
    return nullptr;
}

bool passes(const Plan& p, const Asked& a, const std::string& name)
{
    const auto checks = checkTake(p, a);
    const model::Check* c = find(checks, name);
    if (!c) qFatal("no check named %s", name.c_str());
    if (!c->pass) qInfo("%s: %s (asked %s)", name.c_str(), c->measured.c_str(), c->asked.c_str());
    return c->pass;
}
} // namespace

class TestChecklist : public QObject
{
    Q_OBJECT
private slots:
    void onlyWhatWasAsked();
    void tempoMeterBars();
    void keyAndMode();
    void partsAndPrograms();
    void chordQualities();
    void swingOfTheSwungSubdivision();
    void humanizeOrQuantized();
    void loudness();
    void drumDirectives();
    void bassDirectives();
    void fillsAndTriplets();
    void changeAgainstParent();
    void wordsBecomeAsked();
    void candidatesRemadeAndOrdered();
    void textAndJson();
};

void TestChecklist::onlyWhatWasAsked()
{
    QVERIFY(checkTake(song(), Asked{}).empty());
}

void TestChecklist::tempoMeterBars()
{
    Asked a;
    a.bpm = 100;
    a.meter = std::pair{4, 4};
    a.bars = 4;
    QVERIFY(passes(song(), a, "tempo"));
    QVERIFY(passes(song(), a, "meter"));
    QVERIFY(passes(song(), a, "bars"));
    a.bpm = 120;
    a.meter = std::pair{3, 4};
    a.bars = 8;
    QVERIFY(!passes(song(), a, "tempo"));
    QVERIFY(!passes(song(), a, "meter"));
    QVERIFY(!passes(song(), a, "bars"));
}

void TestChecklist::keyAndMode()
{
    Asked a;
    a.tonic = 0;
    a.minor = false;
    QVERIFY(passes(song(), a, "key"));
    a.tonic = 9;
    a.minor = true;
    QVERIFY(!passes(song(), a, "key"));
    Asked mode;
    mode.minor = true;
    QVERIFY(!passes(song(), mode, "mode"));
    mode.minor = false;
    QVERIFY(passes(song(), mode, "mode"));
}

void TestChecklist::partsAndPrograms()
{
    Asked a;
    a.parts = {{"bass", 33, false}, {"chords", -1, false}, {"pad", -1, true}};
    const auto checks = checkTake(song(), a);
    QCOMPARE(checks.size(), std::size_t{3});
    QVERIFY(checks[0].pass && checks[1].pass && checks[2].pass);
    QCOMPARE(checks[0].measured, std::string("Electric Bass (finger), 16 notes"));
    a.parts = {{"bass", 38, false}, {"drums", -1, false}, {"chords", -1, true}};
    for (const model::Check& c : checkTake(song(), a))
        QVERIFY2(!c.pass, c.name.c_str()); // wrong program, no drums, chords there
}

void TestChecklist::chordQualities()
{
    Asked a;
    a.extension = 7;
    QVERIFY(passes(song(true), a, "chord qualities"));
    QVERIFY(!passes(song(false), a, "chord qualities"));
    a.extension = 0;
    QVERIFY(passes(song(false), a, "chord qualities"));
    QVERIFY(!passes(song(true), a, "chord qualities"));
}

void TestChecklist::swingOfTheSwungSubdivision()
{
    Asked a;
    a.swingPercent = 62;
    const Plan swung = withDrums(song(), drums(0x5, 0xA, 0.62));
    QVERIFY(passes(swung, a, "swing"));
    QVERIFY(!passes(withDrums(song(), drums(0x5, 0xA, 0.5)), a, "swing"));
    // Straight eighths with swung sixteenths: the sixteenths are the swung subdivision.
    Plan sixteenths = withDrums(song(), drums(0x5, 0xA, 0.5));
    for (int beat = 0; beat < 16; ++beat)
        for (Tick eighth : {Tick{0}, Tick{kPpq / 2}})
            sixteenths.tracks[0].notes.push_back(
                note(beat * kPpq + eighth + static_cast<Tick>(0.62 * kPpq / 2), 60, 72));
    sixteenths.normalize();
    QVERIFY(passes(sixteenths, a, "swing"));
    const auto checks = checkTake(sixteenths, a);
    QCOMPARE(find(checks, "swing")->measured, std::string("62% (16ths)"));
    // Measured from the onsets without the chord search, it is what the whole analysis says (a
    // mode asked too makes the checklist analyse the whole take first).
    Asked withMode = a;
    withMode.minor = false;
    for (const Plan* p : std::initializer_list<const Plan*>{&swung, &sixteenths})
        QCOMPARE(find(checkTake(*p, withMode), "swing")->measured,
                 find(checkTake(*p, a), "swing")->measured);
    a.swingPercent = 50;
    QVERIFY(!passes(sixteenths, a, "swing"));
    QVERIFY(passes(song(), a, "swing"));
}

void TestChecklist::humanizeOrQuantized()
{
    const Plan swungSong = withDrums(song(), drums(0x5, 0xA, 0.62));
    Plan loose = song();
    int k = 0;
    for (Track& t : loose.tracks)
        for (Note& n : t.notes)
            n.startTick += (k++ % 3) * 7; // 0, 7, 14 ticks late
    loose.normalize();
    Asked a;
    a.humanize = true;
    QVERIFY(passes(loose, a, "humanize"));
    QVERIFY(!passes(song(), a, "humanize"));
    a.humanize = false;
    QVERIFY(passes(song(), a, "quantized"));
    QVERIFY(!passes(loose, a, "quantized"));
    Asked withMode = a;
    withMode.minor = false;
    for (const Plan* p : std::initializer_list<const Plan*>{&loose, &swungSong})
        QCOMPARE(find(checkTake(*p, withMode), "quantized")->measured,
                 find(checkTake(*p, a), "quantized")->measured);
}

void TestChecklist::loudness()
{
    Asked a;
    a.loudness = -1;
    QVERIFY(passes(song(false, 100, 60), a, "loudness"));
    QVERIFY(!passes(song(false, 100, 110), a, "loudness"));
    a.loudness = 1;
    QVERIFY(passes(song(false, 100, 110), a, "loudness"));
    QVERIFY(!passes(song(false, 100, 60), a, "loudness"));
}

void TestChecklist::drumDirectives()
{
    Asked a;
    a.backbeat = true;
    a.fourOnTheFloor = true;
    const Plan good = withDrums(song(), drums(0xF, 0xA));
    QVERIFY(passes(good, a, "snare on 2 and 4"));
    QVERIFY(passes(good, a, "four on the floor"));
    const Plan bad = withDrums(song(), drums(0x5, 0x4));
    QVERIFY(!passes(bad, a, "snare on 2 and 4"));
    QVERIFY(!passes(bad, a, "four on the floor"));
}

void TestChecklist::bassDirectives()
{
    Asked a;
    a.bassRoots = true;
    a.bassKick = true;
    const Plan good = withDrums(song(), drums(0xF, 0xA));
    QVERIFY(passes(good, a, "bass on the roots"));
    QVERIFY(passes(good, a, "bass locked to the kick"));
    Plan bad = withDrums(song(), drums(0x1, 0xA)); // kick on beat 1 only
    for (Track& t : bad.tracks)
        if (t.name == "Bass")
            for (Note& n : t.notes)
                n.key = static_cast<std::uint8_t>(n.key + 4); // the thirds
    QVERIFY(!passes(bad, a, "bass on the roots"));
    QVERIFY(!passes(bad, a, "bass locked to the kick"));
}

void TestChecklist::fillsAndTriplets()
{
    Asked a;
    a.fillBars = {3};
    a.tripletBars = {2};
    Plan p = withDrums(song(), drums(0x5, 0xA, 0.5, 3));
    for (int k = 0; k < 6; ++k) // sixteenth triplets on beat 3 of bar 2
        p.tracks.back().notes.push_back(note(kBar + 2 * kPpq + k * kPpq / 6, 30, 42));
    p.normalize();
    QVERIFY(passes(p, a, "fill in bar 3"));
    QVERIFY(passes(p, a, "triplet roll in bar 2"));
    const Plan plain = withDrums(song(), drums(0x5, 0xA));
    QVERIFY(!passes(plain, a, "fill in bar 3"));
    QVERIFY(!passes(plain, a, "triplet roll in bar 2"));
    // With a parent: more hits than the parent's bar.
    a.parent = &p;
    QVERIFY(!passes(p, a, "fill in bar 3"));
}

void TestChecklist::changeAgainstParent()
{
    const Plan parent = withDrums(song(), drums(0x5, 0xA));
    Plan child = parent;
    for (Note& n : child.tracks.back().notes)
        n.velocity = 120;
    Asked a;
    a.parent = &parent;
    const auto checks = checkTake(child, a);
    QCOMPARE(checks.size(), std::size_t{1});
    QVERIFY(checks[0].pass);
    QCOMPARE(checks[0].measured, std::string("changed: Drums; identical: Chords, Bass"));
    QVERIFY(!checkTake(parent, a).front().pass);
}

void TestChecklist::wordsBecomeAsked()
{
    const Asked a = engine::analysis::askedFromWords(
        "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths, swing 60%, snare on 2 and 4");
    QCOMPARE(a.bpm.value_or(0), 78.0);
    QCOMPARE(a.bars.value_or(0), 8);
    QCOMPARE(a.tonic.value_or(-1), 9);
    QCOMPARE(a.minor.value_or(false), true);
    QCOMPARE(a.extension.value_or(0), 9);
    QCOMPARE(a.swingPercent.value_or(0), 60.0);
    QVERIFY(!a.meter && !a.humanize && !a.loudness && !a.fourOnTheFloor);
    // "a 2-bar fill" names the fill's length, not the song's.
    QVERIFY(!engine::analysis::askedFromWords("Add a 2-bar fill on bar 7.").bars);
    QCOMPARE(
        engine::analysis::askedFromWords("16 bars, a 2 bar drum fill on bar 7").bars.value_or(0),
        16);
    const Asked b = engine::analysis::askedFromWords("soft piano ballad without drums, quantized");
    QCOMPARE(b.loudness.value_or(0), -1);
    QCOMPARE(b.humanize.value_or(true), false);
    QVERIFY(std::any_of(b.parts.begin(), b.parts.end(),
                        [](const auto& p) { return p.role == "drums" && p.absent; }));
}

void TestChecklist::candidatesRemadeAndOrdered()
{
    Asked a;
    a.bpm = 100;
    a.tonic = 0;
    a.minor = false;
    std::vector<model::Take> takes(2);
    takes[0].plan = song(false, 90); // fails the tempo: remade
    takes[1].plan = song(false, 100);
    int remade = 0;
    engine::analysis::checkCandidates(takes, a, [&](int index, int attempt) {
        ++remade;
        return std::pair{song(false, attempt == 2 ? 100 : 95), std::uint64_t(100 + index)};
    });
    QCOMPARE(remade, 2); // attempts 1 and 2 for the first take only
    QCOMPARE(takes[0].provenance.seed.value_or(0), std::uint64_t{100});
    QCOMPARE(engine::analysis::passedChecks(takes[0].checks), 2);
    // A take that cannot pass is kept (its failures listed) and goes last.
    std::vector<model::Take> stuck(2);
    stuck[0].plan = song(false, 90);
    stuck[0].name = "slow";
    stuck[1].plan = song(false, 100);
    engine::analysis::checkCandidates(stuck, a, [](int, int) {
        return std::pair{song(false, 80), std::uint64_t{1}};
    });
    QCOMPARE(stuck[1].name, std::string("slow"));
    QVERIFY(!stuck[1].checks.front().pass);
    QCOMPARE(stuck[1].checks.front().measured, std::string("90 bpm"));
}

void TestChecklist::textAndJson()
{
    Asked a;
    a.bpm = 100;
    a.bars = 8;
    const auto checks = checkTake(song(), a);
    QCOMPARE(
        engine::analysis::checklistJson(checks),
        std::string(R"({"checks":[{"name":"tempo","asked":"100 bpm","measured":"100 bpm",)"
                    R"("pass":true},{"name":"bars","asked":"8","measured":"4","pass":false}]})"));
    QCOMPARE(engine::analysis::checklistText(checks),
             std::string("  ok    tempo: 100 bpm (asked 100 bpm)\n  FAIL  bars: 4 (asked 8)\n"));
}

QTEST_GUILESS_MAIN(TestChecklist)
#include "tst_checklist.moc"
