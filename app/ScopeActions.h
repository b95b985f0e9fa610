// SPDX-License-Identifier: MIT
// The chat's scope in the app: what the next prompt or a Regenerate applies to (the selected
// notes' track and bars, the bars chosen on the ruler, the track chosen in the track list),
// shown above the chat input; the Regenerate actions (Edit menu, track list, ruler) and the
// note padlock (Edit menu).
#pragma once

#include "engine/llm/Scope.h"
#include "model/Plan.h"

#include <QObject>
#include <QString>

class QAction;
class QMenu;

namespace pianola::widgets {
class ChatDock;
class EditorState;
class PianoRollView;
} // namespace pianola::widgets

namespace pianola::app {

class ChatController;
class Document;

class ScopeActions : public QObject
{
    Q_OBJECT
public:
    ScopeActions(Document* document, widgets::EditorState* state, widgets::PianoRollView* roll,
                 ChatController* chat, widgets::ChatDock* dock, QObject* parent = nullptr);

    /// The scope now, in the active take: the selected notes' track and the bars they start in,
    /// else the track chosen in the track list; the bars chosen on the ruler win over the
    /// selection's.
    engine::llm::RequestScope scope() const;
    /// "Take 3 · all parts", "Take 3 · Bass · bars 5–8".
    QString scopeText() const;
    /// Adds Regenerate (Ctrl+G) and Lock/unlock notes (Ctrl+Shift+L) to `menu`.
    void addEditActions(QMenu* menu);
    QAction* regenerateAction() const { return m_regenerate; }
    QAction* lockAction() const { return m_lock; }
    /// Regenerates `track` (0: the scope's, or every part) in bars fromBar..toBar (0: the scope's).
    void regenerate(model::TrackId track, int fromBar, int toBar);

signals:
    /// A sentence for the status bar (why nothing changed).
    void statusMessage(const QString& message);

private:
    void updateDock();
    QString describe(const engine::llm::RequestScope& scope) const;
    void regenerateScope(const engine::llm::RequestScope& scope);

    Document* m_document;
    widgets::EditorState* m_state;
    widgets::PianoRollView* m_roll;
    ChatController* m_chat;
    widgets::ChatDock* m_dock;
    QAction* m_regenerate = nullptr;
    QAction* m_lock = nullptr;
};

} // namespace pianola::app
