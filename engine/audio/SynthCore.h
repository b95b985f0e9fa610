// SPDX-License-Identifier: MIT
// FluidSynth driven by the Sequencer: one render function for live audio and offline render.
#pragma once

#include "engine/playback/Sequencer.h"
#include "engine/playback/Transport.h"
#include "model/Result.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>

typedef struct _fluid_hashtable_t fluid_settings_t;
typedef struct _fluid_synth_t fluid_synth_t;
typedef struct _fluid_sfont_t fluid_sfont_t;

namespace pianola::engine {

struct SynthOptions
{
    std::string soundFont; ///< a path, or empty to search (see findSoundFont)
    double sampleRate = 44100.0;
    double gain = 0.2; ///< FluidSynth's default, as `fluidsynth` uses
    int polyphony = 256;
    bool reverb = true;
    bool chorus = true;
    /// Load an instrument's samples only when a sequence or a live message first selects it
    /// (FluidSynth's dynamic sample loading), on the control thread; false loads the whole
    /// SoundFont at once. Both sound the same (FluidR3_GM: 30 samples in 800,000 one 16-bit
    /// step apart); the app plays this way, offline renders stay bit-identical with whole fonts.
    bool dynamicSamples = false;
    /// ...for SoundFonts of at least this many bytes; smaller ones load whole. Some small fonts
    /// (TimGM6mb) loop past a sample's end into the next one, which only whole loading keeps.
    std::uintmax_t dynamicFromBytes = 32u << 20;
};

/// Owns the FluidSynth settings and synth (created off the real-time thread) and renders audio
/// blocks: queued transport commands first, then the sequence's events, each dispatched at the
/// synth's 64-frame grid point nearest its time (FluidSynth starts voices on that grid, so an
/// onset is within 32 frames, 0.73 ms at 44.1 kHz, of its exact time).
///
/// With dynamic samples, the instruments a sequence (or a live program change) selects are
/// loaded and pinned on the control thread when it is handed to transport() (PlayerPreparer),
/// so a program change on the render thread finds its samples in memory and never reads the
/// file. Pins last as long as the synth. Loading holds a mutex that render() only try-locks:
/// a block that meets it (a new instrument loading while playing) is rendered silent.
class SynthCore : private PlayerPreparer
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

    /// Instruments (bank, program) loaded and pinned so far (dynamic samples only).
    std::size_t pinnedPresets() const { return m_pinned.size(); }
    /// Blocks rendered silent because an instrument was loading at that moment.
    std::uint64_t silentBlocks() const { return m_silentBlocks.load(std::memory_order_relaxed); }
    /// SoundFont file opens on a real-time thread since the process started (0 is the contract;
    /// debug builds assert it). For tests.
    static std::uint64_t fileOpensOnRealTimeThread();

private:
    SynthCore() = default;
    class Sink;
    void dispatch(const std::uint8_t* message, int size); // [rt]
    Result<void> loadSoundFont(const std::string& path, bool dynamicSamples);

    // PlayerPreparer (control thread)
    void prepare(const PlaybackSequence& sequence) override;
    void prepareLive(std::uint8_t status, std::uint8_t data1, std::uint8_t data2) override;
    void noteBank(int channel, int bank);
    void noteProgram(int channel, int program);
    void pinFor(int channel, int bank, int program);

    fluid_settings_t* m_settings = nullptr;
    fluid_synth_t* m_synth = nullptr;
    Transport m_transport;
    Sequencer m_sequencer;
    double m_sampleRate = 44100.0;
    std::string m_soundFont;

    // Dynamic samples: what the channels may select (control thread), and the pins made.
    bool m_dynamic = false;
    fluid_sfont_t* m_sfont = nullptr;
    int m_sfontId = -1;
    std::array<std::set<int>, 16> m_banks;    ///< bank numbers each channel may have
    std::array<std::set<int>, 16> m_programs; ///< programs each channel may select
    std::set<int> m_pinned;                   ///< bank * 128 + program
    std::mutex m_loading; ///< held while the synth loads; render() only try-locks it
    std::atomic<std::uint64_t> m_silentBlocks{0};
    ThreadChecker m_renderThread;
    ThreadChecker m_controlThread;
};

} // namespace pianola::engine
