// SPDX-License-Identifier: MIT
// The main window's files: open, save (in the background), export, drag out, recent files,
// crash recovery, and the one way out (close, Quit, a terminating signal, logout).
#include "app/Logging.h"
#include "app/MainWindow.h"
#include "app/PlaybackController.h"
#include "app/RecoveryOffer.h"
#include "app/TakeFileName.h"
#include "widgets/ControllerLanes.h"
#include "widgets/TakesPanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUrl>

namespace pianola::app {

// ---- files ----

bool MainWindow::openFile(const QString& path)
{
    std::vector<std::string> warnings;
    auto opened = m_document->open(path, &warnings);
    if (!opened) {
        qCWarning(lcFiles) << "open failed:" << path;
        QMessageBox::warning(this, tr("Cannot open file"),
                             tr("Pianola could not open this file:\n\n%1")
                                 .arg(QString::fromStdString(opened.error().message)));
        return false;
    }
    QSettings().setValue("files/lastDir", QFileInfo(path).absolutePath());
    addRecent(path);
    QString message = tr("Opened %1: %2 tracks, %3 notes")
                          .arg(QFileInfo(path).fileName())
                          .arg(plan().tracks.size())
                          .arg(static_cast<qlonglong>(plan().noteCount()));
    if (!warnings.empty())
        message += QLatin1Char(' ') + tr("(%n reader warning(s), listed in the log)", nullptr,
                                         static_cast<int>(warnings.size()));
    for (const std::string& w : warnings)
        qCInfo(lcFiles) << path << "warning:" << QString::fromStdString(w);
    statusBar()->showMessage(message);
    return true;
}

bool MainWindow::openFileAsking(const QString& path)
{
    return maybeSave() && openFile(path);
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified()) return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("The project has unsaved changes. Save them?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Save);
    box.button(QMessageBox::Discard)->setText(tr("&Discard")); // Alt+D, as in the recovery dialog
    const auto answer = static_cast<QMessageBox::StandardButton>(box.exec());
    if (answer == QMessageBox::Save) { // the caller goes on only once it is written
        if (!saveRequested()) return false;
        m_document->finishWrites();
        return !m_document->isModified();
    }
    return answer == QMessageBox::Discard;
}

// File > Save writes in the background (saveFinished() reports); the quit path waits for it.
bool MainWindow::saveRequested()
{
    if (m_document->path().isEmpty()) return saveAsRequested();
    statusBar()->showMessage(tr("Saving %1...").arg(QFileInfo(m_document->path()).fileName()));
    m_document->startSave(m_document->path());
    return true;
}

void MainWindow::saveFinished(const QString& path, const QString& error)
{
    if (!error.isEmpty()) {
        statusBar()->clearMessage();
        QMessageBox::warning(this, tr("Save failed"), error);
        return;
    }
    addRecent(path);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()));
}

bool MainWindow::saveAsRequested()
{
    const QString dir = QSettings().value("files/lastDir").toString();
    QString path = QFileDialog::getSaveFileName(this, tr("Save project"), dir,
                                                tr("Pianola projects (*.pianola)"));
    if (path.isEmpty()) return false;
    if (!path.endsWith(QLatin1String(".pianola"))) path += QStringLiteral(".pianola");
    statusBar()->showMessage(tr("Saving %1...").arg(QFileInfo(path).fileName()));
    m_document->startSave(path);
    return true;
}

void MainWindow::newRequested()
{
    if (maybeSave()) m_document->newProject();
}

void MainWindow::openRequested()
{
    if (!maybeSave()) return;
    const QString dir = QSettings().value("files/lastDir").toString();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open"), dir,
                                     tr("Projects, MIDI files and plans (*.pianola *.mid *.midi "
                                        "*.smf *.kar *.json);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

void MainWindow::exportRequested()
{
    const QString dir = QSettings().value("files/lastDir").toString();
    QString selectedFilter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export MIDI"), dir,
        tr("MIDI file, format 1 (*.mid);;MIDI file, format 0 (*.mid)"), &selectedFilter);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += ".mid";
    const int format = selectedFilter.contains(QLatin1String("0")) ? 0 : 1;
    if (auto saved = m_document->exportTake(path, 0, format); !saved) {
        QMessageBox::warning(this, tr("Export failed"),
                             QString::fromStdString(saved.error().message));
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()));
}

// Writes a take to a temporary .mid named after it, for dragging into a DAW or file manager.
QString MainWindow::exportForDrag(model::TakeId id)
{
    const model::Take* take = m_document->project().findTake(id);
    if (!take) return {};
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation) +
                        QStringLiteral("/pianola-drag");
    QDir().mkpath(dir);
    const QString path =
        dir + QLatin1Char('/') + takeFileStem(m_document->project(), id) + QStringLiteral(".mid");
    if (auto written = m_document->exportTake(path, id); !written) {
        statusBar()->showMessage(QString::fromStdString(written.error().message));
        return {};
    }
    return path;
}

// Drags the active take out as a .mid file (into a DAW or a file manager).
void MainWindow::startDragOut()
{
    const QString path = exportForDrag(m_document->project().activeTake);
    if (!path.isEmpty()) widgets::TakesPanel::dragFile(this, path);
}

void MainWindow::addRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value("files/recent").toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 10)
        recent.removeLast();
    settings.setValue("files/recent", recent);
    updateRecentMenu();
}

bool MainWindow::offerRecovery()
{
    const bool restored = RecoveryOffer(this, m_document).offerAll() > 0;
    if (restored) statusBar()->showMessage(tr("Restored the automatically saved work"));
    return restored;
}

bool MainWindow::restoreRecovery(const QString& id)
{
    const bool restored = RecoveryOffer(this, m_document).restore(id);
    if (restored) statusBar()->showMessage(tr("Restored the automatically saved work"));
    return restored;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && event->source() == nullptr) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile() && maybeSave())
        openFile(urls.front().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_document->finishWrites(); // a save in flight may leave nothing to ask about
    if (!m_endWithoutAsking && !maybeSave()) {
        event->ignore();
        return;
    }
    endSession(!m_endWithoutAsking);
    event->accept();
}

void MainWindow::quitWithoutAsking()
{
    m_endWithoutAsking = true;
    close();
    QApplication::quit(); // also ends a dialog's event loop if one is open
}

// The one way out (window close, Quit, a terminating signal, desktop logout): the sound stops,
// writes in flight end, and work the user neither saved nor discarded stays in the recovery file.
void MainWindow::endSession(bool userDecided)
{
    if (m_ending) return;
    m_ending = true;
    stopSound();
    m_document->finishWrites();
    if (userDecided || !m_document->isModified())
        m_document->removeRecovery(); // saved, or discarded by the user: nothing to recover
    else if (auto written = m_document->writeRecovery(); !written)
        qCWarning(lcFiles) << "cannot keep the unsaved work:"
                           << QString::fromStdString(written.error().message);
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState());
    settings.setValue("editor/lanes", m_lanes->laneKeys());
}

// Note-offs for what sounds, then pedal up and all notes off on every channel (the MIDI output
// sends them again as its port closes).
void MainWindow::stopSound()
{
    if (m_recordAction->isChecked())
        m_recordAction->setChecked(false); // the take recorded so far becomes an edit
    m_session->playback()->stopSound();
}

} // namespace pianola::app
