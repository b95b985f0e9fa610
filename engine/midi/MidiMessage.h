// SPDX-License-Identifier: MIT
// A short MIDI message with the steady_clock time it arrived: what MidiInput hands over.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>

namespace pianola::engine {

/// A channel or system real-time message (1..3 bytes; sysex is not carried). Trivially
/// copyable, so it travels through an SpscQueue without allocation.
struct MidiMessage
{
    std::chrono::steady_clock::time_point time; ///< arrival, taken in RtMidi's input callback
    std::array<std::uint8_t, 3> bytes{};
    std::uint8_t size = 0;

    std::uint8_t status() const { return bytes[0]; }
    int channel() const { return bytes[0] & 0x0F; }
    /// The upper nibble: 0x80 note-off, 0x90 note-on, 0xB0 CC, 0xE0 pitch bend...
    int kind() const { return bytes[0] & 0xF0; }
    bool isNoteOn() const { return kind() == 0x90 && bytes[2] > 0; }
    bool isNoteOff() const { return kind() == 0x80 || (kind() == 0x90 && bytes[2] == 0); }
};

} // namespace pianola::engine
