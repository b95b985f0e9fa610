// SPDX-License-Identifier: MIT
// The one adapter around RtMidi: every RtMidiError is caught here and becomes a Result.
#include "engine/midi/RtMidiAdapter.h"

#include "engine/SystemLogs.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>
#include <type_traits>
#include <utility>

namespace pianola::engine::rtmidi {

namespace {
constexpr std::size_t kMaxLoggedMessages = 64;
constexpr auto kJackSettle = std::chrono::milliseconds(50); // see close() and destroy()

bool isWarning(RtMidiError::Type type)
{
    return type == RtMidiError::WARNING || type == RtMidiError::DEBUG_WARNING;
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string knownApis()
{
    std::vector<RtMidi::Api> apis;
    RtMidi::getCompiledApi(apis);
    std::string names;
    for (RtMidi::Api api : apis)
        names += (names.empty() ? "" : ", ") + RtMidi::getApiName(api);
    return names;
}

Error apiError(const std::string& api, const std::string& message)
{
    return makeError(Error::Code::Unsupported, api + ": " + message);
}
} // namespace

void ErrorLog::callback(RtMidiError::Type type, const std::string& text, void* self)
{
    auto* log = static_cast<ErrorLog*>(self);
    std::lock_guard lock(log->m_mutex);
    if (log->m_messages.size() >= kMaxLoggedMessages)
        log->m_messages.erase(log->m_messages.begin());
    log->m_messages.push_back(text);
    if (isWarning(type)) {
        log->m_lastWarning = text;
    } else {
        log->m_lastError = text;
        log->m_failed = true;
    }
}

bool ErrorLog::failed() const
{
    std::lock_guard lock(m_mutex);
    return m_failed;
}

std::string ErrorLog::lastMessage() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError.empty() ? m_lastWarning : m_lastError;
}

std::vector<std::string> ErrorLog::take()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_messages, {});
}

Result<std::vector<RtMidi::Api>> apisFor(const std::string& api)
{
    std::vector<RtMidi::Api> apis;
    RtMidi::getCompiledApi(apis);
    if (api.empty()) return apis;
    const RtMidi::Api chosen = RtMidi::getCompiledApiByName(lower(api));
    if (chosen == RtMidi::UNSPECIFIED)
        return makeError(Error::Code::InvalidArgument,
                         "unknown MIDI API '" + api + "' (this build has: " + knownApis() + ")");
    return std::vector<RtMidi::Api>{chosen};
}

template <typename Midi>
Result<std::unique_ptr<Midi>> create(RtMidi::Api api, const std::string& clientName, ErrorLog& log)
{
    // A failing RtMidi constructor prints its message on std::cerr, then throws it: the caller
    // gets it from the exception, the print goes to "pianola.system" (off by default).
    static std::mutex cerrMutex;
    const std::lock_guard lock(cerrMutex);
    std::ostringstream printed;
    std::streambuf* const cerr = std::cerr.rdbuf(printed.rdbuf());
    const struct Restore
    {
        std::streambuf* buffer;
        const std::ostringstream& text;
        ~Restore()
        {
            std::cerr.rdbuf(buffer);
            if (!text.str().empty()) qCDebug(lcSystem, "RtMidi: %s", text.str().c_str());
        }
    } restore{cerr, printed};
    try {
        auto midi = std::make_unique<Midi>(api, clientName);
        midi->setErrorCallback(&ErrorLog::callback, &log);
        return midi;
    } catch (const RtMidiError& e) {
        return apiError(RtMidi::getApiName(api), e.getMessage());
    } catch (const std::exception& e) {
        return apiError(RtMidi::getApiName(api), e.what());
    }
}

Result<std::vector<std::string>> portNames(RtMidi& midi, ErrorLog& log)
{
    std::vector<std::string> names;
    try {
        const unsigned count = midi.getPortCount();
        for (unsigned i = 0; i < count && !log.failed(); ++i)
            names.push_back(midi.getPortName(i));
    } catch (const RtMidiError& e) {
        return makeError(Error::Code::IoError, e.getMessage());
    }
    if (log.failed()) return makeError(Error::Code::IoError, log.lastMessage());
    return names;
}

int findPort(const std::vector<std::string>& names, const std::string& needle)
{
    const std::string wanted = lower(needle);
    for (std::size_t i = 0; i < names.size(); ++i)
        if (lower(names[i]).find(wanted) != std::string::npos) return static_cast<int>(i);
    return -1;
}

namespace {
// The index of the requested port on `port`'s API (-1 for a virtual port); fills port.name.
template <typename Midi> Result<int> findRequested(OpenPort<Midi>& port, const PortRequest& request)
{
    if (request.virtualPort) return -1;
    auto names = portNames(*port.midi, *port.log);
    if (!names) return makeError(Error::Code::IoError, names.error().message);
    const int index = findPort(*names, request.port);
    if (index < 0) {
        const std::string why = port.log->lastMessage();
        return makeError(Error::Code::IoError,
                         (request.port.empty() ? std::string("no ports")
                                               : "no port matching '" + request.port + "'") +
                             (why.empty() ? "" : " (" + why + ")"));
    }
    port.name = (*names)[static_cast<std::size_t>(index)];
    return index;
}

// Opens the request on one API; the error is that API's reason.
template <typename Midi>
Result<OpenPort<Midi>> openOn(RtMidi::Api api, const PortRequest& request,
                              const std::function<void(Midi&)>& prepare)
{
    const std::string apiName = RtMidi::getApiName(api);
    OpenPort<Midi> port{std::make_unique<ErrorLog>(), nullptr, apiName, request.ourPortName};
    auto midi = create<Midi>(api, request.clientName, *port.log);
    if (!midi) return midi.error();
    port.midi = std::move(*midi);
    auto index = findRequested(port, request);
    if (!index) {
        destroy(port.midi);
        return apiError(apiName, index.error().message);
    }
    std::string failure;
    try {
        if (prepare) prepare(*port.midi);
        if (request.virtualPort)
            port.midi->openVirtualPort(request.ourPortName);
        else
            port.midi->openPort(static_cast<unsigned>(*index), request.ourPortName);
    } catch (const RtMidiError& e) {
        failure = e.getMessage();
    }
    if (failure.empty() && port.log->failed()) failure = port.log->lastMessage();
    if (failure.empty()) return port;
    close(port); // a JACK port may have been registered before the connection failed
    return apiError(apiName, failure);
}
} // namespace

template <typename Midi>
Result<OpenPort<Midi>> open(const PortRequest& request, const std::function<void(Midi&)>& prepare)
{
    auto apis = apisFor(request.api);
    if (!apis) return apis.error();
    std::string report;
    for (RtMidi::Api api : *apis) {
        auto port = openOn<Midi>(api, request, prepare);
        if (port) return port;
        report += "\n  " + port.error().message;
    }
    const std::string what = request.virtualPort
                                 ? "the virtual MIDI port '" + request.ourPortName + "'"
                             : request.port.empty() ? std::string("a MIDI port")
                                                    : "the MIDI port '" + request.port + "'";
    return makeError(Error::Code::IoError, "could not open " + what + ":" + report);
}

template <typename Midi> void destroy(std::unique_ptr<Midi>& midi)
{
    if (!midi) return;
    const bool jack = midi->getCurrentApi() == RtMidi::UNIX_JACK;
    midi.reset(); // RtMidi's destructors do not throw
    // libjack (jackd2 1.9.21) crashed now and then in one of its threads when another client of
    // this process unregistered a port right after this one closed: listMidiPorts() then
    // ~MidiInput, 200 times under a dummy jackd, crashed in 3 of 8 runs, and in 0 of 8 with this.
    if (jack) std::this_thread::sleep_for(kJackSettle);
}

template <typename Midi> void close(OpenPort<Midi>& port)
{
    if (!port.midi) return;
    // RtMidi 5's JACK closePort() posts a semaphore and waits for the process callback to answer,
    // but a callback that drained the ring buffer just before our last sendMessage() calls can
    // answer it too: closePort() then returns and unregisters the port with those messages (the
    // note-offs and All Notes Off of a stop) still queued. Let a few cycles take them first.
    if constexpr (std::is_same_v<Midi, RtMidiOut>) {
        if (port.api == "jack") std::this_thread::sleep_for(kJackSettle);
    }
    try {
        port.midi->closePort(); // JACK output: waits until a cycle took what was sent
    } catch (const RtMidiError&) {
        // reported through the callback; the object goes regardless
    }
    // RtMidi 5's JACK teardown unregisters the port and (output) frees its ring buffer before
    // it closes the client, so a process callback that read the port pointer just before it was
    // cleared could still be running: let it finish before the destructor frees anything.
    if (port.api == "jack") std::this_thread::sleep_for(kJackSettle);
    destroy(port.midi);
}

template Result<std::unique_ptr<RtMidiOut>> create<RtMidiOut>(RtMidi::Api, const std::string&,
                                                              ErrorLog&);
template Result<std::unique_ptr<RtMidiIn>> create<RtMidiIn>(RtMidi::Api, const std::string&,
                                                            ErrorLog&);
template Result<OpenPort<RtMidiOut>> open<RtMidiOut>(const PortRequest&,
                                                     const std::function<void(RtMidiOut&)>&);
template Result<OpenPort<RtMidiIn>> open<RtMidiIn>(const PortRequest&,
                                                   const std::function<void(RtMidiIn&)>&);
template void close<RtMidiOut>(OpenPort<RtMidiOut>&);
template void close<RtMidiIn>(OpenPort<RtMidiIn>&);
template void destroy<RtMidiOut>(std::unique_ptr<RtMidiOut>&);
template void destroy<RtMidiIn>(std::unique_ptr<RtMidiIn>&);

} // namespace pianola::engine::rtmidi
