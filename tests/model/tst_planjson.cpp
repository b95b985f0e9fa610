// SPDX-License-Identifier: MIT
// Plan/project JSON: seed and legacy forms, every error with its path, limits, round trips.
#include "model/PlanJson.h"

#include <nlohmann/json.hpp>
#include <QDir>
#include <QFile>
#include <QtTest>
#include <string>

using namespace pianola;
using namespace pianola::model;

namespace {

std::string readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll().toStdString();
}

QString joined(const std::vector<JsonIssue>& issues)
{
    QStringList lines;
    for (const JsonIssue& issue : issues)
        lines << QString::fromStdString(issue.toString());
    return lines.join('\n');
}

/// `count` valid notes, one per beat, as JSON array elements.
std::string validNotes(int count)
{
    std::string notes;
    for (int i = 0; i < count; ++i)
        notes += (i ? "," : "") + std::string("{\"key\":60,\"vel\":90,\"start\":") +
                 std::to_string(i * 480) + ",\"length\":480}";
    return notes;
}

Plan richPlan()
{
    Plan p;
    p.ppq = 960;
    p.tempos = {{0, 110.0}, {1920, 97.5}, {3840, 123.456789}, {3840, 60.0}};
    p.timeSignatures = {{0, 4, 4, 24, 8}, {7680, 3, 4, 36, 8}, {9600, 7, 8, 12, 16}};
    p.keySignatures = {{0, -3, true}, {3840, 2, false}, {7680, 7, false}, {7680, -7, true}};
    p.globalEvents = {{0, 0x02, false, "(c) 2026"}, {1920, 0x06, false, "Verse \xE2\x99\xAA"}};
    Track piano;
    piano.name = "Piano \"grand\"";
    piano.channel = 0;
    piano.program = 1;
    piano.bankMsb = 0;
    piano.bankLsb = 3;
    piano.notes = {{0, 960, 0, 60, 100, 64},
                   {0, 960, 0, 64, 1, 0},
                   {480, 1, 0, 127, 127, 127},
                   {480, 1, 0, 127, 64, 64}}; // a duplicate note stays a duplicate
    piano.controllers = {{0, 7, 100}, {0, 64, 127}, {960, 64, 0}};
    piano.pitchBends = {{0, -8192}, {10, 8191}, {20, 0}};
    piano.channelPressure = {{5, 0}, {6, 127}};
    piano.polyPressure = {{7, 60, 33}};
    piano.programChanges = {{960, 5, -1, -1}, {1920, 6, 0, 1}};
    piano.rawEvents = {{0, 0x05, false, "la"},
                       {0, 0x7F, false, std::string("\x00\x01\xAB", 3)},
                       {0, 0x01, false, "\xFF\xFE not UTF-8"},
                       {0, 0x01, false, ""},
                       {1, 0xF0, true, "\x7E\x7F\x09\x01\xF7"},
                       {2, 0xF7, true, "\x01\x02"}};
    piano.endTick = 9600;
    p.chords = {{0, 1920, 9, "m7", {9, 0, 4, 7}},
                {1920, 1920, 10, "", {10, 2, 5}, 2}, // Bb/D
                {5760, 960, 0, "7#9", {0, 4, 7, 10, 3}}};
    Track drums;
    drums.name = "Drums";
    drums.channel = 9;
    drums.notes = {{0, 120, 0, 36, 110, 64}, {240, 120, 0, 38, 90, 64}};
    p.tracks = {piano, drums, Track{}};
    p.normalize();
    return p;
}

Project richProject()
{
    Project project;
    Take first{1,
               "Take 1",
               false,
               richPlan(),
               {"a waltz", "offline", "", 42, std::nullopt, "2026-11-21T22:43:00Z"},
               {{"meter", "3/4", "3/4", true}, {"key", "A minor", "C major", false}}};
    Take second{2,
                "Take 2 \xE2\x98\x85",
                true,
                Plan{},
                {"slower", "openai", "gpt-x", UINT64_MAX, 1, "2026-11-21T22:44:00Z"},
                {}};
    project.takes = {first, second};
    for (Take& take : project.takes) // a project read gets track ids
        take.plan.assignTrackIds();
    project.activeTake = 2;
    project.chat = {{ChatMessage::Role::User, "a waltz", "2026-11-21T22:42:59Z", {}},
                    {ChatMessage::Role::Assistant,
                     "Here it is.",
                     "2026-11-21T22:43:00Z",
                     {1},
                     {"A minor", "78 bpm"},
                     {"zorp"}},
                    {ChatMessage::Role::System, "line\nbreak", "", {1, 2}}};
    return project;
}

void verifyPlansEqual(const Plan& actual, const Plan& expected)
{
    if (!(actual == expected))
        QFAIL(qPrintable("plans differ:\n" + QString::fromStdString(planToJson(actual)) +
                         "\nexpected:\n" + QString::fromStdString(planToJson(expected))));
}

} // namespace

class TstPlanJson : public QObject
{
    Q_OBJECT

private slots:
    void seedFormatAcceptedUnchanged();
    void legacyTopLevelNotesSplitIntoTracks();
    void topLevelProgramIsTheTrackDefault();
    void invalidValues_data();
    void invalidValues();
    void invalidStructure_data();
    void invalidStructure();
    void hostileNumbers_data();
    void hostileNumbers();
    void reportsEveryErrorInDocumentOrder();
    void parseErrorHasLineAndColumn();
    void warnings_data();
    void warnings();
    void tooManyTracks();
    void tooManyEventsRejectedBeforeReading();
    void depthBomb();
    void oversizeText();
    void oversizeStrings();
    void problemListsAreBounded();
    void errorCodes();
    void planRoundTrip();
    void chordsWithoutTonesGetTheSymbols();
    void planRoundTripCompact();
    void writerOmitsDefaults();
    void projectRoundTrip();
    void interpretationsRoundTrip();
    void oldChipLinesBecomeTypedChips();
    void projectErrors_data();
    void projectErrors();
    void projectWarnings();
    void truncatedInputNeverCrashes();
    void sampleFiles();
    void schemaAgreesWithLimits();
};

void TstPlanJson::seedFormatAcceptedUnchanged()
{
    const auto result = planFromJson(
        R"({"ppq":480,"bpm":110,"program":0,"tracks":[{"name":"Piano","channel":0,"program":0,)"
        R"("notes":[{"key":60,"vel":96,"start":0,"length":480}]}]})");
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    QVERIFY(result->report.warnings.empty());
    const Plan& plan = result->plan;
    QCOMPARE(plan.ppq, 480);
    QCOMPARE(plan.tempos.size(), 1u);
    QCOMPARE(plan.tempos[0].tick, 0);
    QCOMPARE(plan.tempos[0].bpm, 110.0);
    QCOMPARE(plan.timeSignatures.size(), 1u);
    QVERIFY(plan.timeSignatures[0] == TimeSignature{});
    QVERIFY(plan.keySignatures.empty());
    QCOMPARE(plan.tracks.size(), 1u);
    const Track& track = plan.tracks[0];
    QCOMPARE(track.name, std::string("Piano"));
    QCOMPARE(track.channel, 0);
    QCOMPARE(track.program, 0);
    QCOMPARE(track.bankMsb, -1);
    QCOMPARE(track.notes.size(), 1u);
    QVERIFY((track.notes[0] == Note{0, 480, 1, 60, 96, 64}));
}

void TstPlanJson::legacyTopLevelNotesSplitIntoTracks()
{
    const auto result =
        planFromJson(readText(PIANOLA_TEST_DATA "/plans/valid/legacy-top-level-notes.json"));
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    const Plan& plan = result->plan;
    QCOMPARE(plan.ppq, 96);
    QCOMPARE(plan.tracks.size(), 3u); // channels 0, 1, 9 in channel order
    QCOMPARE(plan.tracks[0].name, std::string("Channel 1"));
    QCOMPARE(plan.tracks[0].program, 33);
    QCOMPARE(plan.tracks[0].notes.size(), 1u);
    QCOMPARE(plan.tracks[0].notes[0].key, 64);
    QCOMPARE(plan.tracks[1].name, std::string("Channel 2"));
    QCOMPARE(plan.tracks[1].channel, 1);
    QCOMPARE(plan.tracks[1].program, 33);
    QCOMPARE(plan.tracks[2].name, std::string("Drums"));
    QCOMPARE(plan.tracks[2].channel, 9);
    QCOMPARE(plan.tracks[2].program, 0); // the top-level program is not applied to drums
    QCOMPARE(plan.tracks[2].notes.size(), 2u);
    QCOMPARE(plan.tracks[2].notes[1].velocity, 100); // "velocity" alias
}

void TstPlanJson::topLevelProgramIsTheTrackDefault()
{
    const auto result =
        planFromJson(R"({"tracks":[{"name":"A"},{"name":"B","program":7}],"program":19})");
    QVERIFY(result);
    QCOMPARE(result->plan.tracks[0].program, 19);
    QCOMPARE(result->plan.tracks[1].program, 7);
}

void TstPlanJson::invalidValues_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("errors");
    QTest::newRow("vel 0 at tracks[1].notes[7]")
        << QString::fromStdString("{\"tracks\":[{},{\"notes\":[" + validNotes(7) +
                                  ",{\"key\":60,\"vel\":0,\"start\":0,\"length\":1}]}]}")
        << "tracks[1].notes[7].vel: 0 is out of range 1..127";
    QTest::newRow("ppq string") << R"({"ppq":"480"})"
                                << "ppq: expected an integer, got string";
    QTest::newRow("ppq too big") << R"({"ppq":32768})"
                                 << "ppq: 32768 is out of range 1..32767";
    QTest::newRow("fractional start")
        << R"({"tracks":[{"notes":[{"key":1,"vel":1,"start":1.5,"length":1}]}]})"
        << "tracks[0].notes[0].start: 1.5 is not an integer";
    QTest::newRow("channel 16") << R"({"tracks":[{"channel":16}]})"
                                << "tracks[0].channel: 16 is out of range 0..15";
    QTest::newRow("denominator 6") << R"({"timeSignature":{"numerator":3,"denominator":6}})"
                                   << "timeSignature.denominator: 6 is not a power of two 1..64";
    QTest::newRow("denominator 128")
        << R"({"timeSignatureChanges":[{"tick":0,"numerator":3,"denominator":128}]})"
        << "timeSignatureChanges[0].denominator: 128 is not a power of two 1..64";
    QTest::newRow("tonic H") << R"({"key":{"tonic":"H"}})"
                             << "key.tonic: \"H\" is not a note name";
    QTest::newRow("mode") << R"({"keyChanges":[{"tick":0,"tonic":"C","mode":"Major"}]})"
                          << "keyChanges[0].mode: \"Major\" is not one of \"major\", \"minor\"";
    QTest::newRow("bpm 0") << R"({"bpm":0})"
                           << "bpm: 0 is out of range 4..1000";
    QTest::newRow("bpm 1000.5") << R"({"tempoChanges":[{"tick":0,"bpm":1000.5}]})"
                                << "tempoChanges[0].bpm: 1000.5 is out of range 4..1000";
    QTest::newRow("bend") << R"({"tracks":[{"pitchBend":[{"tick":0,"value":-8193}]}]})"
                          << "tracks[0].pitchBend[0].value: -8193 is out of range -8192..8191";
    QTest::newRow("bank")
        << R"({"tracks":[{"programChanges":[{"tick":0,"program":1,"bankLsb":-1}]}]})"
        << "tracks[0].programChanges[0].bankLsb: -1 is out of range 0..127";
    QTest::newRow("note end beyond kMaxTick")
        << R"({"tracks":[{"notes":[{"key":1,"vel":1,"start":2147483000,"length":648}]}]})"
        << "tracks[0].notes[0]: ends at tick 2147483648, beyond the limit of 2147483647";
    QTest::newRow("ch differs from track")
        << R"({"tracks":[{"channel":2,"notes":[{"key":1,"vel":1,"start":0,"length":1,"ch":3}]}]})"
        << "tracks[0].notes[0].ch: 3 differs from the track's channel 2";
    QTest::newRow("bad hex") << R"({"globalEvents":[{"tick":0,"meta":1,"hex":"AB C"}]})"
                             << "globalEvents[0].hex: invalid hex at character 5 (expected pairs "
                                "of hex digits, optionally separated by spaces)";
    QTest::newRow("sysex kind") << R"({"globalEvents":[{"tick":0,"sysex":"F1","hex":""}]})"
                                << "globalEvents[0].sysex: \"F1\" is not one of \"F0\", \"F7\"";
    QTest::newRow("boolean is no integer") << R"({"ppq":true})"
                                           << "ppq: expected an integer, got boolean";
    QTest::newRow("null name") << R"({"tracks":[{"name":null}]})"
                               << "tracks[0].name: expected a string, got null";
    const QString bar = R"({"tracks":[{"notes":[{"key":60,"vel":90,"start":0,"length":1920}]}],)";
    QTest::newRow("chord symbol")
        << bar + R"("chords":[{"start":0,"length":1920,"root":9,"quality":"m7x"}]})"
        << "chords[0].quality: \"Am7x\": an unexpected 'x' at character 4";
    QTest::newRow("chord overlap")
        << bar + R"("chords":[{"start":0,"length":960,"root":0},{"start":480,"length":960,)"
                 R"("root":7}]})"
        << "chords[1].start: 480 is before the end of chords[0] (960): chords may not overlap";
    QTest::newRow("chord bass") << bar +
                                       R"("chords":[{"start":0,"length":960,"root":0,"bass":12}]})"
                                << "chords[0].bass: 12 is out of range 0..11";
}

void TstPlanJson::invalidValues()
{
    QFETCH(QString, json);
    QFETCH(QString, errors);
    const ValidationReport report = validatePlanJson(json.toStdString());
    QCOMPARE(joined(report.errors), errors);
    const auto result = planFromJson(json.toStdString());
    QVERIFY(!result);
    QCOMPARE(result.error().code, Error::Code::ValidationError);
    QCOMPARE(QString::fromStdString(result.error().message), errors);
}

void TstPlanJson::invalidStructure_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("errors");
    QTest::newRow("root array") << "[]"
                                << "(root): expected a JSON object";
    QTest::newRow("root string") << "\"plan\""
                                 << "(root): expected a JSON object";
    QTest::newRow("missing key")
        << R"({"tracks":[{},{},{"notes":[{"vel":1,"start":0,"length":1}]}]})"
        << "tracks[2].notes[0]: missing required field \"key\"";
    QTest::newRow("empty note") << R"({"tracks":[{"notes":[{}]}]})"
                                << "tracks[0].notes[0]: missing required field \"key\"\n"
                                   "tracks[0].notes[0]: missing required field \"vel\"\n"
                                   "tracks[0].notes[0]: missing required field \"start\"\n"
                                   "tracks[0].notes[0]: missing required field \"length\"";
    QTest::newRow("vel and velocity")
        << R"({"notes":[{"key":1,"vel":1,"velocity":2,"start":0,"length":1}]})"
        << "notes[0].velocity: duplicate field";
    QTest::newRow("duplicate key") << R"({"ppq":96,"ppq":97})"
                                   << "ppq: duplicate field";
    QTest::newRow("tracks object") << R"({"tracks":{}})"
                                   << "tracks: expected an array, got object";
    QTest::newRow("track number") << R"({"tracks":[1]})"
                                  << "tracks[0]: expected a JSON object, got number";
    QTest::newRow("raw without payload")
        << R"({"globalEvents":[{"tick":0,"meta":1}]})"
        << "globalEvents[0]: missing required field \"text\" or \"hex\"";
    QTest::newRow("raw without kind")
        << R"({"globalEvents":[{"tick":0,"hex":""}]})"
        << "globalEvents[0]: missing required field \"meta\" or \"sysex\"";
    QTest::newRow("sysex with text")
        << R"({"tracks":[{"rawEvents":[{"tick":0,"sysex":"F0","text":"x"}]}]})"
        << "tracks[0].rawEvents[0].text: a sysex takes \"hex\", not \"text\"";
    QTest::newRow("odd key in path")
        << R"({"tracks":[{"notes":[{"key":1,"vel":1,"start":0,"length":1,"a b":[]}]}],"key":1})"
        << "key: expected a JSON object, got number";
}

void TstPlanJson::invalidStructure()
{
    invalidValues();
}

void TstPlanJson::hostileNumbers_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("errors");
    QTest::newRow("1e400") << R"({"tracks":[{"notes":[{"key":1,"vel":1,"start":1e400}]}]})"
                           << "tracks[0].notes[0].start: number 1e400 is out of range (line 1, "
                              "column 51)";
    QTest::newRow("1e400 in array")
        << R"({"tracks":[{"endTick":0},2,-1e400]})"
        << "tracks[2]: number -1e400 is out of range (line 1, column 33)";
    QTest::newRow("1e400 at root") << "1e400"
                                   << "(root): number 1e400 is out of range (line 1, column 5)";
    QTest::newRow("below int64") << R"({"ppq":-9223372036854775809})"
                                 << "ppq: -9.223372036854776e+18 is out of range 1..32767";
    QTest::newRow("uint64 max") << R"({"ppq":18446744073709551615})"
                                << "ppq: 18446744073709551615 is out of range 1..32767";
    QTest::newRow("int64 min") << R"({"ppq":-9223372036854775808})"
                               << "ppq: -9223372036854775808 is out of range 1..32767";
    QTest::newRow("1e19 float") << R"({"tracks":[{"endTick":1e19}]})"
                                << "tracks[0].endTick: 1e+19 is out of range 0..2147483647";
    QTest::newRow("2^63 float")
        << R"({"tracks":[{"endTick":9223372036854775808.0}]})"
        << "tracks[0].endTick: 9.223372036854776e+18 is out of range 0..2147483647";
    QTest::newRow("tiny fraction") << R"({"ppq":480.0000001})"
                                   << "ppq: 480.0000001 is not an integer";
    QTest::newRow("negative zero is fine")
        << R"({"ppq":480,"tracks":[{"channel":-0.0,"endTick":-0}]})"
        << "";
    QTest::newRow("integral float is fine") << R"({"ppq":96.0,"bpm":1e2})"
                                            << "";
}

void TstPlanJson::hostileNumbers()
{
    QFETCH(QString, json);
    QFETCH(QString, errors);
    QCOMPARE(joined(validatePlanJson(json.toStdString()).errors), errors);
}

void TstPlanJson::reportsEveryErrorInDocumentOrder()
{
    const std::string json = R"({
  "ppq": 0,
  "tracks": [
    {"channel": 3, "program": 128,
     "notes": [{"key": 128, "vel": 64, "start": -1, "length": 10},
               {"key": 60, "velocity": 0, "start": 0},
               {"length": 1.5, "key": 60, "vel": 1, "start": 0, "ch": 4}]},
    {"name": 7}
  ],
  "timeSignature": {"denominator": 3},
  "bpm": "fast"
})";
    const auto result = planFromJson(json);
    QVERIFY(!result);
    QCOMPARE(QString::fromStdString(result.error().message),
             QString("ppq: 0 is out of range 1..32767\n"
                     "tracks[0].program: 128 is out of range 0..127\n"
                     "tracks[0].notes[0].key: 128 is out of range 0..127\n"
                     "tracks[0].notes[0].start: -1 is out of range 0..2147483647\n"
                     "tracks[0].notes[1].velocity: 0 is out of range 1..127\n"
                     "tracks[0].notes[1]: missing required field \"length\"\n"
                     "tracks[0].notes[2].length: 1.5 is not an integer\n"
                     "tracks[0].notes[2].ch: 4 differs from the track's channel 3\n"
                     "tracks[1].name: expected a string, got number\n"
                     "timeSignature.denominator: 3 is not a power of two 1..64\n"
                     "timeSignature: missing required field \"numerator\"\n"
                     "bpm: expected a number, got string"));
}

void TstPlanJson::parseErrorHasLineAndColumn()
{
    const std::string json = "{\n  \"ppq\": 480,\n  \"bpm\": 110,,\n  \"tracks\": []\n}";
    const ValidationReport report = validatePlanJson(json);
    QCOMPARE(report.errors.size(), 1u);
    QCOMPARE(report.errors[0].path, std::string());
    QCOMPARE(QString::fromStdString(report.errors[0].message),
             QString("line 3, column 14: syntax error while parsing object key - unexpected ','; "
                     "expected string literal"));
    const auto result = planFromJson(json);
    QVERIFY(!result);
    QCOMPARE(result.error().code, Error::Code::ParseError);

    QCOMPARE(QString::fromStdString(validatePlanJson("").errorText()),
             QString("line 1, column 1: syntax error while parsing value - unexpected end of "
                     "input; expected '[', '{', or a literal"));
    const std::string badUtf8 = "{\"tracks\":[{\"name\":\"\xFF\"}]}";
    QVERIFY(validatePlanJson(badUtf8).errorText().starts_with("line 1, column 21: "));
}

void TstPlanJson::warnings_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("warnings");
    QTest::newRow("unknown keys") << R"({"title":"x","tracks":[{"colour":"red",)"
                                     R"("notes":[{"key":1,"vel":1,"start":0,"length":1,"id":3}]}]})"
                                  << "title: unknown field, ignored\n"
                                     "tracks[0].colour: unknown field, ignored\n"
                                     "tracks[0].notes[0].id: unknown field, ignored";
    QTest::newRow("odd key names are quoted")
        << R"({"tracks":[{"my colour":1,"":2}]})"
        << "tracks[0][\"my colour\"]: unknown field, ignored\n"
           "tracks[0][\"\"]: unknown field, ignored";
    QTest::newRow("overlap") << R"({"tracks":[{"notes":[{"key":60,"vel":1,"start":0,"length":480},
              {"key":62,"vel":1,"start":0,"length":480},{"key":60,"vel":1,"start":240,"length":480},
              {"key":60,"vel":1,"start":480,"length":10}]}]})"
                             << "tracks[0].notes[2]: overlaps tracks[0].notes[0] (same key 60)\n"
                                "tracks[0].notes[3]: overlaps tracks[0].notes[2] (same key 60)";
    QTest::newRow("overlap inside a long note")
        << R"({"notes":[{"key":1,"vel":1,"start":0,"length":1000},
              {"key":1,"vel":1,"start":10,"length":10},
              {"key":1,"vel":1,"start":500,"length":10}]})"
        << "notes[1]: overlaps notes[0] (same key 1)\nnotes[2]: overlaps notes[0] (same key 1)";
    QTest::newRow("touching notes do not overlap")
        << R"({"tracks":[{"notes":[{"key":60,"vel":1,"start":0,"length":480},
              {"key":60,"vel":1,"start":480,"length":480}]}]})"
        << "";
}

void TstPlanJson::warnings()
{
    QFETCH(QString, json);
    QFETCH(QString, warnings);
    const auto result = planFromJson(json.toStdString());
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    QCOMPARE(joined(result->report.warnings), warnings);
}

void TstPlanJson::tooManyTracks()
{
    std::string json = "{\"tracks\":[";
    for (int i = 0; i < 2000; ++i)
        json += i ? ",{}" : "{}";
    json += "]}";
    QCOMPARE(validatePlanJson(json).errorText(),
             std::string("tracks: 2000 tracks exceed the limit of 1024"));
}

void TstPlanJson::tooManyEventsRejectedBeforeReading()
{
    // The elements are not even notes: had they been read, there would be millions of errors.
    const std::int64_t count = Limits::kMaxEvents + 1;
    std::string json = "{\"tracks\":[{\"notes\":[0";
    json.reserve(static_cast<std::size_t>(count) * 2 + 32);
    for (std::int64_t i = 1; i < count - 1; ++i)
        json += ",0";
    json += "]}],\"globalEvents\":[0]}";
    const ValidationReport report = validatePlanJson(json);
    QCOMPARE(report.errorText(), "(root): " + std::to_string(count) +
                                     " events exceed the limit of " +
                                     std::to_string(Limits::kMaxEvents));
}

void TstPlanJson::depthBomb()
{
    for (const char open : {'[', '{'}) {
        const std::string json(100000, open);
        const auto result = planFromJson(json);
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::ParseError);
        QCOMPARE(result.error().message,
                 std::string("line 1, column 65: nesting deeper than 64 levels"));
    }
    // Brackets inside strings do not count; 64 levels are fine.
    std::string deepButFine = "{\"x\":\"" + std::string(1000, '[') + "\",\"y\":";
    deepButFine += std::string(63, '[') + std::string(63, ']') + "}";
    const auto result = planFromJson(deepButFine);
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    QCOMPARE(result->report.warnings.size(), 2u);
}

void TstPlanJson::oversizeText()
{
    const std::string json(kMaxJsonBytes + 1, ' ');
    const auto result = planFromJson(json);
    QVERIFY(!result);
    QCOMPARE(result.error().code, Error::Code::TooLarge);
    QCOMPARE(result.error().message, "the text is " + std::to_string(kMaxJsonBytes + 1) +
                                         " bytes, more than the limit of " +
                                         std::to_string(kMaxJsonBytes) + " bytes");
}

void TstPlanJson::oversizeStrings()
{
    const std::string name(Limits::kMaxNameBytes + 1, 'n');
    QCOMPARE(validatePlanJson("{\"tracks\":[{\"name\":\"" + name + "\"}]}").errorText(),
             std::string("tracks[0].name: text of 1025 bytes exceeds the limit of 1024 bytes"));
    const std::string text(Limits::kMaxMetaBytes + 1, 't');
    QCOMPARE(
        validatePlanJson("{\"globalEvents\":[{\"tick\":0,\"meta\":1,\"text\":\"" + text + "\"}]}")
            .errorText(),
        std::string(
            "globalEvents[0].text: text of 16777217 bytes exceeds the limit of 16777216 bytes"));
    std::string hex;
    for (std::size_t i = 0; i <= Limits::kMaxMetaBytes; ++i)
        hex += "00";
    QCOMPARE(
        validatePlanJson("{\"globalEvents\":[{\"tick\":0,\"sysex\":\"F0\",\"hex\":\"" + hex +
                         "\"}]}")
            .errorText(),
        std::string(
            "globalEvents[0].hex: payload of 16777217 bytes exceeds the limit of 16777216 bytes"));
    const std::string longKey(5000, 'k'); // echoed shortened in the path
    const auto warnings = planFromJson("{\"" + longKey + "\":1}")->report.warnings;
    QCOMPARE(warnings.size(), 1u);
    QCOMPARE(warnings[0].path, "[\"" + std::string(40, 'k') + "\"...]");
}

void TstPlanJson::problemListsAreBounded()
{
    std::string json = "{";
    for (int i = 0; i < 1003; ++i)
        json += "\"x" + std::to_string(i) + "\":0,";
    json += "\"notes\":[";
    for (int i = 0; i < 10005; ++i)
        json += (i ? "," : "") + std::string(R"({"key":128,"vel":1,"start":0,"length":1})");
    json += "]}";
    const ValidationReport report = validatePlanJson(json);
    QCOMPARE(report.errors.size(), std::size_t{10001});
    QCOMPARE(report.errors.front().toString(),
             std::string("notes[0].key: 128 is out of range 0..127"));
    QCOMPARE(report.errors.back().toString(), std::string("5 more errors not listed"));
    QCOMPARE(report.warnings.size(), std::size_t{1001});
    QCOMPARE(report.warnings.back().toString(), std::string("3 more warnings not listed"));
}

void TstPlanJson::errorCodes()
{
    QCOMPARE(planFromJson("{").error().code, Error::Code::ParseError);
    QCOMPARE(planFromJson("{\"ppq\":0}").error().code, Error::Code::ValidationError);
    QCOMPARE(projectFromJson("[").error().code, Error::Code::ParseError);
    QCOMPARE(projectFromJson("{}").error().code, Error::Code::ValidationError);
}

void TstPlanJson::planRoundTrip()
{
    const Plan plan = richPlan();
    const std::string json = planToJson(plan);
    const auto result = planFromJson(json);
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    QCOMPARE(joined(result->report.warnings), // the duplicate note
             QString("tracks[0].notes[3]: overlaps tracks[0].notes[2] (same key 127)"));
    verifyPlansEqual(result->plan, plan);
    QCOMPARE(planToJson(result->plan), json); // the canonical form is a fixed point
    QVERIFY(json.find("\"text\": \"la\"") != std::string::npos);
    QVERIFY(json.find("\"hex\": \"FF FE 20 6E 6F 74 20 55 54 46 2D 38\"") != std::string::npos);
    QVERIFY(json.find("\"hex\": \"00 01 AB\"") != std::string::npos);
    QVERIFY(json.find("\"sysex\": \"F7\", \"hex\": \"01 02\"") != std::string::npos);
    QVERIFY(json.find("\"bpm\": 123.456789") != std::string::npos);
}

void TstPlanJson::planRoundTripCompact()
{
    const Plan plan = richPlan();
    const std::string json = planToJson(plan, -1);
    QVERIFY(json.find('\n') == std::string::npos);
    const auto result = planFromJson(json);
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    verifyPlansEqual(result->plan, plan);
}

void TstPlanJson::writerOmitsDefaults()
{
    Plan plan;
    Track track;
    track.name = "Piano";
    track.notes = {{0, 480, 1, 60, 96, 64}};
    plan.tracks = {track};
    QCOMPARE(planToJson(plan, -1),
             std::string(R"({"ppq":480,"bpm":120,"timeSignature":{"numerator":4,"denominator":4},)"
                         R"("tracks":[{"name":"Piano","channel":0,"program":0,)"
                         R"("notes":[{"key":60,"vel":96,"start":0,"length":480}]}]})"));
    QCOMPARE(planToJson(plan, 2), std::string(R"({
  "ppq": 480,
  "bpm": 120,
  "timeSignature": {"numerator": 4, "denominator": 4},
  "tracks": [
    {
      "name": "Piano",
      "channel": 0,
      "program": 0,
      "notes": [
        {"key": 60, "vel": 96, "start": 0, "length": 480}
      ]
    }
  ]
})"));
}

void TstPlanJson::chordsWithoutTonesGetTheSymbols()
{
    const auto result =
        planFromJson(R"({"tracks":[{"notes":[{"key":60,"vel":90,"start":0,"length":1920}]}],)"
                     R"("chords":[{"start":0,"length":960,"root":2,"quality":"m7b5"},)"
                     R"({"start":960,"length":960,"root":7,"quality":"7","bass":11}]})");
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    const auto& chords = result->plan.chords;
    QCOMPARE(chords[0].tones, (std::vector<int>{2, 5, 8, 0}));
    QCOMPARE(chords[1].tones, (std::vector<int>{7, 11, 2, 5}));
    QCOMPARE(chords[1].bass, 11);
    QCOMPARE(chordSymbol(chords[1]), std::string("G7/B"));
    // A chord track running past the take's last bar is cut there, with a warning.
    const auto longer = planFromJson(
        R"({"tracks":[{"notes":[{"key":60,"vel":90,"start":0,"length":1920}]}],)"
        R"("chords":[{"start":960,"length":1920,"root":0},{"start":2880,"length":960,"root":7}]})");
    QVERIFY(longer);
    QCOMPARE(joined(longer->report.warnings),
             QString("chords[0].length: the chord ends at 2880, after the take (which ends at "
                     "1920 with its last bar); cut there\nchords[1].length: the chord ends at "
                     "3840, after the take (which ends at 1920 with its last bar); cut there"));
    QCOMPARE(longer->plan.chords.size(), std::size_t(1));
    QCOMPARE(longer->plan.chords[0].endTick(), 1920);
}

void TstPlanJson::projectRoundTrip()
{
    const Project project = richProject();
    const std::string json = projectToJson(project);
    const auto result = projectFromJsonWithReport(json);
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    QCOMPARE(joined(result->report.warnings),
             QString("takes[0].plan.tracks[0].notes[3]: overlaps "
                     "takes[0].plan.tracks[0].notes[2] (same key 127)"));
    QVERIFY(result->project == project);
    QVERIFY(json.find("\"seed\": 18446744073709551615") != std::string::npos);
    QVERIFY(json.find("\"parentTake\": null") != std::string::npos);
    QCOMPARE(result->project.takes[0].checks.size(), std::size_t{2}); // the checklist is kept
    QVERIFY(json.find("\"measured\": \"C major\"") != std::string::npos);
    QCOMPARE(projectToJson(result->project), json);
    // Projects written before checklists (no "checks") still load, with none.
    Project old = project;
    for (Take& t : old.takes)
        t.checks.clear();
    const std::string oldJson = projectToJson(old);
    QVERIFY(oldJson.find("\"checks\"") == std::string::npos);
    QVERIFY(projectFromJson(oldJson).value() == old);
    // A check without its name is an error at its path.
    std::string badJson = json;
    badJson.replace(badJson.find("\"name\": \"meter\""), 15, "\"nome\": \"meter\"");
    const auto bad = projectFromJson(badJson);
    QVERIFY(!bad);
    QVERIFY2(bad.error().message.find("takes[0].checks[0]") != std::string::npos,
             bad.error().message.c_str());
    QVERIFY(projectFromJson(projectToJson(Project{})).value() == Project{});
}

// A model's interpretation of a take is kept with the project; old projects (none) still load,
// and one of a take that is gone is dropped.
void TstPlanJson::interpretationsRoundTrip()
{
    Project project = richProject();
    const TakeId take = project.takes.front().id;
    project.setInterpretation({take,
                               "gpt-test",
                               "Calm, in C major, at 90 bpm.",
                               {"add more swing"},
                               "2026-12-06T08:00:00Z"});
    const std::string json = projectToJson(project);
    QVERIFY(json.find("\"interpretations\"") != std::string::npos);
    const auto read = projectFromJson(json);
    QVERIFY(read && read.value() == project);
    QCOMPARE(read.value().findInterpretation(take)->suggestions,
             std::vector<std::string>{"add more swing"});
    QVERIFY(projectToJson(richProject()).find("\"interpretations\"") ==
            std::string::npos); // old files: none
    // A failed reply keeps its status; an ok one writes none (old files read as ok).
    project.chat.push_back({ChatMessage::Role::Assistant,
                            "401 from the server",
                            "",
                            {},
                            {},
                            {},
                            ChatMessage::Status::Failed});
    QVERIFY(projectFromJson(projectToJson(project)).value() == project);
    QVERIFY(projectToJson(project).find("\"status\": \"failed\"") != std::string::npos);
    Project orphan = project;
    orphan.interpretations.front().take = 999;
    QVERIFY(projectFromJson(projectToJson(orphan)).value().interpretations.empty());
}

void TstPlanJson::projectErrors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("errors");
    QTest::newRow("newer version")
        << R"({"format":"pianola-project","version":2,"takes":"whatever","future":{}})"
        << "version: this project was written by a newer Pianola (format version 2; this "
           "version reads up to 1)";
    QTest::newRow("missing format") << R"({"version":1})"
                                    << "(root): missing required field \"format\"";
    QTest::newRow("wrong format") << R"({"format":"pianola-plan","version":1})"
                                  << "format: \"pianola-plan\" is not one of \"pianola-project\"";
    QTest::newRow("version 0") << R"({"format":"pianola-project","version":0})"
                               << "version: 0 is out of range 1..1";
    QTest::newRow("plan paths")
        << R"({"format":"pianola-project","version":1,"takes":[{"id":1,"plan":{}},
              {"id":2,"plan":{"tracks":[{},{"notes":[{"key":1,"vel":0,"start":0,"length":1}]}]}}]})"
        << "takes[1].plan.tracks[1].notes[0].vel: 0 is out of range 1..127";
    QTest::newRow("duplicate take ids") << R"({"format":"pianola-project","version":1,
              "takes":[{"id":4,"plan":{}},{"id":4,"plan":{}}]})"
                                        << "takes[1].id: take id 4 is also used by takes[0]";
    QTest::newRow("take without plan or id")
        << R"({"format":"pianola-project","version":1,"takes":[{"name":"x"}]})"
        << "takes[0]: missing required field \"id\"\ntakes[0]: missing required field \"plan\"";
    QTest::newRow("chat role")
        << R"({"format":"pianola-project","version":1,
              "chat":[{"role":"robot","text":"hi","takes":[0]}]})"
        << "chat[0].role: \"robot\" is not one of \"user\", \"assistant\", \"system\"\n"
           "chat[0].takes[0]: 0 is out of range 1..18446744073709551615";
    QTest::newRow("seed negative")
        << R"({"format":"pianola-project","version":1,
              "takes":[{"id":1,"plan":{},"provenance":{"seed":-1}}]})"
        << "takes[0].provenance.seed: -1 is out of range 0..18446744073709551615";
}

void TstPlanJson::projectErrors()
{
    QFETCH(QString, json);
    QFETCH(QString, errors);
    const auto result = projectFromJson(json.toStdString());
    QVERIFY(!result);
    QCOMPARE(QString::fromStdString(result.error().message), errors);
    QCOMPARE(joined(validateProjectJson(json.toStdString()).errors), errors);
}

void TstPlanJson::projectWarnings()
{
    const auto result = projectFromJsonWithReport(
        R"({"format":"pianola-project","version":1,"activeTake":9,"apiKey":"sk-no",
            "takes":[{"id":1,"plan":{},"provenance":{"parentTake":7,"seed":null}}],
            "chat":[{"role":"user","text":"hi","takes":[5]}]})");
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    QCOMPARE(joined(result->report.warnings),
             QString("apiKey: unknown field, ignored\n"
                     "takes[0].provenance.parentTake: no take has id 7\n"
                     "activeTake: no take has id 9; no take is made active"));
    QCOMPARE(result->project.activeTake, TakeId{0});
    QCOMPARE(result->project.takes[0].provenance.parentTake, std::optional<TakeId>(7));
    QCOMPARE(result->project.chat[0].takes, std::vector<TakeId>{5}); // deleted takes are normal
    QVERIFY(projectToJson(result->project).find("apiKey") == std::string::npos);
}

void TstPlanJson::truncatedInputNeverCrashes()
{
    // A cheap stand-in for the fuzzer: every prefix and a byte flip at every position.
    const std::string json = planToJson(richPlan(), -1);
    for (std::size_t n = 0; n < json.size(); ++n) {
        QVERIFY(!planFromJson(std::string_view(json).substr(0, n)));
        std::string flipped = json;
        flipped[n] = static_cast<char>(flipped[n] ^ 0x55);
        (void)validatePlanJson(flipped);
    }
}

void TstPlanJson::sampleFiles()
{
    const QDir valid(PIANOLA_TEST_DATA "/plans/valid");
    const QStringList validFiles = valid.entryList({"*.json"}, QDir::Files);
    QVERIFY(validFiles.size() >= 5);
    for (const QString& name : validFiles) {
        const ValidationReport report = validatePlanJson(readText(valid.filePath(name)));
        QVERIFY2(report.ok(), qPrintable(name + ": " + QString::fromStdString(report.errorText())));
    }
    const QDir invalid(PIANOLA_TEST_DATA "/plans/invalid");
    const QStringList invalidFiles = invalid.entryList({"*.json"}, QDir::Files);
    QVERIFY(invalidFiles.size() >= 10);
    for (const QString& name : invalidFiles) {
        const QString expectedPath = invalid.filePath(QString(name).replace(".json", ".errors"));
        const QString expected = QString::fromStdString(readText(expectedPath)).trimmed();
        QVERIFY2(!expected.isEmpty(), qPrintable(expectedPath + " is missing"));
        const ValidationReport report = validatePlanJson(readText(invalid.filePath(name)));
        QCOMPARE(QString::fromStdString(report.errorText()), expected);
    }
}

void TstPlanJson::schemaAgreesWithLimits()
{
    const auto schema =
        nlohmann::json::parse(readText(PIANOLA_SOURCE_DIR "/resources/schemas/plan.schema.json"));
    const auto& props = schema.at("properties");
    const auto& defs = schema.at("$defs");
    QCOMPARE(schema.at("$id").get<std::string>(),
             std::string("https://pianola.invalid/schemas/plan.schema.json"));
    QCOMPARE(props.at("ppq").at("minimum").get<int>(), Limits::kMinPpq);
    QCOMPARE(props.at("ppq").at("maximum").get<int>(), Limits::kMaxPpq);
    QCOMPARE(props.at("bpm").at("minimum").get<double>(), Limits::kMinBpm);
    QCOMPARE(props.at("bpm").at("maximum").get<double>(), Limits::kMaxBpm);
    QCOMPARE(defs.at("tempoChange").at("properties").at("bpm").at("minimum").get<double>(),
             Limits::kMinBpm);
    QCOMPARE(props.at("tracks").at("maxItems").get<int>(), Limits::kMaxTracks);
    QCOMPARE(props.at("notes").at("maxItems").get<std::int64_t>(), Limits::kMaxEvents);
    QCOMPARE(defs.at("tick").at("maximum").get<std::int64_t>(), Limits::kMaxTick);
    QCOMPARE(defs.at("track").at("properties").at("name").at("maxLength").get<std::size_t>(),
             Limits::kMaxNameBytes);
    QCOMPARE(defs.at("rawEvent").at("properties").at("text").at("maxLength").get<std::size_t>(),
             Limits::kMaxMetaBytes);
    // Every tonic the schema lists is one the validator accepts, in both modes.
    for (const auto& tonic : defs.at("keySignature").at("properties").at("tonic").at("enum")) {
        const std::string json = R"({"key":{"tonic":)" + tonic.dump() +
                                 "},\"keyChanges\":[{\"tick\":0,\"tonic\":" + tonic.dump() +
                                 ",\"mode\":\"minor\"}]}";
        QVERIFY2(validatePlanJson(json).ok(), json.c_str());
    }
}

// Projects written before chips were typed kept them as "chip: ..." lines before the prose.
void TstPlanJson::oldChipLinesBecomeTypedChips()
{
    const std::string json = R"({"format": "pianola-project", "version": 1, "activeTake": 1,
        "takes": [{"id": 1, "name": "Take 1", "plan": {"ppq": 480}}],
        "chat": [{"role": "user", "text": "chip: not a chip in a prompt"},
                 {"role": "assistant", "text": "chip: A minor\nchip: 78 bpm\nNot understood: zorp\n4 takes.", "takes": [1]}]})";
    auto project = projectFromJson(json);
    QVERIFY2(project, project ? "" : project.error().message.c_str());
    const ChatMessage& reply = project->chat.at(1);
    QCOMPARE(reply.understood, (std::vector<std::string>{"A minor", "78 bpm"}));
    QCOMPARE(reply.text, std::string("Not understood: zorp\n4 takes."));
    QCOMPARE(project->chat.at(0).text, std::string("chip: not a chip in a prompt"));
    QVERIFY(project->chat.at(0).understood.empty());
    // Saved again, they stay typed.
    auto again = projectFromJson(projectToJson(*project));
    QVERIFY(again);
    QCOMPARE(*again, *project);
    const std::string saved = projectToJson(*project);
    QVERIFY(saved.find("\"understood\"") != std::string::npos);
    QVERIFY(saved.find("chip: A minor") == std::string::npos);
}

QTEST_GUILESS_MAIN(TstPlanJson)
#include "tst_planjson.moc"
