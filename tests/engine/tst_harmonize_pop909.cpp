// SPDX-License-Identifier: MIT
// Harmonizing POP909 melodies (the MELODY track alone, its key estimated from it): the first
// candidate's chords scored against the songs' labels (MIREX majmin by time). The harmonizer's
// learned chords were fitted on the ODD songs (scripts/harmonize_study.py --export-weights), so it
// is scored on the EVEN songs, given the songs' annotated bars (beat_midi.txt) the way a take in
// the app has real bars. Two baselines (per bar, the diatonic triad of the labelled key holding
// the most melody): the issue's, on the file's bars (placeholder 1/4 and 2/4 meters in many
// files), and the same rule on the annotated bars.
#include "engine/generate/Harmonize.h"
#include "engine/generate/Theory.h"
#include "model/ChordTrack.h"
#include "model/TempoMap.h"
#include "Pop909Eval.h"

#include <array>
#include <QTest>

using namespace pianola;
namespace gen = pianola::engine::generate;

namespace {
// The chords in seconds: by the plan's tempo map, or on the annotated beats (beat k = k * ppq).
std::vector<model::analysis::Chord> inSeconds(const model::Plan& plan,
                                              const std::vector<model::PlanChord>& chords,
                                              const test::Beats* beats = nullptr)
{
    const model::TempoMap tempo(plan);
    const auto seconds = [&](model::Tick t) {
        return beats ? test::secondsOfBeat(beats->seconds, static_cast<double>(t) / plan.ppq)
                     : tempo.ticksToSeconds(t);
    };
    std::vector<model::analysis::Chord> out;
    for (const model::PlanChord& c : chords) {
        const bool major =
            std::find(c.tones.begin(), c.tones.end(), (c.root + 4) % 12) != c.tones.end();
        out.push_back(
            {seconds(c.startTick), seconds(c.endTick()), c.root, major ? "maj" : "min", c.root});
    }
    return out;
}

// Per bar, the diatonic triad of the labelled key with the most melody duration on its tones.
std::vector<model::PlanChord> baseline(const model::Plan& melodyOnly, int labelKey)
{
    const int tonic = labelKey % 12;
    const auto scale =
        gen::scalePitchClasses(tonic, labelKey >= 12 ? gen::Mode::Minor : gen::Mode::Major);
    const model::Tick limit = model::chordTrackLimit(melodyOnly);
    const std::vector<model::Tick> bars = model::barStarts(melodyOnly, limit);
    std::vector<model::PlanChord> out;
    for (std::size_t b = 0; b < bars.size(); ++b) {
        const model::Tick end = b + 1 < bars.size() ? bars[b + 1] : limit;
        std::array<double, 12> weight{};
        for (const model::Note& n : melodyOnly.tracks[0].notes) {
            const model::Tick overlap = std::min(n.endTick(), end) - std::max(n.startTick, bars[b]);
            if (overlap > 0) weight[n.key % 12] += static_cast<double>(overlap);
        }
        int bestDegree = 0;
        double best = -1;
        for (int d = 0; d < 7; ++d) {
            const double w = weight[static_cast<std::size_t>(scale[d])] +
                             weight[static_cast<std::size_t>(scale[(d + 2) % 7])] +
                             weight[static_cast<std::size_t>(scale[(d + 4) % 7])];
            if (w > best) best = w, bestDegree = d;
        }
        const int root = scale[static_cast<std::size_t>(bestDegree)];
        std::vector<int> tones{root, scale[static_cast<std::size_t>((bestDegree + 2) % 7)],
                               scale[static_cast<std::size_t>((bestDegree + 4) % 7)]};
        out.push_back({bars[b], end - bars[b], root, "", tones});
    }
    return out;
}
} // namespace

class TestHarmonizePop909 : public QObject
{
    Q_OBJECT
private slots:
    void firstCandidateAgainstLabels();
};

namespace {
struct Tally
{
    double total = 0, ours = 0, fileBars = 0, annotatedBars = 0;
    int songs = 0;
    double pct(double x) const { return total > 0 ? 100 * x / total : 0; }
};
} // namespace

void TestHarmonizePop909::firstCandidateAgainstLabels()
{
    const std::string dir = std::string(PIANOLA_SHARED_DIR) + "/corpora/pop909-dev";
    Tally half[2]; // [0] even songs (held out), [1] odd songs (the model's training half)
    for (int i = 1; i <= 300; ++i) {
        const std::string song = test::songName(i), at = dir + "/" + song + "/";
        auto loaded = engine::loadPlanFile(at + song + ".mid");
        if (!loaded) continue;
        model::Plan melody = loaded->plan;
        std::erase_if(melody.tracks, [](const model::Track& t) { return t.name != "MELODY"; });
        melody.keySignatures.clear(); // the melody alone: its key is estimated too
        if (melody.tracks.empty()) continue;
        const auto labels = test::readChordLabels(at + "chord_midi.txt");
        const int key = test::readKeyLabel(at + "key_audio.txt");
        const test::Beats beats = test::readBeats(at + "beat_midi.txt");
        if (labels.empty() || key < 0 || beats.seconds.size() < 3) continue;
        Tally& t = half[i % 2];
        for (const auto& l : labels)
            t.total += l.endS - l.startS;
        const model::Plan onBars = test::onAnnotatedBars(melody, beats);
        const auto candidates = gen::harmonize(onBars, 0, 1);
        QCOMPARE(candidates.size(), std::size_t(1));
        t.ours += test::majminOverlap(labels, inSeconds(onBars, candidates[0], &beats));
        t.fileBars += test::majminOverlap(labels, inSeconds(melody, baseline(melody, key)));
        t.annotatedBars +=
            test::majminOverlap(labels, inSeconds(onBars, baseline(onBars, key), &beats));
        ++t.songs;
    }
    const Tally& even = half[0];
    const Tally& odd = half[1];
    if (even.songs == 0) QSKIP("no POP909 corpus in PIANOLA_SHARED_DIR");
    const double all = even.total + odd.total;
    qInfo(
        "POP909 melody alone, first candidate on annotated bars: held out (%d even songs) %.2f%%, "
        "training half (%d odd songs) %.2f%% (majmin by time)",
        even.songs, even.pct(even.ours), odd.songs, odd.pct(odd.ours));
    qInfo("baseline on the file's bars (the issue's): even %.1f%%, all %.1f%%; same rule on "
          "annotated bars: even %.1f%%, all %.1f%%",
          even.pct(even.fileBars), 100 * (even.fileBars + odd.fileBars) / all,
          even.pct(even.annotatedBars), 100 * (even.annotatedBars + odd.annotatedBars) / all);
    qInfo("held out minus baseline (even songs): %+.1f points (file bars), %+.1f (annotated bars); "
          "the issue's goal is +10",
          even.pct(even.ours - even.fileBars), even.pct(even.ours - even.annotatedBars));
    // The goal (+10 over its baseline on the file's bars) holds on the held-out songs
    // (+10.4 when written); against the same rule on the same annotated bars it is not reached
    // (+6.2), but the learned chords must at least beat that baseline.
    QVERIFY2(even.pct(even.ours - even.fileBars) >= 10.0,
             qPrintable(QString::number(even.pct(even.ours - even.fileBars))));
    QVERIFY2(even.ours > even.annotatedBars,
             qPrintable(QString::number(even.pct(even.ours - even.annotatedBars))));
}

QTEST_GUILESS_MAIN(TestHarmonizePop909)
#include "tst_harmonize_pop909.moc"
