// SPDX-License-Identifier: MIT
// The jazz-soft edge-case suite: every valid file gives the right notes, every corrupt one a
// clear error or a documented recovery (tests/data/conformance/expected.txt), none crashes.
#include "engine/FileIo.h"
#include "engine/smf/SmfPlan.h"
#include "engine/smf/SmfReader.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace pianola;
using namespace pianola::engine::smf;

namespace {
struct Expectation
{
    QString verdict; // ok (no warnings), warn (recovered, with warnings), error
    QString message; // the error message, or the first warning for "warn"
};

QMap<QString, Expectation> loadExpectations()
{
    QMap<QString, Expectation> map;
    QFile f(QString(PIANOLA_TEST_DATA) + "/conformance/expected.txt");
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) qFatal("cannot open expected.txt");
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith('#')) continue;
        const QStringList parts = line.split(' ', Qt::SkipEmptyParts);
        map[parts[0]] = {parts.value(1), parts.mid(2).join(' ')};
    }
    return map;
}

// Notes in `pianola-cli notes` / mido-notes CSV shape, sorted the same way.
QStringList csvLines(const QString& name, std::vector<PairedNote> notes)
{
    std::stable_sort(notes.begin(), notes.end(), [](const auto& a, const auto& b) {
        return std::tie(a.startTick, a.track, a.channel, a.key) <
               std::tie(b.startTick, b.track, b.channel, b.key);
    });
    QStringList lines;
    for (const auto& n : notes)
        lines << QString("%1,%2,%3,%4,%5,%6,%7")
                     .arg(name)
                     .arg(n.track)
                     .arg(n.channel)
                     .arg(n.key)
                     .arg(n.velocity)
                     .arg(n.startTick)
                     .arg(n.endTick);
    return lines;
}

QStringList goldenLines(const QString& name)
{
    QFile f(QString(PIANOLA_TEST_DATA) + "/conformance/" + QString(name).replace(".mid", ".csv"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

QString corpusDir()
{
    return QString(PIANOLA_SHARED_DIR) + "/corpora/test-midi-files/midi";
}
} // namespace

class TestConformance : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void file_data();
    void file();
    void everyFileIsListed();

private:
    QMap<QString, Expectation> m_expected;
};

void TestConformance::initTestCase()
{
    if (!QDir(corpusDir()).exists()) QSKIP("../shared/corpora/test-midi-files not present");
    m_expected = loadExpectations();
}

void TestConformance::file_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : QDir(corpusDir()).entryList({"*.mid"}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(name)) << name;
}

void TestConformance::file()
{
    QFETCH(QString, name);
    QVERIFY2(m_expected.contains(name), "not in tests/data/conformance/expected.txt");
    const Expectation want = m_expected.value(name);
    auto bytes = engine::readFile((corpusDir() + "/" + name).toStdString(), kMaxFileBytes);
    QVERIFY(bytes.ok());
    auto notes = readSmfNotes(*bytes);
    auto plan = readPlan(*bytes); // the full path must agree and never crash
    QCOMPARE(plan.ok(), notes.ok());
    if (want.verdict == "error") {
        QVERIFY(!notes.ok());
        QCOMPARE(QString::fromStdString(notes.error().message), want.message);
        return;
    }
    QVERIFY2(notes.ok(), notes.ok() ? "" : notes.error().message.c_str());
    if (want.verdict == "ok") {
        QVERIFY2(notes->warnings.empty(),
                 notes->warnings.empty() ? "" : notes->warnings[0].message.c_str());
    } else {
        QCOMPARE(want.verdict, QString("warn"));
        QVERIFY(!notes->warnings.empty());
        QCOMPARE(QString::fromStdString(notes->warnings[0].message), want.message);
    }
    QCOMPARE(csvLines(name, notes->notes), goldenLines(name));
    QCOMPARE(plan->plan.noteCount(), static_cast<std::int64_t>(notes->notes.size()));
}

void TestConformance::everyFileIsListed()
{
    for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it)
        QVERIFY2(QFile::exists(corpusDir() + "/" + it.key()), qPrintable(it.key()));
}

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
