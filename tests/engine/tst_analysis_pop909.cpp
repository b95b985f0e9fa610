// SPDX-License-Identifier: MIT
// Key and chord recognition on the 300 POP909 development songs against their labels: exact key
// (tonic and mode of the longest-lasting labelled key) and MIREX "majmin" chord overlap. The
// parameters are tuned on the odd song numbers (tests/bench/tune_analysis); the even ones, never
// used for tuning, must reach the targets too.
#include "Pop909Eval.h"

#include <QDir>
#include <QTest>

using namespace pianola;

class TestAnalysisPop909 : public QObject
{
    Q_OBJECT
private slots:
    void accuracy();
};

void TestAnalysisPop909::accuracy()
{
    const std::string dir = std::string(PIANOLA_SHARED_DIR) + "/corpora/pop909-dev";
    if (!QDir(QString::fromStdString(dir)).exists())
        QSKIP("no POP909 corpus in PIANOLA_SHARED_DIR");
    struct Half
    {
        int songs = 0, keys = 0;
        double right = 0, total = 0;
    } halves[2];
    for (int i = 1; i <= 300; ++i) {
        const auto score = test::scoreSong(dir, test::songName(i));
        QVERIFY2(score, test::songName(i).c_str());
        Half& h = halves[i % 2 == 1 ? 0 : 1];
        ++h.songs;
        h.keys += score->keyRight;
        h.right += score->chordRight;
        h.total += score->chordTotal;
        if (!score->keyRight)
            qInfo("%s: key %d, estimated %d", score->song.c_str(), score->labelKey,
                  score->estimatedKey);
    }
    const double keyPercent = 100.0 * (halves[0].keys + halves[1].keys) / 300.0;
    const double chordPercent =
        100.0 * (halves[0].right + halves[1].right) / (halves[0].total + halves[1].total);
    for (int h = 0; h < 2; ++h)
        qInfo("%s: key %.1f%%, chords (majmin) %.1f%%",
              h ? "even songs (held out)" : "odd songs (tuning)",
              100.0 * halves[h].keys / halves[h].songs, 100.0 * halves[h].right / halves[h].total);
    qInfo("all 300: key %.1f%%, chords (majmin) %.1f%%", keyPercent, chordPercent);
    const double heldOutKey = 100.0 * halves[1].keys / halves[1].songs;
    const double heldOutChords = 100.0 * halves[1].right / halves[1].total;
    QVERIFY2(keyPercent >= 90.0, qPrintable(QString::number(keyPercent)));
    QVERIFY2(heldOutKey >= 90.0, qPrintable(QString::number(heldOutKey)));
    QVERIFY2(chordPercent >= 93.0, qPrintable(QString::number(chordPercent)));
    QVERIFY2(heldOutChords >= 93.0, qPrintable(QString::number(heldOutChords)));
}

QTEST_GUILESS_MAIN(TestAnalysisPop909)
#include "tst_analysis_pop909.moc"
