// SPDX-License-Identifier: MIT
// The pure side of the LLM providers: JSON extraction, reply validation with JSON paths, musical
// limits, the take as context, Retry-After, key redaction.
#include "engine/generate/Generator.h"
#include "engine/generate/Interpreter.h"
#include "engine/llm/Provider.h"
#include "engine/llm/Providers.h"
#include "engine/llm/Reply.h"
#include "engine/llm/Schemas.h"
#include "engine/llm/Secrets.h"
#include "engine/llm/TakeContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace pianola;
using namespace pianola::engine::llm;

namespace {
const char* kPlan =
    R"({"ppq":480,"bpm":96,"tracks":[{"name":"Keys","channel":0,"program":4,"notes":[{"key":57,"vel":90,"start":0,"length":480},{"key":60,"vel":80,"start":480,"length":480}]}]})";
}

class TestLlmReply : public QObject
{
    Q_OBJECT
private slots:
    void extractJson_data();
    void extractJson();
    void extractNoObject();
    void briefReply();
    void briefReplyErrorsHaveJsonPaths();
    void planReplyLimits_data();
    void planReplyLimits();
    void countNoteKeys();
    void describeTakeIsCompactAndCapped();
    void retryAfter_data();
    void retryAfter();
    void redaction();
    void nullsMeanLeftOut();
    void strictSchemaIsClosed_data();
    void strictSchemaIsClosed();
    void notesSchemaIsPlanSubset();
    void streamLines_data();
    void streamLines();
};

void TestLlmReply::extractJson_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("json");
    QTest::newRow("bare") << R"({"a":1})"
                          << R"({"a":1})";
    QTest::newRow("whitespace") << "\n  {\"a\":1}\n"
                                << R"({"a":1})";
    QTest::newRow("prose") << R"(Sure! Here it is: {"a":{"b":"}"}} Enjoy {"x":2})"
                           << R"({"a":{"b":"}"}})";
    QTest::newRow("fence") << "Here:\n```json\n{\"a\": [1, {\"c\": \"x\\\"}\"}]}\n```\nok"
                           << "{\"a\": [1, {\"c\": \"x\\\"}\"}]}";
    QTest::newRow("fence without tag") << "```\n{\"a\":1}\n```"
                                       << R"({"a":1})";
    QTest::newRow("braces in prose before fence") << "use {curly}?\n```json\n{\"a\":1}\n```"
                                                  << R"({"a":1})";
    QTest::newRow("cut off") << R"(ok {"a": [1, 2)"
                             << R"({"a": [1, 2)";
}

void TestLlmReply::extractJson()
{
    QFETCH(QString, reply);
    QFETCH(QString, json);
    const auto got = engine::llm::extractJson(reply.toStdString());
    QVERIFY(got.ok());
    QCOMPARE(QString::fromStdString(*got), json);
}

void TestLlmReply::extractNoObject()
{
    const auto got = engine::llm::extractJson("I cannot help with that.");
    QVERIFY(!got.ok());
    QVERIFY(QString::fromStdString(got.error().message).contains("no JSON object"));
}

void TestLlmReply::briefReply()
{
    const auto brief = parseBriefReply(
        "```json\n{\"genre\": \"lo-fi\", \"tonic\": \"A\", \"mode\": \"minor\", \"bpm\": 78, "
        "\"bars\": 4}\n```");
    QVERIFY2(brief.ok(), brief.ok() ? "" : brief.error().message.c_str());
    QCOMPARE(brief->tonic, 9);
    QCOMPARE(brief->bars, 4);
    QCOMPARE(brief->genre, engine::generate::Genre::LoFi);
}

void TestLlmReply::briefReplyErrorsHaveJsonPaths()
{
    const auto bad =
        parseBriefReply(R"({"genre": "polka", "bars": 0, "parts": [{"role": "kazoo"}]})");
    QVERIFY(!bad.ok());
    const QString m = QString::fromStdString(bad.error().message);
    QVERIFY2(m.contains("genre") && m.contains("bars") && m.contains("parts[0].role"),
             qPrintable(m));
    const auto cut = parseBriefReply(R"({"genre": "pop", "bars": )");
    QVERIFY(!cut.ok());
}

void TestLlmReply::planReplyLimits_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::newRow("good") << QString(kPlan) << "";
    QTest::newRow("key out of range")
        << QString(kPlan).replace("\"key\":60", "\"key\":130") << "tracks[0].notes[1].key";
    QTest::newRow("tempo too slow")
        << QString(kPlan).replace("\"bpm\":96", "\"bpm\":8") << "bpm: 8 is outside 20..300";
    QTest::newRow("too long") << QString(kPlan).replace("\"start\":480", "\"start\":4800000")
                              << "bars, at most 256";
    QTest::newRow("no notes")
        << R"({"ppq":480,"bpm":96,"tracks":[{"name":"Keys","channel":0,"notes":[]}]})"
        << "the plan has no notes";
    QTest::newRow("cut") << QString(kPlan).left(80) << "The plan is not valid";
}

void TestLlmReply::planReplyLimits()
{
    QFETCH(QString, reply);
    QFETCH(QString, problem);
    const auto plan = parsePlanReply(reply.toStdString());
    if (problem.isEmpty()) {
        QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().message.c_str());
        QCOMPARE(plan->noteCount(), 2);
        return;
    }
    QVERIFY(!plan.ok());
    QVERIFY2(QString::fromStdString(plan.error().message).contains(problem),
             plan.error().message.c_str());
}

void TestLlmReply::countNoteKeys()
{
    QCOMPARE(engine::llm::countNoteKeys(kPlan), 2);
    const char* partial = "{\"notes\":[{\"key\":1},{\"ke";
    QCOMPARE(engine::llm::countNoteKeys(partial), 1);
}

void TestLlmReply::describeTakeIsCompactAndCapped()
{
    auto takes = engine::generate::generate(
        engine::generate::interpret("8-bar trap beat in F#m at 140 bpm", 3).brief, "p");
    QVERIFY(takes.ok());
    const model::Take& take = takes->front();
    const std::string text = describeTake(take, {{0, {take.plan.tracks[0].notes[0].id}}}, 2000);
    QVERIFY2(text.size() <= 2100, text.c_str());
    QVERIFY(text.find("tempo 140 bpm, meter 4/4, key F# minor") == 0);
    QVERIFY(text.find("channel 9") != std::string::npos);
    QVERIFY(text.find("more notes left out") != std::string::npos);
    QVERIFY(text.find("selected in track 0: ") != std::string::npos);
    const model::Note& n = take.plan.tracks[0].notes[0];
    const std::string first = std::to_string(n.startTick) + ":" + std::to_string(n.key) + ":" +
                              std::to_string(n.lengthTicks) + ":" + std::to_string(n.velocity);
    QVERIFY(text.find(first) != std::string::npos);
    const std::string whole = describeTake(take, {}, 1'000'000);
    QVERIFY(whole.find("left out") == std::string::npos);
}

void TestLlmReply::retryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("ms");
    QTest::newRow("seconds") << QByteArray("1") << 1000;
    QTest::newRow("fraction") << QByteArray(" 2.5 ") << 2500;
    QTest::newRow("date") << QByteArray("Sun, 22 Nov 2026 10:00:30 GMT") << 30000;
    QTest::newRow("past date") << QByteArray("Sun, 22 Nov 2026 09:00:00 GMT") << 0;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("absent") << QByteArray() << -1;
}

void TestLlmReply::retryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(int, ms);
    const QDateTime now(QDate(2026, 11, 22), QTime(10, 0, 0), Qt::UTC);
    const std::optional<int> got = retryAfterMs(header, now);
    QCOMPARE(got.value_or(-1), ms);
}

void TestLlmReply::redaction()
{
    const QString key = QStringLiteral("sk-proj-SECRETabcdef0123456789xyz");
    const QString said = redactSecrets("Incorrect API key provided: sk-proj-SEC*****9xyz. Key " +
                                           key + " and " + key.right(6),
                                       key);
    QVERIFY2(!said.contains("SECRET") && !said.contains("9xyz") && !said.contains(key.right(6)),
             qPrintable(said));
    QVERIFY(said.contains("[redacted]"));
}

void TestLlmReply::nullsMeanLeftOut()
{
    QCOMPARE(dropNullMembers(R"({"a":null,"b":[null,{"c":null,"d":1}]})"),
             R"({"b":[null,{"d":1}]})");
    QCOMPARE(dropNullMembers("{\"a\":null"), "{\"a\":null"); // not JSON: unchanged
    const auto brief = parseBriefReply(
        R"({"genre":"house","mood":null,"parts":null,"directives":{"fillBars":null,"clap":true}})");
    QVERIFY2(brief.ok(), brief.ok() ? "" : brief.error().message.c_str());
    QVERIFY(brief->directives.clap);
}

namespace {
// Every object schema below `node` is closed and requires all its properties; no $ref, no default.
void checkClosed(const QJsonValue& node, const QString& path)
{
    if (node.isArray()) {
        for (qsizetype i = 0; i < node.toArray().size(); ++i)
            checkClosed(node.toArray()[i], path + "[" + QString::number(i) + "]");
        return;
    }
    const QJsonObject o = node.toObject();
    for (const char* banned : {"$ref", "default", "$defs", "oneOf", "not"})
        QVERIFY2(!o.contains(banned), qPrintable(path + " has " + banned));
    if (o.contains("enum")) QVERIFY2(o.contains("type"), qPrintable(path));
    if (o.contains("properties")) {
        QCOMPARE(o["additionalProperties"].toBool(true), false);
        QCOMPARE(o["required"].toArray().size(), o["properties"].toObject().size());
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.value().isObject() || it.value().isArray())
            checkClosed(it.value(), path + "." + it.key());
}
} // namespace

void TestLlmReply::strictSchemaIsClosed_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("brief") << "brief";
    QTest::newRow("notes") << "notes";
}

void TestLlmReply::strictSchemaIsClosed()
{
    QFETCH(QString, name);
    const QJsonObject schema = strictSchema(name == "brief" ? briefSchema() : notesSchema());
    QCOMPARE(schema["type"].toString(), "object");
    QVERIFY(schema["properties"].toObject().size() >= 5);
    checkClosed(schema, "(root)");
}

void TestLlmReply::notesSchemaIsPlanSubset()
{
    const QJsonObject s = notesSchema();
    QCOMPARE(s["required"].toArray().size(), 5);
    const QJsonObject note =
        s["properties"]["tracks"]["items"]["properties"]["notes"]["items"].toObject();
    QCOMPARE(note["required"].toArray().size(), 4);
    QCOMPARE(note["properties"]["key"]["maximum"].toInt(), 127); // $ref inlined
    QVERIFY(s["properties"]["key"]["properties"]["tonic"]["enum"].toArray().contains("F#"));
    QVERIFY(QJsonDocument(s).toJson(QJsonDocument::Compact).size() < 6000);
}

void TestLlmReply::streamLines_data()
{
    QTest::addColumn<int>("wire");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("done");
    QTest::addColumn<bool>("lengthLimit");
    QTest::addColumn<bool>("error");
    QTest::newRow("openai delta")
        << 0 << QByteArray(R"(data: {"model":"m","choices":[{"delta":{"content":"{\"a"}}]})")
        << "{\"a" << false << false << false;
    QTest::newRow("openai length")
        << 0 << QByteArray(R"(data: {"choices":[{"delta":{},"finish_reason":"length"}]})") << ""
        << false << true << false;
    QTest::newRow("openai done") << 0 << QByteArray("data: [DONE]") << "" << true << false << false;
    QTest::newRow("openai comment")
        << 0 << QByteArray(": keep-alive") << "" << false << false << false;
    QTest::newRow("openai broken")
        << 0 << QByteArray("data: {\"choi") << "" << false << false << true;
    QTest::newRow("anthropic json")
        << 1
        << QByteArray(
               R"(data: {"type":"content_block_delta","delta":{"type":"input_json_delta","partial_json":"[1"}})")
        << "[1" << false << false << false;
    QTest::newRow("anthropic max")
        << 1 << QByteArray(R"(data: {"type":"message_delta","delta":{"stop_reason":"max_tokens"}})")
        << "" << false << true << false;
    QTest::newRow("anthropic stop")
        << 1 << QByteArray(R"(data: {"type":"message_stop"})") << "" << true << false << false;
    QTest::newRow("anthropic event line")
        << 1 << QByteArray("event: ping") << "" << false << false << false;
    QTest::newRow("anthropic error")
        << 1
        << QByteArray(
               R"(data: {"type":"error","error":{"type":"overloaded_error","message":"busy"}})")
        << "" << false << false << true;
    QTest::newRow("ollama piece") << 2
                                  << QByteArray(
                                         R"({"model":"l","message":{"content":"x"},"done":false})")
                                  << "x" << false << false << false;
    QTest::newRow("ollama length") << 2 << QByteArray(R"({"done":true,"done_reason":"length"})")
                                   << "" << true << true << false;
    QTest::newRow("ollama error") << 2 << QByteArray(R"({"error":"model not found"})") << ""
                                  << false << false << true;
}

void TestLlmReply::streamLines()
{
    QFETCH(int, wire);
    QFETCH(QByteArray, line);
    const WireFormat* wires[] = {&kOpenAiWire, &kAnthropicWire, &kOllamaWire};
    const StreamEvent ev = wires[wire]->parseLine(line);
    QTEST(ev.text, "text");
    QTEST(ev.done, "done");
    QTEST(ev.lengthLimit, "lengthLimit");
    QTEST(!ev.error.isEmpty(), "error");
}

QTEST_GUILESS_MAIN(TestLlmReply)
#include "tst_llmreply.moc"
