// SPDX-License-Identifier: MIT
// The app's sound: FluidSynth with the configured SoundFont on the configured audio driver.
#pragma once

#include "engine/audio/AudioOutput.h"
#include "engine/audio/SynthCore.h"

#include <memory>
#include <QString>

namespace pianola::app {

/// Owns the synth and its audio device (device destroyed first). When either cannot start,
/// the app keeps running: transport() still exists (commands go nowhere audible) and
/// problem() says why there is no sound, in words for the status bar.
class AudioEngine
{
public:
    /// Reads QSettings "audio/soundFont" and "audio/driver" (empty = automatic).
    AudioEngine();
    ~AudioEngine();

    engine::Transport& transport();
    bool hasSound() const { return m_output != nullptr; }
    QString problem() const { return m_problem; }
    QString description() const; ///< "FluidSynth on pulseaudio, FluidR3_GM.sf2"

private:
    std::unique_ptr<engine::SynthCore> m_core;
    std::unique_ptr<engine::AudioOutput> m_output;
    engine::Transport m_silentTransport; ///< used when there is no synth at all
    QString m_problem;
};

} // namespace pianola::app
