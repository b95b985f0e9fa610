// SPDX-License-Identifier: MIT
// The main window: the piano roll with controller lanes, the track list, takes and undo
// history docks, the transport; files, menus and shortcuts. The Session it owns plays the
// document and wires it to the views; the window lays out and forwards its actions.
#pragma once

#include "app/Document.h"
#include "app/Session.h"

#include <memory>
#include <QMainWindow>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QTimer;

namespace pianola::widgets {
class AnalysisPanel;
class ChatDock;
class ControllerLanes;
class EditorState;
class PianoRollView;
class TakesPanel;
class TrackList;
} // namespace pianola::widgets

namespace pianola::app {

class ChatController;
class TransportControls;
class AnalysisController;
class ScopeActions;
class ChordActions;
class MidiSession;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a .pianola project, .mid or plan .json (after the unsaved-changes prompt); shows a
    /// message box on failure. Returns success.
    bool openFile(const QString& path);
    /// The active take's plan.
    const model::Plan& plan() const;
    Document* document() const { return m_session->document(); }
    Session* session() const { return m_session; }
    widgets::EditorState* editorState() const { return m_state; }
    widgets::PianoRollView* pianoRoll() const { return m_roll; }
    widgets::ControllerLanes* controllerLanes() const { return m_lanes; }
    widgets::TrackList* trackList() const { return m_tracks; }
    MidiSession* midiSession() const;
    widgets::ChatDock* chatDock() const { return m_chat; }
    widgets::AnalysisPanel* analysisPanel() const { return m_analysis; }
    ChatController* chatController() const { return m_chatController; }
    ScopeActions* scopeActions() const { return m_scope; }
    QAction* recordAction() const { return m_recordAction; }
    QAction* stepInputAction() const { return m_stepAction; }
    /// Opens a file like File > Open: unsaved changes are asked about first.
    bool openFileAsking(const QString& path);
    /// Offers to restore the autosaved work of every instance that did not end cleanly (see
    /// RecoveryOffer); returns whether one was restored into this window.
    bool offerRecovery();
    /// Restores the orphaned recovery file `id` (pianola --recover ID).
    bool restoreRecovery(const QString& id);
    /// Starts playback (pianola --play).
    void startPlayback();
    /// The quit of a terminating signal: no questions; unsaved work stays in the recovery file.
    void quitWithoutAsking();
    /// True once the window is ending (closed, or a signal asked it to quit).
    bool isEnding() const { return m_ending; }
    /// Every action with a shortcut, as "Menu > Action<TAB>Shortcut" lines (also shown in Help).
    QStringList shortcutList() const;
    /// The A/B pair (0 = none) and the switch between them (key B).
    void setAB(model::TakeId a, model::TakeId b);
    void toggleAB();
    widgets::TakesPanel* takesPanel() const { return m_takes; }
    /// Writes a take to a temporary .mid with a short safe name ("lofi-am-78bpm-take3.mid") for
    /// dragging out (the Drag MIDI button, the Takes panel); empty on failure.
    QString exportForDrag(model::TakeId id);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    // Layout and actions (MainWindowActions.cpp)
    void createDocks();
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createTrackMenu();
    void createTransport();
    void createToolBar();
    void updateRecentMenu();
    void takeMenu(model::TakeId id, const QPoint& globalPos);

    // Files (MainWindowFiles.cpp)
    void endSession(bool userDecided);
    void stopSound();
    void saveFinished(const QString& path, const QString& error);
    bool maybeSave();
    bool saveRequested();
    bool saveAsRequested();
    void openRequested();
    void exportRequested();
    void newRequested();
    void startDragOut();
    void addRecent(const QString& path);

    // The document shown
    void documentReset();
    void activeTakeShown();
    void refreshTakes();
    void updateCompare();
    void showAnalysisChords();
    void updateTitle();

    // Sound (the Session plays; the window shows and forwards)
    void startAudio();
    void updatePlayhead(double seconds, double tick, bool playing);
    void stopRequested();
    void preferencesRequested();
    void recordToggled(bool on);
    void stepInputToggled(bool on);

    // Note functions on the selection (MainWindowEdit.cpp)
    void quantizeNow();
    void quantizeDialog();
    void humanizeDialog();
    void transposeDialog();
    void velocityDialog();
    void legatoRequested();
    /// Loops the selected notes' span (to the grid), or the bars chosen on the ruler (Ctrl+L).
    void loopSelection();
    void snapToScaleRequested();
    void applyToSelection(const std::vector<model::Note>& before,
                          const std::vector<model::Note>& after, const QString& text);
    void addTrackRequested();
    void removeTrackRequested(int index);

    // Help (MainWindowHelp.cpp)
    void createHelpMenu();
    void showShortcuts();
    void aboutRequested();

    widgets::EditorState* m_state;
    Session* m_session;
    Document* m_document; ///< the session's
    widgets::PianoRollView* m_roll = nullptr;
    widgets::ControllerLanes* m_lanes = nullptr;
    widgets::TrackList* m_tracks = nullptr;
    widgets::TakesPanel* m_takes = nullptr;
    model::TakeId m_takeA = 0, m_takeB = 0; ///< the pair compared with B (0 = not chosen)
    QAction* m_compareAction = nullptr;
    widgets::ChatDock* m_chat = nullptr;
    widgets::AnalysisPanel* m_analysis = nullptr;
    AnalysisController* m_analysisController = nullptr;
    QTimer* m_analysisUpdate = nullptr;
    ChatController* m_chatController = nullptr;
    ScopeActions* m_scope = nullptr;
    ChordActions* m_chords = nullptr;
    QAction* m_recordAction = nullptr;
    QAction* m_stepAction = nullptr;
    QAction* m_playAction = nullptr;
    QAction* m_loopAction = nullptr;
    QAction* m_followAction = nullptr;
    QActionGroup* m_toolGroup = nullptr;
    QMenu* m_recentMenu = nullptr;
    QComboBox* m_snapBox = nullptr;
    TransportControls* m_transportControls = nullptr;
    QLabel* m_positionLabel = nullptr;
    std::uint64_t m_humanizeSeed = 1;
    bool m_endWithoutAsking = false; ///< a signal or logout: close keeps unsaved work for recovery
    bool m_ending = false;
    bool m_shownOnce = false;
};

} // namespace pianola::app
