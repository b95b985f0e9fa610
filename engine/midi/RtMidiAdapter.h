// SPDX-License-Identifier: MIT
// Internal to engine/midi: the one adapter around RtMidi, which reports errors by throwing.
#pragma once

#include "model/Result.h"

#include <functional>
#include <memory>
#include <mutex>
#include <RtMidi.h>
#include <string>
#include <vector>

namespace pianola::engine::rtmidi {

/// What RtMidi reports through its error callback, on whichever thread called into it.
class ErrorLog
{
public:
    /// The RtMidiErrorCallback; `self` is the ErrorLog.
    static void callback(RtMidiError::Type type, const std::string& text, void* self);

    /// True once an error (not a warning) came.
    bool failed() const;
    /// The last error, else the last warning, else empty.
    std::string lastMessage() const;
    /// Every message since the last take (at most the newest 64).
    std::vector<std::string> take();

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_messages;
    std::string m_lastError, m_lastWarning;
    bool m_failed = false;
};

/// An open RtMidiOut or RtMidiIn with the log its error callback writes to (a stable address).
template <typename Midi> struct OpenPort
{
    std::unique_ptr<ErrorLog> log;
    std::unique_ptr<Midi> midi;
    std::string api;  ///< RtMidi's name: "alsa", "jack"
    std::string name; ///< the port connected to, or our virtual port's name
};

struct PortRequest
{
    std::string api;          ///< "alsa", "jack"; empty = every compiled API in RtMidi's order
    std::string port;         ///< case-insensitive substring of the port name; empty = the first
    bool virtualPort = false; ///< create `ourPortName` for others to connect to instead
    std::string clientName;   ///< our client (ALSA client, JACK client)
    std::string ourPortName;  ///< our port's name
};

/// The compiled APIs `api` selects; an unknown name is an error listing the known ones.
Result<std::vector<RtMidi::Api>> apisFor(const std::string& api);

/// Constructs `Midi` on `api` and installs `log` as its error callback at once.
template <typename Midi>
Result<std::unique_ptr<Midi>> create(RtMidi::Api api, const std::string& clientName, ErrorLog& log);

/// The names of the ports `midi` can connect to. An error if RtMidi reported one.
Result<std::vector<std::string>> portNames(RtMidi& midi, ErrorLog& log);

/// Index of the first name containing `needle`, ignoring ASCII case (empty = 0); -1 if none.
int findPort(const std::vector<std::string>& names, const std::string& needle);

/// Opens the requested port on the first API where it exists. `prepare` runs on the new object
/// before its port opens (an input's callback). The error says what each API said.
template <typename Midi>
Result<OpenPort<Midi>> open(const PortRequest& request,
                            const std::function<void(Midi&)>& prepare = {});

/// Closes the port (RtMidi flushes what was sent) and destroys the object, catching errors.
template <typename Midi> void close(OpenPort<Midi>& port);

/// Destroys an RtMidi object; with JACK then pauses 50 ms (a libjack crash otherwise, see .cpp).
/// Every RtMidi object goes this way, also the temporary ones that only list ports.
template <typename Midi> void destroy(std::unique_ptr<Midi>& midi);

} // namespace pianola::engine::rtmidi
