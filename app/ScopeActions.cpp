// SPDX-License-Identifier: MIT
// The chat's scope, the Regenerate actions and the note padlock.
#include "app/ScopeActions.h"

#include "app/ChatController.h"
#include "app/Document.h"
#include "widgets/ChatDock.h"
#include "widgets/EditorState.h"
#include "widgets/Padlock.h"
#include "widgets/PianoRollView.h"

#include <algorithm>
#include <QAction>
#include <QKeySequence>
#include <QMenu>

namespace pianola::app {

ScopeActions::ScopeActions(Document* document, widgets::EditorState* state,
                           widgets::PianoRollView* roll, ChatController* chat,
                           widgets::ChatDock* dock, QObject* parent)
    : QObject(parent), m_document(document), m_state(state), m_roll(roll), m_chat(chat),
      m_dock(dock)
{
    m_chat->setScopeSource([this] { return scope(); });
    widgets::Selection* selection = &m_state->selection();
    widgets::EditContext* context = &m_state->context();
    for (auto signal : {&widgets::Selection::selectionChanged, &widgets::Selection::scopeChanged})
        connect(selection, signal, this, &ScopeActions::updateDock);
    connect(context, &widgets::EditContext::planChanged, this, &ScopeActions::updateDock);
    connect(context, &widgets::EditContext::currentTrackChanged, this, &ScopeActions::updateDock);
    connect(m_dock, &widgets::ChatDock::scopeCleared, selection, &widgets::Selection::clearScope);
    connect(context, &widgets::EditContext::regenerateRequested, this, &ScopeActions::regenerate);
    connect(context, &widgets::EditContext::refused, this, &ScopeActions::statusMessage);
    updateDock();
}

engine::llm::RequestScope ScopeActions::scope() const
{
    engine::llm::RequestScope s;
    const model::Plan* plan = m_state->context().plan();
    if (!plan) return s;
    const auto selected = m_state->context().selectedNotes();
    if (!selected.empty() && m_state->context().currentTrack() >= 0) {
        const auto [first, last] = std::minmax_element(
            selected.begin(), selected.end(),
            [](const model::Note& a, const model::Note& b) { return a.startTick < b.startTick; });
        s.track = static_cast<std::size_t>(m_state->context().currentTrack());
        s.fromBar = m_state->context().barAt(first->startTick).number;
        s.toBar = m_state->context().barAt(last->startTick).number;
    } else if (const int index = plan->trackIndex(m_state->selection().scopeTrack());
               m_state->selection().scopeTrack() != 0 && index >= 0) {
        s.track = static_cast<std::size_t>(index);
    }
    if (m_state->selection().scopeFromBar() > 0)
        s.fromBar = m_state->selection().scopeFromBar(),
        s.toBar = m_state->selection().scopeToBar();
    return s;
}

QString ScopeActions::describe(const engine::llm::RequestScope& scope) const
{
    const model::Take* take = m_document->activeTake();
    QStringList parts;
    parts << (take ? QString::fromStdString(take->name) : tr("No take"));
    const model::Plan* plan = m_state->context().plan();
    if (scope.track && plan && *scope.track < plan->tracks.size()) {
        const std::string& name = plan->tracks[*scope.track].name;
        parts << (name.empty() ? tr("Track %1").arg(*scope.track + 1)
                               : QString::fromStdString(name));
    } else {
        parts << tr("all parts");
    }
    if (scope.fromBar > 0)
        parts << (scope.fromBar == scope.toBar
                      ? tr("bar %1").arg(scope.fromBar)
                      : tr("bars %1–%2").arg(scope.fromBar).arg(scope.toBar));
    return parts.join(QStringLiteral(" · "));
}

QString ScopeActions::scopeText() const
{
    return describe(scope());
}

void ScopeActions::updateDock()
{
    const auto s = scope();
    m_dock->setScope(describe(s), s.narrowed());
}

void ScopeActions::addEditActions(QMenu* menu)
{
    menu->addSeparator();
    m_regenerate = menu->addAction(tr("Re&generate"), QKeySequence(tr("Ctrl+G")), this,
                                   [this] { regenerateScope(scope()); });
    m_regenerate->setObjectName("regenerateScope");
    m_regenerate->setStatusTip(
        tr("A new take with the chat's scope (selected notes, chosen bars or track) made again"));
    m_lock = menu->addAction(widgets::padlockIcon(true), tr("&Lock or unlock notes"),
                             QKeySequence(tr("Ctrl+Shift+L")), m_roll,
                             &widgets::PianoRollView::toggleSelectionLock);
    m_lock->setObjectName("lockNotes");
    m_lock->setStatusTip(
        tr("Locked notes never change in a regeneration or variation, and refuse edits"));
}

void ScopeActions::regenerate(model::TrackId track, int fromBar, int toBar)
{
    engine::llm::RequestScope s;
    if (const model::Plan* plan = m_state->context().plan();
        plan && track != 0 && plan->trackIndex(track) >= 0)
        s.track = static_cast<std::size_t>(plan->trackIndex(track));
    if (fromBar > 0) s.fromBar = fromBar, s.toBar = std::max(fromBar, toBar);
    regenerateScope(s);
}

void ScopeActions::regenerateScope(const engine::llm::RequestScope& scope)
{
    const model::Take* take = m_document->activeTake();
    if (!take || take->plan.noteCount() == 0) {
        emit statusMessage(tr("Nothing to regenerate: the take has no notes"));
        return;
    }
    if (m_chat->busy()) {
        emit statusMessage(tr("The chat is still waiting for a reply"));
        return;
    }
    const QString label = describe(scope);
    const auto ids = m_chat->regenerate(scope, label);
    const auto& chat = m_document->project().chat;
    if (ids.empty() && m_chat->provider() == QLatin1String("offline") &&
        !chat.empty()) // the reply says why
        emit statusMessage(
            QString::fromStdString(chat.back().text).section(QLatin1Char('\n'), 0, 0));
    else if (!ids.empty())
        emit statusMessage(tr("Regenerated %1").arg(label));
}

} // namespace pianola::app
