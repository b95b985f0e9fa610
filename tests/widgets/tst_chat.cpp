// SPDX-License-Identifier: MIT
// Chat to takes, driven like a user (offscreen): type a prompt, get takes; ask for a change,
// get a variation of the playing take; try again; undo an exchange; A/B between takes; the
// conversation is saved with the project.
#include "../generate/ArrangeChecks.h"
#include "app/ChatController.h"
#include "app/MainWindow.h"
#include "app/PlaybackController.h"
#include "app/Session.h"
#include "engine/playback/PlaybackSequence.h"
#include "engine/smf/SmfPlan.h"
#include "widgets/ChatDock.h"
#include "widgets/EditorState.h"
#include "widgets/TakesPanel.h"

#include <algorithm>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <set>

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
    void seedConversationBuildsTheLoopPartByPart();
    void nonsenseAndSoundDesignGetOneReplyAndNoTakes();
    void aChangeThatChangesNothingMakesNoTake();
    void understoodItemsAreChipsThatWrapBetweenThemselves();
    void aSoftBassPassesItsChecksAndItsRepliesFitTheDock();
    void replyShowsEachTakesChecklist();
    void repliesSayPlayingOnlyWhenSomethingPlays();
};

void TestChat::promptGivesTakesAndChangesVaryThePlayingTake()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    widgets::ChatDock* chat = w.chatDock();
    QTest::keyClicks(
        chat->input(),
        "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths, soft humanization");
    QTest::keyClick(chat->input(), Qt::Key_Return);
    const model::Project& project = w.document()->project();
    QCOMPARE(project.chat.size(), std::size_t(2));
    QCOMPARE(project.chat[1].takes.size(), std::size_t(4));
    QCOMPARE(project.takes.size(), std::size_t(4)); // the empty placeholder take gave way
    QCOMPARE(project.activeTake, project.chat[1].takes.front());
    QVERIFY(w.plan().noteCount() > 0);
    QCOMPARE(w.plan().initialBpm(), 78.0);
    QVERIFY(chat->historyText().contains("A minor"));
    QVERIFY2(!chat->historyText().contains("Not understood"), qPrintable(chat->historyText()));
    QVERIFY(chat->input()->text().isEmpty());
    QCOMPARE(w.document()->undoStack()->count(), 2); // the prompt, then the reply with its takes

    // A change request varies the playing take and records it as the parent.
    const model::TakeId parent = project.activeTake;
    QTest::keyClicks(chat->input(), "same but darker and add a 2-bar fill on bar 7");
    QTest::keyClick(chat->input(), Qt::Key_Return);
    QCOMPARE(project.chat.size(), std::size_t(4));
    QCOMPARE(project.chat[3].takes.size(), std::size_t(4)); // four candidates of the change
    const model::Take* varied = project.findTake(project.chat[3].takes.front());
    QVERIFY(varied);
    QCOMPARE(varied->provenance.parentTake.value_or(0), parent);
    QCOMPARE(project.activeTake, varied->id);
    QVERIFY2(!chat->historyText().contains("Not understood"), qPrintable(chat->historyText()));
    const model::TakeId variedId = varied->id; // (pointers into the take list do not last)

    // Try again: new takes for the first request, with another seed.
    const std::size_t before = project.takes.size();
    emit chat->tryAgainRequested(1);
    QCOMPARE(project.takes.size(), before + 4);
    QVERIFY(project.takes.back().provenance.seed !=
            project.findTake(project.chat[1].takes.front())->provenance.seed);
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
    QCOMPARE(w.takesPanel()->itemFor(parent)->text(2), QString("A"));
    QCOMPARE(w.takesPanel()->itemFor(variedId)->text(2), QString("B"));
    QVERIFY(w.editorState()->context().comparePlan() == &project.findTake(variedId)->plan);

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
    QTest::qWait(100); // the audio engine starts from the event loop
    int edited = 0, activated = 0, takesChanged = 0;
    connect(w.document(), &app::Document::edited, this, [&] { ++edited; });
    connect(w.document(), &app::Document::activeTakeChanged, this, [&] { ++activated; });
    connect(w.document(), &app::Document::takesChanged, this, [&] { ++takesChanged; });
    const std::size_t builds = engine::PlaybackSequence::builtCount();
    const auto ids = w.chatController()->ask(
        QStringLiteral("8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths"));
    QCOMPARE(ids.size(), std::size_t(4));
    QTest::qWait(150);   // past the coalescing timers
    QCOMPARE(edited, 2); // the prompt, then the reply
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
    const QString shown = w.chatDock()->historyText();
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
    QTest::newRow("add a part") << "Generate a soft sub bass following the chord roots" << true;
    QTest::newRow("new drums") << "new drums" << true;
    QTest::newRow("new beat") << "trap beat in F# minor, 140 bpm" << false;
    QTest::newRow("new song") << "start a new song: ballad in E major" << false;
    QTest::newRow("nonsense") << "asdf qwerty banana" << false;
}

void TestChat::changeRequestsAreRecognised()
{
    QFETCH(QString, prompt);
    QFETCH(bool, change);
    model::Plan playing; // a take with chords and drums is playing
    playing.tracks = {model::Track{}, model::Track{}};
    playing.tracks[0].name = "Chords";
    playing.tracks[0].notes = {{0, 480, 1, 60, 90}};
    playing.tracks[1].name = "Drums";
    playing.tracks[1].channel = 9;
    playing.tracks[1].notes = {{0, 120, 1, 36, 100}};
    QCOMPARE(app::ChatController::isChangeRequest(prompt, playing), change);
}

namespace {
model::Plan written(const model::Plan& plan)
{
    auto read = engine::smf::readPlan(engine::smf::writePlan(plan));
    return read ? read->plan : model::Plan{};
}

void type(widgets::ChatDock* chat, const char* line)
{
    QTest::keyClicks(chat->input(), line);
    QTest::keyClick(chat->input(), Qt::Key_Return);
}
} // namespace

// The seed conversation, typed into the dock: chords, then drums and a bass made for
// them (each reply 4 takes whose parent is the playing take), then changes that touch only what
// they name.
void TestChat::seedConversationBuildsTheLoopPartByPart()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    widgets::ChatDock* chat = w.chatDock();
    const model::Project& project = w.document()->project();
    type(chat, "Generate an 8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9th and 11th "
               "chords, soft humanization.");
    const model::TakeId chords = project.activeTake;
    type(chat, "Generate a swung lo-fi drum loop at 78 BPM, dusty kick, brushed snare on 2 and 4, "
               "vinyl crackle hat.");
    QCOMPARE(project.chat.back().takes.size(), std::size_t(4));
    const model::TakeId drums = project.activeTake;
    QCOMPARE(project.findTake(drums)->provenance.parentTake.value_or(0), chords);
    QVERIFY2(chat->historyText().contains("add part: drums"), qPrintable(chat->historyText()));
    QVERIFY(chat->historyText().contains("vinyl crackle"));
    type(chat, "Generate a soft sub bass following the chord roots, ghost notes on the off-beats.");
    QCOMPARE(project.chat.back().takes.size(), std::size_t(4));
    const model::Take* full = project.findTake(project.activeTake);
    QCOMPARE(full->provenance.parentTake.value_or(0), drums);
    const model::Plan smf = written(full->plan);
    QCOMPARE(smf.initialBpm(), 78.0);
    QCOMPARE(model::keySignatureTonicPc(smf.keySignatures.front()), 9);
    QVERIFY(smf.keySignatures.front().minor);
    const model::Track* bass = arrange::named(smf, "Bass");
    const model::Track* chordTrack = arrange::named(smf, "Chords");
    const model::Track* kit = arrange::drums(smf);
    QVERIFY(bass && chordTrack && kit);
    QVERIFY(arrange::bassRootShare(smf, *bass, *chordTrack) >= 0.7);
    QVERIFY(arrange::kickLockShare(smf, *kit, *bass) >= 0.5);
    const double swing = arrange::offBeatRatio(*kit, smf.ppq, 42);
    QVERIFY2(swing >= 0.59 && swing <= 0.65, qPrintable(QString::number(swing)));
    QCOMPARE(kit->program, 40);

    const model::TakeId fullId = full->id;
    type(chat, "Same drums but harder kick.");
    // Four candidates, four different amounts of "harder"; each name says this step only.
    QCOMPARE(project.chat.back().takes.size(), std::size_t(4));
    std::set<std::vector<int>> kicks;
    for (model::TakeId id : project.chat.back().takes) {
        const model::Take* t = project.findTake(id);
        QCOMPARE(t->name.substr(0, 27), std::string("Same drums but harder kick "));
        std::vector<int> velocities;
        for (const model::Note& n : arrange::drums(t->plan)->notes)
            if (n.key == 36) velocities.push_back(n.velocity);
        kicks.insert(velocities);
    }
    QCOMPARE(kicks.size(), std::size_t(4));
    const model::Plan harder = written(project.findTake(project.activeTake)->plan);
    QCOMPARE(project.findTake(project.activeTake)->provenance.parentTake.value_or(0), fullId);
    QVERIFY(arrange::sameTrack(*arrange::named(harder, "Chords"), *chordTrack));
    QVERIFY(arrange::sameTrack(*arrange::named(harder, "Bass"), *bass));
    QVERIFY(!arrange::sameTrack(*arrange::drums(harder), *kit));
    w.document()->activateTake(fullId);
    type(chat, "Add a 2-bar fill on bar 7.");
    const model::Plan fill = written(project.findTake(project.activeTake)->plan);
    const model::Tick bar = 4 * smf.ppq;
    QVERIFY(arrange::notesInBars(*arrange::drums(fill), bar, 6, 8).size() >
            arrange::notesInBars(*kit, bar, 6, 8).size());
    QVERIFY(arrange::sameNotes(arrange::notesInBars(*arrange::drums(fill), bar, 0, 6),
                               arrange::notesInBars(*kit, bar, 0, 6)));
    QVERIFY(arrange::sameTrack(*arrange::named(fill, "Bass"), *bass));
    w.document()->activateTake(fullId);
    type(chat, "Same progression but darker.");
    const model::Plan darker = written(project.findTake(project.activeTake)->plan);
    QVERIFY(!arrange::sameTrack(*arrange::named(darker, "Chords"), *chordTrack));
    QVERIFY(arrange::sameTrack(*arrange::named(darker, "Bass"), *bass));
    QVERIFY(arrange::sameTrack(*arrange::drums(darker), *kit));
    QVERIFY2(!chat->historyText().contains("Not understood"), qPrintable(chat->historyText()));
}

void TestChat::nonsenseAndSoundDesignGetOneReplyAndNoTakes()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    widgets::ChatDock* chat = w.chatDock();
    const model::Project& project = w.document()->project();
    const std::size_t takes = project.takes.size();
    type(chat, "asdf qwerty banana");
    QCOMPARE(project.takes.size(), takes);
    QVERIFY(QString::fromStdString(project.chat.back().text).contains("Try"));
    type(chat, "add some reverb and sidechain");
    QCOMPARE(project.takes.size(), takes);
    QVERIFY(QString::fromStdString(project.chat.back().text).contains("MIDI carries notes"));
}

// "harder kick" on a take without drums made an identical copy: now no take, and the reply says
// why.
void TestChat::aChangeThatChangesNothingMakesNoTake()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    widgets::ChatDock* chat = w.chatDock();
    const model::Project& project = w.document()->project();
    type(chat, "8-bar chord progression in A minor, chords only");
    const std::size_t takes = project.takes.size();
    type(chat, "harder kick");
    QCOMPARE(project.takes.size(), takes);
    QVERIFY2(QString::fromStdString(project.chat.back().text).contains("the take has no drums"),
             project.chat.back().text.c_str());
    type(chat, "add drums");
    QVERIFY(project.takes.size() > takes);
    const std::size_t withDrums = project.takes.size();
    type(chat, "harder kick"); // now there is a kick to hit harder
    QVERIFY(project.takes.size() > withDrums);
}

// What the assistant understood is one rounded chip label per item (it was highlighted text in
// the history, wrapping inside an item); in a narrow dock the chips wrap between themselves, and
// a take link in the reply switches to that take.
void TestChat::understoodItemsAreChipsThatWrapBetweenThemselves()
{
    app::MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    widgets::ChatDock* chat = w.chatDock();
    type(chat, "Generate an 8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9th chords, soft "
               "soft humanization.");
    const model::Project& project = w.document()->project();
    const model::ChatMessage& reply = project.chat.back();
    QVERIFY(reply.understood.size() >= 3);
    QApplication::processEvents();
    const auto messages = chat->history()->widget()->findChildren<QWidget*>("chatMessage");
    QCOMPARE(messages.size(), qsizetype(project.chat.size()));
    const auto chips = messages.back()->findChildren<QLabel*>("chip");
    QCOMPARE(chips.size(), qsizetype(reply.understood.size()));
    for (qsizetype i = 0; i < chips.size(); ++i) {
        QCOMPARE(chips[i]->text(),
                 QString::fromStdString(reply.understood[static_cast<std::size_t>(i)]));
        QVERIFY2(!chips[i]->text().contains(QLatin1String("\"soft\", \"soft\"")),
                 qPrintable(chips[i]->text()));
        QCOMPARE(chips[i]->height(),
                 chips.front()->height()); // one line each, never wrapped inside
    }
    QVERIFY(chips[1]->y() == chips[0]->y() ||
            chips[0]->width() + chips[1]->width() > chips[0]->parentWidget()->width());
    chat->parentWidget()->setFixedWidth(260); // a narrow dock: more lines of whole chips
    QApplication::processEvents();
    int lines = 1;
    for (qsizetype i = 1; i < chips.size(); ++i) {
        QVERIFY(chips[i]->geometry().right() <= chips[i]->parentWidget()->width());
        lines += chips[i]->y() > chips[i - 1]->y() ? 1 : 0;
    }
    QVERIFY2(lines >= 2, qPrintable(QString::number(lines)));
    QCOMPARE(chips.front()->height(), chips.back()->height());
    // The second take's link makes it the playing take.
    const model::TakeId second = reply.takes.at(1);
    for (QLabel* label : messages.back()->findChildren<QLabel*>())
        if (label->text().contains(QStringLiteral("pianola:take/%1").arg(second)))
            emit label->linkActivated(QStringLiteral("pianola:take/%1").arg(second));
    QCOMPARE(project.activeTake, second);
}

// "a soft sub bass" joining chords and drums: the bass is soft, so every take passes its
// checklist (softness is measured on the part the words named, not on the parts it joins). The
// reply's longest chip ("add part: bass, 8 bars, swing 62% taken from the take") wraps inside
// itself in a narrow dock, and no message is wider than the history: a chip that could not wrap
// made the whole history as wide as itself, and every line was cut at the dock's edge.
void TestChat::aSoftBassPassesItsChecksAndItsRepliesFitTheDock()
{
    app::MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    widgets::ChatDock* chat = w.chatDock();
    chat->parentWidget()->setFixedWidth(290);
    type(chat, "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths");
    type(chat, "a swung drum loop, brushed snare on 2 and 4");
    type(chat, "a soft sub bass following the chord roots");
    const model::Project& project = w.document()->project();
    const model::ChatMessage& reply = project.chat.back();
    QCOMPARE(reply.takes.size(), std::size_t(4));
    for (model::TakeId id : reply.takes) {
        const model::Take* take = project.findTake(id);
        QCOMPARE(take->checks.size(), std::size_t(4)); // the bass, soft, on the roots, the change
        for (const model::Check& c : take->checks)
            QVERIFY2(c.pass, (take->name + ": " + c.name + ": " + c.measured).c_str());
    }
    QApplication::processEvents();
    QScrollArea* history = chat->history();
    QWidget* content = history->widget();
    const int least = content->minimumSizeHint().width();
    QVERIFY2(least <= history->viewport()->width(),
             qPrintable(QStringLiteral("the history needs %1 px, its view is %2 px")
                            .arg(least)
                            .arg(history->viewport()->width())));
    for (QLabel* label : content->findChildren<QLabel*>())
        if (label->isVisible())
            QVERIFY2(label->mapTo(content, QPoint(label->width(), 0)).x() <= content->width(),
                     qPrintable(label->text()));
    const auto chips =
        content->findChildren<QWidget*>("chatMessage").back()->findChildren<QLabel*>("chip");
    QLabel* longest = *std::max_element(chips.begin(), chips.end(), [](QLabel* a, QLabel* b) {
        return a->text().size() < b->text().size();
    });
    QVERIFY2(longest->text().startsWith("add part: bass") &&
                 longest->text().endsWith("taken from the take"),
             qPrintable(longest->text()));
    QLabel* shortest = *std::min_element(chips.begin(), chips.end(), [](QLabel* a, QLabel* b) {
        return a->text().size() < b->text().size();
    });
    QVERIFY2(longest->height() > shortest->height(), qPrintable(longest->text())); // wrapped
}

// "Playing" is said only when something plays. Here no device can sound (no SoundFont, no MIDI
// output): a reply while stopped says the take is ready for Space; while the transport runs on its
// silent clock it says nothing sounds; neither says "playing", nor does the A/B switch. (A take
// heard through a MIDI output is said to play: tst_editor_midi.)
void TestChat::repliesSayPlayingOnlyWhenSomethingPlays()
{
    QSettings().setValue("audio/soundFont", QStringLiteral("/nonexistent/none.sf2"));
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    app::PlaybackController* playback = w.session()->playback();
    QTRY_VERIFY(playback->onClock()); // the sound started (on the first event-loop turn)
    QVERIFY(!playback->isPlaying());
    const model::Project& project = w.document()->project();
    type(w.chatDock(), "8-bar chord progression in A minor at 90 bpm");
    QString reply = QString::fromStdString(project.chat.back().text);
    QVERIFY2(reply.contains("The first one is in the editor, ready \u2014 press Space to play."),
             qPrintable(reply));
    QVERIFY2(!reply.contains("playing", Qt::CaseInsensitive) && !reply.contains("plays it"),
             qPrintable(reply));

    const auto action = [&w](QKeySequence keys) {
        for (QAction* a : w.findChildren<QAction*>())
            if (a->shortcut() == keys) return a;
        return static_cast<QAction*>(nullptr);
    };
    QAction* play = action(QKeySequence(Qt::Key_Space));
    QAction* switchAB = action(QKeySequence(Qt::Key_B));
    QVERIFY(play && switchAB);
    play->trigger();
    QVERIFY(playback->isPlaying());
    type(w.chatDock(), "add drums");
    QVERIFY(playback->isPlaying());
    reply = QString::fromStdString(project.chat.back().text);
    QVERIFY2(reply.contains("the transport runs, but nothing sounds"), qPrintable(reply));
    QVERIFY2(!reply.contains("playing", Qt::CaseInsensitive), qPrintable(reply));
    switchAB->trigger(); // A/B: the other take, silently
    QVERIFY2(!w.statusBar()->currentMessage().contains("Playing"),
             qPrintable(w.statusBar()->currentMessage()));

    playback->stop();
    switchAB->trigger();
    QVERIFY2(w.statusBar()->currentMessage().endsWith("is ready \u2014 press Space to play"),
             qPrintable(w.statusBar()->currentMessage()));
    QSettings().remove("audio/soundFont");
}

QTEST_MAIN(TestChat)
#include "tst_chat.moc"

// Under a reply's takes, each take's checklist (issue 15): "10/10 checks ✓" per take, the
// failed items in words, the whole list in the tooltip; what the takes panel's badge counts.
void TestChat::replyShowsEachTakesChecklist()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::keyClicks(w.chatDock()->input(), "8-bar lo-fi in A minor at 78 bpm, jazzy 9ths");
    QTest::keyClick(w.chatDock()->input(), Qt::Key_Return);
    const model::Project& project = w.document()->project();
    QCOMPARE(project.chat.size(), std::size_t(2));
    const auto labels = w.chatDock()->history()->widget()->findChildren<QLabel*>("chatChecks");
    QCOMPARE(labels.size(), 1);
    const QStringList lines = labels.front()->text().split('\n');
    QCOMPARE(lines.size(), qsizetype(project.chat[1].takes.size()));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const model::Take* take = project.findTake(project.chat[1].takes[std::size_t(i)]);
        QVERIFY(take && take->checks.size() >= 4);
        const int passed = int(std::count_if(take->checks.begin(), take->checks.end(),
                                             [](const model::Check& c) { return c.pass; }));
        const QString score = QString("%1/%2 checks").arg(passed).arg(take->checks.size());
        QVERIFY2(lines[i].startsWith(QString::fromStdString(take->name) + " — " + score),
                 qPrintable(lines[i]));
        QCOMPARE(lines[i].endsWith("✓"), passed == int(take->checks.size()));
        for (const model::Check& c : take->checks)
            if (!c.pass) // the failure in words
                QVERIFY2(lines[i].contains(QString::fromStdString(c.name + ": " + c.measured)),
                         qPrintable(lines[i]));
    }
    QVERIFY2(lines.front().endsWith("✓"), qPrintable(lines.front())); // the best passes all
    const QString tip = labels.front()->toolTip();
    QVERIFY2(tip.contains("✓ tempo: 78 bpm (asked 78 bpm)") && tip.contains("key: A minor"),
             qPrintable(tip));
}
