// SPDX-License-Identifier: MIT
// The main window driven like a user under the offscreen platform: open by path and by drop,
// a clear message for a bad file, the transport keys with or without a sound device.
#include "app/ChatController.h"
#include "app/MainWindow.h"
#include "app/PlaybackController.h"
#include "engine/analysis/Analyzer.h"
#include "engine/playback/PlaybackSequence.h"
#include "engine/smf/SmfPlan.h"
#include "model/GeneralMidi.h"
#include "widgets/AnalysisChart.h"
#include "widgets/AnalysisPanel.h"
#include "widgets/EditorState.h"
#include "widgets/InstrumentBox.h"
#include "widgets/TempoMarks.h"
#include "widgets/TrackList.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

using namespace pianola;

namespace {
QString writeSong(const QTemporaryDir& dir)
{
    model::Plan plan;
    model::Track piano;
    piano.name = "Piano";
    for (int i = 0; i < 8; ++i)
        piano.notes.push_back({i * 480, 400, 0, static_cast<std::uint8_t>(60 + i), 90, 64});
    model::Track bass = piano;
    bass.name = "Bass";
    bass.channel = 1;
    plan.tracks = {piano, bass};
    const auto bytes = engine::smf::writePlan(plan);
    const QString path = dir.filePath("song.mid");
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
    return path;
}

// Closes the next message box that opens (a modal dialog would block the test).
void closeNextMessageBox(QString* text)
{
    QTimer::singleShot(0, [text] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(w)) {
                *text = box->text();
                box->accept();
            }
    });
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void opensAFileAndShowsWhatItHolds();
    void opensADroppedFile();
    void badFileGetsAClearMessage();
    void typingStartsInTheChat();
    void transportKeysNeverCrash();
    void documentPushIsTheApplicationAndRefusalsNeverReachTheStack();
    void aBurstOfEditsRebuildsOnceAndTheLoopCoversTheTake();
    void tempoAndMeterEditsAreUndoableAndKeepTicks();
    void draggingTheBpmIsOneUndoStep();
    void tempoChangesAreMarkedInTheRuler();
    void nothingIsClippedAt1280x800();
    void anAMinorTakeShowsAndHighlightsAMinor();
    void theMetronomePlaysButIsNeverExported();
};

void TestMainWindow::opensAFileAndShowsWhatItHolds()
{
    QTemporaryDir dir;
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(writeSong(dir)));
    QCOMPARE(w.plan().tracks.size(), std::size_t(2));
    QCOMPARE(w.plan().noteCount(), 16);
    QVERIFY(w.windowTitle().startsWith("song.mid"));
    QTRY_VERIFY(w.statusBar()->currentMessage().contains("2 tracks, 16 notes") ||
                w.statusBar()->currentMessage().startsWith("No sound"));
}

void TestMainWindow::opensADroppedFile()
{
    QTemporaryDir dir;
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(writeSong(dir))});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    QCOMPARE(w.plan().noteCount(), 16);
}

void TestMainWindow::badFileGetsAClearMessage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.mid");
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(QByteArray::fromHex("4D546864000000060003000100 60"));
    f.close();
    app::MainWindow w;
    QString shown;
    closeNextMessageBox(&shown);
    QVERIFY(!w.openFile(path));
    QVERIFY2(shown.contains("unknown SMF format 3 (0, 1 or 2 expected) at byte 8"),
             qPrintable(shown));
    QCOMPARE(w.plan().noteCount(), 0); // nothing half-loaded
}

// A new window's keyboard focus is the chat input: a user types a request at once, and no letter
// reaches the roll's one-key shortcuts (R records, B switches A/B). The GUI walk of the seed
// conversation found typing after a --prompt start landing in the roll.
void TestMainWindow::typingStartsInTheChat()
{
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    auto* input = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    QVERIFY(input);
    QVERIFY2(input->placeholderText().startsWith("Ask for music"),
             qPrintable(input->placeholderText()));
    QTest::keyClicks(input, "add drums");
    QCOMPARE(input->text(), QString("add drums"));
}

void TestMainWindow::transportKeysNeverCrash()
{
    QTemporaryDir dir;
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(writeSong(dir)));
    QTest::qWait(50); // the audio engine starts after the window shows
    for (Qt::Key key : {Qt::Key_Space, Qt::Key_L, Qt::Key_Space, Qt::Key_Return, Qt::Key_Space})
        QTest::keyClick(&w, key);
    QTest::qWait(100);
    auto* label = w.findChild<QToolBar*>("transport")->findChildren<QLabel*>().value(0);
    QVERIFY(label);
    QVERIFY2(label->text().contains('.'), qPrintable(label->text())); // bar.beat.tick shown
}

// Document::submit: the undo stack's push applies the edit (one notification, one step); an
// edit the project does not accept is refused before the stack (the redo history stays), and
// tracks are named by their ids (a new project's track has one).
void TestMainWindow::documentPushIsTheApplicationAndRefusalsNeverReachTheStack()
{
    app::Document document;
    QUndoStack* undo = document.undoStack();
    int edited = 0;
    connect(&document, &app::Document::edited, this, [&] { ++edited; });
    const model::Take& take = document.project().takes.front();
    const model::TrackId track = take.plan.tracks.front().id;
    QVERIFY(track != 0);
    const model::Note note{0, 480, 1, 60, 100};
    QVERIFY(document.submit(model::NotesEdit{take.id, track, {}, {note}}, "add"));
    QCOMPARE(edited, 1);
    QCOMPARE(undo->count(), 1);
    QCOMPARE(document.project().takes.front().plan.tracks.front().notes.size(), std::size_t(1));
    undo->undo();
    QCOMPARE(edited, 2);
    QVERIFY(undo->canRedo());
    // Stale (the note is not there), an unknown track, a used id: refused, nothing changes.
    QVERIFY(!document.submit(model::NotesEdit{take.id, track, {note}, {}}, "stale"));
    QVERIFY(!document.submit(model::NotesEdit{take.id, track + 1, {}, {note}}, "no such track"));
    QVERIFY(!document.submit(model::CompositeEdit{{model::NotesEdit{take.id, track, {}, {note}},
                                                   model::NotesEdit{take.id, track, {}, {note}}}},
                             "second add of id 1"));
    QCOMPARE(edited, 2);
    QCOMPARE(undo->count(), 1);
    QVERIFY(undo->canRedo()); // the redo history was not cut by a refused edit
    QVERIFY(document.project().takes.front().plan.tracks.front().notes.empty());
    undo->redo();
    QCOMPARE(document.project().takes.front().plan.tracks.front().notes.size(), std::size_t(1));
}

// The Session's playback wiring through the window: edits in a burst make one sequence (the
// 30 ms coalescing timer), a take switch one at once; Loop without a region loops the whole
// take in bars.
void TestMainWindow::aBurstOfEditsRebuildsOnceAndTheLoopCoversTheTake()
{
    QTemporaryDir dir;
    app::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(writeSong(dir))); // 8 beats of notes: two bars
    QTest::qWait(100);                   // the audio engine starts from the event loop
    const model::TakeId take = w.document()->project().activeTake;
    const model::TrackId track = w.plan().tracks.front().id;
    std::size_t builds = engine::PlaybackSequence::builtCount();
    for (int i = 0; i < 5; ++i) {
        const model::Note note{
            4000 + i * 120, 100, model::nextNoteId(w.plan().tracks.front()), 72, 90, 64};
        QVERIFY(w.document()->submit(model::NotesEdit{take, track, {}, {note}}, "add"));
    }
    QCOMPARE(engine::PlaybackSequence::builtCount(), builds); // not yet: the timer coalesces
    QTest::qWait(150);
    QCOMPARE(engine::PlaybackSequence::builtCount() - builds, std::size_t(1));

    builds = engine::PlaybackSequence::builtCount();
    model::Take other = w.document()->project().takes.front();
    other.id = 0;
    QVERIFY(w.document()->addTake(other, "copy")); // added and made active
    QCOMPARE(engine::PlaybackSequence::builtCount() - builds, std::size_t(1)); // at once
    QTest::qWait(150);
    QCOMPARE(engine::PlaybackSequence::builtCount() - builds, std::size_t(1)); // and only once

    widgets::EditorState* state = w.editorState();
    QVERIFY(!state->view().loopEnabled());
    QTest::keyClick(&w, Qt::Key_L);
    QVERIFY(state->view().loopEnabled());
    QCOMPARE(state->view().loopStart(), model::Tick(0));
    QCOMPARE(state->view().loopEnd(),
             model::Tick(3 * 4 * 480)); // notes up to tick 4700: three bars
    QTest::keyClick(&w, Qt::Key_L);
    QVERIFY(!state->view().loopEnabled());
}

namespace {
std::vector<model::Tick> noteTicks(const model::Plan& plan)
{
    std::vector<model::Tick> ticks;
    for (const auto& t : plan.tracks)
        for (const auto& n : t.notes)
            ticks.insert(ticks.end(), {n.startTick, n.lengthTicks});
    return ticks;
}
} // namespace

// The transport bar's bpm and meter: each change one undo step; notes stay where they are in ticks.
void TestMainWindow::tempoAndMeterEditsAreUndoableAndKeepTicks()
{
    QTemporaryDir dir;
    app::MainWindow w;
    QVERIFY(w.openFile(writeSong(dir)));
    auto* tempo = w.findChild<QToolBar*>("transport")->findChild<QDoubleSpinBox*>("tempo");
    auto* meter = w.findChild<QToolBar*>("transport")->findChild<QComboBox*>("meter");
    QVERIFY(tempo && meter);
    QCOMPARE(tempo->value(), 120.0);
    QCOMPARE(meter->currentText(), QStringLiteral("4/4"));
    const auto ticks = noteTicks(w.plan());
    QUndoStack* undo = w.document()->undoStack();
    const int steps = undo->count();

    tempo->setValue(90); // as typed and committed, or stepped with the arrows
    QCOMPARE(w.plan().initialBpm(), 90.0);
    QCOMPARE(undo->count(), steps + 1);
    const int threeFour = meter->findText(QStringLiteral("3/4"));
    meter->setCurrentIndex(threeFour);
    emit meter->activated(threeFour);
    QCOMPARE(w.plan().timeSignatures.front().numerator, 3);
    QCOMPARE(w.editorState()->context().barAt(3 * 480).number, 2); // bars in the new meter
    QCOMPARE(noteTicks(w.plan()), ticks);

    undo->undo();
    QCOMPARE(w.plan().timeSignatures.front().numerator, 4);
    QCOMPARE(meter->currentText(), QStringLiteral("4/4"));
    undo->undo();
    QCOMPARE(w.plan().initialBpm(), 120.0);
    QCOMPARE(tempo->value(), 120.0);
    QCOMPARE(noteTicks(w.plan()), ticks);
    undo->redo();
    undo->redo();
    QCOMPARE(w.plan().initialBpm(), 90.0);
    QCOMPARE(tempo->value(), 90.0);
    QCOMPARE(meter->currentText(), QStringLiteral("3/4"));
    QCOMPARE(noteTicks(w.plan()), ticks);
}

// Dragging the bpm up 40 px sets 130 bpm (4 px per bpm) as one undo step; the preview while
// dragging changes nothing in the take.
void TestMainWindow::draggingTheBpmIsOneUndoStep()
{
    app::MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* tempo = w.findChild<QToolBar*>("transport")->findChild<QDoubleSpinBox*>("tempo");
    QVERIFY(tempo);
    QCOMPARE(w.plan().initialBpm(), 120.0);
    QUndoStack* undo = w.document()->undoStack();
    const int steps = undo->count();
    QWidget* field = tempo->findChild<QLineEdit*>();
    const QPoint from = field->rect().center();
    QTest::mousePress(field, Qt::LeftButton, {}, from);
    QTest::mouseMove(field, from - QPoint(0, 20));
    QCOMPARE(tempo->value(), 125.0);
    QCOMPARE(w.plan().initialBpm(), 120.0); // only a preview
    QTest::mouseMove(field, from - QPoint(0, 40));
    QTest::mouseRelease(field, Qt::LeftButton, {}, from - QPoint(0, 40));
    QCOMPARE(w.plan().initialBpm(), 130.0);
    QCOMPARE(undo->count(), steps + 1);
    undo->undo();
    QCOMPARE(tempo->value(), 120.0);
}

// A take whose tempo goes from 90 to 140 at bar 5 shows a mark there in the ruler; one tempo, none.
void TestMainWindow::tempoChangesAreMarkedInTheRuler()
{
    app::MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QWidget* ruler = w.findChild<QWidget*>("timeRuler");
    QVERIFY(ruler);
    w.editorState()->view().setHorizontalView(0, 16); // bar 5 (tick 7680) at x 480
    const int x = 480, y = ruler->height() - 12;      // above the playhead's triangle
    const QColor mark{QRgb(0xff000000u | widgets::kTempoMarkRgb)};
    QVERIFY(ruler->grab().toImage().pixelColor(x, y) != mark);
    model::Plan after = w.plan();
    after.tempos = {{0, 90.0}, {7680, 140.0}};
    QVERIFY(w.document()->submit(
        model::PlanEdit{w.editorState()->context().take(), w.plan(), after}, "tempo map"));
    const QImage image = ruler->grab().toImage();
    QCOMPARE(image.pixelColor(x, y), mark);
    QCOMPARE(image.pixelColor(0, y), mark);       // the first tempo too
    QVERIFY(image.pixelColor(x - 60, y) != mark); // nothing between
}

// At 1280x800 with the default docks: the analysis charts sit inside the dock (they were cut
// at its right edge), the chords need no sideways scrolling, and a long instrument name fits
// its column in the track list.
void TestMainWindow::nothingIsClippedAt1280x800()
{
    app::MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.findChild<QDockWidget*>("analysisDock")->raise();
    std::vector<model::Note> notes;
    for (int bar = 0; bar < 8; ++bar)
        for (int key : {57, 60, 64})
            notes.push_back({bar * 1920, 1920, model::NoteId(notes.size() + 1),
                             static_cast<std::uint8_t>(key + (bar % 2) * 5), 90});
    QVERIFY(w.document()->submit(
        model::NotesEdit{w.editorState()->context().take(), w.plan().tracks[0].id, {}, notes},
        "chords"));
    w.trackList()->changeTrack(
        0, [](model::TrackSettings& s) { s.program = 33; }, "bass"); // Electric Bass (finger)
    w.analysisPanel()->setAnalysis(engine::analysis::analyzePlan(w.plan()));
    QApplication::processEvents();
    auto* scroll = w.analysisPanel()->findChild<QScrollArea*>("analysisScroll");
    QVERIFY(scroll && scroll->isVisible());
    const int visibleWidth = scroll->viewport()->width();
    for (auto* chart : w.analysisPanel()->findChildren<widgets::AnalysisChart*>()) {
        const QRect r(chart->mapTo(scroll->viewport(), QPoint(0, 0)), chart->size());
        QVERIFY2(r.left() >= 0 && r.right() < visibleWidth,
                 qPrintable(QStringLiteral("%1: %2..%3 of %4")
                                .arg(chart->title())
                                .arg(r.left())
                                .arg(r.right())
                                .arg(visibleWidth)));
    }
    auto* chords = w.analysisPanel()->findChild<QListWidget*>();
    QVERIFY(chords->count() > 0);
    QVERIFY(!chords->horizontalScrollBar()->isVisible());
    auto* box = qobject_cast<widgets::InstrumentBox*>(
        w.trackList()->table()->cellWidget(0, widgets::TrackList::ProgramColumn));
    QVERIFY(box);
    QCOMPARE(box->currentText(), QStringLiteral("Electric Bass (finger)"));
    const int textRoom = box->width() - 24;           // the drop-down arrow
    for (int program = 0; program < 128; ++program) { // every General MIDI name fits
        const QString name = QString::fromStdString(model::gm::programName(program));
        QVERIFY2(box->fontMetrics().horizontalAdvance(name) <= textRoom,
                 qPrintable(QStringLiteral("%1 in %2 px").arg(name).arg(box->width())));
    }
    // Every tool bar widget is on screen, none behind an extension button (the grid was).
    for (auto* bar : w.findChildren<QToolBar*>())
        for (QAction* action : bar->actions())
            if (QWidget* widget = bar->widgetForAction(action); widget && action->isVisible())
                QVERIFY2(widget->isVisible(), qPrintable(bar->objectName() + QStringLiteral(": ") +
                                                         widget->objectName()));
}

// A generated A-minor take: the key chooser shows A minor and the roll highlights that scale.
void TestMainWindow::anAMinorTakeShowsAndHighlightsAMinor()
{
    app::MainWindow w;
    QVERIFY(!w.chatController()
                 ->ask(QStringLiteral("8-bar lo-fi chord progression in A minor at 78 BPM"))
                 .empty());
    auto* key = w.findChild<QComboBox*>("scaleKey");
    auto* mode = w.findChild<QComboBox*>("scaleMode");
    QVERIFY(key && mode);
    QCOMPARE(key->currentData().toInt(), 9);
    QCOMPARE(mode->currentData().toInt(), static_cast<int>(model::Scale::Mode::Minor));
    QVERIFY(w.editorState()->context().scaleShown());
    QCOMPARE(w.editorState()->context().scale().tonic, 9);
    QCOMPARE(w.editorState()->context().scale().mode, model::Scale::Mode::Minor);
    QCOMPARE(w.findChild<QDoubleSpinBox*>("tempo")->value(), 78.0);
    // Keys are named as the mode names them: G# minor (it said Ab minor), then Ab major.
    QVERIFY(!w.chatController()->ask(QStringLiteral("a sad piano ballad in G# minor")).empty());
    QCOMPARE(key->currentData().toInt(), 8);
    QCOMPARE(key->currentText(), QStringLiteral("G#"));
    mode->setCurrentIndex(mode->findData(static_cast<int>(model::Scale::Mode::Major)));
    QCOMPARE(key->currentText(), QStringLiteral("Ab"));
}

// The transport bar's Click: the metronome goes into what plays, never into the take or the export.
void TestMainWindow::theMetronomePlaysButIsNeverExported()
{
    QTemporaryDir dir;
    app::MainWindow w;
    QVERIFY(w.openFile(writeSong(dir)));
    auto* click = w.findChild<QAction*>("metronome");
    QVERIFY(click);
    click->setChecked(false);
    QVERIFY(w.document()->exportTake(dir.filePath("off.mid")));
    const model::Plan before = w.plan();
    click->setChecked(true);
    QVERIFY(w.session()->playback()->metronome());
    QVERIFY(w.document()->exportTake(dir.filePath("on.mid")));
    QCOMPARE(w.plan(), before);
    QFile off(dir.filePath("off.mid")), on(dir.filePath("on.mid"));
    QVERIFY(off.open(QIODevice::ReadOnly) && on.open(QIODevice::ReadOnly));
    QCOMPARE(on.readAll(), off.readAll());
    click->setChecked(false);

    // The record button's menu sets the count-in.
    auto* countIn = w.findChild<QMenu*>("countIn");
    QVERIFY(countIn);
    QCOMPARE(countIn->actions().size(), 3);
    countIn->actions().at(2)->trigger();
    QCOMPARE(w.session()->playback()->countInBars(), 2);
    QCOMPARE(w.session()->playback()->countInTicks(0), model::Tick(2 * 4 * 480));
    countIn->actions().at(0)->trigger();
    QCOMPARE(w.session()->playback()->countInBars(), 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
