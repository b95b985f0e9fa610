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
    double maxTailSeconds = 10.0;   ///< reverb/release tail after the last event, at most
    std::function<void(double fraction)> progress;   ///< called now and then with 0..1
};

struct RenderedAudio
{
    std::vector<std::int16_t> samples;   ///< interleaved stereo
    int sampleRate = 44100;
    double musicSeconds = 0;             ///< up to the plan's end
    double tailSeconds = 0;              ///< rendered after it until silence
    std::string soundFont;
};

/// Renders the plan with FluidSynth exactly as playback does (same Sequencer, same synth
/// dispatch), then keeps rendering until the tail is silent (below -90 dBFS for 0.25 s) or
/// maxTailSeconds. Identical input gives bit-identical output.
Result<RenderedAudio> renderPlan(const model::Plan& plan, const RenderOptions& options = {});

/// The WAV file bytes (RIFF, PCM 16-bit stereo) for rendered audio.
std::vector<std::uint8_t> wavBytes(const RenderedAudio& audio);

/// renderPlan + wavBytes, written atomically to `path`.
Result<RenderedAudio> renderPlanToWav(const model::Plan& plan, const std::string& path,
                                      const RenderOptions& options = {});

} // namespace pianola::engine
