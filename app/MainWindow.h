// SPDX-License-Identifier: MIT
// The main window: opens .mid and plan files, shows the plan, exports Standard MIDI Files.
#pragma once

#include "model/Plan.h"

#include "model/TempoMap.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QTimer;

namespace pianola::widgets {
class PlanOverview;
}

namespace pianola::app {

class AudioEngine;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a .mid or plan .json; shows a message box on failure. Returns success.
    bool openFile(const QString& path);
    const model::Plan& plan() const;

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createTransportBar();
    void startAudio();
    void updatePlayhead();
    void playPauseRequested();
    void stopRequested();
    void loopToggled(bool on);
    void panicRequested();
    void sendPlanToPlayer();
    void openRequested();
    void exportRequested();
    void aboutRequested();
    void updateTitle();

    widgets::PlanOverview* m_overview = nullptr;
    QString m_currentFile;
    std::unique_ptr<AudioEngine> m_audio;
    model::TempoMap m_tempoMap;
    QAction* m_playAction = nullptr;
    QAction* m_loopAction = nullptr;
    QLabel* m_positionLabel = nullptr;
    QTimer* m_playheadTimer = nullptr;
};

} // namespace pianola::app
