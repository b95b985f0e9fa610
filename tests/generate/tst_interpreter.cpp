// SPDX-License-Identifier: MIT
// The offline interpreter: keys in every spelling, numbers in words, meters, genres, moods,
// instruments, directives, impossible requests and the report of words not understood.
#include "engine/generate/Interpreter.h"
#include "model/Text.h"

#include <algorithm>
#include <QtTest>

using namespace pianola::engine::generate;

Q_DECLARE_METATYPE(Genre)
Q_DECLARE_METATYPE(Mode)

class TestInterpreter : public QObject
{
    Q_OBJECT
private slots:
    void keys_data();
    void keys();
    void notKeys_data();
    void notKeys();
    void numbers_data();
    void numbers();
    void meters_data();
    void meters();
    void genres_data();
    void genres();
    void moodsAndTempoWords();
    void instruments();
    void roles();
    void directives();
    void feel();
    void unknownWordsReported();
    void impossible_data();
    void impossible();
    void seedFromPrompt();
    void explainNamesEverything();
    void sameMeaningIsOneChip();
    void wordsNotUtf8AreEchoedAsText();
    void sameLineReadAgainReadsTheSame();
};

void TestInterpreter::keys_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<int>("tonic");
    QTest::addColumn<Mode>("mode");
    QTest::newRow("Am") << "lo-fi in Am" << 9 << Mode::Minor;
    QTest::newRow("A minor") << "pop in A minor" << 9 << Mode::Minor;
    QTest::newRow("a minor after in") << "pop in a minor" << 9 << Mode::Minor;
    QTest::newRow("F#m") << "trap, F#m, 140 bpm" << 6 << Mode::Minor;
    QTest::newRow("Eb major") << "waltz in Eb major" << 3 << Mode::Major;
    QTest::newRow("B flat sign") << "ballad in B\u266d" << 10 << Mode::Major;
    QTest::newRow("B flat sign minor") << "B\u266d minor jazz" << 10 << Mode::Minor;
    QTest::newRow("C sharp sign") << "C\u266f minor house" << 1 << Mode::Minor;
    QTest::newRow("key of D") << "a song in the key of D" << 2 << Mode::Major;
    QTest::newRow("key of d lower") << "key of d" << 2 << Mode::Major;
    QTest::newRow("in G") << "rock in G" << 7 << Mode::Major;
    QTest::newRow("Bbm") << "Bbm trap" << 10 << Mode::Minor;
    QTest::newRow("Abmaj") << "Abmaj ballad" << 8 << Mode::Major;
    QTest::newRow("f sharp minor") << "house in f sharp minor" << 6 << Mode::Minor;
    QTest::newRow("E flat major") << "E flat major waltz" << 3 << Mode::Major;
    QTest::newRow("C# minor") << "C# minor" << 1 << Mode::Minor;
    QTest::newRow("Db") << "Db pop" << 1 << Mode::Major;
    QTest::newRow("G dorian") << "funk in G dorian" << 7 << Mode::Dorian;
    QTest::newRow("D mixolydian") << "rock in D mixolydian" << 2 << Mode::Mixolydian;
    QTest::newRow("F lydian") << "ambient in F lydian" << 5 << Mode::Lydian;
    QTest::newRow("E phrygian") << "E phrygian techno" << 4 << Mode::Phrygian;
    QTest::newRow("C harmonic minor")
        << "cinematic in C harmonic minor" << 0 << Mode::HarmonicMinor;
    QTest::newRow("Emin") << "Emin lofi" << 4 << Mode::Minor;
}

void TestInterpreter::keys()
{
    QFETCH(QString, prompt);
    QFETCH(int, tonic);
    QFETCH(Mode, mode);
    const Interpretation in = interpret(prompt.toStdString());
    QVERIFY2(in.ok(), in.explain().c_str());
    QCOMPARE(in.brief.tonic, tonic);
    QCOMPARE(in.brief.mode, mode);
    QVERIFY2(in.unrecognised.empty(), in.explain().c_str());
}

void TestInterpreter::notKeys_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::newRow("article a") << "a pop song";
    QTest::newRow("I am") << "I am making a pop song";
    QTest::newRow("capital A article") << "A pop song for me";
    QTest::newRow("lower-case eb") << "pop eb";
}

void TestInterpreter::notKeys()
{
    QFETCH(QString, prompt);
    const Interpretation in = interpret(prompt.toStdString());
    QCOMPARE(in.brief.tonic, 0); // pop's default: C major
    QCOMPARE(in.brief.mode, Mode::Major);
    for (const std::string& u : in.understood)
        QVERIFY2(u.rfind("key:", 0) != 0, u.c_str());
}

void TestInterpreter::numbers_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<int>("bars");
    QTest::addColumn<double>("bpm");
    QTest::newRow("eight bars") << "eight bars of pop" << 8 << 110.0;
    QTest::newRow("sixteen measures") << "sixteen measures" << 16 << 110.0;
    QTest::newRow("twenty four") << "twenty four bars at ninety bpm" << 24 << 90.0;
    QTest::newRow("thirty-two") << "thirty-two bars" << 32 << 110.0;
    QTest::newRow("a hundred and twenty") << "4 bars at a hundred and twenty bpm" << 4 << 120.0;
    QTest::newRow("one hundred twenty five") << "one hundred twenty five BPM" << 8 << 125.0;
    QTest::newRow("120BPM glued") << "120BPM 12bars" << 12 << 120.0;
    QTest::newRow("8-bar hyphen") << "8-bar loop at 95" << 8 << 95.0;
    QTest::newRow("8–bar en dash") << "8\u2013bar loop at 95" << 8 << 95.0;
    QTest::newRow("em dash between") << "6 bars\u2014at 95" << 6 << 95.0;
    QTest::newRow("curly apostrophe") << "don\u2019t stop, 5 bars at 95" << 5 << 95.0;
    QTest::newRow("tempo N") << "tempo 101, 2 bars" << 2 << 101.0;
    QTest::newRow("decimal bpm") << "pop at 97.5 bpm" << 8 << 97.5;
}

void TestInterpreter::numbers()
{
    QFETCH(QString, prompt);
    QFETCH(int, bars);
    QFETCH(double, bpm);
    const Interpretation in = interpret(prompt.toStdString());
    QVERIFY2(in.ok(), in.explain().c_str());
    QCOMPARE(in.brief.bars, bars);
    QCOMPARE(in.brief.bpm, bpm);
}

void TestInterpreter::meters_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<int>("numerator");
    QTest::addColumn<int>("denominator");
    QTest::newRow("7/8") << "a 7/8 groove" << 7 << 8;
    QTest::newRow("6/8") << "6/8 ballad" << 6 << 8;
    QTest::newRow("3/4") << "pop in 3/4" << 3 << 4;
    QTest::newRow("waltz") << "a waltz" << 3 << 4;
    QTest::newRow("5/4") << "jazz in 5/4" << 5 << 4;
    QTest::newRow("default") << "house" << 4 << 4;
}

void TestInterpreter::meters()
{
    QFETCH(QString, prompt);
    QFETCH(int, numerator);
    QFETCH(int, denominator);
    const Interpretation in = interpret(prompt.toStdString());
    QVERIFY2(in.ok(), in.explain().c_str());
    QCOMPARE(in.brief.numerator, numerator);
    QCOMPARE(in.brief.denominator, denominator);
}

void TestInterpreter::genres_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<Genre>("genre");
    QTest::newRow("pop") << "pop" << Genre::Pop;
    QTest::newRow("rock") << "rock" << Genre::Rock;
    QTest::newRow("lo-fi") << "lo-fi" << Genre::LoFi;
    QTest::newRow("lofi") << "lofi beat" << Genre::LoFi;
    QTest::newRow("hip-hop") << "hip-hop" << Genre::HipHop;
    QTest::newRow("hip hop") << "hip hop" << Genre::HipHop;
    QTest::newRow("boom bap") << "boom bap" << Genre::HipHop;
    QTest::newRow("trap") << "trap" << Genre::Trap;
    QTest::newRow("house") << "deep house" << Genre::House;
    QTest::newRow("techno") << "techno" << Genre::Techno;
    QTest::newRow("drum & bass") << "drum & bass" << Genre::DrumAndBass;
    QTest::newRow("drum and bass") << "drum and bass" << Genre::DrumAndBass;
    QTest::newRow("dnb") << "dnb" << Genre::DrumAndBass;
    QTest::newRow("jazz") << "jazz" << Genre::Jazz;
    QTest::newRow("neo-soul") << "neo-soul" << Genre::NeoSoul;
    QTest::newRow("R&B") << "R&B" << Genre::RnB;
    QTest::newRow("funk") << "funk" << Genre::Funk;
    QTest::newRow("reggaeton") << "reggaeton" << Genre::Reggaeton;
    QTest::newRow("ambient") << "ambient" << Genre::Ambient;
    QTest::newRow("cinematic") << "cinematic" << Genre::Cinematic;
    QTest::newRow("waltz") << "waltz" << Genre::Waltz;
    QTest::newRow("ballad") << "ballad" << Genre::Ballad;
    QTest::newRow("jazz ballad stays jazz") << "jazz ballad" << Genre::Jazz;
}

void TestInterpreter::genres()
{
    QFETCH(QString, prompt);
    QFETCH(Genre, genre);
    const Interpretation in = interpret(prompt.toStdString());
    QVERIFY2(in.ok(), in.explain().c_str());
    QCOMPARE(in.brief.genre, genre);
    QVERIFY2(in.unrecognised.empty(), in.explain().c_str());
}

void TestInterpreter::moodsAndTempoWords()
{
    QCOMPARE(interpret("dark pop").brief.mood, Mood::Dark);
    QCOMPARE(interpret("dark pop").brief.mode, Mode::Minor); // a dark mood without a key: minor
    QCOMPARE(interpret("uplifting lo-fi").brief.mode, Mode::Major);
    QCOMPARE(interpret("melancholic ballad").brief.mood, Mood::Melancholic);
    QCOMPARE(interpret("tense cinematic").brief.mood, Mood::Tense);
    QCOMPARE(interpret("dreamy ambient").brief.mood, Mood::Dreamy);
    QCOMPARE(interpret("aggressive trap").brief.mood, Mood::Aggressive);
    QCOMPARE(interpret("soft piano").brief.mood, Mood::Soft);
    QVERIFY(interpret("slow house").brief.bpm < interpret("house").brief.bpm);
    QVERIFY(interpret("uptempo pop").brief.bpm > interpret("pop").brief.bpm);
    QVERIFY(interpret("very slow pop").brief.bpm < interpret("slow pop").brief.bpm);
    QCOMPARE(interpret("slow house at 100 bpm").brief.bpm, 100.0); // a number wins over a word
    QCOMPARE(interpret("dark pop in C major").brief.mode,
             Mode::Major); // a named key wins over a mood
}

void TestInterpreter::instruments()
{
    const Brief rhodes = interpret("lo-fi with Rhodes").brief;
    QVERIFY(rhodes.part(Role::Chords));
    QCOMPARE(rhodes.part(Role::Chords)->program, 4);
    const Brief trap = interpret("trap beat with 808").brief;
    QCOMPARE(trap.part(Role::Bass)->program, 38);
    QVERIFY(trap.part(Role::Bass)->highKey <= 48);
    QCOMPARE(interpret("funk with slap bass").brief.part(Role::Bass)->program, 36);
    QCOMPARE(interpret("strings only").brief.part(Role::Pad)->program, 48);
    QCOMPARE(interpret("a flute melody").brief.part(Role::Melody)->program, 73);
    const Brief high = interpret("pop with a high melody").brief;
    QCOMPARE(high.part(Role::Melody)->lowKey, defaultPart(Genre::Pop, Role::Melody).lowKey + 12);
}

void TestInterpreter::roles()
{
    auto roles = [](const char* prompt) {
        std::vector<Role> out;
        for (const Part& p : interpret(prompt).brief.parts)
            out.push_back(p.role);
        return out;
    };
    QCOMPARE(roles("lo-fi chord progression"), std::vector<Role>{Role::Chords});
    QCOMPARE(roles("just drums"), std::vector<Role>{Role::Drums});
    QCOMPARE(roles("pop song"),
             (std::vector<Role>{Role::Chords, Role::Bass, Role::Drums, Role::Melody}));
    QCOMPARE(roles("pop song with no drums"),
             (std::vector<Role>{Role::Chords, Role::Bass, Role::Melody}));
    QCOMPARE(roles("chords with drums"), (std::vector<Role>{Role::Chords, Role::Drums}));
    QCOMPARE(roles("jazz with walking bass"),
             (std::vector<Role>{Role::Chords, Role::Bass, Role::Drums, Role::Melody}));
    QCOMPARE(roles("piano chords, four on the floor"),
             (std::vector<Role>{Role::Chords, Role::Drums}));
}

void TestInterpreter::directives()
{
    const Brief b =
        interpret("16 bars, snare on 2 and 4, four-on-the-floor, triplet hi-hat rolls in bar 4, a "
                  "fill on bar 8, "
                  "ghost notes on the off-beats, bass following the chord roots, crash on bar 1")
            .brief;
    QVERIFY(b.directives.backbeat);
    QVERIFY(b.directives.fourOnTheFloor);
    QCOMPARE(b.directives.tripletHatBars, std::vector<int>{4});
    QCOMPARE(b.directives.fillBars, std::vector<int>{8});
    QVERIFY(b.directives.ghostNotes);
    QCOMPARE(b.directives.bassFollow, BassFollow::Roots);
    QVERIFY(b.directives.crashBar1);
    QCOMPARE(interpret("in bar 3 a fill").brief.directives.fillBars, std::vector<int>{3});
    QCOMPARE(interpret("8 bars with a fill at the end").brief.directives.fillBars,
             std::vector<int>{8});
    QCOMPARE(interpret("16 bars, a fill every 4 bars").brief.directives.fillBars,
             (std::vector<int>{4, 8, 12, 16}));
    QCOMPARE(interpret("fills in bars 4 and 8").brief.directives.fillBars,
             (std::vector<int>{4, 8}));
    QCOMPARE(interpret("808 locked to the kick").brief.directives.bassFollow, BassFollow::Kick);
    const Brief claps = interpret("house with claps on 2 and 4").brief;
    QVERIFY(claps.directives.clap && claps.directives.backbeat);
}

void TestInterpreter::feel()
{
    QCOMPARE(interpret("robotic techno").brief.humanize, 0.0);
    QCOMPARE(interpret("quantized pop").brief.humanize, 0.0);
    QVERIFY(interpret("loose humanized pop").brief.humanize >= 0.5);
    QCOMPARE(interpret("pop with swing").brief.swing, 62.0);
    QCOMPARE(interpret("pop, 58% swing").brief.swing, 58.0);
    QCOMPARE(interpret("straight lo-fi").brief.swing, 50.0);
    QCOMPARE(interpret("jazzy chords").brief.extension, 9);
    QCOMPARE(interpret("pop with 7ths").brief.extension, 7);
    QCOMPARE(interpret("13ths").brief.extension, 13);
    QCOMPARE(interpret("jazz with triads").brief.extension, 0);
    QVERIFY(interpret("pop, sus chords").brief.sus);
    QVERIFY(interpret("pop, add9").brief.add9);
    QCOMPARE(interpret("jazz, drop 2 voicings").brief.voicing, Voicing::Drop2);
    QVERIFY(interpret("busy pop").brief.density > interpret("sparse pop").brief.density);
    QCOMPARE(interpret("give me 3 versions").brief.candidates, 3);
}

void TestInterpreter::unknownWordsReported()
{
    const Interpretation in = interpret("lo-fi beat with florp and a zingy wibble in Am");
    QCOMPARE(in.unrecognised, (std::vector<std::string>{"florp", "zingy", "wibble"}));
    QCOMPARE(in.brief.tonic, 9);
    QVERIFY(in.ok()); // unknown words are reported, not fatal
    QVERIFY(interpret("pop in Am").unrecognised.empty());
}

void TestInterpreter::impossible_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("message");
    QTest::newRow("0 bars") << "0 bars of pop"
                            << "0 bars";
    QTest::newRow("zero bars") << "zero bars of pop"
                               << "0 bars";
    QTest::newRow("900 bpm") << "pop at 900 bpm"
                             << "900 bpm";
    QTest::newRow("5 bpm") << "pop at 5 bpm"
                           << "5 bpm";
    QTest::newRow("300 bars") << "300 bars"
                              << "300 bars";
    QTest::newRow("4/3") << "pop in 4/3"
                         << "4/3";
    QTest::newRow("swing 90%") << "pop with 90% swing"
                               << "swing 90%";
    QTest::newRow("no instruments") << "drums only without drums"
                                    << "no instruments";
    QTest::newRow("too long") << QString(5000, QChar('a')) << "at most 4096";
    // Found by fuzz_generate: the fills were listed for every other bar of a billion before the
    // bar count was refused (2.7 GB of brief, a minute of work).
    QTest::newRow("billion bars, fill every two") << "jazz, a fill every two bars, 1000000000 bars"
                                                  << "1000000000 bars";
    QTest::newRow("billion bars, triplets") << "trap, triplet hats every 2 bars, 1000000000 bars"
                                            << "1000000000 bars";
}

void TestInterpreter::impossible()
{
    QFETCH(QString, prompt);
    QFETCH(QString, message);
    const Interpretation in = interpret(prompt.toStdString());
    QVERIFY(!in.ok());
    QVERIFY2(QString::fromStdString(in.problems.front()).contains(message),
             in.problems.front().c_str());
    QVERIFY(in.brief.directives.fillBars.size() <= std::size_t{Brief::kMaxBars});
    QVERIFY(in.brief.directives.tripletHatBars.size() <= std::size_t{Brief::kMaxBars});
    QVERIFY(in.explain().size() < 64 * 1024);
}

void TestInterpreter::seedFromPrompt()
{
    QCOMPARE(interpret("pop in C").brief.seed, interpret("pop in C").brief.seed);
    QVERIFY(interpret("pop in C").brief.seed != interpret("pop in D").brief.seed);
    QCOMPARE(interpret("pop in C", 42).brief.seed, std::uint64_t{42});
}

void TestInterpreter::explainNamesEverything()
{
    const std::string text = interpret("lo-fi in Am at 78 BPM with florp").explain();
    QVERIFY2(text.find("key: A minor") != std::string::npos, text.c_str());
    QVERIFY2(text.find("tempo: 78 bpm") != std::string::npos, text.c_str());
    QVERIFY2(text.find("not understood: \"florp\"") != std::string::npos, text.c_str());
    QVERIFY2(text.find("genre: lo-fi") != std::string::npos, text.c_str());
    // Every word used: no "not understood: (everything was understood)" line.
    const std::string all = interpret("lo-fi in Am at 78 BPM").explain();
    QVERIFY2(all.find("not understood") == std::string::npos, all.c_str());
}

QTEST_GUILESS_MAIN(TestInterpreter)
// Two phrases with one meaning make one line (one chip in the chat), naming both.
void TestInterpreter::sameMeaningIsOneChip()
{
    const Interpretation in = interpret("lo-fi in Am, jazzy 9ths");
    const auto nine =
        std::count_if(in.understood.begin(), in.understood.end(),
                      [](const std::string& u) { return u.starts_with("chords: 9ths"); });
    QCOMPARE(nine, 1);
    QVERIFY(std::find(in.understood.begin(), in.understood.end(),
                      "chords: 9ths (\"jazzy\", \"9ths\")") != in.understood.end());
    // The same phrase twice is named once (it read mood: soft ("soft", "soft")).
    const Interpretation twice = interpret("soft lo-fi, soft keys");
    const auto soft =
        std::count_if(twice.understood.begin(), twice.understood.end(), [](const std::string& u) {
            return u.find("(\"soft\")") != std::string::npos;
        });
    QCOMPARE(soft, 1);
}

#include "tst_interpreter.moc"

void TestInterpreter::wordsNotUtf8AreEchoedAsText()
{
    // A prompt that is not UTF-8 ("gr\xFCn" in Latin-1, a stray continuation byte) is read as
    // Latin-1: what is echoed back as not understood is valid text (found by fuzz_intent).
    const auto in = interpret("pop song, gr\xFCn \xC0\xB7zz", 1);
    QVERIFY(pianola::model::isValidUtf8(in.explain()));
    QCOMPARE(in.unrecognised, (std::vector<std::string>{"grün", "À·zz"}));
}

// One chat line is read by several callers (intent, scope, checklist, arranger); each reading is
// the same, whatever was read in between, and a dash cut off at the end is text, not a dash.
void TestInterpreter::sameLineReadAgainReadsTheSame()
{
    const std::string line = "soft lo-fi, soft keys, florp, vinyl crackle, 4 bars";
    const Interpretation plain = interpret(line, 1); // read without LineReadings
    const LineReadings readOnce;
    const Interpretation first = interpret(line, 1);
    const Interpretation other = interpret("dark trap in F#m with zorg", 1);
    const Interpretation again = interpret(line, 1); // given again
    for (const Interpretation* in : {&first, &again}) {
        QCOMPARE(in->understood, plain.understood);
        QCOMPARE(in->unrecognised, plain.unrecognised);
        QCOMPARE(in->notMidi, plain.notMidi);
        QCOMPARE(in->brief.bars, 4);
        QVERIFY(in->named == plain.named);
    }
    QCOMPARE(plain.unrecognised, (std::vector<std::string>{"florp"}));
    QCOMPARE(other.unrecognised, (std::vector<std::string>{"zorg"}));
    QVERIFY(first.understood != other.understood);
    const Interpretation cut = interpret("4 bars \xE2\x80", 1);
    QCOMPARE(cut.brief.bars, 4);
    QVERIFY(pianola::model::isValidUtf8(cut.explain()));
    QCOMPARE(promptWords(line), promptWords(line));
    QCOMPARE(promptWords("8\u2013bar"), (std::vector<std::string>{"8", "bar"}));
    // Nested, the outer one keeps the readings; each reads what a fresh reader reads.
    const LineReadings inner;
    QCOMPARE(interpret(line, 1).understood, plain.understood);
}
