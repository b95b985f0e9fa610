// SPDX-License-Identifier: MIT
// Session: reply -> validation -> takes, with corrections and the offline fallback.
#include "engine/llm/Session.h"

#include "engine/analysis/AskedFromWords.h"
#include "engine/analysis/Checklist.h"
#include "engine/generate/Generator.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/PromptText.h"
#include "engine/generate/Random.h"
#include "engine/generate/Variation.h"
#include "engine/llm/Instructions.h"
#include "engine/llm/ReplyScope.h"
#include "engine/llm/Secrets.h"
#include "model/Text.h"

#include <algorithm>
#include <cctype>
#include <QDateTime>
#include <QTimer>

namespace pianola::engine::llm {

namespace gen = engine::generate;

namespace {
constexpr qsizetype kMaxEchoedReply = 64 << 10;  // a longer bad reply is not sent back whole
constexpr qsizetype kMaxProblemChars = 16 << 10; // the problems of one reply, as text
constexpr qsizetype kMaxModelChars = 100;
constexpr std::size_t kMaxTakeNameBytes = 60;

// `bytes` with every occurrence of the key (and its head and tail) replaced: for event data
// that is not text.
void redactBytes(std::string& bytes, const QString& key)
{
    if (key.size() < 4) return;
    const std::string k = key.toStdString();
    for (const std::string& part : {k, key.size() >= 12 ? key.left(8).toStdString() : k,
                                    key.size() >= 12 ? key.right(6).toStdString() : k})
        for (std::size_t at; (at = bytes.find(part)) != std::string::npos;)
            bytes.replace(at, part.size(), "[redacted]");
}

// The texts of a plan the model wrote (track names, text and marker events, sysex) may echo a
// key, and names may carry control characters: they are made safe before the plan is a take.
void makeSafe(model::Plan& plan, const QString& key)
{
    auto events = [&](std::vector<model::RawEvent>& list) {
        for (model::RawEvent& e : list)
            if (!e.sysex && model::isValidUtf8(e.data))
                e.data = redactSecrets(QString::fromStdString(e.data), key).toStdString();
            else
                redactBytes(e.data, key);
    };
    events(plan.globalEvents);
    for (model::Track& t : plan.tracks) {
        t.name = untrustedText(t.name, key, qsizetype(t.name.size()) + 16);
        events(t.rawEvents);
    }
}

int clampCandidates(int n)
{
    return std::clamp(n, 1, gen::Brief::kMaxCandidates);
}

// The first `n` lines of a problem list, for a sentence.
std::string firstLines(const std::string& text, int n)
{
    std::size_t end = 0;
    for (int i = 0; i < n && end != std::string::npos; ++i)
        end = text.find('\n', end ? end + 1 : 0);
    std::string head = text.substr(0, end);
    std::replace(head.begin(), head.end(), '\n', ';');
    return head + (end == std::string::npos ? "" : "; ...");
}

void stamp(model::Take& take, const GenerationRequest& r, const std::string& provider,
           const std::string& modelName)
{
    take.provenance.prompt = r.prompt;
    take.provenance.provider = provider;
    take.provenance.model = modelName;
    if (r.parent) take.provenance.parentTake = r.parent->id;
}

// The words of a change without the filler before them: "same but darker" -> "darker".
std::string_view changeWords(std::string_view prompt)
{
    for (bool cut = true; cut;) {
        cut = false;
        while (!prompt.empty() && (prompt.front() == ' ' || prompt.front() == ','))
            prompt.remove_prefix(1);
        for (std::string_view filler : {"the same but ", "same but ", "same, but ", "but ", "and ",
                                        "now ", "make it ", "please "})
            if (prompt.size() > filler.size() &&
                std::equal(filler.begin(), filler.end(), prompt.begin(), [](char a, char b) {
                    return a == std::tolower(static_cast<unsigned char>(b));
                })) {
                prompt.remove_prefix(filler.size());
                cut = true;
            }
    }
    return prompt;
}

// A model's takes are named by their source and what they are: a new song by the model
// ("gpt-4o-mini 2/4"), a change by its words ("Darker 2/4"); the chain stays in provenance
// (parentTake), never in the name.
void nameModelTakes(std::vector<model::Take>& takes, const GenerationRequest& r,
                    const std::string& modelName)
{
    const std::size_t n = takes.size();
    const std::string base =
        r.parent ? gen::takeStepName(changeWords(r.prompt))
                 : model::cutUtf8(modelName.empty() ? std::string("Model") : modelName, 40, "…");
    for (std::size_t i = 0; i < n; ++i)
        takes[i].name = n > 1 ? base + " " + std::to_string(i + 1) + "/" + std::to_string(n) : base;
}

// The take passing the largest share of its checks (the first on a tie).
const model::Take* bestChecked(const std::vector<model::Take>& takes)
{
    const model::Take* best = nullptr;
    double bestShare = -1;
    for (const model::Take& t : takes) {
        const double share =
            t.checks.empty() ? 1.0
                             : double(analysis::passedChecks(t.checks)) / double(t.checks.size());
        if (share > bestShare) best = &t, bestShare = share;
    }
    return best;
}

// "key: asked A minor, measured C major; tempo: asked 80 bpm, measured 120 bpm" for the failed
// checks of the best take; empty when it passes them all (or there is no take).
std::string failedChecks(const std::vector<model::Take>& takes)
{
    const model::Take* best = bestChecked(takes);
    std::string text;
    if (best)
        for (const model::Check& c : best->checks)
            if (!c.pass)
                text += (text.empty() ? "" : "; ") + c.name + ": asked " + c.asked + ", measured " +
                        c.measured;
    return text;
}

int failedCount(const GenerationResult& r)
{
    const model::Take* best = bestChecked(r.takes);
    return best ? int(best->checks.size()) - analysis::passedChecks(best->checks) : 0;
}

} // namespace

Session::Session(ProviderConfig config, const KeySource& keys, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_apiKey(keys.apiKey(m_config))
{}

Session::~Session()
{
    dropProvider();
}

void Session::dropProvider()
{
    if (!m_provider) return;
    m_provider->disconnect(this);
    m_provider->cancel();
    m_provider.release()->deleteLater(); // may be inside one of its own signals
}

void Session::start(GenerationRequest request)
{
    dropProvider();
    m_request = std::move(request);
    m_round = 1;
    m_repairs.clear();
    m_unrepaired.reset();
    m_failedChecks.clear();
    m_counted = 0;
    m_noteCount = 0;
    m_busy = true;
    const quint64 generation = ++m_generation;
    if (m_config.kind == ProviderKind::Offline) {
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_generation && m_busy) startOffline();
        });
        return;
    }
    m_provider = makeProvider(m_config, FixedKeySource(m_apiKey));
    connect(m_provider.get(), &Provider::progressed, this, &Session::onProgressed);
    connect(m_provider.get(), &Provider::retrying, this,
            [this](int delayMs, int next, int max, const QString& why) {
                GenerationProgress p;
                p.round = m_round;
                p.attempt = next;
                p.retryInMs = delayMs;
                p.maxAttempts = max;
                p.retryReason = why.toStdString();
                emit progressed(p);
            });
    connect(m_provider.get(), &Provider::replied, this, &Session::onReplied);
    connect(m_provider.get(), &Provider::failed, this, [this](const QString& s, bool cancelled) {
        m_busy = false;
        emit failed(s, cancelled);
    });
    m_conversation = initialConversation(m_request);
    qCInfo(lcLlm).noquote() << "request:" << providerName(m_config.kind).data()
                            << (m_request.mode == ReplyMode::Notes ? "notes" : "brief") << "mode";
    m_provider->send(m_conversation);
}

void Session::cancel()
{
    if (!m_busy) return;
    if (m_provider && m_provider->busy()) return m_provider->cancel(); // emits failed()
    m_busy = false;
    emit failed(QStringLiteral("Cancelled; nothing was kept."), true);
}

void Session::startOffline()
{
    auto result = offlineResult(m_request);
    if (!result) {
        m_busy = false;
        emit failed(QString::fromStdString(result.error().message), false);
        return;
    }
    complete(std::move(*result));
}

void Session::onProgressed(qint64 bytes, qint64 characters, const QString& text)
{
    if (text.size() < m_counted) { // a retry started the reply over
        m_counted = 0;
        m_noteCount = 0;
    }
    if (m_request.mode == ReplyMode::Notes) {
        // Only the new text (and the 4 characters before it, for a "key" split across chunks).
        const qsizetype from = std::max<qsizetype>(0, m_counted - 4);
        m_noteCount += countNoteKeys(text.mid(from).toStdString());
        m_counted = text.size();
    }
    GenerationProgress p;
    p.bytes = bytes;
    p.characters = characters;
    p.notes = m_noteCount;
    p.round = m_round;
    p.attempt = m_provider ? m_provider->attempts() : 1;
    p.maxAttempts = m_config.maxAttempts;
    if (m_request.mode == ReplyMode::Brief)
        p.understood = untrustedText(briefSoFar(text.left(8192).toStdString()), m_apiKey, 200);
    emit progressed(p);
}

Result<GenerationResult> Session::accept(const std::string& reply,
                                         const std::string& modelName) const
{
    GenerationResult result;
    result.provider = std::string(providerName(m_config.kind));
    result.model = modelName;
    if (m_request.mode == ReplyMode::Brief) {
        auto brief = parseBriefReply(reply);
        if (!brief) return brief.error();
        if (m_request.candidates > 0) brief->candidates = clampCandidates(m_request.candidates);
        brief->seed = m_request.seed.value_or(gen::promptSeed(m_request.prompt));
        auto fresh = briefStartsNewSong(m_request, *brief);
        if (!fresh) return fresh.error();
        if (!*fresh) return acceptInContext(*brief, result);
        auto takes = gen::generate(*brief, m_request.prompt);
        if (!takes) return takes.error();
        for (model::Take& t : *takes)
            stamp(t, m_request, result.provider, result.model);
        result.takes = std::move(*takes);
        result.explanation = modelName + " wrote this brief; the offline generator made " +
                             std::to_string(result.takes.size()) +
                             (result.takes.size() == 1 ? " take" : " takes") + " from it:\n" +
                             gen::describeBrief(*brief);
        return result;
    }
    auto plan = parsePlanReply(reply, m_request.limits);
    if (!plan) return plan.error();
    if (m_request.parent) // only what the line names changes, and nothing locked
        if (auto scoped = checkReplyScope(m_request.parent->plan, *plan, m_request.prompt); !scoped)
            return scoped.error();
    model::Take take;
    take.name = model::cutUtf8(m_request.prompt, kMaxTakeNameBytes);
    take.plan = std::move(*plan);
    makeSafe(take.plan, m_apiKey);
    stamp(take, m_request, result.provider, result.model);
    result.explanation = modelName + " wrote " + std::to_string(take.plan.noteCount()) +
                         " notes in " + std::to_string(take.plan.tracks.size()) +
                         (take.plan.tracks.size() == 1 ? " track." : " tracks.");
    result.takes.push_back(std::move(take));
    return result;
}

// A brief for the playing take: the part it describes written for the take (its tempo, meter,
// key, chords), the take's other tracks kept; the takes say which model read the line.
Result<GenerationResult> Session::acceptInContext(const gen::Brief& brief,
                                                  const GenerationResult& named) const
{
    auto answered = briefInContext(m_request, brief);
    if (!answered) return answered.error();
    GenerationResult result = std::move(*answered);
    result.provider = named.provider;
    result.model = named.model;
    for (model::Take& t : result.takes)
        stamp(t, m_request, result.provider, result.model);
    result.explanation = named.model + " read this as " + result.intent +
                         "; the offline generator wrote it for the take:";
    for (const std::string& c : result.understood)
        result.explanation += "\n" + c;
    return result;
}

void Session::onReplied(const QString& text, const QString& modelName)
{
    // The provider made the model name safe already; a Session trusts no network text.
    auto accepted = accept(text.toStdString(),
                           untrustedText(modelName, m_apiKey, kMaxModelChars).toStdString());
    if (accepted) {
        accepted->corrections = m_round - 1;
        checkTakes(*accepted);
        if (m_unrepaired) return completeCheckRepair(std::move(*accepted));
        if (std::string failed = failedChecks(accepted->takes); !failed.empty())
            return askToMeetChecks(text, std::move(*accepted), failed);
        return complete(std::move(*accepted));
    }
    if (m_unrepaired) return completeCheckRepair(std::nullopt); // the first takes stay
    // The problems quote the reply: redacted and bounded before they are logged, sent back,
    // shown or saved (fallbackReason).
    std::string problems =
        untrustedText(accepted.error().message, m_apiKey, kMaxProblemChars, true);
    if (m_provider->hitLengthLimit())
        problems += "\n(root): the reply stopped at the output limit (" +
                    std::to_string(m_config.maxTokens) +
                    " tokens) before its end; make it shorter (fewer bars, tracks or notes)";
    qCInfo(lcLlm).noquote() << "reply" << m_round
                            << "rejected:" << QString::fromStdString(firstLines(problems, 3));
    if (m_round <= kMaxCorrections) {
        m_repairs.push_back(problemInWords(problems) + "; asked again");
        return askForCorrection(text, problems);
    }
    m_repairs.push_back(problemInWords(problems) +
                        "; the offline generator made the takes instead");
    fallBack(problems);
}

void Session::askForCorrection(const QString& reply, const std::string& problems)
{
    sendBack(reply, correctionMessage(problems));
}

void Session::sendBack(const QString& reply, const QString& message)
{
    QString echoed = reply;
    if (echoed.size() > kMaxEchoedReply)
        echoed =
            echoed.left(kMaxEchoedReply) + QStringLiteral("\n(the rest of the reply left out)");
    m_conversation.turns.push_back({true, echoed});
    m_conversation.turns.push_back({false, message});
    ++m_round;
    m_counted = 0;
    m_noteCount = 0;
    m_provider->send(m_conversation);
}

// Each take without a checklist gets the one of the request's words, measured on its notes.
void Session::checkTakes(GenerationResult& result) const
{
    const analysis::Asked asked = analysis::askedFromWords(
        m_request.prompt, m_request.parent ? &m_request.parent->plan : nullptr);
    for (model::Take& t : result.takes)
        if (t.checks.empty()) t.checks = analysis::checkTake(t.plan, asked);
}

// A valid reply whose every take fails a check of the words: sent back once with the failed
// checks and what was measured; the takes are kept in case the correction does no better.
void Session::askToMeetChecks(const QString& reply, GenerationResult result,
                              const std::string& failed)
{
    qCInfo(lcLlm).noquote() << "reply" << m_round
                            << "fails checks:" << QString::fromStdString(failed);
    m_unrepaired = std::move(result);
    m_failedChecks = failed;
    sendBack(reply, checkRepairMessage(failed, m_request.mode == ReplyMode::Brief));
}

// The reply to the check repair: its takes when they pass more checks than the first ones,
// else the first ones; either way the result says what was asked and what came of it.
void Session::completeCheckRepair(std::optional<GenerationResult> repaired)
{
    GenerationResult first = std::move(*m_unrepaired);
    m_unrepaired.reset();
    const bool better = repaired && failedCount(*repaired) <= failedCount(first);
    GenerationResult kept = better ? std::move(*repaired) : std::move(first);
    kept.corrections = m_round - 1;
    const int failing = failedCount(kept);
    kept.checkRepairFailed = failing > 0;
    const std::string asked = "The take did not do what was asked (" + m_failedChecks +
                              "), so the model was asked once to correct it";
    kept.checkRepair =
        failing == 0 ? asked + "; the corrected take passes every check."
        : !repaired
            ? asked + ", but its corrected reply was not valid; the first take is kept "
                      "with its failures shown."
            : asked + ", but " + (better ? "the corrected" : "the first") + " take still fails " +
                  std::to_string(failing) + (failing == 1 ? " check" : " checks") +
                  "; it is kept with its failures shown.";
    complete(std::move(kept));
}

void Session::fallBack(const std::string& problems)
{
    auto result = offlineResult(m_request);
    if (!result) {
        m_busy = false;
        emit failed(QStringLiteral("The model's replies were not valid after %1 corrections (%2), "
                                   "and %3")
                        .arg(kMaxCorrections)
                        .arg(QString::fromStdString(firstLines(problems, 2)),
                             QString::fromStdString(result.error().message)),
                    false);
        return;
    }
    result->fellBack = true;
    result->corrections = kMaxCorrections;
    result->fallbackReason = "The model's replies were still not usable after " +
                             std::to_string(kMaxCorrections) + " corrections (" +
                             problemInWords(problems) +
                             "), so the offline generator made these takes from your words.";
    complete(std::move(*result));
}

void Session::complete(GenerationResult result)
{
    if (!result.fellBack && m_config.kind != ProviderKind::Offline)
        nameModelTakes(result.takes, m_request, result.model);
    result.repairs = m_repairs;
    const std::string now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    checkTakes(result); // LLM takes; offline ones have theirs
    for (model::Take& t : result.takes)
        if (t.provenance.createdUtc.empty()) t.provenance.createdUtc = now;
    m_busy = false;
    qCInfo(lcLlm).noquote() << "accepted" << result.takes.size() << "take(s) from"
                            << QString::fromStdString(result.provider)
                            << (result.fellBack ? "(offline fallback)" : "");
    emit finished(result);
}

} // namespace pianola::engine::llm
