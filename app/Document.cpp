// SPDX-License-Identifier: MIT
// The open project and its undo stack.
#include "app/Document.h"

#include "app/Logging.h"
#include "engine/FileIo.h"
#include "engine/PlanFile.h"
#include "engine/ThreadCheck.h"
#include "model/PlanJson.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QScopedValueRollback>
#include <QStandardPaths>
#include <QTimer>
#include <utility>

namespace pianola::app {

namespace {
/// One edit on the undo stack. QUndoStack::push() runs redo(): that is where it is applied.
class EditCommand : public QUndoCommand
{
public:
    EditCommand(Document* document, model::Edit edit, const QString& text)
        : QUndoCommand(text), m_document(document), m_edit(std::move(edit))
    {}
    void redo() override
    {
        if (!m_document->applyAndNotify(m_edit, m_pushed))
            setObsolete(true); // checked before the push, so not expected: never kept on the stack
        m_pushed = true;
    }
    void undo() override { m_document->applyAndNotify(model::inverse(m_edit), true); }

private:
    Document* m_document;
    model::Edit m_edit;
    bool m_pushed = false; ///< the first redo() is the push, later ones are replays
};

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

constexpr std::size_t kMaxProjectBytes = model::kMaxJsonBytes;
} // namespace

Document::Document(QObject* parent)
    : QObject(parent), m_autosave(new QTimer(this)), m_saveWrite(new BackgroundWrite(this)),
      m_recoveryWrite(new BackgroundWrite(this))
{
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(m_autosaveDelayMs);
    connect(m_autosave, &QTimer::timeout, this, &Document::autosave);
    connect(&m_undo, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    connect(&m_undo, &QUndoStack::indexChanged, this, [this] {
        ++m_revision;
        m_autosave->start();
    });
    newProject();
}

Document::~Document()
{
    // ~QUndoStack emits cleanChanged: nobody may hear it from a document being destroyed.
    m_undo.disconnect();
    blockSignals(true);
    finishWrites(); // a save in flight at quit ends first; the recovery file stays as it is
}

std::shared_ptr<const model::Plan> Document::planSnapshot(model::TakeId take) const
{
    const auto found = takeSnapshot(take);
    return found ? std::shared_ptr<const model::Plan>(found, &found->plan) : nullptr;
}

std::shared_ptr<const model::Take> Document::takeSnapshot(model::TakeId take) const
{
    const model::Take* found = m_project->findTake(take ? take : m_project->activeTake);
    return found ? std::shared_ptr<const model::Take>(m_project, found)
                 : nullptr; // aliases the project
}

// Copy-on-write: a snapshot still held elsewhere (a save, a playback build, the analysis) keeps
// the project as it was; the change goes to a copy. Only this thread hands out snapshots, so a
// use count of 1 means nobody else can read the project while it changes.
model::Project& Document::writable()
{
    PIANOLA_ASSERT_CONTROL_THREAD();
    if (m_project.use_count() > 1) {
        auto copy = std::make_shared<model::Project>(*m_project); // notes are trivially copyable
        if (m_retired.empty()) QTimer::singleShot(0, this, [this] { m_retired.clear(); });
        m_retired.push_back(std::exchange(m_project, std::move(copy)));
    }
    std::atomic_thread_fence(std::memory_order_acquire); // after the other holders' last reads
    return *m_project;
}

const model::Take* Document::activeTake() const
{
    return m_project->findTake(m_project->activeTake);
}

const model::Plan* Document::plan(model::TakeId take) const
{
    const model::Take* found = m_project->findTake(take);
    return found ? &found->plan : nullptr;
}

bool Document::submit(model::Edit edit, const QString& text)
{
    PIANOLA_ASSERT_CONTROL_THREAD();
    if (auto ok = check(edit); !ok) {
        qCWarning(lcApp) << "edit refused:" << QString::fromStdString(ok.error().message);
        return false;
    }
    m_undo.push(new EditCommand(this, std::move(edit),
                                text)); // runs redo(): the one place an edit is applied
    return m_lastApplied;
}

// A single edit is checked against the project; a composite one (whose later edits expect what
// the earlier ones leave) is tried and taken back, without a notification.
Result<void> Document::check(const model::Edit& edit)
{
    if (!std::holds_alternative<model::CompositeEdit>(edit))
        return model::checkEdit(*m_project, edit);
    if (auto tried = model::applyEdit(writable(), edit); !tried) return tried;
    return model::applyEdit(writable(), model::inverse(edit));
}

bool Document::applyAndNotify(const model::Edit& edit, bool replay)
{
    const QScopedValueRollback<bool> replaying(m_replaying, replay);
    PIANOLA_ASSERT_CONTROL_THREAD();
    const model::TakeId activeBefore = m_project->activeTake;
    const std::size_t takesBefore = m_project->takes.size();
    m_lastApplied = false;
    if (auto applied = model::applyEdit(writable(), edit); !applied) {
        qCWarning(lcApp) << "edit refused:" << QString::fromStdString(applied.error().message);
        return false;
    }
    m_lastApplied = true;
    if (m_project->activeTake != activeBefore || m_project->takes.size() != takesBefore ||
        model::contains<model::TakeSettingsEdit>(edit))
        emit takesChanged();
    emit edited(edit);
    if (m_project->activeTake != activeBefore) emit activeTakeChanged();
    return true;
}

void Document::replaceProject(model::Project project, const QString& path)
{
    m_project = std::make_shared<model::Project>(std::move(project)); // snapshots keep the old one
    m_undo.clear();
    m_path = path;
    emit reset();
    emit takesChanged();
    emit pathChanged(path);
    emit modifiedChanged(false);
}

void Document::newProject()
{
    model::Project project;
    model::Take take;
    take.id = 1;
    take.name = tr("Take 1").toStdString();
    take.provenance.provider = "user";
    take.provenance.createdUtc = nowUtc().toStdString();
    model::Track piano;
    piano.name = tr("Piano").toStdString();
    piano.id = 1;
    take.plan.tracks.push_back(piano);
    project.takes.push_back(std::move(take));
    project.activeTake = 1;
    replaceProject(std::move(project), {});
}

Result<void> Document::open(const QString& path, std::vector<std::string>* warnings)
{
    if (path.endsWith(QLatin1String(".pianola"), Qt::CaseInsensitive)) {
        auto bytes = engine::readFile(path.toStdString(), kMaxProjectBytes);
        if (!bytes) return bytes.error();
        auto loaded = model::projectFromJsonWithReport(
            std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
        if (!loaded)
            return makeError(loaded.error().code,
                             path.toStdString() + ":\n" + loaded.error().message);
        if (warnings)
            for (const auto& w : loaded->report.warnings)
                warnings->push_back(w.path + ": " + w.message);
        if (loaded->project.takes.empty())
            return makeError(Error::Code::ValidationError,
                             path.toStdString() + ": the project has no takes");
        if (!loaded->project.findTake(loaded->project.activeTake))
            loaded->project.activeTake = loaded->project.takes.front().id;
        replaceProject(std::move(loaded->project), path);
        return {};
    }
    auto loaded = engine::loadPlanFile(path.toStdString());
    if (!loaded) return loaded.error();
    if (warnings) *warnings = loaded->warnings;
    model::Project project;
    model::Take take;
    take.id = 1;
    take.name = QFileInfo(path).completeBaseName().toStdString();
    take.plan = std::move(loaded->plan);
    take.plan.normalize();
    take.plan.assignTrackIds();
    take.provenance.provider = "import";
    take.provenance.createdUtc = nowUtc().toStdString();
    project.takes.push_back(std::move(take));
    project.activeTake = 1;
    replaceProject(std::move(project), {}); // a .mid is imported: Save asks for a project name
    return {};
}

Result<void> Document::save(const QString& path)
{
    std::optional<Result<void>> outcome;
    auto connection = connect(
        this, &Document::saveFinished, this, [&outcome](const QString&, const QString& error) {
            outcome = error.isEmpty()
                          ? Result<void>()
                          : Result<void>(makeError(Error::Code::IoError, error.toStdString()));
        });
    startSave(path);
    m_saveWrite->wait();
    disconnect(connection);
    return outcome.value_or(makeError(Error::Code::IoError, "the save did not finish"));
}

void Document::startSave(const QString& path)
{
    m_saveWrite->wait();              // one save at a time, in order
    auto snapshot = this->snapshot(); // shared: an edit during the write copies the project
    const std::uint64_t revision = m_revision;
    m_saveWrite->start(
        [snapshot, file = path.toStdString()] {
            return engine::writeFileAtomic(file, model::projectToJson(*snapshot));
        },
        [this, path, revision](const Result<void>& result, std::chrono::milliseconds took) {
            qCInfo(lcFiles) << "saved" << path << "in" << took.count() << "ms";
            saveDone(path, revision, result);
        });
}

bool Document::isSaving() const
{
    return m_saveWrite->busy();
}

void Document::finishWrites()
{
    m_saveWrite->wait();
    m_recoveryWrite->wait();
}

void Document::saveDone(const QString& path, std::uint64_t revision, const Result<void>& result)
{
    if (!result) {
        emit saveFinished(path, QString::fromStdString(result.error().message));
        return;
    }
    m_path = path;
    if (m_revision == revision) // no edit since the snapshot: the file holds all of it
        m_undo.setClean();
    removeRecoveryIfClean();
    emit pathChanged(path);
    emit saveFinished(path, {});
}

Result<void> Document::exportTake(const QString& path, model::TakeId takeId, int format) const
{
    const model::Take* take = m_project->findTake(takeId ? takeId : m_project->activeTake);
    if (!take) return makeError(Error::Code::InvalidArgument, "no take to export");
    return engine::savePlanFile(path.toStdString(), take->plan, format);
}

bool Document::addTake(model::Take take, const QString& text)
{
    return submit(addTakeEdit(std::move(take)), text);
}

model::TakeListEdit Document::addTakeEdit(model::Take take, model::TakeId active) const
{
    if (take.id == 0 || m_project->findTake(take.id)) take.id = m_project->nextTakeId();
    take.plan.assignTrackIds(); // generated and imported plans come without
    const model::TakeId id = take.id;
    return model::TakeListEdit{static_cast<int>(m_project->takes.size()), true, std::move(take),
                               m_project->activeTake, active ? active : id};
}

bool Document::activateTake(model::TakeId id)
{
    if (!m_project->findTake(id) || id == m_project->activeTake) return false;
    writable().activeTake = id; // a view choice (A/B), not an undo step
    emit takesChanged();
    emit activeTakeChanged();
    return true;
}

void Document::setInterpretation(model::Interpretation interpretation)
{
    if (!m_project->findTake(interpretation.take)) return;
    writable().setInterpretation(std::move(interpretation));
}

bool Document::removeTake(model::TakeId id)
{
    const auto& takes = m_project->takes;
    const auto it =
        std::find_if(takes.begin(), takes.end(), [id](const model::Take& t) { return t.id == id; });
    if (it == takes.end() || takes.size() < 2) return false;
    const int index = static_cast<int>(it - takes.begin());
    const model::TakeId active = m_project->activeTake;
    const model::TakeId next =
        active != id ? active : takes[static_cast<std::size_t>(index > 0 ? index - 1 : 1)].id;
    return submit(model::TakeListEdit{index, false, *it, next, active},
                  tr("Delete take %1").arg(QString::fromStdString(it->name)));
}

QString Document::recoveryPath() const
{
    return m_slot ? m_slot->projectPath() : QString();
}

bool Document::hasRecovery() const
{
    return m_slot && m_slot->exists();
}

Result<void> Document::ensureSlot()
{
    if (m_slot) return {};
    auto slot = RecoverySlot::create();
    if (!slot) return slot.error();
    m_slot = std::move(*slot);
    return {};
}

// After a few idle seconds: the snapshot is serialized and written on a worker thread. An edit
// during the write asks for one more round when it ends; a project whose write takes long is
// written less often (at most a fifth of the time).
void Document::autosave()
{
    if (!isModified()) {
        removeRecoveryIfClean();
        return;
    }
    if (m_recoveryWrite->busy()) {
        m_autosaveAgain = true;
        return;
    }
    if (auto slot = ensureSlot(); !slot) {
        qCWarning(lcFiles) << "autosave failed:" << QString::fromStdString(slot.error().message);
        return;
    }
    auto snapshot = this->snapshot();
    const RecoverySlot* target = m_slot.get(); // replaced only after finishWrites()
    m_recoveryWrite->start(
        [snapshot, target, path = m_path] {
            return target->write(model::projectToJson(*snapshot, -1), path);
        },
        [this](const Result<void>& result, std::chrono::milliseconds took) {
            recoveryDone(result, took);
        });
}

void Document::recoveryDone(const Result<void>& result, std::chrono::milliseconds took)
{
    if (!result)
        qCWarning(lcFiles) << "autosave failed:" << QString::fromStdString(result.error().message);
    m_autosave->setInterval(std::max<int>(
        m_autosaveDelayMs, static_cast<int>(std::min<qint64>(took.count() * 4, 60'000))));
    if (std::exchange(m_autosaveAgain, false)) m_autosave->start();
    removeRecoveryIfClean();
}

void Document::removeRecoveryIfClean()
{
    if (!isModified() && m_slot && !m_recoveryWrite->busy()) m_slot->remove();
}

Result<void> Document::writeRecovery()
{
    m_recoveryWrite->wait();
    if (auto slot = ensureSlot(); !slot) return slot;
    return m_slot->write(model::projectToJson(*m_project, -1), m_path);
}

void Document::removeRecovery()
{
    m_autosave->stop();
    m_recoveryWrite->wait();
    if (m_slot) m_slot->remove();
}

Result<void> Document::restoreRecovery(std::unique_ptr<RecoverySlot> orphan)
{
    if (!orphan) return makeError(Error::Code::InvalidArgument, "no recovery file to restore");
    const QString original = orphan->originalPath();
    if (auto opened = open(orphan->projectPath()); !opened) return opened;
    removeRecovery();           // this document's own autosave (of the project now replaced)
    m_slot = std::move(orphan); // its file is this document's recovery file from now on
    m_path = original;
    emit pathChanged(m_path);
    // The restored work is not saved anywhere yet: mark it modified with a no-op clean index.
    m_undo.resetClean();
    emit modifiedChanged(true);
    return {};
}

void Document::setAutosaveDelay(int ms)
{
    m_autosaveDelayMs = ms;
    m_autosave->setInterval(ms);
}

} // namespace pianola::app
