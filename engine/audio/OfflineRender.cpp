// SPDX-License-Identifier: MIT
// Offline render of a plan to PCM and WAV.
#include "engine/audio/OfflineRender.h"

#include "engine/FileIo.h"
#include "engine/playback/PlaybackSequence.h"

#include <algorithm>
#include <cmath>

namespace pianola::engine {

namespace {
constexpr int kBlockFrames = 1024;          // a multiple of the synth's 64-frame grid
constexpr float kSilence = 3.2e-5f;         // about -90 dBFS
constexpr double kSilentTailSeconds = 0.25;

std::int16_t toPcm16(float x)
{
    return static_cast<std::int16_t>(std::lround(std::clamp(x, -1.0f, 1.0f) * 32767.0f));
}

void appendBlock(std::vector<std::int16_t>& out, const float* left, const float* right, int frames, float& peak)
{
    for (int i = 0; i < frames; ++i) {
        out.push_back(toPcm16(left[i]));
        out.push_back(toPcm16(right[i]));
        peak = std::max({peak, std::abs(left[i]), std::abs(right[i])});
    }
}
} // namespace

Result<RenderedAudio> renderPlan(const model::Plan& plan, const RenderOptions& options)
{
    auto core = SynthCore::create(options.synth);
    if (!core)
        return core.error();
    SynthCore& synth = **core;
    auto sequence = PlaybackSequence::build(plan);
    const double length = sequence->lengthSeconds();
    synth.transport().setSequence(std::move(sequence));
    synth.transport().play();

    RenderedAudio audio;
    audio.sampleRate = static_cast<int>(options.synth.sampleRate);
    audio.soundFont = synth.soundFontPath();
    audio.samples.reserve(static_cast<std::size_t>((length + 2.0) * options.synth.sampleRate * 2));
    std::vector<float> left(kBlockFrames), right(kBlockFrames);
    const double blockSeconds = kBlockFrames / options.synth.sampleRate;
    double silentFor = 0, tail = 0, reported = -1;
    while (true) {
        std::fill(left.begin(), left.end(), 0.0f);
        std::fill(right.begin(), right.end(), 0.0f);
        synth.render(kBlockFrames, left.data(), right.data());
        float peak = 0;
        appendBlock(audio.samples, left.data(), right.data(), kBlockFrames, peak);
        const bool musicDone = !synth.sequencer().playing();
        if (!musicDone) {
            const double done = length > 0 ? synth.sequencer().position() / length : 1.0;
            if (options.progress && done - reported >= 0.01) {
                options.progress(std::min(done, 1.0));
                reported = done;
            }
            continue;
        }
        tail += blockSeconds;
        silentFor = peak < kSilence ? silentFor + blockSeconds : 0;
        if (silentFor >= kSilentTailSeconds || tail >= options.maxTailSeconds)
            break;
    }
    audio.musicSeconds = length;
    audio.tailSeconds = tail;
    if (options.progress)
        options.progress(1.0);
    return audio;
}

std::vector<std::uint8_t> wavBytes(const RenderedAudio& audio)
{
    const auto dataBytes = static_cast<std::uint32_t>(audio.samples.size() * 2);
    std::vector<std::uint8_t> out;
    out.reserve(44 + dataBytes);
    const auto tag = [&](const char* t) {
        for (int i = 0; i < 4; ++i)
            out.push_back(static_cast<std::uint8_t>(t[i]));
    };
    const auto le = [&](std::uint32_t v, int bytes) {
        for (int i = 0; i < bytes; ++i)
            out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    };
    const auto rate = static_cast<std::uint32_t>(audio.sampleRate);
    tag("RIFF");
    le(36 + dataBytes, 4);
    tag("WAVE");
    tag("fmt ");
    le(16, 4);
    le(1, 2);            // PCM
    le(2, 2);            // stereo
    le(rate, 4);
    le(rate * 4, 4);     // bytes per second
    le(4, 2);            // block align
    le(16, 2);           // bits per sample
    tag("data");
    le(dataBytes, 4);
    for (const std::int16_t s : audio.samples)
        le(static_cast<std::uint16_t>(s), 2);
    return out;
}

Result<RenderedAudio> renderPlanToWav(const model::Plan& plan, const std::string& path, const RenderOptions& options)
{
    auto audio = renderPlan(plan, options);
    if (!audio)
        return audio;
    const std::vector<std::uint8_t> bytes = wavBytes(*audio);
    if (auto written = writeFileAtomic(path, std::span<const std::uint8_t>(bytes)); !written)
        return written.error();
    return audio;
}

} // namespace pianola::engine
