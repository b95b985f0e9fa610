// SPDX-License-Identifier: MIT
// A live audio device for a SynthCore.
#include "engine/audio/AudioOutput.h"

#include "engine/ThreadCheck.h"

#include <cstdlib>
#include <fluidsynth.h>
#include <mutex>

namespace pianola::engine {

namespace {
// FluidSynth reports driver failures through its log; capture them while opening (GUI thread).
std::mutex g_logMutex;
std::string* g_capture = nullptr;

void captureLog(int, const char* message, void*)
{
    std::lock_guard lock(g_logMutex);
    if (g_capture && message) {
        if (!g_capture->empty()) *g_capture += "; ";
        *g_capture += message;
    }
}
} // namespace

const std::vector<std::string>& audioDriverCandidates()
{
    static const std::vector<std::string> drivers = {"pulseaudio", "pipewire", "alsa", "jack",
                                                     "sdl2"};
    return drivers;
}

int AudioOutput::callback(void* data, int len, int, float*[], int nout, float* out[])
{
    PIANOLA_ASSERT_NOT_CONTROL_THREAD(); // the driver's own thread, never the GUI's
    auto* self = static_cast<AudioOutput*>(data);
    if (nout < 2) return FLUID_FAILED;
    self->m_core->render(len, out[0], out[1]); // buffers come zeroed
    return FLUID_OK;
}

Result<std::unique_ptr<AudioOutput>> AudioOutput::start(SynthCore& core, const std::string& driver,
                                                        int periodFrames)
{
    std::unique_ptr<AudioOutput> output(new AudioOutput);
    output->m_core = &core;
    fluid_settings_t* settings = core.settings();
    fluid_settings_setint(settings, "audio.period-size", periodFrames);
    const std::vector<std::string> tries =
        driver.empty() ? audioDriverCandidates() : std::vector<std::string>{driver};
    std::string report, names;
    ::setenv("JACK_NO_START_SERVER", "1", 0); // use a running JACK server, never spawn one
    for (const std::string& name : tries) {
        std::string said;
        {
            std::lock_guard lock(g_logMutex);
            g_capture = &said;
        }
        fluid_set_log_function(FLUID_ERR, captureLog, nullptr);
        fluid_set_log_function(FLUID_PANIC, captureLog, nullptr);
        fluid_settings_setstr(settings, "audio.driver", name.c_str());
        output->m_driver = new_fluid_audio_driver2(settings, &AudioOutput::callback, output.get());
        {
            std::lock_guard lock(g_logMutex);
            g_capture = nullptr;
        }
        fluid_set_log_function(FLUID_ERR, fluid_default_log_function, nullptr);
        fluid_set_log_function(FLUID_PANIC, fluid_default_log_function, nullptr);
        if (output->m_driver) {
            output->m_driverName = name;
            return output;
        }
        report += "\n  " + name + ": " + (said.empty() ? std::string("not available") : said);
        names += (names.empty() ? "" : ", ") + name;
    }
    // One line that stands on its own (the status bar shows it), then what each driver said.
    return makeError(Error::Code::Unsupported,
                     "no audio output could be opened (tried " + names +
                         "); Pianola runs without sound. Choose a driver in Preferences > Sound." +
                         report);
}

AudioOutput::~AudioOutput()
{
    if (m_driver) delete_fluid_audio_driver(m_driver);
}

} // namespace pianola::engine
