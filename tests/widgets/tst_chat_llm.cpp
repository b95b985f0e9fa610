// SPDX-License-Identifier: MIT
// The chat dock with a language model: a local server speaking OpenAI's streaming Chat
// Completions answers; the reply's takes arrive without blocking the window, progress shows,
// Cancel stops a stalled reply and keeps nothing, and the API key reaches no saved file.
#include "app/ChatController.h"
#include "widgets/EditorState.h"
#include "app/MainWindow.h"
#include "engine/llm/ProviderConfig.h"
#include "tests/llm/FakeLlmServer.h"
#include "app/NarrativeRequest.h"
#include "widgets/AnalysisPanel.h"
#include "widgets/ChatDock.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pianola;

namespace {
const QByteArray kBrief = R"({"genre":"lo-fi","tonic":"A","mode":"minor","bpm":78,"bars":4})";
const QByteArray kKey = "sk-test-PIANOLA-0123456789abcdef";

test::ScriptedReply streamed(QList<QByteArray> pieces)
{
    test::ScriptedReply r;
    r.headers = {{"Content-Type", "text/event-stream"}};
    r.pieces = std::move(pieces);
    r.pieceDelayMs = 20;
    return r;
}
} // namespace

class TestChatLlm : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void replyArrivesAsTakes();
    void cancelKeepsNothing();
    void analysisNarrativeFromTheModel();
    void regenerateTellsTheModelItsScope();

private:
    test::FakeLlmServer m_server;
};

void TestChatLlm::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("PIANOLA_TEST_KEY", kKey);
    QSettings settings;
    settings.setValue("llm/provider", "openai");
    settings.setValue("llm/openai/baseUrl", m_server.url("/v1"));
    settings.setValue("llm/openai/model", "gpt-test");
    settings.setValue("llm/openai/apiKeyEnv", "PIANOLA_TEST_KEY");
    settings.setValue("llm/openai/timeoutMs", 8000);
}

void TestChatLlm::cleanupTestCase()
{
    QSettings().remove("llm");
}

void TestChatLlm::replyArrivesAsTakes()
{
    m_server.enqueue(streamed(test::openAiStream(kBrief, "gpt-test-0613", 6)));
    app::MainWindow w;
    w.show();
    QCOMPARE(w.chatController()->provider(), QString("openai"));
    QSignalSpy replied(w.chatController(), &app::ChatController::replied);
    QTest::keyClicks(w.chatDock()->input(), "4-bar lo-fi in A minor at 78 bpm");
    QTest::keyClick(w.chatDock()->input(), Qt::Key_Return);
    QVERIFY(w.chatDock()->isBusy());   // asynchronous: the window keeps running
    QVERIFY(replied.wait(8000));
    QVERIFY(!w.chatDock()->isBusy());
    const model::Project& project = w.document()->project();
    QCOMPARE(project.chat.size(), std::size_t(2));
    QCOMPARE(project.chat[1].takes.size(), std::size_t(4));
    const model::Take* take = project.findTake(project.chat[1].takes.front());
    QCOMPARE(take->provenance.provider, std::string("openai"));
    QCOMPARE(take->provenance.model, std::string("gpt-test-0613"));
    QCOMPARE(take->plan.initialBpm(), 78.0);
    QCOMPARE(project.activeTake, take->id);
    // What went over the wire: the key in the header only, the prompt, the brief schema.
    QCOMPARE(m_server.requests().size(), 1);
    const test::RecordedRequest& request = m_server.requests().front();
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer ") + kKey);
    QVERIFY(request.body.contains("4-bar lo-fi in A minor"));
    QVERIFY(request.body.contains("json_schema"));
    // The key is in no saved or exported file.
    QTemporaryDir dir;
    QVERIFY(w.document()->save(dir.filePath("p.pianola")));
    QVERIFY(w.document()->exportTake(dir.filePath("t.mid")));
    QVERIFY(w.document()->writeRecovery());
    for (const QString& path : {dir.filePath("p.pianola"), dir.filePath("t.mid"), w.document()->recoveryPath()}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(kKey), qPrintable(path));
    }
    w.document()->removeRecovery();
}

void TestChatLlm::cancelKeepsNothing()
{
    test::ScriptedReply stalled = streamed(test::openAiStream(kBrief, "gpt-test-0613", 6).mid(0, 2));
    stalled.stall = true;
    m_server.enqueue(stalled);
    app::MainWindow w;
    w.show();
    QSignalSpy replied(w.chatController(), &app::ChatController::replied);
    QTest::keyClicks(w.chatDock()->input(), "4-bar lo-fi in A minor");
    QTest::keyClick(w.chatDock()->input(), Qt::Key_Return);
    QTRY_VERIFY(w.chatController()->busy());
    QTest::qWait(200);   // part of the reply has arrived
    auto* cancel = w.chatDock()->findChild<QPushButton*>("chatCancel");
    QVERIFY(cancel && cancel->isVisible());
    cancel->click();
    QVERIFY(replied.count() == 1 || replied.wait(3000));
    const model::Project& project = w.document()->project();
    QCOMPARE(project.chat.size(), std::size_t(2));
    QVERIFY(project.chat[1].takes.empty());
    QCOMPARE(QString::fromStdString(project.chat[1].text), QString("Cancelled."));
    QCOMPARE(project.takes.size(), std::size_t(1));   // only the empty start take
    QVERIFY(!w.chatDock()->isBusy());
}

void TestChatLlm::analysisNarrativeFromTheModel()
{
    test::FakeLlmServer server;   // a fresh one: the stalled connection of cancelKeepsNothing stays out
    QSettings().setValue("llm/openai/baseUrl", server.url("/v1"));
    server.enqueue(streamed(test::openAiStream(
        R"({"narrative":"A calm four-bar loop in A minor.","suggestions":["add more swing","add a fill on bar 4"]})", "gpt-test-0613")));
    app::MainWindow w;
    w.show();
    model::Take take;
    take.name = "loop";
    model::Track keys;
    for (int i = 0; i < 16; ++i)
        keys.notes.push_back({i * 480, 400, static_cast<model::NoteId>(i + 1), static_cast<std::uint8_t>(57 + (i % 4) * 3), 90, 64});
    take.plan.tracks.push_back(keys);
    QSignalSpy shown(w.analysisPanel(), &widgets::AnalysisPanel::analysisShown);
    QVERIFY(w.document()->addTake(take, "loop"));
    QVERIFY(shown.wait(5000));
    const std::size_t before = server.requests().size();
    w.analysisPanel()->findChild<QPushButton*>("askModel")->click();
    QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(w.analysisPanel()->analysis().narrative), QString("A calm four-bar loop in A minor."), 5000);
    QCOMPARE(w.analysisPanel()->analysis().suggestions, (std::vector<std::string>{"add more swing", "add a fill on bar 4"}));
    // The features went out, not the file.
    QCOMPARE(server.requests().size(), before + 1);
    const QByteArray body = server.requests().back().body;
    QVERIFY(body.contains("duration_ms") && !body.contains("MThd"));
    // Replies that are not usable are refused with the reason.
    QVERIFY(!app::NarrativeRequest::parseReply("no json here"));
    QVERIFY(!app::NarrativeRequest::parseReply(R"({"narrative":"","suggestions":[]})"));
    QVERIFY(app::NarrativeRequest::parseReply("```json\n{\"narrative\":\"ok\",\"suggestions\":[]}\n```"));
}

// Edit > Regenerate with the bass's bars 2-3 chosen: the model is told the scope and that
// nothing outside it may change.
void TestChatLlm::regenerateTellsTheModelItsScope()
{
    test::FakeLlmServer server;
    QSettings().setValue("llm/openai/baseUrl", server.url("/v1"));
    server.enqueue(streamed(test::openAiStream(kBrief, "gpt-test-0613", 6)));
    app::MainWindow w;
    w.show();
    model::Take take;
    take.name = "loop";
    model::Track keys, bass;
    keys.name = "Piano", bass.name = "Bass", bass.channel = 1, bass.program = 33;
    for (int i = 0; i < 16; ++i) {
        keys.notes.push_back({i * 480, 400, static_cast<model::NoteId>(i + 1), static_cast<std::uint8_t>(57 + (i % 4) * 3), 90, 64});
        bass.notes.push_back({i * 480, 400, static_cast<model::NoteId>(i + 1), 33, 90, 64});
    }
    take.plan.tracks = {keys, bass};
    QVERIFY(w.document()->addTake(take, "loop"));
    widgets::EditorState* state = w.editorState();
    state->setScopeTrack(w.plan().tracks[1].id);
    state->setScopeBars(2, 3);
    QSignalSpy replied(w.chatController(), &app::ChatController::replied);
    w.findChild<QAction*>("regenerateScope")->trigger();
    QVERIFY(replied.count() == 1 || replied.wait(8000));
    QCOMPARE(server.requests().size(), 1);
    const QByteArray body = server.requests().front().body;
    QVERIFY2(body.contains("narrowed this request to track 2 (Bass), bars 2-3 of the current take"), body.constData());
    const auto& chat = w.document()->project().chat;
    QVERIFY(QString::fromStdString(chat[chat.size() - 2].text).endsWith(QStringLiteral("Bass · bars 2–3")));
}

QTEST_MAIN(TestChatLlm)
#include "tst_chat_llm.moc"
