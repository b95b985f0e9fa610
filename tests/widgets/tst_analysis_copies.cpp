// SPDX-License-Identifier: MIT
// The background analysis of a big take makes no copy of it: the suggestions are tried on the
// document's shared snapshot (issue 13's memory target, issue 18). Measured by counting the heap
// bytes this process holds (operator new/delete replaced here), not by timing.
#include "app/AnalysisController.h"
#include "app/Document.h"
#include "app/MainWindow.h"
#include "engine/analysis/Analyzer.h"
#include "widgets/AnalysisPanel.h"

#include <atomic>
#include <cstdlib>
#include <malloc.h>
#include <new>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {
std::atomic<long long> g_live{0}; ///< heap bytes held now (as malloc sizes them)
std::atomic<long long> g_peak{0}; ///< the most held since resetPeak()

void counted(void* p)
{
    const long long now =
        g_live.fetch_add(static_cast<long long>(malloc_usable_size(p))) + malloc_usable_size(p);
    long long peak = g_peak.load();
    while (now > peak && !g_peak.compare_exchange_weak(peak, now)) {
    }
}

void* allocate(std::size_t size)
{
    void* p = std::malloc(size ? size : 1);
    if (!p) throw std::bad_alloc();
    counted(p);
    return p;
}

void release(void* p) noexcept
{
    if (!p) return;
    g_live.fetch_sub(static_cast<long long>(malloc_usable_size(p)));
    std::free(p);
}

void resetPeak()
{
    g_peak.store(g_live.load());
}
} // namespace

void* operator new(std::size_t size)
{
    return allocate(size);
}
void* operator new[](std::size_t size)
{
    return allocate(size);
}
void operator delete(void* p) noexcept
{
    release(p);
}
void operator delete[](void* p) noexcept
{
    release(p);
}
void operator delete(void* p, std::size_t) noexcept
{
    release(p);
}
void operator delete[](void* p, std::size_t) noexcept
{
    release(p);
}

using namespace pianola;

class TestAnalysisCopies : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void analysingABigTakeCopiesNoPlan();
};

namespace {
// 16 tracks of four-note chords every eighth note, 12,500 notes each (drums on channel 10), so
// the analysis suggests changes the engine can make (and tries them).
model::Take bigTake()
{
    model::Take take;
    take.name = "big";
    for (int t = 0; t < 16; ++t) {
        model::Track track;
        track.channel = t;
        track.program = t * 8;
        for (int i = 0; i < 12'500; ++i)
            track.notes.push_back({(i / 4) * 240, 200, static_cast<model::NoteId>(i + 1),
                                   static_cast<std::uint8_t>(40 + (i % 4) * 4 + t), 90, 64});
        take.plan.tracks.push_back(std::move(track));
    }
    take.plan.normalize();
    return take;
}
} // namespace

// Before, the analyser copied the plan into a take to try the suggestions, each trial copied that
// take again and measured its result's checklist (an analysis of the changed take): about 3.5
// plans beyond the analysis' own working memory. Now what the background analysis adds at its
// peak is the analysis' own (analyzePlan, about 2.2 plans here) and less than half a plan more.
void TestAnalysisCopies::analysingABigTakeCopiesNoPlan()
{
    app::MainWindow w;
    w.show();
    w.document()->setAutosaveDelay(3'600'000); // no autosave's JSON in the measurement
    QSignalSpy shown(w.analysisPanel(), &widgets::AnalysisPanel::analysisShown);
    QVERIFY(w.document()->addTake(bigTake(), "big"));
    QVERIFY(shown.wait(60'000));
    QVERIFY(!w.analysisPanel()->analysis().suggestions.empty()); // the trials were made
    QTest::qWait(500); // the playback build and the first analysis are done
    const model::Plan& plan = w.document()->activeTake()->plan;
    const auto notes = plan.noteCount();
    QCOMPARE(notes, std::int64_t(200'000));
    const double planBytes = static_cast<double>(notes) * sizeof(model::Note);

    resetPeak(); // the analysis' own working memory, on this thread
    long long base = g_live.load();
    (void)engine::analysis::analyzePlan(plan);
    const double own = static_cast<double>(g_peak.load() - base);

    auto* analysis = w.findChild<app::AnalysisController*>();
    QVERIFY(analysis);
    resetPeak(); // the background analysis with its suggestions tried, as the window runs it
    base = g_live.load();
    analysis->analyseActiveTake();
    QVERIFY(shown.wait(60'000));
    QVERIFY(!w.analysisPanel()->analysis().suggestions.empty());
    const double added = static_cast<double>(g_peak.load() - base);
    qInfo("%lld notes (%.1f MB of notes): analyzePlan adds %.2f plans at its peak, the background "
          "analysis with its trials %.2f (%.1f B/note)",
          static_cast<long long>(notes), planBytes / 1e6, own / planBytes, added / planBytes,
          added / static_cast<double>(notes));
    QVERIFY2(added < own + 0.5 * planBytes, qPrintable(QString::number(added / planBytes)));
}

QTEST_MAIN(TestAnalysisCopies)
#include "tst_analysis_copies.moc"
