// SPDX-License-Identifier: MIT
// Recording live MIDI into a track.
#include "engine/midi/Recorder.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace pianola::engine {

Recorder::Recorder(model::TempoMap tempoMap) : m_tempoMap(std::move(tempoMap)) {}

void Recorder::start()
{
    m_recording = true;
    m_held.clear();
    m_track = model::Track{};
    m_channelKnown = false;
}

model::Tick Recorder::tickAt(double seconds) const
{
    const double ticks = m_tempoMap.secondsToTicks(std::max(0.0, seconds));
    return std::clamp<model::Tick>(std::llround(ticks), 0, model::Limits::kMaxTick - 1);
}

void Recorder::noteOn(int channel, int key, int velocity, model::Tick tick)
{
    m_held.push_back({channel, key, tick, static_cast<std::uint8_t>(velocity)});
}

void Recorder::noteOff(int channel, int key, int releaseVelocity, model::Tick tick)
{
    const auto it = std::find_if(m_held.begin(), m_held.end(), [&](const Held& h) {
        return h.channel == channel && h.key == key;
    });
    if (it == m_held.end()) return; // its note-on came before the take started
    model::Note note;
    note.startTick = it->startTick;
    note.lengthTicks =
        std::max<model::Tick>(1, tick - it->startTick); // a loop wrap can reverse time
    note.key = static_cast<std::uint8_t>(key);
    note.velocity = it->velocity;
    note.releaseVelocity = static_cast<std::uint8_t>(releaseVelocity);
    m_track.notes.push_back(note);
    m_held.erase(it);
}

void Recorder::receive(double positionSeconds, const std::uint8_t* bytes, int size)
{
    if (!m_recording || size < 2 || bytes[0] < 0x80 || bytes[0] >= 0xF0)
        return; // channel messages only
    const int channel = bytes[0] & 0x0F;
    const int kind = bytes[0] & 0xF0;
    const int d1 = bytes[1] & 0x7F;
    const int d2 = size > 2 ? bytes[2] & 0x7F : 0;
    if (!m_channelKnown) {
        m_track.channel = channel;
        m_channelKnown = true;
    }
    const model::Tick tick = tickAt(positionSeconds);
    switch (kind) {
    case 0x90:
        if (d2 > 0) {
            noteOn(channel, d1, d2, tick);
            break;
        }
        noteOff(channel, d1, 64, tick);
        break;
    case 0x80:
        noteOff(channel, d1, d2, tick);
        break;
    case 0xB0:
        m_track.controllers.push_back(
            {tick, static_cast<std::uint8_t>(d1), static_cast<std::uint8_t>(d2)});
        break;
    case 0xD0:
        m_track.channelPressure.push_back({tick, static_cast<std::uint8_t>(d1)});
        break;
    case 0xE0:
        if (size > 2)
            m_track.pitchBends.push_back(
                {tick, static_cast<std::int16_t>((d1 | (d2 << 7)) - 8192)});
        break;
    default:
        break;
    }
}

model::Track Recorder::stop(double positionSeconds)
{
    const model::Tick end = tickAt(positionSeconds);
    while (!m_held.empty())
        noteOff(m_held.front().channel, m_held.front().key, 64, end);
    m_recording = false;
    model::Track track = std::move(m_track);
    m_track = model::Track{};
    std::stable_sort(
        track.notes.begin(), track.notes.end(), [](const model::Note& a, const model::Note& b) {
            return a.startTick != b.startTick ? a.startTick < b.startTick : a.key < b.key;
        });
    for (std::size_t i = 0; i < track.notes.size(); ++i)
        track.notes[i].id = static_cast<model::NoteId>(i + 1);
    const auto byTick = [](const auto& a, const auto& b) { return a.tick < b.tick; };
    std::stable_sort(track.controllers.begin(), track.controllers.end(), byTick);
    std::stable_sort(track.pitchBends.begin(), track.pitchBends.end(), byTick);
    std::stable_sort(track.channelPressure.begin(), track.channelPressure.end(), byTick);
    return track;
}

} // namespace pianola::engine
