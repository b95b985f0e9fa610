// SPDX-License-Identifier: MIT
// Variations: parse the instruction into operations, apply each to the tracks it concerns only.
#include "engine/generate/Variation.h"

#include "engine/generate/Arranger.h"
#include "engine/generate/Generator.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/Parts.h"
#include "engine/generate/PromptText.h"
#include "engine/generate/Varier.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace pianola::engine::generate {

namespace {
// A meter word a take can be set to ("3/4", "6/8"), or nothing.
std::optional<std::pair<int, int>> meterWord(const std::string& w)
{
    const auto slash = w.find('/');
    if (slash == std::string::npos) return std::nullopt;
    const std::string top = w.substr(0, slash), bottom = w.substr(slash + 1);
    const auto digits = [](const std::string& x) {
        return !x.empty() && x.size() <= 2 &&
               std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digits(top) || !digits(bottom)) return std::nullopt;
    const int n = std::stoi(top), d = std::stoi(bottom);
    if (!meterSupported(n, d)) return std::nullopt;
    return std::pair{n, d};
}

std::optional<Target> targetWord(const std::string& w)
{
    if (w == "kick" || w == "kicks") return Target{"kick", {Role::Drums}, {35, 36}};
    if (w == "snare" || w == "snares") return Target{"snare", {Role::Drums}, {37, 38, 39, 40}};
    if (w == "hats" || w == "hat" || w == "hihat" || w == "hihats")
        return Target{"hi-hats", {Role::Drums}, {42, 44, 46}};
    for (int r = 0; r < kRoleCount; ++r)
        if (w == roleName(static_cast<Role>(r)) || w + "s" == roleName(static_cast<Role>(r)))
            return Target{w, {static_cast<Role>(r)}, {}};
    if (w == "drum") return Target{"drums", {Role::Drums}, {}};
    if (w == "piano" || w == "keys" || w == "chord" || w == "progression" || w == "harmony")
        return Target{w, {Role::Chords}, {}};
    if (w == "lead") return Target{w, {Role::Melody}, {}};
    if (w == "arp" || w == "arps") return Target{w, {Role::Arpeggio}, {}};
    if (w == "pads" || w == "strings") return Target{w, {Role::Pad}, {}};
    return std::nullopt;
}

// "the drums and the bass", "the kick and the snare": one target naming both (a drum named
// whole keeps every drum key).
void addTarget(std::optional<Target>& into, const Target& t)
{
    if (!into) {
        into = t;
        return;
    }
    const auto wholeDrums = [](const Target& x) {
        return x.drumKeys.empty() &&
               std::find(x.roles.begin(), x.roles.end(), Role::Drums) != x.roles.end();
    };
    const bool whole = wholeDrums(*into) || wholeDrums(t);
    for (Role r : t.roles)
        if (std::find(into->roles.begin(), into->roles.end(), r) == into->roles.end())
            into->roles.push_back(r);
    into->drumKeys.insert(into->drumKeys.end(), t.drumKeys.begin(), t.drumKeys.end());
    if (whole) into->drumKeys.clear();
    into->name += " and " + t.name;
}

// `is(k, {"a", "b"})`: word k of `w` is one of the options (false past the end).
auto matcher(const Words& w)
{
    return [&w](std::size_t k, std::initializer_list<const char*> options) {
        if (k >= w.size()) return false;
        for (const char* o : options)
            if (w[k] == o) return true;
        return false;
    };
}

int wordNumber(const Words& w, std::size_t i, std::size_t& used)
{
    const auto v = parseNumber(w, i, used);
    return v ? static_cast<int>(std::lround(*v)) : -1;
}

} // namespace

// darker, brighter, harder/softer [instrument]
bool Varier::readColour(const Words& w, std::size_t& i)
{
    const auto is = matcher(w);
    if (const auto t = targetWord(w[i]); t && !is(i + 1, {"fill", "fills"})) {
        m_lastTarget = t; // "make the kick harder"
        // ... and the part the next change is for: "bass up an octave", "the drums and the bass
        // busier"
        addTarget(m_pending, *t);
        m_targetJustRead = true;
        ++i;
        return true;
    }
    if (is(i, {"darker", "dark", "sadder", "moodier"}) ||
        (is(i, {"more"}) && is(i + 1, {"minor"}))) {
        shiftMode(true, m_index);
        i += is(i, {"more"}) ? 2 : 1;
        return true;
    }
    if (is(i, {"brighter", "bright", "happier", "lighter"})) {
        shiftMode(false, m_index);
        ++i;
        return true;
    }
    if (is(i, {"turn"})) { // "turn the kick up", "turn down the hats", "turn it up"
        std::size_t j = i + 1;
        std::optional<Target> target;
        const auto parts = [&] {
            while (is(j, {"it", "the", "my", "everything", "and"}) ||
                   (j < w.size() && targetWord(w[j]))) {
                if (const auto t = targetWord(w[j])) addTarget(target, *t);
                ++j;
            }
        };
        parts();
        if (!is(j, {"up", "down"})) return false;
        const bool up = w[j] == "up";
        ++j;
        std::size_t used = 0;
        // "turn the bass down an octave" is a transposition: read on from the part.
        if (is(j, {"an", "a", "one"}) || wordNumber(w, j, used) >= 0) {
            ++i;
            return true;
        }
        if (!target) parts();
        velocity(target.value_or(Target{}), up);
        m_lastTarget = target;
        i = j;
        return true;
    }
    if (is(i, {"harder", "louder", "stronger", "punchier", "softer", "quieter", "gentler"})) {
        const bool harder = is(i, {"harder", "louder", "stronger", "punchier"});
        std::optional<Target> target = i + 1 < w.size() ? targetWord(w[i + 1]) : std::nullopt;
        i += target ? 2 : 1;
        if (!target) target = m_lastTarget.value_or(Target{});
        velocity(*target, harder);
        return true;
    }
    return false;
}

// busier, simpler, swing, humanize, quantize, double/half time
bool Varier::readFeel(const Words& w, std::size_t& i)
{
    const auto is = matcher(w);
    if (is(i, {"busier", "busy", "denser"}) || (is(i, {"more"}) && is(i + 1, {"notes"}))) {
        i += is(i, {"more"}) ? 2 : 1;
        scoped(w, i, [this] { busier(); });
        return true;
    }
    if (is(i, {"simpler", "sparser", "simplify", "simple", "sparse"}) ||
        (is(i, {"fewer"}) && is(i + 1, {"notes"})) || (is(i, {"less"}) && is(i + 1, {"busy"}))) {
        i += is(i, {"fewer", "less"}) ? 2 : 1;
        scoped(w, i, [this] { simpler(); });
        return true;
    }
    if ((is(i, {"more"}) && is(i + 1, {"swing", "swung", "shuffle"})) ||
        is(i, {"swingier", "swing"})) {
        swing(8 * degree());
        i += is(i, {"more"}) ? 2 : 1;
        return true;
    }
    if ((is(i, {"less"}) && is(i + 1, {"swing"})) ||
        is(i, {"straighter", "straighten", "straight"}) ||
        (is(i, {"no"}) && is(i + 1, {"swing"}))) {
        swing(is(i, {"no", "straight", "straighten"}) ? 0 : -8 * degree());
        i += is(i, {"less", "no"}) ? 2 : 1;
        return true;
    }
    if ((is(i, {"more"}) &&
         is(i + 1, {"humanize", "humanized", "human", "loose", "humanization"})) ||
        is(i, {"humanize", "humanized", "looser"})) {
        i += is(i, {"more"}) ? 2 : 1;
        scoped(w, i, [this] { humanizeMore(); });
        return true;
    }
    if ((is(i, {"less"}) &&
         is(i + 1, {"humanize", "humanized", "human", "loose", "humanization"})) ||
        is(i, {"tighter"})) {
        quantize(0.5);
        i += is(i, {"less"}) ? 2 : 1;
        return true;
    }
    if (is(i, {"quantize", "quantized", "quantise", "robotic"})) {
        ++i;
        scoped(w, i, [this] { quantize(1.0); });
        return true;
    }
    if (is(i, {"double", "half"}) && is(i + 1, {"time", "tempo"})) {
        doubleTime(w[i] == "double");
        i += 2;
        return true;
    }
    if (is(i, {"doubletime", "halftime"})) {
        doubleTime(w[i] == "doubletime");
        ++i;
        return true;
    }
    return false;
}

// fills: "a 2 bar fill at bar 7", "fill of 2 bars on bar 7", "fill at the end"
bool Varier::readFill(const Words& w, std::size_t& i)
{
    const auto is = matcher(w);
    std::size_t used = 0;
    if (const int n = wordNumber(w, i, used);
        n > 0 && is(i + used, {"bar", "bars"}) && is(i + used + 1, {"fill", "fills"})) {
        m_fillBars = n; // "a 2 bar fill ...": the fill itself comes next
        i += used + 1;
        return true;
    }
    if (is(i, {"fill",
               "fills"})) { // "a 2 bar fill at bar 7", "fill of 2 bars on bar 7", "fill at bar 4"
        int bars = std::exchange(m_fillBars, 1), at = -1;
        std::size_t j = i + 1;
        if (is(j, {"of"}) && wordNumber(w, j + 1, used) > 0 && is(j + 1 + used, {"bar", "bars"}))
            bars = wordNumber(w, j + 1, used), j += 2 + used;
        if (is(j, {"at", "on", "in", "into"}) && is(j + 1, {"bar", "measure"}) &&
            wordNumber(w, j + 2, used) > 0)
            at = wordNumber(w, j + 2, used), j += 2 + used;
        else if (is(j, {"at", "in"}) && is(j + 1, {"the"}) && is(j + 2, {"end"}))
            j += 3;
        const int length = info().bars;
        bars = std::clamp(bars, 1, length);
        if (at < 0) at = length - bars + 1; // no bar named: the fill ends the take
        if (at < 1 || at > length) return false;
        fill(bars, std::min(at, length - bars + 1));
        i = j;
        return true;
    }
    return false;
}

// "E minor", "f#m", "bb major" from word j on: the key, and past its words in `end`. `named`:
// only a key written as one ("in a" is an article, "in a minor" a key).
bool readKey(const Words& w, std::size_t j, bool named, int& tonic, std::optional<bool>& minor,
             std::size_t& end)
{
    const auto is = matcher(w);
    const std::string& name = j < w.size() ? w[j] : "";
    std::string note = name.substr(0, 1);
    std::string rest = name.substr(std::min<std::size_t>(1, name.size()));
    if (!rest.empty() && (rest[0] == '#' || rest[0] == 'b')) note += rest[0], rest = rest.substr(1);
    const auto pc = pitchClassFromName(note);
    if (!pc || (!rest.empty() && rest != "m")) return false;
    end = j + 1;
    minor.reset();
    if (rest == "m" || is(end, {"minor"}))
        minor = true;
    else if (is(end, {"major"}))
        minor = false;
    if (named && !minor && name == "a") return false; // "in a minute": an article
    if (is(end, {"minor", "major"})) ++end;
    tonic = *pc;
    return true;
}

// "transpose up 2", "down an octave", "transpose to E minor", "in E minor"
bool Varier::readTranspose(const Words& w, std::size_t& i)
{
    const auto is = matcher(w);
    std::size_t used = 0;
    int tonic = 0;
    std::optional<bool> minor;
    std::size_t end = 0;
    if (is(i, {"in"}) && readKey(w, i + 1, true, tonic, minor, end)) {
        // Key words are for the whole take, even after "same drums but" (drums have no key);
        // what "keep the bass" names stays.
        std::vector<Role> kept;
        if (m_keepsAllBut) kept.swap(m_keep);
        m_wholeTakeKey = m_keepsAllBut;
        transposeTo(tonic, minor);
        if (m_keepsAllBut) kept.swap(m_keep);
        i = end;
        return true;
    }
    if (is(i, {"transpose", "up", "down"})) {
        std::size_t j = is(i, {"transpose"}) ? i + 1 : i;
        if (is(i, {"transpose"})) // "transpose the bass up 2": the part, then how far
            if (std::size_t k = j; targetAfter(w, k)) {
                i = j; // the part is read as the next change's, and "transpose" is understood
                return true;
            }
        int sign = 1;
        if (is(j, {"up", "down"})) sign = w[j] == "down" ? -1 : 1, ++j;
        if (is(j, {"to", "into", "in"})) {
            if (!readKey(w, j + 1, false, tonic, minor, end)) return false;
            transposeTo(tonic, minor);
            i = end;
            return true;
        }
        int semis = -1;
        if (is(j, {"an", "one"}) && is(j + 1, {"octave"}))
            semis = 12, j += 2;
        else if (is(j, {"a"}) &&
                 is(j + 1, {"fifth", "fourth", "third", "semitone", "tone", "step"})) {
            static const std::map<std::string, int> kIntervals = {{"fifth", 7}, {"fourth", 5},
                                                                  {"third", 4}, {"semitone", 1},
                                                                  {"tone", 2},  {"step", 2}};
            semis = kIntervals.at(w[j + 1]), j += 2;
        } else if ((semis = wordNumber(w, j, used)) >= 0) {
            j += used;
            if (is(j, {"semitone", "semitones", "half", "steps", "st"}))
                j += is(j, {"half"}) && is(j + 1, {"steps", "step"}) ? 2 : 1;
            if (is(j, {"octave", "octaves"})) semis *= 12, ++j;
        }
        if (semis < 0 || semis > 48) return false;
        if (is(j, {"down"})) sign = -1, ++j;
        i = j;
        scoped(w, i, [this, semis = sign * semis] { transpose(semis); });
        return true;
    }
    return false;
}

// tempo, length in bars, a B section
bool Varier::readTempoAndForm(const Words& w, std::size_t& i)
{
    const auto is = matcher(w);
    std::size_t used = 0;
    if (is(i, {"faster", "slower"})) {
        const double by = 0.1 * degree();
        tempo(std::round(m_plan.initialBpm() * (w[i] == "faster" ? 1 + by : 1 - by)));
        ++i;
        return true;
    }
    if (is(i, {"slow", "speed"})) { // "slow it down", "speed things up a bit"
        const char* particle = w[i] == "slow" ? "down" : "up";
        std::size_t j = i + 1;
        while (is(j, {"it", "things", "the", "tempo", "everything"}))
            ++j;
        if (j < w.size() && w[j] == particle) {
            const double by = 0.1 * degree();
            tempo(std::round(m_plan.initialBpm() * (w[i] == "speed" ? 1 + by : 1 - by)));
            i = j + 1;
            return true;
        }
    }
    if (const int n = wordNumber(w, i, used); n > 0) {
        if (is(i + used, {"bpm"}) && n >= Brief::kMinBpm && n <= Brief::kMaxBpm) {
            tempo(n);
            i += used + 1;
            return true;
        }
        if (is(i + used, {"bars", "bar", "measures"}) && !is(i + used + 1, {"fill"}) &&
            n <= Brief::kMaxBars) {
            setBars(n);
            i += used + 1;
            return true;
        }
    }
    if (is(i, {"tempo"}) &&
        wordNumber(w, i + 1 + (is(i + 1, {"to", "of", "at"}) ? 1 : 0), used) > 0) {
        const std::size_t j = i + 1 + (is(i + 1, {"to", "of", "at"}) ? 1 : 0);
        const int n = wordNumber(w, j, used);
        if (n < Brief::kMinBpm || n > Brief::kMaxBpm) return false;
        tempo(n);
        i = j + used;
        return true;
    }
    if (const auto m = meterWord(w[i])) { // "3/4", "6/8"
        // A take has one meter: of several in a line ("in 5/8, no, in 7/8") the last is the one
        // meant, as a new song's reader takes it. Each one before it is said, not made (each
        // was made: every note moved to new bars, heads repeated, tails cut, and moved again).
        const auto later = std::find_if(w.begin() + static_cast<std::ptrdiff_t>(i) + 1, w.end(),
                                        [](const std::string& x) { return meterWord(x); });
        if (later != w.end())
            refuse("meter " + w[i] + ": not done, the line names " + *later +
                   " after it (the last meter named is the one made)");
        else
            meter(m->first, m->second);
        ++i;
        return true;
    }
    if ((is(i, {"b"}) && is(i + 1, {"section", "part"})) || is(i, {"bridge"})) {
        sectionB();
        i += is(i, {"b"}) ? 2 : 1;
        return true;
    }
    return false;
}

namespace {
// The change a word of degree asks for ("busy": busier, "loud": harder), or empty.
std::string changeAsked(const std::string& word)
{
    static const std::map<std::string, std::string> kChange = {
        {"busy", "busier"},      {"busier", "busier"},     {"dense", "busier"},
        {"denser", "busier"},    {"simple", "simpler"},    {"simpler", "simpler"},
        {"sparse", "simpler"},   {"sparser", "simpler"},   {"dark", "darker"},
        {"darker", "darker"},    {"bright", "brighter"},   {"brighter", "brighter"},
        {"loud", "harder"},      {"louder", "harder"},     {"hard", "harder"},
        {"harder", "harder"},    {"soft", "softer"},       {"softer", "softer"},
        {"quiet", "softer"},     {"quieter", "softer"},    {"fast", "faster"},
        {"faster", "faster"},    {"slow", "slower"},       {"slower", "slower"},
        {"swung", "more swing"}, {"swingy", "more swing"}, {"swing", "more swing"},
    };
    const auto it = kChange.find(word);
    return it == kChange.end() ? std::string() : it->second;
}

std::string opposite(const std::string& change)
{
    static const std::map<std::string, std::string> kOpposite = {
        {"busier", "simpler"},  {"simpler", "busier"}, {"darker", "brighter"},
        {"brighter", "darker"}, {"harder", "softer"},  {"softer", "harder"},
        {"faster", "slower"},   {"slower", "faster"},  {"more swing", "straighter"},
    };
    return kOpposite.at(change);
}
} // namespace

// "not too busy", "not so dark", "not as loud drums": the opposite change ("not too busy" is
// simpler). After the change itself ("busier, but not too busy") it is that change's limit and
// leaves it as it is, rather than undoing it.
bool Varier::readNegation(const Words& w, std::size_t& i)
{
    const auto is = matcher(w);
    if (!is(i, {"not"})) return false;
    std::size_t j = i + 1;
    if (is(j, {"too", "so", "as", "that", "very", "overly"})) ++j;
    const std::string asked = j < w.size() ? changeAsked(w[j]) : std::string();
    if (asked.empty()) return false;
    if (std::find(m_asked.begin(), m_asked.end(), asked) != m_asked.end()) {
        i = j + 1;
        return true;
    }
    // The opposite word in place of the negated one, and the words after it that a change reads
    // (its target: "not too loud drums" is "softer drums").
    Words opposed = {opposite(asked)};
    if (opposed.front() == "more swing") opposed = {"less", "swing"};
    const std::size_t extra = opposed.size() - 1;
    for (std::size_t k = j + 1; k < std::min(w.size(), j + 3); ++k)
        opposed.push_back(w[k]);
    std::size_t k = 0;
    if (!step(opposed, k) || k <= extra) return false;
    i = j + 1 + (k - 1 - extra);
    return true;
}

bool Varier::step(const Words& w, std::size_t& i)
{
    const bool read = readNegation(w, i) || readColour(w, i) || readFeel(w, i) || readFill(w, i) ||
                      readTranspose(w, i) || readTempoAndForm(w, i);
    // A part named is for the next change only ("drums busier, bass simpler").
    if (read && !std::exchange(m_targetJustRead, false)) m_pending.reset();
    return read;
}

// The parts named right after a change ("busier drums", "quantize the bass", "simpler for the
// drums and the bass"), read past them in `j`; none when a loudness word follows them ("busier
// drums harder" leaves the drums to "harder").
std::optional<Target> Varier::targetAfter(const Words& w, std::size_t& j) const
{
    const auto is = matcher(w);
    std::optional<Target> out;
    std::size_t k = j;
    while (k < w.size()) {
        std::size_t at = k;
        while (is(at, {"the", "my", "on", "for", "in", "of", "and"}))
            ++at;
        const auto t = at < w.size() ? targetWord(w[at]) : std::nullopt;
        if (!t || is(at + 1, {"fill", "fills"})) break;
        addTarget(out, *t);
        k = at + 1;
    }
    if (!out || is(k, {"harder", "softer", "louder", "quieter", "stronger", "punchier", "gentler"}))
        return std::nullopt;
    j = k;
    return out;
}

// Runs a change that can be aimed at some parts on the parts named before it (m_pending) or
// right after it (read past, from i); with none named, on every part not kept.
void Varier::scoped(const Words& w, std::size_t& i, const std::function<void()>& change)
{
    // Named before, the parts are this change's, and a part named after is the next one's
    // ("drums busier, bass simpler").
    std::optional<Target> scope = std::exchange(m_pending, std::nullopt);
    if (!scope)
        if (auto after = targetAfter(w, i)) {
            m_lastTarget = after;
            scope = std::move(after);
        }
    for (std::size_t ti = 0; scope && ti < m_plan.tracks.size(); ++ti)
        if (roleMatches(ti, *scope)) m_keptNamed |= kept(ti);
    m_scope = std::move(scope);
    change();
    m_scope.reset();
}

// "keep the bass", "same drums", "leave the chords and melody alone", "except the pad": the
// roles named go to m_keep; the returned mask marks the words read (the instrument names must not
// become the target of the next change).
std::vector<bool> Varier::readKeeps(const Words& w)
{
    const auto is = matcher(w);
    std::vector<bool> read(w.size(), false);
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (!is(i, {"keep", "same", "leave", "except"})) continue;
        std::size_t j = i + 1;
        std::vector<Role> roles;
        std::vector<std::size_t> used;
        while (j < w.size()) {
            if (is(j, {"the", "my", "and", "both"})) {
                used.push_back(j++);
                continue;
            }
            const auto t = targetWord(w[j]);
            if (!t || !t->drumKeys.empty()) break; // "same but harder kick": the kick is a change
            roles.insert(roles.end(), t->roles.begin(), t->roles.end());
            used.push_back(j++);
        }
        if (roles.empty()) continue;
        if (w[i] == "same" && is(j, {"but", "only"})) {
            // "same drums but harder kick", "same progression but darker": the change is aimed
            // at what was named; everything else is kept as it was.
            m_keepsAllBut = true;
            for (int r = 0; r < kRoleCount; ++r)
                if (std::find(roles.begin(), roles.end(), static_cast<Role>(r)) == roles.end())
                    m_keep.push_back(static_cast<Role>(r));
        } else {
            m_keep.insert(m_keep.end(), roles.begin(), roles.end());
        }
        read[i] = true;
        for (std::size_t k : used)
            read[k] = true;
        if (is(j, {"alone", "unchanged", "as"})) read[j] = true;
    }
    return read;
}

Result<VariationResult> Varier::run(std::string_view instruction)
{
    if (instruction.size() > kMaxPromptBytes) // an instruction, not a document: bounded work
        return makeError(Error::Code::TooLarge, "the instruction has " +
                                                    std::to_string(instruction.size()) +
                                                    " characters; at most " +
                                                    std::to_string(kMaxPromptBytes) + " are read");
    m_budget = std::max(kMaxVariationNotes, m_plan.noteCount());
    const Words w = promptWords(instruction);
    const std::vector<bool> keepWords = readKeeps(w);
    static const std::vector<std::string> kFiller = {
        "a", "an", "the", "and", "make", "it", "more", "please", "add", "with", "based", "on",
        "this", "of", "to", "bit", "little", "by", "then", "some", "at", "give", "me", "version",
        "lot", "much",
        // "same drums but harder kick", "keep everything else": what is not asked for stays
        "same", "but", "keep", "everything", "else", "rest", "just", "now", "also", "slightly",
        "can", "you", "could", "i", "want", "as", "before", "still", "one", "that"};
    for (std::size_t i = 0; i < w.size();) {
        if (keepWords[i]) {
            ++i;
            continue;
        }
        const std::size_t at = i;
        if (step(w, i)) {
            if (const std::string asked = changeAsked(w[at]);
                !asked.empty() && std::find(m_asked.begin(), m_asked.end(), asked) == m_asked.end())
                m_asked.push_back(asked);
            continue;
        }
        if (std::find(kFiller.begin(), kFiller.end(), w[i]) == kFiller.end())
            m_result.notUnderstood.push_back(w[i]);
        ++i;
    }
    if (m_result.changes.empty() && !m_refused.empty()) {
        std::string why;
        for (const std::string& r : m_refused)
            why += (why.empty() ? "" : "; ") + r;
        return makeError(Error::Code::TooLarge, "nothing changed: " + why + ".");
    }
    m_result.changes.insert(m_result.changes.end(), m_refused.begin(), m_refused.end());
    m_result.notDone = std::move(m_refused);
    if (m_result.changes.empty())
        return makeError(Error::Code::InvalidArgument,
                         "nothing changed: \"" + std::string(instruction) +
                             "\" was not understood. " + variationHelp());
    if (!m_keep.empty()) {
        std::string names;
        const std::vector<std::optional<Role>> present = info().roles;
        for (Role r : m_keep)
            if (names.find(roleName(r)) == std::string::npos &&
                std::find(present.begin(), present.end(), std::optional<Role>(r)) != present.end())
                names += (names.empty() ? "" : ", ") + std::string(roleName(r));
        if (!names.empty())
            m_result.changes.push_back(std::string(m_wholeTakeKey ? "apart from the key, "
                                                   : m_keptNamed  ? "apart from what was named, "
                                                                  : "") +
                                       "kept as it was: " + names);
    }
    m_plan.normalize();
    m_result.plan = std::move(m_plan);
    return std::move(m_result);
}

std::string variationHelp()
{
    return "Variations understood: darker, brighter; harder/softer "
           "[kick|snare|hats|drums|bass|chords|melody|pad]; "
           "busier, simpler; more/less swing, no swing; more/less humanize, quantize; add a fill "
           "at bar M "
           "(\"a 2 bar fill at bar 7\"); transpose up/down N semitones, up an octave, transpose to "
           "E minor; "
           "N bpm, faster, slower; double time, half time; make it N bars; 3/4, 6/8 (each bar "
           "kept); a B section; keep the [instrument] (or \"same drums\", \"except the bass\") to "
           "leave it as it was.";
}

Result<VariationResult> vary(const model::Plan& plan, std::string_view instruction,
                             std::uint64_t seed, int index)
{
    if (plan.ppq < kMinGridPpq)
        return makeError(Error::Code::Unsupported, tooCoarseText(plan.ppq, "a change"));
    Varier v(plan, seed, index);
    auto result = v.run(instruction);
    if (!result) return result;
    // Locked tracks and notes never change; a change that only reached them did nothing.
    const bool touchedLocked = restoreLocked(plan, result->plan);
    if (touchedLocked && result->plan.tracks == plan.tracks && result->plan.tempos == plan.tempos &&
        result->plan.timeSignatures == plan.timeSignatures)
        return makeError(Error::Code::ValidationError, // understood, but all of it is locked
                         "nothing changed: everything \"" + std::string(instruction) +
                             "\" would change is locked");
    if (touchedLocked) result->changes.push_back("locked tracks and notes were left as they were");
    return result;
}

Result<model::Take> varyTake(const model::Take& parent, std::string_view instruction,
                             std::uint64_t seed, std::vector<std::string>* changes,
                             std::vector<std::string>* notUnderstood, int index)
{
    auto varied = vary(parent.plan, instruction, seed, index);
    if (!varied) return varied.error();
    model::Take take;
    take.name = takeStepName(instruction);
    take.plan = std::move(varied->plan);
    take.provenance.prompt = std::string(instruction);
    take.provenance.provider = kProviderName;
    take.provenance.model = kModelName;
    take.provenance.seed = seed;
    take.provenance.parentTake = parent.id;
    if (changes) *changes = std::move(varied->changes);
    if (notUnderstood) *notUnderstood = std::move(varied->notUnderstood);
    return take;
}

} // namespace pianola::engine::generate
