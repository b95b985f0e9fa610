// SPDX-License-Identifier: MIT
// The main window: opens .mid and plan files, shows the plan, exports Standard MIDI Files.
#pragma once

#include "model/Plan.h"

#include <QMainWindow>

namespace pianola::widgets {
class PlanOverview;
}

namespace pianola::app {

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
    void openRequested();
    void exportRequested();
    void aboutRequested();
    void updateTitle();

    widgets::PlanOverview* m_overview = nullptr;
    QString m_currentFile;
};

} // namespace pianola::app
