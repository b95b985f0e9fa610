// SPDX-License-Identifier: MIT
// The main window's docks (tracks, takes, chat, analysis, undo history) and the take menu.
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
QDockWidget* dock(QMainWindow* window, const QString& title, const char* name, QWidget* content,
                  Qt::DockWidgetArea area)
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
    m_tracks = new widgets::TrackList(m_state->context(), m_state->selection(), this);
    dock(this, tr("Tracks"), "tracksDock", m_tracks, Qt::LeftDockWidgetArea);
    connect(m_tracks, &widgets::TrackList::addTrackRequested, this, &MainWindow::addTrackRequested);
    connect(m_tracks, &widgets::TrackList::removeTrackRequested, this,
            &MainWindow::removeTrackRequested);

    m_takes = new widgets::TakesPanel(this);
    QDockWidget* takes = dock(this, tr("Takes"), "takesDock", m_takes, Qt::LeftDockWidgetArea);
    connect(m_takes, &widgets::TakesPanel::takeActivated, m_document, &Document::activateTake);
    connect(m_takes, &widgets::TakesPanel::takeMenuRequested, this, &MainWindow::takeMenu);
    m_takes->setDragExporter([this](model::TakeId id) { return exportForDrag(id); });

    m_chat = new widgets::ChatDock(this);
    QDockWidget* chatDock = dock(this, tr("Chat"), "chatDock", m_chat, Qt::RightDockWidgetArea);
    chatDock->setMinimumWidth(300);
    m_chatController = new ChatController(m_document, m_chat, this);
    connect(m_chat, &widgets::ChatDock::preferencesRequested, this,
            &MainWindow::preferencesRequested);
    m_scope = new ScopeActions(m_document, m_state, m_roll, m_chatController, m_chat, this);
    connect(m_scope, &ScopeActions::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    m_chords = new ChordActions(m_document, m_state, this);
    connect(m_chords, &ChordActions::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    m_chatController->setChordRequests(
        [this](const QString& line) { return m_chords->chatRequest(line); });
    m_chatController->setHeardSource([this] { return m_session->playback()->heard(); });

    m_analysis = new widgets::AnalysisPanel(this);
    QDockWidget* analysisDock =
        dock(this, tr("Analysis"), "analysisDock", m_analysis, Qt::RightDockWidgetArea);
    tabifyDockWidget(chatDock, analysisDock);
    chatDock->raise();
    m_analysis->setMinimumWidth(0);
    resizeDocks({chatDock}, {340}, Qt::Horizontal);
    connect(m_analysis, &widgets::AnalysisPanel::analysisShown, this,
            &MainWindow::showAnalysisChords);
    m_analysisController = new AnalysisController(m_document, m_analysis, m_chatController, this);
    connect(m_analysisController, &AnalysisController::statusMessage, this,
            [this](const QString& m) { statusBar()->showMessage(m); });
    connect(m_analysisController, &AnalysisController::applyStarted, chatDock, &QDockWidget::raise);

    auto* history = new QUndoView(m_document->undoStack(), this);
    history->setObjectName("undoHistory");
    history->setEmptyLabel(tr("<opened>"));
    QDockWidget* historyDock =
        dock(this, tr("History"), "historyDock", history, Qt::LeftDockWidgetArea);
    tabifyDockWidget(takes, historyDock);
    takes->raise();
}

void MainWindow::takeMenu(model::TakeId id, const QPoint& globalPos)
{
    const model::Take* take = m_document->project().findTake(id);
    if (!take) return;
    QMenu menu(this);
    menu.addAction(tr("Rename..."), this, [this, id] {
        const model::Take* t = m_document->project().findTake(id);
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Rename take"), tr("Name:"), QLineEdit::Normal,
                                  QString::fromStdString(t->name), &ok);
        if (ok && !name.trimmed().isEmpty())
            m_document->submit(model::TakeSettingsEdit{id, t->name, name.trimmed().toStdString(),
                                                       t->starred, t->starred},
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
        QString path = QFileDialog::getSaveFileName(this, tr("Export MIDI"),
                                                    dir + QLatin1Char('/') +
                                                        QString::fromStdString(t->name) + ".mid",
                                                    tr("MIDI files (*.mid)"));
        if (path.isEmpty()) return;
        if (auto saved = m_document->exportTake(path, id); !saved)
            QMessageBox::warning(this, tr("Export failed"),
                                 QString::fromStdString(saved.error().message));
    });
    menu.addSeparator();
    menu.addAction(tr("Compare as A"), this,
                   [this, id] { setAB(id, m_takeB == id ? 0 : m_takeB); });
    menu.addAction(tr("Compare as B"), this,
                   [this, id] { setAB(m_takeA == id ? 0 : m_takeA, id); });
    menu.addSeparator();
    QAction* remove =
        menu.addAction(tr("Delete"), this, [this, id] { m_document->removeTake(id); });
    remove->setEnabled(m_document->project().takes.size() > 1);
    menu.exec(globalPos);
}

} // namespace pianola::app
