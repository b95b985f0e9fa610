// SPDX-License-Identifier: MIT
// One generation request, for the chat dock and pianola-cli alike: prompt (+ parent take) to
// validated takes through an LLM, with the repair loop and the offline fallback.
#pragma once

#include "engine/llm/Provider.h"
#include "engine/llm/ProviderConfig.h"
#include "engine/llm/Reply.h"
#include "engine/llm/Scope.h"
#include "engine/llm/TakeContext.h"
#include "model/Project.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <QObject>
#include <QString>
#include <string>
#include <vector>

namespace pianola::engine::llm {

class KeySource;

enum class ReplyMode {
    Brief, ///< the LLM fills the generator's brief; the offline generator writes the notes
    Notes  ///< the LLM writes the whole plan; validated, then checked against ReplyLimits
};

struct GenerationRequest
{
    std::string prompt;
    std::optional<model::Take> parent;     ///< a variation of this take ("same but darker")
    std::vector<TrackSelection> selection; ///< notes of the parent the user selected
    ReplyMode mode = ReplyMode::Brief;
    int candidates = 1;                ///< brief mode: takes to make (1..16), 0 = as many as the
                                       ///< prompt names (else the brief's default); notes: 1
    std::optional<std::uint64_t> seed; ///< brief mode; default: the prompt's hash
    ReplyLimits limits;
    RequestScope scope; ///< the part and bars of the parent asked about (positional init: keep
                        ///< the fields before it in order)
    /// Offline: the answer must change `parent` (the analysis panel's Apply); a line the engine
    /// can only read as a new song, or a change that alters nothing, is an error saying so.
    bool changeOnly = false;
};

struct GenerationProgress
{
    qint64 bytes = 0;      ///< received in this reply
    qint64 characters = 0; ///< reply text so far
    int notes = 0;         ///< notes mode: notes in the partial reply ("key" fields)
    int round = 1;         ///< 1 = first reply, 2-4 = corrections asked for (and a check repair)
    int attempt = 1;       ///< HTTP attempt of this round (retries)
    int retryInMs = 0;     ///< > 0: this attempt failed; attempt `attempt` starts in that time
    int maxAttempts = 1;
    std::string retryReason; ///< why the last attempt failed (redacted), when retryInMs > 0
    std::string understood;  ///< brief mode: what the brief says so far ("lo-fi, A minor, 78 bpm")
};

struct GenerationResult
{
    std::vector<model::Take> takes; ///< ids 0 (the project assigns them); provenance set
    std::string explanation;        ///< what was made, for the chat
    bool fellBack = false;          ///< the offline generator made the takes instead
    std::string fallbackReason;     ///< a sentence when fellBack
    int corrections = 0;            ///< replies sent back with their problems
    /// Each rejected reply in the user's words, with what was done: "the model said 900 bpm;
    /// asked again".
    std::vector<std::string> repairs;
    std::string provider, model; ///< as in the takes' provenance
    /// A sentence when a model's take failed a check of its words and the model was asked once
    /// to correct it: whether the corrected take passes, or is kept with its failures.
    std::string checkRepair;
    bool checkRepairFailed = false; ///< the take kept still fails a check
    // Offline answers only (offlineResult), for the chat's chips:
    bool variation = false;              ///< the takes vary request.parent
    std::string intent;                  ///< what the line was read as ("add part: bass")
    std::vector<std::string> understood; ///< what the interpreter understood, or the changes made
    std::vector<std::string> notUnderstood; ///< words of the prompt left unused
};

/// Lives on the GUI thread; all work is asynchronous. After start(), exactly one of finished()
/// or failed() follows. Only validated plans ever reach a take.
class Session : public QObject
{
    Q_OBJECT
public:
    /// The key is read from `keys` here, once; `keys` need not outlive the call.
    Session(ProviderConfig config, const KeySource& keys, QObject* parent = nullptr);
    ~Session() override;

    void start(GenerationRequest request);
    /// Stops the exchange; failed("Cancelled...", true) follows; nothing is kept.
    void cancel();
    bool busy() const { return m_busy; }
    const ProviderConfig& config() const { return m_config; }
    /// The maximum number of corrections asked for before the offline generator takes over.
    static constexpr int kMaxCorrections = 2;
    /// A model's valid reply whose takes all fail a check of the words is sent back once with
    /// the failed checks and their measured values (this many times at most).
    static constexpr int kMaxCheckRepairs = 1;

signals:
    void progressed(const pianola::engine::llm::GenerationProgress& progress);
    void finished(const pianola::engine::llm::GenerationResult& result);
    void failed(const QString& sentence, bool cancelled);

private:
    void startOffline();
    void onReplied(const QString& text, const QString& model);
    void onProgressed(qint64 bytes, qint64 characters, const QString& text);
    Result<GenerationResult> accept(const std::string& reply, const std::string& model) const;
    Result<GenerationResult> acceptInContext(const generate::Brief& brief,
                                             const GenerationResult& named) const;
    void askForCorrection(const QString& reply, const std::string& problems);
    void sendBack(const QString& reply, const QString& message);
    void checkTakes(GenerationResult& result) const;
    void askToMeetChecks(const QString& reply, GenerationResult result, const std::string& failed);
    void completeCheckRepair(std::optional<GenerationResult> repaired);
    void fallBack(const std::string& problems);
    void complete(GenerationResult result);
    void dropProvider();

    ProviderConfig m_config;
    QString m_apiKey;
    std::unique_ptr<Provider> m_provider;
    GenerationRequest m_request;
    Conversation m_conversation;
    int m_round = 1;
    std::vector<std::string> m_repairs; ///< GenerationResult::repairs so far
    /// The reply whose takes failed a check, while its correction is awaited.
    std::optional<GenerationResult> m_unrepaired;
    std::string m_failedChecks; ///< of m_unrepaired, as sent to the model
    int m_noteCount = 0;
    qint64 m_counted = 0;
    bool m_busy = false;
    quint64 m_generation = 0; // start() count: stale offline timers do nothing
};

/// The offline answer to a request, by the intent the line is read as (generate::readIntent,
/// with the parent as the playing take): a part added, regenerated, removed or locked in the
/// parent (generate::arrange; 4 candidates unless `candidates` says otherwise), a variation of
/// the parent (varyTake; 4 candidates unless `candidates` says otherwise, the first with the
/// seed, the others with mixSeed(seed, i) and another reading of what the words leave open,
/// fewer when a candidate would repeat an earlier one), else
/// interpret() + generate(). Takes made from a parent record it as their parent. Error: a line
/// nothing of which is understood (the message gives examples), one that asks only for sound
/// MIDI cannot carry (InvalidArgument, one sentence), a request that can change nothing (the
/// part is missing or locked), an impossible prompt, or (TooLarge) a change understood but too
/// big to make. Pure and synchronous.
Result<GenerationResult> offlineResult(const GenerationRequest& request);
/// True when the offline generator can make `line` as a change of `parent` (one candidate is
/// made to find out; `parent` is borrowed, not copied): what the analysis panel may suggest.
bool offlineCanChange(const std::string& line, const model::Take& parent);

/// LLM brief mode with a parent: whether the model's brief (its `intent`, else the reader's
/// reading of the line) asks for a new song rather than something in the parent. Error
/// (ValidationError, "intent.part: ...") when the model names an action on a part but no part.
Result<bool> briefStartsNewSong(const GenerationRequest& request, const generate::Brief& brief);

/// A model's brief answered in the parent's context: its intent (else the reader's) as
/// offlineResult answers it, the brief's fields (genre, mood, density, complexity, chord colour,
/// swing, the part's program and register) for the part added or regenerated; the parent's
/// tempo, meter, key, length, chords and other tracks kept. A change is the offline variation of
/// the line. Errors as offlineResult.
Result<GenerationResult> briefInContext(const GenerationRequest& request,
                                        const generate::Brief& brief);

} // namespace pianola::engine::llm

Q_DECLARE_METATYPE(pianola::engine::llm::GenerationProgress)
Q_DECLARE_METATYPE(pianola::engine::llm::GenerationResult)
