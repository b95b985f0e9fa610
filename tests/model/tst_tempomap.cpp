// SPDX-License-Identifier: MIT
// TempoMap: ticks <-> seconds across tempo changes, bpm <-> microseconds round trips.
#include "model/TempoMap.h"

#include <QTest>

using namespace pianola::model;
using Tempos = QList<QPair<qint64, double>>;

class TestTempoMap : public QObject
{
    Q_OBJECT
private slots:
    void ticksToSeconds_data();
    void ticksToSeconds();
    void secondsToTicksInverts();
    void sameTickChangeWins();
    void usPerQuarter_data();
    void usPerQuarter();
    void bpmRoundTrip_data();
    void bpmRoundTrip();
};

static std::vector<TempoChange> toChanges(const Tempos& tempos)
{
    std::vector<TempoChange> out;
    for (const auto& [tick, bpm] : tempos)
        out.push_back({tick, bpm});
    return out;
}

void TestTempoMap::ticksToSeconds_data()
{
    QTest::addColumn<int>("ppq");
    QTest::addColumn<Tempos>("tempos");
    QTest::addColumn<qint64>("tick");
    QTest::addColumn<double>("seconds");
    QTest::newRow("120 bpm, one quarter") << 480 << Tempos{{0, 120}} << qint64(480) << 0.5;
    QTest::newRow("120 bpm, tick 0") << 480 << Tempos{{0, 120}} << qint64(0) << 0.0;
    QTest::newRow("60 bpm, two bars") << 96 << Tempos{{0, 60}} << qint64(8 * 96) << 8.0;
    // 120 bpm for 2 quarters (1 s), then 60 bpm: one more quarter = 1 s.
    QTest::newRow("after a change") << 480 << Tempos{{0, 120}, {960, 60}} << qint64(1440) << 2.0;
    QTest::newRow("before a change") << 480 << Tempos{{0, 120}, {960, 60}} << qint64(480) << 0.5;
    QTest::newRow("exactly at a change")
        << 480 << Tempos{{0, 120}, {960, 60}} << qint64(960) << 1.0;
    // 100 bpm x 4 quarters = 2.4 s, 150 bpm x 2 = 0.8 s, 75 bpm x 1 = 0.8 s.
    QTest::newRow("three segments")
        << 480 << Tempos{{0, 100}, {1920, 150}, {2880, 75}} << qint64(3360) << 4.0;
    // 110 bpm is stored as 545455 us per quarter: 8 quarters = 4.36364 s.
    QTest::newRow("110 bpm as a file stores it")
        << 480 << Tempos{{0, 110}} << qint64(3840) << 4.36364;
    QTest::newRow("no tick-0 tempo: 120 first") << 480 << Tempos{{960, 60}} << qint64(1440) << 2.0;
}

void TestTempoMap::ticksToSeconds()
{
    QFETCH(int, ppq);
    QFETCH(Tempos, tempos);
    QFETCH(qint64, tick);
    QFETCH(double, seconds);
    const TempoMap map(ppq, toChanges(tempos));
    QVERIFY2(std::abs(map.ticksToSeconds(tick) - seconds) < 1e-9,
             qPrintable(QString::number(map.ticksToSeconds(tick), 'g', 12)));
    QCOMPARE(map.ticksToMs(tick), map.ticksToSeconds(tick) * 1000.0);
}

void TestTempoMap::secondsToTicksInverts()
{
    const TempoMap map(960, toChanges({{0, 97}, {3000, 143.5}, {9000, 61}, {20000, 200}}));
    for (Tick t = 0; t < 30000; t += 37)
        QVERIFY(std::abs(map.secondsToTicks(map.ticksToSeconds(t)) - static_cast<double>(t)) <
                1e-6);
}

void TestTempoMap::sameTickChangeWins()
{
    const TempoMap map(480, toChanges({{0, 120}, {0, 60}}));
    QCOMPARE(map.ticksToSeconds(480), 1.0);
    QCOMPARE(map.usPerQuarterAt(0), 1'000'000u);
}

void TestTempoMap::usPerQuarter_data()
{
    QTest::addColumn<double>("bpm");
    QTest::addColumn<uint>("us");
    QTest::newRow("120") << 120.0 << 500000u;
    QTest::newRow("110 rounds") << 110.0 << 545455u;
    QTest::newRow("60") << 60.0 << 1000000u;
    QTest::newRow("slowest SMF tempo") << 3.0 << 16777215u; // 20,000,000 clamps to 24 bits
    QTest::newRow("invalid falls back to 120") << 0.0 << 500000u;
}

void TestTempoMap::usPerQuarter()
{
    QFETCH(double, bpm);
    QFETCH(uint, us);
    QCOMPARE(TempoMap::usPerQuarter(bpm), us);
}

void TestTempoMap::bpmRoundTrip_data()
{
    QTest::addColumn<double>("bpm");
    for (double bpm : {120.0, 110.0, 78.0, 133.33, 97.5, 174.0, 60.0, 1000.0, 4.0, 89.999})
        QTest::newRow(qPrintable(QString::number(bpm))) << bpm;
}

void TestTempoMap::bpmRoundTrip()
{
    QFETCH(double, bpm);
    QCOMPARE(TempoMap::bpmFromUsPerQuarter(TempoMap::usPerQuarter(bpm)), bpm);
}

QTEST_GUILESS_MAIN(TestTempoMap)
#include "tst_tempomap.moc"
