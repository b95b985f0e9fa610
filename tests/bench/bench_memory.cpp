// SPDX-License-Identifier: MIT
// Resident memory of the real main window: empty (with the chosen SoundFont), then a 1,000,000-note
// file through open, first paint, playback start and analysis (peak RSS from /proc/self/status).
// Usage: bench_memory write FILE.mid          (the benchmark's 1M-note file, 16 programs)
//        bench_memory run SOUNDFONT [FILE.mid] [DRIVER]
// Run it through tests/bench/bench_memory.sh, which gives each measurement a process of its own.
#include "app/MainWindow.h"
#include "app/MemoryPolicy.h"
#include "BenchUtil.h"
#include "engine/FileIo.h"
#include "engine/smf/SmfPlan.h"
#include "widgets/AnalysisPanel.h"
#include "widgets/PianoRollView.h"

#include <cstdio>
#include <cstring>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <string>

using namespace pianola;

namespace {
// VmRSS and VmHWM (peak) of this process, in bytes.
struct Rss
{
    double now = 0, peak = 0;
};

Rss readRss()
{
    Rss r;
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return r;
    for (const QByteArray& line : status.readAll().split('\n')) {
        const auto kib = [&](const char* key) {
            return line.mid(static_cast<qsizetype>(std::strlen(key)))
                       .trimmed()
                       .split(' ')
                       .front()
                       .toDouble() *
                   1024;
        };
        if (line.startsWith("VmRSS:"))
            r.now = kib("VmRSS:");
        else if (line.startsWith("VmHWM:"))
            r.peak = kib("VmHWM:");
    }
    return r;
}

// Starts a new peak measurement (Linux: VmHWM drops to the current RSS).
void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly)) f.write("5");
}

void waitMs(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
}

int writeFile(const char* path)
{
    const model::Plan plan = bench::millionNotePlan();
    const auto bytes = engine::smf::writePlan(plan);
    if (!engine::writeFileAtomic(path, bytes)) {
        std::fprintf(stderr, "cannot write %s\n", path);
        return 1;
    }
    std::printf("wrote %s: %lld notes, %zu bytes\n", path, static_cast<long long>(plan.noteCount()),
                bytes.size());
    return 0;
}

QAction* playAction(app::MainWindow& window)
{
    for (QAction* a : window.findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(Qt::Key_Space)) return a;
    return nullptr;
}

class Report
{
public:
    explicit Report(double notes) : m_notes(notes) {}
    void baseline()
    {
        m_base = readRss().now;
        resetPeak();
    }
    double base() const { return m_base; }
    void phase(const char* name)
    {
        const Rss r = readRss();
        std::printf("  %-28s RSS %7.1f MB  peak %7.1f MB", name, r.now / 1e6, r.peak / 1e6);
        if (m_notes > 0)
            std::printf("   peak added %6.1f B/note  (held %6.1f B/note)",
                        (r.peak - m_base) / m_notes, (r.now - m_base) / m_notes);
        std::printf("\n");
        std::fflush(stdout);
    }

private:
    double m_notes;
    double m_base = 0;
};

int run(int argc, char** argv)
{
    app::returnFreedMemoryToTheSystem(); // as pianola's main() does
    QTemporaryDir home; // settings of our own: the SoundFont and driver chosen here
    qputenv("XDG_CONFIG_HOME", home.filePath("config").toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath("data").toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setOrganizationName("Pianola");
    QApplication::setApplicationName("Pianola");
    const QString soundFont = QString::fromLocal8Bit(argv[2]);
    const QString file = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString();
    {
        QSettings settings;
        settings.setValue("audio/soundFont", soundFont);
        settings.setValue("audio/driver", argc > 4 ? QString::fromLocal8Bit(argv[4]) : QString());
    }
    app::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    waitMs(1500); // the synth starts on the first event-loop turn; let the window settle
    const Rss empty = readRss();
    std::printf("empty app, %s: RSS %.1f MB  peak %.1f MB\n",
                qPrintable(QFileInfo(soundFont).fileName()), empty.now / 1e6, empty.peak / 1e6);
    if (file.isEmpty()) return 0;

    Report report(1e6);
    report.baseline();
    std::printf("1,000,000-note file (%lld bytes), from the empty app's %.1f MB:\n",
                static_cast<long long>(QFileInfo(file).size()), report.base() / 1e6);
    if (!window.openFile(file)) return 1;
    report.phase("open");
    window.pianoRoll()->viewport()->repaint();
    window.repaint();
    report.phase("first paint");
    waitMs(100); // the coalesced playback rebuild
    if (QAction* play = playAction(window)) play->trigger();
    waitMs(1000);
    report.phase("playing 1 s");
    QElapsedTimer t;
    t.start();
    const auto analysed = [&] {
        return window.analysisPanel()->analysis().noteCount == window.plan().noteCount();
    };
    while (!analysed() && t.elapsed() < 300'000)
        waitMs(50);
    report.phase(analysed() ? "analysis shown" : "analysis (timed out)");
    waitMs(500);
    report.phase("settled");
    return 0;
}
} // namespace

int main(int argc, char** argv)
{
    if (argc >= 3 && std::strcmp(argv[1], "write") == 0) return writeFile(argv[2]);
    if (argc >= 3 && std::strcmp(argv[1], "run") == 0) return run(argc, argv);
    std::fprintf(stderr,
                 "usage: bench_memory write FILE.mid | run SOUNDFONT [FILE.mid] [DRIVER]\n");
    return 2;
}
