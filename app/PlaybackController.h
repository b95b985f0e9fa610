// SPDX-License-Identifier: MIT
// The sound of the open document: the synth or a hardware MIDI output, the playback sequence
// rebuilt on one coalescing timer, the playhead, the loop, recording and step input.
#pragma once

#include "engine/midi/MidiMessage.h"
#include "model/Plan.h"
#include "model/TempoMap.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <QObject>
#include <QString>

class QTimer;

namespace pianola::engine {
class Recorder;
class StepInput;
class Transport;
} // namespace pianola::engine

namespace pianola::app {

class AudioEngine;
class ClockTransport;
class Document;
class MidiSession;
class SequenceBuilder;

/// Plays the document's active take. All rebuilds of the playback sequence go through one
/// 30 ms single-shot timer (scheduleRebuild), or happen at once (rebuildNow, which also cancels
/// a scheduled one). GUI thread only.
class PlaybackController : public QObject
{
    Q_OBJECT
public:
    struct Start
    {
        bool hasSound = false;
        QString audioProblem; ///< why the synth is silent, in words
        QString midiProblem;  ///< which MIDI port could not be opened (empty = all is well)
    };
    /// What step input made of a message (while it is on and the transport stands still).
    struct Step
    {
        std::optional<model::Note> note; ///< the note written (id 0), if any
        model::Tick cursorTick = 0;      ///< where the next one goes
    };

    explicit PlaybackController(const Document* document, QObject* parent = nullptr);
    ~PlaybackController() override; ///< the synth stops first, then the MIDI ports end their notes

    /// Starts the synth (unless it runs), (re)opens the MIDI ports from the settings, sends the
    /// plan and polls the playhead (about 30 Hz).
    Start startSound();
    /// Drops the synth (its settings changed): the next startSound() starts a new one.
    void dropSynth();
    /// The transport that plays: the hardware MIDI output if one is chosen, else the synth on
    /// its audio device, else a silent one on a clock of its own (never null).
    engine::Transport* transport() const;
    /// True when no device plays: the transport runs on its own clock.
    bool onClock() const;
    /// The transport's position now (the clock's is brought up to date first), in seconds.
    double positionSeconds();
    /// Whether the transport plays now.
    bool isPlaying();
    /// What is heard now: nothing (stopped), the take (the synth or the MIDI output plays it),
    /// or nothing although the transport runs (the silent clock: no device).
    enum class Heard { Stopped, Playing, Silent };
    Heard heard();
    MidiSession* midi() const { return m_midi; }
    /// The active take's tempo map (ticks <-> seconds).
    const model::TempoMap& tempoMap() const { return m_tempoMap; }
    /// Reads the tempo map again (another take, or its tempo changed).
    void refreshTempoMap();

    /// A rebuild of the sequence in 30 ms; a burst of edits makes one.
    void scheduleRebuild();
    /// Rebuilds the sequence now (A/B switching, record start): the other take plays at once.
    void rebuildNow();

    void play();
    void playPause();
    void stop();
    void panic();
    /// Stop, then note-offs for what sounds and all notes off on every channel.
    void stopSound();
    void seek(model::Tick tick);
    void audition(int channel, int key, int velocity);
    /// Clicks on every beat in what plays (not in the take, not in an export); rebuilds now.
    void setMetronome(bool on);
    bool metronome() const { return m_metronome; }
    /// The loop region; kept across rebuilds (in seconds through the tempo map of each).
    void setLoop(bool on, model::Tick startTick, model::Tick endTick);

    /// Bars of clicks before a recording starts (0, 1 or 2; QSettings "transport/countInBars").
    void setCountInBars(int bars) { m_countInBars = std::clamp(bars, 0, 2); }
    int countInBars() const { return m_countInBars; }
    /// The count-in before a recording from `tick`, in ticks of the meter there.
    model::Tick countInTicks(model::Tick tick) const;
    /// Starts recording (and playback) from `tick`, after the count-in: false without a transport.
    bool startRecording(model::Tick tick);
    /// True from startRecording() to stopRecording(), count-in included.
    bool isRecording() const;
    /// True while the count-in clicks and nothing is recorded yet.
    bool isCountingIn() const;
    /// Ends the recording at the playhead; what was played (Recorder::stop()).
    model::Track stopRecording();
    void startStepInput(model::Tick cursorTick, model::Tick gridTicks);
    void stopStepInput();

    /// A message from the MIDI input, on `channel` (the current track's): played through (if
    /// "midi/playThrough"), recorded while recording, and step-entered on a `gridTicks` grid
    /// while step input is on and the transport stands still.
    std::optional<Step> input(const engine::MidiMessage& message, int channel,
                              model::Tick gridTicks);

signals:
    /// About 30 times a second: the transport's position, its tick and whether it plays.
    void playheadPolled(double seconds, double tick, bool playing);
    /// A message arrived from the MIDI input (forwarded from MidiSession).
    void midiReceived(const pianola::engine::MidiMessage& message);

private:
    const model::Plan& plan() const;
    void applyLoop();
    void poll();
    void clockUpdate();
    void beginRecording(std::optional<model::Tick> from);

    const Document* m_document;
    std::unique_ptr<AudioEngine> m_audio;
    MidiSession* m_midi;
    SequenceBuilder* m_sequences;
    ClockTransport* m_clock;
    QTimer* m_rebuild;
    QTimer* m_poll;
    model::TempoMap m_tempoMap;
    std::unique_ptr<engine::Recorder> m_recorder;
    std::unique_ptr<engine::StepInput> m_step;
    bool m_metronome = false;
    int m_countInBars = 0;
    QTimer* m_countIn;
    bool m_loopOn = false;
    model::Tick m_loopStart = 0, m_loopEnd = 0;
};

} // namespace pianola::app
