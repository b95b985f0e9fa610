// SPDX-License-Identifier: MIT
// FluidSynth driven by the Sequencer.
#include "engine/audio/SynthCore.h"

#include "engine/audio/SoundFont.h"

#include <fluidsynth.h>

#include <algorithm>
#include <cmath>

namespace pianola::engine {

namespace {
constexpr int kSynthGrid = 64;   // FluidSynth's internal block (FLUID_BUFSIZE)
} // namespace

/// Renders audio up to each message's grid point, then hands the message to the synth. [rt]
class SynthCore::Sink : public MidiSink
{
public:
    Sink(SynthCore& core, int frames, float* left, float* right)
        : m_core(core), m_frames(frames), m_left(left), m_right(right)
    {
    }

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
        if (frame <= m_rendered)
            return;
        float* out[2] = {m_left + m_rendered, m_right + m_rendered};
        float* fx[4] = {out[0], out[1], out[0], out[1]};   // reverb and chorus mixed in
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
    if (!soundFont)
        return soundFont.error();
    std::unique_ptr<SynthCore> core(new SynthCore);
    core->m_sampleRate = options.sampleRate;
    core->m_soundFont = *soundFont;
    core->m_settings = new_fluid_settings();
    fluid_settings_setnum(core->m_settings, "synth.sample-rate", options.sampleRate);
    fluid_settings_setnum(core->m_settings, "synth.gain", options.gain);
    fluid_settings_setint(core->m_settings, "synth.polyphony", options.polyphony);
    fluid_settings_setint(core->m_settings, "synth.reverb.active", options.reverb ? 1 : 0);
    fluid_settings_setint(core->m_settings, "synth.chorus.active", options.chorus ? 1 : 0);
    fluid_settings_setint(core->m_settings, "synth.threadsafe-api", 0);   // one thread calls it
    fluid_settings_setint(core->m_settings, "synth.cpu-cores", 1);        // deterministic output
    core->m_synth = new_fluid_synth(core->m_settings);
    if (!core->m_synth)
        return makeError(Error::Code::Unsupported, "FluidSynth could not create a synthesizer");
    if (fluid_synth_sfload(core->m_synth, soundFont->c_str(), 1) == FLUID_FAILED)
        return makeError(Error::Code::Unsupported, "FluidSynth could not load the SoundFont " + *soundFont);
    return core;
}

SynthCore::~SynthCore()
{
    if (m_synth)
        delete_fluid_synth(m_synth);
    if (m_settings)
        delete_fluid_settings(m_settings);
}

void SynthCore::dispatch(const std::uint8_t* m, int size)
{
    const int ch = m[0] & 0x0F;
    const int d1 = size > 1 ? m[1] : 0;
    const int d2 = size > 2 ? m[2] : 0;
    switch (m[0] & 0xF0) {
    case 0x80: fluid_synth_noteoff(m_synth, ch, d1); break;
    case 0x90:
        if (d2 == 0)
            fluid_synth_noteoff(m_synth, ch, d1);
        else
            fluid_synth_noteon(m_synth, ch, d1, d2);
        break;
    case 0xA0: fluid_synth_key_pressure(m_synth, ch, d1, d2); break;
    case 0xB0: fluid_synth_cc(m_synth, ch, d1, d2); break;
    case 0xC0: fluid_synth_program_change(m_synth, ch, d1); break;
    case 0xD0: fluid_synth_channel_pressure(m_synth, ch, d1); break;
    case 0xE0: fluid_synth_pitch_bend(m_synth, ch, d1 | (d2 << 7)); break;
    default: break;
    }
}

void SynthCore::render(int frames, float* left, float* right)
{
    Sink sink(*this, frames, left, right);
    m_transport.applyCommands(m_sequencer, sink);
    m_sequencer.advance(frames / m_sampleRate, sink);
    sink.renderTo(frames);
    m_transport.publish(m_sequencer);
}

} // namespace pianola::engine
