// SPDX-License-Identifier: MIT
// Chord symbols: a small token reader for the quality, the canonical printer, tones, spelling.
#include "model/ChordSymbol.h"

#include "model/Text.h"

#include <algorithm>
#include <array>

namespace pianola::model {

namespace {

using Sym = ChordSymbol;

constexpr std::array<int, 7> kLetterPc = {9, 11, 0, 2, 4, 5, 7}; // A B C D E F G

// 1-based character number of byte `offset` (UTF-8 continuation bytes do not count).
std::size_t charNumber(std::string_view text, std::size_t offset)
{
    std::size_t n = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    return n;
}

/// Reads one symbol; `m_pos` is the byte offset in the trimmed text, errors name its character.
class Reader
{
public:
    explicit Reader(std::string_view text) : m_text(text) {}
    Result<Sym> read();

private:
    bool eat(std::string_view token);
    bool atEnd() const { return m_pos >= m_text.size(); }
    Error fail(const std::string& what, std::size_t at) const;
    Error failHere(const std::string& what) const { return fail(what, m_pos); }
    std::string here() const;
    bool readNote(int& pc);
    bool readNumber(int& n);
    Result<void> readQuality();
    Result<void> readToken(bool first);
    Result<void> setThird(Sym::Third t, std::size_t at);
    Result<void> setFifth(Sym::Fifth f, std::size_t at);
    Result<void> setSeventh(Sym::Seventh s, int extension, std::size_t at);
    Result<void> readAlteration(int sign, std::size_t at);
    Result<void> readAdd(std::size_t at);
    Result<void> readDigits(std::size_t at);
    Result<void> readSeventhNumber(int n, std::size_t at);
    Result<void> check() const;

    std::string_view m_text;
    std::size_t m_pos = 0;
    Sym m_sym;
    bool m_thirdSet = false, m_fifthSet = false, m_seventhSet = false;
};

Error Reader::fail(const std::string& what, std::size_t at) const
{
    return makeError(Error::Code::ParseError, "\"" + toUtf8Text(m_text) + "\": " + what +
                                                  " at character " +
                                                  std::to_string(charNumber(m_text, at)));
}

// The character at m_pos (all bytes of a UTF-8 sequence), for messages.
std::string Reader::here() const
{
    std::size_t end = m_pos + 1;
    while (end < m_text.size() && end - m_pos < 4 &&
           (static_cast<unsigned char>(m_text[end]) & 0xC0) == 0x80)
        ++end;
    return "an unexpected '" + toUtf8Text(m_text.substr(m_pos, end - m_pos)) + "'";
}

bool Reader::eat(std::string_view token)
{
    if (m_text.substr(m_pos).starts_with(token)) {
        m_pos += token.size();
        return true;
    }
    return false;
}

bool Reader::readNote(int& pc)
{
    if (atEnd() || m_text[m_pos] < 'A' || m_text[m_pos] > 'G') return false;
    pc = kLetterPc[static_cast<std::size_t>(m_text[m_pos++] - 'A')];
    if (eat("#") || eat("\u266F"))
        pc += 1;
    else if (eat("b") || eat("\u266D"))
        pc += 11;
    pc %= 12;
    return true;
}

bool Reader::readNumber(int& n)
{
    const std::size_t start = m_pos;
    n = 0;
    while (!atEnd() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9' && m_pos - start < 3)
        n = n * 10 + (m_text[m_pos++] - '0');
    return m_pos > start;
}

Result<void> Reader::setThird(Sym::Third t, std::size_t at)
{
    if (m_thirdSet && m_sym.third != t) return fail("a second third (major, minor, sus)", at);
    m_sym.third = t;
    m_thirdSet = true;
    return {};
}

Result<void> Reader::setFifth(Sym::Fifth f, std::size_t at)
{
    if (m_fifthSet && m_sym.fifth != f) return fail("a second altered fifth", at);
    m_sym.fifth = f;
    m_fifthSet = true;
    return {};
}

Result<void> Reader::setSeventh(Sym::Seventh s, int extension, std::size_t at)
{
    if (m_seventhSet) {
        // "maj" read before "7" leaves a major seventh for the number to complete
        if (m_sym.seventh != Sym::Seventh::Major || s != Sym::Seventh::Minor || m_sym.extension)
            return fail("a second seventh or extension", at);
        s = Sym::Seventh::Major;
    }
    m_sym.seventh = s;
    m_sym.extension = extension;
    m_seventhSet = true;
    return {};
}

Result<void> Reader::readAlteration(int sign, std::size_t at)
{
    int n = 0;
    if (!readNumber(n)) return fail("a number after the accidental", m_pos);
    if (n == 5) return setFifth(sign < 0 ? Sym::Fifth::Flat : Sym::Fifth::Sharp, at);
    const int bit = sign < 0 ? (n == 9    ? Sym::kFlat9
                                : n == 13 ? Sym::kFlat13
                                          : 0)
                             : (n == 9    ? Sym::kSharp9
                                : n == 11 ? Sym::kSharp11
                                          : 0);
    if (!bit)
        return fail(std::string("an unknown alteration ") + (sign < 0 ? "b" : "#") +
                        std::to_string(n) + " (b5 #5 b9 #9 #11 b13)",
                    at);
    m_sym.alterations |= static_cast<std::uint8_t>(bit);
    return {};
}

Result<void> Reader::readAdd(std::size_t at)
{
    int n = 0;
    if (!readNumber(n)) return fail("a number after \"add\"", m_pos);
    const int bit = (n == 9 || n == 2)    ? Sym::kAdd9
                    : (n == 11 || n == 4) ? Sym::kAdd11
                    : (n == 13 || n == 6) ? Sym::kAdd13
                                          : 0;
    if (!bit) return fail("an unknown added tone " + std::to_string(n) + " (add9 add11 add13)", at);
    m_sym.adds |= static_cast<std::uint8_t>(bit);
    return {};
}

// 5 (power), 6, 6/9, 69, 7, 9, 11, 13; "75", "135" (a seventh without a third, as the
// generator's quality names write it).
Result<void> Reader::readDigits(std::size_t at)
{
    int n = 0;
    readNumber(n);
    if (n > 5 && n % 10 == 5 && n / 10 != 6) {
        if (auto r = readSeventhNumber(n / 10, at); !r) return r;
        n = 5;
    }
    if (n == 5) {
        if (m_thirdSet) return fail("a power chord \"5\" after a third", at);
        m_sym.third = Sym::Third::None;
        m_thirdSet = true;
        return {};
    }
    if (n == 6 || n == 69) {
        if (n == 69 || eat("/9")) m_sym.adds |= Sym::kAdd9;
        return setSeventh(Sym::Seventh::Sixth, 0, at);
    }
    return readSeventhNumber(n, at);
}

Result<void> Reader::readSeventhNumber(int n, std::size_t at)
{
    if (n == 7 || n == 9 || n == 11 || n == 13)
        return setSeventh(Sym::Seventh::Minor, n == 7 ? 0 : n, at);
    return fail("an unknown number " + std::to_string(n) + " (5 6 7 9 11 13)", at);
}

// One token; `first` is true right after the root, where m, -, +, dim, aug, maj may stand.
Result<void> Reader::readToken(bool first)
{
    const std::size_t at = m_pos;
    if (eat("(") || eat(")") || eat(",")) return {};
    if (eat("maj") || eat("Maj") || eat("MAJ") || eat("\u0394") || eat("^") || eat("M")) {
        int n = 0;
        if (readNumber(n)) {
            const bool noThird = n > 5 && n % 10 == 5; // "maj75": the generator's names
            if (noThird) n /= 10;
            if (noThird && !(m_thirdSet && m_sym.third != Sym::Third::None)) {
                m_sym.third = Sym::Third::None;
                m_thirdSet = true;
            }
            if (n != 7 && n != 9 && n != 11 && n != 13)
                return fail("an unknown number " + std::to_string(n) + " after maj", at);
            return setSeventh(Sym::Seventh::Major, n == 7 ? 0 : n, at);
        }
        const bool triangle = m_text.substr(at).starts_with("\u0394") || m_text[at] == '^';
        if (triangle) return setSeventh(Sym::Seventh::Major, 0, at);
        if (!first && !(m_thirdSet && m_sym.third == Sym::Third::Minor && !m_seventhSet))
            return fail("\"maj\" after the quality", at);
        return m_thirdSet ? setSeventh(Sym::Seventh::Major, 0, at) : Result<void>{};
    }
    if (first && (eat("min") || eat("mi") || eat("m") || eat("-")))
        return setThird(Sym::Third::Minor, at);
    if (first && (eat("dim") || eat("o") || eat("\u00B0"))) {
        if (auto r = setThird(Sym::Third::Minor, at); !r) return r;
        if (auto r = setFifth(Sym::Fifth::Flat, at); !r) return r;
        return eat("7") ? setSeventh(Sym::Seventh::Diminished, 0, at) : Result<void>{};
    }
    if (first && (eat("\u00F8") || eat("hdim"))) {
        eat("7");
        if (auto r = setThird(Sym::Third::Minor, at); !r) return r;
        if (auto r = setFifth(Sym::Fifth::Flat, at); !r) return r;
        return setSeventh(Sym::Seventh::Minor, 0, at);
    }
    if (first && (eat("aug") || (m_text[m_pos] == '+' &&
                                 !m_text.substr(m_pos + 1).starts_with("9") && eat("+")))) {
        if (auto r = setThird(Sym::Third::Major, at); !r) return r;
        if (!m_text.substr(m_pos).starts_with("5")) return setFifth(Sym::Fifth::Sharp, at);
        ++m_pos; // "+5"
        return setFifth(Sym::Fifth::Sharp, at);
    }
    if (eat("sus")) {
        const Sym::Third t = eat("2") ? Sym::Third::Sus2 : (eat("4"), Sym::Third::Sus4);
        return setThird(t, at);
    }
    if (eat("add")) return readAdd(at);
    if (eat("no3") || eat("omit3")) return setThird(Sym::Third::None, at);
    if (eat("b") || eat("-") || eat("\u266D")) return readAlteration(-1, at);
    if (eat("#") || eat("+") || eat("\u266F")) return readAlteration(+1, at);
    if (m_text[m_pos] >= '0' && m_text[m_pos] <= '9') return readDigits(at);
    return failHere(here());
}

Result<void> Reader::readQuality()
{
    bool first = true;
    while (!atEnd() && m_text[m_pos] != '/') {
        const std::size_t before = m_pos;
        if (auto r = readToken(first); !r) return r;
        if (m_text[before] != '(') first = false;
    }
    return {};
}

// Combinations the symbol cannot mean.
Result<void> Reader::check() const
{
    const Sym& s = m_sym;
    if (s.third == Sym::Third::None && (s.alterations || s.adds || m_fifthSet))
        return fail("a chord without a third (\"5\", \"no3\") with altered or added tones", 0);
    if (s.seventh == Sym::Seventh::Diminished && (s.extension || s.alterations))
        return fail("extensions on a diminished seventh", 0);
    return {};
}

Result<Sym> Reader::read()
{
    if (m_text.empty()) return makeError(Error::Code::ParseError, "an empty chord symbol");
    if (m_text.size() > kMaxChordSymbolBytes)
        return makeError(Error::Code::ParseError, "a chord symbol longer than " +
                                                      std::to_string(kMaxChordSymbolBytes) +
                                                      " bytes");
    for (std::string_view nc : {"N.C.", "N.C", "NC", "N/C"})
        if (m_text == nc) {
            Sym none;
            none.noChord = true;
            return none;
        }
    if (!readNote(m_sym.root)) return failHere("a root note A-G expected");
    if (auto r = readQuality(); !r) return r.error();
    if (eat("/")) {
        const std::size_t at = m_pos;
        if (!readNote(m_sym.bass)) return fail("a bass note A-G expected after '/'", at);
        if (!atEnd()) return failHere(here());
        if (m_sym.bass == m_sym.root) m_sym.bass = -1;
    }
    if (auto r = check(); !r) return r.error();
    return m_sym;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// "dim", "dim7", "aug", or the generic spelling from the third, seventh and extension.
std::string baseSuffix(const Sym& s, bool& fifthDone, bool& sixNineDone)
{
    const bool dimTriad = s.third == Sym::Third::Minor && s.fifth == Sym::Fifth::Flat;
    fifthDone = true;
    if (dimTriad && s.seventh == Sym::Seventh::None) return "dim";
    if (dimTriad && s.seventh == Sym::Seventh::Diminished) return "dim7";
    if (s.third == Sym::Third::Major && s.fifth == Sym::Fifth::Sharp &&
        s.seventh == Sym::Seventh::None)
        return "aug";
    fifthDone = false;
    if (s.third == Sym::Third::None && s.seventh == Sym::Seventh::None) return "5";
    std::string out = s.third == Sym::Third::Minor ? "m" : "";
    const std::string number = std::to_string(s.extension ? s.extension : 7);
    switch (s.seventh) {
    case Sym::Seventh::None:
        break;
    case Sym::Seventh::Sixth:
        sixNineDone = (s.adds & Sym::kAdd9) != 0;
        out += sixNineDone ? "6/9" : "6";
        break;
    case Sym::Seventh::Minor:
        out += number;
        break;
    case Sym::Seventh::Major:
        out += "maj" + number;
        break;
    case Sym::Seventh::Diminished:
        out += "7";
        break; // not produced by the reader
    }
    if (s.third == Sym::Third::Sus2) out += "sus2";
    if (s.third == Sym::Third::Sus4) out += "sus4";
    if (s.third == Sym::Third::None) out += "no3";
    return out;
}

// Tones above the root in the order they are stacked.
std::vector<int> intervals(const Sym& s)
{
    std::vector<int> out{0};
    constexpr std::array<int, 5> kThird = {4, 3, 2, 5, -1};
    if (const int t = kThird[static_cast<std::size_t>(s.third)]; t >= 0) out.push_back(t);
    out.push_back(s.fifth == Sym::Fifth::Flat ? 6 : s.fifth == Sym::Fifth::Sharp ? 8 : 7);
    constexpr std::array<int, 5> kSeventh = {-1, 9, 10, 11, 9};
    if (const int t = kSeventh[static_cast<std::size_t>(s.seventh)]; t >= 0) out.push_back(t);
    const bool altered9 = s.alterations & (Sym::kFlat9 | Sym::kSharp9);
    if (s.extension >= 9 && !altered9) out.push_back(2);
    const bool eleventh = s.extension == 11 || (s.extension == 13 && s.third == Sym::Third::Minor);
    if (eleventh && !(s.alterations & Sym::kSharp11)) out.push_back(5);
    if (s.extension == 13 && !(s.alterations & Sym::kFlat13)) out.push_back(9);
    constexpr std::array<std::pair<int, int>, 4> kAltered = {
        {{Sym::kFlat9, 1}, {Sym::kSharp9, 3}, {Sym::kSharp11, 6}, {Sym::kFlat13, 8}}};
    for (const auto& [bit, interval] : kAltered)
        if (s.alterations & bit) out.push_back(interval);
    constexpr std::array<std::pair<int, int>, 3> kAdded = {
        {{Sym::kAdd9, 2}, {Sym::kAdd11, 5}, {Sym::kAdd13, 9}}};
    for (const auto& [bit, interval] : kAdded)
        if (s.adds & bit) out.push_back(interval);
    return out;
}

// Letters above the tonic by interval: the same degree table serves major and minor (b2 2 b3 3
// 4 #4 5 b6 6 b7 7 in major; in minor 3 #3 #6 #7 where major has b3 3 6 7).
constexpr std::array<int, 12> kDegreeSteps = {0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6};
constexpr std::array<const char*, 12> kPlainNames = {"C",  "Db", "D",  "Eb", "E",  "F",
                                                     "F#", "G",  "Ab", "A",  "Bb", "B"};
constexpr std::array<const char*, 12> kSharpNames = {"C",  "C#", "D",  "D#", "E",  "F",
                                                     "F#", "G",  "G#", "A",  "A#", "B"};

// The name of `pc` on the letter `steps` above `baseLetter` ('A'..'G'); a plain name (sharps
// when `sharps`) when that would need a double accidental.
std::string spellStepsAbove(int pc, char baseLetter, int steps, bool sharps)
{
    const int letter = (baseLetter - 'A' + steps) % 7; // 0 = A
    const int natural = kLetterPc[static_cast<std::size_t>(letter)];
    const int accidental = ((pc - natural + 12 + 6) % 12) - 6; // -6..5
    const std::string name(1, static_cast<char>('A' + letter));
    if (accidental == 0) return name;
    if (accidental == 1) return name + "#";
    if (accidental == -1) return name + "b";
    return sharps ? kSharpNames[static_cast<std::size_t>(pc)]
                  : kPlainNames[static_cast<std::size_t>(pc)];
}

// A slash bass that is a chord tone is spelled as that tone above the root (E7/G#, not E7/Ab);
// any other bass by the key.
std::string spellBass(const Sym& s, char rootLetter, const KeySignature& key)
{
    Sym chordOnly = s;
    chordOnly.bass = -1;
    const std::vector<int> tones = chordOnly.tones();
    if (std::find(tones.begin(), tones.end(), s.bass) == tones.end())
        return spellPitchClass(s.bass, key);
    const int interval = (s.bass - s.root + 12) % 12;
    // Steps above the root by interval: b9 9 m3 3 11 b5/#11 5 #5/b13 6 b7 7
    constexpr std::array<int, 12> kChordSteps = {0, 1, 1, 2, 2, 3, 4, 4, 5, 5, 6, 6};
    int steps = kChordSteps[static_cast<std::size_t>(interval)];
    if (interval == 6 && s.fifth != Sym::Fifth::Flat) steps = 3;  // #11
    if (interval == 8 && s.fifth != Sym::Fifth::Sharp) steps = 5; // b13
    if (interval == 3 && (s.alterations & Sym::kSharp9) && s.third == Sym::Third::Major) steps = 1;
    if (interval == 9 && s.seventh == Sym::Seventh::Diminished) steps = 6; // bb7
    return spellStepsAbove(s.bass, rootLetter, steps, key.sharps > 0);
}

} // namespace

std::string ChordSymbol::suffix() const
{
    if (noChord) return {};
    bool fifthDone = false, sixNineDone = false;
    std::string out = baseSuffix(*this, fifthDone, sixNineDone);
    std::string altered;
    if (!fifthDone && fifth == Fifth::Flat) altered += "b5";
    if (!fifthDone && fifth == Fifth::Sharp) altered += "#5";
    constexpr std::array<std::pair<int, const char*>, 4> kAltered = {
        {{kFlat9, "b9"}, {kSharp9, "#9"}, {kSharp11, "#11"}, {kFlat13, "b13"}}};
    for (const auto& [bit, text] : kAltered)
        if (alterations & bit) altered += text;
    // Right after the root an accidental would read as the root's: "B(b5)", not "Bb5".
    out += out.empty() && !altered.empty() ? "(" + altered + ")" : altered;
    if ((adds & kAdd9) && !sixNineDone) out += "add9";
    if (adds & kAdd11) out += "add11";
    if (adds & kAdd13) out += "add13";
    return out;
}

std::vector<int> ChordSymbol::tones() const
{
    std::vector<int> out;
    if (noChord) return out;
    for (const int i : intervals(*this)) {
        const int pc = (root + i) % 12;
        if (std::find(out.begin(), out.end(), pc) == out.end()) out.push_back(pc);
    }
    if (bass >= 0 && std::find(out.begin(), out.end(), bass) == out.end()) out.push_back(bass);
    return out;
}

Result<ChordSymbol> parseChordSymbol(std::string_view text)
{
    return Reader(trimmed(text)).read();
}

std::string spellPitchClass(int pitchClass, const KeySignature& key)
{
    const int pc = ((pitchClass % 12) + 12) % 12;
    const int tonicPc = keySignatureTonicPc(key);
    const int steps = kDegreeSteps[static_cast<std::size_t>((pc - tonicPc + 12) % 12)];
    return spellStepsAbove(pc, keySignatureTonic(key)[0], steps, key.sharps > 0);
}

std::string chordSymbolText(const ChordSymbol& symbol, const KeySignature& key)
{
    if (symbol.noChord) return "N.C.";
    std::string out = spellPitchClass(symbol.root, key) + symbol.suffix();
    if (symbol.bass >= 0 && symbol.bass != symbol.root) out += "/" + spellBass(symbol, out[0], key);
    return out;
}

Result<ChordSymbol> chordSymbolOf(const PlanChord& chord)
{
    std::string text = kPlainNames[static_cast<std::size_t>(((chord.root % 12) + 12) % 12)];
    text += chord.quality;
    if (chord.bass >= 0)
        text += std::string("/") + kPlainNames[static_cast<std::size_t>(chord.bass % 12)];
    return parseChordSymbol(text);
}

PlanChord planChordOf(const ChordSymbol& symbol, Tick startTick, Tick lengthTicks)
{
    PlanChord c;
    c.startTick = startTick;
    c.lengthTicks = lengthTicks;
    c.root = symbol.root;
    c.quality = symbol.suffix();
    c.tones = symbol.tones();
    c.bass = symbol.bass;
    return c;
}

} // namespace pianola::model
