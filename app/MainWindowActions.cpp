// SPDX-License-Identifier: MIT
// The main window's docks, menus, toolbars and shortcuts.
#include "app/MainWindow.h"

#include "app/AnalysisController.h"
#include "app/ChatController.h"
#include "app/ChordActions.h"
#include "app/ScopeActions.h"
#include "app/PlaybackController.h"
#include "app/TransportControls.h"
#include "widgets/AnalysisPanel.h"
#include "widgets/ChatDock.h"
#include "widgets/ControllerLanes.h"
#include "widgets/PianoRollView.h"
#include "widgets/TakesPanel.h"
#include "widgets/TrackList.h"

#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUndoView>
#include <QVBoxLayout>

namespace pianola::app {

namespace {
// The scale names of model::Scale::modeName(), for the translation tools.
[[maybe_unused]] constexpr const char* kModeNames[] = {
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "major"),      QT_TRANSLATE_NOOP("pianola::app::MainWindow", "minor"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "dorian"),     QT_TRANSLATE_NOOP("pianola::app::MainWindow", "phrygian"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "lydian"),     QT_TRANSLATE_NOOP("pianola::app::MainWindow", "mixolydian"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "locrian"),    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "harmonic minor"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "melodic minor"), QT_TRANSLATE_NOOP("pianola::app::MainWindow", "major pentatonic"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "minor pentatonic"), QT_TRANSLATE_NOOP("pianola::app::MainWindow", "blues"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "chromatic")};

QDockWidget* dock(QMainWindow* window, const QString& title, const char* name, QWidget* content, Qt::DockWidgetArea area)
{
    auto* d = new QDockWidget(title, window);
    d->setObjectName(name);
    d->setWidget(content);
    window->addDockWidget(area, d);
    return d;
}
} // namespace

void MainWindow::createDocks()
{
    m_tracks = new widgets::TrackList(m_state, this);
    dock(this, tr("Tracks"), "tracksDock", m_tracks, Qt::LeftDockWidgetArea);
    connect(m_tracks, &widgets::TrackList::addTrackRequested, this, &MainWindow::addTrackRequested);
    connect(m_tracks, &widgets::TrackList::removeTrackRequested, this, &MainWindow::removeTrackRequested);

    m_takes = new widgets::TakesPanel(this);
    QDockWidget* takes = dock(this, tr("Takes"), "takesDock", m_takes, Qt::LeftDockWidgetArea);
    connect(m_takes, &widgets::TakesPanel::takeActivated, m_document, &Document::activateTake);
    connect(m_takes, &widgets::TakesPanel::takeMenuRequested, this, &MainWindow::takeMenu);
    m_takes->setDragExporter([this](model::TakeId id) { return exportForDrag(id); });

    m_chat = new widgets::ChatDock(this);
    QDockWidget* chatDock = dock(this, tr("Chat"), "chatDock", m_chat, Qt::RightDockWidgetArea);
    chatDock->setMinimumWidth(300);
    m_chatController = new ChatController(m_document, m_chat, this);
    connect(m_chat, &widgets::ChatDock::preferencesRequested, this, &MainWindow::preferencesRequested);
    m_scope = new ScopeActions(m_document, m_state, m_roll, m_chatController, m_chat, this);
    connect(m_scope, &ScopeActions::statusMessage, this, [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    m_chords = new ChordActions(m_document, m_state, this);
    connect(m_chords, &ChordActions::statusMessage, this, [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    m_chatController->setChordRequests([this](const QString& line) { return m_chords->chatRequest(line); });

    m_analysis = new widgets::AnalysisPanel(this);
    QDockWidget* analysisDock = dock(this, tr("Analysis"), "analysisDock", m_analysis, Qt::RightDockWidgetArea);
    tabifyDockWidget(chatDock, analysisDock);
    chatDock->raise();
    m_analysis->setMinimumWidth(0);
    resizeDocks({chatDock}, {340}, Qt::Horizontal);
    connect(m_analysis, &widgets::AnalysisPanel::analysisShown, this, &MainWindow::showAnalysisChords);
    m_analysisController = new AnalysisController(m_document, m_analysis, m_chatController, this);
    connect(m_analysisController, &AnalysisController::statusMessage, this, [this](const QString& m) { statusBar()->showMessage(m); });
    connect(m_analysisController, &AnalysisController::applyStarted, chatDock, &QDockWidget::raise);

    auto* history = new QUndoView(m_document->undoStack(), this);
    history->setObjectName("undoHistory");
    history->setEmptyLabel(tr("<opened>"));
    QDockWidget* historyDock = dock(this, tr("History"), "historyDock", history, Qt::LeftDockWidgetArea);
    tabifyDockWidget(takes, historyDock);
    takes->raise();
}

void MainWindow::takeMenu(model::TakeId id, const QPoint& globalPos)
{
    const model::Take* take = m_document->project().findTake(id);
    if (!take)
        return;
    QMenu menu(this);
    menu.addAction(tr("Rename..."), this, [this, id] {
        const model::Take* t = m_document->project().findTake(id);
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename take"), tr("Name:"), QLineEdit::Normal, QString::fromStdString(t->name), &ok);
        if (ok && !name.trimmed().isEmpty())
            m_document->submit(model::TakeSettingsEdit{id, t->name, name.trimmed().toStdString(), t->starred, t->starred},
                               tr("Rename take"));
    });
    menu.addAction(take->starred ? tr("Unstar") : tr("Star (keep)"), this, [this, id] {
        const model::Take* t = m_document->project().findTake(id);
        m_document->submit(model::TakeSettingsEdit{id, t->name, t->name, t->starred, !t->starred},
                           t->starred ? tr("Unstar take") : tr("Star take"));
    });
    menu.addAction(tr("Duplicate"), this, [this, id] {
        model::Take copy = *m_document->project().findTake(id);
        copy.name += tr(" copy").toStdString();
        copy.starred = false;
        copy.provenance.provider = "user";
        copy.provenance.parentTake = id;
        m_document->addTake(std::move(copy), tr("Duplicate take"));
    });
    menu.addAction(tr("Export MIDI..."), this, [this, id] {
        const model::Take* t = m_document->project().findTake(id);
        const QString dir = QSettings().value("files/lastDir").toString();
        QString path = QFileDialog::getSaveFileName(this, tr("Export MIDI"), dir + QLatin1Char('/') + QString::fromStdString(t->name) + ".mid",
                                                    tr("MIDI files (*.mid)"));
        if (path.isEmpty())
            return;
        if (auto saved = m_document->exportTake(path, id); !saved)
            QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(saved.error().message));
    });
    menu.addSeparator();
    menu.addAction(tr("Compare as A"), this, [this, id] { setAB(id, m_takeB == id ? 0 : m_takeB); });
    menu.addAction(tr("Compare as B"), this, [this, id] { setAB(m_takeA == id ? 0 : m_takeA, id); });
    menu.addSeparator();
    QAction* remove = menu.addAction(tr("Delete"), this, [this, id] { m_document->removeTake(id); });
    remove->setEnabled(m_document->project().takes.size() > 1);
    menu.exec(globalPos);
}

void MainWindow::createFileMenu()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newRequested);
    file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::openRequested);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::saveRequested);
    file->addAction(tr("Save &As..."), QKeySequence::SaveAs, this, &MainWindow::saveAsRequested);
    file->addAction(tr("&Export MIDI..."), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportRequested);
    file->addSeparator();
    file->addAction(tr("&Preferences..."), QKeySequence(tr("Ctrl+,")), this, &MainWindow::preferencesRequested);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("files/recent").toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openFile(path);
        })->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::createEditMenu()
{
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("Cu&t"), QKeySequence::Cut, m_roll, &widgets::PianoRollView::cutSelection);
    edit->addAction(tr("&Copy"), QKeySequence::Copy, m_roll, &widgets::PianoRollView::copySelection);
    edit->addAction(tr("&Paste at playhead"), QKeySequence::Paste, m_roll, &widgets::PianoRollView::paste);
    edit->addAction(tr("&Duplicate"), QKeySequence(tr("Ctrl+D")), m_roll, &widgets::PianoRollView::duplicateSelection);
    edit->addAction(tr("De&lete"), QKeySequence::Delete, m_roll, &widgets::PianoRollView::deleteSelection);
    edit->addAction(tr("Select &All"), QKeySequence::SelectAll, m_roll, &widgets::PianoRollView::selectAll);
    m_scope->addEditActions(edit);
    edit->addSeparator();
    QMenu* move = edit->addMenu(tr("&Move"));
    move->addAction(tr("Earlier by grid"), QKeySequence(Qt::Key_Left), this, [this] { m_roll->nudgeSelection(-1, 0); });
    move->addAction(tr("Later by grid"), QKeySequence(Qt::Key_Right), this, [this] { m_roll->nudgeSelection(1, 0); });
    move->addAction(tr("Up a semitone"), QKeySequence(Qt::Key_Up), this, [this] { m_roll->nudgeSelection(0, 1); });
    move->addAction(tr("Down a semitone"), QKeySequence(Qt::Key_Down), this, [this] { m_roll->nudgeSelection(0, -1); });
    move->addAction(tr("Up an octave"), QKeySequence(tr("Shift+Up")), this, [this] { m_roll->nudgeSelection(0, 12); });
    move->addAction(tr("Down an octave"), QKeySequence(tr("Shift+Down")), this, [this] { m_roll->nudgeSelection(0, -12); });
    for (QAction* a : move->actions())
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut), m_roll->addAction(a);
    QMenu* notes = menuBar()->addMenu(tr("&Notes"));
    notes->addAction(tr("&Quantize"), QKeySequence(tr("Q")), this, &MainWindow::quantizeNow);
    notes->addAction(tr("Quantize with &options..."), QKeySequence(tr("Shift+Q")), this, &MainWindow::quantizeDialog);
    notes->addAction(tr("&Humanize..."), QKeySequence(tr("Ctrl+H")), this, &MainWindow::humanizeDialog);
    notes->addAction(tr("&Transpose..."), QKeySequence(tr("Ctrl+T")), this, &MainWindow::transposeDialog);
    notes->addAction(tr("&Legato"), QKeySequence(tr("Alt+L")), this, &MainWindow::legatoRequested);
    notes->addAction(tr("&Velocity..."), QKeySequence(tr("Ctrl+Shift+V")), this, &MainWindow::velocityDialog);
    notes->addAction(tr("&Snap to scale"), QKeySequence(tr("Ctrl+K")), this, &MainWindow::snapToScaleRequested);
}

void MainWindow::createViewMenu()
{
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &in"), QKeySequence(tr("Ctrl+=")), this, [this] { m_roll->zoomAround(1.25); });
    view->addAction(tr("Zoom &out"), QKeySequence(tr("Ctrl+-")), this, [this] { m_roll->zoomAround(0.8); });
    view->addAction(tr("Zoom to &fit"), QKeySequence(tr("Ctrl+0")), m_roll, &widgets::PianoRollView::zoomToFit);
    view->addAction(tr("Zoom to &selection"), QKeySequence(tr("Z")), m_roll, &widgets::PianoRollView::zoomToSelection);
    view->addAction(tr("&Taller rows"), QKeySequence(tr("Ctrl+Shift+=")), this, [this] { m_roll->setRowHeight(m_roll->rowHeight() + 2); });
    view->addAction(tr("&Shorter rows"), QKeySequence(tr("Ctrl+Shift+-")), this, [this] { m_roll->setRowHeight(m_roll->rowHeight() - 2); });
    view->addSeparator();
    m_followAction = view->addAction(tr("&Follow playhead"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(QSettings().value("editor/follow", true).toBool());
    m_state->setFollowPlayhead(m_followAction->isChecked());
    connect(m_followAction, &QAction::toggled, this, [this](bool on) {
        m_state->setFollowPlayhead(on);
        QSettings().setValue("editor/follow", on);
    });
    m_compareAction = view->addAction(tr("&Overlay the other take of the A/B pair"));
    m_compareAction->setCheckable(true);
    m_compareAction->setChecked(true);
    connect(m_compareAction, &QAction::toggled, this, &MainWindow::updateCompare);
    QAction* ghosts = view->addAction(tr("&Ghost notes of other tracks"));
    ghosts->setCheckable(true);
    ghosts->setChecked(m_state->ghostNotes());
    connect(ghosts, &QAction::toggled, m_state, &widgets::EditorState::setGhostNotes);
    QAction* drumRows = view->addAction(tr("All 47 &drum pieces"));
    drumRows->setObjectName("allDrumRows");
    drumRows->setCheckable(true);
    drumRows->setToolTip(tr("On a drum track, a row for every General MIDI drum piece, not only those in use and the core kit"));
    connect(drumRows, &QAction::toggled, m_roll, &widgets::PianoRollView::setAllDrumRows);
    view->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>())
        view->addAction(d->toggleViewAction());
}

void MainWindow::createTrackMenu()
{
    QMenu* track = menuBar()->addMenu(tr("&Track"));
    track->addAction(tr("&Add track"), QKeySequence(tr("Ctrl+Shift+T")), this, &MainWindow::addTrackRequested);
    track->addAction(tr("&Remove track"), this, [this] { removeTrackRequested(m_state->currentTrack()); });
    track->addAction(tr("&Previous track"), QKeySequence(tr("Alt+Up")), this,
                     [this] { m_state->setCurrentTrack(std::max(0, m_state->currentTrack() - 1)); });
    track->addAction(tr("&Next track"), QKeySequence(tr("Alt+Down")), this, [this] {
        m_state->setCurrentTrack(std::min(static_cast<int>(plan().tracks.size()) - 1, m_state->currentTrack() + 1));
    });
}

void MainWindow::createTransport()
{
    QMenu* menu = menuBar()->addMenu(tr("T&ransport"));
    QToolBar* bar = addToolBar(tr("Transport"));
    bar->setObjectName("transport");
    m_playAction = bar->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play/Pause"), m_session->playback(), &PlaybackController::playPause);
    m_playAction->setShortcut(QKeySequence(Qt::Key_Space));
    QAction* stop = bar->addAction(style()->standardIcon(QStyle::SP_MediaStop), tr("Stop"), this, &MainWindow::stopRequested);
    stop->setShortcut(QKeySequence(Qt::Key_Return));
    m_loopAction = bar->addAction(tr("Loop"));
    m_loopAction->setCheckable(true);
    m_loopAction->setShortcut(QKeySequence(Qt::Key_L));
    m_loopAction->setToolTip(tr("Loop the region set in the ruler (drag there to set it)"));
    connect(m_loopAction, &QAction::toggled, m_session, &Session::setLoop);
    QAction* panic = bar->addAction(tr("Panic"), m_session->playback(), &PlaybackController::panic);
    panic->setToolTip(tr("All notes off on every channel"));
    panic->setShortcut(QKeySequence(tr("Ctrl+Shift+Esc")));
    m_recordAction = bar->addAction(tr("Record"));
    m_recordAction->setObjectName("record");
    m_recordAction->setCheckable(true);
    m_recordAction->setShortcut(QKeySequence(tr("R")));
    m_recordAction->setToolTip(tr("Record from the MIDI input into the current track (R)"));
    connect(m_recordAction, &QAction::toggled, this, &MainWindow::recordToggled);
    m_stepAction = new QAction(tr("Step input"), this);
    m_stepAction->setCheckable(true);
    m_stepAction->setShortcut(QKeySequence(tr("Shift+R")));
    connect(m_stepAction, &QAction::toggled, this, &MainWindow::stepInputToggled);
    QAction* ab = menu->addAction(tr("Switch A/B"), QKeySequence(tr("B")), this, &MainWindow::toggleAB);
    ab->setToolTip(tr("Play the other of the two takes being compared, from the same position"));
    bar->addAction(ab);
    QAction* home = menu->addAction(tr("Go to start"), QKeySequence(Qt::Key_Home), this, [this] { emit m_state->seekRequested(0); });
    for (QAction* a : {m_playAction, stop, m_recordAction, m_stepAction, m_loopAction, panic})
        menu->addAction(a);
    menu->addAction(home);
    menu->addAction(tr("Loop the selection"), QKeySequence(tr("Ctrl+L")), this, &MainWindow::loopSelection);
    m_positionLabel = new QLabel(this);
    m_positionLabel->setObjectName("position");
    m_positionLabel->setMinimumWidth(200);
    m_positionLabel->setStyleSheet(QStringLiteral("font-family: monospace; padding: 0 8px;"));
    bar->addWidget(m_positionLabel);
    m_positionLabel->setText(QStringLiteral("1.1.000   0:00.000"));
    auto* dragOut = new QToolButton(this);
    dragOut->setObjectName("dragOut");
    dragOut->setText(tr("Drag MIDI"));
    dragOut->setToolTip(tr("Drag the active take into your DAW or file manager as a .mid file"));
    connect(dragOut, &QToolButton::pressed, this, &MainWindow::startDragOut);
    bar->addWidget(dragOut);
    m_transportControls = new TransportControls(m_session, m_state, bar);
}

void MainWindow::createToolBar()
{
    // Its own row: beside the transport (tempo, meter, key, metronome) it overflowed at
    // 1280x800 and hid the grid behind the toolbar's extension button.
    addToolBarBreak();
    QToolBar* bar = addToolBar(tr("Editing"));
    bar->setObjectName("editing");
    m_toolGroup = new QActionGroup(this);
    const std::pair<widgets::Tool, QString> tools[] = {{widgets::Tool::Select, tr("Select")},
                                                       {widgets::Tool::Draw, tr("Draw")},
                                                       {widgets::Tool::Erase, tr("Erase")},
                                                       {widgets::Tool::Split, tr("Split")}};
    int number = 1;
    for (const auto& [tool, name] : tools) {
        QAction* a = bar->addAction(name);
        a->setCheckable(true);
        a->setChecked(tool == m_state->tool());
        a->setShortcut(QKeySequence(QString::number(number++)));
        a->setToolTip(tr("%1 tool (%2)").arg(name, a->shortcut().toString()));
        m_toolGroup->addAction(a);
        const widgets::Tool t = tool;
        connect(a, &QAction::triggered, this, [this, t] { m_state->setTool(t); });
    }
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Grid "), this));
    m_snapBox = new QComboBox(this);
    m_snapBox->setObjectName("snap");
    for (const widgets::Snap& snap : widgets::Snap::all())
        m_snapBox->addItem(snap.label(), QVariant::fromValue(QPoint(snap.division, snap.triplet)));
    m_snapBox->setCurrentText(QStringLiteral("1/16"));
    connect(m_snapBox, &QComboBox::currentIndexChanged, this, [this] {
        const QPoint v = m_snapBox->currentData().toPoint();
        m_state->setSnap({v.x(), v.y() != 0});
    });
    bar->addWidget(m_snapBox);
}

} // namespace pianola::app
