// SPDX-License-Identifier: MIT
// FluidSynth driven by the Sequencer: one render function for live audio and offline render.
#pragma once

#include "engine/playback/Sequencer.h"
#include "engine/playback/Transport.h"
#include "model/Result.h"

#include <memory>
#include <string>

typedef struct _fluid_hashtable_t fluid_settings_t;
typedef struct _fluid_synth_t fluid_synth_t;

namespace pianola::engine {

struct SynthOptions
{
    std::string soundFont;        ///< a path, or empty to search (see findSoundFont)
    double sampleRate = 44100.0;
    double gain = 0.2;            ///< FluidSynth's default, as `fluidsynth` uses
    int polyphony = 256;
    bool reverb = true;
    bool chorus = true;
};

/// Owns the FluidSynth settings and synth (created off the real-time thread) and renders audio
/// blocks: queued transport commands first, then the sequence's events, each dispatched at the
/// synth's 64-frame grid point nearest its time (FluidSynth starts voices on that grid, so an
/// onset is within 32 frames, 0.73 ms at 44.1 kHz, of its exact time).
class SynthCore
{
public:
    static Result<std::unique_ptr<SynthCore>> create(const SynthOptions& options);
    ~SynthCore();
    SynthCore(const SynthCore&) = delete;
    SynthCore& operator=(const SynthCore&) = delete;

    /// [rt] Renders `frames` frames, mixing into `left`/`right` (zero them first). Use multiples
    /// of 64 frames to keep the event grid aligned.
    void render(int frames, float* left, float* right);

    Transport& transport() { return m_transport; }
    const Sequencer& sequencer() const { return m_sequencer; }
    double sampleRate() const { return m_sampleRate; }
    const std::string& soundFontPath() const { return m_soundFont; }
    fluid_settings_t* settings() const { return m_settings; }

private:
    SynthCore() = default;
    class Sink;
    void dispatch(const std::uint8_t* message, int size);   // [rt]

    fluid_settings_t* m_settings = nullptr;
    fluid_synth_t* m_synth = nullptr;
    Transport m_transport;
    Sequencer m_sequencer;
    double m_sampleRate = 44100.0;
    std::string m_soundFont;
};

} // namespace pianola::engine
