// SPDX-License-Identifier: MIT
// The transport when no audio device and no MIDI output is open: a silent player on a clock
// of its own, so play, the playhead and the loop work without a sound card.
#pragma once

#include "engine/playback/Sequencer.h"
#include "engine/playback/Transport.h"

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace pianola::app {

/// Plays a Transport's sequence against a QElapsedTimer instead of an audio callback: update()
/// moves the player on by the time elapsed since the last update, then applies the commands
/// queued since. It runs on the GUI thread (it sends nothing anywhere, so nothing real-time
/// happens); a 10 ms timer updates it while it plays. GUI thread only.
class ClockTransport : public QObject
{
    Q_OBJECT
public:
    explicit ClockTransport(QObject* parent = nullptr);
    ~ClockTransport() override;

    engine::Transport& transport() { return m_transport; }
    /// Advances by the elapsed time, applies queued commands and publishes the position. The
    /// controller calls it after every command, so a command takes effect at once.
    void update();

private:
    /// The player's messages go nowhere: there is no device.
    struct Silence : engine::MidiSink
    {
        void send(double, const std::uint8_t*, int) override {}
    };

    engine::Transport m_transport;
    engine::Sequencer m_sequencer;
    Silence m_silence;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    QTimer* m_timer;
};

} // namespace pianola::app
