// SPDX-License-Identifier: MIT
// The chat's offline engine.
#include "app/ChatController.h"

#include "engine/generate/Intent.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/PromptText.h"
#include "engine/llm/Secrets.h"
#include "engine/llm/Session.h"
#include "widgets/ChatDock.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>

namespace pianola::app {

namespace {
std::string nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
}
} // namespace

ChatController::ChatController(Document* document, widgets::ChatDock* dock, QObject* parent)
    : QObject(parent), m_document(document), m_dock(dock),
      m_keychain(new engine::llm::Keychain(QStringLiteral("Pianola"), this))
{
    namespace llm = engine::llm;
    connect(m_keychain, &llm::Keychain::keyRead, this,
            [this](llm::ProviderKind kind, const QString& key) { m_keys.setKey(kind, key); });
    connect(m_keychain, &llm::Keychain::failed, this,
            [](llm::ProviderKind kind, const QString& sentence) {
                qCInfo(lcLlm) << "keychain:"
                              << QString::fromStdString(std::string(llm::providerName(kind)))
                              << sentence;
            });
    readKeyIfNeeded();
    m_provider = QSettings().value("llm/provider", QStringLiteral("offline")).toString();
    m_progressTick = new QTimer(this);
    m_progressTick->setInterval(1000); // the elapsed seconds move while a reply is awaited
    connect(m_progressTick, &QTimer::timeout, this, &ChatController::showProgress);
    showProviders();
    connect(m_dock, &widgets::ChatDock::providerChanged, this, &ChatController::setProvider);
    connect(m_dock, &widgets::ChatDock::offlineRequested, this, &ChatController::useOffline);
    connect(m_dock, &widgets::ChatDock::cancelRequested, this, &ChatController::cancel);
    connect(m_dock, &widgets::ChatDock::promptSubmitted, this,
            [this](const QString& p) { ask(p); });
    connect(m_dock, &widgets::ChatDock::tryAgainRequested, this,
            [this](int i) { tryAgain(i, false); });
    connect(m_dock, &widgets::ChatDock::moreVariationsRequested, this,
            [this](int i) { tryAgain(i, true); });
    connect(m_dock, &widgets::ChatDock::takeClicked, m_document, &Document::activateTake);
    connect(m_document, &Document::edited, this, [this](const model::Edit& e) {
        if (model::contains<model::ChatEdit>(e) || model::contains<model::TakeSettingsEdit>(e))
            refresh();
    });
    connect(m_document, &Document::reset, this, &ChatController::refresh);
    refresh();
}

ChatController::~ChatController() = default;

void ChatController::setProvider(const QString& name)
{
    if (!engine::llm::providerKindFromName(name.toStdString())) return;
    m_provider = name;
    QSettings().setValue("llm/provider", name);
    readKeyIfNeeded();
    if (m_dock->provider() != name) showProviders();
}

// The dock's menu names each provider with the model it would ask ("Ollama · llama3.1:8b").
void ChatController::showProviders()
{
    QList<QPair<QString, QString>> providers{{tr("Offline generator"), QStringLiteral("offline")}};
    for (const auto& [name, key] : {std::pair{tr("OpenAI-compatible"), QStringLiteral("openai")},
                                    std::pair{tr("Anthropic"), QStringLiteral("anthropic")},
                                    std::pair{tr("Ollama"), QStringLiteral("ollama")}})
        providers.append({QStringLiteral("%1 · %2").arg(name, providerConfig(key).model), key});
    m_dock->setProviders(providers, m_provider);
}

// The keychain is asked only for a provider that needs a key the environment does not give
// (a keychain without a running secret service can take a while to say so).
void ChatController::readKeyIfNeeded()
{
    namespace llm = engine::llm;
    const auto kind = llm::providerKindFromName(m_provider.toStdString());
    if (!kind || (*kind != llm::ProviderKind::OpenAi && *kind != llm::ProviderKind::Anthropic) ||
        !llm::Keychain::compiledIn() || m_keychainAsked.count(*kind))
        return;
    if (!qEnvironmentVariableIsEmpty(
            llm::keyEnvName(providerConfig(m_provider)).toLocal8Bit().constData()))
        return;
    m_keychainAsked.insert(*kind);
    m_keychain->readKey(*kind);
}

engine::llm::ProviderConfig ChatController::providerConfig(const QString& name)
{
    namespace llm = engine::llm;
    const auto kind =
        llm::providerKindFromName(name.toStdString()).value_or(llm::ProviderKind::Offline);
    llm::ProviderConfig config = llm::defaultConfig(kind);
    QSettings settings;
    settings.beginGroup(QStringLiteral("llm/") + name);
    config.baseUrl = settings.value("baseUrl", config.baseUrl).toString();
    config.model = settings.value("model", config.model).toString();
    config.temperature = settings.value("temperature", config.temperature).toDouble();
    config.timeoutMs = settings.value("timeoutMs", config.timeoutMs).toInt();
    config.apiKeyEnv = settings.value("apiKeyEnv", config.apiKeyEnv).toString();
    return config;
}

void ChatController::storeKey(const QString& provider, const QString& key)
{
    const auto kind = engine::llm::providerKindFromName(provider.toStdString());
    if (!kind || key.isEmpty()) return;
    m_keys.setKey(*kind, key);
    m_keychain->writeKey(*kind, key);
}

bool ChatController::busy() const
{
    return m_session && m_session->busy();
}

void ChatController::cancel()
{
    if (busy()) m_session->cancel();
}

void ChatController::refresh()
{
    const model::Project& project = m_document->project();
    m_dock->setMessages(
        project.chat,
        [&project](model::TakeId id) {
            const model::Take* take = project.findTake(id);
            return take ? QString::fromStdString(take->name) : tr("(deleted take)");
        },
        [&project](model::TakeId id) {
            const model::Take* take = project.findTake(id);
            return take ? take->checks : std::vector<model::Check>{};
        });
}

bool ChatController::isChangeRequest(const QString& prompt, const model::Plan& playing)
{
    namespace gen = engine::generate;
    const auto roles = gen::inferPlanInfo(playing).roles;
    const gen::IntentKind kind = gen::readIntent(prompt.toStdString(), &roles).kind;
    return kind != gen::IntentKind::NewSong && kind != gen::IntentKind::Nonsense;
}

std::uint64_t ChatController::freshSeed()
{
    return static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch()) * 1000 + ++m_seedCounter;
}

std::vector<model::TakeId> ChatController::ask(const QString& prompt)
{
    if (busy()) return {};
    if (auto work =
            m_chordWork ? m_chordWork(prompt) : std::nullopt) { // the chord track's own words
        echo(prompt);
        model::ChatMessage reply;
        reply.text = work->reply.toStdString();
        reply.understood = {work->chip};
        return commitReply(prompt, std::move(work->takes), std::move(reply), std::move(work->edit));
    }
    const model::Take* active = m_document->activeTake();
    std::optional<model::TakeId> parent;
    if (active && active->plan.noteCount() > 0 &&
        (m_provider == QLatin1String("offline") || isChangeRequest(prompt, active->plan)))
        parent = active->id; // offline, the one reader (engine::generate::readIntent) decides
    const engine::llm::RequestScope scope =
        parent && m_scopeOf ? m_scopeOf() : engine::llm::RequestScope{};
    echo(prompt);
    if (m_provider == QLatin1String("offline")) {
        askOffline(prompt, engine::generate::promptSeed(prompt.toStdString()), parent, 0, scope);
        return m_document->project().chat.back().takes;
    }
    askModel(prompt, parent, 0, scope);
    return {};
}

std::vector<model::TakeId> ChatController::applySuggestion(const QString& request,
                                                           model::TakeId take)
{
    if (busy()) return {};
    echo(request);
    const model::Take* analysed = m_document->project().findTake(take);
    if (!analysed || analysed->plan.noteCount() == 0) {
        const QString why =
            analysed ? tr("The analysed take \"%1\" has no notes to change; nothing was changed.")
                           .arg(QString::fromStdString(analysed->name))
                     : tr("The analysed take is no longer in the project; nothing was changed.");
        emit replied(commitReply(request, {}, replyMessage({why})));
        return {};
    }
    askOffline(request, engine::generate::promptSeed(request.toStdString()), take, 0, {}, true);
    return m_document->project().chat.back().takes;
}

std::vector<model::TakeId> ChatController::regenerate(engine::llm::RequestScope scope,
                                                      const QString& label)
{
    const model::Take* active = m_document->activeTake();
    if (busy() || !active || active->plan.noteCount() == 0) return {};
    scope.regenerate = true;
    const QString prompt = QStringLiteral("regenerate"); // read by the engine, not shown
    echo(tr("Regenerate: %1").arg(label));
    if (m_provider == QLatin1String("offline")) {
        askOffline(prompt, freshSeed(), active->id, 0, scope);
        return m_document->project().chat.back().takes;
    }
    askModel(prompt, active->id, 0, scope);
    return {};
}

// The prompt a reply without takes answered (an error, Cancel): the user's message before it.
QString ChatController::promptBefore(int messageIndex) const
{
    const auto& chat = m_document->project().chat;
    for (int i = std::min(messageIndex, static_cast<int>(chat.size())) - 1; i >= 0; --i)
        if (chat[static_cast<std::size_t>(i)].role == model::ChatMessage::Role::User)
            return QString::fromStdString(chat[static_cast<std::size_t>(i)].text);
    return {};
}

void ChatController::useOffline(int messageIndex)
{
    setProvider(QStringLiteral("offline"));
    showProviders();
    if (const QString prompt = promptBefore(messageIndex); !prompt.isEmpty() && !busy())
        ask(prompt);
}

void ChatController::tryAgain(int messageIndex, bool more)
{
    const auto& chat = m_document->project().chat;
    if (busy() || messageIndex < 0 || messageIndex >= static_cast<int>(chat.size())) return;
    if (chat[static_cast<std::size_t>(messageIndex)]
            .takes.empty()) { // after an error or Cancel: the same words again
        if (const QString prompt = promptBefore(messageIndex); !prompt.isEmpty()) ask(prompt);
        return;
    }
    const model::Take* first =
        m_document->project().findTake(chat[static_cast<std::size_t>(messageIndex)].takes.front());
    if (!first) return;
    const QString prompt = QString::fromStdString(first->provenance.prompt);
    const std::optional<model::TakeId> parent = first->provenance.parentTake;
    const auto scoped = m_scopes.find(first->id);
    const engine::llm::RequestScope scope =
        scoped != m_scopes.end() ? scoped->second : engine::llm::RequestScope{};
    if (m_provider == QLatin1String("offline") || first->provenance.provider == "offline")
        askOffline(prompt, freshSeed(), parent, more ? 3 : 0, scope);
    else
        askModel(prompt, parent, more ? 3 : 0, scope);
}

void ChatController::echo(const QString& prompt)
{
    model::ChatMessage question;
    question.role = model::ChatMessage::Role::User;
    question.text = prompt.toStdString();
    question.createdUtc = nowUtc();
    m_document->submit(
        model::ChatEdit{static_cast<int>(m_document->project().chat.size()), true, question},
        tr("Prompt"));
}

// The offline generator (engine::llm::offlineResult): variations of the parent if the words name
// changes it knows, else a new brief. Synchronous: it takes milliseconds.
void ChatController::askOffline(const QString& prompt, std::uint64_t seed,
                                std::optional<model::TakeId> parent, int candidates,
                                const engine::llm::RequestScope& scope, bool changeOnly)
{
    namespace llm = engine::llm;
    llm::GenerationRequest request;
    request.prompt = prompt.toStdString();
    request.seed = seed;
    request.candidates = candidates; // 0: as many as the prompt names
    request.changeOnly = changeOnly;
    const model::Take* from = parent ? m_document->project().findTake(*parent) : nullptr;
    if (from) {
        request.parent = *from;
        request.scope = scope;
    }
    std::vector<model::Take> takes;
    model::ChatMessage reply;
    QStringList lines;
    if (auto result = llm::offlineResult(request); !result) {
        lines << QString::fromStdString(result.error().message);
    } else {
        reply.understood = result->understood;
        if (!result->intent.empty()) // the intent read comes first ("add part: drums")
            reply.understood.insert(reply.understood.begin(), result->intent);
        reply.notUnderstood = result->notUnderstood;
        if (result->variation && from)
            lines << tr("A variation of %1.").arg(QString::fromStdString(from->name));
        takes = std::move(result->takes);
    }
    if (takes.size() == 1)
        lines << tr("1 take from the offline generator.");
    else if (!takes.empty())
        lines << tr("%1 takes from the offline generator.").arg(takes.size());
    if (!takes.empty()) lines << whereItIs(takes.size());
    reply.text = lines.join(QLatin1Char('\n')).toStdString();
    const auto ids = commitReply(prompt, std::move(takes), std::move(reply));
    if (!ids.empty() && request.scope.narrowed()) m_scopes[ids.front()] = request.scope;
    emit replied(ids);
}

// A language model, asynchronously: progress in the dock, Cancel, then modelFinished/Failed.
void ChatController::askModel(const QString& prompt, std::optional<model::TakeId> parent,
                              int candidates, const engine::llm::RequestScope& scope)
{
    namespace llm = engine::llm;
    llm::GenerationRequest request;
    request.prompt = prompt.toStdString();
    if (parent)
        if (const model::Take* from = m_document->project().findTake(*parent)) {
            request.parent = *from;
            request.scope = scope;
        }
    m_pendingScope = request.scope;
    request.mode = QSettings().value("llm/mode").toString() == QLatin1String("notes")
                       ? llm::ReplyMode::Notes
                       : llm::ReplyMode::Brief;
    request.candidates =
        request.mode == llm::ReplyMode::Brief ? std::max(1, candidates > 0 ? candidates : 4) : 1;
    m_session = std::make_unique<llm::Session>(providerConfig(m_provider), m_keys);
    m_pendingPrompt = prompt;
    connect(m_session.get(), &llm::Session::progressed, this,
            [this](const llm::GenerationProgress& p) {
                m_progress = progressText(p);
                showProgress();
            });
    connect(m_session.get(), &llm::Session::finished, this, &ChatController::modelFinished);
    connect(m_session.get(), &llm::Session::failed, this, &ChatController::modelFailed);
    m_progress = tr("waiting for the first words");
    m_clock.start();
    m_progressTick->start();
    showProgress();
    m_session->start(std::move(request));
}

// "gpt-4o-mini · 12 s · understood so far: lo-fi, A minor, 78 bpm", or while a retry waits
// "the server failed (502); retrying in 2 s, 2 of 3".
QString ChatController::progressText(const engine::llm::GenerationProgress& p) const
{
    if (p.retryInMs > 0)
        return tr("%1; retrying in %2 s, %3 of %4")
            .arg(QString::fromStdString(p.retryReason)
                     .remove(QRegularExpression(QStringLiteral("\\.$"))))
            .arg((p.retryInMs + 999) / 1000)
            .arg(p.attempt)
            .arg(p.maxAttempts);
    QString text = !p.understood.empty()
                       ? tr("understood so far: %1").arg(QString::fromStdString(p.understood))
                   : p.notes == 1 ? tr("receiving: 1 note so far")
                   : p.notes > 1  ? tr("receiving: %1 notes so far").arg(p.notes)
                                  : tr("receiving: %1 characters").arg(p.characters);
    if (p.round > 1) text = tr("correction %1: %2").arg(p.round - 1).arg(text);
    return text;
}

void ChatController::showProgress()
{
    if (!m_session) return m_progressTick->stop();
    const QString model = m_session ? m_session->config().model : QString();
    m_dock->setBusy(true,
                    tr("%1 · %2 s · %3").arg(model).arg(m_clock.elapsed() / 1000).arg(m_progress));
}

void ChatController::modelFinished(const engine::llm::GenerationResult& result)
{
    m_progressTick->stop();
    m_dock->setBusy(false);
    QStringList lines;
    for (const QString& line :
         QString::fromStdString(result.explanation).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        lines << line;
    for (const std::string& repair : result.repairs) // "the model said 900 bpm; asked again"
        lines << tr("Corrected: %1.").arg(QString::fromStdString(repair));
    if (result.fellBack) lines << QString::fromStdString(result.fallbackReason);
    if (!result.checkRepair.empty()) // asked once to meet its failed checks, and how it went
        lines << QString::fromStdString(result.checkRepair);
    if (!result.takes.empty())
        for (const model::Check& c : result.takes.front().checks)
            if (!c.pass) // the reply contradicts the words: say so
                lines << tr("Not as you asked: %1 — you asked %2, the take has %3.")
                             .arg(QString::fromStdString(c.name), QString::fromStdString(c.asked),
                                  QString::fromStdString(c.measured));
    const QString source = QStringLiteral("%1 (%2)").arg(QString::fromStdString(result.provider),
                                                         QString::fromStdString(result.model));
    lines << (result.takes.size() == 1
                  ? tr("1 take from %1.").arg(source)
                  : tr("%1 takes from %2.").arg(result.takes.size()).arg(source));
    if (!result.takes.empty()) lines << whereItIs(result.takes.size());
    std::vector<model::Take> takes = result.takes;
    m_session.release()->deleteLater(); // we are inside its signal
    const auto ids = commitReply(m_pendingPrompt, std::move(takes), replyMessage(lines));
    if (!ids.empty() && m_pendingScope.narrowed()) m_scopes[ids.front()] = m_pendingScope;
    emit replied(ids);
}

void ChatController::modelFailed(const QString& sentence, bool cancelled)
{
    m_progressTick->stop();
    m_dock->setBusy(false);
    m_session.release()->deleteLater();
    model::ChatMessage reply =
        replyMessage({cancelled ? tr("Cancelled; nothing was kept.") : sentence});
    reply.status =
        cancelled ? model::ChatMessage::Status::Cancelled : model::ChatMessage::Status::Failed;
    emit replied(commitReply(m_pendingPrompt, {}, std::move(reply)));
}

// Said only of what is heard: the transport keeps playing across the switch to the reply's
// first take, so it plays now; stopped, it waits for Space; on the silent clock nothing sounds.
QString ChatController::whereItIs(std::size_t takes) const
{
    using Heard = PlaybackController::Heard;
    const Heard heard = m_heard ? m_heard() : Heard::Stopped;
    const bool one = takes == 1;
    switch (heard) {
    case Heard::Playing:
        return one ? tr("It is playing now.") : tr("The first one is playing now.");
    case Heard::Silent:
        return one ? tr("It is in the editor; the transport runs, but nothing sounds (no audio "
                        "device or MIDI output: see Preferences).")
                   : tr("The first one is in the editor; the transport runs, but nothing sounds "
                        "(no audio device or MIDI output: see Preferences).");
    case Heard::Stopped:
        break;
    }
    return one ? tr("It is in the editor, ready — press Space to play.")
               : tr("The first one is in the editor, ready — press Space to play.");
}

model::ChatMessage ChatController::replyMessage(const QStringList& lines)
{
    model::ChatMessage reply;
    reply.text = lines.join(QLatin1Char('\n')).toStdString();
    return reply;
}

// The reply with its takes as one composite edit (one undo step, one notification): the takes
// are added with the first one active, a new project's empty placeholder take gives way, and
// the reply message names the takes.
std::vector<model::TakeId> ChatController::commitReply(const QString& prompt,
                                                       std::vector<model::Take> takes,
                                                       model::ChatMessage reply,
                                                       std::optional<model::Edit> first)
{
    const model::Project& project = m_document->project();
    const bool placeholder = !takes.empty() && project.takes.size() == 1 &&
                             project.takes.front().plan.noteCount() == 0 &&
                             project.takes.front().provenance.provider == "user";
    model::CompositeEdit edit;
    if (first) edit.edits.push_back(std::move(*first));
    std::vector<model::TakeId> ids;
    model::TakeId next = project.nextTakeId();
    for (model::Take& take : takes) {
        take.id = next++;
        if (take.provenance.createdUtc.empty()) take.provenance.createdUtc = nowUtc();
        ids.push_back(take.id);
        model::TakeListEdit add = m_document->addTakeEdit(std::move(take), ids.front());
        add.index += static_cast<int>(ids.size()) - 1; // after the ones added before it
        edit.edits.push_back(std::move(add));
    }
    if (placeholder)
        edit.edits.push_back(
            model::TakeListEdit{0, false, project.takes.front(), ids.front(), ids.front()});
    reply.role = model::ChatMessage::Role::Assistant;
    reply.createdUtc = nowUtc();
    reply.takes = ids;
    edit.edits.push_back(
        model::ChatEdit{static_cast<int>(project.chat.size()), true, std::move(reply)});
    m_document->submit(std::move(edit), tr("Chat: %1").arg(prompt.left(40)));
    return ids;
}

} // namespace pianola::app
