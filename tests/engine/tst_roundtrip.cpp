// SPDX-License-Identifier: MIT
// Plan <-> SMF round trips: lossless for everything the plan models, on built and real files.
#include "engine/FileIo.h"
#include "engine/smf/SmfChords.h"
#include "engine/smf/SmfPlan.h"
#include "engine/smf/SmfReader.h"
#include "model/ChordSymbol.h"
#include "SmfTestUtil.h"

#include <algorithm>
#include <QDir>
#include <QRandomGenerator>
#include <QTest>
#include <tuple>

using namespace pianola;
using namespace pianola::engine::smf;

namespace {
model::Plan roundTrip(const model::Plan& plan, int format = 1)
{
    ExportOptions options;
    options.format = format;
    auto back = readPlan(writePlan(plan, options));
    if (!back.ok()) qFatal("re-read failed: %s", back.error().message.c_str());
    return std::move(back->plan);
}

// A random plan with no nested same-key overlaps (those are trimmed on export by design).
model::Plan randomPlan(quint32 seed)
{
    QRandomGenerator rng(seed);
    model::Plan plan;
    plan.ppq = 24 * rng.bounded(1, 40);
    plan.tempos = {{0, (400 + rng.bounded(2000)) / 10.0}}; // decimal bpm, as people type them
    for (int i = 0, n = rng.bounded(4); i < n; ++i)
        plan.tempos.push_back({rng.bounded(1, 100000), (4000 + rng.bounded(20000)) / 100.0});
    for (int t = 0, tracks = rng.bounded(1, 6); t < tracks; ++t) {
        model::Track track;
        track.name = "T" + std::to_string(t);
        track.channel = rng.bounded(16);
        track.program = rng.bounded(128);
        if (rng.bounded(2)) track.bankMsb = rng.bounded(128);
        std::array<model::Tick, 128> free{}; // each key free again from this tick
        for (int i = 0, notes = rng.bounded(200); i < notes; ++i) {
            const auto key = static_cast<std::uint8_t>(rng.bounded(128));
            const model::Tick start = free[key] + rng.bounded(500);
            const model::Tick length = rng.bounded(1, 2000);
            free[key] = start + length;
            track.notes.push_back({start, length, 0, key,
                                   static_cast<std::uint8_t>(rng.bounded(1, 128)),
                                   static_cast<std::uint8_t>(rng.bounded(128))});
        }
        for (int i = 0, n = rng.bounded(50); i < n; ++i) {
            const auto controller = static_cast<std::uint8_t>(rng.bounded(1, 128));
            if (controller != 32) // a lone bank LSB before a program change is folded into it
                track.controllers.push_back(
                    {rng.bounded(100000), controller, static_cast<std::uint8_t>(rng.bounded(128))});
        }
        for (int i = 0, n = rng.bounded(50); i < n; ++i)
            track.pitchBends.push_back(
                {rng.bounded(100000), static_cast<std::int16_t>(rng.bounded(-8192, 8192))});
        plan.tracks.push_back(std::move(track));
    }
    plan.normalize();
    return plan;
}

QString firstDifference(const model::Plan& a, const model::Plan& b)
{
    if (a.ppq != b.ppq) return "ppq";
    if (a.tempos != b.tempos) return "tempos";
    if (a.timeSignatures != b.timeSignatures) return "time signatures";
    if (a.keySignatures != b.keySignatures) return "key signatures";
    if (a.globalEvents != b.globalEvents) return "global events";
    if (a.tracks.size() != b.tracks.size())
        return QString("track count %1 vs %2").arg(a.tracks.size()).arg(b.tracks.size());
    for (std::size_t i = 0; i < a.tracks.size(); ++i) {
        const auto& x = a.tracks[i];
        const auto& y = b.tracks[i];
        if (x.notes != y.notes) return QString("track %1 notes").arg(i);
        if (x.controllers != y.controllers) return QString("track %1 controllers").arg(i);
        if (x.pitchBends != y.pitchBends) return QString("track %1 pitch bends").arg(i);
        if (!(x == y))
            return QString("track %1 (name/channel/program/bank/pressure/raw/end)").arg(i);
    }
    return {};
}

QStringList corpusFiles()
{
    QStringList files;
    const QString shared = PIANOLA_SHARED_DIR;
    for (const QString& sub :
         {QString("/corpora/pop909-dev"), QString("/corpora/test-midi-files/midi")}) {
        QDir dir(shared + sub);
        if (!dir.exists()) continue;
        const auto entries = dir.entryInfoList({"*.mid"}, QDir::Files, QDir::Name) + [&] {
            QFileInfoList all;
            for (const auto& d : dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
                all += QDir(d.filePath()).entryInfoList({"*.mid"}, QDir::Files);
            return all;
        }();
        for (const auto& e : entries)
            files << e.filePath();
    }
    return files;
}
} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT
private slots:
    void richPlanIsLossless();
    void richPlanFormat0KeepsMusic();
    void randomPlansAreLossless();
    void corpusReachesAFixedPoint();
    void corpusNotesSurviveExport();
    void chordTrackAsMarkers();
    void chordMarkersFromOtherTools();
};

void TestRoundTrip::richPlanIsLossless()
{
    const model::Plan plan = test::richPlan();
    const model::Plan back = roundTrip(plan);
    QVERIFY2(back == plan, qPrintable(firstDifference(plan, back)));
}

void TestRoundTrip::richPlanFormat0KeepsMusic()
{
    const model::Plan plan = test::richPlan();
    const model::Plan back = roundTrip(plan, 0);
    QCOMPARE(back.tempos, plan.tempos);
    QCOMPARE(back.timeSignatures, plan.timeSignatures);
    QCOMPARE(back.keySignatures, plan.keySignatures);
    QCOMPARE(back.tracks.size(), std::size_t(2)); // split again by channel
    QCOMPARE(back.tracks[0].notes, plan.tracks[0].notes);
    QCOMPARE(back.tracks[1].notes, plan.tracks[1].notes);
    QCOMPARE(back.tracks[0].programChanges, plan.tracks[0].programChanges);
}

void TestRoundTrip::randomPlansAreLossless()
{
    for (quint32 seed = 1; seed <= 200; ++seed) {
        const model::Plan plan = randomPlan(seed);
        const model::Plan back = roundTrip(plan);
        QVERIFY2(back == plan,
                 qPrintable(QString("seed %1: %2").arg(seed).arg(firstDifference(plan, back))));
    }
}

void TestRoundTrip::corpusReachesAFixedPoint()
{
    const QStringList files = corpusFiles();
    if (files.isEmpty()) QSKIP("../shared corpora not present");
    int checked = 0;
    for (const QString& path : files) {
        auto bytes = engine::readFile(path.toStdString(), kMaxFileBytes);
        QVERIFY(bytes.ok());
        auto first = readPlan(*bytes);
        if (!first.ok()) continue; // corrupt files: tst_conformance checks their errors
        const model::Plan once = roundTrip(first->plan);
        const model::Plan twice = roundTrip(once);
        QVERIFY2(twice == once, qPrintable(path + ": " + firstDifference(once, twice)));
        ++checked;
    }
    QVERIFY(checked > 300);
}

void TestRoundTrip::corpusNotesSurviveExport()
{
    // Every note of a real song comes back from our export with the same channel, key, velocity,
    // start and end (nested same-key overlaps, which no reader can tell apart, excepted).
    const QStringList files = corpusFiles().filter("pop909");
    if (files.isEmpty()) QSKIP("../shared/corpora/pop909-dev not present");
    using Key = std::tuple<int, int, int, model::Tick, model::Tick>;
    for (const QString& path : files) {
        auto bytes = engine::readFile(path.toStdString(), kMaxFileBytes);
        auto original = readSmfNotes(*bytes);
        QVERIFY(original.ok());
        auto plan = readPlan(*bytes);
        QVERIFY(plan.ok());
        auto exported = readSmfNotes(writePlan(plan->plan));
        QVERIFY(exported.ok());
        std::vector<Key> a, b;
        for (const auto& n : original->notes)
            a.emplace_back(n.channel, n.key, n.velocity, n.startTick,
                           std::max(n.endTick, n.startTick + 1));
        for (const auto& n : exported->notes)
            b.emplace_back(n.channel, n.key, n.velocity, n.startTick, n.endTick);
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        QVERIFY2(a == b, qPrintable(path));
    }
}

// The chord track leaves as conductor markers spelled for the key and comes back equal; other
// markers stay markers.
void TestRoundTrip::chordTrackAsMarkers()
{
    model::Plan plan = test::richPlan();   // a "Chorus" marker at 3840
    plan.keySignatures = {{0, -1, false}}; // F major
    const auto chord = [](const char* text, model::Tick start, model::Tick length) {
        return model::planChordOf(*model::parseChordSymbol(text), start, length);
    };
    plan.chords = {chord("Fmaj9", 0, 1920), chord("A#/D", 1920, 960), chord("C7#9", 2880, 960),
                   chord("Dm7b5", 4800, 1920)}; // a gap at 3840
    const model::Plan back = roundTrip(plan);
    QVERIFY2(back == plan, qPrintable(firstDifference(plan, back)));
    QCOMPARE(back.chords, plan.chords);
    const auto file = readSmf(writePlan(plan));
    QVERIFY(file.ok());
    QStringList markers;
    for (const Event& e : file->tracks[0].events)
        if (e.isMeta() && e.data1 == 0x06)
            markers << QString::number(e.tick) + " " +
                           QString::fromStdString(std::string(file->payloadOf(e)));
    QCOMPARE(markers.join(", "), QString("0 Fmaj9, 1920 Bb/D, 2880 C7#9, 3840 Chorus, 3840 N.C., "
                                         "4800 Dm7b5, 6720 N.C."));
}

void TestRoundTrip::chordMarkersFromOtherTools()
{
    model::Plan plan;
    model::Track piano;
    piano.notes = {{0, 7000, 0, 57, 90}}; // ends in bar 4 of 4/4 at ppq 480
    plan.tracks.push_back(piano);
    plan.globalEvents = {{0, 0x06, false, "Am7"},
                         {1920, 0x06, false, "Intro"},
                         {1920, 0x06, false, "F"},
                         {3840, 0x06, false, "G"}};
    plan.normalize();
    const model::Plan back = roundTrip(plan);
    QCOMPARE(back.globalEvents.size(), std::size_t(1)); // "Intro" stays a marker
    QCOMPARE(back.chords.size(), std::size_t(3));
    QCOMPARE(model::chordSymbol(back.chords[0]), std::string("Am7"));
    QCOMPARE(back.chords[2].startTick, 3840);
    QCOMPARE(back.chords[2].endTick(), 7680); // the last chord holds to the bar line
    // Section letters alone are not a chord track.
    plan.globalEvents = {{0, 0x06, false, "A"}, {1920, 0x06, false, "B"}};
    const model::Plan sections = roundTrip(plan);
    QVERIFY(sections.chords.empty());
    QCOMPARE(sections.globalEvents.size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
