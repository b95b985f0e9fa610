// SPDX-License-Identifier: MIT
// The one reader of chat lines: intents with and without a playing take, negation and degree,
// instruments that name roles, sound MIDI cannot carry, nonsense.
#include "engine/generate/Generator.h"
#include "engine/generate/Intent.h"
#include "engine/generate/Interpreter.h"
#include "engine/llm/Session.h"

#include <QTest>

using namespace pianola::engine::generate;
namespace llm = pianola::engine::llm;

Q_DECLARE_METATYPE(IntentKind)
Q_DECLARE_METATYPE(Role)

class TestIntent : public QObject
{
    Q_OBJECT
private slots:
    void intents_data();
    void intents();
    void withoutATakeEverythingIsANewSong();
    void negationAndDegree();
    void instrumentsNameRoles();
    void nonsenseGetsExamplesNotSongs();
    void soundDesignIsSaidToBeNotMidi();
};

void TestIntent::intents_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<IntentKind>("kind");
    QTest::addColumn<Role>("role");
    QTest::addColumn<int>("fromBar");
    const auto add = [](const char* line, IntentKind k, Role r = Role::Chords, int bar = 0) {
        QTest::newRow(line) << QString(line) << k << r << bar;
    };
    using K = IntentKind;
    // The take has drums: more drums replace them, unless a second layer is asked for.
    add("add drums", K::ReplacePart, Role::Drums);
    add("Generate a swung lo-fi drum loop at 78 BPM, dusty kick, brushed snare on 2 and 4",
        K::ReplacePart, Role::Drums);
    add("add a second percussion layer", K::AddPart, Role::Drums);
    add("Generate a soft sub bass following the chord roots, ghost notes on the off-beats.",
        K::AddPart, Role::Bass);
    add("give me an arpeggio", K::AddPart, Role::Arpeggio);
    add("put some strings on it", K::AddPart, Role::Pad);
    add("add a counter-melody", K::AddPart, Role::Melody);
    add("a warm pad", K::AddPart, Role::Pad);
    add("new drums", K::ReplacePart, Role::Drums);
    add("regenerate the chords", K::ReplacePart, Role::Chords);
    add("another melody for bars 5-8", K::ReplacePart, Role::Melody, 5);
    add("re-roll the chords but keep the rhythm", K::ReplacePart, Role::Chords);
    add("remove the chords", K::RemovePart, Role::Chords);
    add("without drums", K::RemovePart, Role::Drums);
    add("keep the chords", K::LockPart, Role::Chords);
    add("lock the drums", K::LockPart, Role::Drums);
    add("same drums but harder kick", K::Change);
    add("Same progression but darker.", K::Change);
    add("Add a 2-bar fill on bar 7.", K::Change);
    add("darker", K::Change);
    add("make the drums busier", K::Change);
    add("keep the chords, busier", K::Change);
    add("no swing", K::Change);
    // Feel words with a part the take does not have: the new part's feel, not a change.
    add("add a bass, no swing", K::AddPart, Role::Bass);
    add("add a straight, quantized bass", K::AddPart, Role::Bass);
    add("add a pad, less bright", K::AddPart, Role::Pad);
    add("add more swing to the drums", K::Change);
    add("make the melody busier", K::Change);
    add("start a new song: trap in F minor", K::NewSong);
    add("trap beat in F# minor, 140 bpm", K::NewSong);
    add("jazz trio with piano, bass and drums", K::NewSong);
    add("add reverb", K::NotMidi);
    add("asdf qwerty banana", K::Nonsense);
}

void TestIntent::intents()
{
    QFETCH(QString, line);
    QFETCH(IntentKind, kind);
    QFETCH(Role, role);
    QFETCH(int, fromBar);
    const std::vector<std::optional<Role>> take{Role::Chords, Role::Drums, Role::Melody};
    const Intent in = readIntent(line.toStdString(), &take);
    QCOMPARE(intentName(in.kind), intentName(kind));
    if (kind != IntentKind::Change && kind != IntentKind::NewSong && kind != IntentKind::Nonsense &&
        kind != IntentKind::NotMidi)
        QCOMPARE(roleName(in.role), roleName(role));
    QCOMPARE(in.fromBar, fromBar);
    if (fromBar) QCOMPARE(in.toBar, 8);
}

void TestIntent::withoutATakeEverythingIsANewSong()
{
    for (const char* line : {"add drums", "Generate an 8-bar lo-fi chord progression in Am",
                             "new drums", "a warm pad"})
        QCOMPARE(intentName(readIntent(line, nullptr).kind), intentName(IntentKind::NewSong));
    QCOMPARE(intentName(readIntent("asdf qwerty banana", nullptr).kind),
             intentName(IntentKind::Nonsense));
}

void TestIntent::negationAndDegree()
{
    const Brief straight = interpret("lo-fi beat, straight and quantized, no swing").brief;
    QCOMPARE(straight.swing, 50.0);
    QCOMPARE(straight.humanize, 0.0);
    QCOMPARE(interpret("jazz trio, no swing").brief.swing, 50.0);
    QVERIFY(interpret("hip hop beat with no fills").brief.directives.fillBars.empty());
    QVERIFY(!interpret("rock song with fills").brief.directives.fillBars.empty());
    QVERIFY(interpret("pop song, not too busy").brief.density <= 0.4);
    QCOMPARE(interpret("pop song, less bright").brief.mood, Mood::Dark);
    QCOMPARE(interpret("quiet piano ballad").brief.mood, Mood::Soft);
    QCOMPARE(interpret("loud rock song").brief.mood, Mood::Aggressive);
    QCOMPARE(interpret("pop song with a little swing").brief.swing, 56.0);
    QCOMPARE(interpret("pop song with much more swing").brief.swing, 74.0);
    QCOMPARE(interpret("funk without ghost notes").brief.directives.ghostNotes, false);
    const Interpretation none = interpret("lo-fi beat, no swing");
    QVERIFY(none.unrecognised.empty());
}

void TestIntent::instrumentsNameRoles()
{
    const std::vector<std::optional<Role>> take{Role::Drums};
    QCOMPARE(roleName(readIntent("add a string pad progression", &take).role),
             roleName(Role::Chords));
    QCOMPARE(roleName(readIntent("add an 808", &take).role), roleName(Role::Bass));
    QCOMPARE(roleName(readIntent("new hat pattern", &take).role), roleName(Role::Drums));
    const Brief brushed = interpret("jazz ballad with brushed snare").brief;
    QCOMPARE(brushed.part(Role::Drums)->program, 40);
    const auto takes = generate(brushed, "brushed");
    QVERIFY(takes);
    bool brush = false;
    for (const auto& t : takes->front().plan.tracks)
        brush = brush || (t.channel == 9 && t.program == 40);
    QVERIFY(brush);
    QVERIFY(interpret("trap beat with an 808").brief.part(Role::Bass));
}

void TestIntent::nonsenseGetsExamplesNotSongs()
{
    llm::GenerationRequest r;
    r.prompt = "asdf qwerty banana";
    auto result = llm::offlineResult(r);
    QVERIFY(!result);
    QVERIFY(result.error().message.find("Try") != std::string::npos);
}

void TestIntent::soundDesignIsSaidToBeNotMidi()
{
    llm::GenerationRequest r;
    r.prompt = "more reverb and some sidechain";
    auto result = llm::offlineResult(r);
    QVERIFY(!result);
    QVERIFY2(result.error().message.find("MIDI carries notes") != std::string::npos,
             result.error().message.c_str());
    QVERIFY(result.error().message.find('\n') == std::string::npos); // one line
    const Interpretation in = interpret("lo-fi beat with vinyl crackle");
    QVERIFY(in.unrecognised.empty());
    QCOMPARE(in.notMidi.size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestIntent)
#include "tst_intent.moc"
