// SPDX-License-Identifier: MIT
// The open project: its takes, the undo stack every edit goes through, its file, autosave and
// crash recovery.
#pragma once

#include "app/BackgroundWrite.h"
#include "app/RecoveryFiles.h"
#include "model/Edit.h"
#include "widgets/EditSink.h"
#include "widgets/PlanSource.h"

#include <chrono>
#include <memory>
#include <QObject>
#include <QString>
#include <QUndoStack>

class QTimer;

namespace pianola::app {

class Document : public QObject, public widgets::EditSink, public widgets::PlanSource
{
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const model::Project& project() const { return *m_project; }
    const model::Take* activeTake() const;
    /// The plan of a take, for the views (they keep the take's id, not this pointer).
    const model::Plan* plan(model::TakeId take) const override;
    QUndoStack* undoStack() { return &m_undo; }
    /// The project as it is now, immutable, for worker threads (save, autosave, playback builds,
    /// analysis). No copy is made here: the project is shared, and the next change copies it
    /// first if a snapshot is still held (copy-on-write).
    std::shared_ptr<const model::Project> snapshot() const { return m_project; }
    /// The plan of take `take` (default: the active one) in snapshot(), sharing its ownership;
    /// nullptr if there is no such take.
    std::shared_ptr<const model::Plan> planSnapshot(model::TakeId take = 0) const;
    /// Take `take` (default: the active one) in snapshot(), sharing its ownership; nullptr if
    /// there is no such take.
    std::shared_ptr<const model::Take> takeSnapshot(model::TakeId take = 0) const;

    /// Pushes `edit` as one undo step (the push applies it) and notifies once, also for a
    /// CompositeEdit. False, and nothing reaches the undo stack, if the project does not
    /// accept it.
    bool submit(model::Edit edit, const QString& text) override;
    /// Applies an edit without the undo stack (the undo commands use this). `replay`: an undo
    /// or redo of an earlier edit (isReplaying() says so while edited() is emitted).
    bool applyAndNotify(const model::Edit& edit, bool replay = false);
    /// Whether the edit being notified is an undo or redo (views then select what it restores).
    bool isReplaying() const { return m_replaying; }

    /// A new project with one empty take holding one piano track.
    void newProject();
    /// Opens a .pianola project, or a .mid / plan .json as a project with one take. On success
    /// the undo history starts empty; `warnings` gets the reader's remarks.
    Result<void> open(const QString& path, std::vector<std::string>* warnings = nullptr);
    /// Saves the project atomically and makes it the document's file, waiting for the write (the
    /// quit path and tests; the window uses startSave()).
    Result<void> save(const QString& path);
    /// Saves in the background: the GUI thread copies the project, a worker serializes and writes
    /// it; saveFinished() tells the outcome. A save still in flight is waited for first.
    void startSave(const QString& path);
    bool isSaving() const;
    /// Waits for the save and the autosave in flight (before quitting).
    void finishWrites();
    /// Writes a take (default: the active one) as a Standard MIDI File.
    Result<void> exportTake(const QString& path, model::TakeId take = 0, int format = 1) const;
    /// Adds a take made elsewhere (the generator, a duplicate) as one undoable step and
    /// makes it active.
    bool addTake(model::Take take, const QString& text);
    /// The edit addTake() submits: `take` appended (with a fresh id if it has none or a used
    /// one), and `active` (default: the new take) active after it. For composite edits.
    model::TakeListEdit addTakeEdit(model::Take take, model::TakeId active = 0) const;
    /// Makes another take the one shown and played (not an undo step; A/B switching; never
    /// inside an undo macro: a reply's activation is part of its edit).
    bool activateTake(model::TakeId id);
    /// Keeps a language model's interpretation of a take's analysis in the project (a cache,
    /// not an undo step; saved with the project).
    void setInterpretation(model::Interpretation interpretation);
    /// Removes a take (not the last one); the take before it becomes active if it was.
    bool removeTake(model::TakeId id);

    QString path() const { return m_path; }
    bool isModified() const { return !m_undo.isClean(); }

    /// This document's recovery file (autosave writes it; one per document and running
    /// instance, see RecoverySlot); empty until the first autosave.
    QString recoveryPath() const;
    bool hasRecovery() const;
    /// Writes the recovery file now, waiting for it (autosave does this in the background after a
    /// few idle seconds).
    Result<void> writeRecovery();
    /// Deletes this document's recovery file (the work is saved, or the user discarded it).
    void removeRecovery();
    /// Loads an orphaned recovery file as this unsaved project; that file becomes this document's
    /// recovery file (so it is never deleted before the work is saved or discarded).
    Result<void> restoreRecovery(std::unique_ptr<RecoverySlot> orphan);
    /// Idle time after a change before autosave writes (default 3 s; longer for projects whose
    /// autosave takes long).
    void setAutosaveDelay(int ms);

signals:
    /// After every applied edit (and undo/redo of one).
    void edited(const model::Edit& edit);
    /// The whole project changed: new, open, restore.
    void reset();
    /// The active take is another one (or the take list changed).
    void takesChanged();
    /// Another take is active now (switched, or the active one was added or removed).
    void activeTakeChanged();
    void pathChanged(const QString& path);
    void modifiedChanged(bool modified);
    /// A startSave() ended: `error` is empty on success.
    void saveFinished(const QString& path, const QString& error);

private:
    Result<void> check(const model::Edit& edit);
    void replaceProject(model::Project project, const QString& path);
    void autosave();
    void saveDone(const QString& path, std::uint64_t revision, const Result<void>& result);
    void recoveryDone(const Result<void>& result, std::chrono::milliseconds took);
    void removeRecoveryIfClean();
    Result<void> ensureSlot();
    model::Project& writable();

    /// Shared with the snapshots; writable() copies it before a change while one is held.
    std::shared_ptr<model::Project> m_project = std::make_shared<model::Project>();
    /// The projects changes copied away from, kept until the event loop turns: a reference a
    /// caller took before a change stays valid until it returns.
    std::vector<std::shared_ptr<const model::Project>> m_retired;
    QUndoStack m_undo;
    bool m_replaying = false;
    QString m_path;
    QTimer* m_autosave;
    int m_autosaveDelayMs = 3000;
    std::unique_ptr<RecoverySlot> m_slot; ///< created at the first autosave
    BackgroundWrite* m_saveWrite;
    BackgroundWrite* m_recoveryWrite;
    bool m_autosaveAgain = false; ///< an edit came while the autosave was writing
    std::uint64_t m_revision =
        0; ///< counts undo stack moves: a save of an older one leaves the document modified
    bool m_lastApplied = false; ///< what the last applyAndNotify() did (for submit())
};

} // namespace pianola::app
