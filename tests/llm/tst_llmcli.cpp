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
}

void TestLlmCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = runCli(QStringList{"generate"} + args + QStringList{"-o", path("u.mid"), "pop"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestLlmCli)
#include "tst_llmcli.moc"
