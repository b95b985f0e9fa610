// SPDX-License-Identifier: MIT
// The offline answer to a chat line or CLI prompt: one reader decides what the line asks, then
// the arranger, the variation reader or the generator answers it.
#include "engine/analysis/AskedFromWords.h"
#include "engine/analysis/CandidateChecks.h"
#include "engine/analysis/Checklist.h"
#include "engine/generate/Arranger.h"
#include "engine/generate/Generator.h"
#include "engine/generate/Intent.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/PromptText.h"
#include "engine/generate/Random.h"
#include "engine/generate/Request.h"
#include "engine/generate/Variation.h"
#include "engine/llm/Session.h"
#include "model/Text.h"

#include <algorithm>
#include <cctype>

namespace pianola::engine::llm {

namespace gen = engine::generate;

namespace {
int clampCandidates(int n)
{
    return std::clamp(n, 1, gen::Brief::kMaxCandidates);
}

// The style the parent was made in, from its prompt ("lo-fi chords ..." -> lo-fi).
std::optional<gen::Genre> genreOf(const model::Take& take)
{
    gen::Interpretation heard;
    return gen::readRequest(take.provenance.prompt, heard).genre;
}

std::string notMidiChip(const std::vector<std::string>& phrases)
{
    std::string s = "not in MIDI: ";
    for (std::size_t i = 0; i < phrases.size(); ++i)
        s += (i ? ", " : "") + phrases[i];
    return s + " (sound for the synth or DAW)";
}

// A candidate's name: the step only ("Add drums 2/4"), never its parent's name before it.
std::string candidateName(std::string_view step, int i, int count)
{
    std::string name = gen::takeStepName(step);
    return count > 1 ? name + " " + std::to_string(i + 1) + "/" + std::to_string(count) : name;
}

// "add part: drums" -> "add drums", "regenerate part: melody, bars 5-8" -> "regenerate melody,
// bars 5-8".
std::string stepOf(std::string chip)
{
    if (const auto at = chip.find(" part:"); at != std::string::npos) chip.erase(at, 6);
    return chip;
}

// A part's line names one part: the instruments its words name are that part ("add a string
// pad progression" is chords on the strings, not a pad as well).
void onePart(analysis::Asked& asked, gen::Role role, bool removed)
{
    const std::string name(gen::roleName(role));
    analysis::AskedPart part{name, -1, removed}; // a removed part must be gone
    for (const analysis::AskedPart& p : asked.parts)
        if (!p.absent && p.program >= 0 && (p.role == name || part.program < 0))
            part.program = p.program;
    std::erase_if(asked.parts, [](const analysis::AskedPart& p) { return !p.absent; });
    asked.parts.push_back(part);
}

// A request with its parent apart from it: a trial (offlineCanChange) borrows the parent instead
// of copying it (a million-note take would be copied for each suggestion tried), and a change
// narrowed to a scope swaps in the locked parent and drops the scope without copying either.
struct Ask
{
    const GenerationRequest& request;
    const model::Take* parent = nullptr; ///< request.parent's, or a borrowed take; null: none
    RequestScope scope;                  ///< request.scope, unless narrowed away
    bool trial = false; ///< only whether a take is made: its checklist is not measured
};

Ask askOf(const GenerationRequest& request)
{
    return {request, request.parent ? &*request.parent : nullptr, request.scope};
}

// Each take's checklist, measured on its notes against what the words (and the parent) ask.
// A lock changes no note: its checklist asks no change of the parent. A change's relative swing
// ("more swing") names no percentage to measure against.
void checkAgainstWords(std::vector<model::Take>& takes, const Ask& a,
                       std::optional<gen::Role> part = std::nullopt, bool notesChange = true,
                       bool removed = false, bool change = false)
{
    if (a.trial) return; // measuring means analysing every take: a second plan's worth and more
    analysis::Asked asked = analysis::askedFromWords(
        a.request.prompt, a.parent && notesChange ? &a.parent->plan : nullptr);
    if (part) onePart(asked, *part, removed);
    const std::vector<std::string> words = gen::promptWords(a.request.prompt);
    if (change && std::find(words.begin(), words.end(), "%") == words.end())
        asked.swingPercent.reset();
    for (model::Take& t : takes)
        t.checks = analysis::checkTake(t.plan, asked);
}

// A fresh candidate failing one of its checks is made again with another seed, and the
// candidates are ordered best first (engine::analysis::checkCandidates).
void checkOffline(std::vector<model::Take>& takes, const gen::Interpretation& in)
{
    const gen::Brief& brief = in.brief;
    analysis::checkCandidates(takes, analysis::askedFrom(in), [&](int index, int attempt) {
        gen::Brief again = brief;
        again.seed = gen::mixSeed(brief.seed, 0x5EED0000u + static_cast<std::uint64_t>(attempt));
        return std::pair{gen::generatePlan(again, index), again.seed};
    });
}

// The parts arranged one after the other into the parent (several: every part of a bar range).
// A part that cannot change (locked) is skipped when others can.
Result<gen::ArrangeResult> arrangeParts(const model::Take& parent,
                                        const std::vector<gen::PartRequest>& parts,
                                        std::string_view words, std::uint64_t seed, int index)
{
    gen::ArrangeResult all; // the parent's plan until a part changes it (no copy before that)
    std::optional<Error> refused;
    bool changed = false;
    for (gen::PartRequest part : parts) {
        part.genreHint = genreOf(parent);
        auto made = gen::arrange(changed ? all.plan : parent.plan, part, words, seed, index);
        if (!made) {
            if (!refused) refused = made.error();
            continue;
        }
        all.plan = std::move(made->plan);
        all.chips.insert(all.chips.end(), made->chips.begin(), made->chips.end());
        changed = true;
    }
    if (!changed)
        return refused
                   ? *refused
                   : Error{Error::Code::InvalidArgument, "nothing changed: no part to regenerate"};
    return all;
}

Result<GenerationResult> arranged(const Ask& a, const gen::Intent& intent,
                                  const std::vector<gen::PartRequest>& parts, std::uint64_t seed)
{
    const GenerationRequest& request = a.request;
    const model::Take& parent = *a.parent;
    const bool single = parts.size() == 1 && (parts.front().action == gen::PartAction::Remove ||
                                              parts.front().action == gen::PartAction::Lock);
    const int count = single ? 1 : request.candidates > 0 ? clampCandidates(request.candidates) : 4;
    GenerationResult result;
    result.provider = gen::kProviderName;
    result.model = gen::kModelName;
    result.intent = intent.chip();
    if (parts.size() > 1) // "regenerate part: chords" names one role; this is every part
        result.intent = "regenerate " + std::to_string(parts.size()) + " parts" +
                        (intent.fromBar > 0 ? ", bars " + std::to_string(intent.fromBar) + "-" +
                                                  std::to_string(intent.toBar)
                                            : std::string());
    for (int i = 0; i < count; ++i) {
        auto made = arrangeParts(parent, parts, request.prompt, seed, i);
        if (!made) return made.error();
        model::Take take;
        take.name = candidateName(stepOf(result.intent), i, count);
        take.plan = std::move(made->plan);
        take.provenance.prompt = request.prompt;
        take.provenance.provider = result.provider;
        take.provenance.model = result.model;
        take.provenance.seed = seed;
        take.provenance.parentTake = parent.id;
        if (i == 0) result.understood = std::move(made->chips);
        result.takes.push_back(std::move(take));
    }
    if (!intent.notMidi.empty()) result.understood.push_back(notMidiChip(intent.notMidi));
    const bool removed = intent.kind == gen::IntentKind::RemovePart;
    checkAgainstWords(result.takes, a,
                      (single && !removed) || parts.size() != 1
                          ? std::nullopt
                          : std::optional<gen::Role>(parts.front().role),
                      intent.kind != gen::IntentKind::LockPart, removed);
    result.variation = true;
    result.explanation = "Offline, in the context of " + parent.name + ":";
    for (const std::string& c : result.understood)
        result.explanation += "\n" + c;
    return result;
}

// Variations of the parent; an empty result when nothing in the line is a change vary() knows.
// The same notes, controllers, tempo, meter and key: a copy, not a take.
bool sameMusic(const model::Plan& a, const model::Plan& b)
{
    return a.tracks == b.tracks && a.tempos == b.tempos && a.timeSignatures == b.timeSignatures &&
           a.keySignatures == b.keySignatures;
}

// Words read as a change that changed nothing: no take, and why ("the take has no drums").
Error nothingChanged(const Ask& a, const std::vector<std::string>& changes)
{
    const GenerationRequest& request = a.request;
    std::string what;
    for (const std::string& c : changes)
        what += (what.empty() ? "" : "; ") + c;
    const model::Plan& plan = a.parent->plan;
    const bool drums =
        std::any_of(plan.tracks.begin(), plan.tracks.end(),
                    [](const model::Track& t) { return t.channel == 9 && !t.notes.empty(); });
    bool drumWords = false; // whole words: "that" is not a hat
    std::string word;
    for (const char c : request.prompt + " ") {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            continue;
        }
        for (const char* w :
             {"kick", "kicks", "snare", "snares", "hat", "hats", "drum", "drums", "fill", "fills"})
            drumWords = drumWords || word == w;
        word.clear();
    }
    return Error{Error::Code::InvalidArgument,
                 "nothing changed: \"" + model::cutUtf8(request.prompt, 120, "...") +
                     "\" changes nothing in " + model::cutUtf8(a.parent->name, 120, "...") +
                     (drumWords && !drums ? " (the take has no drums; \"add drums\" adds them)"
                      : what.empty()      ? std::string()
                                          : " (" + what + ")") +
                     ", so no take was made"};
}

Result<GenerationResult> varied(const Ask& a, std::uint64_t seed)
{
    const GenerationRequest& request = a.request;
    const model::Take& parent = *a.parent;
    if (a.scope.narrowed()) { // vary the scope only: everything outside it locked
        const model::Take locked{parent.id,         parent.name,
                                 parent.starred,    lockOutsideScope(parent.plan, a.scope),
                                 parent.provenance, parent.checks};
        auto result = varied(Ask{request, &locked, {}, a.trial}, seed);
        if (!result && !result.error().message.starts_with("nothing changed: ")) return result;
        if (!result ||
            result->takes.empty()) // the words change nothing there: say so, not "not understood"
            return makeError(Error::Code::InvalidArgument,
                             "nothing changed: \"" + request.prompt + "\" changes nothing in " +
                                 describeScope(a.scope, parent.plan) +
                                 " (the × above the chat input widens the scope)");
        for (model::Take& t : result->takes) {
            restoreOwnLocks(parent.plan, t.plan);
            t.provenance.parentTake = parent.id;
        }
        std::erase(result->understood,
                   std::string("locked tracks and notes were left as they were"));
        result->intent += ": " + describeScope(a.scope, parent.plan);
        return result;
    }
    GenerationResult result;
    result.provider = gen::kProviderName;
    result.model = gen::kModelName;
    const int count = request.candidates > 0 ? clampCandidates(request.candidates) : 4;
    std::vector<std::string> unchanged; // what the words did when they changed no note
    for (int i = 0; i < count; ++i) {
        const std::uint64_t s = i == 0 ? seed : gen::mixSeed(seed, static_cast<std::uint64_t>(i));
        std::vector<std::string> changes, unused;
        auto take = gen::varyTake(parent, request.prompt, s, &changes, &unused, i);
        if (!take && i == 0 && take.error().code != Error::Code::InvalidArgument)
            return take.error(); // understood as a change, but too big to make, or all locked
        if (!take) break;
        if (sameMusic(take->plan, parent.plan)) { // "harder kick" on a take without drums
            if (unchanged.empty()) unchanged = changes;
            continue;
        }
        // Nothing left open to vary ("transpose up 2"): a repeat is not another candidate.
        if (std::any_of(result.takes.begin(), result.takes.end(),
                        [&](const model::Take& t) { return t.plan == take->plan; }))
            continue;
        if (i == 0) {
            result.understood = std::move(changes);
            result.notUnderstood = std::move(unused);
        }
        result.takes.push_back(std::move(*take));
    }
    if (result.takes.empty() && !unchanged.empty()) return nothingChanged(a, unchanged);
    if (result.takes.empty()) return result;
    for (std::size_t i = 0; i < result.takes.size(); ++i)
        result.takes[i].name = candidateName(request.prompt, static_cast<int>(i),
                                             static_cast<int>(result.takes.size()));
    checkAgainstWords(result.takes, a, std::nullopt, true, false, true);
    result.variation = true;
    result.intent = "change";
    result.explanation = "Offline variation:";
    for (const std::string& c : result.understood)
        result.explanation += "\n" + c;
    return result;
}

// A change-only request (the analysis panel's Apply) the engine reads as a new song.
Error notAChange(const Ask& a)
{
    const GenerationRequest& request = a.request;
    const std::string name = a.parent ? a.parent->name : std::string("the take");
    return Error{Error::Code::InvalidArgument,
                 "\"" + request.prompt + "\" is not a change the offline generator can make to " +
                     name + " (it would make a new song); nothing was changed"};
}

Result<GenerationResult> newSong(const GenerationRequest& request)
{
    GenerationResult result;
    result.provider = gen::kProviderName;
    result.model = gen::kModelName;
    result.intent = "new song";
    gen::Interpretation in = gen::interpret(request.prompt, request.seed);
    if (!in.ok()) {
        std::string text = "The offline generator cannot make that:";
        for (const std::string& p : in.problems)
            text += " " + p + ";";
        text.back() = '.';
        return makeError(Error::Code::InvalidArgument, text);
    }
    if (request.candidates > 0) in.brief.candidates = clampCandidates(request.candidates);
    auto takes = gen::generate(in.brief, request.prompt);
    if (!takes) return takes.error();
    checkOffline(*takes, in);
    result.takes = std::move(*takes); // a fresh brief owes the playing take nothing: no parent
    result.explanation = in.explain();
    result.understood = std::move(in.understood);
    if (!in.notMidi.empty()) result.understood.push_back(notMidiChip(in.notMidi));
    result.notUnderstood = std::move(in.unrecognised);
    return result;
}

// The line as the reader reads it (the parent's roles: the playing take's).
gen::Intent readLine(const Ask& a)
{
    std::optional<std::vector<std::optional<gen::Role>>> roles;
    if (a.parent) roles = gen::inferPlanInfo(a.parent->plan).roles;
    return gen::readIntent(a.request.prompt, roles ? &*roles : nullptr);
}

// A model's intent as the reader's kind; the part from the model, else the reader's, else the
// brief's only part.
Result<gen::Intent> modelIntent(const GenerationRequest& request, const gen::Brief& brief)
{
    gen::Intent read = readLine(askOf(request));
    if (!brief.intent) return read;
    using A = gen::BriefIntent::Action;
    const gen::BriefIntent& m = *brief.intent;
    const bool readPart = read.kind == gen::IntentKind::AddPart ||
                          read.kind == gen::IntentKind::ReplacePart ||
                          read.kind == gen::IntentKind::RemovePart;
    gen::Intent in = read;
    in.kind = m.action == A::NewSong          ? gen::IntentKind::NewSong
              : m.action == A::AddPart        ? gen::IntentKind::AddPart
              : m.action == A::RegeneratePart ? gen::IntentKind::ReplacePart
              : m.action == A::RemovePart     ? gen::IntentKind::RemovePart
                                              : gen::IntentKind::Change;
    if (m.fromBar > 0) in.fromBar = m.fromBar, in.toBar = m.toBar;
    if (m.part)
        in.role = *m.part;
    else if (!readPart && brief.parts.size() == 1)
        in.role = brief.parts.front().role;
    else if (!readPart && m.action != A::NewSong && m.action != A::Change)
        return makeError(Error::Code::ValidationError,
                         "intent.part: name the part to " +
                             std::string(gen::briefActionName(m.action))
                                 .substr(0, gen::briefActionName(m.action).find(' ')));
    return in;
}

Result<GenerationResult> answer(const Ask& a, const gen::Intent& read,
                                const std::shared_ptr<const gen::Brief>& modelBrief)
{
    const GenerationRequest& request = a.request;
    const std::uint64_t seed = request.seed.value_or(gen::promptSeed(request.prompt));
    const ScopedIntent scoped = a.parent
                                    ? narrowIntent(read, a.scope, a.parent->plan, request.prompt)
                                    : ScopedIntent{read, {read.partRequest()}, false};
    const gen::Intent& intent = scoped.intent;
    switch (intent.kind) {
    case gen::IntentKind::Nonsense:
        return makeError(Error::Code::InvalidArgument, gen::nonsenseAnswer(a.parent != nullptr));
    case gen::IntentKind::NotMidi:
        return makeError(Error::Code::InvalidArgument, gen::notMidiAnswer(intent.notMidi));
    case gen::IntentKind::AddPart:
    case gen::IntentKind::ReplacePart:
    case gen::IntentKind::RemovePart:
    case gen::IntentKind::LockPart: {
        std::vector<gen::PartRequest> parts = scoped.parts;
        for (gen::PartRequest& p : parts)
            p.brief = modelBrief;
        return arranged(a, intent, parts, seed);
    }
    case gen::IntentKind::Change: {
        Ask change = a;
        if (!scoped.lockOutside) change.scope = {};
        auto result = varied(change, seed);
        if (!result || !result->takes.empty()) return result;
        gen::Interpretation heard;
        gen::readRequest(request.prompt, heard);
        if (heard.understood.empty())
            return makeError(Error::Code::InvalidArgument, gen::nonsenseAnswer(true));
        if (request.changeOnly) return notAChange(a);
        break; // words of a song, not of a change: a new song
    }
    case gen::IntentKind::NewSong:
        if (request.changeOnly) return notAChange(a);
        break;
    }
    return newSong(request);
}
} // namespace

Result<GenerationResult> offlineResult(const GenerationRequest& request)
{
    const gen::LineReadings readOnce; // the intent, scope, arranger and checklist share a reading
    const Ask a = askOf(request);
    if (request.changeOnly && !a.parent) return notAChange(a);
    return answer(a, readLine(a), nullptr);
}

Result<bool> briefStartsNewSong(const GenerationRequest& request, const gen::Brief& brief)
{
    if (!request.parent) return true;
    auto intent = modelIntent(request, brief);
    if (!intent) return intent.error();
    return intent->kind == gen::IntentKind::NewSong;
}

Result<GenerationResult> briefInContext(const GenerationRequest& request, const gen::Brief& brief)
{
    auto intent = modelIntent(request, brief);
    if (!intent) return intent.error();
    return answer(askOf(request), *intent, std::make_shared<const gen::Brief>(brief));
}

bool offlineCanChange(const std::string& line, const model::Take& parent)
{
    GenerationRequest trial; // without a copy of the parent: it is borrowed
    trial.prompt = line;
    trial.candidates = 1;
    trial.changeOnly = true;
    const Ask a{trial, &parent, {}, true};
    const auto result = answer(a, readLine(a), nullptr);
    return result && !result->takes.empty();
}

} // namespace pianola::engine::llm
