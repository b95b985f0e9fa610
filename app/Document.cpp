// SPDX-License-Identifier: MIT
// The open project and its undo stack.
#include "app/Document.h"

#include "app/Logging.h"
#include "engine/FileIo.h"
#include "engine/PlanFile.h"
#include "model/PlanJson.h"

#include <QDateTime>

#include <algorithm>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

namespace pianola::app {

namespace {
/// One edit on the undo stack. QUndoStack::push() runs redo(): that is where it is applied.
class EditCommand : public QUndoCommand
{
public:
    EditCommand(Document* document, model::Edit edit, const QString& text)
        : QUndoCommand(text), m_document(document), m_edit(std::move(edit))
    {
    }
    void redo() override
    {
        if (!m_document->applyAndNotify(m_edit))
            setObsolete(true);   // checked before the push, so not expected: never kept on the stack
    }
    void undo() override { m_document->applyAndNotify(model::inverse(m_edit)); }

private:
    Document* m_document;
    model::Edit m_edit;
};

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

constexpr std::size_t kMaxProjectBytes = model::kMaxJsonBytes;
} // namespace

Document::Document(QObject* parent) : QObject(parent), m_autosave(new QTimer(this))
{
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(3000);
    connect(m_autosave, &QTimer::timeout, this, [this] {
        if (isModified())
            if (auto written = writeRecovery(); !written)
                qCWarning(lcFiles) << "autosave failed:" << QString::fromStdString(written.error().message);
    });
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
    connect(&m_undo, &QUndoStack::indexChanged, this, [this] { m_autosave->start(); });
    newProject();
}

Document::~Document()
{
    // ~QUndoStack emits cleanChanged: nobody may hear it from a document being destroyed.
    m_undo.disconnect();
    blockSignals(true);
}

const model::Take* Document::activeTake() const
{
    return m_project.findTake(m_project.activeTake);
}

const model::Plan* Document::plan(model::TakeId take) const
{
    const model::Take* found = m_project.findTake(take);
    return found ? &found->plan : nullptr;
}

bool Document::submit(model::Edit edit, const QString& text)
{
    if (auto ok = check(edit); !ok) {
        qCWarning(lcApp) << "edit refused:" << QString::fromStdString(ok.error().message);
        return false;
    }
    m_undo.push(new EditCommand(this, std::move(edit), text));   // runs redo(): the one place an edit is applied
    return m_lastApplied;
}

// A single edit is checked against the project; a composite one (whose later edits expect what
// the earlier ones leave) is tried and taken back, without a notification.
Result<void> Document::check(const model::Edit& edit)
{
    if (!std::holds_alternative<model::CompositeEdit>(edit))
        return model::checkEdit(m_project, edit);
    if (auto tried = model::applyEdit(m_project, edit); !tried)
        return tried;
    return model::applyEdit(m_project, model::inverse(edit));
}

bool Document::applyAndNotify(const model::Edit& edit)
{
    const model::TakeId activeBefore = m_project.activeTake;
    const std::size_t takesBefore = m_project.takes.size();
    m_lastApplied = false;
    if (auto applied = model::applyEdit(m_project, edit); !applied) {
        qCWarning(lcApp) << "edit refused:" << QString::fromStdString(applied.error().message);
        return false;
    }
    m_lastApplied = true;
    if (m_project.activeTake != activeBefore || m_project.takes.size() != takesBefore || model::contains<model::TakeSettingsEdit>(edit))
        emit takesChanged();
    emit edited(edit);
    if (m_project.activeTake != activeBefore)
        emit activeTakeChanged();
    return true;
}

void Document::replaceProject(model::Project project, const QString& path)
{
    m_project = std::move(project);
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
        if (!bytes)
            return bytes.error();
        auto loaded = model::projectFromJsonWithReport(
            std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
        if (!loaded)
            return makeError(loaded.error().code, path.toStdString() + ":\n" + loaded.error().message);
        if (warnings)
            for (const auto& w : loaded->report.warnings)
                warnings->push_back(w.path + ": " + w.message);
        if (loaded->project.takes.empty())
            return makeError(Error::Code::ValidationError, path.toStdString() + ": the project has no takes");
        if (!loaded->project.findTake(loaded->project.activeTake))
            loaded->project.activeTake = loaded->project.takes.front().id;
        replaceProject(std::move(loaded->project), path);
        return {};
    }
    auto loaded = engine::loadPlanFile(path.toStdString());
    if (!loaded)
        return loaded.error();
    if (warnings)
        *warnings = loaded->warnings;
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
    replaceProject(std::move(project), {});   // a .mid is imported: Save asks for a project name
    return {};
}

Result<void> Document::save(const QString& path)
{
    if (auto written = engine::writeFileAtomic(path.toStdString(), model::projectToJson(m_project)); !written)
        return written;
    m_path = path;
    m_undo.setClean();
    removeRecovery();
    emit pathChanged(path);
    return {};
}

Result<void> Document::exportTake(const QString& path, model::TakeId takeId, int format) const
{
    const model::Take* take = m_project.findTake(takeId ? takeId : m_project.activeTake);
    if (!take)
        return makeError(Error::Code::InvalidArgument, "no take to export");
    return engine::savePlanFile(path.toStdString(), take->plan, format);
}

bool Document::addTake(model::Take take, const QString& text)
{
    return submit(addTakeEdit(std::move(take)), text);
}

model::TakeListEdit Document::addTakeEdit(model::Take take, model::TakeId active) const
{
    if (take.id == 0 || m_project.findTake(take.id))
        take.id = m_project.nextTakeId();
    take.plan.assignTrackIds();   // generated and imported plans come without
    const model::TakeId id = take.id;
    return model::TakeListEdit{static_cast<int>(m_project.takes.size()), true, std::move(take), m_project.activeTake, active ? active : id};
}

bool Document::activateTake(model::TakeId id)
{
    if (!m_project.findTake(id) || id == m_project.activeTake)
        return false;
    m_project.activeTake = id;   // a view choice (A/B), not an undo step
    emit takesChanged();
    emit activeTakeChanged();
    return true;
}

bool Document::removeTake(model::TakeId id)
{
    const auto& takes = m_project.takes;
    const auto it = std::find_if(takes.begin(), takes.end(), [id](const model::Take& t) { return t.id == id; });
    if (it == takes.end() || takes.size() < 2)
        return false;
    const int index = static_cast<int>(it - takes.begin());
    const model::TakeId active = m_project.activeTake;
    const model::TakeId next = active != id ? active : takes[static_cast<std::size_t>(index > 0 ? index - 1 : 1)].id;
    return submit(model::TakeListEdit{index, false, *it, next, active}, tr("Delete take %1").arg(QString::fromStdString(it->name)));
}

QString Document::recoveryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery.pianola");
}

bool Document::hasRecovery()
{
    return QFileInfo::exists(recoveryPath());
}

Result<void> Document::writeRecovery()
{
    QDir().mkpath(QFileInfo(recoveryPath()).absolutePath());
    if (auto written = engine::writeFileAtomic(recoveryPath().toStdString(), model::projectToJson(m_project, -1)); !written)
        return written;
    return engine::writeFileAtomic((recoveryPath() + QStringLiteral(".path")).toStdString(), m_path.toStdString());
}

void Document::removeRecovery()
{
    QFile::remove(recoveryPath());
    QFile::remove(recoveryPath() + QStringLiteral(".path"));
}

Result<void> Document::restoreRecovery()
{
    const QString original = [] {
        auto bytes = engine::readFile((recoveryPath() + QStringLiteral(".path")).toStdString(), 64 * 1024);
        return bytes ? QString::fromUtf8(reinterpret_cast<const char*>(bytes->data()), static_cast<qsizetype>(bytes->size())) : QString();
    }();
    if (auto opened = open(recoveryPath()); !opened)
        return opened;
    m_path = original;
    emit pathChanged(m_path);
    // The restored work is not saved anywhere yet: mark it modified with a no-op clean index.
    m_undo.resetClean();
    emit modifiedChanged(true);
    return {};
}

void Document::setAutosaveDelay(int ms)
{
    m_autosave->setInterval(ms);
}

} // namespace pianola::app
