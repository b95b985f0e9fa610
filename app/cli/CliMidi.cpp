// SPDX-License-Identifier: MIT
// `pianola-cli ports` and `pianola-cli play`: MIDI ports, and live playback to a port or the synth.
#include "app/cli/CliArgs.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliText.h"
#include "engine/audio/AudioOutput.h"
#include "engine/audio/SynthCore.h"
#include "engine/midi/MidiOutput.h"
#include "engine/midi/MidiPorts.h"
#include "engine/PlanFile.h"
#include "engine/playback/PlaybackSequence.h"
#include "engine/TerminationSignals.h"

#include <chrono>
#include <cmath>
#include <thread>

namespace pianola::cli {

namespace {
using namespace std::chrono_literals;

std::string minutes(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%d:%04.1f", static_cast<int>(seconds) / 60,
                  std::fmod(seconds, 60.0));
    return text;
}

bool interrupted()
{
    return engine::TerminationSignals::requested();
}

void reportStop(const Io& io, double positionSeconds)
{
    std::fprintf(io.err, "stopped at %s (%s)\n", minutes(positionSeconds).c_str(),
                 engine::signalName(engine::TerminationSignals::signalNumber()));
}

void sleepUnlessInterrupted(std::chrono::milliseconds total)
{
    for (auto slept = 0ms; slept < total && !interrupted(); slept += 10ms)
        std::this_thread::sleep_for(10ms);
}

/// Starts playback and waits until the end (never when looping) or a signal. True if it ended.
bool playToEnd(engine::Transport& transport, std::unique_ptr<engine::PlaybackSequence> sequence,
               bool loop)
{
    const double length = sequence->lengthSeconds();
    transport.setSequence(std::move(sequence));
    transport.setLoop(loop, 0.0, length);
    transport.play();
    while (!interrupted()) {
        std::this_thread::sleep_for(10ms);
        transport.collectGarbage();
        if (!loop && !transport.isPlaying() && transport.positionSeconds() >= length) return true;
    }
    return false;
}

struct PlayRequest
{
    std::string input;
    std::unique_ptr<engine::PlaybackSequence> sequence;
    bool loop = false;
};

int playToPort(const Io& io, PlayRequest request, const engine::MidiOutputOptions& options)
{
    auto output = engine::MidiOutput::open(options);
    if (!output) {
        printError(io.err, output.error().message);
        return kBadInput;
    }
    std::fprintf(io.out, "playing %s (%s) to %s port '%s'%s\n", printable(request.input).c_str(),
                 minutes(request.sequence->lengthSeconds()).c_str(), (*output)->apiName().c_str(),
                 printable((*output)->portName()).c_str(), options.virtualPort ? " (virtual)" : "");
    std::fflush(io.out);
    engine::TerminationSignals guard; // every terminating signal stops cleanly
    playToEnd((*output)->transport(), std::move(request.sequence), request.loop);
    if (interrupted()) reportStop(io, (*output)->transport().positionSeconds());
    output->reset(); // stops, ends every note, panics, closes the port
    return kOk;
}

int playToSynth(const Io& io, PlayRequest request, const std::string& soundFont)
{
    engine::SynthOptions synthOptions;
    synthOptions.soundFont = soundFont;
    auto core = engine::SynthCore::create(synthOptions);
    if (!core) {
        printError(io.err, core.error().message);
        return kBadInput;
    }
    auto audio = engine::AudioOutput::start(**core);
    if (!audio) {
        printError(io.err, audio.error().message);
        return kBadInput;
    }
    std::fprintf(io.out, "playing %s (%s) through FluidSynth (%s, SoundFont %s)\n",
                 printable(request.input).c_str(),
                 minutes(request.sequence->lengthSeconds()).c_str(), (*audio)->driverName().c_str(),
                 printable((*core)->soundFontPath()).c_str());
    std::fflush(io.out);
    engine::TerminationSignals guard; // every terminating signal stops cleanly
    engine::Transport& transport = (*core)->transport();
    if (playToEnd(transport, std::move(request.sequence), request.loop))
        sleepUnlessInterrupted(1000ms); // the release and reverb tail
    if (interrupted()) reportStop(io, transport.positionSeconds());
    transport.stop();
    transport.panic();
    for (int i = 0; i < 50 && transport.isPlaying(); ++i) // applied in the next audio block
        std::this_thread::sleep_for(10ms);
    std::this_thread::sleep_for(100ms); // let the note-offs reach the device
    audio->reset();                     // the driver goes before the synth it renders
    return kOk;
}
} // namespace

int commandPorts(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({}, {"--api"});
    if (!parsed.parse(args)) return usageError(io, "ports", parsed.error());
    if (!parsed.positionals().empty()) return usageError(io, "ports", "takes no arguments");
    engine::MidiPortListing listing;
    if (const auto api = parsed.value("--api")) {
        auto ports = engine::listMidiPorts(*api);
        if (!ports && ports.error().code == Error::Code::InvalidArgument)
            return usageError(io, "ports", ports.error().message);
        if (ports)
            listing.ports = std::move(*ports);
        else
            listing.problems.push_back(ports.error().message);
    } else {
        listing = engine::listAllMidiPorts();
    }
    for (const std::string& problem : listing.problems)
        std::fprintf(io.err, "pianola-cli ports: %s\n", printable(problem).c_str());
    if (listing.ports.empty()) std::fprintf(io.out, "no MIDI ports\n");
    for (const engine::MidiPort& p : listing.ports)
        std::fprintf(io.out, "%-5s %-3s %3u  %s\n", p.apiDisplayName.c_str(),
                     p.output ? "out" : "in", p.index, printable(p.name).c_str());
    return kOk;
}

int commandPlay(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({"--virtual", "--loop", "--clock"},
                   {"--port", "--api", "--soundfont", "--take"});
    if (!parsed.parse(args)) return usageError(io, "play", parsed.error());
    if (parsed.positionals().size() != 1)
        return usageError(io, "play", "needs one .mid or plan .json file");
    const bool toPort = parsed.value("--port") || parsed.has("--virtual");
    if (parsed.value("--port") && parsed.has("--virtual"))
        return usageError(io, "play", "--port and --virtual exclude each other");
    if (!toPort && (parsed.has("--clock") || parsed.value("--api")))
        return usageError(io, "play", "--clock and --api need --port or --virtual");
    if (toPort && parsed.value("--soundfont"))
        return usageError(io, "play", "--soundfont is for the synth (without --port/--virtual)");
    PlayRequest request{parsed.positionals().front(), nullptr, parsed.has("--loop")};
    auto loaded = loadInput(io, request.input, parsed, true);
    if (!loaded) return kBadInput;
    request.sequence = engine::PlaybackSequence::build(loaded->plan);
    if (!toPort)
        return playToSynth(io, std::move(request), parsed.value("--soundfont").value_or(""));
    engine::MidiOutputOptions options;
    options.api = parsed.value("--api").value_or("");
    options.port = parsed.value("--port").value_or("");
    options.virtualPort = parsed.has("--virtual");
    options.sendClock = parsed.has("--clock");
    return playToPort(io, std::move(request), options);
}

} // namespace pianola::cli
