// SPDX-License-Identifier: MIT
// The chat's offline engine.
#include "app/ChatController.h"

#include "engine/generate/Generator.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/Variation.h"
#include "widgets/ChatDock.h"

#include <QDateTime>
#include <QRegularExpression>

namespace pianola::app {

namespace {
std::string nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
}
} // namespace

ChatController::ChatController(Document* document, widgets::ChatDock* dock, QObject* parent)
    : QObject(parent), m_document(document), m_dock(dock)
{
    m_dock->setProviders({{tr("Offline"), QStringLiteral("offline")}}, QStringLiteral("offline"));
    connect(m_dock, &widgets::ChatDock::promptSubmitted, this, [this](const QString& p) { ask(p); });
    connect(m_dock, &widgets::ChatDock::tryAgainRequested, this, [this](int i) { tryAgain(i, false); });
    connect(m_dock, &widgets::ChatDock::moreVariationsRequested, this, [this](int i) { tryAgain(i, true); });
    connect(m_dock, &widgets::ChatDock::takeClicked, m_document, &Document::activateTake);
    connect(m_document, &Document::edited, this, [this](const model::Edit& e) {
        if (std::holds_alternative<model::ChatEdit>(e) || std::holds_alternative<model::TakeSettingsEdit>(e))
            refresh();
    });
    connect(m_document, &Document::reset, this, &ChatController::refresh);
    refresh();
}

void ChatController::refresh()
{
    const model::Project& project = m_document->project();
    m_dock->setMessages(project.chat, [&project](model::TakeId id) {
        const model::Take* take = project.findTake(id);
        return take ? QString::fromStdString(take->name) : tr("(deleted take)");
    });
}

bool ChatController::isChangeRequest(const QString& prompt)
{
    static const QRegularExpression kChange(
        QStringLiteral("^\\s*(same|make|add|more|less|now|transpose|double|half|change|give|try|harder|softer|darker|brighter|"
                       "busier|simpler|faster|slower|remove|drop|swap|turn|put|a b section|b section)\\b|\\b(same|but|fill|instead)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return kChange.match(prompt).hasMatch();
}

std::uint64_t ChatController::freshSeed()
{
    return static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch()) * 1000 + ++m_seedCounter;
}

std::vector<model::TakeId> ChatController::ask(const QString& prompt)
{
    const model::Take* active = m_document->activeTake();
    std::optional<model::TakeId> parent;
    if (active && active->plan.noteCount() > 0 && isChangeRequest(prompt))
        parent = active->id;
    return reply(prompt, engine::generate::promptSeed(prompt.toStdString()), parent, 0, true);
}

void ChatController::tryAgain(int messageIndex, bool more)
{
    const auto& chat = m_document->project().chat;
    if (messageIndex < 0 || messageIndex >= static_cast<int>(chat.size()) || chat[static_cast<std::size_t>(messageIndex)].takes.empty())
        return;
    const model::Take* first = m_document->project().findTake(chat[static_cast<std::size_t>(messageIndex)].takes.front());
    if (!first)
        return;
    const QString prompt = QString::fromStdString(first->provenance.prompt);
    reply(prompt, freshSeed(), first->provenance.parentTake, more ? 3 : 0, false);
}

// One exchange: the prompt (if echoed), the takes, the reply; one undo step.
std::vector<model::TakeId> ChatController::reply(const QString& prompt, std::uint64_t seed, std::optional<model::TakeId> parent,
                                                 int candidates, bool echoPrompt)
{
    namespace gen = engine::generate;
    std::vector<model::Take> takes;
    QStringList lines;   // "chip: ..." lines first, then prose
    const std::string words = prompt.toStdString();
    if (parent) {
        const model::Take* from = m_document->project().findTake(*parent);
        const int count = std::max(1, candidates);
        for (int i = 0; from && i < count; ++i) {
            std::vector<std::string> changes;
            auto varied = gen::varyTake(*from, words, seed + static_cast<std::uint64_t>(i), &changes);
            if (!varied) {
                parent.reset();   // nothing in it is a change we know: treat it as a new request
                takes.clear();
                break;
            }
            if (i == 0)
                for (const std::string& c : changes)
                    lines << QStringLiteral("chip: ") + QString::fromStdString(c);
            takes.push_back(std::move(*varied));
        }
        if (parent)
            lines << tr("A variation of %1.").arg(QString::fromStdString(from->name));
    }
    if (!parent) {
        const gen::Interpretation understood = gen::interpret(words, seed);
        if (!understood.ok()) {
            lines << QString::fromStdString(understood.problems.front());
        } else {
            gen::Brief brief = understood.brief;
            if (candidates > 0)
                brief.candidates = candidates;
            for (const std::string& u : understood.understood)
                lines << QStringLiteral("chip: ") + QString::fromStdString(u);
            if (!understood.unrecognised.empty())
                lines << tr("Not understood: %1").arg(QString::fromStdString([&] {
                    std::string all;
                    for (const std::string& w : understood.unrecognised)
                        all += (all.empty() ? "" : ", ") + w;
                    return all;
                }()));
            auto generated = gen::generate(brief, words);
            if (generated)
                takes = std::move(*generated);
            else
                lines << QString::fromStdString(generated.error().message);
        }
    }
    if (!takes.empty())
        lines << tr("%n take(s) from the offline generator; the first one is playing.", nullptr, static_cast<int>(takes.size()));

    QUndoStack* undo = m_document->undoStack();
    undo->beginMacro(tr("Chat: %1").arg(prompt.left(40)));
    if (echoPrompt) {
        model::ChatMessage question;
        question.role = model::ChatMessage::Role::User;
        question.text = words;
        question.createdUtc = nowUtc();
        m_document->submit(model::ChatEdit{static_cast<int>(m_document->project().chat.size()), true, question}, tr("Prompt"));
    }
    // A new project's empty placeholder take gives way to the first real ones.
    const model::Project& project = m_document->project();
    const bool placeholder = !takes.empty() && project.takes.size() == 1 && project.takes.front().plan.noteCount() == 0 &&
                             project.takes.front().provenance.provider == "user";
    const model::TakeId placeholderId = placeholder ? project.takes.front().id : 0;
    std::vector<model::TakeId> ids;
    for (model::Take& take : takes) {
        take.id = m_document->project().nextTakeId();
        take.provenance.createdUtc = nowUtc();
        ids.push_back(take.id);
        m_document->addTake(std::move(take), tr("Add take"));
    }
    if (!ids.empty())
        m_document->activateTake(ids.front());
    if (placeholder)
        m_document->removeTake(placeholderId);
    model::ChatMessage answer;
    answer.role = model::ChatMessage::Role::Assistant;
    answer.text = lines.join(QLatin1Char('\n')).toStdString();
    answer.createdUtc = nowUtc();
    answer.takes = ids;
    m_document->submit(model::ChatEdit{static_cast<int>(m_document->project().chat.size()), true, answer}, tr("Reply"));
    undo->endMacro();
    return ids;
}

} // namespace pianola::app
