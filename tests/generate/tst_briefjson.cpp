// SPDX-License-Identifier: MIT
// Brief JSON: round trips, every problem with its JSON path, genre defaults for partial briefs,
// and the same verdicts as brief.schema.json on the sample briefs.
#include "engine/generate/BriefJson.h"
#include "engine/generate/Interpreter.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace pianola;
using namespace pianola::engine::generate;

namespace {
std::string readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}
const QString kSamples = QStringLiteral(PIANOLA_TEST_DATA "/briefs");
} // namespace

class TestBriefJson : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void partialBriefTakesGenreDefaults();
    void errorsNameTheirPaths();
    void unknownFieldsWarn();
    void samplesAgreeWithSchema();
    void intentRoundTrips();
};

void TestBriefJson::roundTrip_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::newRow("lo-fi") << "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths";
    QTest::newRow("trap") << "dark trap in F#m, 808 locked to the kick, triplet hi-hat rolls in "
                             "bar 4, fills in bars 4 and 8";
    QTest::newRow("waltz") << "waltz in Eb major, sixteen bars, open voicings, sus chords";
    QTest::newRow("house")
        << "house, four on the floor, claps on 2 and 4, crash on bar 1, 58% swing, 3 versions";
}

void TestBriefJson::roundTrip()
{
    QFETCH(QString, prompt);
    const Brief b = interpret(prompt.toStdString(), 0xFFFFFFFFFFFFFFFFull).brief;
    const std::string json = briefToJson(b);
    auto back = briefFromJson(json);
    QVERIFY2(back, back ? "" : back.error().message.c_str());
    QVERIFY2(back->brief == b, json.c_str());
    QVERIFY(back->report.warnings.empty());
    QCOMPARE(briefToJson(back->brief, -1), briefToJson(b, -1));
}

void TestBriefJson::partialBriefTakesGenreDefaults()
{
    auto b = briefFromJson(R"({"genre":"trap","tonic":"F#","bars":4})");
    QVERIFY(b);
    Brief expected = defaultBrief(Genre::Trap);
    expected.tonic = 6;
    expected.bars = 4;
    QVERIFY(b->brief == expected);
    auto parts = briefFromJson(R"({"genre":"lo-fi","parts":[{"role":"chords","program":0}]})");
    QVERIFY(parts);
    QCOMPARE(parts->brief.parts.size(), std::size_t{1});
    QCOMPARE(parts->brief.parts[0].lowKey,
             defaultPart(Genre::LoFi, Role::Chords).lowKey); // unnamed: default
    QCOMPARE(parts->brief.parts[0].program, 0);
}

void TestBriefJson::errorsNameTheirPaths()
{
    auto r = briefFromJson(
        R"({"bars":0,"bpm":900,"genre":"polka","parts":[{"role":"chords","program":200},{"program":1}],
                               "directives":{"fillBars":[0,"x"],"bassFollow":"snare"},"denominator":3,"extension":8})");
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::ValidationError);
    const QString m = QString::fromStdString(r.error().message);
    for (const char* path :
         {"bars:", "bpm:", "genre:", "parts[0].program:", "parts[1]:", "directives.fillBars[0]:",
          "directives.fillBars[1]:", "directives.bassFollow:", "denominator:", "extension:"})
        QVERIFY2(m.contains(path), qPrintable(QString("%1 missing in:\n%2").arg(path, m)));
    auto cross = briefFromJson(
        R"({"bars":4,"directives":{"fillBars":[8]},"parts":[{"role":"bass","lowKey":40,"highKey":45}]})");
    QVERIFY(!cross);
    QVERIFY2(QString::fromStdString(cross.error().message).contains("fill bar: 8 is outside 1..4"),
             cross.error().message.c_str());
    QVERIFY2(QString::fromStdString(cross.error().message).contains("register 40..45"),
             cross.error().message.c_str());
    auto syntax = briefFromJson(R"({"bars": )");
    QVERIFY(!syntax);
    QCOMPARE(syntax.error().code, Error::Code::ParseError);
}

void TestBriefJson::unknownFieldsWarn()
{
    auto r = briefFromJson(R"({"genre":"pop","colour":"blue"})");
    QVERIFY(r);
    QCOMPARE(r->report.warnings.size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(r->report.warnings[0].path), QString("colour"));
}

// A model's reading of a line for the playing take, read and written back.
void TestBriefJson::intentRoundTrips()
{
    auto r = briefFromJson(
        R"({"intent":{"action":"regenerate part","part":"bass","fromBar":5,"toBar":8}})");
    QVERIFY(r && r->brief.intent);
    QCOMPARE(int(r->brief.intent->action), int(BriefIntent::Action::RegeneratePart));
    QVERIFY(r->brief.intent->part == Role::Bass);
    QCOMPARE(r->brief.intent->toBar, 8);
    auto back = briefFromJson(briefToJson(r->brief));
    QVERIFY(back && back->brief == r->brief);
    QVERIFY(!briefFromJson(R"({"intent":{"part":"bass"}})")); // the action is required

    // Only one end of the region (a misspelt "fromBar" is a warning): bars 1-8, and only
    // "fromBar": that one bar. Both write back to the same brief (CI's fuzzer found the first
    // lost its "toBar" on the way back).
    auto upTo = briefFromJson(
        R"({"intent":{"action":"regenerate part","part":"bass","fromBaz":5,"toBar":8}})");
    QVERIFY(upTo && upTo->brief.intent);
    QCOMPARE(upTo->report.warnings.size(), std::size_t{1});
    QCOMPARE(upTo->brief.intent->fromBar, 1);
    QCOMPARE(upTo->brief.intent->toBar, 8);
    back = briefFromJson(briefToJson(upTo->brief));
    QVERIFY(back && back->brief == upTo->brief);
    auto from = briefFromJson(R"({"intent":{"action":"regenerate part","fromBar":7}})");
    QVERIFY(from && from->brief.intent);
    QCOMPARE(from->brief.intent->fromBar, 7);
    QCOMPARE(from->brief.intent->toBar, 7);
    back = briefFromJson(briefToJson(from->brief));
    QVERIFY(back && back->brief == from->brief);
}

// tests/generate/CMakeLists.txt also runs check_schema.py on these samples with brief.schema.json.
void TestBriefJson::samplesAgreeWithSchema()
{
    const QStringList valid = QDir(kSamples + "/valid").entryList({"*.json"});
    const QStringList invalid = QDir(kSamples + "/invalid").entryList({"*.json"});
    QVERIFY(valid.size() >= 3 && invalid.size() >= 8);
    for (const QString& f : valid) {
        auto r = briefFromJson(readText(kSamples + "/valid/" + f));
        QVERIFY2(r, qPrintable(f + ": " + QString::fromStdString(r ? "" : r.error().message)));
    }
    for (const QString& f : invalid)
        QVERIFY2(!briefFromJson(readText(kSamples + "/invalid/" + f)),
                 qPrintable(f + " was accepted"));
}

QTEST_GUILESS_MAIN(TestBriefJson)
#include "tst_briefjson.moc"
