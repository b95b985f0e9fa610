// SPDX-License-Identifier: MIT
// Receiving MIDI through the RtMidi adapter into a lock-free queue.
#include "engine/midi/MidiInput.h"

#include "engine/midi/RtMidiAdapter.h"
#include "engine/ThreadCheck.h"

namespace pianola::engine {

struct MidiInput::Port
{
    rtmidi::OpenPort<RtMidiIn> open;
};

MidiInput::MidiInput() = default;

Result<std::unique_ptr<MidiInput>> MidiInput::open(const MidiInputOptions& options)
{
    std::unique_ptr<MidiInput> input(new MidiInput);
    MidiInput* self = input.get();
    auto port = rtmidi::open<RtMidiIn>(
        {options.api, options.port, options.virtualPort, options.clientName, options.ownPortName},
        [self, &options](RtMidiIn& in) {
            in.ignoreTypes(true, !options.receiveClock, true);
            in.setCallback(&MidiInput::onMessage, self);
        });
    if (!port) return port.error();
    input->m_port = std::make_unique<Port>(Port{std::move(*port)});
    return input;
}

MidiInput::~MidiInput()
{
    // Not cancelCallback(): RtMidi's JACK input may read the callback while it is cleared.
    // Destroying the RtMidiIn closes the client, which waits for a running callback to return.
    if (m_port) rtmidi::close(m_port->open);
}

void MidiInput::onMessage(double, std::vector<unsigned char>* bytes, void* self)
{
    PIANOLA_ASSERT_NOT_CONTROL_THREAD(); // RtMidi's input thread: the GUI drains the queue
    auto* input = static_cast<MidiInput*>(self);
    MidiMessage message;
    message.time = std::chrono::steady_clock::now();
    if (!bytes || bytes->empty() || bytes->size() > message.bytes.size()) {
        input->m_dropped.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    message.size = static_cast<std::uint8_t>(bytes->size());
    for (std::size_t i = 0; i < bytes->size(); ++i)
        message.bytes[i] = (*bytes)[i];
    if (!input->m_queue.push(message)) input->m_dropped.fetch_add(1, std::memory_order_relaxed);
}

std::size_t MidiInput::drain(std::vector<MidiMessage>& out)
{
    std::size_t count = 0;
    for (MidiMessage message; pop(message); ++count)
        out.push_back(message);
    return count;
}

bool MidiInput::pop(MidiMessage& message)
{
    auto next = m_queue.pop();
    if (!next) return false;
    message = *next;
    return true;
}

std::string MidiInput::apiName() const
{
    return m_port->open.api;
}

std::string MidiInput::portName() const
{
    return m_port->open.name;
}

std::vector<std::string> MidiInput::takeErrors()
{
    return m_port->open.log->take();
}

} // namespace pianola::engine
