// SPDX-License-Identifier: MIT
// Offline render of a plan to 16-bit stereo PCM and WAV files, through the live render path.
#pragma once

#include "engine/audio/SynthCore.h"
#include "model/Plan.h"
#include "model/Result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace pianola::engine {

struct RenderOptions
{
    SynthOptions synth;
    double maxTailSeconds = 10.0; ///< reverb/release tail after the last event, at most
    double maxSeconds = 3600.0;   ///< music longer than this is refused (TooLarge) before rendering
    std::function<void(double fraction)> progress; ///< called now and then with 0..1
};

struct RenderedAudio
{
    std::vector<std::int16_t> samples; ///< interleaved stereo (renderPlan only)
    std::uint64_t frames = 0;          ///< stereo frames rendered
    int sampleRate = 44100;
    double musicSeconds = 0; ///< up to the plan's end
    double tailSeconds = 0;  ///< rendered after it until silence
    std::string soundFont;
};

/// Renders the plan with FluidSynth exactly as playback does (same Sequencer, same synth
/// dispatch), then keeps rendering until the tail is silent (below -90 dBFS for 0.25 s) or
/// maxTailSeconds. Identical input gives bit-identical output. Errors (before any audio is
/// made): TooLarge when the music is longer than maxSeconds or the result would not fit a
/// WAV file (4 GiB); the SoundFont's problems.
Result<RenderedAudio> renderPlan(const model::Plan& plan, const RenderOptions& options = {});

/// The WAV file bytes (RIFF, PCM 16-bit stereo) for audio rendered by renderPlan.
std::vector<std::uint8_t> wavBytes(const RenderedAudio& audio);

/// Renders into a WAV file block by block (memory stays small whatever the length): a regular
/// file is written beside the target and renamed over it when complete (the header patched
/// at the end); a device or FIFO is written directly (rendered to a temporary file first, as
/// it cannot be patched). Same errors as renderPlan, plus the output's. `samples` stays empty.
Result<RenderedAudio> renderPlanToWav(const model::Plan& plan, const std::string& path,
                                      const RenderOptions& options = {});

} // namespace pianola::engine
