// SPDX-License-Identifier: MIT
// Crash recovery files, one set per running instance, and finding those left by instances that
// died.
#pragma once

#include "model/Result.h"

#include <memory>
#include <QDateTime>
#include <QString>
#include <string>
#include <vector>

class QLockFile;

namespace pianola::app {

/// One instance's recovery files in <app data>/recovery/: `<id>.pianola` (the project, written by
/// autosave), `<id>.path` (the project's own file, may be empty) and `<id>.lock`, a QLockFile
/// held for as long as the slot object lives. A `.pianola` whose lock can be taken belongs to an
/// instance that ended without a clean quit (kill -9, a crash, a power cut): an orphan.
/// Destroying a slot releases the lock but never deletes the project file; only remove() does.
class RecoverySlot
{
public:
    /// A new slot for this instance (named after the process id and the time), locked.
    static Result<std::unique_ptr<RecoverySlot>> create();
    /// Every orphan in the folder, each locked by the caller now (so no other instance offers it
    /// at the same time), oldest first. A recovery.pianola of older versions is moved in first.
    static std::vector<std::unique_ptr<RecoverySlot>> claimOrphans();
    /// The orphan `id` (as `id()` names it), locked; null when it is missing or another instance
    /// holds it.
    static std::unique_ptr<RecoverySlot> claim(const QString& id);
    /// The folder of all slots.
    static QString folder();

    ~RecoverySlot();
    RecoverySlot(const RecoverySlot&) = delete;
    RecoverySlot& operator=(const RecoverySlot&) = delete;

    QString id() const { return m_id; }
    QString projectPath() const;
    bool exists() const;
    /// When the project file was last written (local time), invalid when there is none.
    QDateTime writtenAt() const;
    /// The path of the project the recovered work belongs to ("" = never saved).
    QString originalPath() const;

    /// Writes the project (JSON text) and its original path atomically. Any thread (one at a time).
    Result<void> write(std::string_view projectJson, const QString& originalPath) const;
    /// Deletes the project and path files (the lock stays held until destruction).
    void remove() const;

private:
    RecoverySlot(QString id, std::unique_ptr<QLockFile> lock);
    QString file(const char* suffix) const;

    QString m_id;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace pianola::app
