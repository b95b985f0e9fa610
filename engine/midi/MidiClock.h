// SPDX-License-Identifier: MIT
// MIDI beat clock that follows a player: 24 ticks per quarter note, Start/Stop/Continue, SPP.
#pragma once

#include "engine/playback/Sequencer.h"
#include "model/TempoMap.h"

#include <cstdint>

namespace pianola::engine {

/// Derives MIDI clock from what a Sequencer did, without touching it: the scheduler reports
/// every step and sleeps no longer than secondsUntilNextTick(). Single-threaded, no I/O.
/// - 0xF8 at every 1/24 quarter note along the tempo map while playing;
/// - playback starting at 0: 0xFA Start; elsewhere: Song Position Pointer, 0xFB Continue, and
///   the next 0xF8 comes exactly at that sixteenth (as the receiver expects); a position up to
///   5 ms past a sixteenth (a loop wrap that overshot) counts as on it, and its 0xF8 goes at once;
/// - 0xFC Stop when playback stops; a jump while playing (seek, loop wrap) sends Stop, SPP,
///   Continue; a jump while stopped sends SPP.
class MidiClock
{
public:
    struct State
    {
        double position = 0; ///< seconds
        bool playing = false;
    };

    /// Reports one step: the player was at `before`, `elapsedSeconds` passed (0 when the step
    /// applied commands), and it is at `after`. Sends what fell due in between to `sink`.
    void follow(const model::TempoMap& map, State before, double elapsedSeconds, State after,
                MidiSink& sink);
    /// Seconds from `position` until the next 0xF8 is due (0 if late); +infinity when stopped.
    double secondsUntilNextTick(const model::TempoMap& map, double position) const;

    /// The time of clock `index` (0 = tick 0), exact for any ppq.
    static double clockSeconds(const model::TempoMap& map, std::int64_t index);
    /// The first clock at or after `seconds`.
    static std::int64_t clockIndexAt(const model::TempoMap& map, double seconds);
    /// The clock where playing resumes from `seconds`: the first sixteenth (6 clocks) not more
    /// than 5 ms before it. Its Song Position Pointer is the result / 6.
    static std::int64_t resumeClock(const model::TempoMap& map, double seconds);

private:
    void sendTicksBefore(const model::TempoMap& map, double seconds, MidiSink& sink);
    void sendSongPosition(const model::TempoMap& map, double seconds, MidiSink& sink);

    const model::TempoMap* m_map = nullptr; ///< the map m_next counts on
    std::int64_t m_next = 0;                ///< index of the next 0xF8
    bool m_running = false;
};

} // namespace pianola::engine
