// SPDX-License-Identifier: MIT
// The offline interpreter: tokens, keys, numbers with units, the phrase lexicon, then the brief.
#include "engine/generate/Interpreter.h"

#include "engine/generate/Lexicon.h"
#include "engine/generate/LineReadingsStore.h"
#include "engine/generate/PromptText.h"
#include "engine/generate/Request.h"
#include "model/NoteOps.h"
#include "model/Text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <utility>

namespace pianola::engine::generate {

using lexicon::Entry;
using lexicon::Kind;

namespace {
class Reader
{
public:
    Reader(std::string_view prompt, Interpretation& result)
        : m_tokens(tokenize(prompt)), m_out(result)
    {
        for (const Token& t : m_tokens)
            m_lower.push_back(t.lower);
    }
    Request read();

private:
    bool readKey(std::size_t& i);
    bool readMeter(std::size_t& i);
    bool readPhrase(std::size_t& i);
    bool readNumber(std::size_t& i);
    bool readBarPosition(std::size_t& i);
    void apply(const Entry& e, const std::string& words);
    bool applyNegated(const Entry& e, const std::string& words);
    void assignBars(const std::vector<int>& bars);
    void note(const std::string& what, std::size_t from, std::size_t count);
    void understood(const std::string& what, const std::string& words);
    bool isModeWord(std::size_t i) const;
    std::string span(std::size_t from, std::size_t count) const;

    std::vector<Token> m_tokens;
    std::vector<std::string> m_lower;
    Interpretation& m_out;
    Request m_req;
    int m_pendingRegister = 0;
    bool m_pendingWithout = false;      ///< "no", "not", "without", "less": the next thing negated
    int m_degree = 100;                 ///< "a little" 50, "much" 200: scales the next change
    bool m_with = false;                ///< instruments from here on are additions
    std::optional<Kind> m_barDirective; ///< the last directive that can take a bar number
    std::vector<int> m_pendingBars;     ///< bar numbers said before their directive
};

std::string Reader::span(std::size_t from, std::size_t count) const
{
    std::string s;
    for (std::size_t k = from; k < from + count && k < m_tokens.size(); ++k)
        s += (s.empty() ? "" : " ") + m_tokens[k].text;
    return s;
}

// "what ("words")"; a second phrase meaning the same joins the first: chords: 9ths ("jazzy",
// "9ths").
void Reader::note(const std::string& what, std::size_t from, std::size_t count)
{
    understood(what, span(from, count));
}

void Reader::understood(const std::string& what, const std::string& words)
{
    const std::string head = what + " (";
    const std::string quoted = "\"" + words + "\"";
    for (std::string& line : m_out.understood)
        if (line.starts_with(head) && line.back() == ')') {
            if (line.find(quoted) == std::string::npos) // the same phrase twice is named once
                line.insert(line.size() - 1, ", " + quoted);
            return;
        }
    m_out.understood.push_back(head + quoted + ")");
}

bool Reader::isModeWord(std::size_t i) const
{
    static constexpr std::array<std::string_view, 12> kModes = {
        "major",  "minor",    "min",      "maj",     "dorian", "mixolydian",
        "lydian", "phrygian", "harmonic", "aeolian", "ionian", "m"};
    return i < m_lower.size() &&
           std::find(kModes.begin(), kModes.end(), m_lower[i]) != kModes.end();
}

// Keys: "Am", "F#m", "Ebmaj", "B♭", "A minor", "f sharp minor", "in D", "key of d", "C dorian".
bool Reader::readKey(std::size_t& i)
{
    const std::string& text = m_tokens[i].text;
    const std::string& lower = m_lower[i];
    if (text.empty() || !std::isalpha(static_cast<unsigned char>(text[0])) ||
        std::tolower(static_cast<unsigned char>(text[0])) > 'g')
        return false;
    const bool upper = std::isupper(static_cast<unsigned char>(text[0]));
    std::string name = text.substr(0, 1);
    std::size_t pos = 1, used = 1;
    if (text.compare(pos, 3, "\xE2\x99\xAD") == 0 || text.compare(pos, 3, "\xE2\x99\xAF") == 0)
        name += text.substr(pos, 3), pos += 3;
    else if (pos < text.size() && (text[pos] == '#' || text[pos] == 'b'))
        name += text[pos], pos += 1;
    std::string suffix = lower.substr(std::min(pos, lower.size()));
    // "F sharp minor", "B flat"
    if (text.size() == 1 && i + 1 < m_lower.size() &&
        (m_lower[i + 1] == "sharp" || m_lower[i + 1] == "flat"))
        name += m_lower[i + 1] == "sharp" ? "#" : "b", used = 2;
    const bool accidental = name.size() > 1;
    const std::string prev = i > 0 ? m_lower[i - 1] : "";
    const bool keyContext = prev == "in" || prev == "of" || prev == "key";
    std::optional<Mode> mode;
    if (suffix == "m" || suffix == "min" || suffix == "minor")
        mode = Mode::Minor;
    else if (suffix == "maj" || suffix == "major")
        mode = Mode::Major;
    else if (!suffix.empty())
        return false;
    const bool modeNext = !mode && isModeWord(i + used) && m_lower[i + used] != "m";
    bool isKey;
    if (suffix.empty() &&
        !accidental) // a bare letter: "in D", "key of d", "C major", "a minor" after "in"
        isKey = modeNext ? (lower != "a" || keyContext) : (keyContext && (upper || prev == "of"));
    else // "Am", "F#m", "Eb": capitalised, or with an accidental sign (lower-case "am", "eb" are
         // words)
        isKey = upper || name.find('#') != std::string::npos;
    if (!isKey) return false;
    const auto pc = pitchClassFromName(name);
    if (!pc) return false;
    if (modeNext) {
        std::size_t modeUsed = 1;
        const std::string& w = m_lower[i + used];
        if (w == "harmonic" && i + used + 1 < m_lower.size() && m_lower[i + used + 1] == "minor")
            mode = Mode::HarmonicMinor, modeUsed = 2;
        else if (w == "minor" || w == "min" || w == "aeolian")
            mode = Mode::Minor;
        else if (w == "major" || w == "maj" || w == "ionian")
            mode = Mode::Major;
        else
            mode = modeFromName(w);
        if (!mode) return false;
        used += modeUsed;
    }
    m_req.tonic = *pc;
    m_req.mode = mode.value_or(Mode::Major);
    note("key: " + std::string(model::pitchClassName(*pc, name.size() > 1 && name[1] != '#')) +
             " " + std::string(modeName(*m_req.mode)),
         i, used);
    i += used;
    return true;
}

bool Reader::readMeter(std::size_t& i)
{
    const std::string& w = m_lower[i];
    const auto slash = w.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 >= w.size()) return false;
    const std::string top = w.substr(0, slash), bottom = w.substr(slash + 1);
    if (!std::all_of(top.begin(), top.end(), ::isdigit) ||
        !std::all_of(bottom.begin(), bottom.end(), ::isdigit) || top.size() > 3 ||
        bottom.size() > 3)
        return false;
    m_req.meter = {std::stoi(top), std::stoi(bottom)};
    note("meter: " + w, i, 1);
    ++i;
    return true;
}

// "bar 4", "in bars 4 and 8", "at the end": positions for the directive said before or after.
bool Reader::readBarPosition(std::size_t& i)
{
    std::vector<int> bars;
    std::size_t j = i + 1, used = 0;
    while (j < m_lower.size()) {
        if (const auto n = parseNumber(m_lower, j, used)) {
            bars.push_back(static_cast<int>(*n));
            j += used;
            if (j < m_lower.size() && (m_lower[j] == "and" || m_lower[j] == "&") &&
                j + 1 < m_lower.size() && parseNumber(m_lower, j + 1, used))
                ++j;
            continue;
        }
        break;
    }
    if (bars.empty()) return false;
    assignBars(bars);
    i = j;
    return true;
}

void Reader::assignBars(const std::vector<int>& bars)
{
    if (!m_barDirective) {
        m_pendingBars.insert(m_pendingBars.end(), bars.begin(), bars.end());
        return;
    }
    std::vector<int>& target = *m_barDirective == Kind::Fill ? m_req.fillBars : m_req.tripletBars;
    if (*m_barDirective == Kind::Crash) {
        if (bars != std::vector<int>{1})
            m_out.unrecognised.push_back("crash on bar " + std::to_string(bars.front()) +
                                         " (a crash is placed on bar 1)");
        return;
    }
    target.insert(target.end(), bars.begin(), bars.end());
    m_out.understood.back() += " in bar";
    for (int b : bars)
        m_out.understood.back() += " " + (b < 0 ? std::string("(last)") : std::to_string(b));
}

bool Reader::readNumber(std::size_t& i)
{
    std::size_t used = 0;
    const auto value = parseNumber(m_lower, i, used);
    if (!value) return false;
    const std::size_t next = i + used;
    const std::string unit = next < m_lower.size() ? m_lower[next] : "";
    const std::string prev = i > 0 ? m_lower[i - 1] : "";
    auto take = [&](std::size_t extra) { i = next + extra; };
    const std::string buf = numberText(*value);
    const std::string after = next + 1 < m_lower.size() ? m_lower[next + 1] : "";
    if ((unit == "bar" || unit == "bars" || unit == "measure") &&
        (after == "fill" || after == "fills" || after == "drum" || after == "break")) {
        // "a 2-bar fill": the fill's length, not the song's
        note(std::string("fill length: ") + buf + " bars", i, used + 1);
        take(1);
    } else if (unit == "bar" || unit == "bars" || unit == "measure" || unit == "measures") {
        if (prev == "every" && m_barDirective && *m_barDirective != Kind::Crash) {
            m_pendingBars.clear();
            (*m_barDirective == Kind::Fill ? m_req.fillEvery : m_req.tripletEvery) =
                std::max(1, static_cast<int>(*value));
            note(std::string("every ") + buf + " bars", i - 1, used + 2);
        } else {
            m_req.bars = *value;
            note(std::string("bars: ") + buf, i, used + 1);
        }
        take(1);
    } else if (unit == "bpm" ||
               (unit == "beats" && next + 2 < m_lower.size() && m_lower[next + 1] == "per")) {
        m_req.bpm = *value;
        note(std::string("tempo: ") + buf + " bpm", i, used + (unit == "bpm" ? 1 : 3));
        take(unit == "bpm" ? 1 : 3);
    } else if (unit == "%" || unit == "percent") {
        const bool swingAfter = next + 1 < m_lower.size() && m_lower[next + 1] == "swing";
        m_req.swing = *value;
        note(std::string("swing: ") + buf + "%", i, used + 1 + (swingAfter ? 1 : 0));
        take(swingAfter ? 2 : 1);
    } else if (unit == "takes" || unit == "versions" || unit == "options" || unit == "candidates" ||
               unit == "variations") {
        m_req.candidates = *value;
        note(std::string("candidates: ") + buf, i, used + 1);
        take(1);
    } else if (prev == "at" || prev == "tempo" || prev == "@" || prev == "of") {
        m_req.bpm = *value;
        note(std::string("tempo: ") + buf + " bpm", i, used);
        take(0);
    } else {
        return false;
    }
    return true;
}

// The lexicon's entries by their first word, each list in lexicon order: a token is compared
// with the few phrases that can start with it, not with all of them (fuzz_intent ran 5x faster).
const std::vector<const Entry*>& entriesStartingWith(std::string_view word)
{
    static const auto index = [] {
        std::unordered_map<std::string_view, std::vector<const Entry*>> byFirst;
        for (const Entry& e : lexicon::entries())
            byFirst[e.phrase.substr(0, e.phrase.find(' '))].push_back(&e);
        return byFirst;
    }();
    static const std::vector<const Entry*> none;
    const auto it = index.find(word);
    return it == index.end() ? none : it->second;
}

bool Reader::readPhrase(std::size_t& i)
{
    const Entry* best = nullptr;
    std::size_t bestLength = 0;
    for (const Entry* entry : entriesStartingWith(m_lower[i])) {
        const Entry& e = *entry;
        std::size_t n = 0, pos = 0;
        bool match = true;
        while (pos <= e.phrase.size()) {
            const std::size_t space = std::min(e.phrase.find(' ', pos), e.phrase.size());
            if (i + n >= m_lower.size() || m_lower[i + n] != e.phrase.substr(pos, space - pos)) {
                match = false;
                break;
            }
            ++n;
            pos = space + 1;
        }
        if (match && n > bestLength) best = &e, bestLength = n;
    }
    if (!best) return false;
    const std::string words = span(i, bestLength);
    const std::size_t from = i;
    i += bestLength;
    if (best->kind == Kind::BarWord) {
        std::size_t at = from;
        if (readBarPosition(at)) {
            i = at;
            return true;
        }
        return true; // "bars" on its own: part of a phrase already read
    }
    apply(*best, words);
    return true;
}

// "no swing", "not too busy", "without fills", "less bright": the negated reading of an entry.
bool Reader::applyNegated(const Entry& e, const std::string& words)
{
    auto said = [&](const std::string& what) { understood(what, words); };
    switch (e.kind) {
    case Kind::Swing:
        m_req.swing = 50;
        said("straight (no swing)");
        return true;
    case Kind::Fill:
        m_req.fill = false, m_req.noFills = true;
        said("no drum fills");
        return true;
    case Kind::Humanize:
        m_req.quantized = true;
        said("exactly on the grid");
        return true;
    case Kind::Density:
        m_req.density = e.a > 50 ? 0.35 : 0.6;
        said(e.a > 50 ? "density: not busy" : "density: not sparse");
        return true;
    case Kind::Complexity:
        m_req.complexity = e.a > 50 ? 0.3 : 0.7;
        said(e.a > 50 ? "complexity: simpler" : "complexity: richer");
        return true;
    case Kind::TempoWord: // "not too fast": a medium tempo, or slower than the take's
        if (e.a == 2) return false;
        m_req.tempoWord = 2;
        m_req.tempoChange = e.a > 2 ? -1 : 1;
        said(std::string("tempo: medium (not ") + (e.a > 2 ? "fast)" : "slow)"));
        return true;
    case Kind::Ghost:
        m_req.ghost = false, m_req.noGhost = true;
        said("no ghost notes");
        return true;
    case Kind::Mood: {
        static constexpr Mood kOpposite[] = {Mood::Neutral,   Mood::Uplifting, Mood::Dark,
                                             Mood::Uplifting, Mood::Soft,      Mood::Aggressive,
                                             Mood::Soft,      Mood::Aggressive};
        m_req.mood = kOpposite[static_cast<std::size_t>(e.a)];
        said("mood: " + std::string(moodName(*m_req.mood)) + " (not " +
             std::string(moodName(static_cast<Mood>(e.a))) + ")");
        return true;
    }
    case Kind::Crash:
    case Kind::TripletRoll:
    case Kind::Backbeat:
    case Kind::Clap:
    case Kind::FourOnTheFloor:
        said("not: " + words);
        return true;
    default:
        return false;
    }
}

void Reader::apply(const Entry& e, const std::string& words)
{
    auto said = [&](const std::string& what) { understood(what, words); };
    const auto hundredths = [](int v) { return v / 100.0; };
    if (m_pendingWithout && e.kind != Kind::Instrument && e.kind != Kind::Without &&
        e.kind != Kind::Degree && e.kind != Kind::Filler && e.kind != Kind::Register) {
        m_pendingWithout = false;
        m_degree = 100;
        if (applyNegated(e, words)) return;
    }
    const int degree = std::exchange(m_degree, 100);
    switch (e.kind) {
    case Kind::Genre:
        if (static_cast<Genre>(e.a) == Genre::Ballad && m_req.genre) { // "jazz ballad": slow jazz
            m_req.tempoWord = 1;
            said("ballad: slow");
            break;
        }
        m_req.genre = static_cast<Genre>(e.a);
        said("genre: " + std::string(genreName(*m_req.genre)));
        break;
    case Kind::Mood:
        m_req.mood = static_cast<Mood>(e.a);
        m_req.loudnessChange = e.b != 1 ? 0 : *m_req.mood == Mood::Soft ? -1 : 1;
        said("mood: " + std::string(moodName(*m_req.mood)));
        break;
    case Kind::Mode:
        m_req.mode = static_cast<Mode>(e.a);
        said("mode: " + std::string(modeName(*m_req.mode)));
        break;
    case Kind::Instrument: {
        const Role role = static_cast<Role>(e.a);
        if (m_pendingWithout) {
            m_req.removed.push_back(role);
            m_pendingWithout = false;
            said("without " + std::string(roleName(role)));
            break;
        }
        RoleRequest r{role,
                      e.b,
                      m_pendingRegister,
                      words.find("808") != std::string::npos || words.starts_with("sub") ||
                          words.starts_with("Sub"),
                      e.b == 42,
                      m_with};
        m_pendingRegister = 0;
        m_req.roles.push_back(r);
        said(std::string(roleName(role)) +
             (e.b >= 0 && role != Role::Drums ? " (GM program " + std::to_string(e.b) + ")" : "") +
             (r.octaves ? (r.octaves > 0 ? ", an octave higher" : ", an octave lower") : ""));
        break;
    }
    case Kind::FullArrangement:
        m_req.full = true;
        said("a full arrangement");
        break;
    case Kind::Only:
        m_req.only = true;
        said("only the instruments named");
        break;
    case Kind::Without:
        m_pendingWithout = true;
        break;
    case Kind::With:
        m_with = true;
        break;
    case Kind::TempoWord:
        m_req.tempoWord = e.a;
        m_req.tempoChange = e.b == 1 ? (e.a >= 3 ? 1 : -1) : 0;
        said(std::string("tempo: ") + std::array{"very slow", "slow", "medium", "fast",
                                                 "very fast"}[static_cast<std::size_t>(e.a)]);
        break;
    case Kind::Density:
        m_req.density = std::clamp(0.5 + (hundredths(e.a) - 0.5) * degree / 100.0, 0.0, 1.0);
        said("density " + words);
        break;
    case Kind::Complexity:
        m_req.complexity = hundredths(e.a);
        said("complexity " + words);
        break;
    case Kind::Humanize:
        m_req.humanize = hundredths(e.a);
        said("humanize");
        break;
    case Kind::Quantize:
        m_req.quantized = true;
        said("exactly on the grid");
        break;
    case Kind::Swing: {
        const int swing = degree == 100 ? e.a : std::clamp(50 + (e.a - 50) * degree / 100, 50, 75);
        m_req.swing = swing;
        said("swing " + std::to_string(swing) + "%");
        break;
    }
    case Kind::Straight:
        m_req.swing = 50;
        said("straight (no swing)");
        break;
    case Kind::Extension:
        m_req.extension = e.a;
        said(e.a ? "chords: " + std::to_string(e.a) + "ths" : std::string("chords: triads"));
        break;
    case Kind::Sus:
        m_req.sus = true;
        said("sus chords");
        break;
    case Kind::Add9:
        m_req.add9 = true;
        said("add9 chords");
        break;
    case Kind::Voicing:
        m_req.voicing = static_cast<Voicing>(e.a);
        said("voicing: " + std::string(voicingName(*m_req.voicing)));
        break;
    case Kind::Register:
        m_pendingRegister = e.a;
        break;
    case Kind::Backbeat:
        m_req.backbeat = true;
        said("snare on 2 and 4");
        break;
    case Kind::Clap:
        m_req.backbeat = true, m_req.clap = true;
        said("clap on 2 and 4");
        break;
    case Kind::FourOnTheFloor:
        m_req.fourOnTheFloor = true;
        said("four on the floor");
        break;
    case Kind::Ghost:
        m_req.ghost = true;
        said("ghost notes");
        break;
    case Kind::Crash:
    case Kind::Fill:
    case Kind::TripletRoll:
        if (e.kind == Kind::Crash) m_req.crash = true;
        if (e.kind == Kind::Fill) m_req.fill = true;
        if (e.kind == Kind::TripletRoll) m_req.triplets = true;
        said(e.kind == Kind::Crash  ? "crash on bar 1"
             : e.kind == Kind::Fill ? "drum fill"
                                    : "triplet hi-hat rolls");
        m_barDirective = e.kind;
        if (!m_pendingBars.empty()) {
            const std::vector<int> bars = std::move(m_pendingBars);
            m_pendingBars.clear();
            assignBars(bars);
        }
        break;
    case Kind::BassRoots:
        m_req.follow = BassFollow::Roots;
        said("bass follows the chord roots");
        break;
    case Kind::BassKick:
        m_req.follow = BassFollow::Kick;
        said("bass locks to the kick");
        break;
    case Kind::Sound:
        m_out.notMidi.push_back(words);
        break;
    case Kind::Degree:
        if (e.a < 0)
            m_pendingWithout = true; // "less bright": the opposite of bright
        else
            m_degree = e.a;
        break;
    case Kind::Filler:
    case Kind::BarWord:
    case Kind::KeyWord:
    case Kind::Candidates:
        break;
    }
}

Request Reader::read()
{
    std::size_t i = 0;
    while (i < m_tokens.size()) {
        const std::string& w = m_lower[i];
        if (readKey(i) || readMeter(i) || readPhrase(i) || readNumber(i)) continue;
        if ((w == "end" || w == "ending") && m_barDirective) {
            assignBars({-1});
            ++i;
            continue;
        }
        if (!lexicon::isStopWord(w) && w != "every" && w != "per" && w != "&")
            m_out.unrecognised.push_back(m_tokens[i].text);
        ++i;
    }
    return m_req;
}

Named namedIn(const Request& q)
{
    Named n;
    n.key = q.tonic.has_value();
    n.mode = q.mode.has_value() || q.tonic.has_value();
    n.tempo = q.bpm || q.tempoWord;
    n.tempoChange = q.bpm ? 0 : q.tempoChange;
    n.loudnessChange = q.loudnessChange;
    n.meter = q.meter.has_value();
    n.bars = q.bars.has_value();
    n.swing = q.swing.has_value();
    n.humanize = q.humanize.value_or(0) >= 0.3 && !q.quantized; // "tight" asks no spread
    n.quantize = q.quantized;
    n.extension = q.extension.has_value();
    n.soft = q.mood == Mood::Soft;
    n.loud = q.mood == Mood::Aggressive;
    n.full = q.full;
    n.backbeat = q.backbeat;
    n.fourOnTheFloor = q.fourOnTheFloor;
    n.bassRoots = q.follow == BassFollow::Roots;
    n.bassKick = q.follow == BassFollow::Kick;
    for (const RoleRequest& r : q.roles)
        n.roles.push_back(r.role);
    n.removed = q.removed;
    return n;
}
} // namespace

Request readRequest(std::string_view prompt, Interpretation& out)
{
    if (prompt.size() > kMaxPromptBytes) return {};
    // Within a LineReadings a line is read once. Only a reading into an empty Interpretation is
    // kept or given again (the Reader merges lines into what `out` already holds).
    LineReadings::Store* store = LineReadings::current();
    const bool fresh = out.understood.empty() && out.unrecognised.empty() && out.notMidi.empty();
    if (store && fresh)
        if (const auto* kept = LineReadings::Store::find(store->readings, prompt)) {
            out.understood = kept->understood;
            out.unrecognised = kept->unrecognised;
            out.notMidi = kept->notMidi;
            return kept->request;
        }
    // Words not understood are echoed back (chips, explanations): read a line that is not UTF-8
    // as Latin-1, so every echo is valid text (found by fuzz_intent).
    const std::string text = model::isValidUtf8(prompt) ? std::string() : model::toUtf8Text(prompt);
    Reader reader(text.empty() ? prompt : std::string_view(text), out);
    Request request = reader.read();
    if (store && fresh)
        LineReadings::Store::keep(store->readings, {std::string(prompt), request, out.understood,
                                                    out.unrecognised, out.notMidi});
    return request;
}

Interpretation interpret(std::string_view prompt, std::optional<std::uint64_t> seed)
{
    Interpretation result;
    if (prompt.size() > kMaxPromptBytes) { // a prompt, not a document: bounded work
        result.brief = defaultBrief(Genre::Pop);
        result.problems.push_back("the prompt has " + std::to_string(prompt.size()) +
                                  " characters; at most " + std::to_string(kMaxPromptBytes) +
                                  " are read");
        return result;
    }
    const Request request = readRequest(prompt, result);
    result.brief = briefFromRequest(request, seed.value_or(promptSeed(prompt)), result.problems);
    result.candidatesNamed = request.candidates.has_value();
    result.named = namedIn(request);
    return result;
}

std::string Interpretation::explain() const
{
    std::string s = "understood:\n";
    for (const std::string& u : understood)
        s += "  " + u + "\n";
    if (understood.empty()) s += "  (nothing; the defaults are used)\n";
    if (!unrecognised.empty()) { // no "not understood" line when every word was used
        s += "not understood:";
        for (std::size_t i = 0; i < unrecognised.size(); ++i)
            s += (i ? ", \"" : " \"") + unrecognised[i] + "\"";
        s += "\n";
    }
    for (const std::string& p : problems)
        s += "impossible: " + p + "\n";
    s += "brief:\n";
    std::string d = describeBrief(brief);
    for (std::size_t pos = 0; pos < d.size();) {
        const std::size_t nl = d.find('\n', pos);
        s += "  " + d.substr(pos, nl - pos) + "\n";
        pos = nl + 1;
    }
    return s;
}

} // namespace pianola::engine::generate
