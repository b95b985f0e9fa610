// SPDX-License-Identifier: MIT
// The start-up offer of orphaned recovery files.
#include "app/RecoveryOffer.h"

#include "app/Document.h"
#include "app/Logging.h"
#include "app/RecoveryFiles.h"
#include "engine/FileIo.h"
#include "model/PlanJson.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>

namespace pianola::app {

int RecoveryOffer::offerAll()
{
    int restored = 0;
    for (auto& orphan : RecoverySlot::claimOrphans()) {
        const bool here = restored == 0 && !m_document->isModified();
        switch (ask(*orphan, here)) {
        case Choice::Restore:
            if (!here) {
                openInNewWindow(std::move(orphan));
            } else if (auto done = m_document->restoreRecovery(std::move(orphan)); done) {
                ++restored;
            } else {
                QMessageBox::warning(m_parent, tr("Cannot restore"),
                                     tr("%1\n\nThe recovery file is kept.")
                                         .arg(QString::fromStdString(done.error().message)));
            }
            break;
        case Choice::SaveAs:
            if (saveAs(*orphan)) orphan->remove();
            break;
        case Choice::Discard:
            orphan->remove();
            break;
        case Choice::Later:
            break; // the lock is released below; the next start offers it again
        }
    }
    return restored;
}

RecoveryOffer::Choice RecoveryOffer::ask(const RecoverySlot& orphan, bool restoreHere)
{
    QMessageBox box(QMessageBox::Warning, tr("Recover unsaved work - Pianola"), {},
                    QMessageBox::NoButton, m_parent);
    box.setObjectName(QStringLiteral("recoverDialog"));
    const QString original = orphan.originalPath();
    const QString when = QLocale().toString(orphan.writtenAt(), QLocale::ShortFormat);
    box.setText(
        tr("Pianola did not close normally. It saved unsaved work automatically at %1.").arg(when));
    box.setInformativeText(
        (original.isEmpty() ? tr("The work was never saved as a project.")
                            : tr("The work belongs to %1.").arg(QFileInfo(original).fileName())) +
        QLatin1Char(' ') + tr("Restore it, save it as a project, or discard it?"));
    box.setDetailedText(tr("Recovery file: %1").arg(orphan.projectPath()));
    QPushButton* restore = box.addButton(
        restoreHere ? tr("&Restore") : tr("&Restore in a new window"), QMessageBox::AcceptRole);
    QPushButton* saveAs = box.addButton(tr("&Save As..."), QMessageBox::ActionRole);
    QPushButton* discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    QPushButton* later = box.addButton(tr("&Keep for later"), QMessageBox::RejectRole);
    box.setDefaultButton(restore);
    box.setEscapeButton(later);
    box.exec();
    if (box.clickedButton() == restore) return Choice::Restore;
    if (box.clickedButton() == saveAs) return Choice::SaveAs;
    if (box.clickedButton() == discard) return Choice::Discard;
    return Choice::Later;
}

bool RecoveryOffer::saveAs(const RecoverySlot& orphan)
{
    const QString dir = QSettings().value("files/lastDir").toString();
    QString path = QFileDialog::getSaveFileName(m_parent, tr("Save recovered work"), dir,
                                                tr("Pianola projects (*.pianola)"));
    if (path.isEmpty()) return false;
    if (!path.endsWith(QLatin1String(".pianola"))) path += QStringLiteral(".pianola");
    auto bytes = engine::readFile(orphan.projectPath().toStdString(), model::kMaxJsonBytes);
    Result<void> written =
        bytes ? engine::writeFileAtomic(path.toStdString(), *bytes) : Result<void>(bytes.error());
    if (!written) {
        QMessageBox::warning(m_parent, tr("Save failed"),
                             tr("%1\n\nThe recovery file is kept.")
                                 .arg(QString::fromStdString(written.error().message)));
        return false;
    }
    return true;
}

// Another window (process) restores it: the lock is released just before it starts.
bool RecoveryOffer::openInNewWindow(std::unique_ptr<RecoverySlot> orphan)
{
    const QString id = orphan->id();
    orphan.reset();
    const bool started = QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                                 {QStringLiteral("--recover"), id});
    if (!started)
        QMessageBox::warning(
            m_parent, tr("Cannot restore"),
            tr("Pianola could not start a new window. The recovery file is kept."));
    return started;
}

bool RecoveryOffer::restore(const QString& id)
{
    auto orphan = RecoverySlot::claim(id);
    if (!orphan) {
        QMessageBox::warning(m_parent, tr("Cannot restore"),
                             tr("The recovery file %1 is missing or in use.").arg(id));
        return false;
    }
    if (auto done = m_document->restoreRecovery(std::move(orphan)); !done) {
        QMessageBox::warning(m_parent, tr("Cannot restore"),
                             tr("%1\n\nThe recovery file is kept.")
                                 .arg(QString::fromStdString(done.error().message)));
        return false;
    }
    return true;
}

} // namespace pianola::app
