// SPDX-License-Identifier: MIT
// `pianola-cli render`: a .mid or plan to a WAV file through the playback path.
#include "app/cli/CliArgs.h"
#include "app/cli/CliCommands.h"
#include "engine/PlanFile.h"
#include "engine/audio/OfflineRender.h"

#include <charconv>
#include <cmath>

#include <unistd.h>

namespace pianola::cli {

int commandRender(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({"--quiet"}, {"-o", "--output", "--soundfont", "--sample-rate"});
    if (!parsed.parse(args))
        return usageError(io, "render", parsed.error());
    const auto output = parsed.value("-o") ? parsed.value("-o") : parsed.value("--output");
    if (parsed.positionals().size() != 1 || !output)
        return usageError(io, "render", "needs one input file and -o OUT.wav");
    engine::RenderOptions options;
    if (const auto rate = parsed.value("--sample-rate")) {
        int value = 0;
        const auto r = std::from_chars(rate->data(), rate->data() + rate->size(), value);
        if (r.ec != std::errc() || r.ptr != rate->data() + rate->size() || value < 8000 || value > 192000)
            return usageError(io, "render", "--sample-rate must be a whole number from 8000 to 192000, not '" + *rate + "'");
        options.synth.sampleRate = value;
    }
    options.synth.soundFont = parsed.value("--soundfont").value_or("");
    const std::string& input = parsed.positionals().front();
    auto loaded = engine::loadPlanFile(input);
    if (!loaded) {
        std::fprintf(io.err, "%s\n", loaded.error().message.c_str());
        return kBadInput;
    }
    const bool quiet = parsed.has("--quiet");
    const bool showProgress = !quiet && isatty(fileno(io.err));
    if (!quiet)
        for (const std::string& w : loaded->warnings)
            std::fprintf(io.err, "%s: warning: %s\n", input.c_str(), w.c_str());
    int lastPercent = -1;
    if (showProgress)
        options.progress = [&](double fraction) {
            const int percent = static_cast<int>(std::floor(fraction * 100));
            if (percent != lastPercent)
                std::fprintf(io.err, "\rrendering %3d%%", percent);
            lastPercent = percent;
        };
    auto audio = engine::renderPlanToWav(loaded->plan, *output, options);
    if (showProgress)
        std::fprintf(io.err, "\n");
    if (!audio) {
        std::fprintf(io.err, "%s\n", audio.error().message.c_str());
        return kBadInput;
    }
    std::fprintf(io.out, "%s: %.3f s of music + %.3f s tail at %d Hz (SoundFont %s)\n", output->c_str(),
                 audio->musicSeconds, audio->tailSeconds, audio->sampleRate, audio->soundFont.c_str());
    return kOk;
}

} // namespace pianola::cli
