// SPDX-License-Identifier: MIT
// Per-instance crash recovery files and their locks.
#include "app/RecoveryFiles.h"

#include "engine/FileIo.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

namespace pianola::app {

namespace {
constexpr std::size_t kMaxPathFileBytes = 64 * 1024;

/// Locks `lockPath` without waiting. Only a lock whose owner process is gone counts as stale
/// (never one that is merely old: a live instance holds its lock for days).
std::unique_ptr<QLockFile> tryLock(const QString& lockPath)
{
    auto lock = std::make_unique<QLockFile>(lockPath);
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) return nullptr;
    return lock;
}

/// Moves the single recovery.pianola of versions before per-instance slots into the folder.
void adoptLegacyFile(const QString& folder)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QString legacy = base + QStringLiteral("/recovery.pianola");
    if (!QFileInfo::exists(legacy)) return;
    const QString id = QStringLiteral("legacy-%1").arg(QDateTime::currentMSecsSinceEpoch());
    if (QFile::rename(legacy, folder + QLatin1Char('/') + id + QStringLiteral(".pianola")))
        QFile::rename(legacy + QStringLiteral(".path"),
                      folder + QLatin1Char('/') + id + QStringLiteral(".path"));
}
} // namespace

RecoverySlot::RecoverySlot(QString id, std::unique_ptr<QLockFile> lock)
    : m_id(std::move(id)), m_lock(std::move(lock))
{}

RecoverySlot::~RecoverySlot() = default; // ~QLockFile unlocks and removes the lock file

QString RecoverySlot::folder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/recovery");
}

QString RecoverySlot::file(const char* suffix) const
{
    return folder() + QLatin1Char('/') + m_id + QLatin1String(suffix);
}

Result<std::unique_ptr<RecoverySlot>> RecoverySlot::create()
{
    if (!QDir().mkpath(folder()))
        return makeError(Error::Code::IoError,
                         "cannot create the recovery folder " + folder().toStdString());
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString id = QStringLiteral("%1-%2-%3")
                               .arg(QCoreApplication::applicationPid())
                               .arg(QDateTime::currentMSecsSinceEpoch())
                               .arg(attempt);
        if (QFileInfo::exists(folder() + QLatin1Char('/') + id + QStringLiteral(".pianola")))
            continue;
        if (auto lock = tryLock(folder() + QLatin1Char('/') + id + QStringLiteral(".lock")))
            return std::unique_ptr<RecoverySlot>(new RecoverySlot(id, std::move(lock)));
    }
    return makeError(Error::Code::IoError,
                     "cannot lock a recovery file in " + folder().toStdString());
}

std::unique_ptr<RecoverySlot> RecoverySlot::claim(const QString& id)
{
    if (id.isEmpty() || id.contains(QLatin1Char('/')) || id.startsWith(QLatin1Char('.')))
        return nullptr;
    auto lock = tryLock(folder() + QLatin1Char('/') + id + QStringLiteral(".lock"));
    if (!lock) return nullptr;
    std::unique_ptr<RecoverySlot> slot(new RecoverySlot(id, std::move(lock)));
    return slot->exists() ? std::move(slot) : nullptr;
}

std::vector<std::unique_ptr<RecoverySlot>> RecoverySlot::claimOrphans()
{
    QDir().mkpath(folder());
    adoptLegacyFile(folder());
    const QFileInfoList files = QDir(folder()).entryInfoList(
        {QStringLiteral("*.pianola")}, QDir::Files, QDir::Time | QDir::Reversed);
    std::vector<std::unique_ptr<RecoverySlot>> orphans;
    for (const QFileInfo& f : files)
        if (auto slot = claim(f.completeBaseName())) orphans.push_back(std::move(slot));
    return orphans;
}

QString RecoverySlot::projectPath() const
{
    return file(".pianola");
}

bool RecoverySlot::exists() const
{
    return QFileInfo::exists(projectPath());
}

QDateTime RecoverySlot::writtenAt() const
{
    const QFileInfo info(projectPath());
    return info.exists() ? info.lastModified() : QDateTime();
}

QString RecoverySlot::originalPath() const
{
    auto bytes = engine::readFile(file(".path").toStdString(), kMaxPathFileBytes);
    if (!bytes) return {};
    return QString::fromUtf8(reinterpret_cast<const char*>(bytes->data()),
                             static_cast<qsizetype>(bytes->size()));
}

Result<void> RecoverySlot::write(std::string_view projectJson, const QString& originalPath) const
{
    // The path first: a project file never pairs with a stale path of another project.
    if (auto written =
            engine::writeFileAtomic(file(".path").toStdString(), originalPath.toStdString());
        !written)
        return written;
    return engine::writeFileAtomic(projectPath().toStdString(), projectJson);
}

void RecoverySlot::remove() const
{
    QFile::remove(projectPath());
    QFile::remove(file(".path"));
}

} // namespace pianola::app
