// SPDX-License-Identifier: MIT
// Conversations through the offline answer (engine::llm::offlineResult, the chat's and the CLI's
// path): each step's first take is written as SMF and read back, then checked for what must
// change and what must stay byte-identical.
#include "ArrangeChecks.h"
#include "engine/generate/Arranger.h"
#include "engine/llm/Session.h"
#include "engine/PlanFile.h"
#include "engine/smf/SmfPlan.h"

#include <filesystem>
#include <QDir>
#include <QTest>
#include <set>

using namespace pianola;
using arrange::named;

namespace {
model::Plan roundTrip(const model::Plan& plan)
{
    auto read = engine::smf::readPlan(engine::smf::writePlan(plan));
    return read ? read->plan : model::Plan{};
}

// One chat step: the line answered in the context of `parent` (none: a new song).
engine::llm::GenerationResult ask(const std::string& line, const std::optional<model::Take>& parent,
                                  int candidates = 0)
{
    engine::llm::GenerationRequest r;
    r.prompt = line;
    r.parent = parent;
    r.candidates = candidates;
    auto result = engine::llm::offlineResult(r);
    if (!result) qWarning("%s: %s", line.c_str(), result.error().message.c_str());
    return result ? *result : engine::llm::GenerationResult{};
}

// The first take of a step, with an id, as the next step's parent.
model::Take first(engine::llm::GenerationResult r, model::TakeId id)
{
    model::Take t = r.takes.empty() ? model::Take{} : r.takes.front();
    t.id = id;
    return t;
}

bool chipped(const engine::llm::GenerationResult& r, const std::string& text)
{
    return std::any_of(r.understood.begin(), r.understood.end(),
                       [&](const std::string& u) { return u.find(text) != std::string::npos; });
}

model::Tick barTicks(const model::Plan& p)
{
    return static_cast<model::Tick>(p.ppq) * 4 * p.timeSignatures.front().numerator /
           p.timeSignatures.front().denominator;
}

// Every track of `before` is in `after` unchanged, except the ones whose name contains `except`.
// The onsets of a track as (key, sixteenth) pairs: the pattern, without humanize's few ticks.
std::set<std::pair<int, model::Tick>> pattern(const model::Track& t, int ppq, int key = -1)
{
    std::set<std::pair<int, model::Tick>> out;
    for (const model::Note& n : t.notes)
        if (key < 0 || n.key == key) out.insert({n.key, (n.startTick + ppq / 8) / (ppq / 4)});
    return out;
}

// Share of the bass notes on beats 1 and 3 (within a 32nd, not ghosts) that play the root of the
// take's chord there (the harmony the part was written for).
double planRootShare(const model::Plan& p, const model::Track& bass)
{
    int all = 0, roots = 0;
    for (const model::Note& n : bass.notes) {
        const model::Tick off = n.startTick % (2 * p.ppq);
        if (std::min(off, 2 * p.ppq - off) > p.ppq / 8 || n.velocity < 50) continue;
        const model::Tick at = n.startTick + p.ppq / 8;
        for (const model::PlanChord& c : p.chords)
            if (c.startTick <= at && at < c.endTick()) roots += n.key % 12 == c.root;
        ++all;
    }
    return all ? static_cast<double>(roots) / all : 0;
}

std::string progression(const model::Plan& p)
{
    std::string s;
    for (const model::PlanChord& c : p.chords)
        s += model::chordSymbol(c) + "@" + std::to_string(c.startTick) + " ";
    return s;
}

// Share of the bars with a snare (or clap, side stick) within a 32nd of beats 2 and 4.
double backbeatShare(const model::Plan& p, const model::Track& kit)
{
    const model::Tick bar = 4 * p.ppq;
    const int bars = static_cast<int>(p.lengthTicks() / bar);
    int hit = 0;
    for (int b = 0; b < bars; ++b) {
        int beats = 0;
        for (model::Tick beat : {b * bar + p.ppq, b * bar + 3 * p.ppq})
            beats += std::any_of(kit.notes.begin(), kit.notes.end(), [&](const model::Note& n) {
                return (n.key == 37 || n.key == 38 || n.key == 39 || n.key == 40) &&
                       std::abs(n.startTick - beat) <= p.ppq / 8;
            });
        hit += beats == 2;
    }
    return bars ? static_cast<double>(hit) / bars : 0;
}

bool othersUnchanged(const model::Plan& before, const model::Plan& after, const std::string& except)
{
    for (const model::Track& t : before.tracks) {
        if (!except.empty() && t.name.find(except) != std::string::npos) continue;
        const model::Track* same = named(after, t.name);
        if (!same || !arrange::sameTrack(t, *same)) return false;
    }
    return before.tempos == after.tempos && before.timeSignatures == after.timeSignatures;
}
} // namespace

class TestArrange : public QObject
{
    Q_OBJECT
private slots:
    void seedConversation();
    void candidatesDiffer();
    void houseChordsGetBassAndDrums();
    void waltzKeepsItsMeter();
    void sixEightAmbientArpeggioSitsAbove();
    void trapNewDrumsOnlyChangesDrums();
    void regenerateARegion();
    void lockedTrackRefusesAndSurvivesChanges();
    void lockedNotesSurviveAVariation();
    void removeAndSecondLayer();
    void drumsAddedTwiceReplace();
    void stringPadProgressionIsChordsOnStrings();
    void rerollChordsGivesNewProgression();
    void counterMelodyIsASecondTrack();
    void newTempoInWordsChangesTheWholeTake();
    void importedPop909SongGetsBassAndDrums();
    void missingPartIsAnError();
    void chordsRoundTripInPlanJson();
    void addedDrumsAreFourGrooves();
    void addedBassAndMelodyAreFourLines();
    void addedChordsAreFourProgressions();
    void regeneratedPadCarryingTheHarmonyIsFourProgressions();
    void meterChangeKeepsBarsAsBars();
    void changesAreFourReadings();
    void takeNamesSayTheLastStep();
    void regionJoinsItsNeighbours();
};

void TestArrange::seedConversation()
{
    auto s1 = ask("Generate an 8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9th and 11th "
                  "chords, soft humanization.",
                  std::nullopt);
    QCOMPARE(s1.takes.size(), std::size_t(4));
    model::Take chords = first(s1, 1);
    QVERIFY(!chords.plan.chords.empty()); // the chords the generator meant
    auto s2 =
        ask("Generate a swung lo-fi drum loop at 78 BPM, dusty kick, brushed snare on 2 and 4, "
            "vinyl crackle hat.",
            chords);
    QCOMPARE(s2.intent, std::string("add part: drums"));
    QCOMPARE(s2.takes.size(), std::size_t(4));
    QVERIFY(chipped(s2, "not in MIDI: "));
    QCOMPARE(s2.takes.front().provenance.parentTake.value_or(0), model::TakeId(1));
    model::Take withDrums = first(s2, 2);
    auto s3 =
        ask("Generate a soft sub bass following the chord roots, ghost notes on the off-beats.",
            withDrums);
    QCOMPARE(s3.intent, std::string("add part: bass"));
    const model::Take full = first(s3, 3);
    const model::Plan smf = roundTrip(full.plan);
    QCOMPARE(smf.initialBpm(), 78.0);
    QCOMPARE(smf.keySignatures.front().minor, true);
    QCOMPARE(model::keySignatureTonicPc(smf.keySignatures.front()), 9);
    const model::Track* bass = named(smf, "Bass");
    const model::Track* chordTrack = named(smf, "Chords");
    const model::Track* kit = arrange::drums(smf);
    QVERIFY(bass && chordTrack && kit);
    QCOMPARE(kit->program, 40); // brushed snare: the GM Brush kit
    QCOMPARE(arrange::drumTracks(smf), 1);
    const double roots = arrange::bassRootShare(smf, *bass, *chordTrack);
    const double locked = arrange::kickLockShare(smf, *kit, *bass);
    const double swing = arrange::offBeatRatio(*kit, smf.ppq, 42);
    qInfo("seed: bass roots %.0f%%, kicks with bass %.0f%%, hat swing %.0f%%", roots * 100,
          locked * 100, swing * 100);
    QVERIFY(roots >= 0.7);
    QVERIFY(locked >= 0.5);
    QVERIFY(swing >= 0.59 && swing <= 0.65); // "swung": 62% asked
    // The chords and drums were not touched by the bass.
    QVERIFY(othersUnchanged(withDrums.plan, full.plan, "Bass"));

    // Step 4: each change touches only what it names.
    auto darker = ask("Same progression but darker.", full);
    QVERIFY(!darker.takes.empty());
    const model::Plan d = roundTrip(darker.takes.front().plan);
    QVERIFY(!arrange::sameTrack(*named(d, "Chords"), *chordTrack));
    QVERIFY(othersUnchanged(smf, d, "Chords"));
    auto harder = ask("Same drums but harder kick.", full);
    QVERIFY(!harder.takes.empty());
    const model::Plan h = roundTrip(harder.takes.front().plan);
    QVERIFY(othersUnchanged(smf, h, "Drums"));
    QVERIFY(!arrange::sameTrack(*arrange::drums(h), *kit));
    auto fill = ask("Add a 2-bar fill on bar 7.", full);
    QVERIFY(!fill.takes.empty());
    const model::Plan f = roundTrip(fill.takes.front().plan);
    QVERIFY(othersUnchanged(smf, f, "Drums"));
    const model::Tick bar = barTicks(smf);
    QVERIFY(arrange::notesInBars(*arrange::drums(f), bar, 6, 8).size() >
            arrange::notesInBars(*kit, bar, 6, 8).size());
    QVERIFY(arrange::sameNotes(arrange::notesInBars(*arrange::drums(f), bar, 0, 6),
                               arrange::notesInBars(*kit, bar, 0, 6)));
}

void TestArrange::candidatesDiffer()
{
    auto r = ask("an 8-bar lo-fi chord progression", std::nullopt);
    QCOMPARE(r.takes.size(), std::size_t(4));
    std::set<std::string> progressions, voicings;
    for (const model::Take& t : r.takes) {
        std::string p, v;
        for (const model::PlanChord& c : t.plan.chords)
            p += model::chordSymbol(c) + " ";
        for (const model::Note& n : t.plan.tracks.front().notes)
            if (n.startTick < 4 * t.plan.ppq) v += std::to_string(n.key) + " ";
        progressions.insert(p), voicings.insert(v);
        QCOMPARE(t.plan.tracks.size(), std::size_t(1)); // "chord progression": chords only
    }
    qInfo("%zu progressions, %zu first-bar voicings of 4", progressions.size(), voicings.size());
    QVERIFY(progressions.size() >= 3);
    QVERIFY(voicings.size() >= 3);
}

void TestArrange::houseChordsGetBassAndDrums()
{
    model::Take chords =
        first(ask("deep house chords only in F minor at 124 bpm", std::nullopt), 1);
    QCOMPARE(chords.plan.tracks.size(), std::size_t(1));
    auto bass = ask("add a bass", chords);
    QCOMPARE(bass.intent, std::string("add part: bass"));
    model::Take b = first(bass, 2);
    auto drums = ask("give me a drum loop, four on the floor", b);
    const model::Plan p = roundTrip(drums.takes.front().plan);
    QCOMPARE(p.initialBpm(), 124.0);
    QVERIFY(arrange::drums(p));
    QVERIFY(othersUnchanged(roundTrip(b.plan), p, "Drums"));
    // Four on the floor: a kick on every beat of every bar.
    int kicks = 0;
    for (const model::Note& n : arrange::drums(p)->notes)
        kicks += n.key == 36 && n.startTick % p.ppq < p.ppq / 8;
    QVERIFY(kicks >= 8 * 4);
}

void TestArrange::waltzKeepsItsMeter()
{
    model::Take w = first(ask("a gentle waltz in D major, piano only", std::nullopt), 1);
    QCOMPARE(w.plan.timeSignatures.front().numerator, 3);
    auto m = ask("add a flute melody", w);
    QCOMPARE(m.intent, std::string("add part: melody"));
    const model::Plan p = roundTrip(m.takes.front().plan);
    QCOMPARE(p.timeSignatures.front().numerator, 3);
    const model::Track* melody = named(p, "Melody");
    QVERIFY(melody);
    QCOMPARE(melody->program, 73);
    QVERIFY(melody->notes.back().endTick() <= barTicks(p) * 8 + p.ppq / 4);
    QVERIFY(othersUnchanged(roundTrip(w.plan), p, "Melody"));
}

void TestArrange::sixEightAmbientArpeggioSitsAbove()
{
    model::Take pad = first(ask("ambient pad only in 6/8 in E minor", std::nullopt), 1);
    auto arp = ask("add an arpeggio", pad);
    const model::Plan p = roundTrip(arp.takes.front().plan);
    const model::Track* a = named(p, "Arpeggio");
    const model::Track* padTrack = named(p, "Pad");
    QVERIFY(a && padTrack);
    double meanA = 0, meanP = 0;
    for (const model::Note& n : a->notes)
        meanA += n.key;
    for (const model::Note& n : padTrack->notes)
        meanP += n.key;
    meanA /= a->notes.size(), meanP /= padTrack->notes.size();
    QVERIFY2(meanA > meanP + 5, qPrintable(QString("arp %1, pad %2").arg(meanA).arg(meanP)));
    QCOMPARE(p.timeSignatures.front().numerator, 6);
}

void TestArrange::trapNewDrumsOnlyChangesDrums()
{
    model::Take beat = first(ask("trap beat in F# minor, 140 bpm", std::nullopt), 1);
    auto r = ask("new drums", beat);
    QCOMPARE(r.intent, std::string("regenerate part: drums"));
    QCOMPARE(r.takes.size(), std::size_t(4));
    const model::Plan before = roundTrip(beat.plan), after = roundTrip(r.takes.front().plan);
    QVERIFY(othersUnchanged(before, after, "Drums"));
    QVERIFY(!arrange::sameTrack(*arrange::drums(before), *arrange::drums(after)));
    QCOMPARE(arrange::drumTracks(after), 1);
}

void TestArrange::regenerateARegion()
{
    model::Take song = first(ask("pop song in C major with a melody", std::nullopt), 1);
    auto r = ask("another melody for bars 5-8", song);
    QCOMPARE(r.intent, std::string("regenerate part: melody, bars 5-8"));
    const model::Plan before = roundTrip(song.plan), after = roundTrip(r.takes.front().plan);
    QVERIFY(othersUnchanged(before, after, "Melody"));
    const model::Tick bar = barTicks(before);
    const model::Track& m0 = *named(before, "Melody");
    const model::Track& m1 = *named(after, "Melody");
    QVERIFY(arrange::sameNotes(arrange::notesInBars(m0, bar, 0, 4),
                               arrange::notesInBars(m1, bar, 0, 4)));
    QVERIFY(!arrange::sameNotes(arrange::notesInBars(m0, bar, 4, 8),
                                arrange::notesInBars(m1, bar, 4, 8)));
    for (const model::Note& n : arrange::notesInBars(m1, bar, 4, 8))
        QVERIFY(n.endTick() <= 8 * bar); // new notes end inside the region
}

void TestArrange::lockedTrackRefusesAndSurvivesChanges()
{
    model::Take song = first(ask("lo-fi beat in A minor", std::nullopt), 1);
    auto lock = ask("keep the bass", song);
    QCOMPARE(lock.intent, std::string("lock part: bass"));
    model::Take locked = first(lock, 2);
    QVERIFY(named(locked.plan, "Bass")->locked);
    engine::llm::GenerationRequest again;
    again.prompt = "regenerate the bass";
    again.parent = locked;
    auto refused = engine::llm::offlineResult(again);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.find("locked") != std::string::npos);
    auto darker = ask("darker and busier", locked);
    QVERIFY(!darker.takes.empty());
    QVERIFY(*named(darker.takes.front().plan, "Bass") == *named(locked.plan, "Bass"));
    QVERIFY(!(*named(darker.takes.front().plan, "Chords") == *named(locked.plan, "Chords")));
}

void TestArrange::lockedNotesSurviveAVariation()
{
    model::Take song = first(ask("pop song in G major", std::nullopt), 1);
    model::Track* chords = nullptr;
    for (model::Track& t : song.plan.tracks)
        if (t.name == "Chords") chords = &t;
    QVERIFY(chords);
    QCOMPARE(sizeof(model::Note), std::size_t(24)); // the lock fits in the padding
    std::vector<model::Note> lockedNotes;
    for (std::size_t i = 0; i < 6; ++i)
        chords->notes[i].locked = true, lockedNotes.push_back(chords->notes[i]);
    auto r = ask("transpose up 2", song);
    QVERIFY(!r.takes.empty());
    const model::Track* after = named(r.takes.front().plan, "Chords");
    for (const model::Note& n : lockedNotes)
        QVERIFY(std::find(after->notes.begin(), after->notes.end(), n) != after->notes.end());
    auto regen = ask("regenerate the chords", song);
    QVERIFY(!regen.takes.empty());
    const model::Track* regenerated = named(regen.takes.front().plan, "Chords");
    for (const model::Note& n : lockedNotes)
        QVERIFY(std::find(regenerated->notes.begin(), regenerated->notes.end(), n) !=
                regenerated->notes.end());
}

void TestArrange::removeAndSecondLayer()
{
    model::Take song = first(ask("funk groove in E minor", std::nullopt), 1);
    auto removed = ask("without the drums", song);
    QCOMPARE(removed.intent, std::string("remove part: drums"));
    QCOMPARE(arrange::drumTracks(removed.takes.front().plan), 0);
    QVERIFY(othersUnchanged(song.plan, removed.takes.front().plan, "Drums"));
    auto layer = ask("add a second percussion layer", song);
    QCOMPARE(layer.intent, std::string("add part: drums"));
    QCOMPARE(arrange::drumTracks(layer.takes.front().plan), 2);
    QVERIFY(othersUnchanged(song.plan, layer.takes.front().plan, "Drums 2"));
}

void TestArrange::drumsAddedTwiceReplace()
{
    model::Take song = first(ask("rock song in D major", std::nullopt), 1);
    auto r = ask("add drums", song);
    QCOMPARE(arrange::drumTracks(r.takes.front().plan), 1); // no second kit unless asked
    QVERIFY(othersUnchanged(song.plan, r.takes.front().plan, "Drums"));
}

void TestArrange::stringPadProgressionIsChordsOnStrings()
{
    model::Take drums = first(ask("hip hop drums only in C minor at 90 bpm", std::nullopt), 1);
    auto r = ask("add a string pad progression", drums);
    QCOMPARE(r.intent, std::string("add part: chords"));
    const model::Track* c = named(r.takes.front().plan, "Chords");
    QVERIFY(c);
    QCOMPARE(c->program, 48);
    QVERIFY(!r.takes.front().plan.chords.empty()); // detected or generated, now stored
}

void TestArrange::rerollChordsGivesNewProgression()
{
    model::Take song = first(ask("neo soul chords in Eb major with bass", std::nullopt), 1);
    auto r = ask("re-roll the chords", song, 4);
    QCOMPARE(r.intent, std::string("regenerate part: chords"));
    bool someDiffer = false;
    for (const model::Take& t : r.takes)
        someDiffer = someDiffer || t.plan.chords != song.plan.chords;
    QVERIFY(someDiffer);
    QVERIFY(othersUnchanged(song.plan, r.takes.front().plan, "Chords"));
    // "... but keep the rhythm": the same onsets and lengths, other pitches.
    auto kept = ask("re-roll the chords but keep the rhythm", song, 1);
    QCOMPARE(kept.intent, std::string("regenerate part: chords"));
    const model::Track& before = *named(song.plan, "Chords");
    const model::Track& after = *named(kept.takes.front().plan, "Chords");
    std::vector<std::pair<model::Tick, model::Tick>> a, b;
    for (const model::Note& n : before.notes)
        a.push_back({n.startTick, n.lengthTicks});
    for (const model::Note& n : after.notes)
        b.push_back({n.startTick, n.lengthTicks});
    std::sort(a.begin(), a.end()), std::sort(b.begin(), b.end());
    b.erase(std::unique(b.begin(), b.end()), b.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    QCOMPARE(a, b);
    QVERIFY(!arrange::sameNotes(before.notes, after.notes));
}

void TestArrange::counterMelodyIsASecondTrack()
{
    model::Take song = first(ask("ballad in A major with a melody", std::nullopt), 1);
    auto r = ask("add a counter-melody", song);
    QCOMPARE(r.intent, std::string("add part: melody"));
    QVERIFY(named(r.takes.front().plan, "Melody 2"));
    QVERIFY(othersUnchanged(song.plan, r.takes.front().plan, "Melody 2"));
}

void TestArrange::newTempoInWordsChangesTheWholeTake()
{
    model::Take chords = first(ask("lo-fi chords only in Am at 78 bpm", std::nullopt), 1);
    auto r = ask("add drums at 90 bpm", chords);
    QCOMPARE(r.takes.front().plan.initialBpm(), 90.0);
    QVERIFY(chipped(r, "90 bpm for the whole take (was 78)"));
}

void TestArrange::importedPop909SongGetsBassAndDrums()
{
    const std::string path = std::string(PIANOLA_SHARED_DIR) + "/corpora/pop909-dev/001/001.mid";
    if (!std::filesystem::exists(path)) QSKIP("../shared/corpora/pop909-dev not present");
    auto loaded = engine::loadPlanFile(path);
    QVERIFY(loaded);
    model::Take song{1, "001", false, loaded->plan, {}};
    for (model::Track& t : song.plan.tracks) // eight bars are enough to check
        std::erase_if(t.notes,
                      [&](const model::Note& n) { return n.startTick >= 32 * song.plan.ppq; });
    auto r = ask("add drums", song);
    QCOMPARE(r.intent, std::string("add part: drums"));
    QVERIFY(chipped(r, "chords: detected"));
    const model::Plan p = roundTrip(r.takes.front().plan);
    QVERIFY(arrange::drums(p));
    QCOMPARE(p.initialBpm(), song.plan.initialBpm());
    QVERIFY(othersUnchanged(roundTrip(song.plan), p, "Drums"));
}

void TestArrange::missingPartIsAnError()
{
    model::Take chords = first(ask("lo-fi chords only in Am", std::nullopt), 1);
    engine::llm::GenerationRequest r;
    r.prompt = "remove the melody";
    r.parent = chords;
    auto result = engine::llm::offlineResult(r);
    QVERIFY(!result);
    QVERIFY(result.error().message.find("no melody") != std::string::npos);
}

void TestArrange::chordsRoundTripInPlanJson()
{
    model::Take t = first(ask("jazzy lo-fi chords in Am", std::nullopt), 1);
    t.plan.tracks.front().locked = true;
    t.plan.tracks.front().notes.front().locked = true;
    const std::string dir = QDir::tempPath().toStdString() + "/tst_arrange.json";
    QVERIFY(engine::savePlanFile(dir, t.plan));
    auto back = engine::loadPlanFile(dir);
    QVERIFY(back);
    QCOMPARE(back->plan.chords, t.plan.chords);
    QVERIFY(back->plan.tracks.front().locked);
    QVERIFY(back->plan.tracks.front().notes.front().locked);
    QCOMPARE(model::chordSymbol(t.plan.chords.front()).substr(0, 2), std::string("Am"));
}

// Four candidates of an added drum part: four grooves (the first bar's kick pattern, before any
// bar-to-bar variation, differs; measured on the written notes), and the words ("snare on 2 and
// 4") hold in each; the chords stay untouched.
void TestArrange::addedDrumsAreFourGrooves()
{
    model::Take chords = first(ask("lo-fi chords only in Am at 78 bpm", std::nullopt), 1);
    auto r = ask("add drums, snare on 2 and 4", chords);
    QCOMPARE(r.takes.size(), std::size_t(4));
    std::set<std::set<std::pair<int, model::Tick>>> kicks, grooves;
    for (const model::Take& t : r.takes) {
        const model::Plan p = roundTrip(t.plan);
        const model::Track* kit = arrange::drums(p);
        QVERIFY(kit);
        std::set<std::pair<int, model::Tick>> firstBar;
        for (const auto& hit : pattern(*kit, p.ppq, 36))
            if (hit.second < 16) firstBar.insert(hit);
        kicks.insert(firstBar);
        grooves.insert(pattern(*kit, p.ppq));
        QVERIFY2(backbeatShare(p, *kit) == 1.0,
                 qPrintable(QString::number(backbeatShare(p, *kit))));
        QVERIFY(othersUnchanged(roundTrip(chords.plan), p, "Drums"));
    }
    QCOMPARE(kicks.size(), std::size_t(4));
    QCOMPARE(grooves.size(), std::size_t(4));
}

// A bass and a melody added: four line shapes each; the bass keeps the roots on strong beats in
// every candidate ("following the chord roots").
void TestArrange::addedBassAndMelodyAreFourLines()
{
    model::Take song = first(ask("lo-fi chords and drums in Am at 78 bpm", std::nullopt), 1);
    auto bass = ask("add a bass following the chord roots", song);
    QCOMPARE(bass.takes.size(), std::size_t(4));
    std::set<std::set<std::pair<int, model::Tick>>> lines;
    for (const model::Take& t : bass.takes) {
        const model::Plan p = roundTrip(t.plan);
        const model::Track* b = named(p, "Bass");
        QVERIFY(b);
        lines.insert(pattern(*b, p.ppq));
        const double roots = planRootShare(t.plan, *named(t.plan, "Bass"));
        qInfo("bass candidate: roots %.0f%%", roots * 100);
        QVERIFY2(roots >= 0.7, qPrintable(QString::number(roots)));
        for (const auto& check : t.checks) // "bass on the roots" by time, in every candidate
            QVERIFY2(check.pass, (check.name + ": " + check.measured).c_str());
        QVERIFY(othersUnchanged(roundTrip(song.plan), p, "Bass"));
    }
    QCOMPARE(lines.size(), std::size_t(4));
    auto melody = ask("add a flute melody", first(bass, 2));
    QCOMPARE(melody.takes.size(), std::size_t(4));
    std::set<std::set<std::pair<int, model::Tick>>> melodies;
    double rising = 0, falling = 0; // the contours: phrase ends above or below their starts
    for (const model::Take& t : melody.takes) {
        const model::Track* m = named(t.plan, "Melody");
        QVERIFY(m);
        QCOMPARE(m->program, 73);
        melodies.insert(pattern(*m, t.plan.ppq));
        // The contour: the mean key of each phrase's (two bars') second bar against its first.
        double first = 0, second = 0;
        int nFirst = 0, nSecond = 0;
        for (const model::Note& n : m->notes)
            if ((n.startTick / barTicks(t.plan)) % 2 == 0)
                first += n.key, ++nFirst;
            else
                second += n.key, ++nSecond;
        const double slope = second / std::max(nSecond, 1) - first / std::max(nFirst, 1);
        qInfo("melody candidate: phrase end %+.1f semitones from its start", slope);
        rising = std::max(rising, slope), falling = std::min(falling, slope);
    }
    QCOMPARE(melodies.size(), std::size_t(4));
    QVERIFY(rising > 1 && falling < -1);
}

// Chords added to a take with no harmony of its own: four progressions and voicings, all on the
// strings the words named.
void TestArrange::addedChordsAreFourProgressions()
{
    model::Take drums = first(ask("hip hop drums only in C minor at 90 bpm", std::nullopt), 1);
    auto r = ask("add a string pad progression", drums);
    QCOMPARE(r.takes.size(), std::size_t(4));
    std::set<std::string> progressions;
    std::set<std::vector<int>> firstVoicings;
    for (const model::Take& t : r.takes) {
        progressions.insert(progression(t.plan));
        const model::Track* c = named(t.plan, "Chords");
        QVERIFY(c);
        QCOMPARE(c->program, 48);
        for (const auto& check : t.checks) // no "pad: none" for chords played by strings
            QVERIFY2(check.pass, (check.name + ": " + check.measured).c_str());
        std::vector<int> v;
        for (const model::Note& n : c->notes)
            if (n.startTick < t.plan.ppq / 4) v.push_back(n.key);
        std::sort(v.begin(), v.end());
        firstVoicings.insert(v);
        QVERIFY(othersUnchanged(drums.plan, t.plan, "Chords"));
    }
    qInfo("%zu progressions, %zu first voicings of 4", progressions.size(), firstVoicings.size());
    QCOMPARE(progressions.size(), std::size_t(4));
    QVERIFY(firstVoicings.size() >= 3);
    // Chords regenerated in a take that has them: four new progressions too.
    auto again = ask("regenerate the chords", first(r, 2));
    std::set<std::string> rerolled;
    for (const model::Take& t : again.takes)
        rerolled.insert(progression(t.plan));
    QCOMPARE(rerolled.size(), std::size_t(4));
}

// A pad that is the take's harmony (no chord part) regenerated: four progressions, as for
// chords, not four voicings of one that repeat each other bar for bar.
void TestArrange::regeneratedPadCarryingTheHarmonyIsFourProgressions()
{
    model::Take pad = first(ask("ambient pad in E minor at 70 bpm", std::nullopt), 1);
    QVERIFY(named(pad.plan, "Pad") && !named(pad.plan, "Chords"));
    auto r = ask("new pad", pad);
    QCOMPARE(r.takes.size(), std::size_t(4));
    std::set<std::string> progressions;
    std::set<std::vector<int>> bars;
    for (const model::Take& t : r.takes) {
        progressions.insert(progression(t.plan));
        const model::Track* p = named(t.plan, "Pad");
        QVERIFY(p);
        for (int b = 0; b < 8; ++b) { // each bar's keys, per candidate
            std::vector<int> keys{b};
            for (const model::Note& n : p->notes)
                if (n.startTick / (4 * t.plan.ppq) == b) keys.push_back(n.key);
            bars.insert(keys);
        }
        QVERIFY(othersUnchanged(pad.plan, t.plan, "Pad"));
    }
    qInfo("%zu progressions, %zu distinct pad bars of 32", progressions.size(), bars.size());
    QCOMPARE(progressions.size(), std::size_t(4));
    QVERIFY(bars.size() >= 28);
}

// "make it 3/4": a change of the whole take, not a new song; bar k stays bar k (its chord, the
// notes in its first three beats), so a later "bars 5-8" means the same music; back to 4/4 the
// gained beat is filled from the bar's head.
void TestArrange::meterChangeKeepsBarsAsBars()
{
    model::Take take =
        first(ask("pop chords, bass and drums in G major at 100 bpm, 8 bars", std::nullopt), 1);
    const model::Plan before = roundTrip(take.plan);
    QCOMPARE(barTicks(before), model::Tick(4 * before.ppq));
    auto r = ask("make it 3/4", take);
    QCOMPARE(r.intent, std::string("change"));
    QVERIFY(!r.takes.empty());
    QVERIFY(chipped(r, "meter 4/4 -> 3/4: each of the 8 bars kept as that bar"));
    const model::Plan p = roundTrip(r.takes.front().plan);
    QCOMPARE(p.timeSignatures.size(), std::size_t(1));
    QCOMPARE(p.timeSignatures.front().numerator, 3);
    const model::Tick oldBar = barTicks(before), bar = barTicks(p);
    QCOMPARE(p.lengthTicks(), 8 * bar);
    QCOMPARE(p.chords.size(), before.chords.size());
    for (std::size_t i = 0; i < p.chords.size(); ++i) { // each chord in its own bar still
        QCOMPARE(p.chords[i].startTick / bar, before.chords[i].startTick / oldBar);
        QCOMPARE(p.chords[i].root, before.chords[i].root);
    }
    for (const model::Track& t : before.tracks) {
        const model::Track* now = named(p, t.name);
        QVERIFY(now);
        std::vector<std::pair<model::Tick, int>> kept, moved;
        for (const model::Note& n : t.notes) { // an onset humanized early is its next bar's
            const model::Tick b = (n.startTick + before.ppq / 16) / oldBar,
                              off = n.startTick - b * oldBar;
            if (off < bar - before.ppq / 16)
                kept.push_back({std::max<model::Tick>(0, b * bar + off), n.key});
        }
        for (const model::Note& n : now->notes)
            moved.push_back({n.startTick, n.key});
        std::sort(kept.begin(), kept.end());
        std::sort(moved.begin(), moved.end());
        QCOMPARE(moved, kept);
    }
    // A region in the new numbering: bars 5-8 are the last four 3/4 bars.
    model::Take three = first(r, 2);
    auto bass = ask("regenerate the bass for bars 5-8", three);
    QVERIFY(!bass.takes.empty());
    const model::Plan q = roundTrip(bass.takes.front().plan);
    QVERIFY(arrange::sameNotes(arrange::notesInBars(*named(q, "Bass"), bar, 0, 4),
                               arrange::notesInBars(*named(p, "Bass"), bar, 0, 4)));
    QCOMPARE(q.lengthTicks(), 8 * bar);
    // Back to 4/4: four beats in every bar again, the fourth filled from the bar's head.
    const model::Plan back = roundTrip(first(ask("in 4/4", three), 3).plan);
    QCOMPARE(back.timeSignatures.front().numerator, 4);
    QCOMPARE(back.lengthTicks(), 8 * oldBar);
    const model::Track* kit = arrange::drums(back);
    QVERIFY(kit);
    for (int b = 0; b < 8; ++b)
        QVERIFY2(std::any_of(kit->notes.begin(), kit->notes.end(),
                             [&](const model::Note& n) {
                                 return n.startTick >= b * oldBar + 3 * back.ppq &&
                                        n.startTick < (b + 1) * oldBar;
                             }),
                 qPrintable(QString("bar %1 has no beat 4").arg(b + 1)));
}

// A change gives four candidates in the chat's default where the words leave room (which darker
// scale or register, how much harder); each does what was asked and nothing else. A change
// with nothing open ("transpose up 2") gives one take, not four copies.
void TestArrange::changesAreFourReadings()
{
    model::Take song = first(ask("lo-fi chords, bass and drums in C major", std::nullopt), 1);
    const model::Plan before = roundTrip(song.plan);
    const model::Track& chords = *named(before, "Chords");
    auto darker = ask("Same progression but darker.", song);
    QCOMPARE(darker.takes.size(), std::size_t(4));
    std::set<std::vector<int>> readings;
    for (const model::Take& t : darker.takes) {
        const model::Plan p = roundTrip(t.plan);
        QVERIFY(othersUnchanged(before, p, "Chords"));
        const model::Track& c = *named(p, "Chords");
        std::vector<int> keys;
        long sumBefore = 0, sumAfter = 0;
        for (const model::Note& n : chords.notes)
            sumBefore += n.key;
        for (const model::Note& n : c.notes)
            sumAfter += n.key, keys.push_back(n.key);
        QVERIFY(sumAfter < sumBefore); // darker: notes moved down (a scale, an octave, or both)
        readings.insert(keys);
    }
    QCOMPARE(readings.size(), std::size_t(4));
    auto harder = ask("Same drums but harder kick.", song);
    QCOMPARE(harder.takes.size(), std::size_t(4));
    std::set<int> kickVelocity;
    const model::Track& kit = *arrange::drums(before);
    for (const model::Take& t : harder.takes) {
        const model::Plan p = roundTrip(t.plan);
        QVERIFY(othersUnchanged(before, p, "Drums"));
        int sum = 0, sumBefore = 0;
        for (const model::Note& n : arrange::drums(p)->notes)
            if (n.key == 36) sum += n.velocity;
        for (const model::Note& n : kit.notes)
            if (n.key == 36) sumBefore += n.velocity;
        QVERIFY(sum > sumBefore);
        std::vector<model::Note> rest = arrange::drums(p)->notes, restBefore = kit.notes;
        std::erase_if(rest, [](const model::Note& n) { return n.key == 36; });
        std::erase_if(restBefore, [](const model::Note& n) { return n.key == 36; });
        QVERIFY(arrange::sameNotes(rest, restBefore)); // only the kick changed
        kickVelocity.insert(sum);
    }
    QCOMPARE(kickVelocity.size(), std::size_t(4));
    auto fill = ask("Add a 2-bar fill on bar 7.", song);
    QCOMPARE(fill.takes.size(), std::size_t(4));
    std::set<std::set<std::pair<int, model::Tick>>> fills;
    const model::Tick bar = barTicks(before);
    for (const model::Take& t : fill.takes) {
        const model::Plan p = roundTrip(t.plan);
        QVERIFY(othersUnchanged(before, p, "Drums"));
        const model::Track& d = *arrange::drums(p);
        QVERIFY(arrange::sameNotes(arrange::notesInBars(d, bar, 0, 6),
                                   arrange::notesInBars(kit, bar, 0, 6)));
        model::Track inFill;
        inFill.notes = arrange::notesInBars(d, bar, 6, 8);
        QVERIFY(inFill.notes.size() > arrange::notesInBars(kit, bar, 6, 8).size());
        fills.insert(pattern(inFill, p.ppq));
    }
    QCOMPARE(fills.size(), std::size_t(4));
    QCOMPARE(ask("transpose up 2", song).takes.size(), std::size_t(1));
}

// The leap (semitones) from the last note before `at` to the first note at or after it, between
// the mean keys of the two onsets (a chord's mean for chords).
int edgeLeap(const model::Track& t, model::Tick at)
{
    model::Tick before = -1, after = -1;
    for (const model::Note& n : t.notes) {
        if (n.startTick < at) before = std::max(before, n.startTick);
        if (n.startTick >= at && (after < 0 || n.startTick < after)) after = n.startTick;
    }
    if (before < 0 || after < 0) return 0;
    auto mean = [&](model::Tick onset) {
        double sum = 0;
        int count = 0;
        for (const model::Note& n : t.notes)
            if (std::abs(n.startTick - onset) <= 30) sum += n.key, ++count;
        return sum / std::max(count, 1);
    };
    return static_cast<int>(std::lround(std::abs(mean(after) - mean(before))));
}

// A regenerated region joins its neighbours: no leap at its edges wider than a fifth (an octave
// for a bass, whose lines leap by octaves), nothing cut to a sliver at its end.
void TestArrange::regionJoinsItsNeighbours()
{
    int worst = 0;
    for (const char* song : {"pop song in C major with a melody", "ballad in A major with a melody",
                             "lo-fi chords, bass and melody in D minor"}) {
        model::Take take = first(ask(song, std::nullopt), 1);
        for (const char* line :
             {"regenerate the melody in bars 3-4", "regenerate the bass in bars 5-6",
              "regenerate the chords in bars 3-4"}) {
            auto r = ask(line, take);
            QCOMPARE(r.takes.size(), std::size_t(4));
            const std::string role = std::string(line).substr(15, 5) == "melod" ? "Melody"
                                     : std::string(line).find("bass") != std::string::npos
                                         ? "Bass"
                                         : "Chords";
            const int fromBar = role == "Bass" ? 4 : 2, toBar = fromBar + 2;
            for (const model::Take& t : r.takes) {
                const model::Plan p = roundTrip(t.plan);
                const model::Track& m = *named(p, role);
                const model::Tick bar = barTicks(p);
                const int in = edgeLeap(m, fromBar * bar), out = edgeLeap(m, toBar * bar);
                if (role != "Bass") worst = std::max({worst, in, out});
                const int widest = role == "Bass" ? 12 : 7;
                QVERIFY2(in <= widest && out <= widest,
                         qPrintable(
                             QString("%1 / %2: leaps %3 and %4").arg(song, line).arg(in).arg(out)));
                for (const model::Note& n : m.notes) // no sliver cut at the region's end
                    if (n.startTick < toBar * bar && n.endTick() == toBar * bar &&
                        n.startTick >= fromBar * bar)
                        QVERIFY(n.lengthTicks >= p.ppq / 4);
            }
        }
    }
    qInfo("widest leap at a melody or chord region's edge: %d semitones", worst);
}

// Three steps later a take's name still says only its own step.
void TestArrange::takeNamesSayTheLastStep()
{
    model::Take chords = first(ask("lo-fi chords only in Am at 78 bpm", std::nullopt), 1);
    model::Take drums = first(ask("add drums", chords), 2);
    QCOMPARE(drums.name, std::string("Add drums 1/4"));
    model::Take bass = first(ask("regenerate the drums in bars 3-4", drums), 3);
    QCOMPARE(bass.name, std::string("Regenerate drums, bars 3-4 1/4"));
    auto changed = ask("  same drums but harder kick, and please make the whole thing a little "
                       "bit busier too.  ",
                       bass);
    QCOMPARE(changed.takes.front().name,
             std::string("Same drums but harder kick, and please... 1/") +
                 std::to_string(changed.takes.size()));
    auto again = ask("darker", first(changed, 4), 1);
    QCOMPARE(again.takes.front().name, std::string("Darker"));
}

QTEST_GUILESS_MAIN(TestArrange)
#include "tst_arrange.moc"
