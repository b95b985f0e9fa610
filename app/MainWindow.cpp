// SPDX-License-Identifier: MIT
// The main window.
#include "app/MainWindow.h"

#include "app/Logging.h"
#include "engine/PlanFile.h"
#include "widgets/PlanOverview.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>

namespace pianola::app {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    m_overview = new widgets::PlanOverview(this);
    setCentralWidget(m_overview);
    setAcceptDrops(true);
    createActions();
    statusBar()->showMessage(tr("Ready"));
    QSettings settings;
    if (!restoreGeometry(settings.value("mainWindow/geometry").toByteArray()))
        resize(1100, 700);
    updateTitle();
}

MainWindow::~MainWindow() = default;

const model::Plan& MainWindow::plan() const
{
    return m_overview->plan();
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open..."), this, &MainWindow::openRequested);
    open->setShortcut(QKeySequence::Open);
    QAction* exportMidi = file->addAction(tr("&Export MIDI..."), this, &MainWindow::exportRequested);
    exportMidi->setShortcut(QKeySequence(tr("Ctrl+E")));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Pianola"), this, &MainWindow::aboutRequested);
}

bool MainWindow::openFile(const QString& path)
{
    auto loaded = engine::loadPlanFile(path.toStdString());
    if (!loaded) {
        qCWarning(lcFiles) << "open failed:" << path;
        QMessageBox::warning(this, tr("Cannot open file"),
                             tr("Pianola could not open this file:\n\n%1")
                                 .arg(QString::fromStdString(loaded.error().message)));
        return false;
    }
    m_overview->setPlan(loaded->plan);
    m_currentFile = path;
    QSettings().setValue("files/lastDir", QFileInfo(path).absolutePath());
    QString message = tr("Opened %1: %2 tracks, %3 notes")
                          .arg(QFileInfo(path).fileName())
                          .arg(loaded->plan.tracks.size())
                          .arg(static_cast<qlonglong>(loaded->plan.noteCount()));
    if (!loaded->warnings.empty())
        message += QLatin1Char(' ') + tr("(%n reader warning(s), listed in the log)", nullptr,
                                         static_cast<int>(loaded->warnings.size()));
    for (const std::string& w : loaded->warnings)
        qCInfo(lcFiles) << path << "warning:" << QString::fromStdString(w);
    statusBar()->showMessage(message);
    updateTitle();
    return true;
}

void MainWindow::openRequested()
{
    const QString dir = QSettings().value("files/lastDir").toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open"), dir, tr("MIDI files and plans (*.mid *.midi *.smf *.kar *.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::exportRequested()
{
    const QString dir = QSettings().value("files/lastDir").toString();
    QString path = QFileDialog::getSaveFileName(this, tr("Export MIDI"), dir, tr("MIDI files (*.mid)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".mid";
    std::vector<std::string> warnings;
    auto saved = engine::savePlanFile(path.toStdString(), plan(), 1, &warnings);
    if (!saved) {
        QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(saved.error().message));
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()));
}

void MainWindow::aboutRequested()
{
    QMessageBox::about(this, tr("About Pianola"),
                       tr("<b>Pianola %1</b><p>A piano-roll MIDI editor with an AI chat dock.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::updateTitle()
{
    const QString name = m_currentFile.isEmpty() ? tr("Untitled") : QFileInfo(m_currentFile).fileName();
    setWindowTitle(tr("%1 - Pianola").arg(name));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile())
        openFile(urls.front().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue("mainWindow/geometry", saveGeometry());
    event->accept();
}

} // namespace pianola::app
