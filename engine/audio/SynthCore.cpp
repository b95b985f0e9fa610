// SPDX-License-Identifier: MIT
// FluidSynth driven by the Sequencer.
#include "engine/audio/SynthCore.h"

#include "engine/audio/SoundFont.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fluidsynth.h>

namespace pianola::engine {

namespace {
constexpr int kSynthGrid = 64;  // FluidSynth's internal block (FLUID_BUFSIZE)
constexpr int kDrumChannel = 9; // FluidSynth's default drum channel (bank 128)
constexpr int kDrumBank = 128;

// FluidSynth reads the SoundFont through these (as its defaults do), so that a read on a
// real-time thread is seen: counted, and asserted in debug builds.
std::atomic<std::uint64_t> g_realTimeOpens{0};

void* openFile(const char* path)
{
    if (RealTimeScope::onRealTimeThread()) g_realTimeOpens.fetch_add(1, std::memory_order_relaxed);
    PIANOLA_ASSERT_NOT_REAL_TIME();
    return std::fopen(path, "rb");
}

int readFile(void* buffer, fluid_long_long_t count, void* handle)
{
    return std::fread(buffer, static_cast<std::size_t>(count), 1,
                      static_cast<std::FILE*>(handle)) == 1
               ? FLUID_OK
               : FLUID_FAILED;
}

int seekFile(void* handle, fluid_long_long_t offset, int origin)
{
    return fseeko(static_cast<std::FILE*>(handle), static_cast<off_t>(offset), origin) == 0
               ? FLUID_OK
               : FLUID_FAILED;
}

fluid_long_long_t tellFile(void* handle)
{
    return ftello(static_cast<std::FILE*>(handle));
}

int closeFile(void* handle)
{
    return std::fclose(static_cast<std::FILE*>(handle)) == 0 ? FLUID_OK : FLUID_FAILED;
}
} // namespace

std::uint64_t SynthCore::fileOpensOnRealTimeThread()
{
    return g_realTimeOpens.load(std::memory_order_relaxed);
}

/// Renders audio up to each message's grid point, then hands the message to the synth. [rt]
class SynthCore::Sink : public MidiSink
{
public:
    Sink(SynthCore& core, int frames, float* left, float* right)
        : m_core(core), m_frames(frames), m_left(left), m_right(right)
    {}

    void send(double offsetSeconds, const std::uint8_t* message, int size) override
    {
        const double exact = offsetSeconds * m_core.m_sampleRate;
        int frame = static_cast<int>(std::lround(exact / kSynthGrid)) * kSynthGrid;
        frame = std::clamp(frame, m_rendered, m_frames);
        renderTo(frame);
        m_core.dispatch(message, size);
    }

    void renderTo(int frame)
    {
        if (frame <= m_rendered) return;
        float* out[2] = {m_left + m_rendered, m_right + m_rendered};
        float* fx[4] = {out[0], out[1], out[0], out[1]}; // reverb and chorus mixed in
        fluid_synth_process(m_core.m_synth, frame - m_rendered, 4, fx, 2, out);
        m_rendered = frame;
    }

private:
    SynthCore& m_core;
    int m_frames;
    float* m_left;
    float* m_right;
    int m_rendered = 0;
};

Result<std::unique_ptr<SynthCore>> SynthCore::create(const SynthOptions& options)
{
    auto soundFont = findSoundFont(options.soundFont);
    if (!soundFont) return soundFont.error();
    std::unique_ptr<SynthCore> core(new SynthCore);
    core->m_sampleRate = options.sampleRate;
    core->m_soundFont = *soundFont;
    core->m_settings = new_fluid_settings();
    fluid_settings_setnum(core->m_settings, "synth.sample-rate", options.sampleRate);
    fluid_settings_setnum(core->m_settings, "synth.gain", options.gain);
    fluid_settings_setint(core->m_settings, "synth.polyphony", options.polyphony);
    fluid_settings_setint(core->m_settings, "synth.reverb.active", options.reverb ? 1 : 0);
    fluid_settings_setint(core->m_settings, "synth.chorus.active", options.chorus ? 1 : 0);
    fluid_settings_setint(core->m_settings, "synth.threadsafe-api", 0); // one thread calls it
    fluid_settings_setint(core->m_settings, "synth.cpu-cores", 1);      // deterministic output
    std::error_code sizeError;
    const bool dynamic =
        options.dynamicSamples &&
        std::filesystem::file_size(*soundFont, sizeError) >= options.dynamicFromBytes;
    fluid_settings_setint(core->m_settings, "synth.dynamic-sample-loading", dynamic ? 1 : 0);
    core->m_synth = new_fluid_synth(core->m_settings);
    if (!core->m_synth)
        return makeError(Error::Code::Unsupported, "FluidSynth could not create a synthesizer");
    if (auto loaded = core->loadSoundFont(*soundFont, dynamic); !loaded) return loaded.error();
    core->m_transport.setPreparer(core.get());
    return core;
}

Result<void> SynthCore::loadSoundFont(const std::string& path, bool dynamicSamples)
{
    fluid_sfloader_t* loader = new_fluid_defsfloader(m_settings);
    if (loader) { // the synth owns it from here; it is tried before the built-in one
        fluid_sfloader_set_callbacks(loader, openFile, readFile, seekFile, tellFile, closeFile);
        fluid_synth_add_sfloader(m_synth, loader);
    }
    m_sfontId = fluid_synth_sfload(m_synth, path.c_str(), 1); // selects bank 0/128 program 0
    if (m_sfontId == FLUID_FAILED)
        return makeError(Error::Code::Unsupported,
                         "FluidSynth could not load the SoundFont " + path);
    m_sfont = fluid_synth_get_sfont_by_id(m_synth, m_sfontId);
    m_dynamic = dynamicSamples && m_sfont;
    for (int ch = 0; ch < 16; ++ch) {
        m_banks[static_cast<std::size_t>(ch)] = {0};
        noteProgram(ch,
                    0); // pins what the channels hold now, so it never unloads on the render thread
    }
    return {};
}

// ---- loading what a sequence selects (control thread) ----

void SynthCore::prepare(const PlaybackSequence& sequence)
{
    PIANOLA_ASSERT_THREAD(m_controlThread);
    if (!m_dynamic) return;
    for (const PlaybackEvent& e : sequence.events())
        prepareLive(e.status, e.data1, e.data2);
}

void SynthCore::prepareLive(std::uint8_t status, std::uint8_t data1, std::uint8_t data2)
{
    PIANOLA_ASSERT_THREAD(m_controlThread);
    if (!m_dynamic) return;
    const int ch = status & 0x0F;
    if ((status & 0xF0) == 0xB0 && data1 == 0)
        noteBank(ch, data2);
    else if ((status & 0xF0) == 0xC0)
        noteProgram(ch, data1);
}

// FluidSynth's default bank select ("gs"): CC 0 sets the bank of a melodic channel, the drum
// channel ignores it; CC 32 is ignored. A later program change uses the bank.
void SynthCore::noteBank(int channel, int bank)
{
    if (channel == kDrumChannel || !m_banks[static_cast<std::size_t>(channel)].insert(bank).second)
        return;
    for (const int program : m_programs[static_cast<std::size_t>(channel)])
        pinFor(channel, bank, program);
}

void SynthCore::noteProgram(int channel, int program)
{
    if (!m_programs[static_cast<std::size_t>(channel)].insert(program).second) return;
    for (const int bank : m_banks[static_cast<std::size_t>(channel)])
        pinFor(channel, bank, program);
}

// Pins the preset FluidSynth's program change picks for (bank, program) on `channel`: that
// preset, else program 0 of the drum bank (drums) or the program in bank 0, else bank 0
// program 0 (fluid_synth_program_change's fallbacks).
void SynthCore::pinFor(int channel, int bank, int program)
{
    if (!m_dynamic) return;
    const auto exists = [this](int b, int p) {
        return fluid_sfont_get_preset(m_sfont, b, p) != nullptr;
    };
    if (channel == kDrumChannel) {
        bank = kDrumBank;
        if (!exists(bank, program)) program = 0;
    } else if (!exists(bank, program)) {
        bank = 0;
        if (!exists(bank, program)) program = 0;
    }
    if (!exists(bank, program) || !m_pinned.insert(bank * 128 + program).second) return;
    std::lock_guard lock(m_loading);
    fluid_synth_pin_preset(m_synth, m_sfontId, bank, program);
}

SynthCore::~SynthCore()
{
    if (m_synth) delete_fluid_synth(m_synth);
    if (m_settings) delete_fluid_settings(m_settings);
}

void SynthCore::dispatch(const std::uint8_t* m, int size)
{
    const int ch = m[0] & 0x0F;
    const int d1 = size > 1 ? m[1] : 0;
    const int d2 = size > 2 ? m[2] : 0;
    switch (m[0] & 0xF0) {
    case 0x80:
        fluid_synth_noteoff(m_synth, ch, d1);
        break;
    case 0x90:
        if (d2 == 0)
            fluid_synth_noteoff(m_synth, ch, d1);
        else
            fluid_synth_noteon(m_synth, ch, d1, d2);
        break;
    case 0xA0:
        fluid_synth_key_pressure(m_synth, ch, d1, d2);
        break;
    case 0xB0:
        fluid_synth_cc(m_synth, ch, d1, d2);
        break;
    case 0xC0:
        fluid_synth_program_change(m_synth, ch, d1);
        break;
    case 0xD0:
        fluid_synth_channel_pressure(m_synth, ch, d1);
        break;
    case 0xE0:
        fluid_synth_pitch_bend(m_synth, ch, d1 | (d2 << 7));
        break;
    default:
        break;
    }
}

void SynthCore::render(int frames, float* left, float* right)
{
    PIANOLA_ASSERT_THREAD(m_renderThread);
    RealTimeScope realTime;
    std::unique_lock lock(m_loading, std::try_to_lock);
    if (!lock.owns_lock()) { // an instrument is loading: the synth is busy for this block
        m_silentBlocks.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    Sink sink(*this, frames, left, right);
    m_transport.applyCommands(m_sequencer, sink);
    m_sequencer.advance(frames / m_sampleRate, sink);
    sink.renderTo(frames);
    m_transport.publish(m_sequencer);
}

} // namespace pianola::engine
