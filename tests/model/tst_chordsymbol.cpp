// SPDX-License-Identifier: MIT
// Chord symbols: parsing, canonical printing, tones, errors with positions, spelling in 24 keys.
#include "model/ChordSymbol.h"
#include "model/ChordTrack.h"

#include <QTest>

using namespace pianola::model;

namespace {
QString tonesText(const std::vector<int>& tones)
{
    QStringList parts;
    for (int t : tones)
        parts << QString::number(t);
    return parts.join(' ');
}
} // namespace

class TestChordSymbol : public QObject
{
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void errorsSayWhatAndWhere_data();
    void errorsSayWhatAndWhere();
    void printParsesBack();
    void spellingTables_data();
    void spellingTables();
    void spellsForTheKey();
    void planChords();
    void chordTrackChecks();
};

void TestChordSymbol::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // printed for C major
    QTest::addColumn<QString>("tones");
    QTest::newRow("Fmaj9") << "Fmaj9"
                           << "Fmaj9"
                           << "5 9 0 4 7";
    QTest::newRow("Bb/D") << "Bb/D"
                          << "Bb/D"
                          << "10 2 5";
    QTest::newRow("C7#9") << "C7#9"
                          << "C7#9"
                          << "0 4 7 10 3";
    QTest::newRow("Dm7b5") << "Dm7b5"
                           << "Dm7b5"
                           << "2 5 8 0";
    QTest::newRow("Csus4") << "Csus4"
                           << "Csus4"
                           << "0 5 7";
    QTest::newRow("Csus") << "Csus"
                          << "Csus4"
                          << "0 5 7";
    QTest::newRow("Cadd9") << "Cadd9"
                           << "Cadd9"
                           << "0 4 7 2";
    QTest::newRow("C6/9") << "C6/9"
                          << "C6/9"
                          << "0 4 7 9 2";
    QTest::newRow("C69") << "C69"
                         << "C6/9"
                         << "0 4 7 9 2";
    QTest::newRow("Am11") << "Am11"
                          << "Am11"
                          << "9 0 4 7 11 2";
    QTest::newRow("Gdim7") << "Gdim7"
                           << "Gdim7"
                           << "7 10 1 4";
    QTest::newRow("Eaug") << "Eaug"
                          << "Eaug"
                          << "4 8 0";
    QTest::newRow("N.C.") << "N.C."
                          << "N.C."
                          << "";
    QTest::newRow("NC") << "NC"
                        << "N.C."
                        << "";
    QTest::newRow("minor forms") << "C-7"
                                 << "Cm7"
                                 << "0 3 7 10";
    QTest::newRow("min") << "Cmin7"
                         << "Cm7"
                         << "0 3 7 10";
    QTest::newRow("triangle") << "C\u0394"
                              << "Cmaj7"
                              << "0 4 7 11";
    QTest::newRow("M7") << "CM7"
                        << "Cmaj7"
                        << "0 4 7 11";
    QTest::newRow("half-dim sign") << "B\u00F8"
                                   << "Bm7b5"
                                   << "11 2 5 9";
    QTest::newRow("o7") << "Bo7"
                        << "Bdim7"
                        << "11 2 5 8";
    QTest::newRow("+") << "C+"
                       << "Caug"
                       << "0 4 8";
    QTest::newRow("aug7") << "C+7"
                          << "C7#5"
                          << "0 4 8 10";
    QTest::newRow("parentheses") << "C7(b9,#11)"
                                 << "C7b9#11"
                                 << "0 4 7 10 1 6";
    QTest::newRow("13") << "G13"
                        << "G13"
                        << "7 11 2 5 9 4";
    QTest::newRow("m13 keeps its 11") << "Dm13"
                                      << "Dm13"
                                      << "2 5 9 0 4 7 11";
    QTest::newRow("9sus4") << "G9sus4"
                           << "G9sus4"
                           << "7 0 2 5 9";
    QTest::newRow("power") << "E5"
                           << "E5"
                           << "4 11";
    QTest::newRow("root flat then b5") << "B(b5)"
                                       << "B(b5)"
                                       << "11 3 5";
    QTest::newRow("mmaj7") << "Cm(maj7)"
                           << "Cmmaj7"
                           << "0 3 7 11";
    QTest::newRow("mM7") << "CmM7"
                         << "Cmmaj7"
                         << "0 3 7 11";
    QTest::newRow("m6") << "Am6"
                        << "Am6"
                        << "9 0 4 6";
    QTest::newRow("add2") << "Cadd2"
                          << "Cadd9"
                          << "0 4 7 2";
    QTest::newRow("unicode accidentals") << "E\u266Dm7\u266D5"
                                         << "Ebm7b5"
                                         << "3 6 9 1";
    QTest::newRow("-9 after 7") << "C7-9"
                                << "C7b9"
                                << "0 4 7 10 1";
    QTest::newRow("13b9 drops the 9") << "C13b9"
                                      << "C13b9"
                                      << "0 4 7 10 9 1";
    QTest::newRow("slash non-chord bass") << "C/Bb"
                                          << "C/Bb"
                                          << "0 4 7 10";
    QTest::newRow("slash on its root") << "C/C"
                                       << "C"
                                       << "0 4 7";
    QTest::newRow("slash spelled from the root") << "E7/G#"
                                                 << "E7/G#"
                                                 << "4 8 11 2";
    QTest::newRow("generator no-third") << "C75"
                                        << "C7no3"
                                        << "0 7 10";
    QTest::newRow("dimmaj7") << "Cdimmaj7"
                             << "Cmmaj7b5"
                             << "0 3 6 11";
    QTest::newRow("spaces around") << "  Am7 "
                                   << "Am7"
                                   << "9 0 4 7";
}

void TestChordSymbol::parses()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(QString, tones);
    const auto symbol = parseChordSymbol(text.toStdString());
    QVERIFY2(symbol.ok(), symbol.ok() ? "" : symbol.error().message.c_str());
    QCOMPARE(QString::fromStdString(chordSymbolText(*symbol)), canonical);
    QCOMPARE(tonesText(symbol->tones()), tones);
}

void TestChordSymbol::errorsSayWhatAndWhere_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("lowercase root") << "am7"
                                    << "\"am7\": a root note A-G expected at character 1";
    QTest::newRow("unknown letter") << "Cx7"
                                    << "\"Cx7\": an unexpected 'x' at character 2";
    QTest::newRow("bad bass") << "C/H"
                              << "\"C/H\": a bass note A-G expected after '/' at character 3";
    QTest::newRow("empty bass") << "Cmaj7/"
                                << "a bass note A-G expected after '/' at character 7";
    QTest::newRow("unknown number") << "C8"
                                    << "an unknown number 8 (5 6 7 9 11 13) at character 2";
    QTest::newRow("two sevenths") << "C79"
                                  << "an unknown number 79";
    QTest::newRow("second extension") << "C7 9"
                                      << "an unexpected ' ' at character 3";
    QTest::newRow("bad alteration") << "C7b11"
                                    << "an unknown alteration b11";
    QTest::newRow("sus on a minor") << "Cmsus4"
                                    << "a second third (major, minor, sus) at character 3";
    QTest::newRow("unicode position") << "E\u266Dm7x"
                                      << "an unexpected 'x' at character 5";
    QTest::newRow("empty") << ""
                           << "an empty chord symbol";
    QTest::newRow("too long") << QString(65, 'C') << "longer than 64 bytes";
    QTest::newRow("power with add") << "C5add9"
                                    << "without a third";
}

void TestChordSymbol::errorsSayWhatAndWhere()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto symbol = parseChordSymbol(text.toStdString());
    QVERIFY(!symbol.ok());
    QVERIFY2(QString::fromStdString(symbol.error().message).contains(message),
             symbol.error().message.c_str());
}

// Every quality the reader knows, on every root, over a slash bass or not: the printed symbol
// reads back equal, and its tones start at the root.
void TestChordSymbol::printParsesBack()
{
    const char* const qualities[] = {
        "",     "m",    "7",       "maj7", "m7",    "6",     "m6",    "6/9",   "9",
        "m9",   "maj9", "11",      "m11",  "13",    "m13",   "dim",   "dim7",  "m7b5",
        "aug",  "7#5",  "sus2",    "sus4", "7sus4", "add9",  "madd9", "7b9",   "7#9",
        "7#11", "7b13", "maj7#11", "(b5)", "5",     "mmaj7", "9sus4", "13#11", "7no3"};
    int checked = 0;
    for (const char* root :
         {"C", "C#", "Db", "D", "Eb", "E", "F", "F#", "Gb", "G", "Ab", "A", "Bb", "B", "Cb", "E#"})
        for (const char* quality : qualities)
            for (const char* bass : {"", "/E", "/Bb", "/G#"}) {
                const std::string text = std::string(root) + quality + bass;
                const auto first = parseChordSymbol(text);
                QVERIFY2(first.ok(), text.c_str());
                for (int sharps = -6; sharps <= 6; ++sharps) {
                    const std::string printed =
                        chordSymbolText(*first, KeySignature{0, sharps, sharps % 2 != 0});
                    const auto again = parseChordSymbol(printed);
                    QVERIFY2(again.ok() && *again == *first, (text + " -> " + printed).c_str());
                }
                QCOMPARE(first->tones().front(), first->root);
                ++checked;
            }
    QCOMPARE(checked, 16 * 36 * 4);
}

void TestChordSymbol::spellingTables_data()
{
    QTest::addColumn<int>("sharps");
    QTest::addColumn<bool>("minor");
    QTest::addColumn<QString>("names"); // pitch classes 0..11
    // Major keys: the diatonic tones by letter, chromatic ones as b2 b3 #4 b6 b7.
    QTest::newRow("Db major") << -5 << false << "C Db D Eb Fb F Gb G Ab A Bb Cb";
    QTest::newRow("Ab major") << -4 << false << "C Db D Eb Fb F Gb G Ab A Bb Cb";
    QTest::newRow("Eb major") << -3 << false << "C Db D Eb Fb F Gb G Ab A Bb Cb";
    QTest::newRow("Bb major") << -2 << false << "C Db D Eb E F Gb G Ab A Bb Cb";
    QTest::newRow("F major") << -1 << false << "C Db D Eb E F Gb G Ab A Bb B";
    QTest::newRow("C major") << 0 << false << "C Db D Eb E F F# G Ab A Bb B";
    QTest::newRow("G major") << 1 << false << "C C# D Eb E F F# G Ab A Bb B";
    QTest::newRow("D major") << 2 << false << "C C# D Eb E F F# G G# A Bb B";
    QTest::newRow("A major") << 3 << false << "C C# D D# E F F# G G# A Bb B";
    QTest::newRow("E major") << 4 << false << "C C# D D# E F F# G G# A A# B";
    QTest::newRow("B major") << 5 << false << "C C# D D# E E# F# G G# A A# B";
    QTest::newRow("F# major") << 6 << false << "B# C# D D# E E# F# G G# A A# B";
    // Minor keys: b2 3 #3 4 #4 5 6 #6 7 #7 (the raised sixth and seventh of melodic minor).
    QTest::newRow("Eb minor") << -6 << true << "C Db D Eb Fb F Gb G Ab A Bb Cb";
    QTest::newRow("Bb minor") << -5 << true << "C Db D Eb E F Gb G Ab A Bb Cb";
    QTest::newRow("F minor") << -4 << true << "C Db D Eb E F Gb G Ab A Bb B";
    QTest::newRow("C minor") << -3 << true << "C Db D Eb E F F# G Ab A Bb B";
    QTest::newRow("G minor") << -2 << true << "C C# D Eb E F F# G Ab A Bb B";
    QTest::newRow("D minor") << -1 << true << "C C# D Eb E F F# G G# A Bb B";
    QTest::newRow("A minor") << 0 << true << "C C# D D# E F F# G G# A Bb B";
    QTest::newRow("E minor") << 1 << true << "C C# D D# E F F# G G# A A# B";
    QTest::newRow("B minor") << 2 << true << "C C# D D# E E# F# G G# A A# B";
    QTest::newRow("F# minor") << 3 << true << "B# C# D D# E E# F# G G# A A# B";
    QTest::newRow("C# minor") << 4 << true << "B# C# D D# E E# F# G G# A A# B";
    QTest::newRow("G# minor") << 5 << true << "B# C# D D# E E# F# G G# A A# B";
}

void TestChordSymbol::spellingTables()
{
    QFETCH(int, sharps);
    QFETCH(bool, minor);
    QFETCH(QString, names);
    QStringList got;
    const KeySignature key{0, sharps, minor};
    for (int pc = 0; pc < 12; ++pc)
        got << QString::fromStdString(spellPitchClass(pc, key));
    QCOMPARE(got.join(' '), names);
    // The seven scale tones use seven different letters, never the sharp and flat of one key.
    const std::vector<int> scale =
        minor ? std::vector<int>{0, 2, 3, 5, 7, 8, 10} : std::vector<int>{0, 2, 4, 5, 7, 9, 11};
    QSet<QChar> letters;
    for (int step : scale) {
        const QString name = got[(keySignatureTonicPc(key) + step) % 12];
        letters.insert(name[0]);
        QVERIFY2(!name.contains(sharps < 0 ? '#' : 'b') || sharps == 0, qPrintable(name));
    }
    QCOMPARE(letters.size(), 7);
}

void TestChordSymbol::spellsForTheKey()
{
    const auto bb = parseChordSymbol("A#");
    QVERIFY(bb.ok());
    QCOMPARE(chordSymbolText(*bb, KeySignature{0, -1, false}), std::string("Bb")); // F major
    QCOMPARE(chordSymbolText(*bb, KeySignature{0, 0, true}), std::string("Bb"));   // A minor
    QCOMPARE(chordSymbolText(*bb, KeySignature{0, 4, false}), std::string("A#"));  // E major
    const auto e7 = parseChordSymbol("E7/Ab");
    QVERIFY(e7.ok());
    QCOMPARE(chordSymbolText(*e7, KeySignature{0, 0, true}), std::string("E7/G#"));
    const auto gm = parseChordSymbol("Gbm/Bbb");
    QVERIFY(!gm.ok()); // one accidental per note name
}

void TestChordSymbol::planChords()
{
    const auto symbol = parseChordSymbol("Bb/D");
    QVERIFY(symbol.ok());
    const PlanChord chord = planChordOf(*symbol, 480, 960);
    QCOMPARE(chord.root, 10);
    QCOMPARE(chord.bass, 2);
    QCOMPARE(chord.quality, std::string());
    QCOMPARE(chordSymbol(chord, true), std::string("Bb/D"));
    QCOMPARE(chordSymbol(chord), std::string("A#/D"));
    const auto back = chordSymbolOf(chord);
    QVERIFY(back.ok());
    QVERIFY(*back == *symbol);
    PlanChord bad = chord;
    bad.quality = "maj8";
    QVERIFY(!chordSymbolOf(bad).ok());
}

void TestChordSymbol::chordTrackChecks()
{
    Plan plan; // 4/4, ppq 480: one note in bar 2 makes a two-bar take
    Track t;
    t.notes = {{1920, 480, 1, 60, 90}};
    plan.tracks.push_back(t);
    QCOMPARE(chordTrackLimit(plan), 3840);
    plan.chords = {planChordOf(*parseChordSymbol("Am7"), 0, 1920),
                   planChordOf(*parseChordSymbol("Fmaj7"), 1920, 1920)};
    QVERIFY(chordTrackIssues(plan).empty());
    plan.chords[1].startTick = 1000; // overlaps the first, and ends after the take
    plan.chords[1].lengthTicks = 2900;
    plan.chords[0].quality = "m7x";
    const auto issues = chordTrackIssues(plan);
    QCOMPARE(issues.size(), std::size_t(3));
    QCOMPARE(issues[0].field, std::string("quality"));
    QVERIFY(issues[0].message.find("at character 4") != std::string::npos);
    QCOMPARE(issues[1].index, std::size_t(1));
    QCOMPARE(issues[1].field, std::string("start"));
    QCOMPARE(issues[2].field, std::string("length"));
}

QTEST_GUILESS_MAIN(TestChordSymbol)
#include "tst_chordsymbol.moc"
