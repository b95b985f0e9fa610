// SPDX-License-Identifier: MIT
// SMF reader: every event kind, running status, sysex, metas, SMPTE, pairing, recovery, errors.
#include "engine/smf/SmfPlan.h"
#include "engine/smf/SmfReader.h"
#include "SmfTestUtil.h"

#include <QTest>

using namespace pianola;
using namespace pianola::engine::smf;
using pianola::test::hexBytes;

namespace {
// Header (format, 1 track, division) + one MTrk whose length is computed from `trackHex`.
std::vector<std::uint8_t> oneTrack(const char* trackHex, const char* division = "01E0",
                                   const char* format = "0001")
{
    const auto body = hexBytes(trackHex);
    auto out = hexBytes(
        qPrintable(QString("4D546864 00000006 %1 0001 %2 4D54726B").arg(format, division)));
    const auto n = static_cast<std::uint32_t>(body.size());
    for (int s = 24; s >= 0; s -= 8)
        out.push_back(static_cast<std::uint8_t>(n >> s));
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

QString joinWarnings(const std::vector<Diagnostic>& w)
{
    QStringList l;
    for (const auto& d : w)
        l << QString::fromStdString(d.message);
    return l.join(" | ");
}

QString notesText(const std::vector<PairedNote>& notes)
{
    QStringList l;
    for (const auto& n : notes)
        l << QString("%1/%2 k%3 v%4 %5-%6 r%7")
                 .arg(n.track)
                 .arg(n.channel)
                 .arg(n.key)
                 .arg(n.velocity)
                 .arg(n.startTick)
                 .arg(n.endTick)
                 .arg(n.releaseVelocity);
    return l.join("; ");
}
} // namespace

class TestSmfReader : public QObject
{
    Q_OBJECT
private slots:
    void minimalFileWithWrongTrackLength();
    void everyChannelEventKind();
    void runningStatus();
    void runningStatusAfterMetaIsRecovered();
    void sysexAndEscapes();
    void unknownMetaKept();
    void noteOnVelocityZeroIsNoteOff();
    void overlappingNotesPairFirstInFirstOut();
    void openNotesClosedAtEndOfTrack();
    void junkChunkSkipped();
    void illegalSystemMessagesSkipped();
    void smpteDivision();
    void format2PatternsPlayInSequence();
    void riffWrapper();
    void malformedConductorEventsDropped();
    void namesBecomeUtf8AndAnyMetaTypeIsKept();
    void errors_data();
    void errors();
    void notesFastPathAgreesWithFullReader();
};

void TestSmfReader::minimalFileWithWrongTrackLength()
{
    // Published as a "correct minimal SMF"; its track length says 27 but 20 bytes follow.
    const auto bytes =
        hexBytes("4D546864 00000006 0000 0001 01E0 4D54726B 0000001B 00FF5103 07A120 "
                 "00903C64 8360803C40 00FF2F00");
    auto file = readSmf(bytes);
    QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
    QCOMPARE(file->format, 0);
    QCOMPARE(file->ppq, 480);
    QCOMPARE(file->tracks.size(), std::size_t(1));
    QCOMPARE(joinWarnings(file->warnings),
             QString("chunk \"MTrk\" at byte 14 declares 27 bytes but only 20 remain; read up to "
                     "the end of the file"));
    const auto& ev = file->tracks[0].events;
    QCOMPARE(ev.size(), std::size_t(3)); // tempo, note on, note off (end of track is not an event)
    QCOMPARE(file->tracks[0].endTick, 480);
    std::vector<Diagnostic> w;
    QCOMPARE(notesText(pairNotes(*file, w)), QString("0/0 k60 v100 0-480 r64"));
    auto plan = planFromSmf(*file);
    QVERIFY(plan.ok());
    QCOMPARE(plan->plan.tempos.size(), std::size_t(1));
    QCOMPARE(plan->plan.tempos[0].bpm, 120.0);
}

void TestSmfReader::everyChannelEventKind()
{
    auto file =
        readSmf(oneTrack("00 80 3C 40  00 91 3D 41  00 A2 3E 42  00 B3 07 64  00 C4 05  00 D5 33 "
                         "00 E6 00 40  00 E6 7F 7F  00 FF 2F 00"));
    QVERIFY(file.ok());
    const auto& ev = file->tracks[0].events;
    QCOMPARE(ev.size(), std::size_t(8));
    const std::uint8_t expected[8][3] = {{0x80, 0x3C, 0x40}, {0x91, 0x3D, 0x41}, {0xA2, 0x3E, 0x42},
                                         {0xB3, 0x07, 0x64}, {0xC4, 0x05, 0},    {0xD5, 0x33, 0},
                                         {0xE6, 0x00, 0x40}, {0xE6, 0x7F, 0x7F}};
    for (int i = 0; i < 8; ++i) {
        QCOMPARE(ev[i].status, expected[i][0]);
        QCOMPARE(ev[i].data1, expected[i][1]);
        QCOMPARE(ev[i].data2, expected[i][2]);
    }
    QVERIFY(file->warnings.empty());
    auto plan = planFromSmf(*file);
    QVERIFY(plan.ok());
    // One plan track per channel; pitch bend 0x2000 = centre, 0x3FFF = +8191.
    const auto& tracks = plan->plan.tracks;
    QCOMPARE(tracks.size(), std::size_t(7));
    QCOMPARE(tracks[6].channel, 6);
    QCOMPARE(tracks[6].pitchBends[0].value, std::int16_t(0));
    QCOMPARE(tracks[6].pitchBends[1].value, std::int16_t(8191));
    QCOMPARE(tracks[4].program, 5);
    QCOMPARE(tracks[3].controllers[0].value, std::uint8_t(100));
}

void TestSmfReader::runningStatus()
{
    auto notes = readSmfNotes(oneTrack("00 90 3C 64 60 3C 00 00 3E 64 60 3E 00 00 FF 2F 00"));
    QVERIFY(notes.ok());
    QCOMPARE(notesText(notes->notes), QString("0/0 k60 v100 0-96 r64; 0/0 k62 v100 96-192 r64"));
    QVERIFY(notes->warnings.empty());
}

void TestSmfReader::runningStatusAfterMetaIsRecovered()
{
    // The standard cancels running status at a meta event; this file keeps using it.
    auto notes =
        readSmfNotes(oneTrack("00 90 3C 64 60 3C 00 00 FF 01 01 41 00 3E 64 60 3E 00 00 FF 2F 00"));
    QVERIFY(notes.ok());
    QCOMPARE(notesText(notes->notes), QString("0/0 k60 v100 0-96 r64; 0/0 k62 v100 96-192 r64"));
    QCOMPARE(
        joinWarnings(notes->warnings),
        QString("running status continued after a meta or sysex event at byte 35 (recovered)"));
    // Without any earlier status a data byte is an error that names its offset.
    auto bad = readSmfNotes(oneTrack("00 3C 64 00 FF 2F 00"));
    QVERIFY(!bad.ok());
    QCOMPARE(QString::fromStdString(bad.error().message),
             QString("data byte 0x3C without a running status at byte 23"));
}

void TestSmfReader::sysexAndEscapes()
{
    auto file = readSmf(oneTrack(
        "00 F0 05 7E 7F 09 01 F7  10 F0 03 43 12 00  05 F7 02 43 F7  00 F7 02 F3 01 00 FF 2F 00"));
    QVERIFY(file.ok());
    const auto& ev = file->tracks[0].events;
    QCOMPARE(ev.size(), std::size_t(4));
    QCOMPARE(ev[0].status, std::uint8_t(0xF0));
    QCOMPARE(pianola::test::toHex(
                 {reinterpret_cast<const std::uint8_t*>(file->payloadOf(ev[0]).data()), 5}),
             QString("7E 7F 09 01 F7"));
    QCOMPARE(ev[1].tick, 16); // a sysex split in packets: F0 ... then F7 continuation
    QCOMPARE(ev[2].status, std::uint8_t(0xF7));
    QCOMPARE(ev[2].tick, 21);
    QCOMPARE(ev[3].status, std::uint8_t(0xF7)); // an escape carrying a real-time/common message
    QCOMPARE(file->payloadOf(ev[3]).size(), std::size_t(2));
}

void TestSmfReader::unknownMetaKept()
{
    auto file =
        readSmf(oneTrack("00 FF 60 03 01 02 03  00 FF 7F 02 00 41  00 FF 2F 00", "01E0", "0000"));
    QVERIFY(file.ok());
    auto plan = planFromSmf(*file);
    QVERIFY(plan.ok());
    const auto& raw = plan->plan.globalEvents; // format 0: the song's events
    QCOMPARE(raw.size(), std::size_t(2));
    QCOMPARE(raw[0].type, std::uint8_t(0x60));
    QCOMPARE(raw[0].data, std::string("\x01\x02\x03", 3));
    QCOMPARE(raw[1].type, std::uint8_t(0x7F));
}

void TestSmfReader::noteOnVelocityZeroIsNoteOff()
{
    auto notes = readSmfNotes(oneTrack("00 90 40 50 81 00 90 40 00 00 FF 2F 00"));
    QVERIFY(notes.ok());
    QCOMPARE(notesText(notes->notes), QString("0/0 k64 v80 0-128 r64"));
}

void TestSmfReader::overlappingNotesPairFirstInFirstOut()
{
    // on A (v10) at 0, on B (v20) at 10, off at 20 (r1), off at 30 (r2): A=0-20, B=10-30.
    auto notes =
        readSmfNotes(oneTrack("00 90 3C 0A 0A 90 3C 14 0A 80 3C 01 0A 80 3C 02 00 FF 2F 00"));
    QVERIFY(notes.ok());
    QCOMPARE(notesText(notes->notes), QString("0/0 k60 v10 0-20 r1; 0/0 k60 v20 10-30 r2"));
    // Other channels and keys do not interfere.
    auto mixed = readSmfNotes(oneTrack(
        "00 90 3C 0A 00 91 3C 0B 00 90 3D 0C 05 80 3D 00 05 81 3C 00 05 80 3C 00 00 FF 2F 00"));
    QVERIFY(mixed.ok());
    QCOMPARE(notesText(mixed->notes),
             QString("0/0 k60 v10 0-15 r0; 0/1 k60 v11 0-10 r0; 0/0 k61 v12 0-5 r0"));
}

void TestSmfReader::openNotesClosedAtEndOfTrack()
{
    auto notes = readSmfNotes(oneTrack("00 90 3C 64 00 90 40 64 83 60 FF 2F 00"));
    QVERIFY(notes.ok());
    QCOMPARE(notesText(notes->notes), QString("0/0 k60 v100 0-480 r64; 0/0 k64 v100 0-480 r64"));
    QCOMPARE(joinWarnings(notes->warnings),
             QString("2 note(s) still sounding at the end of track 0 were ended at tick 480"));
    // A note-off with no note is ignored.
    auto stray = readSmfNotes(oneTrack("00 80 3C 40 00 FF 2F 00"));
    QVERIFY(stray.ok());
    QVERIFY(stray->notes.empty());
}

void TestSmfReader::junkChunkSkipped()
{
    auto bytes = hexBytes("4D546864 00000006 0001 0001 0060 4A756E6B 00000003 010203 "
                          "4D54726B 0000000C 00903C40 6080 3C40 00FF2F00");
    auto notes = readSmfNotes(bytes);
    QVERIFY(notes.ok());
    QCOMPARE(notes->notes.size(), std::size_t(1));
    QCOMPARE(joinWarnings(notes->warnings),
             QString("skipped unknown chunk \"Junk\" (3 bytes) at byte 14"));
}

void TestSmfReader::illegalSystemMessagesSkipped()
{
    auto notes = readSmfNotes(
        oneTrack("00 F4 00 F1 05 00 F2 01 02 00 F8 00 90 3C 64 60 80 3C 40 00 FF 2F 00"));
    QVERIFY(notes.ok());
    QCOMPARE(notesText(notes->notes), QString("0/0 k60 v100 0-96 r64"));
    QCOMPARE(notes->warnings.size(), std::size_t(4));
    QCOMPARE(QString::fromStdString(notes->warnings[0].message),
             QString("system message 0xF4 at byte 22 is not allowed in a MIDI file; skipped"));
}

void TestSmfReader::smpteDivision()
{
    // 25 fps x 40 ticks per frame = 1000 ticks per second; tempo events do not apply.
    auto file =
        readSmf(oneTrack("00 FF 51 03 07 A1 20 00 90 3C 64 87 68 80 3C 40 00 FF 2F 00", "E728"));
    QVERIFY(file.ok());
    QVERIFY(file->smpte);
    QCOMPARE(file->smpteFps, 25);
    QCOMPARE(file->smpteTicksPerFrame, 40);
    auto plan = planFromSmf(*file);
    QVERIFY(plan.ok());
    QCOMPARE(plan->plan.ppq, 1000);
    QCOMPARE(plan->plan.tempos.size(), std::size_t(1));
    QCOMPARE(plan->plan.tempos[0].bpm, 60.0); // one quarter = one second: ticks stay absolute
    QCOMPARE(plan->plan.tracks[0].notes[0].lengthTicks, 1000);
}

void TestSmfReader::format2PatternsPlayInSequence()
{
    auto bytes = hexBytes("4D546864 00000006 0002 0002 0060 "
                          "4D54726B 0000000C 00903C40 6080 3C40 00FF2F00 "
                          "4D54726B 0000000C 00903E40 6080 3E40 00FF2F00");
    auto plan = readPlan(bytes);
    QVERIFY(plan.ok());
    QCOMPARE(plan->plan.tracks.size(), std::size_t(2));
    QCOMPARE(plan->plan.tracks[1].notes[0].startTick, 96); // after the first pattern
}

void TestSmfReader::riffWrapper()
{
    const auto smf = oneTrack("00 90 3C 64 60 80 3C 40 00 FF 2F 00");
    auto riff = hexBytes("52494646 00000000 524D4944 64617461");
    const auto n = static_cast<std::uint32_t>(smf.size());
    for (int s = 0; s < 32; s += 8)
        riff.push_back(static_cast<std::uint8_t>(n >> s));
    riff.insert(riff.end(), smf.begin(), smf.end());
    auto notes = readSmfNotes(riff);
    QVERIFY(notes.ok());
    QCOMPARE(notes->notes.size(), std::size_t(1));

    // A RIFF chunk length of 0xFFFFFFF8: 8 + length wrapped to 0 in 32 bits and the chunk walk
    // never advanced (a hang found by fuzz_smf_pair in CI). Now it ends: no "data" chunk, no MThd.
    const auto wrap = hexBytes(
        "52494646 46000000 524D4944 52490000 F8FFFFFF 001400FF 00000000 001400FF 143C3C00 FF2F00");
    auto refused = readSmf(wrap);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.find("no \"MThd\" header at byte 0") != std::string::npos,
             refused.error().message.c_str());
}

void TestSmfReader::malformedConductorEventsDropped()
{
    // A 2-byte tempo, a key of 9 sharps, a 2000 bpm tempo (30000 us): the first two mean
    // nothing and are dropped, the last is clamped to the plan's 1000 bpm; all with warnings.
    auto plan = readPlan(
        oneTrack("00 FF 51 02 07 A1  00 FF 59 02 09 00  00 FF 51 03 00 75 30  00 FF 2F 00"));
    QVERIFY(plan.ok());
    QCOMPARE(plan->plan.tempos.size(), std::size_t(1));
    QCOMPARE(plan->plan.tempos[0].bpm, 1000.0);
    QVERIFY(plan->plan.keySignatures.empty());
    QCOMPARE(joinWarnings(plan->warnings),
             QString("malformed tempo event at tick 0 ignored | malformed key signature event at "
                     "tick 0 ignored | "
                     "tempo of 2000.000000 bpm at tick 0 is outside 4..1000 bpm; set to 1000"));
}

void TestSmfReader::namesBecomeUtf8AndAnyMetaTypeIsKept()
{
    // "Café" in Latin-1 as the track name; a meta of type 0x81 (outside the defined range).
    auto plan = readPlan(
        oneTrack("00 FF 03 04 43 61 66 E9  00 FF 81 01 07  00 90 3C 40 60 80 3C 40  00 FF 2F 00"));
    QVERIFY(plan.ok());
    QCOMPARE(QString::fromStdString(plan->plan.tracks[0].name), QString::fromUtf8("Caf\xC3\xA9"));
    QCOMPARE(plan->plan.globalEvents.size(), std::size_t(1)); // chunk 0 of format 1: the song
    QCOMPARE(plan->plan.globalEvents[0].type, std::uint8_t(0x81));
    auto again = readPlan(writePlan(plan->plan));
    QVERIFY(again.ok());
    QCOMPARE(again->plan, plan->plan);
}

void TestSmfReader::errors_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray("") << "the file is empty (0 bytes)";
    QTest::newRow("not MIDI") << QByteArray("52617220 21")
                              << "not a Standard MIDI File: no \"MThd\" header at byte 0";
    QTest::newRow("short header") << QByteArray("4D546864 00000004 0001 0001 0060")
                                  << "header length 4 is less than 6 at byte 4";
    QTest::newRow("header past end") << QByteArray("4D546864 00000010 0001 0001 0060")
                                     << "header length 16 runs past the end of the file at byte 4";
    QTest::newRow("format 3") << QByteArray("4D546864 00000006 0003 0001 0060")
                              << "unknown SMF format 3 (0, 1 or 2 expected) at byte 8";
    QTest::newRow("division 0") << QByteArray("4D546864 00000006 0001 0001 0000")
                                << "division of 0 ticks per quarter note at byte 12";
    QTest::newRow("SMPTE 23 fps")
        << QByteArray("4D546864 00000006 0001 0001 E928")
        << "SMPTE division with 23 frames per second (24, 25, 29 or 30 expected) at byte 12";
    QTest::newRow("5-byte delta")
        << QByteArray("4D546864 00000006 0001 0001 0060 4D54726B 00000009 8080808000 903C40")
        << "delta time longer than 4 bytes at byte 22";
    QTest::newRow("5-byte meta length")
        << QByteArray("4D546864 00000006 0001 0001 0060 4D54726B 00000008 00FF01 8080808000")
        << "event length longer than 4 bytes at byte 22";
}

void TestSmfReader::errors()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, message);
    const auto bytes = hexBytes(hex.constData());
    auto file = readSmf(bytes);
    QVERIFY(!file.ok());
    QCOMPARE(QString::fromStdString(file.error().message), message);
    auto notes = readSmfNotes(bytes);
    QVERIFY(!notes.ok());
    QCOMPARE(QString::fromStdString(notes.error().message), message);
}

void TestSmfReader::notesFastPathAgreesWithFullReader()
{
    const auto bytes =
        oneTrack("00 90 3C 0A 0A 90 3C 14 0A 80 3C 01 00 B0 40 7F 00 C0 05 0A 80 3C 02 "
                 "00 91 40 50 00 91 41 50 60 81 40 00 00 FF 2F 00");
    auto fast = readSmfNotes(bytes);
    auto full = readSmf(bytes);
    QVERIFY(fast.ok() && full.ok());
    std::vector<Diagnostic> w;
    QCOMPARE(notesText(pairNotes(*full, w)), notesText(fast->notes));
    QCOMPARE(w.size(), fast->warnings.size());
}

QTEST_GUILESS_MAIN(TestSmfReader)
#include "tst_smfreader.moc"
