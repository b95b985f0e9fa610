// SPDX-License-Identifier: MIT
// The open project: its takes, the undo stack every edit goes through, its file, autosave and
// crash recovery.
#pragma once

#include "model/Edit.h"
#include "widgets/EditSink.h"
#include "widgets/PlanSource.h"

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

    const model::Project& project() const { return m_project; }
    const model::Take* activeTake() const;
    /// The plan of a take, for the views (they keep the take's id, not this pointer).
    const model::Plan* plan(model::TakeId take) const override;
    QUndoStack* undoStack() { return &m_undo; }

    /// Pushes `edit` as one undo step (the push applies it) and notifies once, also for a
    /// CompositeEdit. False, and nothing reaches the undo stack, if the project does not
    /// accept it.
    bool submit(model::Edit edit, const QString& text) override;
    /// Applies an edit without the undo stack (the undo commands use this).
    bool applyAndNotify(const model::Edit& edit);

    /// A new project with one empty take holding one piano track.
    void newProject();
    /// Opens a .pianola project, or a .mid / plan .json as a project with one take. On success
    /// the undo history starts empty; `warnings` gets the reader's remarks.
    Result<void> open(const QString& path, std::vector<std::string>* warnings = nullptr);
    /// Saves the project (atomically) and makes it the document's file.
    Result<void> save(const QString& path);
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
    /// Removes a take (not the last one); the take before it becomes active if it was.
    bool removeTake(model::TakeId id);

    QString path() const { return m_path; }
    bool isModified() const { return !m_undo.isClean(); }

    /// The recovery file autosave writes to (in the app's local data folder).
    static QString recoveryPath();
    static bool hasRecovery();
    /// Loads the recovery file as an unsaved project (its original path is kept in its sidecar).
    Result<void> restoreRecovery();
    /// Writes the recovery file now (autosave does this after a few idle seconds).
    Result<void> writeRecovery();
    static void removeRecovery();
    /// Idle time after a change before autosave writes (default 3 s).
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

private:
    Result<void> check(const model::Edit& edit);
    void replaceProject(model::Project project, const QString& path);

    model::Project m_project;
    QUndoStack m_undo;
    QString m_path;
    QTimer* m_autosave;
    bool m_lastApplied = false;   ///< what the last applyAndNotify() did (for submit())
};

} // namespace pianola::app
