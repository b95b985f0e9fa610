// SPDX-License-Identifier: MIT
// How long the GUI thread is blocked by an edit, the autosave after it, and File > Save on a
// 1,000,000-note project (target: <= 50 ms each). A 1 ms timer on the GUI thread measures the
// longest gap between its ticks: the longest time nothing else could run (paint, input), in the
// thread's CPU time and on the wall clock.
// Usage: QT_QPA_PLATFORM=offscreen bench_autosave
#include "app/Document.h"
#include "app/MainWindow.h"
#include "BenchUtil.h"
#include "engine/PlanFile.h"
#include "engine/playback/PlaybackSequence.h"
#include "model/PlanJson.h"
#include "widgets/EditorState.h"

#include <cstdio>
#include <ctime>
#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

using namespace pianola;

namespace {
qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<qint64>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

/// The longest gap between the ticks of a 1 ms timer while `run` and the event loop go on until
/// `done` holds (and then 1 s more), at most `ms`: how long the GUI thread was busy with one
/// thing. `cpu`: the gap counted in the thread's CPU time (the wall-clock gap also holds the
/// time the thread waited for a core, which on a loaded machine is most of it).
struct Stall
{
    double wallMs = 0, cpuMs = 0;
};
Stall longestStall(
    int ms, const std::function<void()>& run,
    const std::function<bool()>& done = [] { return false; })
{
    QElapsedTimer clock;
    qint64 last = 0, lastCpu = 0, longest = 0, longestCpu = 0;
    auto mark = [&] {
        const qint64 now = clock.nsecsElapsed(), cpu = threadCpuNs();
        longest = std::max(longest, now - last);
        longestCpu = std::max(longestCpu, cpu - lastCpu);
        last = now;
        lastCpu = cpu;
    };
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, mark);
    clock.start();
    tick.start();
    QTimer::singleShot(0, [&] {
        last = clock.nsecsElapsed();
        lastCpu = threadCpuNs();
        run();
        mark();
    });
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (done()) {
            poll.stop();
            QTimer::singleShot(1000, &loop, &QEventLoop::quit);
        }
    });
    poll.start(50);
    loop.exec();
    return {static_cast<double>(longest) / 1e6, static_cast<double>(longestCpu) / 1e6};
}

/// Wall-clock milliseconds of `run`; `cpuMs` gets the GUI thread's CPU time for it.
double millis(const std::function<void()>& run, double* cpuMs = nullptr)
{
    QElapsedTimer t;
    const qint64 cpu = threadCpuNs();
    t.start();
    run();
    if (cpuMs) *cpuMs = static_cast<double>(threadCpuNs() - cpu) / 1e6;
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    const QString mid = dir.filePath("million.mid");
    if (auto saved = engine::savePlanFile(mid.toStdString(), bench::millionNotePlan()); !saved) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(mid));
        return 1;
    }
    app::MainWindow window;
    window.resize(1400, 900);
    window.show();
    if (!window.openFile(mid)) return 1;
    app::Document* document = window.document();
    longestStall(1500, [] {}); // the open's own work (analysis, sequence) settles
    std::printf("project: %lld notes in %zu tracks\n",
                static_cast<long long>(window.plan().noteCount()), window.plan().tracks.size());

    double copyCpuMs = 0;
    const double copyMs = millis([&] { model::Project copy = document->project(); }, &copyCpuMs);
    const double serializeMs = millis([&] { (void)model::projectToJson(document->project(), -1); });
    std::printf("snapshot copy (GUI thread):                 %7.1f ms CPU, %7.1f ms wall\n",
                copyCpuMs, copyMs);
    std::printf("serialize on the GUI thread (before):       %7.1f ms\n", serializeMs);
    std::printf("playback sequence build:                    %7.1f ms\n",
                millis([&] { (void)engine::PlaybackSequence::build(window.plan()); }));

    // One edit, as the piano roll submits it; then 4 s of idle GUI: the playback rebuild (30 ms),
    // the analysis (400 ms) and the autosave (3 s idle) all come within them.
    model::Note note{1000, 240, model::nextNoteId(window.plan().tracks[0]), 60, 100, 64};
    double submitMs = 0, submitCpuMs = 0;
    const Stall editStall = longestStall(
        180'000,
        [&] {
            submitMs = millis(
                [&] {
                    document->submit(
                        model::NotesEdit{document->project().activeTake,
                                         document->activeTake()->plan.tracks.front().id,
                                         {},
                                         {note}},
                        "bench edit");
                },
                &submitCpuMs);
        },
        [&] { return document->hasRecovery(); });
    std::printf("edit: submit                                %7.1f ms CPU, %7.1f ms wall\n",
                submitCpuMs, submitMs);
    std::printf("edit: longest GUI stall until autosaved     %7.1f ms CPU, %7.1f ms wall   (target "
                "<= 50 ms)\n",
                editStall.cpuMs, editStall.wallMs);
    std::printf("autosave written: %s\n", document->hasRecovery() ? "yes" : "NO");

    // The same at an editing zoom (8 bars visible): the roll repaints only what is visible.
    window.editorState()->view().setHorizontalView(0, 8 * 1920.0 / 1200);
    document->removeRecovery();
    model::Note second{2000, 240, model::nextNoteId(window.plan().tracks[0]), 62, 100, 64};
    const Stall zoomedStall = longestStall(
        180'000,
        [&] {
            document->submit(model::NotesEdit{document->project().activeTake,
                                              document->activeTake()->plan.tracks.front().id,
                                              {},
                                              {second}},
                             "bench edit");
        },
        [&] { return document->hasRecovery(); });
    std::printf("edit at 8 bars: longest GUI stall           %7.1f ms CPU, %7.1f ms wall   (target "
                "<= 50 ms)\n",
                zoomedStall.cpuMs, zoomedStall.wallMs);

    const QString project = dir.filePath("million.pianola");
    QElapsedTimer saveClock;
    double saveTookMs = 0;
    QObject::connect(document, &app::Document::saveFinished,
                     [&] { saveTookMs = static_cast<double>(saveClock.nsecsElapsed()) / 1e6; });
    const Stall saveStall = longestStall(
        300'000,
        [&] {
            saveClock.start();
            document->startSave(project);
        },
        [&] { return saveTookMs > 0; });
    std::printf("save: written in                            %7.1f ms   (on a worker thread)\n",
                saveTookMs);
    std::printf("save: longest GUI stall                     %7.1f ms CPU, %7.1f ms wall   (target "
                "<= 50 ms)\n",
                saveStall.cpuMs, saveStall.wallMs);
    std::printf("saved and clean: %s\n",
                !document->isModified() && QFileInfo::exists(project) ? "yes" : "NO");
    document->removeRecovery();
    return 0;
}
