// SPDX-License-Identifier: MIT
// Multi-step conversations through `pianola-cli generate --from` (issue 11): each step's written
// SMF is read back and checked for what must change (the tracks the line names) and what must
// stay byte-identical (every other track chunk, the tempo map, meter and key), and the new part
// for the take's chords, key, bass roots and kick. Prints each step's figures.
#include "../engine/Pop909Eval.h"
#include "../generate/ArrangeChecks.h"
#include "CliRun.h"
#include "engine/generate/PlanInfo.h"
#include "engine/PlanFile.h"
#include "model/TempoMap.h"

#include <filesystem>
#include <map>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pianola;
namespace m = pianola::model;

namespace {

enum Flag : unsigned {
    kTiming = 1,   ///< the line may change tempo, meter or key of the whole take
    kAll = 2,      ///< the line may change every pitched track (a whole-take change)
    kRefused = 4,  ///< the line must be refused: exit 1, no file written
    kSwing = 8,    ///< the drums must swing (off-beat 8th at 56..68%)
    kStraight = 16 ///< the drums must not swing (off-beat 8th at 48..53%)
};

struct Step
{
    const char* line;
    std::vector<std::string> changes; ///< track names changed, added, or removed ("-Drums")
    unsigned flags = 0;
    int fromBar = 0, toBar = 0; ///< a region of the changed track, bars from 1
    int parent = -1;            ///< the step whose file is the parent (-1: the one before)
};

struct Conversation
{
    const char* name;
    const char* start; ///< a new song's prompt, or "pop909:NNN" (an imported song)
    std::vector<Step> steps;
    bool json = false; ///< chain plan files (they keep locks), measure the .mid beside them
};

/// The track chunks of an SMF after the conductor, by track name (the first FF 03 meta).
std::multimap<std::string, QByteArray> trackChunks(const QByteArray& smf)
{
    std::multimap<std::string, QByteArray> out;
    qsizetype pos = 14; // MThd + length + 6 bytes
    bool conductor = true;
    while (pos + 8 <= smf.size() && smf.mid(pos, 4) == "MTrk") {
        const quint32 len = (quint8(smf[pos + 4]) << 24) | (quint8(smf[pos + 5]) << 16) |
                            (quint8(smf[pos + 6]) << 8) | quint8(smf[pos + 7]);
        const QByteArray chunk = smf.mid(pos + 8, len);
        pos += 8 + len;
        if (std::exchange(conductor, false)) continue;
        const qsizetype at = chunk.indexOf("\xFF\x03");
        std::string name;
        if (at >= 0 && at + 2 < chunk.size())
            name = chunk.mid(at + 3, quint8(chunk[at + 2])).toStdString();
        out.emplace(name, chunk);
    }
    return out;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const m::Track* exact(const m::Plan& p, const std::string& name)
{
    for (const m::Track& t : p.tracks)
        if (t.name == name) return &t;
    return nullptr;
}

std::vector<int> scaleOf(const m::Plan& p)
{
    // The key signature, else (an imported song without one) the key the generator reads.
    const auto read = engine::generate::inferPlanInfo(p);
    const int tonic =
        p.keySignatures.empty() ? read.tonic : m::keySignatureTonicPc(p.keySignatures.front());
    const bool minor = p.keySignatures.empty() ? read.minor : p.keySignatures.front().minor;
    std::vector<int> steps = minor ? std::vector<int>{0, 2, 3, 5, 7, 8, 10, 11} // + leading tone
                                   : std::vector<int>{0, 2, 4, 5, 7, 9, 11};
    for (int& s : steps)
        s = (s + tonic) % 12;
    return steps;
}

/// Share of the bass's strong-beat notes on the root of the POP909 chord label sounding there.
double labelRootShare(const m::Plan& p, const m::Track& bass,
                      const std::vector<test::LabelChord>& labels)
{
    const m::TempoMap tempo(p);
    int all = 0, roots = 0;
    for (const m::Note& n : bass.notes) {
        const m::Tick off = n.startTick % (2 * p.ppq);
        if (std::min(off, 2 * p.ppq - off) > p.ppq / 8 || n.velocity < 50) continue;
        const double at = tempo.ticksToSeconds(n.startTick + p.ppq / 8);
        for (const test::LabelChord& c : labels)
            if (c.startS <= at && at < c.endS) {
                ++all;
                roots += n.key % 12 == c.root;
                break;
            }
    }
    return all ? static_cast<double>(roots) / all : -1;
}

m::Tick barTicks(const m::Plan& p)
{
    return static_cast<m::Tick>(p.ppq) * 4 * p.timeSignatures.front().numerator /
           p.timeSignatures.front().denominator;
}

/// Share of the track's notes in the take's key (natural minor with its leading tone, or major).
double inKeyShare(const m::Plan& p, const m::Track& t)
{
    const std::vector<int> scale = scaleOf(p);
    int in = 0;
    for (const m::Note& n : t.notes)
        in += std::find(scale.begin(), scale.end(), n.key % 12) != scale.end();
    return t.notes.empty() ? 0 : static_cast<double>(in) / t.notes.size();
}

/// Share of the track's notes that start on a strong beat (the bar's first beat, or beat 3 of
/// 4/4) and are tones of the take's chord sounding there (the chords the take carries).
double chordToneShare(const m::Plan& p, const m::Track& t)
{
    const m::Tick bar = barTicks(p);
    const m::Tick strong = p.timeSignatures.front().numerator == 4 ? bar / 2 : bar;
    int all = 0, tones = 0;
    for (const m::Note& n : t.notes) {
        const m::Tick off = n.startTick % strong;
        if (std::min(off, strong - off) > p.ppq / 8) continue;
        const m::Tick at = n.startTick + p.ppq / 8;
        for (const m::PlanChord& c : p.chords)
            if (c.startTick <= at && at < c.endTick()) {
                ++all;
                tones += std::find(c.tones.begin(), c.tones.end(), n.key % 12) != c.tones.end();
                break;
            }
    }
    return all ? static_cast<double>(tones) / all : -1;
}

/// Share of the bass's strong-beat notes on the root of the take's chord there (for a take whose
/// chords are no track of their own: an imported song's detected chords).
double markerRootShare(const m::Plan& p, const m::Track& bass)
{
    int all = 0, roots = 0;
    for (const m::Note& n : bass.notes) {
        const m::Tick off = n.startTick % (2 * p.ppq);
        if (std::min(off, 2 * p.ppq - off) > p.ppq / 8 || n.velocity < 50) continue;
        const m::Tick at = n.startTick + p.ppq / 8;
        for (const m::PlanChord& c : p.chords)
            if (c.startTick <= at && at < c.endTick()) {
                ++all;
                roots += n.key % 12 == (c.bass >= 0 ? c.bass : c.root) || n.key % 12 == c.root;
                break;
            }
    }
    return all ? static_cast<double>(roots) / all : -1;
}

bool removed(const Step& s, const std::string& name)
{
    return std::find(s.changes.begin(), s.changes.end(), "-" + name) != s.changes.end();
}

bool named(const Step& s, const std::string& name)
{
    return std::find(s.changes.begin(), s.changes.end(), name) != s.changes.end() ||
           removed(s, name);
}

QString fmt(double v)
{
    return v < 0 ? QStringLiteral("-") : QString::number(v, 'f', 2);
}
} // namespace

class TestConversations : public QObject
{
    Q_OBJECT
private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void conversation_data();
    void conversation();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    void checkStep(const Step& s, const QString& parentMid, const QString& mid,
                   const QString& label);
    void checkPart(const m::Plan& p, const m::Track& t, QStringList& figures);
    QTemporaryDir m_dir;
    std::vector<test::LabelChord> m_labels; ///< an imported POP909 song's chord labels
};

Q_DECLARE_METATYPE(Conversation)

void TestConversations::conversation_data()
{
    QTest::addColumn<Conversation>("c");
    auto row = [](const Conversation& c) { QTest::newRow(c.name) << c; };
    row({"lo-fi seed",
         "Generate an 8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9th and 11th chords, "
         "soft humanization.",
         {{"Generate a swung lo-fi drum loop at 78 BPM, dusty kick, brushed snare on 2 and 4, "
           "vinyl crackle hat.",
           {"Drums"},
           kSwing},
          {"Generate a soft sub bass following the chord roots, ghost notes on the off-beats.",
           {"Bass"}},
          {"Same progression but darker.", {"Chords"}},
          {"Same drums but harder kick.", {"Drums"}, 0, 0, 0, 1},
          {"Add a 2-bar fill on bar 7.", {"Drums"}, 0, 7, 8, 1}}});
    row({"house",
         "house chords in F minor at 124 bpm",
         {{"add drums", {"Drums"}},
          {"add a bass on the kick", {"Bass"}},
          {"regenerate the bass for bars 5-8", {"Bass"}, 0, 5, 8},
          {"new drums", {"Drums"}}}});
    row({"waltz",
         "a waltz in D major in 3/4, piano chords, 8 bars",
         {{"add a bass", {"Bass"}}, {"add a melody", {"Melody"}}, {"slower", {}, kTiming}}});
    row({"ambient",
         "ambient pad in E minor at 70 bpm",
         {{"add an arpeggio", {"Arpeggio"}}, {"add a melody", {"Melody"}}, {"new pad", {"Pad"}}}});
    row({"trap",
         "trap beat in F#m at 140 bpm",
         {{"new drums", {"Drums"}},
          {"remove the melody", {"-Melody"}},
          {"add a counter-melody", {"Melody"}},
          {"regenerate the bass", {"Bass"}}}});
    row({"funk",
         "funk chords in E minor at 105 bpm, 8 bars",
         {{"add drums", {"Drums"}},
          {"add a bass", {"Bass"}},
          {"another bass line for bars 5-8", {"Bass"}, 0, 5, 8},
          {"add a melody", {"Melody"}}}});
    row({"jazz",
         "jazz chords in Bb major at 120 bpm with swing",
         {{"add a walking bass", {"Bass"}},
          {"add brushed drums", {"Drums"}},
          {"more swing", {"Drums", "Bass", "Chords"}},
          {"add a melody", {"Melody"}}}});
    row({"pop region",
         "pop song in C major, 8 bars",
         {{"another melody for bars 5-8", {"Melody"}, 0, 5, 8},
          {"new drums", {"Drums"}},
          {"regenerate the chords for bars 1-4", {"Chords"}, 0, 1, 4}}});
    row({"locks",
         "lo-fi chords, bass and drums in Am at 78 bpm",
         {{"keep the bass", {}},
          {"new bass", {}, kRefused},
          {"transpose up 2", {"Chords"}, kAll | kTiming},
          {"add a melody", {"Melody"}}},
         true});
    row({"remove and layer",
         "rock song in E major at 130 bpm with drums, bass and chords",
         {{"remove the drums", {"-Drums"}},
          {"add drums", {"Drums"}},
          {"add a second percussion layer", {"Drums 2"}}}});
    row({"straight",
         "straight and quantized chords in D minor at 95 bpm, no swing",
         {{"add drums, no swing", {"Drums"}, kStraight},
          {"add a bass", {"Bass"}},
          {"remove the bass", {"-Bass"}}}});
    row({"string pad",
         "string pad progression in G major at 80 bpm",
         {{"add a bass", {"Bass"}},
          {"add drums", {"Drums"}},
          {"re-roll the chords but keep the rhythm", {"Chords"}}}});
    row({"six-eight",
         "ambient arpeggio in 6/8 in C minor at 90 bpm",
         {{"add a pad", {"Pad"}},
          {"add a bass", {"Bass"}},
          {"brighter", {"Pad", "Arpeggio", "Bass"}, kAll | kTiming}}});
    // 3/4 -> 6/8 keeps the bar's length: the other tracks stay byte-identical.
    row({"meter change",
         "pop chords, bass and drums in G major at 100 bpm, 8 bars",
         {{"make it 3/4", {"Chords", "Bass", "Drums"}, kTiming},
          {"regenerate the bass for bars 5-8", {"Bass"}, 0, 5, 8},
          {"add a melody", {"Melody"}},
          {"add a pad in 6/8", {"Pad"}, kTiming}}});
    row({"nonsense and sound",
         "lo-fi chords in Am",
         {{"asdf qwerty banana", {}, kRefused},
          {"add reverb", {}, kRefused},
          {"add drums", {"Drums"}},
          {"remove the melody", {}, kRefused}}});
    row({"pop909 001",
         "pop909:001",
         {{"add drums", {"Drums"}}, {"add a bass", {"Bass"}}, {"new drums", {"Drums"}}}});
    row({"pop909 003",
         "pop909:003",
         {{"add a bass", {"Bass"}},
          {"add drums", {"Drums"}},
          {"regenerate the bass for bars 5-8", {"Bass"}, 0, 5, 8}}});
}

void TestConversations::conversation()
{
    QFETCH(Conversation, c);
    m_labels.clear();
    QString first = path(QString(c.name).replace(' ', '_') + "-0.mid");
    QString firstJson = first.chopped(4) + ".json";
    if (std::string(c.start).starts_with("pop909:")) {
        const std::string id = std::string(c.start).substr(7);
        const std::string song =
            std::string(PIANOLA_SHARED_DIR) + "/corpora/pop909-dev/" + id + "/" + id + ".mid";
        if (!std::filesystem::exists(song)) QSKIP("../shared/corpora/pop909-dev not present");
        m_labels =
            test::readChordLabels(std::filesystem::path(song).parent_path() / "chord_midi.txt");
        // The song as our writer writes it unchanged: the reference for "byte-identical".
        const test::CliRun r = test::runCli({"convert", QString::fromStdString(song), "-o", first});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        firstJson = first;
    } else {
        const test::CliRun r =
            test::runCli({"generate", "-o", first, "--plan-out", firstJson, c.start});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }
    std::vector<QString> mids{first}, plans{firstJson};
    for (std::size_t i = 0; i < c.steps.size(); ++i) {
        const Step& s = c.steps[i];
        const std::size_t from =
            s.parent < 0 ? mids.size() - 1 : static_cast<std::size_t>(s.parent);
        const QString mid =
            path(QString("%1-%2.mid").arg(QString(c.name).replace(' ', '_')).arg(i + 1));
        const QString json = mid.chopped(4) + ".json";
        const test::CliRun r =
            test::runCli({"generate", "--explain", "--from", c.json ? plans[from] : mids[from],
                          "-o", mid, "--plan-out", json, s.line});
        const QString label = QString("%1 step %2 \"%3\"").arg(c.name).arg(i + 1).arg(s.line);
        if (s.flags & kRefused) {
            QVERIFY2(r.code == 1 && !QFile::exists(mid), qPrintable(label + ": " + r.out));
            qInfo("%s: refused: %s", qPrintable(label), qPrintable(r.err.trimmed()));
            mids.push_back(mids[from]), plans.push_back(plans[from]);
            continue;
        }
        QVERIFY2(r.code == 0, qPrintable(label + ": " + r.err));
        // --explain's checklist: what the line asked, measured on the take
        QVERIFY2(!r.out.contains("FAIL"), qPrintable(label + ": " + r.out));
        checkStep(s, mids[from], mid, label);
        if (QTest::currentTestFailed()) return;
        mids.push_back(mid), plans.push_back(json);
    }
}

// What the step names changed (or appeared, or went); every other track chunk, the tempo map,
// meter and key byte-identical; the changed parts measured.
void TestConversations::checkStep(const Step& s, const QString& parentMid, const QString& mid,
                                  const QString& label)
{
    const auto before = trackChunks(readAll(parentMid)), after = trackChunks(readAll(mid));
    auto p0 = engine::loadPlanFile(parentMid.toStdString());
    auto p1 = engine::loadPlanFile(mid.toStdString());
    QVERIFY(p0 && p1);
    const m::Plan& a = p0->plan;
    const m::Plan& b = p1->plan;
    QStringList same, changed, figures;
    for (const auto& [name, chunk] : before) {
        const bool asked =
            named(s, name) || ((s.flags & kAll) && exact(a, name) && exact(a, name)->channel != 9);
        const auto it = after.find(name);
        if (removed(s, name)) {
            QVERIFY2(it == after.end(),
                     qPrintable(label + ": " + QString::fromStdString(name) + " not removed"));
            changed << "-" + QString::fromStdString(name);
            continue;
        }
        QVERIFY2(it != after.end(),
                 qPrintable(label + ": " + QString::fromStdString(name) + " lost"));
        if (!asked) {
            QVERIFY2(it->second == chunk,
                     qPrintable(label + ": " + QString::fromStdString(name) + " changed"));
            same << QString::fromStdString(name);
        } else if (named(s, name)) {
            QVERIFY2(it->second != chunk,
                     qPrintable(label + ": " + QString::fromStdString(name) + " unchanged"));
            changed << QString::fromStdString(name);
        }
    }
    for (const std::string& n : s.changes)
        if (n[0] != '-' && !before.count(n)) {
            QVERIFY2(after.count(n), qPrintable(label + ": no " + QString::fromStdString(n)));
            changed << "+" + QString::fromStdString(n);
        }
    std::size_t expected = before.size();
    for (const std::string& n : s.changes)
        expected += n[0] == '-' ? -1 : !before.count(n);
    QCOMPARE(after.size(), expected);
    if (!(s.flags & kTiming)) {
        QVERIFY2(a.tempos == b.tempos && a.timeSignatures == b.timeSignatures &&
                     a.keySignatures == b.keySignatures,
                 qPrintable(label + ": tempo, meter or key changed"));
    }
    for (const std::string& n : s.changes) {
        const m::Track* t = n[0] == '-' ? nullptr : exact(b, n);
        if (t) checkPart(b, *t, figures);
        const m::Track* old = exact(a, n);
        if (t && old && s.fromBar > 0) { // a region: the other bars stay as they were
            const m::Tick bar = barTicks(b);
            const int bars = static_cast<int>(b.lengthTicks() / bar);
            QVERIFY2(arrange::sameNotes(arrange::notesInBars(*t, bar, 0, s.fromBar - 1),
                                        arrange::notesInBars(*old, bar, 0, s.fromBar - 1)) &&
                         arrange::sameNotes(arrange::notesInBars(*t, bar, s.toBar, bars + 1),
                                            arrange::notesInBars(*old, bar, s.toBar, bars + 1)),
                     qPrintable(label + ": notes outside the bars changed"));
            QVERIFY(!arrange::sameNotes(arrange::notesInBars(*t, bar, s.fromBar - 1, s.toBar),
                                        arrange::notesInBars(*old, bar, s.fromBar - 1, s.toBar)));
            figures << QString("bars %1-%2 only").arg(s.fromBar).arg(s.toBar);
        }
    }
    if (const m::Track* kit = arrange::drums(b); kit && (s.flags & (kSwing | kStraight))) {
        const double swing = arrange::offBeatRatio(*kit, b.ppq);
        figures << "off-beat 8th " + fmt(swing);
        if (s.flags & kSwing)
            QVERIFY2(swing >= 0.56 && swing <= 0.68, qPrintable(label + fmt(swing)));
        if (s.flags & kStraight)
            QVERIFY2(swing >= 0.48 && swing <= 0.53, qPrintable(label + fmt(swing)));
    }
    qInfo("%s: changed %s; identical %s; %s", qPrintable(label), qPrintable(changed.join(",")),
          qPrintable(same.join(",")), qPrintable(figures.join(", ")));
}

// The part follows the take: in its key, chord tones on strong beats, a bass on the chord roots
// and the kick.
void TestConversations::checkPart(const m::Plan& p, const m::Track& t, QStringList& figures)
{
    const QString name = QString::fromStdString(t.name);
    if (t.channel == 9) return;
    const double key = inKeyShare(p, t);
    figures << name + " in key " + fmt(key);
    QVERIFY2(key >= 0.8, qPrintable(name + " in key " + fmt(key)));
    if (t.name.starts_with("Bass")) {
        // The root of the take's chord there (the chords the SMF carries), and the issue's
        // reading from the chord track's notes (its lowest struck key: an inverted voicing
        // above a bass lowers it, so it is reported, not required).
        const double roots = markerRootShare(p, t);
        figures << "bass roots " + fmt(roots);
        QVERIFY2(roots >= 0.7, qPrintable("bass roots " + fmt(roots)));
        if (const m::Track* chords = exact(p, "Chords"))
            figures << "bass on the chord track's lowest key " +
                           fmt(arrange::bassRootShare(p, t, *chords));
        if (!m_labels.empty()) { // POP909: the chords its annotators heard
            const double heard = labelRootShare(p, t, m_labels);
            figures << "bass on the annotated roots " + fmt(heard);
            QVERIFY2(heard >= 0.6, qPrintable("bass on the annotated roots " + fmt(heard)));
        }
        if (const m::Track* kit = arrange::drums(p)) {
            const double lock = arrange::kickLockShare(p, *kit, t);
            figures << "kicks with bass " + fmt(lock);
            QVERIFY2(lock >= 0.5, qPrintable("kicks with bass " + fmt(lock)));
        }
        return;
    }
    const double tones = chordToneShare(p, t);
    figures << name + " chord tones on strong beats " + fmt(tones);
    QVERIFY2(tones < 0 || tones >= 0.6, qPrintable(name + " chord tones " + fmt(tones)));
}

QTEST_GUILESS_MAIN(TestConversations)
#include "tst_conversations.moc"
