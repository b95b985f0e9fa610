// SPDX-License-Identifier: MIT
// The MIDI ports of the system, on every API RtMidi was built with (ALSA, JACK on Linux).
#pragma once

#include "model/Result.h"

#include <string>
#include <vector>

namespace pianola::engine {

struct MidiPort
{
    std::string api; ///< RtMidi's API name: "alsa", "jack" (what MidiOutputOptions::api takes)
    std::string apiDisplayName; ///< "ALSA", "Jack"
    bool output = true;         ///< a port we can send to; false: one we can receive from
    unsigned index = 0;         ///< RtMidi's port number at the time of listing
    std::string name;           ///< what MidiOutputOptions::port / MidiInputOptions::port match
};

struct MidiPortListing
{
    std::vector<MidiPort> ports;       ///< per API: outputs, then inputs
    std::vector<std::string> problems; ///< one line per API that could not be asked
};

/// RtMidi's names of the APIs compiled in, in RtMidi's order of preference.
std::vector<std::string> compiledMidiApis();

/// The output and input ports on one API ("alsa", "jack"). An error when the API cannot be
/// used (no ALSA sequencer device, no JACK server). Control thread; may take a few ms.
Result<std::vector<MidiPort>> listMidiPorts(const std::string& api);

/// The ports on every compiled API; the APIs that failed are reported in `problems`.
MidiPortListing listAllMidiPorts();

} // namespace pianola::engine
