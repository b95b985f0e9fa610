// SPDX-License-Identifier: MIT
// The analysis panel under the offscreen platform: a plan analysed in the background, what it
// shows, stale results dropped, Apply emits the suggestion, screenshots in light and dark palettes.
#include "engine/analysis/Analyzer.h"
#include "engine/PlanFile.h"
#include "widgets/AnalysisChart.h"
#include "widgets/AnalysisPanel.h"

#include <QApplication>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace pianola;
using widgets::AnalysisChart;
using widgets::AnalysisPanel;

namespace {
model::Note note(model::Tick start, model::Tick length, int key, int velocity)
{
    model::Note n;
    n.startTick = start;
    n.lengthTicks = length;
    n.key = static_cast<std::uint8_t>(key);
    n.velocity = static_cast<std::uint8_t>(velocity);
    return n;
}

// Eight bars of I IV V I in F# major (block chords with a bass), a tempo change at bar 5.
model::Plan progression()
{
    model::Plan plan;
    plan.tempos = {{0, 100.0}, {4 * 1920, 120.0}};
    model::Track keys, bass;
    keys.name = "Keys";
    bass.name = "Bass";
    bass.channel = 1;
    const int roots[] = {6, 11, 1, 6, 6, 11, 1, 6};
    for (int bar = 0; bar < 8; ++bar) {
        const int r = roots[bar];
        bass.notes.push_back(note(bar * 1920, 1920, 36 + r, 80 + bar * 4));
        for (int i : {0, 4, 7})
            keys.notes.push_back(note(bar * 1920, 1920, 60 + (r + i) % 12, 70 + i * 3));
    }
    plan.tracks = {keys, bass};
    plan.normalize();
    return plan;
}

template <typename T> T* findChild(QWidget& w, const QString& name = {})
{
    T* child = w.findChild<T*>(name);
    return child;
}

QString labelsText(QWidget& w)
{
    QStringList all;
    for (QLabel* l : w.findChildren<QLabel*>())
        all << l->text();
    return all.join('\n');
}

void saveShot(QWidget& w, const QString& name)
{
    const QString path = QDir::temp().filePath(name);
    QVERIFY(w.grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    return p;
}
} // namespace

class TestAnalysisPanel : public QObject
{
    Q_OBJECT
private slots:
    void showsAnAnalysisOfAPlan();
    void chordsAreSpelledForTheKey();
    void applyEmitsTheSuggestion();
    void interpretationIsItsOwnBlock();
    void staleResultsAreDropped();
    void emptyPlan();
    void screenshots();
};

// The same progression in Bb major: the chords read Bb Eb F, never A# D#.
void TestAnalysisPanel::chordsAreSpelledForTheKey()
{
    AnalysisPanel panel;
    model::Plan plan = progression();
    for (model::Track& t : plan.tracks)
        for (model::Note& n : t.notes)
            n.key = static_cast<std::uint8_t>(n.key - 8);
    panel.setAnalysis(engine::analysis::analyzePlan(plan));
    auto* chords = panel.findChild<QListWidget*>();
    QStringList symbols;
    for (int i = 0; i < chords->count(); ++i)
        symbols << chords->item(i)->text().section(QStringLiteral("  "), 1);
    QCOMPARE(symbols, (QStringList{"Bb", "Eb", "F", "Bb", "Eb", "F", "Bb"}));
}

void TestAnalysisPanel::showsAnAnalysisOfAPlan()
{
    AnalysisPanel panel;
    panel.setAnalyzer([](const model::Plan& p) { return engine::analysis::analyzePlan(p); });
    panel.resize(700, 900);
    panel.show();
    QSignalSpy shown(&panel, &AnalysisPanel::analysisShown);
    panel.setPlan(progression());
    QVERIFY(panel.isBusy());
    QVERIFY(labelsText(panel).contains("Analysing..."));
    QTRY_VERIFY(!panel.isBusy());
    QCOMPARE(shown.count(), 1);
    const QString text = labelsText(panel);
    QVERIFY2(text.contains("<b>F# major</b> (confidence "), qPrintable(text));
    // 4 bars at 100 bpm (9.6 s) + 4 at 120 (8 s); (100 * 9.6 + 120 * 8) / 17.6 = 109.1 bpm
    QVERIFY2(text.contains("0:17.60 · 109 bpm · 4/4 · 32 note(s)"), qPrintable(text));
    QVERIFY2(text.contains("The key is F# major"), qPrintable(text));
    QVERIFY2(text.contains("\nnone\n"), qPrintable(text)); // no key changes
    auto* chords = panel.findChild<QListWidget*>();
    QVERIFY(chords);
    QStringList symbols;
    for (int i = 0; i < chords->count(); ++i)
        symbols << chords->item(i)->text();
    // At bar.beat as the ruler counts them, across the tempo change (they were listed in seconds).
    QCOMPARE(symbols, (QStringList{"1.1  F#", "2.1  B", "3.1  C#", "4.1  F#", "6.1  B", "7.1  C#",
                                   "8.1  F#"}));
    const auto charts = panel.findChildren<AnalysisChart*>();
    QCOMPARE(charts.size(), 4);
    for (AnalysisChart* c : charts) {
        if (c->title() == "Notes per bar") QCOMPARE(c->values(), QVector<double>(8, 4.0));
        if (c->title() == "Tempo (bpm over time)")
            QCOMPARE(c->values(), (QVector<double>{100.0, 120.0}));
    }
}

void TestAnalysisPanel::applyEmitsTheSuggestion()
{
    AnalysisPanel panel;
    panel.setAnalysis(engine::analysis::analyzePlan(progression()));
    panel.show();
    QCOMPARE(panel.analysis().suggestions.front(), std::string("add a drum groove"));
    QSignalSpy applied(&panel, &AnalysisPanel::suggestionApplied);
    auto buttons = panel.findChildren<QPushButton*>();
    buttons.removeIf([](const QPushButton* b) { return b->objectName() == "askModel"; });
    QCOMPARE(buttons.size(), static_cast<qsizetype>(panel.analysis().suggestions.size()));
    auto* apply = panel.findChild<QPushButton*>("apply:add a drum groove");
    QVERIFY(apply);
    QCOMPARE(apply->text(), QString("Apply"));
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.front().front().toString(), QString("add a drum groove"));
    // A new analysis replaces the buttons.
    panel.setAnalysis(engine::analysis::analyzePlan(model::Plan{}));
    QCOMPARE(panel.findChildren<QPushButton*>().size(), 2); // one Apply, and "ask the model"
    QVERIFY(panel.findChild<QPushButton*>("apply:write an 8-bar chord progression"));
    QVERIFY(panel.findChild<QPushButton*>("askModel"));
}

void TestAnalysisPanel::staleResultsAreDropped()
{
    AnalysisPanel panel;
    panel.setAnalyzer([](const model::Plan& p) {
        if (p.tracks.size() == 2) QThread::msleep(300); // the first, slow request
        return engine::analysis::analyzePlan(p);
    });
    QSignalSpy shown(&panel, &AnalysisPanel::analysisShown);
    panel.setPlan(progression());
    model::Plan small;
    model::Track t;
    t.notes = {note(0, 480, 57, 90), note(0, 480, 60, 90), note(0, 480, 64, 90)};
    small.tracks = {t};
    panel.setPlan(small);
    QTRY_VERIFY(!panel.isBusy());
    QCOMPARE(panel.analysis().noteCount, 3);
    QTest::qWait(500); // the slow one finishes meanwhile and must not be shown
    QCOMPARE(panel.analysis().noteCount, 3);
    QCOMPARE(shown.count(), 1);
}

void TestAnalysisPanel::emptyPlan()
{
    AnalysisPanel panel;
    panel.setAnalysis(engine::analysis::analyzePlan(model::Plan{}));
    QVERIFY(labelsText(panel).contains("No pitched notes"));
    QCOMPARE(panel.findChild<QListWidget*>()->count(), 0);
}

void TestAnalysisPanel::screenshots()
{
    model::Plan plan = progression();
    const QString song = QString(PIANOLA_SHARED_DIR) + "/corpora/pop909-dev/001/001.mid";
    if (auto loaded = engine::loadPlanFile(song.toStdString()))
        plan = loaded->plan; // a real song when the corpus is there
    for (bool dark : {false, true}) {
        AnalysisPanel panel;
        if (dark) panel.setPalette(darkPalette());
        panel.setAnalysis(engine::analysis::analyzePlan(plan));
        panel.resize(720, 1000);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        saveShot(panel, dark ? "pianola-analysis-panel-dark.png" : "pianola-analysis-panel.png");
    }
}

// The model's interpretation: its own block named by the model, below the computed summary
// (which stays), its contradictions flagged, its suggestions after the computed ones; an error
// shows in the block; clearing hides it.
void TestAnalysisPanel::interpretationIsItsOwnBlock()
{
    AnalysisPanel panel;
    model::analysis::Analysis a;
    a.narrative = "Computed: 120 bpm, no drums.";
    a.suggestions = {"add a drum groove"};
    panel.setAnalysis(a);
    auto* box = panel.findChild<QGroupBox*>("interpretationBox");
    QVERIFY(box && box->isHidden());
    panel.setInterpretation("gpt-test", "The drums keep a backbeat.",
                            {"it speaks of drums; the analysis found no drums"},
                            {"add more swing", "Add a drum groove"});
    QVERIFY(!box->isHidden());
    QCOMPARE(box->title(), QString("Interpretation — gpt-test"));
    QCOMPARE(panel.findChild<QLabel*>("interpretation")->text(),
             QString("The drums keep a backbeat."));
    QVERIFY(panel.findChild<QLabel*>("interpretationFlags")->text().contains("found no drums"));
    bool computedShown = false;
    for (QLabel* label : panel.findChildren<QLabel*>())
        computedShown = computedShown || label->text() == QString("Computed: 120 bpm, no drums.");
    QVERIFY(computedShown);
    QVERIFY(panel.findChild<QPushButton*>("apply:add a drum groove"));
    QVERIFY(panel.findChild<QPushButton*>("apply:add more swing"));
    QVERIFY(!panel.findChild<QPushButton*>("apply:Add a drum groove")); // the same request once
    panel.setInterpretationError("The API key was refused (401).");
    QVERIFY(panel.findChild<QLabel*>("interpretationError")->text().contains("401"));
    QVERIFY(panel.findChild<QLabel*>("interpretation")->isHidden());
    panel.clearInterpretation();
    QVERIFY(box->isHidden());
    QVERIFY(!panel.findChild<QPushButton*>("apply:add more swing"));
}

QTEST_MAIN(TestAnalysisPanel)
#include "tst_analysispanel.moc"
