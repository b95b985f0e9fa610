// SPDX-License-Identifier: MIT
// SMF writer: golden bytes, event order at equal ticks, banks, pitch bend, no hanging notes.
#include "engine/EventRenderer.h"
#include "engine/smf/SmfPlan.h"
#include "engine/smf/SmfReader.h"
#include "engine/smf/SmfWriter.h"
#include "SmfTestUtil.h"

#include <QTest>

using namespace pianola;
using namespace pianola::engine::smf;
using pianola::test::hexBytes;
using pianola::test::toHex;

class TestSmfWriter : public QObject
{
    Q_OBJECT
private slots:
    void correctedMinimalFile();
    void multiTrackGolden();
    void format0Golden();
    void bankBeforeProgram();
    void twoProgramChangesAtOneTickKeepTheirBanks();
    void noteOffsBeforeNoteOnsAtOneTick();
    void nestedSameKeyNotesAreTrimmed();
    void longGapsBridgedNotClamped();
    void everyNoteOnHasItsNoteOff();
};

void TestSmfWriter::correctedMinimalFile()
{
    // Reading the published minimal file (wrong track length 27) and writing it back gives the
    // corrected file: the same events with the true length 20.
    auto file =
        readSmf(hexBytes("4D546864 00000006 0000 0001 01E0 4D54726B 0000001B 00FF5103 07A120 "
                         "00903C64 8360803C40 00FF2F00"));
    QVERIFY(file.ok());
    QCOMPARE(toHex(writeSmf(*file)),
             toHex(hexBytes("4D546864 00000006 0000 0001 01E0 4D54726B 00000014 00FF5103 07A120 "
                            "00903C64 8360803C40 00FF2F00")));
}

static model::Plan bassPlan()
{
    model::Plan plan;
    plan.ppq = 96;
    plan.tempos = {{0, 120.0}};
    model::Track bass;
    bass.name = "Bass";
    bass.channel = 1;
    bass.program = 33;
    bass.notes = {{0, 96, 0, 36, 100, 64}, {96, 96, 0, 40, 90, 64}};
    bass.controllers = {{0, 7, 100}, {48, 10, 20}};
    bass.pitchBends = {{24, 4096}, {72, -8192}};
    plan.tracks = {bass};
    plan.normalize();
    return plan;
}

void TestSmfWriter::multiTrackGolden()
{
    const char* expected =
        "4D546864 00000006 0001 0002 0060 "
        // conductor: 4/4 (24 clocks, 8 32nds), 120 bpm, ends with the song at tick 192
        "4D54726B 00000014 00FF5804 04021808 00FF5103 07A120 8140FF2F00 "
        // "Bass": name, program 33, volume, C2 on; bend +4096 (LSB 00, MSB 60); pan; bend -8192;
        // at 96 the note-off before the next note-on; last note-off; end of track.
        "4D54726B 0000002F 00FF0304 42617373 00C121 00B10764 00912464 18E10060 18B10A14 18E10000 "
        "18812440 0091285A 60812840 00FF2F00";
    QCOMPARE(toHex(writePlan(bassPlan())), toHex(hexBytes(expected)));
}

void TestSmfWriter::format0Golden()
{
    ExportOptions options;
    options.format = 0;
    const char* expected =
        "4D546864 00000006 0000 0001 0060 "
        "4D54726B 00000036 00FF5804 04021808 00FF5103 07A120 00C121 00B10764 00912464 "
        "18E10060 18B10A14 18E10000 18812440 0091285A 60812840 00FF2F00";
    QCOMPARE(toHex(writePlan(bassPlan(), options)), toHex(hexBytes(expected)));
}

void TestSmfWriter::bankBeforeProgram()
{
    model::Track t;
    t.channel = 2;
    t.program = 48;
    t.bankMsb = 121;
    t.bankLsb = 1;
    t.programChanges = {{480, 49, 0, -1}};
    const auto r = engine::renderTrack(t);
    QCOMPARE(r.events.size(), std::size_t(5));
    const std::uint8_t expected[5][3] = {
        {0xB2, 0, 121}, {0xB2, 32, 1}, {0xC2, 48, 0}, {0xB2, 0, 0}, {0xC2, 49, 0}};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(r.events[i].status, expected[i][0]);
        QCOMPARE(r.events[i].data1, expected[i][1]);
        QCOMPARE(r.events[i].data2, expected[i][2]);
    }
}

// Found by fuzz_smf_roundtrip in CI: bank selects were written grouped by kind (every MSB at a
// tick, then every LSB, then every program), so a second change at the same tick lost its banks;
// and a program change took a bank LSB left over from an earlier tick.
void TestSmfWriter::twoProgramChangesAtOneTickKeepTheirBanks()
{
    model::Plan plan;
    model::Track t;
    t.program = 0;
    t.bankMsb = 8;
    t.bankLsb = 0;
    t.programChanges = {{0, 4, 0, 0}, {528, 32, 8, -1}};
    t.controllers = {{0, 32, 5}}; // a plain bank LSB at tick 0: no program change of its own
    t.notes = {model::Note{.startTick = 0, .lengthTicks = 120, .key = 60}};
    plan.tracks = {t};
    const auto back = readPlan(writePlan(plan));
    QVERIFY(back.ok());
    const model::Track& r = back->plan.tracks.at(0);
    QCOMPARE(r.bankMsb, 8);
    QCOMPARE(r.bankLsb, 0);
    QCOMPARE(r.programChanges.size(), std::size_t(2));
    QCOMPARE(r.programChanges[0].program, 4);
    QCOMPARE(r.programChanges[0].bankMsb, 0);
    QCOMPARE(r.programChanges[0].bankLsb, 0);
    QCOMPARE(r.programChanges[1].program, 32);
    QCOMPARE(r.programChanges[1].bankMsb, 8);
    QCOMPARE(r.programChanges[1].bankLsb, -1); // not the plain LSB of tick 0
    QCOMPARE(r.controllers.size(), std::size_t(1));
    QCOMPARE(r.controllers[0].value, 5);
    QVERIFY(readPlan(writePlan(back->plan))->plan == back->plan);
}

void TestSmfWriter::noteOffsBeforeNoteOnsAtOneTick()
{
    model::Track t;
    t.notes = {{0, 480, 1, 60, 100, 64}, {480, 480, 2, 60, 100, 64}, {480, 10, 3, 64, 100, 64}};
    const auto r = engine::renderTrack(t);
    // program, on 60, [480: off 60, on 60, on 64], off 64 at 490, off 60 at 960
    QCOMPARE(r.events[2].tick, 480);
    QCOMPARE(r.events[2].status, std::uint8_t(0x80));
    QCOMPARE(r.events[3].status, std::uint8_t(0x90));
    QCOMPARE(r.events[4].status, std::uint8_t(0x90));
    QCOMPARE(r.trimmedNotes, 0);
}

void TestSmfWriter::nestedSameKeyNotesAreTrimmed()
{
    // A [0,960) contains B [240,480): a FIFO reader would give A B's end. A ends at 240 instead.
    model::Plan plan;
    model::Track t;
    t.notes = {{0, 960, 1, 60, 100, 64}, {240, 240, 2, 60, 90, 64}};
    plan.tracks = {t};
    std::vector<std::string> warnings;
    auto back = readPlan(writePlan(plan, {}, &warnings));
    QVERIFY(back.ok());
    const auto& notes = back->plan.tracks[0].notes;
    QCOMPARE(notes.size(), std::size_t(2));
    QCOMPARE(notes[0].lengthTicks, 240);
    QCOMPARE(notes[1].startTick, 240);
    QCOMPARE(notes[1].lengthTicks, 240);
    QCOMPARE(warnings.size(), std::size_t(1));
    // Overlaps a FIFO reader does pair right (A ends first) are kept exactly.
    plan.tracks[0].notes = {{0, 300, 1, 60, 100, 64}, {240, 240, 2, 60, 90, 64}};
    back = readPlan(writePlan(plan, {}, &warnings));
    QCOMPARE(back->plan.tracks[0].notes[0].lengthTicks, 300);
    QVERIFY(warnings.empty());
}

void TestSmfWriter::longGapsBridgedNotClamped()
{
    model::Plan plan;
    model::Track t;
    t.notes = {{0x10000000 + 5, 10, 1, 60, 100, 64}}; // beyond one 4-byte VLQ delta
    plan.tracks = {t};
    auto back = readPlan(writePlan(plan));
    QVERIFY(back.ok());
    QCOMPARE(back->plan.tracks[0].notes[0].startTick, 0x10000000 + 5);
}

void TestSmfWriter::everyNoteOnHasItsNoteOff()
{
    const model::Plan plan = test::richPlan();
    auto file = readSmf(writePlan(plan));
    QVERIFY(file.ok());
    for (const auto& track : file->tracks) {
        int balance[16][128] = {};
        for (const auto& e : track.events) {
            if (e.kind() == 0x90 && e.data2 > 0)
                ++balance[e.channel()][e.data1];
            else if (e.kind() == 0x80 || e.kind() == 0x90)
                --balance[e.channel()][e.data1];
        }
        for (auto& ch : balance)
            for (int b : ch)
                QCOMPARE(b, 0);
    }
    QVERIFY(file->warnings.empty());
}

QTEST_GUILESS_MAIN(TestSmfWriter)
#include "tst_smfwriter.moc"
