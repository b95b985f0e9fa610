// SPDX-License-Identifier: MIT
// Offline render of a plan to PCM and WAV, streamed block by block.
#include "engine/audio/OfflineRender.h"

#include "engine/FileIo.h"
#include "engine/playback/PlaybackSequence.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <span>

namespace pianola::engine {

namespace {
constexpr int kBlockFrames = 1024;  // a multiple of the synth's 64-frame grid
constexpr float kSilence = 3.2e-5f; // about -90 dBFS
constexpr double kSilentTailSeconds = 0.25;
constexpr std::uint64_t kWavHeaderBytes = 44;
constexpr std::uint64_t kMaxWavBytes = 0xFFFFFFFFu; // RIFF sizes are 32-bit

using BlockSink = std::function<Result<void>(std::span<const std::int16_t> interleaved)>;

std::int16_t toPcm16(float x)
{
    return static_cast<std::int16_t>(std::lround(std::clamp(x, -1.0f, 1.0f) * 32767.0f));
}

std::string seconds(double s)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", s);
    return text;
}

Result<void> checkLength(double musicSeconds, const RenderOptions& options)
{
    if (!(musicSeconds <= options.maxSeconds))
        return makeError(Error::Code::TooLarge, "the music lasts " + seconds(musicSeconds) +
                                                    ", longer than the render limit of " +
                                                    seconds(options.maxSeconds));
    const double rate = options.synth.sampleRate;
    const double wavSeconds = static_cast<double>(kMaxWavBytes - kWavHeaderBytes) / (rate * 4);
    if (musicSeconds + options.maxTailSeconds + 1.0 > wavSeconds)
        return makeError(Error::Code::TooLarge,
                         "the music lasts " + seconds(musicSeconds) +
                             "; a WAV file holds at most " + seconds(wavSeconds) + " at " +
                             std::to_string(static_cast<int>(rate)) + " Hz (with up to " +
                             seconds(options.maxTailSeconds) + " of tail)");
    return {};
}

// The synth with the plan's sequence loaded and checked, ready to render blocks.
class Renderer
{
public:
    Result<void> prepare(const model::Plan& plan, const RenderOptions& options)
    {
        auto sequence = PlaybackSequence::build(plan);
        m_length = sequence->lengthSeconds();
        if (auto ok = checkLength(m_length, options); !ok) return ok;
        auto core = SynthCore::create(options.synth);
        if (!core) return core.error();
        m_core = std::move(*core);
        m_core->transport().setSequence(std::move(sequence));
        m_core->transport().play();
        return {};
    }

    Result<RenderedAudio> run(const RenderOptions& options, const BlockSink& sink)
    {
        RenderedAudio audio;
        audio.sampleRate = static_cast<int>(options.synth.sampleRate);
        audio.soundFont = m_core->soundFontPath();
        std::vector<float> left(kBlockFrames), right(kBlockFrames);
        std::vector<std::int16_t> block(2 * kBlockFrames);
        const double blockSeconds = kBlockFrames / options.synth.sampleRate;
        double silentFor = 0, tail = 0, reported = -1;
        while (true) {
            std::fill(left.begin(), left.end(), 0.0f);
            std::fill(right.begin(), right.end(), 0.0f);
            m_core->render(kBlockFrames, left.data(), right.data());
            float peak = 0;
            for (int i = 0; i < kBlockFrames; ++i) {
                block[2 * i] = toPcm16(left[i]);
                block[2 * i + 1] = toPcm16(right[i]);
                peak = std::max({peak, std::abs(left[i]), std::abs(right[i])});
            }
            if (auto sent = sink(block); !sent) return sent.error();
            audio.frames += kBlockFrames;
            if (m_core->sequencer().playing()) {
                const double done = m_length > 0 ? m_core->sequencer().position() / m_length : 1.0;
                if (options.progress && done - reported >= 0.01) {
                    options.progress(std::min(done, 1.0));
                    reported = done;
                }
                continue;
            }
            tail += blockSeconds;
            silentFor = peak < kSilence ? silentFor + blockSeconds : 0;
            if (silentFor >= kSilentTailSeconds || tail >= options.maxTailSeconds) break;
        }
        audio.musicSeconds = m_length;
        audio.tailSeconds = tail;
        if (options.progress) options.progress(1.0);
        return audio;
    }

private:
    std::unique_ptr<SynthCore> m_core;
    double m_length = 0;
};

std::vector<std::uint8_t> wavHeader(int sampleRate, std::uint64_t frames)
{
    const auto dataBytes = static_cast<std::uint32_t>(frames * 4);
    std::vector<std::uint8_t> out;
    out.reserve(kWavHeaderBytes);
    const auto tag = [&](const char* t) { out.insert(out.end(), t, t + 4); };
    const auto le = [&](std::uint32_t v, int bytes) {
        for (int i = 0; i < bytes; ++i)
            out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    };
    const auto rate = static_cast<std::uint32_t>(sampleRate);
    tag("RIFF");
    le(36 + dataBytes, 4);
    tag("WAVE");
    tag("fmt ");
    le(16, 4);
    le(1, 2); // PCM
    le(2, 2); // stereo
    le(rate, 4);
    le(rate * 4, 4); // bytes per second
    le(4, 2);        // block align
    le(16, 2);       // bits per sample
    tag("data");
    le(dataBytes, 4);
    return out;
}

void appendLe16(std::vector<std::uint8_t>& out, std::span<const std::int16_t> samples)
{
    for (const std::int16_t s : samples) {
        const auto u = static_cast<std::uint16_t>(s);
        out.push_back(static_cast<std::uint8_t>(u));
        out.push_back(static_cast<std::uint8_t>(u >> 8));
    }
}

struct FileCloser
{
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// Devices and FIFOs cannot be patched: render to a temporary file, then send header + data.
Result<RenderedAudio> renderThroughTemporary(Renderer& renderer, OutputFile& out,
                                             const std::string& path, const RenderOptions& options)
{
    std::unique_ptr<std::FILE, FileCloser> tmp(std::tmpfile());
    if (!tmp)
        return makeError(Error::Code::IoError,
                         std::string("a temporary file: ") + std::strerror(errno));
    std::vector<std::uint8_t> bytes;
    auto audio = renderer.run(options, [&](std::span<const std::int16_t> block) -> Result<void> {
        bytes.clear();
        appendLe16(bytes, block);
        if (std::fwrite(bytes.data(), 1, bytes.size(), tmp.get()) != bytes.size())
            return makeError(Error::Code::IoError,
                             std::string("a temporary file: ") + std::strerror(errno));
        return {};
    });
    if (!audio) return audio;
    if (auto h = out.write(wavHeader(audio->sampleRate, audio->frames)); !h) return h.error();
    std::rewind(tmp.get());
    std::vector<std::uint8_t> chunk(1 << 16);
    while (const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), tmp.get()))
        if (auto w = out.write(std::span(chunk.data(), n)); !w) return w.error();
    if (std::ferror(tmp.get()))
        return makeError(Error::Code::IoError, path + ": reading back the temporary file failed");
    return audio;
}
} // namespace

Result<RenderedAudio> renderPlan(const model::Plan& plan, const RenderOptions& options)
{
    Renderer renderer;
    if (auto ready = renderer.prepare(plan, options); !ready) return ready.error();
    std::vector<std::int16_t> samples;
    auto audio = renderer.run(options, [&](std::span<const std::int16_t> block) -> Result<void> {
        samples.insert(samples.end(), block.begin(), block.end());
        return {};
    });
    if (audio) audio->samples = std::move(samples);
    return audio;
}

std::vector<std::uint8_t> wavBytes(const RenderedAudio& audio)
{
    std::vector<std::uint8_t> out = wavHeader(audio.sampleRate, audio.samples.size() / 2);
    out.reserve(kWavHeaderBytes + audio.samples.size() * 2);
    appendLe16(out, audio.samples);
    return out;
}

Result<RenderedAudio> renderPlanToWav(const model::Plan& plan, const std::string& path,
                                      const RenderOptions& options)
{
    Renderer renderer;
    if (auto ready = renderer.prepare(plan, options); !ready) return ready.error();
    auto out = OutputFile::open(path);
    if (!out) return out.error();
    OutputFile& file = **out;
    Result<RenderedAudio> audio = RenderedAudio{};
    if (!file.seekable()) {
        audio = renderThroughTemporary(renderer, file, path, options);
    } else {
        if (auto h = file.write(wavHeader(static_cast<int>(options.synth.sampleRate), 0)); !h)
            return h.error();
        std::vector<std::uint8_t> bytes;
        audio = renderer.run(options, [&](std::span<const std::int16_t> block) {
            bytes.clear();
            appendLe16(bytes, block);
            return file.write(bytes);
        });
        if (audio)
            if (auto h = file.writeAt(0, wavHeader(audio->sampleRate, audio->frames)); !h)
                return h.error();
    }
    if (!audio) return audio;
    if (auto done = file.commit(); !done) return done.error();
    return audio;
}

} // namespace pianola::engine
