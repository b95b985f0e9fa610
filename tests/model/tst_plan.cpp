// SPDX-License-Identifier: MIT
// Plan values: normalisation, lengths, counts and key-signature names.
#include "model/Plan.h"
#include "model/Project.h"
#include "model/Text.h"

#include <QTest>

using namespace pianola::model;

class TestPlan : public QObject
{
    Q_OBJECT
private slots:
    void normalizeSortsAndAssignsIds();
    void cutsOnCharacterBoundaries();
    void lengthCoversEveryEvent();
    void keyNames_data();
    void keyNames();
    void enharmonicTonics();
    void projectTakeIds();
};

void TestPlan::normalizeSortsAndAssignsIds()
{
    Plan plan;
    Track t;
    t.notes = {{960, 10, 0, 64, 90}, {0, 10, 7, 62, 90}, {0, 10, 0, 60, 90}};
    t.controllers = {{480, 7, 1}, {0, 7, 2}};
    plan.tracks.push_back(t);
    plan.normalize();
    const auto& n = plan.tracks[0].notes;
    QCOMPARE(n[0].key, 60);
    QCOMPARE(n[1].key, 62);
    QCOMPARE(n[2].startTick, 960);
    QCOMPARE(n[1].id, 7u); // kept
    QVERIFY(n[0].id != 0 && n[2].id != 0 && n[0].id != n[2].id && n[0].id != 7 && n[2].id != 7);
    QCOMPARE(plan.tracks[0].controllers.front().tick, 0);
}

void TestPlan::lengthCoversEveryEvent()
{
    Plan plan;
    QCOMPARE(plan.lengthTicks(), 0);
    Track t;
    t.notes = {{100, 50, 1, 60, 90}};
    plan.tracks.push_back(t);
    QCOMPARE(plan.lengthTicks(), 150);
    plan.tracks[0].pitchBends = {{400, 0}};
    QCOMPARE(plan.lengthTicks(), 400);
    plan.tracks[0].endTick = 1920;
    QCOMPARE(plan.lengthTicks(), 1920);
    plan.tempos.push_back({5000, 90});
    QCOMPARE(plan.lengthTicks(), 5000);
    QCOMPARE(plan.noteCount(), 1);
    QCOMPARE(plan.eventCount(), 2);
}

void TestPlan::keyNames_data()
{
    QTest::addColumn<int>("sharps");
    QTest::addColumn<bool>("minor");
    QTest::addColumn<QString>("tonic");
    QTest::newRow("C major") << 0 << false << "C";
    QTest::newRow("A minor") << 0 << true << "A";
    QTest::newRow("Gb major") << -6 << false << "Gb";
    QTest::newRow("F# major") << 6 << false << "F#";
    QTest::newRow("Eb minor") << -6 << true << "Eb";
    QTest::newRow("C# major") << 7 << false << "C#";
    QTest::newRow("Cb major") << -7 << false << "Cb";
    QTest::newRow("Bb minor") << -5 << true << "Bb";
}

void TestPlan::keyNames()
{
    QFETCH(int, sharps);
    QFETCH(bool, minor);
    QFETCH(QString, tonic);
    QCOMPARE(QString::fromStdString(keySignatureTonic({0, sharps, minor})), tonic);
    KeySignature back;
    QVERIFY(keySignatureFromTonic(tonic.toStdString(), minor, back));
    QCOMPARE(back.sharps, sharps);
    QCOMPARE(back.minor, minor);
}

void TestPlan::enharmonicTonics()
{
    KeySignature k;
    QVERIFY(keySignatureFromTonic("D#", false, k)); // no D# major signature: Eb major
    QCOMPARE(k.sharps, -3);
    QVERIFY(keySignatureFromTonic("Db", true, k)); // C# minor
    QCOMPARE(k.sharps, 4);
    QVERIFY(!keySignatureFromTonic("H", false, k));
}

void TestPlan::projectTakeIds()
{
    Project p;
    QCOMPARE(p.nextTakeId(), 1u);
    p.takes.push_back(Take{5, "five", false, {}, {}});
    QCOMPARE(p.nextTakeId(), 6u);
    QVERIFY(p.findTake(5) != nullptr);
    QVERIFY(p.findTake(4) == nullptr);
}

// "B♭" cut at 2 bytes is "B", never "B" and half a flat (which became U+FFFD when saved).
void TestPlan::cutsOnCharacterBoundaries()
{
    const std::string flat = "B\u266D minor"; // ♭: 3 bytes
    for (std::size_t n = 0; n <= flat.size() + 1; ++n) {
        const std::string cut = pianola::model::cutUtf8(flat, n);
        QVERIFY(cut.size() <= n);
        QVERIFY2(pianola::model::isValidUtf8(cut), cut.c_str());
        QVERIFY(flat.starts_with(cut));
    }
    QCOMPARE(pianola::model::cutUtf8(flat, 2), std::string("B"));
    QCOMPARE(pianola::model::cutUtf8(flat, 4), std::string("B\u266D"));
    QCOMPARE(pianola::model::cutUtf8("\U0001F3B9 piano", 3), std::string()); // 🎹 is 4 bytes
    QCOMPARE(pianola::model::cutUtf8("abcdefghij", 8, "…"), std::string("abcde…"));
    QCOMPARE(pianola::model::cutUtf8("abc", 8, "…"), std::string("abc"));
    QCOMPARE(std::string(pianola::model::utf8Prefix("\u00E9t\u00E9", 3)), std::string("\u00E9t"));
}

QTEST_GUILESS_MAIN(TestPlan)
#include "tst_plan.moc"
