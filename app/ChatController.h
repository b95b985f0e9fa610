// SPDX-License-Identifier: MIT
// Turns chat prompts into takes, through the provider chosen in the dock: the built-in offline
// generator (engine::llm::offlineResult: one reader decides whether a line asks for a new song, a
// part added or regenerated in the playing take, or a change to it), or a language model through
// engine::llm::Session (brief or notes mode, validated replies, repair loop, offline fallback),
// asynchronously with progress and Cancel. The prompt is one undo step, the reply with its takes
// another (one composite edit).
#pragma once

#include "app/ChordActions.h"
#include "app/Document.h"
#include "app/PlaybackController.h"
#include "engine/llm/Keychain.h"
#include "engine/llm/Scope.h"

#include <functional>
#include <map>
#include <memory>
#include <QElapsedTimer>
#include <QObject>
#include <set>

namespace pianola::widgets {
class ChatDock;
}
class QTimer;
namespace pianola::engine::llm {
class Session;
struct GenerationProgress;
struct GenerationResult;
struct ProviderConfig;
} // namespace pianola::engine::llm

namespace pianola::app {

class ChatController : public QObject
{
    Q_OBJECT
public:
    ChatController(Document* document, widgets::ChatDock* dock, QObject* parent = nullptr);
    ~ChatController() override;

    /// Answers `prompt` (as if typed). With the offline provider the reply is there on return
    /// and its takes are returned; with a language model the reply comes later (replied()).
    std::vector<model::TakeId> ask(const QString& prompt);
    /// Where ask() reads the scope of the active take (the dock's scope line: a track and bars
    /// the user chose); without one, prompts apply to the whole take.
    void setScopeSource(std::function<engine::llm::RequestScope()> source)
    {
        m_scopeOf = std::move(source);
    }
    /// Where ask() first offers a line as chord work (ChordActions::chatRequest): handled lines
    /// get their reply without the generator or a language model.
    void
    setChordRequests(std::function<std::optional<ChordActions::ChatWork>(const QString&)> reader)
    {
        m_chordWork = std::move(reader);
    }
    /// Where replies read what is heard when they arrive, to say whether their take plays
    /// ("it is playing now") or is ready ("press Space to play"); without one, it is ready.
    void setHeardSource(std::function<PlaybackController::Heard()> source)
    {
        m_heard = std::move(source);
    }
    /// Regenerates `scope` of the active take without a prompt (the Regenerate actions): a reply
    /// like a chat reply, its takes' parent the active take. `label` names the scope in the chat.
    std::vector<model::TakeId> regenerate(engine::llm::RequestScope scope, const QString& label);
    /// The analysis panel's Apply: `request` made as a change of take `take` (the analysed one)
    /// by the offline engine, whatever the dock's provider (its suggestions are what that engine
    /// can do): child takes of `take`, the first one active. A request the engine can only read
    /// as a new song, or a take that is gone, gets a reply saying why and no takes.
    std::vector<model::TakeId> applySuggestion(const QString& request, model::TakeId take);
    /// True when `prompt`, said while `playing` is the active take, asks for something in it
    /// (a part added, regenerated, removed or locked, or a change) rather than for a new song:
    /// read by engine::generate::readIntent, the one reader of chat lines.
    static bool isChangeRequest(const QString& prompt, const model::Plan& playing);
    /// "offline", "openai", "anthropic", "ollama" (QSettings "llm/provider").
    QString provider() const { return m_provider; }
    void setProvider(const QString& name);
    /// Names the providers in the dock's menu with the model each would ask (after Preferences).
    void showProviders();
    /// The settings of a provider: its defaults, then QSettings "llm/<name>/baseUrl", "model",
    /// "temperature", "timeoutMs", "apiKeyEnv".
    static engine::llm::ProviderConfig providerConfig(const QString& name);
    bool busy() const;
    void cancel();
    /// The API keys: the environment wins, else what the system keychain gave at start.
    const engine::llm::KeySource& keys() const { return m_keys; }
    /// Stores a key in the system keychain (and uses it from now on).
    void storeKey(const QString& provider, const QString& key);

signals:
    /// A reply is in the chat, with the takes it added (none after an error).
    void replied(const std::vector<pianola::model::TakeId>& takes);

public slots:
    void refresh();

private:
    void tryAgain(int messageIndex, bool more);
    void askOffline(const QString& prompt, std::uint64_t seed, std::optional<model::TakeId> parent,
                    int candidates, const engine::llm::RequestScope& scope,
                    bool changeOnly = false);
    void askModel(const QString& prompt, std::optional<model::TakeId> parent, int candidates,
                  const engine::llm::RequestScope& scope);
    void modelFinished(const engine::llm::GenerationResult& result);
    QString progressText(const engine::llm::GenerationProgress& p) const;
    void showProgress();
    QString promptBefore(int messageIndex) const;
    void useOffline(int messageIndex);
    void modelFailed(const QString& sentence, bool cancelled);
    void echo(const QString& prompt);
    std::vector<model::TakeId> commitReply(const QString& prompt, std::vector<model::Take> takes,
                                           model::ChatMessage reply,
                                           std::optional<model::Edit> first = std::nullopt);
    static model::ChatMessage replyMessage(const QStringList& lines);
    /// The reply's last line: whether its (first) take plays now, of `takes` made.
    QString whereItIs(std::size_t takes) const;
    std::uint64_t freshSeed();

    Document* m_document;
    widgets::ChatDock* m_dock;
    QString m_provider = QStringLiteral("offline");
    std::unique_ptr<engine::llm::Session> m_session;
    QString m_pendingPrompt;
    QString m_progress;    ///< what the reply says so far (the progress line's last part)
    QElapsedTimer m_clock; ///< since the request was sent
    QTimer* m_progressTick = nullptr;
    engine::llm::RequestScope m_pendingScope;
    std::function<std::optional<ChordActions::ChatWork>(const QString&)> m_chordWork;
    std::function<engine::llm::RequestScope()> m_scopeOf;
    std::function<PlaybackController::Heard()> m_heard;
    std::map<model::TakeId, engine::llm::RequestScope>
        m_scopes; ///< of narrowed replies' first takes (Try again)
    std::uint64_t m_seedCounter = 0;
    engine::llm::StoredKeySource m_keys;
    engine::llm::Keychain* m_keychain;
    std::set<engine::llm::ProviderKind> m_keychainAsked;
    void readKeyIfNeeded();
};

} // namespace pianola::app
