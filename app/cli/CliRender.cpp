// SPDX-License-Identifier: MIT
// `pianola-cli render`: a .mid, plan or project take to a WAV file through the playback path.
#include "app/cli/CliArgs.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliText.h"
#include "engine/audio/OfflineRender.h"
#include "engine/PlanFile.h"

#include <charconv>
#include <cmath>
#include <sys/stat.h>
#include <unistd.h>

namespace pianola::cli {

namespace {
bool sameFile(const std::string& path, std::FILE* stream)
{
    struct stat a = {}, b = {};
    return ::stat(path.c_str(), &a) == 0 && ::fstat(fileno(stream), &b) == 0 &&
           a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// --sample-rate and --max-seconds into `options`; the usage error, or empty.
std::string parseRenderOptions(const CliArgs& parsed, engine::RenderOptions& options)
{
    if (const auto rate = parsed.value("--sample-rate")) {
        int value = 0;
        const auto r = std::from_chars(rate->data(), rate->data() + rate->size(), value);
        if (r.ec != std::errc() || r.ptr != rate->data() + rate->size() || value < 8000 ||
            value > 192000)
            return "--sample-rate must be a whole number from 8000 to 192000, not '" + *rate + "'";
        options.synth.sampleRate = value;
    }
    if (const auto max = parsed.value("--max-seconds")) {
        double value = 0;
        const auto r = std::from_chars(max->data(), max->data() + max->size(), value);
        if (r.ec != std::errc() || r.ptr != max->data() + max->size() || !(value > 0) ||
            !std::isfinite(value))
            return "--max-seconds must be a number of seconds above 0, not '" + *max + "'";
        options.maxSeconds = value;
    }
    options.synth.soundFont = parsed.value("--soundfont").value_or("");
    return {};
}
} // namespace

int commandRender(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({"--quiet"},
                   {"-o", "--output", "--soundfont", "--sample-rate", "--max-seconds", "--take"});
    if (!parsed.parse(args)) return usageError(io, "render", parsed.error());
    const auto output = parsed.value("-o") ? parsed.value("-o") : parsed.value("--output");
    if (parsed.positionals().size() != 1 || !output)
        return usageError(io, "render", "needs one input file and -o OUT.wav");
    engine::RenderOptions options;
    if (const std::string problem = parseRenderOptions(parsed, options); !problem.empty())
        return usageError(io, "render", problem);
    const bool quiet = parsed.has("--quiet");
    auto loaded = loadInput(io, parsed.positionals().front(), parsed, !quiet);
    if (!loaded) return kBadInput;
    const bool showProgress = !quiet && isatty(fileno(io.err));
    int lastPercent = -1;
    if (showProgress)
        options.progress = [&](double fraction) {
            const int percent = static_cast<int>(std::floor(fraction * 100));
            if (percent != lastPercent) std::fprintf(io.err, "\rrendering %3d%%", percent);
            lastPercent = percent;
        };
    auto audio = engine::renderPlanToWav(loaded->plan, *output, options);
    if (showProgress && lastPercent >= 0) std::fprintf(io.err, "\n");
    if (!audio) {
        const bool tooLong = audio.error().code == Error::Code::TooLarge;
        const bool limit = audio.error().message.find("render limit") != std::string::npos;
        printError(io.err, (tooLong ? parsed.positionals().front() + ": " : std::string()) +
                               audio.error().message + (limit ? " (--max-seconds raises it)" : ""));
        return kBadInput;
    }
    // The summary goes to stderr when the WAV itself went to stdout (-o /dev/stdout).
    std::fprintf(sameFile(*output, io.out) ? io.err : io.out,
                 "%s: %.3f s of music + %.3f s tail at %d Hz (SoundFont %s)\n",
                 printable(*output).c_str(), audio->musicSeconds, audio->tailSeconds,
                 audio->sampleRate, printable(audio->soundFont).c_str());
    return kOk;
}

} // namespace pianola::cli
