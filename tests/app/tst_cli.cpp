// SPDX-License-Identifier: MIT
// pianola-cli driven in-process: help, exit codes, notes CSV, convert round trips, validate.
#include "CliRun.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace pianola;

namespace {
using Run = test::CliRun;
using test::runCli;

void writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

const char* kSeed = R"({"ppq":480,"bpm":110,"program":0,"tracks":[{"name":"Piano","channel":0,"program":0,"notes":[{"key":60,"vel":96,"start":0,"length":480}]}]})";
// C major for one 4/4 bar across a tempo change: 960 ticks at 120 bpm (1 s) + 960 at 60 (2 s).
const char* kTempoChord = R"({"ppq":480,"bpm":120,"tempoChanges":[{"tick":960,"bpm":60}],"tracks":[{"name":"Keys","channel":0,"notes":[)"
                          R"({"key":48,"vel":90,"start":0,"length":1920},{"key":60,"vel":90,"start":0,"length":1920},)"
                          R"({"key":64,"vel":90,"start":0,"length":1920},{"key":67,"vel":90,"start":0,"length":1920}]}]})";
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void helpEverywhere_data();
    void helpEverywhere();
    void usageErrors_data();
    void usageErrors();
    void notesCsvAndCount();
    void badInputExitsOne();
    void convertRoundTrip();
    void convertFormat0();
    void validate();
    void info();
    void validateProject();
    void generateWritesTakes();
    void generateExplainAndImpossible();
    void generateVariation();
    void analyzeText();
    void checkAgainstWords();
    void generateExplainPrintsChecklists();
    void analyzeJsonLinesAndBadFile();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestCli::helpEverywhere_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expect");
    QTest::newRow("top") << QStringList{"--help"} << "commands:";
    QTest::newRow("info") << QStringList{"info", "--help"} << "usage: pianola-cli info";
    QTest::newRow("notes") << QStringList{"notes", "-h"} << "usage: pianola-cli notes";
    QTest::newRow("convert") << QStringList{"convert", "--help"} << "usage: pianola-cli convert";
    QTest::newRow("validate") << QStringList{"validate", "--help"} << "usage: pianola-cli validate";
    QTest::newRow("generate") << QStringList{"generate", "--help"} << "usage: pianola-cli generate";
    QTest::newRow("analyze") << QStringList{"analyze", "--help"} << "usage: pianola-cli analyze";
    QTest::newRow("check") << QStringList{"check", "--help"} << "usage: pianola-cli check";
}

void TestCli::helpEverywhere()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expect);
    const Run r = runCli(args);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(expect), qPrintable(r.out));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expect");
    QTest::newRow("nothing") << QStringList{} << "";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "unknown command 'frobnicate'";
    QTest::newRow("unknown option") << QStringList{"notes", "--bogus", "x.mid"} << "unknown option --bogus";
    QTest::newRow("no files") << QStringList{"notes"} << "needs at least one FILE";
    QTest::newRow("convert without -o") << QStringList{"convert", "a.mid"} << "needs one input file and -o OUT";
    QTest::newRow("bad format") << QStringList{"convert", "a.mid", "-o", "b.mid", "--format", "2"} << "--format must be 0 or 1";
    QTest::newRow("-o without value") << QStringList{"convert", "a.mid", "-o"} << "option -o needs a value";
    QTest::newRow("generate without prompt") << QStringList{"generate", "-o", "x.mid"} << "needs a PROMPT and -o OUT.mid";
    QTest::newRow("generate without -o") << QStringList{"generate", "pop"} << "needs a PROMPT and -o OUT.mid";
    QTest::newRow("generate bad takes") << QStringList{"generate", "--takes", "0", "-o", "x.mid", "pop"} << "--takes must be";
    QTest::newRow("generate bad seed") << QStringList{"generate", "--seed", "-3", "-o", "x.mid", "pop"} << "--seed must be";
    QTest::newRow("analyze nothing") << QStringList{"analyze", "--json"} << "needs at least one FILE";
    QTest::newRow("check without prompt") << QStringList{"check", "a.mid"} << "needs a TAKE file and the PROMPT";
    QTest::newRow("check bad option") << QStringList{"check", "--bogus", "a.mid", "pop"} << "unknown option --bogus";
    QTest::newRow("analyze bad jobs") << QStringList{"analyze", "--jobs", "many", "a.mid"} << "--jobs needs a number";
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expect);
    const Run r = runCli(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(expect), qPrintable(r.err));
}

void TestCli::notesCsvAndCount()
{
    writeFile(path("seed.json"), kSeed);
    QCOMPARE(runCli({"convert", path("seed.json"), "-o", path("seed.mid")}).code, 0);
    const Run notes = runCli({"notes", path("seed.mid")});
    QCOMPARE(notes.code, 0);
    QCOMPARE(notes.out, path("seed.mid") + ",1,0,60,96,0,480\n");   // track 1: after the conductor
    const Run count = runCli({"notes", "--count", path("seed.mid"), path("seed.mid")});
    QCOMPARE(count.out, QString("files 2, failed 0, notes 2\n"));
}

void TestCli::badInputExitsOne()
{
    writeFile(path("bad.mid"), QByteArray::fromHex("4D546864000000060001000100604D54726B000000088080808000903C40"));
    const Run r = runCli({"notes", "--count", path("bad.mid"), path("missing.mid")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(path("bad.mid") + ": delta time longer than 4 bytes at byte 22"), qPrintable(r.err));
    QVERIFY2(r.err.contains(path("missing.mid") + ": No such file or directory"), qPrintable(r.err));
    QCOMPARE(r.out, QString("files 0, failed 2, notes 0\n"));
    const Run convert = runCli({"convert", path("bad.mid"), "-o", path("never.json")});
    QCOMPARE(convert.code, 1);
    QVERIFY(!QFile::exists(path("never.json")));   // nothing half-written
}

void TestCli::convertRoundTrip()
{
    writeFile(path("seed.json"), kSeed);
    QCOMPARE(runCli({"convert", path("seed.json"), "-o", path("a.mid")}).code, 0);
    QCOMPARE(runCli({"convert", path("a.mid"), "-o", path("a.json")}).code, 0);
    QCOMPARE(runCli({"convert", path("a.json"), "-o", path("b.mid")}).code, 0);
    QFile a(path("a.mid")), b(path("b.mid"));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());   // byte-identical after a trip through JSON
    QFile json(path("a.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QByteArray text = json.readAll();
    QVERIFY2(text.contains("\"bpm\": 110"), text.constData());   // 545455 us reads back as 110
}

void TestCli::convertFormat0()
{
    writeFile(path("seed.json"), kSeed);
    QCOMPARE(runCli({"convert", path("seed.json"), "-o", path("f0.mid"), "--format", "0"}).code, 0);
    QFile f(path("f0.mid"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QCOMPARE(bytes.mid(8, 4), QByteArray::fromHex("00000001"));   // format 0, one track
}

void TestCli::validate()
{
    writeFile(path("ok.json"), kSeed);
    const Run ok = runCli({"validate", path("ok.json")});
    QCOMPARE(ok.code, 0);
    QCOMPARE(ok.out, path("ok.json") + ": ok (1 tracks, 1 notes)\n");
    writeFile(path("bad.json"), R"({"ppq":480,"tracks":[{"channel":16,"notes":[{"key":60,"vel":0,"start":0,"length":480}]}]})");
    const Run bad = runCli({"validate", path("bad.json")});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains(path("bad.json") + ": tracks[0].channel: 16 is out of range 0..15"), qPrintable(bad.err));
    QVERIFY2(bad.err.contains(path("bad.json") + ": tracks[0].notes[0].vel: 0 is out of range 1..127"), qPrintable(bad.err));
}

void TestCli::info()
{
    writeFile(path("seed.json"), kSeed);
    QCOMPARE(runCli({"convert", path("seed.json"), "-o", path("i.mid")}).code, 0);
    const Run r = runCli({"info", path("i.mid")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("format 1, 2 track(s), 480 ticks per quarter note"), qPrintable(r.out));
    QVERIFY2(r.out.contains("track 1 \"Piano\": channels 1; 1 notes"), qPrintable(r.out));
    QVERIFY2(r.out.contains("tick 0  0.000 s  110 bpm"), qPrintable(r.out));
    QVERIFY2(r.out.contains("length: 480 ticks, 0.545 s"), qPrintable(r.out));
}

void TestCli::validateProject()
{
    writeFile(path("song.pianola"),
              QByteArray(R"({"format":"pianola-project","version":1,"activeTake":1,"takes":[{"id":1,"name":"Take 1",)"
                         R"("provenance":{"prompt":"lo-fi in Am","provider":"offline","seed":42},"plan":)") +
                  kSeed + "}],\"chat\":[]}");
    const Run ok = runCli({"validate", path("song.pianola")});
    QVERIFY2(ok.code == 0, qPrintable(ok.err));
    QCOMPARE(ok.out, path("song.pianola") + ": ok (project, 1 takes)\n");
    writeFile(path("new.pianola"), R"({"format":"pianola-project","version":7,"takes":[]})");
    const Run newer = runCli({"validate", path("new.pianola")});
    QCOMPARE(newer.code, 1);
    QVERIFY2(newer.err.contains("newer Pianola (format version 7"), qPrintable(newer.err));
}

void TestCli::generateWritesTakes()
{
    const QString prompt = "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths";
    const Run one = runCli({"generate", "--seed", "7", "-o", path("one.mid"), "--plan-out", path("one.json"), prompt});
    QVERIFY2(one.code == 0, qPrintable(one.err));
    QVERIFY(QFile::exists(path("one.mid")) && QFile::exists(path("one.json")));
    QCOMPARE(runCli({"validate", path("one.json")}).code, 0);
    const Run again = runCli({"generate", "--seed", "7", "-o", path("again.mid"), prompt});
    QCOMPARE(again.code, 0);
    auto bytes = [](const QString& p) {
        QFile f(p);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    QCOMPARE(bytes(path("again.mid")), bytes(path("one.mid")));   // same seed, same bytes
    QCOMPARE(runCli({"generate", "--seed", "8", "-o", path("other.mid"), prompt}).code, 0);
    QVERIFY(bytes(path("other.mid")) != bytes(path("one.mid")));
    const Run four = runCli({"generate", "--takes", "3", "-o", path("t.mid"), "--plan-out", path("t.json"), "trap beat in F#m"});
    QVERIFY2(four.code == 0, qPrintable(four.err));
    for (const char* f : {"t-1.mid", "t-2.mid", "t-3.mid", "t-1.json", "t-3.json"})
        QVERIFY2(QFile::exists(path(f)), f);
    QVERIFY(!QFile::exists(path("t.mid")) && !QFile::exists(path("t-4.mid")));
    QCOMPARE(runCli({"generate", "-o", path("v.mid"), "4 versions of a pop song"}).code, 0);
    QVERIFY(QFile::exists(path("v-4.mid")) && !QFile::exists(path("v-5.mid")));
    const Run info = runCli({"info", path("t-2.mid")});
    QVERIFY2(info.out.contains("key: tick 0  F# minor") && info.out.contains("140 bpm"), qPrintable(info.out));
}

void TestCli::generateExplainAndImpossible()
{
    const Run r = runCli({"generate", "--explain", "-o", path("e.mid"), "lo-fi", "in", "Am", "with", "florp"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("key: A minor") && r.out.contains("not understood: \"florp\""), qPrintable(r.out));
    for (const char* prompt : {"0 bars of pop", "pop at 900 bpm"}) {
        const Run bad = runCli({"generate", "-o", path("impossible.mid"), prompt});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains("cannot make that"), qPrintable(bad.err));
        QVERIFY(!QFile::exists(path("impossible.mid")));
    }
}

void TestCli::generateVariation()
{
    QCOMPARE(runCli({"generate", "--seed", "3", "-o", path("base.mid"), "pop song in C major, 8 bars"}).code, 0);
    const Run v = runCli({"generate", "--explain", "--from", path("base.mid"), "-o", path("up.mid"), "transpose up 2"});
    QVERIFY2(v.code == 0, qPrintable(v.err));
    QVERIFY2(v.out.contains("transposed up 2 semitones"), qPrintable(v.out));
    QVERIFY2(runCli({"info", path("up.mid")}).out.contains("D major"), "key signature follows the transposition");
    const Run unknown = runCli({"generate", "--from", path("base.mid"), "-o", path("x.mid"), "make it sparkle"});
    QCOMPARE(unknown.code, 1);
    QVERIFY2(unknown.err.contains("Variations understood"), qPrintable(unknown.err));
    QVERIFY(!QFile::exists(path("x.mid")));
    const Run missing = runCli({"generate", "--from", path("nope.mid"), "-o", path("x.mid"), "darker"});
    QCOMPARE(missing.code, 1);
}

void TestCli::checkAgainstWords()
{
    QCOMPARE(runCli({"generate", "--seed", "5", "-o", path("am.mid"), "lo-fi in Am at 78 bpm, 8 bars"}).code, 0);
    const Run json = runCli({"check", "--json", path("am.mid"), "lo-fi in Am at 78 bpm, 8 bars"});
    QCOMPARE(json.code, 0);
    QVERIFY2(json.out.startsWith(R"({"checks":[{"name":"tempo","asked":"78 bpm","measured":"78 bpm","pass":true},)"),
             qPrintable(json.out));
    QVERIFY2(json.out.contains(R"({"name":"key","asked":"A minor","measured":"A minor","pass":true})"), qPrintable(json.out));
    // Failing checks still exit 0; the text says how many pass.
    const Run wrong = runCli({"check", path("am.mid"), "in", "E", "major", "at", "140", "bpm"});
    QCOMPARE(wrong.code, 0);
    QVERIFY2(wrong.out.contains("0 of 2 checks pass") && wrong.out.contains("FAIL  tempo: 78 bpm (asked 140 bpm)"),
             qPrintable(wrong.out));
    const Run unreadable = runCli({"check", path("missing.mid"), "pop"});
    QCOMPARE(unreadable.code, 1);
    QVERIFY(!unreadable.err.isEmpty());
    writeFile(path("garbage.mid"), "MThd garbage");
    QCOMPARE(runCli({"check", path("garbage.mid"), "pop"}).code, 1);
    // A change of a parent: what changed and what stayed.
    QCOMPARE(runCli({"generate", "--from", path("am.mid"), "-o", path("hard.mid"), "harder kick"}).code, 0);
    const Run change = runCli({"check", "--parent", path("am.mid"), path("hard.mid"), "harder kick"});
    QVERIFY2(change.out.contains("ok    change: changed: Drums; identical: "), qPrintable(change.out));
}

void TestCli::generateExplainPrintsChecklists()
{
    const Run r = runCli({"generate", "--explain", "--takes", "2", "-o", path("c.mid"),
                          "pop in C major at 96 bpm, four on the floor"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.count("checklist: "), 2);
    QVERIFY2(r.out.contains("ok    tempo: 96 bpm (asked 96 bpm)") &&
                 r.out.contains("four on the floor: "),
             qPrintable(r.out));
}

void TestCli::analyzeText()
{
    writeFile(path("chord.json"), kTempoChord);
    const Run r = runCli({"analyze", path("chord.json")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(path("chord.json") + "\n"), qPrintable(r.out));
    QVERIFY2(r.out.contains("duration     0:03.00 (3000.0 ms), 1 bar of 4/4, 80.0 bpm (1 tempo change)"),
             qPrintable(r.out));
    QVERIFY2(r.out.contains("key          C major"), qPrintable(r.out));
    QVERIFY2(r.out.contains("0:00.00 C\n"), qPrintable(r.out));
    QVERIFY2(r.out.contains("narrative    A 0:03 piece in 4/4"), qPrintable(r.out));
    QVERIFY2(r.out.contains("suggestion   "), qPrintable(r.out));
}

void TestCli::analyzeJsonLinesAndBadFile()
{
    writeFile(path("chord.json"), kTempoChord);
    writeFile(path("seed.json"), kSeed);
    writeFile(path("bad.mid"), QByteArray::fromHex("4D546864000000060001000100604D54726B000000088080808000903C40"));
    const Run r = runCli({"analyze", "--json", "--jobs", "2", path("chord.json"), path("bad.mid"),
                          path("seed.json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(path("bad.mid") + ": delta time longer than 4 bytes at byte 22"), qPrintable(r.err));
    const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);   // one object per line, argument order, the bad file left out
    const QString first = QString("{\"file\":\"") + path("chord.json") + "\",\"duration_ms\":3000.0,";
    const QString key = "\"key\":{\"tonic\":\"C\",\"mode\":\"major\",\"confidence\":";
    const QString chords = "\"chords\":[{\"start_s\":0.0,\"end_s\":3.0,\"symbol\":\"C\",\"root\":\"C\","
                           "\"quality\":\"maj\",\"bass\":\"C\"}]";
    const QString second = QString("{\"file\":\"") + path("seed.json") + "\",";
    QVERIFY2(lines[0].startsWith(first), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(key), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(chords), qPrintable(lines[0]));
    QVERIFY2(lines[1].startsWith(second), qPrintable(lines[1]));
    QVERIFY2(lines[1].contains("\"narrative\":\""), qPrintable(lines[1]));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
