// SPDX-License-Identifier: MIT
// `pianola-cli ports` and `pianola-cli play`: MIDI ports, and live playback to a port or the synth.
#include "app/cli/CliArgs.h"
#include "app/cli/CliCommands.h"
#include "engine/PlanFile.h"
#include "engine/audio/AudioOutput.h"
#include "engine/audio/SynthCore.h"
#include "engine/midi/MidiOutput.h"
#include "engine/midi/MidiPorts.h"
#include "engine/playback/PlaybackSequence.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <thread>

namespace pianola::cli {

namespace {
using namespace std::chrono_literals;

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true, std::memory_order_relaxed);   // nothing else is signal-safe
}

/// SIGINT and SIGTERM set g_interrupted while this lives; the old handlers come back after.
class InterruptGuard
{
public:
    InterruptGuard()
    {
        g_interrupted.store(false);
        struct sigaction action = {};
        action.sa_handler = onInterrupt;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_oldInt);
        sigaction(SIGTERM, &action, &m_oldTerm);
    }
    ~InterruptGuard()
    {
        sigaction(SIGINT, &m_oldInt, nullptr);
        sigaction(SIGTERM, &m_oldTerm, nullptr);
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    struct sigaction m_oldInt = {}, m_oldTerm = {};
};

bool interrupted()
{
    return g_interrupted.load(std::memory_order_relaxed);
}

void sleepUnlessInterrupted(std::chrono::milliseconds total)
{
    for (auto slept = 0ms; slept < total && !interrupted(); slept += 10ms)
        std::this_thread::sleep_for(10ms);
}

/// Starts playback and waits until the end (never when looping) or a signal. True if it ended.
bool playToEnd(engine::Transport& transport, std::unique_ptr<engine::PlaybackSequence> sequence, bool loop)
{
    const double length = sequence->lengthSeconds();
    transport.setSequence(std::move(sequence));
    transport.setLoop(loop, 0.0, length);
    transport.play();
    while (!interrupted()) {
        std::this_thread::sleep_for(10ms);
        transport.collectGarbage();
        if (!loop && !transport.isPlaying() && transport.positionSeconds() >= length)
            return true;
    }
    return false;
}

std::string minutes(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%d:%04.1f", static_cast<int>(seconds) / 60, std::fmod(seconds, 60.0));
    return text;
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
        std::fprintf(io.err, "%s\n", output.error().message.c_str());
        return kBadInput;
    }
    std::fprintf(io.out, "playing %s (%s) to %s port '%s'%s\n", request.input.c_str(),
                 minutes(request.sequence->lengthSeconds()).c_str(), (*output)->apiName().c_str(),
                 (*output)->portName().c_str(), options.virtualPort ? " (virtual)" : "");
    std::fflush(io.out);
    InterruptGuard guard;
    playToEnd((*output)->transport(), std::move(request.sequence), request.loop);
    if (interrupted())
        std::fprintf(io.err, "stopped at %s\n", minutes((*output)->transport().positionSeconds()).c_str());
    output->reset();   // stops, ends every note, panics, closes the port
    return kOk;
}

int playToSynth(const Io& io, PlayRequest request, const std::string& soundFont)
{
    engine::SynthOptions synthOptions;
    synthOptions.soundFont = soundFont;
    auto core = engine::SynthCore::create(synthOptions);
    if (!core) {
        std::fprintf(io.err, "%s\n", core.error().message.c_str());
        return kBadInput;
    }
    auto audio = engine::AudioOutput::start(**core);
    if (!audio) {
        std::fprintf(io.err, "%s\n", audio.error().message.c_str());
        return kBadInput;
    }
    std::fprintf(io.out, "playing %s (%s) through FluidSynth (%s, SoundFont %s)\n", request.input.c_str(),
                 minutes(request.sequence->lengthSeconds()).c_str(), (*audio)->driverName().c_str(),
                 (*core)->soundFontPath().c_str());
    std::fflush(io.out);
    InterruptGuard guard;
    engine::Transport& transport = (*core)->transport();
    if (playToEnd(transport, std::move(request.sequence), request.loop))
        sleepUnlessInterrupted(1000ms);   // the release and reverb tail
    if (interrupted())
        std::fprintf(io.err, "stopped at %s\n", minutes(transport.positionSeconds()).c_str());
    transport.stop();
    transport.panic();
    for (int i = 0; i < 50 && transport.isPlaying(); ++i)   // applied in the next audio block
        std::this_thread::sleep_for(10ms);
    std::this_thread::sleep_for(100ms);   // let the note-offs reach the device
    audio->reset();   // the driver goes before the synth it renders
    return kOk;
}
} // namespace

int commandPorts(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({}, {"--api"});
    if (!parsed.parse(args))
        return usageError(io, "ports", parsed.error());
    if (!parsed.positionals().empty())
        return usageError(io, "ports", "takes no arguments");
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
        std::fprintf(io.err, "pianola-cli ports: %s\n", problem.c_str());
    if (listing.ports.empty())
        std::fprintf(io.out, "no MIDI ports\n");
    for (const engine::MidiPort& p : listing.ports)
        std::fprintf(io.out, "%-5s %-3s %3u  %s\n", p.apiDisplayName.c_str(), p.output ? "out" : "in", p.index,
                     p.name.c_str());
    return kOk;
}

int commandPlay(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({"--virtual", "--loop", "--clock"}, {"--port", "--api", "--soundfont"});
    if (!parsed.parse(args))
        return usageError(io, "play", parsed.error());
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
    auto loaded = engine::loadPlanFile(request.input);
    if (!loaded) {
        std::fprintf(io.err, "%s\n", loaded.error().message.c_str());
        return kBadInput;
    }
    for (const std::string& w : loaded->warnings)
        std::fprintf(io.err, "%s: warning: %s\n", request.input.c_str(), w.c_str());
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
