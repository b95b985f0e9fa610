// SPDX-License-Identifier: MIT
// Step entry from a MIDI keyboard.
#include "engine/midi/StepInput.h"

#include <algorithm>

namespace pianola::engine {

StepInput::StepInput(model::Tick cursorTick, model::Tick gridTicks)
    : m_cursorTick(std::max<model::Tick>(0, cursorTick)),
      m_gridTicks(std::max<model::Tick>(1, gridTicks))
{}

void StepInput::setCursorTick(model::Tick tick)
{
    m_cursorTick = std::max<model::Tick>(0, tick);
    m_writtenInChord.fill(false);
    m_chordWritten = false;
}

void StepInput::setGridTicks(model::Tick ticks)
{
    m_gridTicks = std::max<model::Tick>(1, ticks);
}

void StepInput::rest()
{
    setCursorTick(m_cursorTick + m_gridTicks);
}

std::optional<model::Note> StepInput::receive(const std::uint8_t* bytes, int size)
{
    if (size < 3 || (bytes[0] & 0xE0) != 0x80) return std::nullopt; // only note-on and note-off
    const int key = bytes[1] & 0x7F;
    std::uint8_t& held = m_held[static_cast<std::size_t>((bytes[0] & 0x0F) * 128 + key)];
    const bool on = (bytes[0] & 0xF0) == 0x90 && bytes[2] > 0;
    if (!on) {
        if (held == 0) return std::nullopt; // pressed before we listened
        --held;
        if (--m_heldCount == 0 && m_chordWritten) rest(); // the chord is complete: next step
        return std::nullopt;
    }
    if (held == 255) return std::nullopt;
    ++held;
    ++m_heldCount;
    if (m_writtenInChord[static_cast<std::size_t>(key)]) return std::nullopt;
    m_writtenInChord[static_cast<std::size_t>(key)] = true;
    m_chordWritten = true;
    model::Note note;
    note.startTick = m_cursorTick;
    note.lengthTicks = m_gridTicks;
    note.key = static_cast<std::uint8_t>(key);
    note.velocity = static_cast<std::uint8_t>(bytes[2] & 0x7F);
    return note;
}

} // namespace pianola::engine
