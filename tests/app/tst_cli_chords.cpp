// SPDX-License-Identifier: MIT
// pianola-cli chords, refit, harmonize and fill through the real binary: printing, detecting,
// refitting a generated take (rhythm, drums and locked notes kept), chords for a gap, bad
// symbols and usage errors; harmonize (learned chords on the take's own bars, spelled in its key).
#include "CliRun.h"
#include "engine/PlanFile.h"
#include "model/ChordSymbol.h"
#include "model/PlanJson.h"

#include <algorithm>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <tuple>

using namespace pianola;
using test::runBinary;

namespace {
model::Plan load(const QString& path)
{
    auto loaded = engine::loadPlanFile(path.toStdString());
    if (!loaded) qFatal("%s", loaded.error().message.c_str());
    return loaded->plan;
}

using Rhythm = std::vector<std::tuple<model::Tick, model::Tick, int>>;
Rhythm rhythmOf(const model::Track& t)
{
    Rhythm r;
    for (const model::Note& n : t.notes)
        r.emplace_back(n.startTick, n.lengthTicks, n.velocity);
    std::sort(r.begin(), r.end());
    return r;
}
} // namespace

class TestCliChords : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void helpAndUsage();
    void printsTheChordTrack();
    void detectsWithoutAChordTrack();
    void refitFollowsTheChords();
    void refitKeepsLockedNotes();
    void badSymbolsExitOne();
    void harmonizeWritesTakes();
    void fillSuggestsChordsForAGap();
    void harmonizeFollowsTheMelody();

private:
    QString path(const char* name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestCliChords::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto r = runBinary({"generate", "--seed", "5", "-o", path("pop.mid"), "--plan-out",
                              path("pop.json"), "pop song in G major with piano, bass and drums"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

void TestCliChords::helpAndUsage()
{
    for (const char* command : {"chords", "refit", "harmonize", "fill"}) {
        const auto help = runBinary({command, "--help"});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.startsWith(QString("usage: pianola-cli ") + command));
    }
    QVERIFY(runBinary({"--help"}).out.contains("refit"));
    QCOMPARE(runBinary({"chords"}).code, 2);
    QCOMPARE(runBinary({"chords", "--bogus", path("pop.mid")}).code, 2);
    const auto noChords = runBinary({"refit", path("pop.mid"), "-o", path("x.mid")});
    QCOMPARE(noChords.code, 2);
    QVERIFY(noChords.err.contains("--chords"));
    QCOMPARE(runBinary({"chords", path("missing.mid")}).code, 1);
}

void TestCliChords::printsTheChordTrack()
{
    const model::Plan plan = load(path("pop.mid"));
    QVERIFY(!plan.chords.empty()); // read back from the markers
    const auto r = runBinary({"chords", path("pop.mid")});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.trimmed().split('\n');
    QVERIFY2(lines[0].contains("the file's chord track") && lines[0].contains("G major"),
             qPrintable(lines[0]));
    QCOMPARE(lines.size(), static_cast<int>(plan.chords.size()) + 1);
    QVERIFY2(lines[1].startsWith("1.1 "), qPrintable(lines[1]));
    QVERIFY(lines[1].endsWith(QString::fromStdString(model::chordSymbol(plan.chords[0]))));
    const auto json = runBinary({"chords", "--json", path("pop.mid")});
    QCOMPARE(json.code, 0);
    QVERIFY(json.out.contains("\"source\":\"file\""));
    QVERIFY(json.out.contains("\"at\":\"1.1\""));
}

void TestCliChords::detectsWithoutAChordTrack()
{
    // The same notes without a chord track (plan JSON without "chords"): detected.
    model::Plan plan = load(path("pop.json"));
    const std::vector<model::PlanChord> meant = plan.chords;
    plan.chords.clear();
    QFile f(path("plain.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromStdString(model::planToJson(plan)));
    f.close();
    const auto r = runBinary({"chords", path("plain.json")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("detected from the notes"), qPrintable(r.out));
    const auto forced = runBinary({"chords", "--detect", "--json", path("pop.mid")});
    QVERIFY(forced.out.contains("\"source\":\"detected\""));
    // The generator's first chord is what detection hears first.
    const QString first = QString::fromStdString(model::chordSymbol(meant[0]));
    QVERIFY2(r.out.split('\n').value(1).contains(first.left(1)), qPrintable(r.out));
}

void TestCliChords::refitFollowsTheChords()
{
    const auto r = runBinary({"refit", path("pop.mid"), "--chords", "Em7 | Cmaj7 | G D/F# | Am7",
                              "-o", path("refit.mid")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const model::Plan before = load(path("pop.mid"));
    const model::Plan after = load(path("refit.mid"));
    QStringList symbols;
    for (const model::PlanChord& c : after.chords)
        symbols << QString::fromStdString(model::chordSymbol(c));
    QVERIFY2(symbols.join(' ').startsWith("Em7 Cmaj7 G D/F# Am7 Em7"),
             qPrintable(symbols.join(' ')));
    QCOMPARE(after.tracks.size(), before.tracks.size());
    int moved = 0;
    for (std::size_t t = 0; t < before.tracks.size(); ++t) {
        QCOMPARE(rhythmOf(after.tracks[t]), rhythmOf(before.tracks[t]));
        if (before.tracks[t].channel == 9)
            QVERIFY(after.tracks[t] == before.tracks[t]);
        else
            moved += after.tracks[t].notes != before.tracks[t].notes;
    }
    QVERIFY(moved >= 2);
    // Printed back in the file's key, as typed.
    const auto printed = runBinary({"chords", path("refit.mid")});
    QVERIFY2(printed.out.contains("3.3      D/F#"), qPrintable(printed.out));
}

void TestCliChords::refitKeepsLockedNotes()
{
    model::Plan plan = load(path("pop.json"));
    for (model::Track& t : plan.tracks)
        for (std::size_t i = 0; i < t.notes.size(); i += 2)
            t.notes[i].locked = true;
    plan.tracks.back().locked = true;
    QFile f(path("locked.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromStdString(model::planToJson(plan)));
    f.close();
    const auto r = runBinary({"refit", path("locked.json"), "--chords", "C | Am | F | G7", "-o",
                              path("locked-out.json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const model::Plan after = load(path("locked-out.json"));
    QVERIFY(after.tracks.back() == plan.tracks.back());
    for (std::size_t t = 0; t < plan.tracks.size(); ++t)
        for (const model::Note& n : plan.tracks[t].notes)
            if (n.locked)
                QVERIFY(std::find(after.tracks[t].notes.begin(), after.tracks[t].notes.end(), n) !=
                        after.tracks[t].notes.end());
}

void TestCliChords::badSymbolsExitOne()
{
    const auto r = runBinary(
        {"refit", path("pop.mid"), "--chords", "Am7 | Fmaj7 | C Gx | E7", "-o", path("bad.mid")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("bar 3 (character 17): \"Gx\": an unexpected 'x' at character 2"),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(path("bad.mid")));
    QCOMPARE(
        runBinary({"refit", path("pop.mid"), "--chords", "Am | | F", "-o", path("bad.mid")}).code,
        1);
}

void TestCliChords::harmonizeWritesTakes()
{
    const auto r = runBinary({"harmonize", path("pop.mid"), "--takes", "2", "-o", path("h.mid")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const model::Plan before = load(path("pop.mid"));
    for (const char* name : {"h-1.mid", "h-2.mid"}) {
        const model::Plan take = load(path(name));
        QVERIFY(!take.chords.empty());
        QCOMPARE(take.tracks.size(), before.tracks.size() + 1);
        QCOMPARE(QString::fromStdString(take.tracks.back().name), QString("Harmony"));
        for (std::size_t t = 0; t < before.tracks.size(); ++t)
            QVERIFY(take.tracks[t].notes == before.tracks[t].notes);
    }
    QCOMPARE(runBinary({"harmonize", path("pop.mid"), "--track", "99", "-o", path("x.mid")}).code,
             1);
    QCOMPARE(runBinary({"harmonize", path("pop.mid"), "--takes", "0", "-o", path("x.mid")}).code,
             2);
}

// Bars 3-4 of a pop song in G between C and G: four files, the chords outside bars 2-5 as they
// were, C ending where bar 3 starts and G starting bar 5, new chords inside that the pitched
// parts play (rhythm kept), drums untouched.
void TestCliChords::fillSuggestsChordsForAGap()
{
    const auto r = runBinary(
        {"fill", path("pop.mid"), "--bars", "3-4", "--between", "C G", "-o", path("f.mid")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.err.count("bars 3-4: "), 4);
    const model::Plan before = load(path("pop.mid"));
    const model::Tick bar = 4 * before.ppq, from = 2 * bar, to = 4 * bar;
    QStringList gaps;
    for (const char* name : {"f-1.mid", "f-2.mid", "f-3.mid", "f-4.mid"}) {
        const model::Plan take = load(path(name));
        QString gap;
        int moved = 0;
        for (const model::PlanChord& c : take.chords) {
            if (c.startTick >= from && c.startTick < to)
                gap += QString::fromStdString(model::chordSymbol(c)) + " ";
            if (c.endTick() <= bar || c.startTick >= 5 * bar)
                QVERIFY(std::find(before.chords.begin(), before.chords.end(), c) !=
                        before.chords.end());
            if (c.endTick() == from) QCOMPARE(c.root, 0);
            if (c.startTick == to) QCOMPARE(c.root, 7);
        }
        QVERIFY2(!gap.isEmpty() && !gaps.contains(gap), qPrintable(gap));
        gaps << gap;
        for (std::size_t t = 0; t < before.tracks.size(); ++t) {
            QCOMPARE(rhythmOf(take.tracks[t]), rhythmOf(before.tracks[t]));
            if (before.tracks[t].channel == 9) QVERIFY(take.tracks[t] == before.tracks[t]);
            moved += take.tracks[t].notes != before.tracks[t].notes;
        }
        QVERIFY(moved >= 2);
    }
    const auto outside =
        runBinary({"fill", path("pop.mid"), "--bars", "30-31", "-o", path("x.mid")});
    QCOMPARE(outside.code, 1);
    QVERIFY2(outside.err.contains("the take has bars 1 to"), qPrintable(outside.err));
    const auto bad = runBinary(
        {"fill", path("pop.mid"), "--bars", "3", "--between", "C Hx", "-o", path("x.mid")});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains("\"Hx\""), qPrintable(bad.err));
    QVERIFY(!QFile::exists(path("x.mid")) && !QFile::exists(path("x-1.mid")));
    QCOMPARE(runBinary({"fill", path("pop.mid"), "-o", path("x.mid")}).code, 2);
    QCOMPARE(runBinary({"fill", path("pop.mid"), "--bars", "4-3", "-o", path("x.mid")}).code, 2);
}

// An arpeggiated F - Bb - C - F melody in F major, 3/4: the first candidate is those triads, a
// bar each on the take's own bar lines, spelled in the key (Bb, not A#); the next one adds
// sevenths.
void TestCliChords::harmonizeFollowsTheMelody()
{
    model::Plan plan;
    plan.timeSignatures = {model::TimeSignature{0, 3, 4}};
    model::KeySignature f;
    QVERIFY(model::keySignatureFromTonic("F", false, f));
    plan.keySignatures = {f};
    model::Track melody;
    melody.name = "Melody";
    const int bars[4][3] = {{65, 69, 72}, {70, 74, 77}, {72, 76, 79}, {77, 72, 69}};
    for (int b = 0; b < 4; ++b)
        for (int i = 0; i < 3; ++i) {
            model::Note n;
            n.startTick = (b * 3 + i) * model::Tick{480}, n.lengthTicks = 480;
            n.key = static_cast<std::uint8_t>(bars[b][i]);
            melody.notes.push_back(n);
        }
    plan.tracks.push_back(melody);
    plan.normalize();
    QVERIFY(engine::savePlanFile(path("arp.mid").toStdString(), plan).ok());
    const auto r =
        runBinary({"harmonize", path("arp.mid"), "--takes", "2", "-o", path("arp-h.mid")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto symbols = [&](const char* name) {
        const model::Plan take = load(path(name));
        QStringList out;
        for (const model::PlanChord& c : take.chords)
            out << QString::number(c.startTick) + " " +
                       QString::fromStdString(model::chordSymbolText(*model::chordSymbolOf(c), f));
        return out.join(", ");
    };
    QCOMPARE(symbols("arp-h-1.mid"), QString("0 F, 1440 Bb, 2880 C, 4320 F"));
    QCOMPARE(symbols("arp-h-2.mid"), QString("0 Fmaj7, 1440 Bbmaj7, 2880 C7, 4320 Fmaj7"));
}

QTEST_GUILESS_MAIN(TestCliChords)
#include "tst_cli_chords.moc"
