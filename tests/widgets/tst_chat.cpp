// SPDX-License-Identifier: MIT
// Chat to takes, driven like a user (offscreen): type a prompt, get takes; ask for a change,
// get a variation of the playing take; try again; undo an exchange; A/B between takes; the
// conversation is saved with the project.
#include "app/ChatController.h"
#include "app/MainWindow.h"
#include "engine/playback/PlaybackSequence.h"
#include "widgets/ChatDock.h"
#include "widgets/EditorState.h"
#include "widgets/TakesPanel.h"

#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace pianola;

class TestChat : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void promptGivesTakesAndChangesVaryThePlayingTake();
    void aReplyIsOneEditOneNotificationOneRebuild();
    void changeRequestsAreRecognised_data();
    void changeRequestsAreRecognised();
};

void TestChat::promptGivesTakesAndChangesVaryThePlayingTake()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    widgets::ChatDock* chat = w.chatDock();
    QTest::keyClicks(chat->input(), "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths, soft humanization");
    QTest::keyClick(chat->input(), Qt::Key_Return);
    const model::Project& project = w.document()->project();
    QCOMPARE(project.chat.size(), std::size_t(2));
    QCOMPARE(project.chat[1].takes.size(), std::size_t(4));
    QCOMPARE(project.takes.size(), std::size_t(4));   // the empty placeholder take gave way
    QCOMPARE(project.activeTake, project.chat[1].takes.front());
    QVERIFY(w.plan().noteCount() > 0);
    QCOMPARE(w.plan().initialBpm(), 78.0);
    QVERIFY(chat->history()->toPlainText().contains("A minor"));
    QVERIFY2(!chat->history()->toPlainText().contains("Not understood"), qPrintable(chat->history()->toPlainText()));
    QVERIFY(chat->input()->text().isEmpty());
    QCOMPARE(w.document()->undoStack()->count(), 2);   // the prompt, then the reply with its takes

    // A change request varies the playing take and records it as the parent.
    const model::TakeId parent = project.activeTake;
    QTest::keyClicks(chat->input(), "same but darker and add a 2-bar fill on bar 7");
    QTest::keyClick(chat->input(), Qt::Key_Return);
    QCOMPARE(project.chat.size(), std::size_t(4));
    QCOMPARE(project.chat[3].takes.size(), std::size_t(1));
    const model::Take* varied = project.findTake(project.chat[3].takes.front());
    QVERIFY(varied);
    QCOMPARE(varied->provenance.parentTake.value_or(0), parent);
    QCOMPARE(project.activeTake, varied->id);
    QVERIFY2(!chat->history()->toPlainText().contains("Not understood"), qPrintable(chat->history()->toPlainText()));
    const model::TakeId variedId = varied->id;   // (pointers into the take list do not last)

    // Try again: new takes for the first request, with another seed.
    const std::size_t before = project.takes.size();
    emit chat->tryAgainRequested(1);
    QCOMPARE(project.takes.size(), before + 4);
    QVERIFY(project.takes.back().provenance.seed != project.findTake(project.chat[1].takes.front())->provenance.seed);
    // Undo removes that whole exchange at once.
    w.document()->undoStack()->undo();
    QCOMPARE(project.takes.size(), before);

    // A/B: B switches between the two compared takes; the panel marks them.
    w.setAB(parent, variedId);
    w.document()->activateTake(parent);
    QTest::keyClick(&w, Qt::Key_B);
    QCOMPARE(project.activeTake, variedId);
    QTest::keyClick(&w, Qt::Key_B);
    QCOMPARE(project.activeTake, parent);
    QCOMPARE(w.takesPanel()->itemFor(parent)->text(1), QString("A"));
    QCOMPARE(w.takesPanel()->itemFor(variedId)->text(1), QString("B"));
    QVERIFY(w.editorState()->comparePlan() == &project.findTake(variedId)->plan);

    // Saved and reopened, the conversation and the takes' provenance are all there.
    QTemporaryDir dir;
    QVERIFY(w.document()->save(dir.filePath("chat.pianola")));
    app::MainWindow other;
    QVERIFY(other.openFile(dir.filePath("chat.pianola")));
    QCOMPARE(other.document()->project(), project);
}

// A reply with 4 takes: one composite edit (its takes, the first one active, the placeholder
// gone, the message with typed chips), heard once by the views, one playback rebuild (it was
// about 5: every added take and the activation rebuilt at once, past the 30 ms timer).
void TestChat::aReplyIsOneEditOneNotificationOneRebuild()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::qWait(100);   // the audio engine starts from the event loop
    int edited = 0, activated = 0, takesChanged = 0;
    connect(w.document(), &app::Document::edited, this, [&] { ++edited; });
    connect(w.document(), &app::Document::activeTakeChanged, this, [&] { ++activated; });
    connect(w.document(), &app::Document::takesChanged, this, [&] { ++takesChanged; });
    const std::size_t builds = engine::PlaybackSequence::builtCount();
    const auto ids = w.chatController()->ask(QStringLiteral("8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths"));
    QCOMPARE(ids.size(), std::size_t(4));
    QTest::qWait(150);   // past the coalescing timers
    QCOMPARE(edited, 2);   // the prompt, then the reply
    QCOMPARE(activated, 1);
    QCOMPARE(takesChanged, 1);
    QCOMPARE(engine::PlaybackSequence::builtCount() - builds, std::size_t(1));
    const model::Project& project = w.document()->project();
    QCOMPARE(project.activeTake, ids.front());
    QCOMPARE(w.document()->undoStack()->count(), 2);

    // The understood words are typed chips, shown as chips, not text lines.
    const model::ChatMessage& reply = project.chat.back();
    QVERIFY(!reply.understood.empty());
    QVERIFY2(reply.text.find("chip: ") == std::string::npos, reply.text.c_str());
    const QString shown = w.chatDock()->history()->toPlainText();
    QVERIFY2(shown.contains(QString::fromStdString(reply.understood.front())), qPrintable(shown));
    QVERIFY(!shown.contains(QStringLiteral("chip: ")));

    // One undo step takes the whole reply back: the placeholder is there and active again.
    w.document()->undoStack()->undo();
    QCOMPARE(project.takes.size(), std::size_t(1));
    QCOMPARE(project.activeTake, project.takes.front().id);
    QCOMPARE(project.chat.size(), std::size_t(1));
    w.document()->undoStack()->redo();
    QCOMPARE(project.activeTake, ids.front());
    QCOMPARE(project.takes.size(), std::size_t(4));
}

void TestChat::changeRequestsAreRecognised_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<bool>("change");
    QTest::newRow("same drums") << "same drums but harder kick" << true;
    QTest::newRow("fill") << "add a 2-bar fill on bar 7" << true;
    QTest::newRow("darker") << "darker" << true;
    QTest::newRow("keep") << "keep the bass, busier" << true;
    QTest::newRow("except") << "everything darker except the drums" << true;
    QTest::newRow("new request") << "8-bar lo-fi chord progression in Am at 78 BPM" << false;
    QTest::newRow("new beat") << "trap beat in F# minor, 140 bpm" << false;
}

void TestChat::changeRequestsAreRecognised()
{
    QFETCH(QString, prompt);
    QFETCH(bool, change);
    QCOMPARE(app::ChatController::isChangeRequest(prompt), change);
}

QTEST_MAIN(TestChat)
#include "tst_chat.moc"
