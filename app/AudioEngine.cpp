// SPDX-License-Identifier: MIT
// The app's sound.
#include "app/AudioEngine.h"

#include "app/Logging.h"

#include <QFileInfo>
#include <QSettings>

namespace pianola::app {

AudioEngine::AudioEngine()
{
    QSettings settings;
    engine::SynthOptions options;
    options.soundFont = settings.value("audio/soundFont").toString().toStdString();
    options.sampleRate = settings.value("audio/sampleRate", 44100).toDouble();
    options.dynamicSamples = true; // a big SoundFont loads only the instruments in use
    auto core = engine::SynthCore::create(options);
    if (!core) {
        m_problem = QString::fromStdString(core.error().message);
        qCWarning(lcAudio).noquote() << "no synth:" << m_problem;
        return;
    }
    m_core = std::move(*core);
    auto output = engine::AudioOutput::start(
        *m_core, settings.value("audio/driver").toString().toStdString());
    if (!output) {
        m_problem = QString::fromStdString(output.error().message);
        qCWarning(lcAudio).noquote() << "no audio output:" << m_problem;
        return;
    }
    m_output = std::move(*output);
    qCInfo(lcAudio).noquote() << "sound:" << description();
}

AudioEngine::~AudioEngine()
{
    if (m_output) {
        transport().panic();
        transport().stop();
    }
    m_output.reset(); // the device stops calling render() before the synth goes
    m_core.reset();
}

engine::Transport& AudioEngine::transport()
{
    return m_core ? m_core->transport() : m_silentTransport;
}

QString AudioEngine::description() const
{
    if (!m_core) return {};
    return QStringLiteral("FluidSynth on %1, %2")
        .arg(m_output ? QString::fromStdString(m_output->driverName()) : QStringLiteral("-"),
             QFileInfo(QString::fromStdString(m_core->soundFontPath())).fileName());
}

} // namespace pianola::app
