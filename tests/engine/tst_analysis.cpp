// SPDX-License-Identifier: MIT
// Analysis on synthetic plans: exact ms across tempo changes, chords and keys in all 24 keys,
// feel, drums, narrative, JSON.
#include "engine/analysis/AnalysisReport.h"
#include "engine/analysis/Analyzer.h"
#include "engine/analysis/Contradictions.h"

#include <nlohmann/json.hpp>
#include <QTest>

using namespace pianola;
using model::Note;
using model::Plan;
using model::Track;
using namespace model::analysis;

namespace {
constexpr int kPpq = 480;
constexpr model::Tick kBar = 4 * kPpq;

Note note(model::Tick start, model::Tick length, int key, int velocity = 90)
{
    Note n;
    n.startTick = start;
    n.lengthTicks = length;
    n.key = static_cast<std::uint8_t>(key);
    n.velocity = static_cast<std::uint8_t>(velocity);
    return n;
}

Track named(const char* name)
{
    Track t;
    t.name = name;
    return t;
}

Plan planWith(std::vector<Track> tracks, double bpm = 120)
{
    Plan plan;
    plan.ppq = kPpq;
    plan.tempos = {{0, bpm}};
    plan.tracks = std::move(tracks);
    plan.normalize();
    return plan;
}

// One bar per chord: the bass an octave below the root, the chord tones in close position above
// it, and a melody walking the chord tones in eighths.
void addChordBar(Track& chords, Track& bass, int bar, int root, std::vector<int> intervals,
                 int bassInterval = 0)
{
    const model::Tick at = bar * kBar;
    bass.notes.push_back(note(at, kBar, 36 + (root + bassInterval) % 12));
    for (int i : intervals)
        chords.notes.push_back(note(at, kBar, 60 + (root + i) % 12));
}

struct Progression
{
    std::vector<std::pair<int, std::vector<int>>> chords; // (root offset, intervals)
};

Plan progressionPlan(int tonic, bool minor)
{
    const std::vector<int> maj{0, 4, 7}, min{0, 3, 7};
    // I IV V I vi ii V I  or  i iv V i VI iv V i (harmonic minor dominant)
    const Progression p =
        minor
            ? Progression{{{0, min},
                           {5, min},
                           {7, maj},
                           {0, min},
                           {8, maj},
                           {5, min},
                           {7, maj},
                           {0, min}}}
            : Progression{
                  {{0, maj}, {5, maj}, {7, maj}, {0, maj}, {9, min}, {2, min}, {7, maj}, {0, maj}}};
    Track chords = named("Chords"), bass = named("Bass");
    bass.channel = 1;
    for (int bar = 0; bar < 8; ++bar)
        addChordBar(chords, bass, bar, (tonic + p.chords[bar].first) % 12, p.chords[bar].second);
    return planWith({chords, bass});
}

std::vector<std::string> symbols(const Analysis& a)
{
    std::vector<std::string> out;
    for (const Chord& c : a.chords)
        out.push_back(chordSymbol(c));
    return out;
}
} // namespace

class TestAnalysis : public QObject
{
    Q_OBJECT
private slots:
    void interpretationContradictions_data();
    void interpretationContradictions();
    void timingAcrossTempoChanges();
    void keysAndChordsInAllKeys_data();
    void keysAndChordsInAllKeys();
    void seventhsAndSlashChords();
    void modulation();
    void declaredKeyBreaksARelativeTie();
    void swingAndHumanization();
    void drumPatterns();
    void controllersAndRanges();
    void narrativeAndJson();
    void emptyPlan();
    void extendedChordsNamedByTheirRoot();
    void swingPerSubdivision();
    void chordalTracksOutweighTheMelody();
};

void TestAnalysis::timingAcrossTempoChanges()
{
    Track t = named("Lead");
    t.notes = {note(0, 480, 60), note(480, 960, 64), note(960, 480, 67)};
    Plan plan = planWith({t});
    plan.tempos = {{0, 120.0}, {960, 60.0}}; // 500 ms per beat, then 1000 ms
    const Analysis a = engine::analysis::analyzePlan(plan);
    // Ends: 500 ms, 1000 ms + 480 ticks at 60 bpm = 2000 ms, 1000 + 1000 = 2000 ms.
    QCOMPARE(a.durationMs, 2000.0);
    QCOMPARE(a.noteCount, 3);
    QCOMPARE(a.averageNoteMs, (500.0 + 1500.0 + 1000.0) / 3);
    QCOMPARE(a.channelTiming.size(), std::size_t(1));
    QCOMPARE(a.channelTiming[0].meanIoiMs, 500.0); // onsets 0, 500, 1000 ms
    QCOMPARE(a.channelTiming[0].medianIoiMs, 500.0);
    QCOMPARE(a.tempoMap.size(), std::size_t(2));
    QCOMPARE(a.tempoMap[1].startS, 1.0);
    QCOMPARE(a.meanBpm, (120.0 * 1.0 + 60.0 * 1.0) / 2.0);
    QCOMPARE(a.maxPolyphony, 2);
    // Lead: 0-480 then 480: legato (held to the next onset); 480-1440 with next at 960: longer.
    QCOMPARE(a.legatoRatio, 1.0);
    QCOMPARE(a.notesPerBar, std::vector<int>{3});
    // 60 and 64 sound 500 ms... duration weighting is in ticks: C 480, E 960, G 480.
    QCOMPARE(a.pitchClasses[0], 0.25);
    QCOMPARE(a.pitchClasses[4], 0.5);
    // 14-tick late onset at 120 bpm = 14/480 * 500 ms, on the beat grid elsewhere
    Track late = named("Late");
    late.notes = {note(0, 240, 60), note(480 + 24, 240, 60), note(960, 240, 60),
                  note(1440, 240, 60)};
    const Analysis b = engine::analysis::analyzePlan(planWith({late}));
    QCOMPARE(b.timingDeviationMs, 24.0 / 480 * 500 / 4);
}

void TestAnalysis::keysAndChordsInAllKeys_data()
{
    QTest::addColumn<int>("tonic");
    QTest::addColumn<bool>("minor");
    for (int tonic = 0; tonic < 12; ++tonic)
        for (bool minor : {false, true})
            QTest::addRow("%s %s", pitchClassName(tonic), minor ? "minor" : "major")
                << tonic << minor;
}

void TestAnalysis::keysAndChordsInAllKeys()
{
    QFETCH(int, tonic);
    QFETCH(bool, minor);
    const Analysis a = engine::analysis::analyzePlan(progressionPlan(tonic, minor));
    QCOMPARE(a.key.tonic, tonic);
    QCOMPARE(a.key.minor, minor);
    QVERIFY(a.key.confidence > 0.5);
    QCOMPARE(a.keyRunnerUps.size(), std::size_t(3));
    QVERIFY(a.keyRunnerUps[0].confidence <= a.key.confidence);
    auto name = [&](int offset, bool m) {
        return std::string(pitchClassName(tonic + offset)) + (m ? "m" : "");
    };
    const std::vector<std::string> expected =
        minor
            ? std::vector<std::string>{name(0, true),  name(5, true), name(7, false), name(0, true),
                                       name(8, false), name(5, true), name(7, false), name(0, true)}
            : std::vector<std::string>{name(0, false), name(5, false), name(7, false),
                                       name(0, false), name(9, true),  name(2, true),
                                       name(7, false), name(0, false)};
    QCOMPARE(symbols(a), expected);
    QCOMPARE(a.chords.front().startS, 0.0);
    QCOMPARE(a.chords[1].startS, 2.0); // one 4/4 bar at 120 bpm
    QCOMPARE(a.chords.back().endS, 16.0);
}

void TestAnalysis::seventhsAndSlashChords()
{
    Track chords = named("Chords"), bass = named("Bass");
    bass.channel = 1;
    addChordBar(chords, bass, 0, 0, {0, 4, 7, 11}); // Cmaj7
    addChordBar(chords, bass, 1, 2, {0, 3, 7, 10}); // Dm7
    addChordBar(chords, bass, 2, 7, {0, 4, 7, 10}); // G7
    addChordBar(chords, bass, 3, 0, {0, 4, 7}, 4);  // C/E
    addChordBar(chords, bass, 4, 9, {0, 3, 7});     // Am
    addChordBar(chords, bass, 5, 11, {0, 3, 6});    // Bdim
    addChordBar(chords, bass, 6, 7, {0, 5, 7});     // Gsus4
    addChordBar(chords, bass, 7, 0, {0, 4, 7});     // C
    const Analysis a = engine::analysis::analyzePlan(planWith({chords, bass}));
    QCOMPARE(symbols(a),
             (std::vector<std::string>{"Cmaj7", "Dm7", "G7", "C/E", "Am", "Bdim", "Gsus4", "C"}));
    QCOMPARE(a.chords[0].quality, std::string("maj7"));
    QCOMPARE(a.chords[3].bass, 4);
}

void TestAnalysis::modulation()
{
    // 8 bars of C major, then 16 bars of Eb major: two key regions, the longer one is the key.
    Plan plan = progressionPlan(0, false);
    for (int part = 0; part < 2; ++part) {
        const Plan eb = progressionPlan(3, false);
        for (std::size_t t = 0; t < plan.tracks.size(); ++t)
            for (Note n : eb.tracks[t].notes) {
                n.startTick += (8 + 8 * part) * kBar;
                plan.tracks[t].notes.push_back(n);
            }
    }
    plan.normalize();
    const Analysis a = engine::analysis::analyzePlan(plan);
    QCOMPARE(a.key.tonic, 3);
    QCOMPARE(a.key.minor, false);
    QCOMPARE(a.keySpans.size(), std::size_t(2));
    QCOMPARE(a.keySpans[0].key.tonic, 0);
    QCOMPARE(a.keySpans[0].startS, 0.0);
    QVERIFY2(std::abs(a.keySpans[1].startS - 16.0) <= 4.0,
             std::to_string(a.keySpans[1].startS).c_str());
    QCOMPARE(a.keySpans[1].key, a.key);
    QCOMPARE(a.keySpans[1].endS, 48.0);
    QVERIFY(a.narrative.find("with 1 key change") != std::string::npos);
}

// C and Am alternate: the notes cannot tell the relative keys apart; a declared A minor can. A
// declared C major (what software writes by default) and a declaration the notes contradict
// change nothing.
void TestAnalysis::declaredKeyBreaksARelativeTie()
{
    Track chords = named("Chords"), bass = named("Bass");
    bass.channel = 1;
    for (int bar = 0; bar < 8; ++bar)
        addChordBar(chords, bass, bar, bar % 2 ? 9 : 0,
                    bar % 2 ? std::vector<int>{0, 3, 7} : std::vector<int>{0, 4, 7});
    Plan plan = planWith({chords, bass});
    const Analysis plain = engine::analysis::analyzePlan(plan);
    const auto isPair = [](const Key& a, const Key& b) {
        return (a.tonic == 0 && !a.minor && b.tonic == 9 && b.minor) ||
               (a.tonic == 9 && a.minor && b.tonic == 0 && !b.minor);
    };
    QVERIFY(!plain.keyRunnerUps.empty());
    QVERIFY2(isPair(plain.key, plain.keyRunnerUps.front()),
             qPrintable(QString::fromStdString(keyName(plain.key))));
    QCOMPARE(plain.key.tonic, 0); // starting on C, the notes lean to C major

    for (const bool minor : {true, false}) {
        plan.keySignatures = {model::KeySignature{0, 0, minor}};
        const Analysis declared = engine::analysis::analyzePlan(plan);
        if (minor) {
            QCOMPARE(declared.key.tonic, 9);
            QVERIFY(declared.key.minor);
            QVERIFY(declared.key.confidence >= declared.keyRunnerUps.front().confidence);
            QCOMPARE(declared.keySpans.front().key.tonic, 9);
        } else {
            QVERIFY(declared.key == plain.key); // C major declared: the default, ignored
        }
    }

    plan.keySignatures = {model::KeySignature{0, 2, false}}; // D major: the notes say otherwise
    QVERIFY(engine::analysis::analyzePlan(plan).key == plain.key);
}

void TestAnalysis::swingAndHumanization()
{
    Track swung = named("Swing"), straight = named("Straight");
    for (int beat = 0; beat < 32; ++beat) {
        swung.notes.push_back(note(beat * kPpq, 300, 60));
        swung.notes.push_back(note(beat * kPpq + 320, 150, 62)); // 2/3 of the beat
        straight.notes.push_back(note(beat * kPpq, 220, 60));
        straight.notes.push_back(note(beat * kPpq + 240, 220, 62));
    }
    const Analysis s = engine::analysis::analyzePlan(planWith({swung}));
    QCOMPARE(s.swingRatio, 2.0);
    QCOMPARE(s.timingDeviationMs, 0.0); // on the triplet grid
    QCOMPARE(s.grooveConsistency, 1.0);
    const Analysis t = engine::analysis::analyzePlan(planWith({straight}));
    QCOMPARE(t.swingRatio, 1.0);
    QCOMPARE(t.staccatoRatio, 0.0);
    QVERIFY(t.legatoRatio == 0.0); // 220 of 240 ticks: neither
}

void TestAnalysis::drumPatterns()
{
    Track drums = named("Drums");
    drums.channel = 9;
    for (int bar = 0; bar < 8; ++bar) {
        for (int beat = 0; beat < 4; ++beat) {
            const model::Tick at = bar * kBar + beat * kPpq;
            drums.notes.push_back(note(at, 60, 36));
            if (beat % 2 == 1) drums.notes.push_back(note(at, 60, 38));
            drums.notes.push_back(note(at, 60, 42));
            drums.notes.push_back(note(at + kPpq / 2, 60, 42));
        }
    }
    for (int i = 0; i < 4; ++i) // a tom fill in the last bar
        drums.notes.push_back(note(7 * kBar + 3 * kPpq + i * kPpq / 4, 60, 45));
    const Analysis a = engine::analysis::analyzePlan(planWith({drums}));
    QCOMPARE(a.drums.hits, 8 * (4 + 2 + 8) + 4);
    QCOMPARE(a.drums.pieces.front().name, std::string("Closed Hi-Hat"));
    QCOMPARE(a.drums.pieces.front().hitsPerBar, 8.0);
    QCOMPARE(a.drums.patterns,
             (std::vector<std::string>{"four-on-the-floor", "backbeat", "eighth-note hi-hat"}));
    QCOMPARE(a.drums.fillBars, std::vector<int>{8});
    QVERIFY(a.chords.empty()); // drums are not harmony
}

void TestAnalysis::controllersAndRanges()
{
    Track t = named("Keys");
    t.channel = 2;
    t.program = 4;
    t.notes = {note(0, 480, 40, 20), note(480, 480, 90, 120)};
    t.controllers = {{0, 64, 127}, {400, 64, 0}, {800, 64, 127}, {0, 7, 100}};
    t.pitchBends = {{0, -8192}, {100, 0}, {200, 4000}};
    const Analysis a = engine::analysis::analyzePlan(planWith({t}));
    QCOMPARE(a.tracks.size(), std::size_t(1));
    QCOMPARE(a.tracks[0].lowestKey, 40);
    QCOMPARE(a.tracks[0].highestKey, 90);
    QCOMPARE(a.velocityMin, 20);
    QCOMPARE(a.velocityMax, 120);
    QCOMPARE(a.velocityMean, 70.0);
    QCOMPARE(a.velocityStdDev, 50.0);
    QCOMPARE(a.controllers.size(), std::size_t(2));
    QCOMPARE(a.controllers[1].controller, 64);
    QCOMPARE(a.controllers[1].events, 3);
    QCOMPARE(a.controllers[1].travel, 254);
    QCOMPARE(a.pitchBends.size(), std::size_t(1));
    QCOMPARE(a.pitchBends[0].minValue, -8192);
    QCOMPARE(a.pitchBends[0].maxValue, 4000);
}

void TestAnalysis::narrativeAndJson()
{
    const Plan plan = progressionPlan(6, false);
    const Analysis a = engine::analysis::analyzePlan(plan);
    QVERIFY(a.narrative.find("F# major") != std::string::npos);
    QVERIFY(!a.suggestions.empty() && a.suggestions.size() <= 2);
    QCOMPARE(a.suggestions.front(), std::string("add a drum groove"));
    QCOMPARE(engine::analysis::analyzePlan(plan).narrative, a.narrative); // deterministic
    const auto j = nlohmann::json::parse(engine::analysis::analysisToJson(a, "x.mid"));
    QCOMPARE(j["file"].get<std::string>(), std::string("x.mid"));
    QCOMPARE(j["key"]["tonic"].get<std::string>(), std::string("F#"));
    QCOMPARE(j["key"]["mode"].get<std::string>(), std::string("major"));
    QCOMPARE(j["duration_ms"].get<double>(), 16000.0);
    QCOMPARE(j["chords"][1]["symbol"].get<std::string>(), std::string("B"));
    QCOMPARE(j["chords"][1]["quality"].get<std::string>(), std::string("maj"));
    QCOMPARE(j["chords"][1]["start_s"].get<double>(), 2.0);
    QCOMPARE(j["chords"][4]["symbol"].get<std::string>(), std::string("Ebm"));
    QCOMPARE(j["suggestions"].size(), a.suggestions.size());
    const std::string text = engine::analysis::analysisToText(a, "x.mid");
    QVERIFY(text.find("key          F# major") != std::string::npos);
    QVERIFY(text.find("0:02.00 B") != std::string::npos);
}

void TestAnalysis::emptyPlan()
{
    const Analysis a = engine::analysis::analyzePlan(Plan{});
    QCOMPARE(a.noteCount, 0);
    QVERIFY(a.chords.empty());
    QCOMPARE(a.key.confidence, 0.0);
    QCOMPARE(a.narrative, std::string("The piece is empty: there are no notes to describe."));
    QCOMPARE(a.suggestions, std::vector<std::string>{"write an 8-bar chord progression"});
    QVERIFY(!engine::analysis::analysisToJson(a).empty());
}

// The voicings the generator writes for 11ths and 13ths (no fifth): once named "Gadd9/A".
void TestAnalysis::extendedChordsNamedByTheirRoot()
{
    Track chords = named("Chords"), bass = named("Bass");
    addChordBar(chords, bass, 0, 9, {0, 3, 10, 14, 17}); // A C G B D
    addChordBar(chords, bass, 1, 9, {0, 3, 10, 14, 17});
    addChordBar(chords, bass, 2, 4, {0, 4, 10, 14, 21}); // E G# D F# C#
    addChordBar(chords, bass, 3, 4, {0, 4, 10, 14, 21});
    const Analysis a = engine::analysis::analyzePlan(planWith({chords, bass}));
    QCOMPARE(a.chords.size(), std::size_t{2});
    QCOMPARE(model::analysis::chordSymbol(a.chords[0]), std::string("Am11"));
    QCOMPARE(model::analysis::chordSymbol(a.chords[1]), std::string("E13"));
}

// A piano stabbing C-E-G on every beat under a melody holding F and A as long as the piano's
// notes sound in all: by duration alone the notes are an Fmaj9 (F A C E G); the piano says C.
void TestAnalysis::chordalTracksOutweighTheMelody()
{
    Track piano = named("Piano"), melody = named("Melody");
    melody.channel = 1;
    for (int bar = 0; bar < 4; ++bar) {
        const model::Tick at = bar * kBar;
        for (int beat = 0; beat < 4; ++beat)
            for (int key : {60, 64, 67})
                piano.notes.push_back(note(at + beat * kPpq, kPpq / 2, key));
        melody.notes.push_back(note(at, kBar / 2, 77));            // F
        melody.notes.push_back(note(at + kBar / 2, kBar / 2, 81)); // A
    }
    const Plan plan = planWith({piano, melody});
    const Analysis a = engine::analysis::analyzePlan(plan);
    QCOMPARE(symbols(a), std::vector<std::string>{"C"});
    engine::analysis::AnalysisOptions unweighted;
    unweighted.chords.weighTracks = false; // every note by its duration only
    const Analysis b = engine::analysis::analyzePlan(plan, unweighted);
    QVERIFY(!b.chords.empty());
    QCOMPARE(b.chords.front().root, 5); // F: what the melody's long notes outweigh it to
}

// Straight eighth hats with swung sixteenths (what the generator writes for "swing 62%"): the
// music swings its sixteenths, not "straight".
void TestAnalysis::swingPerSubdivision()
{
    Track hats = named("Hats"), keys = named("Keys");
    hats.channel = 9;
    for (int beat = 0; beat < 32; ++beat) {
        hats.notes.push_back(note(beat * kPpq, 60, 42));
        hats.notes.push_back(note(beat * kPpq + kPpq / 2, 60, 42));
        keys.notes.push_back(note(beat * kPpq + 149, 60, 64)); // 0.62 of the first eighth
        keys.notes.push_back(note(beat * kPpq + 240 + 149, 60, 67));
    }
    const Analysis a = engine::analysis::analyzePlan(planWith({hats, keys}));
    QCOMPARE(a.swingSubdivision, 16);
    QCOMPARE(a.swingRatio8, 1.0);
    QVERIFY2(std::abs(a.swingRatio - 149.0 / 91.0) < 0.01,
             qPrintable(QString::number(a.swingRatio)));
    QVERIFY(a.narrative.find("swings (sixteenths") != std::string::npos);
    const Analysis straight = engine::analysis::analyzePlan(planWith({hats}));
    QCOMPARE(straight.swingSubdivision, 8);
    QCOMPARE(straight.swingRatio, 1.0);
}

// A model's interpretation against the facts (F# major, 148 bpm, 4/4, no drums unless a row
// gives hits): what contradicts them is flagged as a value (kind, its words, the fact), what
// agrees (or is not a fact) is not.
void TestAnalysis::interpretationContradictions_data()
{
    using K = engine::analysis::Contradiction::Kind;
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("drumHits");
    QTest::addColumn<int>("kind"); // -1: nothing flagged
    QTest::addColumn<QString>("said");
    const auto row = [](const char* name, const char* text, int kind, const char* said = "",
                        int hits = 0) {
        QTest::newRow(name) << QString(text) << hits << kind << QString(said);
    };
    row("drums in a piece without", "The drums keep a plain backbeat.", int(K::DrumsNamed));
    row("no drums, rightly", "There are no drums; the piano carries the groove.", -1);
    row("no drums, wrongly", "There are no drums; the piano carries the groove.",
        int(K::DrumsDenied), "", 37);
    row("key", "A bright song in C major.", int(K::Key), "C major");
    row("key with a sharp sign", "A bright song in F\u266F major.", -1);
    row("the key itself", "A bright song in F# major.", -1);
    row("lower-case a is not a key", "It has a minor feel in places.", -1);
    row("tempo", "At 90 bpm it feels relaxed.", int(K::Tempo), "90");
    row("tempo within 5%", "At 150 BPM it drives.", -1);
    row("meter", "A waltz in 3/4.", int(K::Meter), "3/4");
    row("nothing factual", "Warm and nostalgic, with a gentle lift in the chorus.", -1);
}

void TestAnalysis::interpretationContradictions()
{
    QFETCH(QString, text);
    QFETCH(int, drumHits);
    QFETCH(int, kind);
    QFETCH(QString, said);
    model::analysis::Analysis facts;
    facts.noteCount = 1000;
    facts.meanBpm = 148;
    facts.tempoMap = {{0.0, 148.0}};
    facts.key = {6, false, 0.9};
    facts.keySpans = {{0.0, 100.0, facts.key}};
    facts.drums.hits = drumHits;
    const auto flags = engine::analysis::contradictions(text.toStdString(), facts);
    if (kind < 0) {
        QVERIFY2(flags.empty(), flags.empty() ? "" : flags.front().said.c_str());
        return;
    }
    QCOMPARE(flags.size(), std::size_t(1));
    const engine::analysis::Contradiction& c = flags.front();
    QCOMPARE(int(c.kind), kind);
    QCOMPARE(QString::fromStdString(c.said), said);
    using K = engine::analysis::Contradiction::Kind;
    if (c.kind == K::DrumsDenied) QCOMPARE(c.drumHits, drumHits);
    if (c.kind == K::Key) QCOMPARE(c.key, facts.key);
    if (c.kind == K::Tempo) QCOMPARE(c.bpm, 148.0);
    if (c.kind == K::Meter)
        QCOMPARE(std::pair(c.meterNumerator, c.meterDenominator), std::pair(4, 4));
}

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
