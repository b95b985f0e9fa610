// SPDX-License-Identifier: MIT
// The main window's menus, toolbars and shortcuts.
#include "app/AnalysisController.h"
#include "app/ChatController.h"
#include "app/ChordActions.h"
#include "app/MainWindow.h"
#include "app/PlaybackController.h"
#include "app/ScopeActions.h"
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
#include <QLabel>
#include <QLineEdit>
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
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "major"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "minor"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "dorian"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "phrygian"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "lydian"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "mixolydian"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "locrian"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "harmonic minor"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "melodic minor"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "major pentatonic"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "minor pentatonic"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "blues"),
    QT_TRANSLATE_NOOP("pianola::app::MainWindow", "chromatic")};

} // namespace

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
    file->addAction(tr("&Export MIDI..."), QKeySequence(tr("Ctrl+E")), this,
                    &MainWindow::exportRequested);
    file->addSeparator();
    file->addAction(tr("&Preferences..."), QKeySequence(tr("Ctrl+,")), this,
                    &MainWindow::preferencesRequested);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("files/recent").toStringList();
    for (const QString& path : recent)
        m_recentMenu
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] {
                            if (maybeSave()) openFile(path);
                        })
            ->setToolTip(path);
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
    edit->addAction(tr("&Copy"), QKeySequence::Copy, m_roll,
                    &widgets::PianoRollView::copySelection);
    edit->addAction(tr("&Paste at playhead"), QKeySequence::Paste, m_roll,
                    &widgets::PianoRollView::paste);
    edit->addAction(tr("&Duplicate"), QKeySequence(tr("Ctrl+D")), m_roll,
                    &widgets::PianoRollView::duplicateSelection);
    edit->addAction(tr("De&lete"), QKeySequence::Delete, m_roll,
                    &widgets::PianoRollView::deleteSelection);
    edit->addAction(tr("Select &All"), QKeySequence::SelectAll, m_roll,
                    &widgets::PianoRollView::selectAll);
    m_scope->addEditActions(edit);
    edit->addSeparator();
    QMenu* move = edit->addMenu(tr("&Move"));
    move->addAction(tr("Earlier by grid"), QKeySequence(Qt::Key_Left), this,
                    [this] { m_roll->nudgeSelection(-1, 0); });
    move->addAction(tr("Later by grid"), QKeySequence(Qt::Key_Right), this,
                    [this] { m_roll->nudgeSelection(1, 0); });
    move->addAction(tr("Up a semitone"), QKeySequence(Qt::Key_Up), this,
                    [this] { m_roll->nudgeSelection(0, 1); });
    move->addAction(tr("Down a semitone"), QKeySequence(Qt::Key_Down), this,
                    [this] { m_roll->nudgeSelection(0, -1); });
    move->addAction(tr("Up an octave"), QKeySequence(tr("Shift+Up")), this,
                    [this] { m_roll->nudgeSelection(0, 12); });
    move->addAction(tr("Down an octave"), QKeySequence(tr("Shift+Down")), this,
                    [this] { m_roll->nudgeSelection(0, -12); });
    for (QAction* a : move->actions())
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut), m_roll->addAction(a);
    QMenu* notes = menuBar()->addMenu(tr("&Notes"));
    notes->addAction(tr("&Quantize"), QKeySequence(tr("Q")), this, &MainWindow::quantizeNow);
    notes->addAction(tr("Quantize with &options..."), QKeySequence(tr("Shift+Q")), this,
                     &MainWindow::quantizeDialog);
    notes->addAction(tr("&Humanize..."), QKeySequence(tr("Ctrl+H")), this,
                     &MainWindow::humanizeDialog);
    notes->addAction(tr("&Transpose..."), QKeySequence(tr("Ctrl+T")), this,
                     &MainWindow::transposeDialog);
    notes->addAction(tr("&Legato"), QKeySequence(tr("Alt+L")), this, &MainWindow::legatoRequested);
    notes->addAction(tr("&Velocity..."), QKeySequence(tr("Ctrl+Shift+V")), this,
                     &MainWindow::velocityDialog);
    notes->addAction(tr("&Snap to scale"), QKeySequence(tr("Ctrl+K")), this,
                     &MainWindow::snapToScaleRequested);
}

void MainWindow::createViewMenu()
{
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &in"), QKeySequence(tr("Ctrl+=")), this,
                    [this] { m_roll->zoomAround(1.25); });
    view->addAction(tr("Zoom &out"), QKeySequence(tr("Ctrl+-")), this,
                    [this] { m_roll->zoomAround(0.8); });
    view->addAction(tr("Zoom to &fit"), QKeySequence(tr("Ctrl+0")), m_roll,
                    &widgets::PianoRollView::zoomToFit);
    view->addAction(tr("Zoom to &selection"), QKeySequence(tr("Z")), m_roll,
                    &widgets::PianoRollView::zoomToSelection);
    view->addAction(tr("&Taller rows"), QKeySequence(tr("Ctrl+Shift+=")), this,
                    [this] { m_roll->setRowHeight(m_roll->rowHeight() + 2); });
    view->addAction(tr("&Shorter rows"), QKeySequence(tr("Ctrl+Shift+-")), this,
                    [this] { m_roll->setRowHeight(m_roll->rowHeight() - 2); });
    view->addSeparator();
    m_followAction = view->addAction(tr("&Follow playhead"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(QSettings().value("editor/follow", true).toBool());
    m_state->view().setFollowPlayhead(m_followAction->isChecked());
    connect(m_followAction, &QAction::toggled, this, [this](bool on) {
        m_state->view().setFollowPlayhead(on);
        QSettings().setValue("editor/follow", on);
    });
    m_compareAction = view->addAction(tr("&Overlay the other take of the A/B pair"));
    m_compareAction->setCheckable(true);
    m_compareAction->setChecked(true);
    connect(m_compareAction, &QAction::toggled, this, &MainWindow::updateCompare);
    QAction* ghosts = view->addAction(tr("&Ghost notes of other tracks"));
    ghosts->setCheckable(true);
    ghosts->setChecked(m_state->view().ghostNotes());
    connect(ghosts, &QAction::toggled, &m_state->view(), &widgets::ViewState::setGhostNotes);
    QAction* drumRows = view->addAction(tr("All 47 &drum pieces"));
    drumRows->setObjectName("allDrumRows");
    drumRows->setCheckable(true);
    drumRows->setToolTip(tr("On a drum track, a row for every General MIDI drum piece, not only "
                            "those in use and the core kit"));
    connect(drumRows, &QAction::toggled, m_roll, &widgets::PianoRollView::setAllDrumRows);
    view->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>())
        view->addAction(d->toggleViewAction());
}

void MainWindow::createTrackMenu()
{
    QMenu* track = menuBar()->addMenu(tr("&Track"));
    track->addAction(tr("&Add track"), QKeySequence(tr("Ctrl+Shift+T")), this,
                     &MainWindow::addTrackRequested);
    track->addAction(tr("&Remove track"), this,
                     [this] { removeTrackRequested(m_state->context().currentTrack()); });
    track->addAction(tr("&Previous track"), QKeySequence(tr("Alt+Up")), this, [this] {
        m_state->context().setCurrentTrack(std::max(0, m_state->context().currentTrack() - 1));
    });
    track->addAction(tr("&Next track"), QKeySequence(tr("Alt+Down")), this, [this] {
        m_state->context().setCurrentTrack(std::min(static_cast<int>(plan().tracks.size()) - 1,
                                                    m_state->context().currentTrack() + 1));
    });
}

void MainWindow::createTransport()
{
    QMenu* menu = menuBar()->addMenu(tr("T&ransport"));
    QToolBar* bar = addToolBar(tr("Transport"));
    bar->setObjectName("transport");
    m_playAction = bar->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play/Pause"),
                                  m_session->playback(), &PlaybackController::playPause);
    m_playAction->setShortcut(QKeySequence(Qt::Key_Space));
    QAction* stop = bar->addAction(style()->standardIcon(QStyle::SP_MediaStop), tr("Stop"), this,
                                   &MainWindow::stopRequested);
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
    QAction* ab =
        menu->addAction(tr("Switch A/B"), QKeySequence(tr("B")), this, &MainWindow::toggleAB);
    ab->setToolTip(tr("Play the other of the two takes being compared, from the same position"));
    bar->addAction(ab);
    QAction* home = menu->addAction(tr("Go to start"), QKeySequence(Qt::Key_Home), this,
                                    [this] { emit m_state->view().seekRequested(0); });
    for (QAction* a : {m_playAction, stop, m_recordAction, m_stepAction, m_loopAction, panic})
        menu->addAction(a);
    menu->addAction(home);
    menu->addAction(tr("Loop the selection"), QKeySequence(tr("Ctrl+L")), this,
                    &MainWindow::loopSelection);
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
    m_transportControls = new TransportControls(m_session, &m_state->context(), bar);
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
        a->setChecked(tool == m_state->context().tool());
        a->setShortcut(QKeySequence(QString::number(number++)));
        a->setToolTip(tr("%1 tool (%2)").arg(name, a->shortcut().toString()));
        m_toolGroup->addAction(a);
        const widgets::Tool t = tool;
        connect(a, &QAction::triggered, this, [this, t] { m_state->context().setTool(t); });
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
        m_state->view().setSnap({v.x(), v.y() != 0});
    });
    bar->addWidget(m_snapBox);
}

} // namespace pianola::app
