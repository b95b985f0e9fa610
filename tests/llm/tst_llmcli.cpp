// SPDX-License-Identifier: MIT
// pianola-cli generate --provider ... against a local OpenAI-compatible and Anthropic server.
#include "../app/CliRun.h"
#include "engine/PlanFile.h"
#include "FakeLlmServer.h"

#include <cstdio>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pianola;
using pianola::test::FakeLlmServer;
using pianola::test::ScriptedReply;

namespace {
const QByteArray kBrief = R"({"genre":"trap","tonic":"F#","mode":"minor","bpm":140,"bars":4})";

using Run = test::CliRun;
using test::runCli;

ScriptedReply streamed(QList<QByteArray> pieces)
{
    ScriptedReply r;
    r.pieces = std::move(pieces);
    return r;
}
} // namespace

class TestLlmCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void openAiCompatible();
    void anthropicWithKeyFromNamedVariable();
    void fallbackIsSaid();
    void failureExitsOne();
    void usageErrors_data();
    void usageErrors();
    void timeoutOptionIsHonouredAndNamed();
    void endlessLineIsRefusedEarly();
    void echoedKeyNeverReachesTheTerminal();
    void failedCheckIsSentBackOnce();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestLlmCli::openAiCompatible()
{
    FakeLlmServer server;
    server.enqueue(streamed(test::openAiStream(kBrief, "local-model-q4")));
    qputenv("OPENAI_API_KEY", "sk-cli-test-0123456789");
    const Run r = runCli({"generate", "--provider", "openai", "--base-url", server.url("/v1"),
                          "--model", "local-model", "--takes", "2", "--explain", "-o",
                          path("llm.mid"), "dark trap in F#m"});
    qunsetenv("OPENAI_API_KEY");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("local-model-q4"));
    QVERIFY(r.out.contains("llm-1.mid") && r.out.contains("llm-2.mid"));
    QVERIFY(!r.out.contains("sk-cli-test") && !r.err.contains("sk-cli-test"));
    auto loaded = engine::loadPlanFile(path("llm-2.mid").toStdString());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->plan.initialBpm(), 140.0);
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests()[0].path, "/v1/chat/completions");
    QCOMPARE(server.requests()[0].headers.value("authorization"), "Bearer sk-cli-test-0123456789");
    QVERIFY(server.requests()[0].body.contains("\"model\":\"local-model\""));
}

void TestLlmCli::anthropicWithKeyFromNamedVariable()
{
    FakeLlmServer server;
    server.enqueue(streamed(test::anthropicToolStream(kBrief, "claude-x")));
    qputenv("PIANOLA_TEST_ANTHROPIC", "sk-ant-named-variable");
    const Run r = runCli({"generate", "--provider", "anthropic", "--base-url", server.url(),
                          "--api-key-env", "PIANOLA_TEST_ANTHROPIC", "-o", path("a.mid"), "trap"});
    qunsetenv("PIANOLA_TEST_ANTHROPIC");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(server.requests()[0].headers.value("x-api-key"), "sk-ant-named-variable");
    QVERIFY(QFile::exists(path("a.mid")));
}

void TestLlmCli::fallbackIsSaid()
{
    FakeLlmServer server;
    server.enqueue(streamed(test::ollamaStream("{\"genre\": \"polka\"}", "llama")));
    const Run r = runCli({"generate", "--provider", "ollama", "--base-url", server.url(), "-o",
                          path("f.mid"), "4 bars of house at 124 bpm"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("offline generator made these takes"), qPrintable(r.err));
    QVERIFY(r.out.contains("offline, pianola-theory-1"));
    QCOMPARE(server.requests().size(), 3);
}

void TestLlmCli::failureExitsOne()
{
    FakeLlmServer server;
    server.enqueue(test::errorReply(404, "model \"nope\" not found, try pulling it first"));
    const Run r = runCli({"generate", "--provider", "ollama", "--base-url", server.url(), "--model",
                          "nope", "-o", path("x.mid"), "pop"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("Not found (404): model \"nope\" not found") &&
                 r.err.contains("Check the base URL"),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(path("x.mid")));
}

void TestLlmCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("provider") << QStringList{"--provider", "gemini"} << "--provider must be";
    QTest::newRow("mode") << QStringList{"--provider", "openai", "--mode", "midi"}
                          << "--mode must be";
    QTest::newRow("model offline") << QStringList{"--model", "x"} << "--model needs --provider";
    QTest::newRow("timeout 0") << QStringList{"--provider", "ollama", "--timeout", "0"}
                               << "--timeout must be a whole number of seconds from 1 to 86400";
    QTest::newRow("stall timeout text")
        << QStringList{"--provider", "openai", "--stall-timeout", "soon"}
        << "--stall-timeout must be a whole number of seconds";
    QTest::newRow("timeout offline")
        << QStringList{"--timeout", "5"} << "--timeout needs --provider";
}

void TestLlmCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = runCli(QStringList{"generate"} + args + QStringList{"-o", path("u.mid"), "pop"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

// The sentence names the option that raises the timeout, and the option is honoured.
void TestLlmCli::timeoutOptionIsHonouredAndNamed()
{
    FakeLlmServer server;
    ScriptedReply slow = streamed(test::ollamaStream(kBrief, "llama", 8));
    slow.pieceDelayMs = 400; // never silent for long, never done within 1 s
    server.enqueue(slow);
    const Run r = runCli({"generate", "--provider", "ollama", "--base-url", server.url(),
                          "--timeout", "1", "-o", path("t.mid"), "pop"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("No complete reply within 1 s") &&
                 r.err.contains("raise the timeout (--timeout SECONDS)"),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(path("t.mid")));

    FakeLlmServer silent;
    ScriptedReply stalled = streamed(test::ollamaStream(kBrief, "llama", 4, false).mid(0, 1));
    stalled.stall = true;
    silent.enqueue(stalled);
    const Run s = runCli({"generate", "--provider", "ollama", "--base-url", silent.url(),
                          "--stall-timeout", "1", "-o", path("s.mid"), "pop"});
    QCOMPARE(s.code, 1);
    QVERIFY2(s.err.contains("sent nothing for 1 s") && s.err.contains("(--stall-timeout SECONDS)"),
             qPrintable(s.err));
}

// One SSE line without an end, with the default bounds: refused after 8 MB, not retried.
void TestLlmCli::endlessLineIsRefusedEarly()
{
    FakeLlmServer server;
    ScriptedReply endless;
    endless.pieces.append("data: ");
    endless.filler = "y";
    endless.fillerCount = -1;
    server.enqueue(endless);
    const Run r = runCli({"generate", "--provider", "openai", "--base-url", server.url("/v1"), "-o",
                          path("e.mid"), "pop"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("a stream line longer than 8 MB (the line starting at byte 0)"),
             qPrintable(r.err));
    QCOMPARE(server.requests().size(), 1);
    QVERIFY(!QFile::exists(path("e.mid")));
}

// A server that echoes the Authorization header as its model name and into an invalid field.
void TestLlmCli::echoedKeyNeverReachesTheTerminal()
{
    const QByteArray key = "sk-cli-echo-0123456789abcdefghij";
    FakeLlmServer server;
    server.enqueue(streamed(test::openAiStream(kBrief, "Bearer " + key)));
    FakeLlmServer invalid;
    invalid.enqueue(streamed(test::openAiStream(R"({"genre":"Bearer )" + key + R"("})", "m")));
    qputenv("OPENAI_API_KEY", key);
    const Run r = runCli({"generate", "--provider", "openai", "--base-url", server.url("/v1"),
                          "--explain", "-o", path("k.mid"), "pop"});
    const Run f = runCli({"generate", "--provider", "openai", "--base-url", invalid.url("/v1"),
                          "--explain", "-o", path("f.mid"), "pop"});
    qunsetenv("OPENAI_API_KEY");
    QVERIFY2(r.code == 0 && f.code == 0, qPrintable(r.err + f.err));
    QVERIFY2(r.out.contains("(openai, Bearer [redacted])"), qPrintable(r.out));
    QVERIFY2(f.err.contains("offline generator made these takes") && f.err.contains("[redacted]"),
             qPrintable(f.err));
    for (const QByteArray& part : {key, key.mid(12, 10), key.right(8)})
        for (const QString& text : {r.out, r.err, f.out, f.err})
            QVERIFY2(!text.toUtf8().contains(part), qPrintable(text));
}

// A valid reply at the wrong tempo is sent back once with the measured value (issue 15); the
// model stays wrong, so the takes are written with their failures and stderr says so.
void TestLlmCli::failedCheckIsSentBackOnce()
{
    FakeLlmServer server;
    server.enqueue(streamed(test::openAiStream(kBrief, "m"))); // 140 bpm, every time
    const Run r = runCli({"generate", "--provider", "openai", "--base-url", server.url("/v1"),
                          "--explain", "-o", path("w.mid"), "dark trap in F#m at 150 bpm"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(server.requests().size(), 2);
    QVERIFY2(server.requests()[1].body.contains("tempo: asked 150 bpm, measured 140 bpm"),
             server.requests()[1].body.constData());
    QVERIFY2(r.err.contains("asked once to correct it") && r.err.contains("still fails 1 check"),
             qPrintable(r.err));
    QVERIFY2(r.out.contains("FAIL  tempo: 140 bpm (asked 150 bpm)"), qPrintable(r.out));
    QVERIFY(engine::loadPlanFile(path("w.mid").toStdString()).ok());
}

QTEST_GUILESS_MAIN(TestLlmCli)
#include "tst_llmcli.moc"
