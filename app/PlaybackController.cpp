// SPDX-License-Identifier: MIT
// The sound of the open document: output choice, sequence rebuilds, playhead, loop, recording
// and step input.
#include "app/PlaybackController.h"

#include "app/AudioEngine.h"
#include "app/ClockTransport.h"
#include "app/Document.h"
#include "app/MidiSession.h"
#include "app/SequenceBuilder.h"
#include "engine/midi/Recorder.h"
#include "engine/midi/StepInput.h"
#include "engine/playback/Metronome.h"
#include "engine/playback/PlaybackSequence.h"
#include "engine/ThreadCheck.h"

#include <chrono>
#include <QSettings>
#include <QTimer>

namespace pianola::app {

PlaybackController::PlaybackController(const Document* document, QObject* parent)
    : QObject(parent), m_document(document), m_midi(new MidiSession(this)),
      m_sequences(new SequenceBuilder(this)), m_clock(new ClockTransport(this)),
      m_rebuild(new QTimer(this)), m_poll(new QTimer(this)), m_countIn(new QTimer(this))
{
    m_countIn->setSingleShot(true);
    m_countIn->setTimerType(Qt::PreciseTimer);
    m_countInBars = std::clamp(QSettings().value("transport/countInBars", 0).toInt(), 0, 2);
    m_rebuild->setSingleShot(true);
    m_rebuild->setInterval(30); // coalesce a burst of edits into one rebuild
    connect(m_rebuild, &QTimer::timeout, this, &PlaybackController::rebuildNow);
    m_poll->setInterval(33); // about 30 Hz
    connect(m_poll, &QTimer::timeout, this, &PlaybackController::poll);
    connect(m_midi, &MidiSession::received, this, &PlaybackController::midiReceived);
}

PlaybackController::~PlaybackController() = default;

const model::Plan& PlaybackController::plan() const
{
    static const model::Plan kEmpty;
    const model::Take* take = m_document->activeTake();
    return take ? take->plan : kEmpty;
}

PlaybackController::Start PlaybackController::startSound()
{
    if (!m_audio) m_audio = std::make_unique<AudioEngine>();
    Start start;
    start.hasSound = m_audio->hasSound();
    start.audioProblem = m_audio->problem();
    start.midiProblem = m_midi->applySettings();
    rebuildNow();
    m_poll->start();
    return start;
}

void PlaybackController::dropSynth()
{
    m_audio.reset();
}

engine::Transport* PlaybackController::transport() const
{
    if (m_midi->output()) return &m_midi->output()->transport();
    if (m_audio && m_audio->hasSound()) return &m_audio->transport();
    return &m_clock->transport(); // no device: the transport runs on a clock of its own
}

bool PlaybackController::onClock() const
{
    return transport() == &m_clock->transport();
}

void PlaybackController::clockUpdate()
{
    if (onClock()) m_clock->update();
}

double PlaybackController::positionSeconds()
{
    clockUpdate();
    return transport()->positionSeconds();
}

bool PlaybackController::isPlaying()
{
    clockUpdate();
    return transport()->isPlaying();
}

PlaybackController::Heard PlaybackController::heard()
{
    if (!isPlaying()) return Heard::Stopped;
    return onClock() ? Heard::Silent : Heard::Playing;
}

void PlaybackController::refreshTempoMap()
{
    m_tempoMap = model::TempoMap(plan());
}

void PlaybackController::scheduleRebuild()
{
    m_rebuild->start();
}

void PlaybackController::rebuildNow()
{
    PIANOLA_ASSERT_CONTROL_THREAD();
    m_rebuild->stop(); // a rebuild scheduled before this one is done by it
    refreshTempoMap();
    if (!transport()) return;
    engine::PlaybackOptions options;
    for (const model::Track& t : plan().tracks) {
        options.muted.push_back(t.muted);
        options.soloed.push_back(t.soloed);
    }
    options.metronome = m_metronome;
    if (m_recorder) // recording runs until stopped, past the end of what is there
        options.minimumTicks = model::Limits::kMaxTick;
    // A big plan is built on a worker thread: the current sequence plays on until it is ready.
    auto snapshot = [this] { return m_document->planSnapshot(); }; // shares the project
    m_sequences->request(plan(), snapshot, std::move(options),
                         [this](std::unique_ptr<engine::PlaybackSequence> sequence) {
                             if (!transport()) return;
                             transport()->setSequence(std::move(sequence));
                             applyLoop();
                             clockUpdate();
                         });
}

void PlaybackController::play()
{
    if (transport() && !transport()->isPlaying()) transport()->play();
    clockUpdate();
}

void PlaybackController::playPause()
{
    if (!transport()) return;
    if (transport()->isPlaying())
        transport()->pause();
    else
        transport()->play();
    clockUpdate();
}

void PlaybackController::stop()
{
    if (transport()) transport()->stop();
    clockUpdate();
}

void PlaybackController::panic()
{
    if (transport()) transport()->panic();
}

void PlaybackController::stopSound()
{
    if (engine::Transport* t = transport()) {
        t->stop();
        t->panic();
    }
    clockUpdate();
}

void PlaybackController::seek(model::Tick tick)
{
    if (transport()) transport()->seek(m_tempoMap.ticksToSeconds(tick));
    clockUpdate();
}

void PlaybackController::audition(int channel, int key, int velocity)
{
    if (transport()) transport()->audition(channel, key, velocity, 0.35);
}

void PlaybackController::setMetronome(bool on)
{
    m_metronome = on;
    rebuildNow();
}

void PlaybackController::setLoop(bool on, model::Tick startTick, model::Tick endTick)
{
    m_loopOn = on;
    m_loopStart = startTick;
    m_loopEnd = endTick;
    applyLoop();
}

void PlaybackController::applyLoop()
{
    if (transport())
        transport()->setLoop(m_loopOn, m_tempoMap.ticksToSeconds(m_loopStart),
                             m_tempoMap.ticksToSeconds(m_loopEnd));
    clockUpdate();
}

model::Tick PlaybackController::countInTicks(model::Tick tick) const
{
    return engine::barsTicks(plan(), tick, m_countInBars);
}

bool PlaybackController::startRecording(model::Tick tick)
{
    if (!transport()) return false;
    const model::Tick countIn = countInTicks(tick);
    if (countIn <= 0) {
        beginRecording(std::nullopt); // from where the transport is
        return true;
    }
    // The count-in: clicks alone, in the tempo and meter at `tick`, then the recording there.
    model::Plan clicks;
    clicks.ppq = plan().ppq;
    clicks.tempos = {model::TempoChange{0, 60e6 / m_tempoMap.usPerQuarterAt(tick)}};
    model::TimeSignature meter = model::TimeSignature{};
    for (const model::TimeSignature& m : plan().timeSignatures)
        if (m.tick <= tick) meter = m;
    meter.tick = 0;
    clicks.timeSignatures = {meter};
    engine::PlaybackOptions options;
    options.metronome = true;
    options.minimumTicks = countIn;
    transport()->stop();
    transport()->setLoop(false, 0, 0);
    transport()->setSequence(engine::PlaybackSequence::build(clicks, options));
    transport()->seek(0);
    transport()->play();
    clockUpdate();
    m_countIn->disconnect();
    connect(m_countIn, &QTimer::timeout, this, [this, tick] { beginRecording(tick); });
    m_countIn->start(
        static_cast<int>(std::lround(model::TempoMap(clicks).ticksToSeconds(countIn) * 1000)));
    return true;
}

void PlaybackController::beginRecording(std::optional<model::Tick> from)
{
    m_recorder = std::make_unique<engine::Recorder>(m_tempoMap);
    m_recorder->start();
    rebuildNow(); // the take again (after a count-in), long enough to record past its end
    if (from) seek(*from);
    play();
}

bool PlaybackController::isCountingIn() const
{
    return m_countIn->isActive();
}

bool PlaybackController::isRecording() const
{
    return m_recorder != nullptr || isCountingIn();
}

model::Track PlaybackController::stopRecording()
{
    if (isCountingIn()) { // stopped before anything was recorded: the take plays again
        m_countIn->stop();
        stop();
        rebuildNow();
        applyLoop();
        return {};
    }
    if (!m_recorder) return {};
    const model::Track recorded = m_recorder->stop(positionSeconds());
    m_recorder.reset();
    rebuildNow();
    return recorded;
}

void PlaybackController::startStepInput(model::Tick cursorTick, model::Tick gridTicks)
{
    m_step = std::make_unique<engine::StepInput>(cursorTick, gridTicks);
}

void PlaybackController::stopStepInput()
{
    m_step.reset();
}

std::optional<PlaybackController::Step>
PlaybackController::input(const engine::MidiMessage& message, int channel, model::Tick gridTicks)
{
    PIANOLA_ASSERT_CONTROL_THREAD();
    std::uint8_t bytes[3] = {message.bytes[0], message.bytes[1], message.bytes[2]};
    bytes[0] =
        static_cast<std::uint8_t>((bytes[0] & 0xF0) | channel); // play the current track's sound
    if (QSettings().value("midi/playThrough", true).toBool() && transport())
        transport()->live(bytes[0], bytes[1], bytes[2], message.size);
    if (m_recorder && m_recorder->recording() && transport()) {
        // The transport position when the message arrived (it is read a few ms later).
        const double late =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - message.time).count();
        m_recorder->receive(std::max(0.0, positionSeconds() - late), bytes, message.size);
    }
    if (!m_step || (transport() && transport()->isPlaying())) return std::nullopt;
    m_step->setGridTicks(gridTicks);
    Step step;
    step.note = m_step->receive(bytes, message.size);
    step.cursorTick = m_step->cursorTick();
    return step;
}

void PlaybackController::poll()
{
    clockUpdate();
    engine::Transport* t = transport();
    const double seconds = t ? t->positionSeconds() : 0.0;
    const bool playing = t && t->isPlaying();
    if (t) t->collectGarbage();
    emit playheadPolled(seconds, m_tempoMap.secondsToTicks(seconds), playing);
}

} // namespace pianola::app
