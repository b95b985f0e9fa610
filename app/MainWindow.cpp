// SPDX-License-Identifier: MIT
// The main window.
#include "app/MainWindow.h"

#include "app/AudioEngine.h"
#include "app/Logging.h"
#include "engine/playback/PlaybackSequence.h"
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
#include <QLabel>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>

namespace pianola::app {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    m_overview = new widgets::PlanOverview(this);
    setCentralWidget(m_overview);
    setAcceptDrops(true);
    createActions();
    createTransportBar();
    statusBar()->showMessage(tr("Ready"));
    m_playheadTimer = new QTimer(this);
    m_playheadTimer->setInterval(33);   // about 30 Hz
    connect(m_playheadTimer, &QTimer::timeout, this, &MainWindow::updatePlayhead);
    QTimer::singleShot(0, this, &MainWindow::startAudio);
    QSettings settings;
    if (!restoreGeometry(settings.value("mainWindow/geometry").toByteArray()))
        resize(1100, 700);
    updateTitle();
}

MainWindow::~MainWindow() = default;   // AudioEngine stops, panics, then closes the device

void MainWindow::startAudio()
{
    m_audio = std::make_unique<AudioEngine>();
    if (!m_audio->hasSound()) {   // the first line in the status bar, all of it in the tooltip
        const QString problem = m_audio->problem();
        statusBar()->showMessage(tr("No sound: %1").arg(problem.section(QLatin1Char('\n'), 0, 0)));
        statusBar()->setToolTip(problem);
    }
    sendPlanToPlayer();
    m_playheadTimer->start();
}

void MainWindow::createTransportBar()
{
    QToolBar* bar = addToolBar(tr("Transport"));
    bar->setObjectName("transport");
    m_playAction = bar->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play/Pause"), this,
                                  &MainWindow::playPauseRequested);
    m_playAction->setShortcut(QKeySequence(Qt::Key_Space));
    QAction* stop = bar->addAction(style()->standardIcon(QStyle::SP_MediaStop), tr("Stop"), this,
                                   &MainWindow::stopRequested);
    stop->setShortcut(QKeySequence(Qt::Key_Return));
    m_loopAction = bar->addAction(tr("Loop"));
    m_loopAction->setCheckable(true);
    m_loopAction->setShortcut(QKeySequence(Qt::Key_L));
    connect(m_loopAction, &QAction::toggled, this, &MainWindow::loopToggled);
    QAction* panic = bar->addAction(tr("Panic"), this, &MainWindow::panicRequested);
    panic->setToolTip(tr("All notes off on every channel"));
    panic->setShortcut(QKeySequence(tr("Ctrl+Shift+Esc")));
    m_positionLabel = new QLabel(this);
    m_positionLabel->setMinimumWidth(220);
    bar->addWidget(m_positionLabel);
    updatePlayhead();
}

void MainWindow::sendPlanToPlayer()
{
    m_tempoMap = model::TempoMap(plan());
    if (!m_audio)
        return;
    m_audio->transport().setSequence(engine::PlaybackSequence::build(plan()));
    loopToggled(m_loopAction->isChecked());
}

void MainWindow::playPauseRequested()
{
    if (!m_audio)
        return;
    if (m_audio->transport().isPlaying())
        m_audio->transport().pause();
    else
        m_audio->transport().play();
}

void MainWindow::stopRequested()
{
    if (m_audio)
        m_audio->transport().stop();
}

void MainWindow::loopToggled(bool on)
{
    if (m_audio)
        m_audio->transport().setLoop(on, 0.0, m_tempoMap.ticksToSeconds(plan().lengthTicks()));
}

void MainWindow::panicRequested()
{
    if (m_audio)
        m_audio->transport().panic();
}

void MainWindow::updatePlayhead()
{
    const double seconds = m_audio ? m_audio->transport().positionSeconds() : 0.0;
    const bool playing = m_audio && m_audio->transport().isPlaying();
    if (m_audio)
        m_audio->transport().collectGarbage();
    const auto tick = static_cast<model::Tick>(m_tempoMap.secondsToTicks(seconds));
    const auto& ts = plan().timeSignatures.empty() ? model::TimeSignature{} : plan().timeSignatures.front();
    const model::Tick beatTicks = std::max<model::Tick>(1, plan().ppq * 4 / std::max(1, ts.denominator));
    const model::Tick barTicks = beatTicks * std::max(1, ts.numerator);
    m_positionLabel->setText(QStringLiteral("%1.%2.%3   %4:%5")
                                 .arg(tick / barTicks + 1)
                                 .arg(tick % barTicks / beatTicks + 1)
                                 .arg(tick % beatTicks, 3, 10, QLatin1Char('0'))
                                 .arg(static_cast<int>(seconds) / 60)
                                 .arg(seconds - 60 * (static_cast<int>(seconds) / 60), 6, 'f', 3, QLatin1Char('0')));
    m_playAction->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_overview->setPlayheadTick(static_cast<double>(tick));
}

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
    sendPlanToPlayer();
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
