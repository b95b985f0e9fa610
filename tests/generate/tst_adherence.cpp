// SPDX-License-Identifier: MIT
// Adherence: prompts and variations, each checked for what its words ask, measured on the SMF
// bytes the generator's plan writes (read back with the SMF reader). Prints passed/total and
// fails below 95 %.
#include "engine/generate/Generator.h"
#include "engine/generate/Interpreter.h"
#include "engine/generate/Variation.h"
#include "engine/smf/SmfPlan.h"
#include "MusicChecks.h"

#include <functional>
#include <map>
#include <QtTest>
#include <sstream>

using namespace pianola;
using namespace checks;
namespace gen = pianola::engine::generate;

namespace {
struct Tally
{
    int passed = 0, total = 0;
    QStringList failures;
    void check(bool ok, const QString& what)
    {
        ++total;
        passed += ok;
        if (!ok) failures << what;
    }
};

model::Plan roundTrip(const model::Plan& plan)
{
    const std::vector<std::uint8_t> bytes = engine::smf::writePlan(plan);
    auto read = engine::smf::readPlan(bytes);
    return read ? read->plan : model::Plan{};
}

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string item; std::getline(in, item, sep);)
        if (!item.empty()) out.push_back(item);
    return out;
}

int pcOf(const std::string& name)
{
    return gen::pitchClassFromName(name).value_or(-1);
}

int drumKey(const std::string& piece)
{
    static const std::map<std::string, int> keys = {
        {"kick", 36},  {"snare", 38}, {"clap", 39},      {"hat", 42},     {"openhat", 46},
        {"crash", 49}, {"ride", 51},  {"sidestick", 37}, {"floortom", 41}};
    return keys.at(piece);
}

// One expectation, "name=value", checked on the read-back plan.
void expect(Tally& t, const QString& where, const model::Plan& p, const std::string& spec,
            const std::set<int>& fillBars = {})
{
    const auto eq = spec.find_first_of("=<>");
    const std::string name = spec.substr(0, eq);
    const std::string value =
        eq == std::string::npos ? "" : spec.substr(spec.find_first_not_of("=<>", eq));
    const QString label = where + " [" + QString::fromStdString(spec) + "]";
    const Tick bar = barTicks(p);
    const int bars = static_cast<int>(p.lengthTicks() / bar);
    const Track* drums = track(p, "Drums");
    const Tick tol = p.ppq / 12;
    if (name == "bpm")
        t.check(std::abs(p.initialBpm() - std::stod(value)) < 0.01,
                label + QString(" got %1").arg(p.initialBpm()));
    else if (name == "tempo") { // tempo>=X or tempo<=X
        const double v = std::stod(value);
        t.check(spec.find(">=") != std::string::npos ? p.initialBpm() >= v : p.initialBpm() <= v,
                label + QString(" got %1").arg(p.initialBpm()));
    } else if (name == "meter") {
        const auto& ts = p.timeSignatures.front();
        t.check(std::to_string(ts.numerator) + "/" + std::to_string(ts.denominator) == value,
                label);
    } else if (name == "bars") {
        bool notesInside = true;
        for (const Track& tr : p.tracks)
            for (const Note& n : tr.notes)
                notesInside = notesInside && n.endTick() <= std::stoi(value) * bar;
        t.check(p.lengthTicks() == std::stoi(value) * bar && notesInside,
                label + QString(" got %1 ticks").arg(p.lengthTicks()));
    } else if (name == "key" || name == "scale") { // the signature, the scale share, and (key) K-S
        const auto parts = split(value, ':');
        const int tonic = pcOf(parts[0]);
        const bool minor = parts[1] == "minor" || parts[1] == "dorian" || parts[1] == "phrygian" ||
                           parts[1] == "harmonic-minor";
        const auto& ks = p.keySignatures;
        const int sigTonic =
            ks.empty() ? -1 : ((ks[0].sharps * 7) % 12 + 12 + (ks[0].minor ? 9 : 0)) % 12;
        t.check(!ks.empty() && sigTonic == tonic && ks[0].minor == minor,
                label + " (key signature)");
        const double share = inScaleShare(p, majorScale(tonic, minor, parts[1]));
        t.check(share >= 0.85, label + QString(" (in-scale share %1)").arg(share));
        if (name == "key" && (parts[1] == "major" || parts[1] == "minor")) {
            const auto [kt, km] = estimateKey(p);
            t.check(kt == tonic && km == minor,
                    label + QString(" (Krumhansl-Schmuckler says %1 %2)")
                                .arg(kt)
                                .arg(km ? "minor" : "major"));
        }
    } else if (name == "roles") {
        std::set<std::string> want, got;
        for (const auto& r : split(value, ','))
            want.insert(r);
        for (const Track& tr : p.tracks)
            if (!tr.notes.empty()) got.insert(tr.name);
        QString gotText;
        for (const auto& g : got)
            gotText += QString::fromStdString(g) + " ";
        t.check(want == got, label + " got " + gotText);
        if (drums) t.check(drums->channel == 9, where + " drums on MIDI channel 10");
    } else if (name == "program") {
        const auto parts = split(value, ':');
        const Track* tr = track(p, parts[0]);
        t.check(tr && tr->program == std::stoi(parts[1]), label);
    } else if (name == "pieces") {
        for (const auto& piece : split(value, ',')) {
            bool found = false;
            if (drums)
                for (const Note& n : drums->notes)
                    found = found || n.key == drumKey(piece);
            t.check(found && drums->channel == 9, label + " " + QString::fromStdString(piece));
        }
    } else if (name == "backbeat" || name == "fotf") {
        int good = 0, counted = 0;
        for (int b = 0; b < bars && drums; ++b) {
            if (fillBars.count(b + 1)) continue; // a fill bar plays the fill, not the groove
            ++counted;
            bool ok = true;
            for (int beat :
                 name == "backbeat" ? std::vector<int>{1, 3} : std::vector<int>{0, 1, 2, 3}) {
                const Tick at = b * bar + beat * p.ppq;
                ok = ok && (name == "backbeat" ? hitNear(*drums, {37, 38, 39, 40}, at, tol)
                                               : hitNear(*drums, {35, 36}, at, tol));
            }
            good += ok;
        }
        t.check(counted > 0 && good >= 0.9 * counted,
                label + QString(" %1 of %2 bars").arg(good).arg(counted));
    } else if (name == "swing8" || name == "swing16") {
        const double r = swingRatio(p, name == "swing8" ? p.ppq : p.ppq / 2) * 100;
        t.check(std::abs(r - std::stod(value)) <= 3, label + QString(" measured %1%").arg(r));
    } else if (name == "humanized") {
        const double off = offGridShare(p), spread = velocitySpread(p);
        t.check(off >= 0.3, label + QString(" off-grid share %1").arg(off));
        t.check(spread >= 5, label + QString(" velocity spread %1").arg(spread));
    } else if (name == "quantized") {
        t.check(offGridShare(p) == 0, label + QString(" off-grid share %1").arg(offGridShare(p)));
    } else if (name == "ext" || name == "triads") {
        const Track* chords = track(p, "Chords") ? track(p, "Chords") : track(p, "Pad");
        int extended = 0, n = 0;
        if (chords)
            for (const auto& set : chordSets(*chords, p.ppq / 4))
                if (set.size() >= 3) ++n, extended += set.size() >= 4;
        const double share = n ? static_cast<double>(extended) / n : 0;
        t.check(n > 0 && (name == "ext" ? share >= std::stod(value) : share <= 0.05),
                label + QString(" extended share %1").arg(share));
    } else if (name == "bassroots") {
        const Track* bass = track(p, "Bass");
        const Track* chords = track(p, "Chords") ? track(p, "Chords") : track(p, "Pad");
        int good = 0, n = 0;
        if (bass && chords)
            for (const Note& b : bass->notes) {
                const Tick inBar = b.startTick % bar;
                if (std::min(inBar, bar - inBar) > tol && std::abs(inBar - bar / 2) > tol)
                    continue; // strong beats only: 1 and 3
                ++n;
                good += isRootIn(b.key % 12, lastChordAt(*chords, b.startTick + tol,
                                                         b.startTick - inBar, p.ppq / 4));
            }
        t.check(n >= bars && good >= 0.9 * n,
                label + QString(" %1 of %2 on roots").arg(good).arg(n));
    } else if (name == "basskick") {
        const Track* bass = track(p, "Bass");
        int good = 0, n = 0;
        if (bass && drums)
            for (const Note& b : bass->notes)
                ++n, good += hitNear(*drums, {35, 36}, b.startTick, tol);
        t.check(n > 0 && good >= 0.9 * n,
                label + QString(" %1 of %2 with a kick").arg(good).arg(n));
    } else if (name == "ghost") {
        int ghosts = 0;
        if (drums)
            for (const Note& n : drums->notes)
                ghosts += n.velocity <= 50 && (n.key == 38 || n.key == 37);
        t.check(ghosts >= bars, label + QString(" %1 ghost notes").arg(ghosts));
    } else if (name == "varies") { // a loop, not a copy-paste: the drum bars differ
        std::set<std::vector<std::pair<Tick, int>>> patterns;
        for (int b = 0; b < bars && drums; ++b) {
            std::vector<std::pair<Tick, int>> bar_;
            for (const Note& n : drums->notes)
                if (n.startTick / bar == b)
                    bar_.push_back(
                        {(n.startTick % bar + p.ppq / 8) / (p.ppq / 4), n.key}); // by sixteenth
            patterns.insert(bar_);
        }
        t.check(static_cast<int>(patterns.size()) >= std::max(3, bars / 2),
                label + QString(" %1 distinct bars of %2").arg(patterns.size()).arg(bars));
    } else if (name == "accents") { // the metric accent map: beats louder than off-beat sixteenths
        double on = 0, off = 0;
        int nOn = 0, nOff = 0;
        for (const Track& tr : p.tracks)
            for (const Note& n : tr.notes) {
                const Tick pos = (n.startTick + p.ppq / 16) % p.ppq;
                if (pos < p.ppq / 8)
                    on += n.velocity, ++nOn;
                else if (std::abs(pos - p.ppq / 4 - p.ppq / 16) < p.ppq / 16 ||
                         std::abs(pos - 3 * p.ppq / 4 - p.ppq / 16) < p.ppq / 16)
                    off += n.velocity, ++nOff;
            }
        t.check(nOn > 0 && nOff > 0 && on / nOn > off / nOff + 8,
                label + QString(" beats %1, sixteenths %2")
                            .arg(on / std::max(nOn, 1))
                            .arg(off / std::max(nOff, 1)));
    } else if (name == "chordtones") { // the melody lands on chord tones on the strong beats
        const Track* melody = track(p, "Melody");
        const Track* chords = track(p, "Chords") ? track(p, "Chords") : track(p, "Pad");
        int good = 0, n = 0;
        if (melody && chords)
            for (const Note& m : melody->notes) {
                const Tick inBar = m.startTick % bar;
                if (std::min(inBar, bar - inBar) > tol && std::abs(inBar - bar / 2) > tol) continue;
                ++n;
                good += lastChordAt(*chords, m.startTick + tol, m.startTick - inBar, p.ppq / 4)
                            .count(m.key % 12) > 0;
            }
        t.check(n >= bars && good >= 0.8 * n,
                label + QString(" %1 of %2 strong-beat notes are chord tones").arg(good).arg(n));
    } else if (name == "keysig") { // the key signature only
        const auto parts = split(value, ':');
        const auto& ks = p.keySignatures;
        t.check(!ks.empty() &&
                    ((ks[0].sharps * 7) % 12 + 12 + (ks[0].minor ? 9 : 0)) % 12 == pcOf(parts[0]) &&
                    ks[0].minor == (parts[1] == "minor"),
                label);
    } else if (name == "tonic") { // Krumhansl-Schmuckler finds the tonic (either mode)
        t.check(estimateKey(p).first == pcOf(value),
                label + QString(" K-S says %1").arg(estimateKey(p).first));
    } else if (name ==
               "borrowed") { // borrowed=C: a darker major key borrows from its parallel minor
        const int tonic = pcOf(value);
        const auto major = majorScale(tonic, false), minor = majorScale(tonic, true);
        int borrowed = 0, all = 0;
        for (const Track& tr : p.tracks)
            if (tr.channel != 9)
                for (const Note& n : tr.notes) {
                    ++all;
                    const bool inMajor =
                        std::find(major.begin(), major.end(), n.key % 12) != major.end();
                    const bool inMinor =
                        std::find(minor.begin(), minor.end(), n.key % 12) != minor.end();
                    borrowed += !inMajor && inMinor;
                }
        t.check(all > 0 && borrowed >= 0.05 * all,
                label + QString(" %1 of %2 notes borrowed").arg(borrowed).arg(all));
    } else if (name == "voiceleading") { // consecutive chords move little: mean move per voice
        const Track* chords = track(p, value);
        std::vector<std::vector<int>> voicings;
        Tick earliestEnd = -1; // a chord lasts until one of its notes ends (broken chords too)
        if (chords)
            for (const Note& n : chords->notes) {
                if (voicings.empty() || n.startTick >= earliestEnd - p.ppq / 8)
                    voicings.emplace_back(), earliestEnd = n.endTick();
                voicings.back().push_back(n.key);
                earliestEnd = std::min(earliestEnd, n.endTick());
            }
        double moved = 0;
        int voices = 0;
        for (std::size_t i = 1; i < voicings.size(); ++i)
            for (int k : voicings[i]) {
                int best = 127;
                for (int m : voicings[i - 1])
                    best = std::min(best, std::abs(k - m));
                moved += best, ++voices;
            }
        t.check(voices > 0 && moved / voices <= 2.5,
                label + QString(" %1 semitones per voice").arg(voices ? moved / voices : -1));
    } else if (name == "bassghost") { // dead notes in the bass line
        int ghosts = 0;
        if (const Track* bass = track(p, "Bass"))
            for (const Note& n : bass->notes)
                ghosts += n.velocity <= 45 && n.lengthTicks <= p.ppq / 4;
        t.check(ghosts >= bars / 2, label + QString(" %1 dead notes").arg(ghosts));
    } else if (name == "triplets") {
        for (const auto& b : split(value, ',')) {
            std::vector<Tick> hats;
            const Tick from = (std::stoi(b) - 1) * bar;
            if (drums)
                for (const Note& n : drums->notes)
                    if (n.key == 42 && n.startTick >= from && n.startTick < from + bar)
                        hats.push_back(n.startTick);
            int triplets = 0;
            for (std::size_t i = 1; i < hats.size(); ++i)
                triplets += std::abs(hats[i] - hats[i - 1] - p.ppq / 6) <= 2;
            t.check(triplets >= 6, label + QString(" bar %1: %2 triplet gaps")
                                               .arg(QString::fromStdString(b))
                                               .arg(triplets));
        }
    } else if (name == "fill") {
        std::vector<int> perBar(static_cast<std::size_t>(bars), 0);
        if (drums)
            for (const Note& n : drums->notes)
                if ((n.key == 38 || (n.key >= 41 && n.key <= 50 && n.key != 42 && n.key != 44 &&
                                     n.key != 46 && n.key != 49)) &&
                    n.startTick / bar < bars && n.velocity > 50)
                    ++perBar[static_cast<std::size_t>(n.startTick / bar)];
        std::vector<int> sorted = perBar;
        std::sort(sorted.begin(), sorted.end());
        const int median = sorted.empty() ? 0 : sorted[sorted.size() / 2];
        for (const auto& b : split(value, ',')) {
            const int i = std::stoi(b) - 1;
            t.check(i < bars && perBar[static_cast<std::size_t>(i)] >= median + 4,
                    label + QString(" bar %1 has %2 snare/tom hits, median %3")
                                .arg(i + 1)
                                .arg(i < bars ? perBar[static_cast<std::size_t>(i)] : -1)
                                .arg(median));
        }
    } else if (name == "crash1") {
        t.check(drums && hitNear(*drums, {49, 57}, 0, tol), label);
    } else if (name == "register") { // register=Bass:24-48
        const auto parts = split(value, ':');
        const auto range = split(parts[1], '-');
        const Track* tr = track(p, parts[0]);
        bool inside = tr && !tr->notes.empty();
        if (tr)
            for (const Note& n : tr->notes)
                inside = inside && n.key >= std::stoi(range[0]) && n.key <= std::stoi(range[1]);
        t.check(inside, label);
    } else if (name == "mono") { // a monophonic line with a bounded range
        const Track* tr = track(p, value);
        int lo = 127, hi = 0;
        if (tr)
            for (const Note& n : tr->notes)
                lo = std::min<int>(lo, n.key), hi = std::max<int>(hi, n.key);
        t.check(tr && maxPolyphony(*tr) == 1, label + " polyphony");
        t.check(tr && hi - lo <= 24, label + QString(" range %1").arg(hi - lo));
    } else if (name == "poly") { // chords really are chords
        const Track* tr = track(p, value);
        t.check(tr && maxPolyphony(*tr) >= 3, label);
    } else {
        QFAIL(qPrintable("unknown expectation " + label));
    }
}

struct PromptCase
{
    const char* prompt;
    const char* expectations; ///< space separated
};

// clang-format off
const PromptCase kPrompts[] = {
    {"8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths", "bars=8 bpm=78 key=A:minor roles=Chords ext=0.9 humanized program=Chords:4 poly=Chords"},
    {"pop song in C major, 120 bpm, 8 bars, snare on 2 and 4", "voiceleading=Chords chordtones bars=8 bpm=120 key=C:major roles=Chords,Bass,Drums,Melody backbeat pieces=kick,snare,hat mono=Melody mono=Bass varies"},
    {"four-on-the-floor house groove in F minor at 124 bpm with a crash on bar 1", "fotf crash1 bpm=124 key=F:minor pieces=kick,clap roles=Chords,Bass,Drums varies accents"},
    {"dark trap beat in F#m, 140 BPM, 808 bass locked to the kick, triplet hi-hat rolls in bar 4", "key=F#:minor bpm=140 triplets=4 basskick register=Bass:24-48 roles=Bass,Drums,Melody,Pad"},
    {"boom bap hip hop beat in D minor at 90 bpm with ghost notes", "ghost bassghost swing16=57 key=D:minor bpm=90 backbeat roles=Chords,Bass,Drums"},
    {"waltz in Eb major, sixteen bars", "meter=3/4 bars=16 key=Eb:major roles=Chords,Bass,Melody mono=Melody"},
    {"jazz in Bb with walking bass and swing", "key=Bb:major swing8=62 roles=Chords,Bass,Drums,Melody ext=0.9 pieces=ride,kick"},
    {"slow ambient pad in D lydian, dreamy", "key=D:lydian roles=Pad tempo<=60 poly=Pad"},
    {"uptempo drum and bass at 174 bpm, 16 bars", "bpm=174 bars=16 backbeat pieces=kick,snare,hat varies"},
    {"techno loop in A minor, 130 bpm, quantized, four on the floor", "quantized fotf bpm=130 key=A:minor varies accents"},
    {"neo-soul progression in Eb dorian with Rhodes, 9ths, humanized", "roles=Chords ext=0.9 humanized program=Chords:4 key=Eb:dorian voiceleading=Chords"},
    {"R&B slow jam in G minor with 7ths", "key=G:minor ext=0.9 roles=Chords,Bass,Drums tempo<=85"},
    {"funky slap bass groove in E dorian with ghost notes, 105 bpm", "ghost bassghost bpm=105 program=Bass:36 key=E:dorian roles=Chords,Bass,Drums"},
    {"reggaeton beat in C# minor at 95 bpm", "bpm=95 key=C#:minor pieces=kick,sidestick fotf"},
    {"cinematic epic strings in D minor, 8 bars, tense", "key=D:minor roles=Pad bars=8 poly=Pad"},
    {"rock song in E major at 120 bpm with a fill on bar 8", "fill=8 crash1 backbeat key=E:major bpm=120"},
    {"melancholic piano ballad in A minor, 70 bpm", "roles=Chords key=A:minor bpm=70 poly=Chords program=Chords:0 voiceleading=Chords"},
    {"dark pop in C major, 8 bars", "keysig=C:major tonic=C borrowed=C roles=Chords,Bass,Drums,Melody"},
    {"uplifting pop in G major, 4 bars, claps on 2 and 4", "bars=4 key=G:major pieces=clap backbeat"},
    {"6/8 ballad in D major, 12 bars", "meter=6/8 bars=12 key=D:major"},
    {"7/8 groove in E minor at 140 bpm", "meter=7/8 bpm=140 key=E:minor"},
    {"eight bars of sparse ambient music in C major", "bars=8 key=C:major roles=Pad,Arpeggio"},
    {"hip-hop beat, 16 bars, bass following the chord roots, snare on 2 and 4", "bassroots bars=16 backbeat"},
    {"house track in A minor with an arpeggio and a pad", "roles=Chords,Bass,Drums,Arpeggio,Pad key=A:minor fotf mono=Arpeggio"},
    {"just drums, trap, 8 bars, triplet hats in bars 2 and 6", "roles=Drums triplets=2,6 bars=8"},
    {"piano chords with triads in F major, robotic", "triads quantized key=F:major roles=Chords"},
    {"a melody and chords in B minor with 13ths", "roles=Chords,Melody ext=0.9 key=B:minor mono=Melody chordtones"},
    {"lo-fi beat in the key of D with heavy swing", "key=D:major swing16=70 humanized"},
    {"fast rock in A major", "tempo>=125 key=A:major backbeat"},
    {"very slow melancholic cello and piano in C minor", "roles=Bass,Chords program=Bass:42 tempo<=70 key=C:minor"},
    {"techno in G phrygian, 8 bars, four on the floor", "key=G:phrygian bars=8 fotf"},
    {"trap in C minor with 808s and a music box melody, 150 bpm", "program=Melody:10 bpm=150 key=C:minor register=Bass:24-48"},
    {"ballad in F# major with open voicings, 3/4", "meter=3/4 key=F#:major poly=Chords"},
    {"neo soul in Ab major with sus chords and ghost notes", "ghost bassghost key=Ab:major backbeat"},
    {"drum and bass at 172 BPM with a fill every 4 bars", "fill=4,8 bpm=172"},
    {"house in E minor at 122 bpm, 32 bars", "bars=32 bpm=122 key=E:minor fotf varies accents"},
    {"pop ballad in Db major, 76 bpm, add9 chords, soft", "key=Db:major bpm=76 ext=0.9"},
    {"aggressive trap beat in G minor, 145 bpm, crash on bar 1, clap on 2 and 4", "crash1 backbeat bpm=145 pieces=clap"},
    {"funk in D mixolydian with clavinet, busy", "key=D:mixolydian program=Chords:7 ghost"},
    {"reggaeton in A minor, 4 bars, with a fill in bar 4", "fill=4 bars=4 key=A:minor"},
    {"cinematic in C harmonic minor, 90 bpm, with a melody", "key=C:harmonic-minor bpm=90 mono=Melody chordtones"},
    {"hip hop in F minor, straight, tight", "swing16=50 swing8=50 key=F:minor backbeat"},
    {"jazz ballad in Eb major with drop 2 voicings and upright bass", "key=Eb:major ext=0.9 program=Bass:32"},
    {"pop in A major, 8 bars, quantized, with strings", "quantized roles=Chords,Bass,Drums,Melody,Pad key=A:major"},
    {"lo-fi in F major, swing 62%", "swing16=62 key=F:major humanized"},
    {"rock in D minor with 16 bars and fills", "fill=4,8,12,16 bars=16 key=D:minor"},
};
// clang-format on

struct VariationCase
{
    const char* base;
    const char* instruction;
    std::function<void(Tally&, const QString&, const model::Plan& before, const model::Plan& after)>
        check;
};

std::vector<std::tuple<Tick, Tick, int, int>> noteTuples(const Track* t, Tick from = 0,
                                                         Tick to = 1LL << 40)
{
    std::vector<std::tuple<Tick, Tick, int, int>> out;
    if (t)
        for (const Note& n : t->notes)
            if (n.startTick >= from && n.startTick < to)
                out.emplace_back(n.startTick, n.lengthTicks, n.key, n.velocity);
    return out;
}

void same(Tally& t, const QString& where, const model::Plan& a, const model::Plan& b,
          std::initializer_list<const char*> names)
{
    for (const char* n : names) {
        const Track *x = track(a, n), *y = track(b, n);
        t.check(x && y && noteTuples(x) == noteTuples(y) && x->program == y->program &&
                    x->channel == y->channel,
                where + " [" + n + " unchanged]");
    }
}

std::size_t noteCount(const model::Plan& p)
{
    return static_cast<std::size_t>(p.noteCount());
}

const VariationCase kVariations[] = {
    {"pop song in C major, 120 bpm, 8 bars", "transpose up 2",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         bool up = true;
         for (const char* n : {"Chords", "Bass", "Melody"}) {
             const auto x = noteTuples(track(a, n)), y = noteTuples(track(b, n));
             up = up && x.size() == y.size();
             for (std::size_t i = 0; up && i < x.size(); ++i)
                 up = std::get<2>(y[i]) == std::get<2>(x[i]) + 2 &&
                      std::get<0>(y[i]) == std::get<0>(x[i]);
         }
         t.check(up, w + " [pitched notes 2 semitones up, same times]");
         same(t, w, a, b, {"Drums"});
         expect(t, w, b, "key=D:major");
     }},
    {"pop song in C major, 120 bpm, 8 bars", "harder kick",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         double va = 0, vb = 0;
         int na = 0;
         for (const Note& n : track(a, "Drums")->notes)
             if (n.key == 36) va += n.velocity, ++na;
         for (const Note& n : track(b, "Drums")->notes)
             if (n.key == 36) vb += n.velocity;
         t.check(na > 0 && vb > va * 1.1, w + " [kick louder]");
         auto others = [](const model::Plan& p) {
             auto v = noteTuples(track(p, "Drums"));
             std::erase_if(v, [](const auto& x) { return std::get<2>(x) == 36; });
             return v;
         };
         t.check(others(a) == others(b), w + " [other drums unchanged]");
         same(t, w, a, b, {"Chords", "Bass", "Melody"});
     }},
    {"pop song in C major, 120 bpm, 8 bars", "darker",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         expect(t, w, b, "key=C:minor");
         same(t, w, a, b, {"Drums"});
         t.check(noteCount(a) == noteCount(b), w + " [same number of notes]");
     }},
    {"house in A minor, 8 bars", "add a fill at bar 4",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         expect(t, w, b, "fill=4");
         const Tick bar = barTicks(a);
         t.check(noteTuples(track(a, "Drums"), 0, 3 * bar + bar / 2) ==
                     noteTuples(track(b, "Drums"), 0, 3 * bar + bar / 2),
                 w + " [drums before the fill unchanged]");
         t.check(noteTuples(track(a, "Drums"), 4 * bar + 1) ==
                     noteTuples(track(b, "Drums"), 4 * bar + 1),
                 w + " [drums after the fill unchanged]");
         same(t, w, a, b, {"Chords", "Bass"});
     }},
    {"lo-fi beat in F minor, 8 bars", "100 bpm",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         expect(t, w, b, "bpm=100");
         same(t, w, a, b, {"Chords", "Bass", "Drums"});
     }},
    {"lo-fi beat in F minor, 8 bars", "make it 16 bars",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         expect(t, w, b, "bars=16");
         const Tick eight = 8 * barTicks(a);
         t.check(noteTuples(track(a, "Chords")) == noteTuples(track(b, "Chords"), 0, eight),
                 w + " [first 8 bars as before]");
         expect(t, w, b, "key=F:minor");
     }},
    {"pop in G major at 100 bpm, 8 bars", "more swing",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         const double ra = swingRatio(a, a.ppq), rb = swingRatio(b, b.ppq);
         t.check(rb >= ra + 0.05, w + QString(" [swing %1 -> %2]").arg(ra).arg(rb));
         t.check(a.lengthTicks() == b.lengthTicks(), w + " [same length]");
     }},
    {"hip hop beat in D minor, 8 bars", "busier",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         t.check(noteCount(b) > noteCount(a) * 1.15,
                 w + QString(" [%1 -> %2 notes]").arg(noteCount(a)).arg(noteCount(b)));
         expect(t, w, b, "key=D:minor");
         expect(t, w, b, "bars=8");
     }},
    {"funk in E dorian, busy, 8 bars", "simpler",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         t.check(noteCount(b) < noteCount(a) * 0.85,
                 w + QString(" [%1 -> %2 notes]").arg(noteCount(a)).arg(noteCount(b)));
         expect(t, w, b, "backbeat");
     }},
    {"rock in E major, 8 bars", "double time",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         t.check(a.lengthTicks() == b.lengthTicks(), w + " [same length]");
         const auto x = noteTuples(track(a, "Bass")), y = noteTuples(track(b, "Bass"));
         t.check(y.size() >= 2 * x.size() - 2 && !y.empty() &&
                     std::get<0>(y[1]) == std::get<0>(x[1]) / 2,
                 w + " [bass twice as fast, twice]");
         expect(t, w, b, "bpm=120");
     }},
    {"pop song in C major, 120 bpm, 8 bars", "a B section",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         bool sameLayout = a.tracks.size() == b.tracks.size();
         for (std::size_t i = 0; sameLayout && i < a.tracks.size(); ++i)
             sameLayout = a.tracks[i].name == b.tracks[i].name &&
                          a.tracks[i].program == b.tracks[i].program &&
                          a.tracks[i].channel == b.tracks[i].channel;
         t.check(sameLayout, w + " [same instruments]");
         t.check(noteTuples(track(a, "Chords")) != noteTuples(track(b, "Chords")),
                 w + " [new chords]");
         const auto chordsA = chordSets(*track(a, "Chords"), a.ppq / 8),
                    chordsB = chordSets(*track(b, "Chords"), b.ppq / 8);
         t.check(!chordsB.empty() && chordsB.front() != chordsA.front(),
                 w + " [starts away from the A section's first chord]");
         expect(t, w, b, "scale=C:major"); // a B section avoids the tonic: no K-S verdict
         expect(t, w, b, "bars=8");
     }},
    {"trap in A minor, 8 bars", "softer drums and brighter",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         double va = 0, vb = 0;
         for (const Note& n : track(a, "Drums")->notes)
             va += n.velocity;
         for (const Note& n : track(b, "Drums")->notes)
             vb += n.velocity;
         t.check(vb < va * 0.85, w + " [drums softer]");
         expect(t, w, b, "key=A:major");
     }},
    {"neo soul in D minor, humanized, 8 bars", "quantize",
     [](Tally& t, const QString& w, const model::Plan&, const model::Plan& b) {
         expect(t, w, b, "quantized");
     }},
    {"pop song in C major, 120 bpm, 8 bars", "transpose to E minor",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         expect(t, w, b, "key=E:minor");
         same(t, w, a, b, {"Drums"});
     }},
    {"house in C minor, 8 bars", "add a 2 bar fill at bar 7",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         expect(t, w, b, "fill=7,8");
         const Tick bar = barTicks(a);
         t.check(noteTuples(track(a, "Drums"), 0, 6 * bar) ==
                     noteTuples(track(b, "Drums"), 0, 6 * bar),
                 w + " [bars 1-6 unchanged]");
     }},
    {"rock in E major, 8 bars", "half time",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         t.check(a.lengthTicks() == b.lengthTicks(), w + " [same length]");
         const auto x = noteTuples(track(a, "Bass")), y = noteTuples(track(b, "Bass"));
         bool halved = !y.empty();
         for (std::size_t i = 0; halved && i < y.size(); ++i)
             halved = std::get<0>(y[i]) == 2 * std::get<0>(x[i]) &&
                      std::get<2>(y[i]) == std::get<2>(x[i]);
         t.check(halved, w + " [bass at half speed: first half of the material]");
     }},
    {"pop in D major, quantized, 8 bars", "more humanize",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         t.check(offGridShare(a) == 0 && offGridShare(b) >= 0.3,
                 w + QString(" [off-grid %1 -> %2]").arg(offGridShare(a)).arg(offGridShare(b)));
         t.check(noteCount(a) == noteCount(b), w + " [same notes]");
     }},
    {"jazz in F, 8 bars", "less swing",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         const double ra = swingRatio(a, a.ppq), rb = swingRatio(b, b.ppq);
         t.check(rb <= ra - 0.05, w + QString(" [swing %1 -> %2]").arg(ra).arg(rb));
     }},
    {"ballad in G major, 8 bars", "transpose down 3 and slower",
     [](Tally& t, const QString& w, const model::Plan& a, const model::Plan& b) {
         expect(t, w, b, "key=E:major");
         t.check(std::abs(b.initialBpm() - std::round(a.initialBpm() * 0.9)) < 0.01,
                 w + " [10 % slower]");
         same(t, w, a, b, {"Drums"});
     }},
};
} // namespace

class TestAdherence : public QObject
{
    Q_OBJECT
private slots:
    void adherence();
};

void TestAdherence::adherence()
{
    Tally tally;
    QVERIFY(std::size(kPrompts) >= 40);
    for (const PromptCase& c : kPrompts) {
        const gen::Interpretation in = gen::interpret(c.prompt, 7);
        tally.check(in.ok(), QString("%1 [interpreted]").arg(c.prompt));
        auto takes = gen::generate(in.brief, c.prompt);
        QVERIFY2(takes, c.prompt);
        tally.check(static_cast<int>(takes->size()) == in.brief.candidates,
                    QString("%1 [candidates]").arg(c.prompt));
        std::set<int> fillBars;
        for (int bar : in.brief.directives.fillBars)
            fillBars.insert(bar);
        for (std::size_t i = 0; i < takes->size(); ++i) { // every candidate, not just the first
            const model::Plan plan = roundTrip((*takes)[i].plan);
            const QString where = QString("%1 (take %2)").arg(c.prompt).arg(i + 1);
            for (const std::string& spec : split(c.expectations, ' '))
                expect(tally, where, plan, spec, fillBars);
        }
    }
    const int promptChecks = tally.total;
    QVERIFY(std::size(kVariations) >= 10);
    for (const VariationCase& v : kVariations) {
        const gen::Interpretation in = gen::interpret(v.base, 11);
        auto takes = gen::generate(in.brief, v.base);
        QVERIFY2(takes, v.base);
        const model::Plan before = roundTrip(takes->front().plan); // a .mid without its brief
        auto varied = gen::vary(before, v.instruction, 5);
        const QString where = QString("%1 + \"%2\"").arg(v.base, v.instruction);
        tally.check(varied.ok(), where + " [understood]");
        if (!varied) continue;
        v.check(tally, where, before, roundTrip(varied->plan));
    }
    auto nonsense = gen::vary(roundTrip(gen::generatePlan(gen::interpret("pop").brief, 0)),
                              "florp the zing", 1);
    tally.check(!nonsense.ok() && nonsense.error().message.find("darker") != std::string::npos,
                "unknown instruction changes nothing and says what is understood");
    for (const QString& f : tally.failures)
        qInfo("FAILED %s", qPrintable(f));
    const double percent = 100.0 * tally.passed / tally.total;
    qInfo("adherence: %d/%d checks passed (%.1f%%): %d prompt checks over %zu prompts, %d "
          "variation checks over %zu variations",
          tally.passed, tally.total, percent, promptChecks, std::size(kPrompts),
          tally.total - promptChecks, std::size(kVariations));
    QVERIFY2(percent >= 95.0, qPrintable(QString("adherence %1% is below 95%").arg(percent)));
}

QTEST_GUILESS_MAIN(TestAdherence)
#include "tst_adherence.moc"
