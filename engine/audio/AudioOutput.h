// SPDX-License-Identifier: MIT
// A live audio device for a SynthCore, through FluidSynth's own drivers.
#pragma once

#include "engine/audio/SynthCore.h"
#include "model/Result.h"

#include <memory>
#include <string>
#include <vector>

typedef struct _fluid_audio_driver_t fluid_audio_driver_t;

namespace pianola::engine {

/// FluidSynth's audio drivers in the order tried when none is chosen.
const std::vector<std::string>& audioDriverCandidates();

/// Runs SynthCore::render() in the driver's audio callback. Created last, destroyed first
/// (before the SynthCore it renders).
class AudioOutput
{
public:
    /// Opens `driver` ("pulseaudio", "pipewire", "alsa", "jack", "sdl2"), or when empty the
    /// first of audioDriverCandidates() that opens. The error says what each attempt said, so
    /// the app can show why there is no sound and keep running.
    static Result<std::unique_ptr<AudioOutput>>
    start(SynthCore& core, const std::string& driver = {}, int periodFrames = 256);
    ~AudioOutput();
    AudioOutput(const AudioOutput&) = delete;
    AudioOutput& operator=(const AudioOutput&) = delete;

    const std::string& driverName() const { return m_driverName; }

private:
    AudioOutput() = default;
    static int callback(void* data, int len, int nfx, float* fx[], int nout, float* out[]);

    SynthCore* m_core = nullptr;
    fluid_audio_driver_t* m_driver = nullptr;
    std::string m_driverName;
};

} // namespace pianola::engine
