// SPDX-License-Identifier: MIT
// Piano-roll paint time with 1,000,000 notes at several zoom levels (offscreen, one viewport),
// and the time from opening a 1,000,000-note .mid to the roll's first paint.
// Usage: QT_QPA_PLATFORM=offscreen bench_pianoroll
#include "app/MainWindow.h"
#include "engine/FileIo.h"
#include "engine/smf/SmfPlan.h"
#include "widgets/PianoRollView.h"

#include <algorithm>
#include <cstdio>
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <random>

using namespace pianola;

namespace {
// `tracks` tracks sharing 1M notes: four-note chords every eighth note, keys 36..95.
model::Plan millionNotes(int tracks)
{
    model::Plan plan;
    std::mt19937 rng(99);
    const int perTrack = 1'000'000 / tracks;
    for (int t = 0; t < tracks; ++t) {
        model::Track track;
        track.name = "Track " + std::to_string(t + 1);
        track.channel = t == 9 ? 10 : t;
        model::Tick tick = 0;
        for (int i = 0; i < perTrack; ++i) {
            track.notes.push_back({tick, static_cast<model::Tick>(60 + rng() % 400), 0,
                                   static_cast<std::uint8_t>(36 + rng() % 60),
                                   static_cast<std::uint8_t>(40 + rng() % 80), 64});
            tick += (i % 4 == 3) ? 240 : 0;
        }
        plan.tracks.push_back(std::move(track));
    }
    plan.normalize();
    return plan;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

void paintBench(const char* label, const model::Plan& plan)
{
    model::Project project;
    project.takes.push_back({1, "bench", false, plan, {}});
    const widgets::ProjectPlans plans(project);
    widgets::EditorState state;
    state.context().setSource(&plans);
    state.context().setTake(1);
    state.context().setCurrentTrack(0);
    widgets::PianoRollView roll(&state);
    roll.resize(1600 + widgets::PianoRollView::kGutterWidth,
                900 + widgets::PianoRollView::kRulerHeight);
    roll.setFrameShape(QFrame::NoFrame);
    roll.show();
    QImage target(roll.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    const double length = static_cast<double>(plan.lengthTicks());
    struct Zoom
    {
        const char* name;
        double visibleTicks;
    };
    const Zoom zooms[] = {{"1 bar", 1920},
                          {"8 bars", 8 * 1920},
                          {"64 bars", 64 * 1920},
                          {"512 bars", 512 * 1920},
                          {"whole song", length}};
    std::printf("%s: %lld notes, %.0f bars\n", label, static_cast<long long>(plan.noteCount()),
                length / 1920);
    for (const Zoom& z : zooms) {
        state.view().setHorizontalView(length / 2 - z.visibleTicks / 2, z.visibleTicks / 1600);
        if (z.visibleTicks >= length) state.view().setHorizontalView(0, length / 1600);
        std::vector<double> ms;
        for (int i = 0; i < 41; ++i) {
            QElapsedTimer timer;
            timer.start();
            roll.viewport()->render(&target);
            ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        const auto stats = roll.lastPaintStats();
        std::printf(
            "  %-10s  visible notes %8zu%s  paint p50 %6.2f ms  p90 %6.2f ms  max %6.2f ms\n",
            z.name, stats.notesVisited, stats.dense ? " (dense)" : "        ", percentile(ms, 0.5),
            percentile(ms, 0.9), percentile(ms, 1.0));
    }
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const model::Plan one = millionNotes(1);
    paintBench("1 track", one);
    const model::Plan sixteen = millionNotes(16);
    paintBench("16 tracks (current track 1, ghost notes on)", sixteen);

    QTemporaryDir dir;
    const std::string path = dir.filePath("million.mid").toStdString();
    const auto bytes = engine::smf::writePlan(sixteen);
    if (!engine::writeFileAtomic(path, bytes)) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        return 1;
    }
    for (int run = 0; run < 3; ++run) {
        app::MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QApplication::processEvents();
        QElapsedTimer timer;
        timer.start();
        window.openFile(QString::fromStdString(path));
        window.pianoRoll()->viewport()->repaint();
        const double firstPaint = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        std::printf("open %zu-byte 1M-note .mid to first paint: %.0f ms\n", bytes.size(),
                    firstPaint);
    }
    return 0;
}
