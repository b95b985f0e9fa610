// SPDX-License-Identifier: MIT
// At start-up: offers each recovery file left by an instance that did not end cleanly.
#pragma once

#include <memory>
#include <QCoreApplication>
#include <QString>

class QStatusBar;
class QWidget;

namespace pianola::app {

class Document;
class RecoverySlot;

/// Asks, for every orphaned recovery file (RecoverySlot::claimOrphans), in a dialog titled
/// "Recover unsaved work": restore it (into `document` if that holds no work yet, else in a new
/// Pianola window), save it as a project elsewhere, discard it, or keep it for the next start.
/// Nothing is deleted without that choice; Escape or closing the dialog keeps the file.
class RecoveryOffer
{
    Q_DECLARE_TR_FUNCTIONS(pianola::app::RecoveryOffer)
public:
    RecoveryOffer(QWidget* parent, Document* document) : m_parent(parent), m_document(document) {}

    /// Offers every orphan in turn; returns how many were restored into this window (0 or 1).
    int offerAll();
    /// Restores the orphan `id` into the document (`pianola --recover ID`); false with a message
    /// box when it is not there, is held by a running instance, or cannot be read.
    bool restore(const QString& id);

private:
    enum class Choice { Restore, SaveAs, Discard, Later };
    Choice ask(const RecoverySlot& orphan, bool restoreHere);
    bool saveAs(const RecoverySlot& orphan);
    bool openInNewWindow(std::unique_ptr<RecoverySlot> orphan);

    QWidget* m_parent;
    Document* m_document;
};

} // namespace pianola::app
