// SPDX-License-Identifier: MIT
// Variable-length quantities: every byte-count edge, truncation and over-long input.
#include "engine/smf/Vlq.h"
#include "SmfTestUtil.h"

#include <QTest>

using namespace pianola::engine::smf;

class TestVlq : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void truncated();
    void tooLong();
    void writeClampsToFourBytes();
};

void TestVlq::roundTrip_data()
{
    QTest::addColumn<uint>("value");
    QTest::addColumn<QString>("hex");
    QTest::newRow("0") << 0u << "00";
    QTest::newRow("0x40") << 0x40u << "40";
    QTest::newRow("0x7F, largest 1 byte") << 0x7Fu << "7F";
    QTest::newRow("0x80, smallest 2 bytes") << 0x80u << "81 00";
    QTest::newRow("0x2000") << 0x2000u << "C0 00";
    QTest::newRow("0x3FFF, largest 2 bytes") << 0x3FFFu << "FF 7F";
    QTest::newRow("0x4000, smallest 3 bytes") << 0x4000u << "81 80 00";
    QTest::newRow("0x1FFFFF, largest 3 bytes") << 0x1FFFFFu << "FF FF 7F";
    QTest::newRow("0x200000, smallest 4 bytes") << 0x200000u << "81 80 80 00";
    QTest::newRow("0x8000000") << 0x8000000u << "C0 80 80 00";
    QTest::newRow("0xFFFFFFF, largest") << 0xFFFFFFFu << "FF FF FF 7F";
}

void TestVlq::roundTrip()
{
    QFETCH(uint, value);
    QFETCH(QString, hex);
    std::uint8_t buf[4];
    const std::size_t n = writeVlq(value, buf);
    QCOMPARE(pianola::test::toHex({buf, n}), hex);
    const auto bytes = pianola::test::hexBytes(qPrintable(hex + " 55"));
    const std::uint8_t* p = bytes.data();
    std::uint32_t read = 0;
    QCOMPARE(readVlq(p, bytes.data() + bytes.size(), read), VlqStatus::Ok);
    QCOMPARE(read, value);
    QCOMPARE(*p, std::uint8_t(0x55)); // stops right after the last byte
}

void TestVlq::truncated()
{
    const auto bytes = pianola::test::hexBytes("81 80");
    const std::uint8_t* p = bytes.data();
    std::uint32_t v = 0;
    QCOMPARE(readVlq(p, bytes.data() + bytes.size(), v), VlqStatus::Truncated);
    QCOMPARE(p, bytes.data()); // not advanced
    const std::uint8_t* empty = bytes.data();
    QCOMPARE(readVlq(empty, bytes.data(), v), VlqStatus::Truncated);
}

void TestVlq::tooLong()
{
    const auto bytes = pianola::test::hexBytes("81 80 80 80 00");
    const std::uint8_t* p = bytes.data();
    std::uint32_t v = 0;
    QCOMPARE(readVlq(p, bytes.data() + bytes.size(), v), VlqStatus::TooLong);
}

void TestVlq::writeClampsToFourBytes()
{
    std::uint8_t buf[4];
    QCOMPARE(writeVlq(0xFFFFFFFFu, buf), std::size_t(4));
    QCOMPARE(pianola::test::toHex({buf, 4}), QString("FF FF FF 7F"));
}

QTEST_GUILESS_MAIN(TestVlq)
#include "tst_vlq.moc"
