// SPDX-License-Identifier: MIT
// MIDI beat clock derived from the player's steps.
#include "engine/midi/MidiClock.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pianola::engine {

namespace {
constexpr int kClocksPerQuarter = 24;
constexpr int kClocksPerSixteenth = 6;
constexpr int kMaxSongPosition = 0x3FFF;
constexpr double kJumpSeconds = 1e-6;     // more than float noise, less than any real seek
constexpr double kCatchUpSeconds = 0.005; // how late a resumed sixteenth may still be sent
constexpr std::uint8_t kClock = 0xF8, kStart = 0xFA, kContinue = 0xFB, kStop = 0xFC;

void sendByte(std::uint8_t byte, MidiSink& sink)
{
    sink.send(0, &byte, 1);
}
} // namespace

double MidiClock::clockSeconds(const model::TempoMap& map, std::int64_t index)
{
    // Clock `index` sits at index * ppq / 24 ticks: a whole tick plus a fraction inside its
    // tempo segment.
    const std::int64_t scaled = index * map.ppq();
    const model::Tick whole = scaled / kClocksPerQuarter;
    const double fraction = static_cast<double>(scaled % kClocksPerQuarter) / kClocksPerQuarter;
    return map.ticksToSeconds(whole) + fraction * map.usPerQuarterAt(whole) * 1e-6 / map.ppq();
}

std::int64_t MidiClock::clockIndexAt(const model::TempoMap& map, double seconds)
{
    const double clocks =
        map.secondsToTicks(std::max(0.0, seconds)) * kClocksPerQuarter / map.ppq();
    auto index = static_cast<std::int64_t>(std::ceil(clocks - 1e-6));
    while (index > 0 && clockSeconds(map, index - 1) >= seconds)
        --index; // tempo rounding either way: the first clock not before `seconds`
    while (clockSeconds(map, index) < seconds)
        ++index;
    return index;
}

std::int64_t MidiClock::resumeClock(const model::TempoMap& map, double seconds)
{
    const std::int64_t first = clockIndexAt(map, seconds - kCatchUpSeconds);
    return (first + kClocksPerSixteenth - 1) / kClocksPerSixteenth * kClocksPerSixteenth;
}

void MidiClock::sendTicksBefore(const model::TempoMap& map, double seconds, MidiSink& sink)
{
    for (; clockSeconds(map, m_next) < seconds; ++m_next)
        sendByte(kClock, sink);
}

void MidiClock::sendSongPosition(const model::TempoMap& map, double seconds, MidiSink& sink)
{
    m_map = &map;
    m_next = resumeClock(map, seconds);
    const auto beats =
        static_cast<int>(std::min<std::int64_t>(m_next / kClocksPerSixteenth, kMaxSongPosition));
    const std::uint8_t message[3] = {0xF2, static_cast<std::uint8_t>(beats & 0x7F),
                                     static_cast<std::uint8_t>(beats >> 7)};
    sink.send(0, message, 3);
}

void MidiClock::follow(const model::TempoMap& map, State before, double elapsedSeconds, State after,
                       MidiSink& sink)
{
    if (m_running && m_map != &map) { // another sequence: count on its tempo map from here
        m_map = &map;
        m_next = clockIndexAt(map, before.position);
    }
    const double expected = before.position + (before.playing ? elapsedSeconds : 0.0);
    const bool jumped = std::abs(after.position - expected) > kJumpSeconds;
    if (before.playing && m_running && !jumped) {
        sendTicksBefore(map, after.playing ? after.position : after.position + kJumpSeconds, sink);
        if (after.playing) return;
    }
    if (before.playing && m_running) sendByte(kStop, sink);
    m_running = after.playing;
    if (!after.playing) {
        if (jumped) sendSongPosition(map, after.position, sink);
        return;
    }
    if (resumeClock(map, after.position) == 0) {
        m_map = &map;
        m_next = 0;
        sendByte(kStart, sink);
    } else {
        sendSongPosition(map, after.position, sink);
        sendByte(kContinue, sink);
    }
}

double MidiClock::secondsUntilNextTick(const model::TempoMap& map, double position) const
{
    if (!m_running || m_map != &map) return std::numeric_limits<double>::infinity();
    return std::max(0.0, clockSeconds(map, m_next) - position);
}

} // namespace pianola::engine
