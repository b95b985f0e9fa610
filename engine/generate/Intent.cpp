// SPDX-License-Identifier: MIT
// The intent reader: the interpreter's vocabulary for parts and words, plus the verbs that say
// what to do with a part (add, regenerate, remove, keep), a bar region and the line's scope.
#include "engine/generate/Intent.h"

#include "engine/generate/Interpreter.h"
#include "engine/generate/PromptText.h"
#include "engine/generate/Request.h"

#include <algorithm>
#include <initializer_list>
#include <tuple>

namespace pianola::engine::generate {

namespace {
using Words = std::vector<std::string>;

bool anyOf(const Words& w, std::initializer_list<const char*> options)
{
    return std::any_of(w.begin(), w.end(), [&](const std::string& x) {
        return std::any_of(options.begin(), options.end(), [&](const char* o) { return x == o; });
    });
}

bool startsWith(const Words& w, std::initializer_list<const char*> options)
{
    return !w.empty() &&
           std::any_of(options.begin(), options.end(), [&](const char* o) { return w[0] == o; });
}

// "bars 5-8", "bar 5 to 8", "for bars 5 and 6", "bar 3": the region, or {0, 0}.
std::pair<int, int> region(const Words& w)
{
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
        if (w[i] != "bar" && w[i] != "bars" && w[i] != "measures" && w[i] != "measure") continue;
        std::size_t used = 0;
        const auto from = parseNumber(w, i + 1, used);
        if (!from || *from < 1 || *from > Brief::kMaxBars) continue;
        std::size_t j = i + 1 + used;
        if (j < w.size() && (w[j] == "to" || w[j] == "and" || w[j] == "through")) ++j;
        const auto to = j < w.size() ? parseNumber(w, j, used) : std::nullopt;
        const int a = static_cast<int>(*from);
        const int b = to && *to >= *from && *to <= Brief::kMaxBars ? static_cast<int>(*to) : a;
        return {a, b};
    }
    return {0, 0};
}

bool has(const std::vector<std::optional<Role>>& roles, Role r)
{
    return std::find(roles.begin(), roles.end(), std::optional<Role>(r)) != roles.end();
}

// The part a line names: the last role named, but "string pad progression" is chords played
// by strings (a chord word wins over the instrument that plays it).
std::optional<Role> namedRole(const Request& q)
{
    if (q.roles.empty()) return std::nullopt;
    for (const RoleRequest& r : q.roles)
        if (r.role == Role::Chords && r.program < 0) return Role::Chords;
    return q.roles.front().role;
}

// "slow it down", "speed things up", "turn the kick up", "turn down the hats": a verb, then its
// particle within a few words.
bool hasPhrasalChange(const Words& w)
{
    for (std::size_t k = 0; k < w.size(); ++k) {
        const char* particle = w[k] == "slow" ? "down" : w[k] == "speed" ? "up" : nullptr;
        const bool turn = w[k] == "turn";
        for (std::size_t j = k + 1; (particle || turn) && j < std::min(w.size(), k + 5); ++j)
            if (turn ? w[j] == "up" || w[j] == "down" : w[j] == particle) return true;
    }
    return false;
}

// Words of changes to what is there (the variation reader's verbs), not of new parts.
bool isChangeWord(const Words& w)
{
    return hasPhrasalChange(w) ||
           anyOf(w, {"darker",   "brighter", "harder",     "softer",   "busier",     "simpler",
                     "louder",   "quieter",  "sparser",    "denser",   "faster",     "slower",
                     "tighter",  "looser",   "more",       "less",     "transpose",  "double",
                     "half",     "swingier", "straighter", "quantize", "humanize",   "punchier",
                     "happier",  "sadder",   "fill",       "fills",    "octave",     "section",
                     "bridge",   "same",     "darken",     "brighten", "doubletime", "halftime",
                     "simplify", "swing",    "quantized",  "straight"});
}

bool onlyDrumDirectives(const Request& q)
{
    return q.fill || q.triplets || !q.fillBars.empty() || !q.tripletBars.empty();
}
} // namespace

std::string_view intentName(IntentKind kind)
{
    switch (kind) {
    case IntentKind::NewSong:
        return "new song";
    case IntentKind::AddPart:
        return "add part";
    case IntentKind::ReplacePart:
        return "regenerate part";
    case IntentKind::RemovePart:
        return "remove part";
    case IntentKind::LockPart:
        return "lock part";
    case IntentKind::Change:
        return "change";
    case IntentKind::NotMidi:
        return "not MIDI";
    case IntentKind::Nonsense:
        return "not understood";
    }
    return "";
}

std::string Intent::chip() const
{
    std::string s(intentName(kind));
    if (kind == IntentKind::AddPart || kind == IntentKind::ReplacePart ||
        kind == IntentKind::RemovePart || kind == IntentKind::LockPart)
        s += ": " + std::string(roleName(role));
    if (fromBar > 0)
        s += fromBar == toBar ? ", bar " + std::to_string(fromBar)
                              : ", bars " + std::to_string(fromBar) + "-" + std::to_string(toBar);
    return s;
}

PartRequest Intent::partRequest() const
{
    PartRequest r;
    r.action = kind == IntentKind::RemovePart    ? PartAction::Remove
               : kind == IntentKind::LockPart    ? PartAction::Lock
               : kind == IntentKind::ReplacePart ? PartAction::Regenerate
                                                 : PartAction::Add;
    r.role = role;
    r.fromBar = fromBar, r.toBar = toBar;
    r.secondLayer = secondLayer;
    r.keepRhythm = keepRhythm;
    return r;
}

Intent readIntent(std::string_view line, const std::vector<std::optional<Role>>* takeRoles)
{
    Intent in;
    Interpretation heard;
    const Request q = readRequest(line, heard);
    const Words w = promptWords(line.substr(0, std::min(line.size(), kMaxPromptBytes)));
    in.notMidi = heard.notMidi;
    const bool understood = !heard.understood.empty();
    if (!understood && w.empty()) return in; // an empty line: a default song
    const std::optional<Role> role = namedRole(q);
    const bool removeVerb = anyOf(w, {"remove", "delete", "drop", "lose", "mute", "rid"});
    const bool lockVerb = anyOf(w, {"lock", "freeze", "protect"});
    const bool keepOnly =
        startsWith(w, {"keep", "leave"}) && heard.understood.size() <= 1 && !isChangeWord(w);
    const bool replaceVerb =
        anyOf(w, {"regenerate", "reroll", "redo", "replace", "new", "different", "rewrite",
                  "reroll", "retry", "another", "roll", "swap", "other"});
    const bool addVerb = anyOf(w, {"add", "generate", "give", "put", "create", "make", "write",
                                   "layer", "need", "want", "bring", "compose", "play"});
    const bool songWords = anyOf(w, {"song", "scratch", "over", "fresh"}) &&
                           anyOf(w, {"new", "another", "start", "scratch", "fresh"});
    in.secondLayer = anyOf(w, {"second", "extra", "another", "additional"}) &&
                     anyOf(w, {"layer", "percussion", "second"});
    in.keepRhythm = anyOf(w, {"rhythm"}) && anyOf(w, {"keep", "same"});
    in.regenerateVerb = replaceVerb || anyOf(w, {"again", "regen", "reroll"});
    std::tie(in.fromBar, in.toBar) = region(w);
    const bool sameBut = anyOf(w, {"same", "but", "except", "keep", "leave"});
    if (!takeRoles || songWords) {
        in.kind = understood || !in.notMidi.empty() ? IntentKind::NewSong : IntentKind::Nonsense;
        if (!understood && !in.notMidi.empty()) in.kind = IntentKind::NotMidi;
        return in;
    }
    if (role)
        in.role = *role;
    else
        in.fromBar = in.toBar = 0; // "a fill on bar 7": the bar belongs to the change
    std::vector<Role> distinct;
    for (const RoleRequest& r : q.roles)
        if (std::find(distinct.begin(), distinct.end(), r.role) == distinct.end())
            distinct.push_back(r.role);
    // "a trap beat in F# minor", "jazz trio with piano, bass and drums": a whole song.
    if (!sameBut &&
        ((!role && (q.full || q.genre)) || distinct.size() >= 3 || (q.full && q.genre))) {
        in.kind = IntentKind::NewSong;
        return in;
    }
    if (!q.removed.empty() && !addVerb && q.roles.empty() && !sameBut) {
        in.kind = IntentKind::RemovePart, in.role = q.removed.front();
        return in;
    }
    if (role && removeVerb) return in.kind = IntentKind::RemovePart, in;
    if (role && (lockVerb || keepOnly)) return in.kind = IntentKind::LockPart, in;
    const bool drumsOnly =
        role == Role::Drums && onlyDrumDirectives(q) &&
        std::all_of(q.roles.begin(), q.roles.end(),
                    [](const RoleRequest& r) { return r.role == Role::Drums; }) &&
        !anyOf(w, {"loop", "drums", "beat", "pattern", "groove"});
    const bool changeWords = isChangeWord(w);
    const bool there = role && has(*takeRoles, *role);
    if (role && !drumsOnly && replaceVerb && !changeWords) {
        in.kind = there || in.fromBar > 0 ? IntentKind::ReplacePart : IntentKind::AddPart;
        return in;
    }
    const bool nounPhrase = startsWith(w, {"a", "an", "some"});
    // "add drums, no swing": feel words of a part the take does not have are for the new part.
    const bool addsMissing = !there && anyOf(w, {"add", "generate", "give", "put", "create",
                                                 "write", "layer", "bring", "compose"});
    if (role && !drumsOnly && !sameBut && (!changeWords || addsMissing) &&
        (addVerb || nounPhrase)) {
        const bool again = in.secondLayer || anyOf(w, {"counter", "countermelody", "second"});
        in.kind = there && !again ? IntentKind::ReplacePart : IntentKind::AddPart;
        return in;
    }
    if (understood || changeWords)
        in.kind = IntentKind::Change;
    else
        in.kind = in.notMidi.empty() ? IntentKind::Nonsense : IntentKind::NotMidi;
    return in;
}

std::string notMidiAnswer(const std::vector<std::string>& phrases)
{
    std::string list;
    for (const std::string& p : phrases)
        list += (list.empty() ? "" : ", ") + p;
    return "MIDI carries notes, not sound: " + list +
           " is an effect for the synth or your DAW, so the notes were left as they are.";
}

std::string nonsenseAnswer(bool takePlaying)
{
    return takePlaying ? "I did not understand that. Try: \"add a bass\", \"new drums\", "
                         "\"regenerate the melody for bars 5-8\", \"darker\", \"remove the pad\", "
                         "\"keep the bass\", or describe a new song."
                       : "I did not understand that. Try: \"8-bar lo-fi chord progression in Am at "
                         "78 bpm\", \"a trap beat in F# minor\", \"a jazz waltz with a walking "
                         "bass\".";
}

} // namespace pianola::engine::generate
