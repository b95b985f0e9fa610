// SPDX-License-Identifier: MIT
// Offline render through FluidSynth: onsets at the right sample across tempo changes, silence
// where nothing plays, a tail after the end, bit-identical output, and a valid WAV file.
#include "engine/audio/OfflineRender.h"
#include "engine/audio/SoundFont.h"
#include "engine/playback/PlaybackSequence.h"
#include "model/TempoMap.h"

#include <cmath>
#include <QTemporaryDir>
#include <QTest>

using namespace pianola;
using namespace pianola::engine;

namespace {
constexpr int kRate = 44100;

// Hi wood block hits (GM 76: sharp attack, silent again after 0.3 s) on channel 10, one per
// beat, over three tempos.
model::Plan clickTrack()
{
    model::Plan plan;
    plan.ppq = 480;
    plan.tempos = {{0, 120.0}, {1920, 90.0}, {3840, 97.0}};
    model::Track drums;
    drums.channel = 9;
    for (int beat = 0; beat < 12; ++beat)
        drums.notes.push_back({beat * 480, 60, 0, 76, 120, 64});
    drums.endTick = 12 * 480 + 960; // a rest at the end: silence expected there
    plan.tracks = {drums};
    return plan;
}

float amplitude(const RenderedAudio& a, std::size_t frame)
{
    return std::max(std::abs(a.samples[2 * frame]), std::abs(a.samples[2 * frame + 1])) / 32768.0f;
}

// Frames where sound starts (the first non-zero sample) after at least 100 ms of silence.
std::vector<std::size_t> onsets(const RenderedAudio& a)
{
    std::vector<std::size_t> found;
    const std::size_t frames = a.samples.size() / 2;
    std::size_t quiet = 0;
    for (std::size_t f = 0; f < frames; ++f) {
        if (amplitude(a, f) > 0.0f) {
            if (quiet >= kRate / 10 || found.empty()) found.push_back(f);
            quiet = 0;
        } else {
            ++quiet;
        }
    }
    return found;
}

// Four instruments and drums, a bank select, and a program change in bar 3 to an instrument no
// track starts with (violin): the take every dynamic-loading test plays.
model::Plan multiProgramTake()
{
    model::Plan plan;
    const auto track = [](int channel, int program, int key) {
        model::Track t;
        t.channel = channel;
        t.program = program;
        for (int beat = 0; beat < 16; ++beat)
            t.notes.push_back(
                {beat * 480, 400, 0, static_cast<std::uint8_t>(key + beat % 5), 100, 64});
        return t;
    };
    model::Track lead = track(0, 0, 60);
    lead.programChanges = {{2 * 1920, 40}};
    model::Track strings = track(1, 48, 55);
    strings.bankMsb = 0;
    model::Track bass = track(2, 33, 36);
    model::Track drums = track(9, 0, 36);
    plan.tracks = {lead, strings, bass, drums};
    return plan;
}

std::vector<std::string> installedSoundFonts()
{
    std::vector<std::string> found;
    for (const char* path :
         {"/usr/share/sounds/sf2/FluidR3_GM.sf2", "/usr/share/sounds/sf2/TimGM6mb.sf2"})
        if (isSoundFont(path)) found.push_back(path);
    return found;
}

RenderOptions dryOptions()
{
    RenderOptions o;
    o.synth.sampleRate = kRate;
    o.synth.reverb = false; // a dry signal makes onsets and silence measurable
    o.synth.chorus = false;
    return o;
}
} // namespace

class TestRender : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void onsetsLandOnTimeAcrossTempoChanges();
    void silenceWhereNothingPlays();
    void identicalTwice();
    void tailAfterTheLastNote();
    void wavFileIsValid();
    void missingSoundFontIsAClearError();
    void tooLongIsRefusedBeforeRendering();
    void dynamicSamplesSoundTheSame();
    void programChangeMidSongLoadsBeforePlaying();
};

void TestRender::initTestCase()
{
    if (!findSoundFont().ok()) QSKIP("no General MIDI SoundFont installed (fluid-soundfont-gm)");
}

void TestRender::onsetsLandOnTimeAcrossTempoChanges()
{
    const model::Plan plan = clickTrack();
    auto audio = renderPlan(plan, dryOptions());
    QVERIFY2(audio.ok(), audio.ok() ? "" : audio.error().message.c_str());
    const auto found = onsets(*audio);
    QCOMPARE(found.size(), std::size_t(12));
    const model::TempoMap map(plan);
    // The instrument's own lead-in (its sample starts near zero) is measured on the first hit,
    // at time 0 where no grid rounding applies; every hit shares it.
    const double leadMs = static_cast<double>(found[0]) / kRate * 1000.0;
    QVERIFY2(leadMs < 2.0, qPrintable(QString::number(leadMs)));
    double worstMs = 0;
    for (int beat = 1; beat < 12; ++beat) {
        const double expected = map.ticksToSeconds(beat * 480);
        const double errorMs =
            (static_cast<double>(found[beat]) / kRate - expected) * 1000.0 - leadMs;
        worstMs = std::max(worstMs, std::abs(errorMs));
        QVERIFY2(std::abs(errorMs) <= 1.0,
                 qPrintable(QString("beat %1: %2 ms off").arg(beat).arg(errorMs)));
    }
    qInfo("worst onset error: %.3f ms", worstMs);
}

void TestRender::silenceWhereNothingPlays()
{
    model::Plan plan;
    model::Track t;
    t.channel = 9;
    t.notes = {{0, 60, 0, 76, 120, 64}, {4 * 480, 60, 0, 76, 120, 64}}; // beat 0 and beat 4
    plan.tracks = {t};
    auto audio = renderPlan(plan, dryOptions());
    QVERIFY(audio.ok());
    // The first hit has died away by 0.5 s; until the second (2.0 s): digital silence.
    for (std::size_t f = kRate / 2; f < static_cast<std::size_t>(1.99 * kRate); ++f)
        QVERIFY2(amplitude(*audio, f) == 0.0f,
                 qPrintable(QString("sound at %1 s").arg(double(f) / kRate)));
    QVERIFY(amplitude(*audio, kRate * 2 + 200) > 0.0f); // and the second hit is there
}

void TestRender::identicalTwice()
{
    RenderOptions withEffects; // reverb and chorus on: still deterministic
    model::Plan plan = clickTrack();
    model::Track pad;
    pad.channel = 0;
    pad.program = 89;
    pad.notes = {{0, 1920, 0, 60, 90, 64}, {0, 1920, 0, 64, 90, 64}, {1920, 1920, 0, 67, 90, 64}};
    pad.pitchBends = {{960, 2000}, {1440, 0}};
    plan.tracks.push_back(pad);
    auto a = renderPlan(plan, withEffects);
    auto b = renderPlan(plan, withEffects);
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a->samples.size() > 44100);
    QVERIFY(a->samples == b->samples);
}

void TestRender::tailAfterTheLastNote()
{
    model::Plan plan;
    model::Track t;
    t.program = 0;
    t.notes = {{0, 480, 0, 60, 100, 64}};
    plan.tracks = {t};
    auto audio = renderPlan(plan, RenderOptions{});
    QVERIFY(audio.ok());
    QCOMPARE(audio->musicSeconds, 0.5);
    QVERIFY2(audio->tailSeconds > 0.3,
             qPrintable(QString::number(audio->tailSeconds))); // release + reverb
    QVERIFY(audio->tailSeconds <= 10.0);
    // The render ends quiet: the last 0.2 s below -80 dBFS.
    const std::size_t frames = audio->samples.size() / 2;
    for (std::size_t f = frames - kRate / 5; f < frames; ++f)
        QVERIFY(amplitude(*audio, f) < 1e-4f);
}

void TestRender::wavFileIsValid()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("out.wav").toStdString();
    auto audio = renderPlanToWav(clickTrack(), path, dryOptions());
    QVERIFY(audio.ok());
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QCOMPARE(bytes.left(4), QByteArray("RIFF"));
    QCOMPARE(bytes.mid(8, 8), QByteArray("WAVEfmt "));
    QVERIFY(audio->samples.empty()); // streamed to the file, not held in memory
    QCOMPARE(bytes.size(), qsizetype(44 + audio->frames * 4));
    const auto le32 = [&](int at) {
        return quint32(quint8(bytes[at])) | quint32(quint8(bytes[at + 1])) << 8 |
               quint32(quint8(bytes[at + 2])) << 16 | quint32(quint8(bytes[at + 3])) << 24;
    };
    QCOMPARE(le32(4), quint32(bytes.size() - 8));
    QCOMPARE(le32(24), quint32(kRate));
    QCOMPARE(le32(40), quint32(audio->frames * 4));
    auto inMemory = renderPlan(clickTrack(), dryOptions()); // the same bytes as wavBytes()
    QVERIFY(inMemory.ok());
    const std::vector<std::uint8_t> expected = wavBytes(*inMemory);
    QCOMPARE(bytes, QByteArray(reinterpret_cast<const char*>(expected.data()),
                               qsizetype(expected.size())));
}

void TestRender::missingSoundFontIsAClearError()
{
    RenderOptions o;
    o.synth.soundFont = "/nonexistent/piano.sf2";
    auto audio = renderPlan(clickTrack(), o);
    QVERIFY(!audio.ok());
    QCOMPARE(QString::fromStdString(audio.error().message),
             QString("the SoundFont setting names /nonexistent/piano.sf2, which does not exist"));
    o.synth.soundFont = PIANOLA_SOURCE_DIR "/README.md";
    audio = renderPlan(clickTrack(), o);
    QVERIFY(!audio.ok());
    QVERIFY(QString::fromStdString(audio.error().message)
                .endsWith("which is not a SoundFont (.sf2/.sf3)"));
}

// A note held for 2^28 quarters at 4 bpm (about 127 years) is refused at once, not allocated for.
void TestRender::tooLongIsRefusedBeforeRendering()
{
    model::Plan plan;
    plan.ppq = 1;
    plan.tempos = {{0, 4.0}};
    model::Track t;
    t.notes = {{0, 1 << 28, 0, 60, 100, 64}};
    plan.tracks = {t};
    QTemporaryDir dir;
    const std::string path = dir.filePath("long.wav").toStdString();
    auto audio = renderPlanToWav(plan, path, dryOptions());
    QVERIFY(!audio.ok());
    QCOMPARE(audio.error().code, Error::Code::TooLarge);
    QVERIFY2(QString::fromStdString(audio.error().message)
                 .contains("longer than the render limit of 3600.0 s"),
             audio.error().message.c_str());
    QVERIFY(!QFile::exists(QString::fromStdString(path)));
    // Within --max-seconds but past what a WAV file can hold (4 GiB: 6.76 h at 44.1 kHz).
    plan.tempos = {{0, 60.0}};
    plan.tracks[0].notes[0].lengthTicks = 86400; // a day
    RenderOptions o = dryOptions();
    o.maxSeconds = 1e9;
    audio = renderPlan(plan, o);
    QVERIFY(!audio.ok());
    QVERIFY2(QString::fromStdString(audio.error().message)
                 .contains("a WAV file holds at most 24347.9 s at 44100 Hz"),
             audio.error().message.c_str());
}

// Loading only the instruments in use sounds exactly like loading the whole SoundFont.
void TestRender::dynamicSamplesSoundTheSame()
{
    const auto fonts = installedSoundFonts();
    if (fonts.empty()) QSKIP("neither FluidR3_GM nor TimGM6mb is installed");
    for (const std::string& font : fonts) {
        RenderOptions whole; // reverb and chorus on
        whole.synth.soundFont = font;
        whole.synth.dynamicSamples = false;
        RenderOptions dynamic = whole; // as the app plays: dynamic for big fonts (FluidR3_GM)
        dynamic.synth.dynamicSamples = true;
        auto a = renderPlan(multiProgramTake(), whole);
        auto b = renderPlan(multiProgramTake(), dynamic);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->samples.size() > 8 * 44100);
        QCOMPARE(a->samples.size(), b->samples.size());
        double difference = 0, signal = 0;
        int largest = 0;
        std::size_t differing = 0;
        for (std::size_t i = 0; i < a->samples.size(); ++i) {
            const int d = std::abs(int(a->samples[i]) - b->samples[i]);
            difference += double(d) * d;
            signal += double(a->samples[i]) * a->samples[i];
            largest = std::max(largest, d);
            differing += d != 0;
        }
        const double ratio = std::sqrt(difference / signal);
        qInfo("%s: %zu of %zu samples differ, by at most %d (16-bit steps); difference/signal RMS "
              "%.2g (%.0f dB)",
              font.c_str(), differing, a->samples.size(), largest, ratio,
              ratio > 0 ? 20 * std::log10(ratio) : -999.0);
        // Inaudible: single 16-bit steps (rounding where a sample buffer ends), 80 dB under the
        // music.
        QVERIFY2(largest <= 2 && ratio < 1e-4, font.c_str());
    }
}

// The violin that bar 3 switches to is loaded when the sequence is handed over, not when the
// render thread reaches the program change: no SoundFont read on that thread, and it sounds.
void TestRender::programChangeMidSongLoadsBeforePlaying()
{
    const auto fonts = installedSoundFonts();
    if (fonts.empty()) QSKIP("neither FluidR3_GM nor TimGM6mb is installed");
    SynthOptions options;
    options.soundFont = fonts.front();
    options.dynamicSamples = true;
    options.dynamicFromBytes = 0; // TimGM6mb too, if it is the only one
    auto core = SynthCore::create(options);
    QVERIFY(core.ok());
    SynthCore& synth = **core;
    const std::size_t initial = synth.pinnedPresets();
    QCOMPARE(initial, std::size_t(2)); // piano and the standard kit: what the channels start with
    const std::uint64_t readsBefore = SynthCore::fileOpensOnRealTimeThread();
    synth.transport().setSequence(PlaybackSequence::build(multiProgramTake()));
    synth.transport().play();
    std::vector<float> left(1024), right(1024);
    double loudInBar3 = 0;
    for (int block = 0; block < 8 * 44100 / 1024; ++block) {
        std::fill(left.begin(), left.end(), 0.0f);
        std::fill(right.begin(), right.end(), 0.0f);
        synth.render(1024, left.data(), right.data());
        if (synth.sequencer().position() > 4.1 && synth.sequencer().position() < 6.0)
            for (float x : left)
                loudInBar3 = std::max(loudInBar3, double(std::abs(x)));
    }
    QCOMPARE(SynthCore::fileOpensOnRealTimeThread(), readsBefore);
    QCOMPARE(synth.silentBlocks(), std::uint64_t(0));
    QVERIFY(loudInBar3 > 0.01);
    QCOMPARE(synth.pinnedPresets(), initial + 3); // strings, bass, violin
}

QTEST_GUILESS_MAIN(TestRender)
#include "tst_render.moc"
