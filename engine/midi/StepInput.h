// SPDX-License-Identifier: MIT
// Step entry from a MIDI keyboard: each key writes a grid-long note at a cursor.
#pragma once

#include "engine/midi/MidiMessage.h"
#include "model/Plan.h"

#include <array>
#include <cstdint>
#include <optional>

namespace pianola::engine {

/// Step input: a cursor tick and a grid length. Every note-on writes a note one grid long at
/// the cursor; keys pressed while others are still held form a chord at the same cursor; when
/// the last key of a chord is released the cursor moves on by one grid. A note-on with
/// velocity 0 is a note-off. Pure; control thread only.
class StepInput
{
public:
    StepInput(model::Tick cursorTick, model::Tick gridTicks);

    /// Feeds one message; returns the note it wrote (id 0: the caller's edit assigns one).
    /// A key pressed twice within one chord writes once.
    std::optional<model::Note> receive(const std::uint8_t* bytes, int size);
    std::optional<model::Note> receive(const MidiMessage& message)
    {
        return receive(message.bytes.data(), message.size);
    }

    model::Tick cursorTick() const { return m_cursorTick; }
    model::Tick gridTicks() const { return m_gridTicks; }
    void setCursorTick(model::Tick tick);
    void setGridTicks(model::Tick ticks);
    /// Moves the cursor one grid on without writing (a rest).
    void rest();
    /// Keys held now (all channels).
    int heldKeys() const { return m_heldCount; }

private:
    model::Tick m_cursorTick;
    model::Tick m_gridTicks;
    std::array<std::uint8_t, 16 * 128> m_held{}; ///< presses per channel and key
    std::array<bool, 128> m_writtenInChord{};    ///< keys already written at the cursor
    int m_heldCount = 0;
    bool m_chordWritten = false;
};

} // namespace pianola::engine
