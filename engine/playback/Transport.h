// SPDX-License-Identifier: MIT
// The GUI's handle on a player thread: commands over an SPSC queue, the playhead as atomics.
#pragma once

#include "engine/playback/PlaybackSequence.h"
#include "engine/playback/Sequencer.h"
#include "engine/playback/SpscQueue.h"
#include "engine/ThreadCheck.h"

#include <atomic>
#include <memory>

namespace pianola::engine {

/// Loads, on the control thread, what a sequence or a live message will need on the player
/// thread (a synth loads the instruments they select), so the player never loads anything.
class PlayerPreparer
{
public:
    virtual ~PlayerPreparer() = default;
    /// Before `sequence` is queued for the player.
    virtual void prepare(const PlaybackSequence& sequence) = 0;
    /// Before a live channel message is queued.
    virtual void prepareLive(std::uint8_t status, std::uint8_t data1, std::uint8_t data2) = 0;
};

/// Control side (one thread, normally the GUI) and player side (one real-time thread). The
/// control side never touches the Sequencer; the player side applies queued commands at the
/// start of each block with applyCommands(). Sequences travel as raw pointers through the queue
/// and come back through a second queue to be freed on the control thread (collectGarbage()).
/// When that queue is full, a sequence switch waits (with the commands after it) until the
/// control thread has collected: no sequence is ever dropped or freed on the player thread.
class Transport
{
public:
    Transport();
    ~Transport(); ///< call only after the player thread stopped calling applyCommands()
    Transport(const Transport&) = delete;
    Transport& operator=(const Transport&) = delete;

    // ---- control thread ---- (debug builds assert that one thread calls these)
    /// The player's preparer (not owned; null = none). Set before the player starts.
    void setPreparer(PlayerPreparer* preparer) { m_preparer = preparer; }
    /// Hands a new sequence to the player (switches at the current position while playing).
    bool setSequence(std::unique_ptr<PlaybackSequence> sequence);
    bool play();
    bool pause();
    bool stop();
    bool seek(double seconds);
    bool setLoop(bool enabled, double startSeconds, double endSeconds);
    bool panic();
    bool audition(int channel, int key, int velocity, double durationSeconds);
    /// A channel message to send at once (MIDI input play-through). Note-ons are tracked like
    /// the sequence's, so stop, pause, seek and panic end them too. `size` 2 or 3.
    bool live(std::uint8_t status, std::uint8_t data1, std::uint8_t data2, int size = 3);
    /// Frees sequences the player no longer uses.
    void collectGarbage();

    /// The playhead in seconds and the play state, as of the last block. Lock-free.
    double positionSeconds() const { return m_position.load(std::memory_order_relaxed); }
    bool isPlaying() const { return m_playing.load(std::memory_order_relaxed); }

    // ---- player thread [rt] ---- (its owner checks the thread: SynthCore, MidiOutput)
    /// Applies queued commands to `sequencer`, sending what they need to `sink`.
    void applyCommands(Sequencer& sequencer, MidiSink& sink);
    /// Publishes the playhead after a block.
    void publish(const Sequencer& sequencer);

private:
    struct Command
    {
        enum class Type : std::uint8_t {
            SetSequence,
            Play,
            Pause,
            Stop,
            Seek,
            Loop,
            Panic,
            Audition,
            Live
        };
        Type type = Type::Play;
        const PlaybackSequence* sequence = nullptr;
        double a = 0, b = 0;
        std::int16_t channel = 0, key = 0, velocity = 0;
        bool flag = false;
    };
    bool push(const Command& c);
    bool pushControl(const Command& c);

    SpscQueue<Command, 256> m_commands;
    SpscQueue<const PlaybackSequence*, 64> m_garbage;
    std::atomic<double> m_position{0.0};
    std::atomic<bool> m_playing{false};
    const PlaybackSequence* m_current = nullptr; ///< player side: the sequence in use
    PlayerPreparer* m_preparer = nullptr;
    ThreadChecker m_controlThread;
};

} // namespace pianola::engine
