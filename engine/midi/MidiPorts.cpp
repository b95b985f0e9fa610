// SPDX-License-Identifier: MIT
// Listing MIDI ports through the RtMidi adapter.
#include "engine/midi/MidiPorts.h"

#include "engine/midi/RtMidiAdapter.h"

namespace pianola::engine {

namespace {
constexpr const char* kListingClient = "Pianola (ports)";

template <typename Midi>
Result<void> appendPorts(RtMidi::Api api, bool output, std::vector<MidiPort>& out)
{
    rtmidi::ErrorLog log;
    auto midi = rtmidi::create<Midi>(api, kListingClient, log);
    if (!midi) return midi.error();
    auto names = rtmidi::portNames(**midi, log);
    rtmidi::destroy(*midi);
    if (!names)
        return makeError(Error::Code::IoError,
                         RtMidi::getApiName(api) + ": " + names.error().message);
    if (names->empty() && !log.lastMessage().empty()) // e.g. "JACK server not running?"
        return makeError(Error::Code::IoError, RtMidi::getApiName(api) + ": " + log.lastMessage());
    for (unsigned i = 0; i < names->size(); ++i)
        out.push_back(
            {RtMidi::getApiName(api), RtMidi::getApiDisplayName(api), output, i, (*names)[i]});
    return {};
}
} // namespace

std::vector<std::string> compiledMidiApis()
{
    std::vector<RtMidi::Api> apis;
    RtMidi::getCompiledApi(apis);
    std::vector<std::string> names;
    for (RtMidi::Api api : apis)
        names.push_back(RtMidi::getApiName(api));
    return names;
}

Result<std::vector<MidiPort>> listMidiPorts(const std::string& api)
{
    auto apis = rtmidi::apisFor(api);
    if (!apis) return apis.error();
    std::vector<MidiPort> ports;
    for (RtMidi::Api one : *apis) {
        if (auto outputs = appendPorts<RtMidiOut>(one, true, ports); !outputs)
            return outputs.error(); // the API is unusable: do not ask it twice
        if (auto inputs = appendPorts<RtMidiIn>(one, false, ports); !inputs) return inputs.error();
    }
    return ports;
}

MidiPortListing listAllMidiPorts()
{
    MidiPortListing listing;
    for (const std::string& api : compiledMidiApis()) {
        auto ports = listMidiPorts(api);
        if (!ports) {
            listing.problems.push_back(ports.error().message);
            continue;
        }
        listing.ports.insert(listing.ports.end(), ports->begin(), ports->end());
    }
    return listing;
}

} // namespace pianola::engine
