// SPDX-License-Identifier: MIT
// The real-time player. Everything here is [rt]: no allocation, locks, logging or exceptions.
#include "engine/playback/Sequencer.h"

#include <algorithm>
#include <limits>

namespace pianola::engine {

namespace {
constexpr double kMinLoopSeconds = 0.005;

} // namespace

Sequencer::Sequencer() : m_chase(std::make_unique<ChaseState>()) {}
Sequencer::~Sequencer() = default;

void Sequencer::send(double offset, std::uint8_t status, std::uint8_t d1, std::uint8_t d2, int size,
                     MidiSink& sink)
{
    const int ch = status & 0x0F;
    const int kind = status & 0xF0;
    m_channelsUsed |= static_cast<std::uint16_t>(1u << ch);
    std::uint8_t& count = m_sounding[ch][d1 & 0x7F];
    if (kind == 0x90 && d2 > 0) {
        if (count == 255) return; // absurd stacking: never let the count wrap
        ++count;
    } else if (kind == 0x80 || kind == 0x90) {
        if (count == 0) return; // nothing sounds: no note-off needed (and none can hang)
        --count;
    }
    const std::uint8_t msg[3] = {status, d1, d2};
    sink.send(offset, msg, size);
}

void Sequencer::releaseAll(double offset, MidiSink& sink)
{
    for (int ch = 0; ch < 16; ++ch) {
        if (!(m_channelsUsed & (1u << ch))) continue;
        for (int key = 0; key < 128; ++key)
            while (m_sounding[ch][key] > 0)
                send(offset, static_cast<std::uint8_t>(0x80 | ch), static_cast<std::uint8_t>(key),
                     0, 3, sink);
        const std::uint8_t status = static_cast<std::uint8_t>(0xB0 | ch);
        const std::uint8_t sustainOff[3] = {status, 64, 0};
        const std::uint8_t allNotesOff[3] = {status, 123, 0};
        sink.send(offset, sustainOff, 3);
        sink.send(offset, allNotesOff, 3);
    }
    for (auto& a : m_auditions)
        a.channel = -1;
}

void Sequencer::chase(double at, double offset, MidiSink& sink)
{
    if (!m_seq) return;
    // From the last checkpoint before `at`: at most kCheckpointEvents events to scan.
    ChaseState& s = *m_chase;
    const auto& events = m_seq->events();
    const std::size_t end = m_seq->firstAtOrAfter(at);
    std::size_t i = 0;
    if (m_seq->checkpointCount() > 0) {
        const std::size_t c =
            std::min(end / PlaybackSequence::kCheckpointEvents, m_seq->checkpointCount() - 1);
        s = m_seq->checkpoint(c); // a copy into preallocated storage
        i = c * PlaybackSequence::kCheckpointEvents;
    } else {
        s.reset();
    }
    for (; i < end; ++i)
        s.apply(events[i]);
    // A note ending exactly at `at` is over: it must not be started again.
    for (std::size_t k = end; k < events.size() && m_seq->seconds(events[k]) <= at; ++k) {
        const PlaybackEvent& e = events[k];
        const bool off = (e.status & 0xF0) == 0x80 || ((e.status & 0xF0) == 0x90 && e.data2 == 0);
        std::uint8_t& held = s.held[e.status & 0x0F][e.data1 & 0x7F];
        if (off && held > 0) --held;
    }
    for (int ch = 0; ch < 16; ++ch) {
        const auto status = [ch](int kind) { return static_cast<std::uint8_t>(kind | ch); };
        for (int c : {0, 32}) // bank select before the program
            if (s.cc[ch][c] >= 0)
                send(offset, status(0xB0), static_cast<std::uint8_t>(c),
                     static_cast<std::uint8_t>(s.cc[ch][c]), 3, sink);
        if (s.program[ch] >= 0)
            send(offset, status(0xC0), static_cast<std::uint8_t>(s.program[ch]), 0, 2, sink);
        for (int c = 1; c < 128; ++c)
            if (c != 32 && s.cc[ch][c] >= 0)
                send(offset, status(0xB0), static_cast<std::uint8_t>(c),
                     static_cast<std::uint8_t>(s.cc[ch][c]), 3, sink);
        if (s.pitchBend[ch] >= 0)
            send(offset, status(0xE0), static_cast<std::uint8_t>(s.pitchBend[ch] & 0x7F),
                 static_cast<std::uint8_t>(s.pitchBend[ch] >> 7), 3, sink);
        if (s.pressure[ch] >= 0)
            send(offset, status(0xD0), static_cast<std::uint8_t>(s.pressure[ch]), 0, 2, sink);
        for (int key = 0; key < 128; ++key) // notes that began before and still sound
            for (int n = 0; n < s.held[ch][key]; ++n)
                send(offset, status(0x90), static_cast<std::uint8_t>(key), s.velocity[ch][key], 3,
                     sink);
    }
}

void Sequencer::moveTo(double seconds)
{
    m_position = std::max(0.0, seconds);
    m_next = m_seq ? m_seq->firstAtOrAfter(m_position) : 0;
}

void Sequencer::setSequence(const PlaybackSequence* seq, MidiSink& sink)
{
    if (m_playing) releaseAll(0, sink);
    m_seq = seq;
    moveTo(m_position);
    if (m_playing) chase(m_position, 0, sink);
}

void Sequencer::play(MidiSink& sink)
{
    if (m_playing || !m_seq) return;
    if (m_finished || (!looping() && m_position >= m_seq->lengthSeconds()))
        moveTo(looping() ? m_loopStart : 0);
    m_finished = false;
    chase(m_position, 0, sink);
    m_playing = true;
}

void Sequencer::pause(MidiSink& sink)
{
    if (!m_playing) return;
    releaseAll(0, sink);
    m_playing = false;
}

void Sequencer::stop(MidiSink& sink)
{
    releaseAll(0, sink);
    m_playing = false;
    m_finished = false;
    moveTo(looping() ? m_loopStart : 0);
}

void Sequencer::seek(double seconds, MidiSink& sink)
{
    if (m_playing) releaseAll(0, sink);
    moveTo(seconds);
    if (m_playing) chase(m_position, 0, sink);
}

void Sequencer::setLoop(bool enabled, double startSeconds, double endSeconds)
{
    m_loopEnabled = enabled;
    m_loopStart = std::max(0.0, startSeconds);
    m_loopEnd = endSeconds;
}

void Sequencer::panic(MidiSink& sink)
{
    m_channelsUsed = 0xFFFF;
    releaseAll(0, sink);
    for (int ch = 0; ch < 16; ++ch) {
        const std::uint8_t allSoundOff[3] = {static_cast<std::uint8_t>(0xB0 | ch), 120, 0};
        sink.send(0, allSoundOff, 3);
    }
}

void Sequencer::audition(int channel, int key, int velocity, double durationSeconds, MidiSink& sink)
{
    channel = std::clamp(channel, 0, 15);
    key = std::clamp(key, 0, 127);
    for (auto& a : m_auditions) {
        if (a.channel >= 0) continue;
        send(0, static_cast<std::uint8_t>(0x90 | channel), static_cast<std::uint8_t>(key),
             static_cast<std::uint8_t>(std::clamp(velocity, 1, 127)), 3, sink);
        a = {static_cast<std::int8_t>(channel), static_cast<std::uint8_t>(key), durationSeconds};
        return;
    }
    // All audition slots busy (16 notes): ignore the click rather than risk a stuck note.
}

void Sequencer::live(std::uint8_t status, std::uint8_t data1, std::uint8_t data2, int size,
                     MidiSink& sink)
{
    send(0, status, data1, data2, size, sink);
}

void Sequencer::advanceAuditions(double seconds, MidiSink& sink)
{
    for (auto& a : m_auditions) {
        if (a.channel < 0) continue;
        if (a.remaining <= seconds) {
            send(std::max(0.0, a.remaining), static_cast<std::uint8_t>(0x80 | a.channel), a.key, 0,
                 3, sink);
            a.channel = -1;
        } else {
            a.remaining -= seconds;
        }
    }
}

void Sequencer::runUntil(double endSeconds, double spanOffset, MidiSink& sink)
{
    if (!m_seq) return;
    const auto& events = m_seq->events();
    while (m_next < events.size()) {
        const PlaybackEvent& e = events[m_next];
        const double at = m_seq->seconds(e);
        if (at >= endSeconds) break;
        ++m_next;
        send(spanOffset + (at - m_position), e.status, e.data1, e.data2, e.size, sink);
    }
}

double Sequencer::secondsUntilNextEvent() const
{
    double next = std::numeric_limits<double>::infinity();
    for (const auto& a : m_auditions)
        if (a.channel >= 0) next = std::min(next, a.remaining);
    if (!m_playing || !m_seq) return std::max(0.0, next);
    const auto& events = m_seq->events();
    double due = std::numeric_limits<double>::infinity();
    if (m_next < events.size())
        due = m_seq->seconds(events[m_next]);
    else if (!looping())
        due = m_seq->lengthSeconds(); // advance() finishes there
    if (looping() && m_loopEnd - m_loopStart >= kMinLoopSeconds && m_position < m_loopEnd)
        due = std::min(due, m_loopEnd);
    return std::max(0.0, std::min(next, due - m_position));
}

void Sequencer::advance(double seconds, MidiSink& sink)
{
    advanceAuditions(seconds, sink);
    if (!m_playing || !m_seq) return;
    double offset = 0;
    while (seconds > 0) {
        const double end = m_position + seconds;
        if (looping() && m_loopEnd - m_loopStart >= kMinLoopSeconds && m_position < m_loopEnd &&
            end >= m_loopEnd) {
            runUntil(m_loopEnd, offset, sink);
            const double used = m_loopEnd - m_position;
            offset += used;
            seconds -= used;
            releaseAll(offset, sink);
            moveTo(m_loopStart);
            chase(m_loopStart, offset, sink);
            continue;
        }
        runUntil(end, offset, sink);
        m_position = end;
        seconds = 0;
    }
    if (!looping() && m_position >= m_seq->lengthSeconds() && m_next >= m_seq->events().size()) {
        releaseAll(offset, sink);
        m_playing = false;
        m_finished = true;
    }
}

} // namespace pianola::engine
