// SPDX-License-Identifier: MIT
#include "engine/SystemLogs.h"

#include <cstdarg>
#include <cstdio>
#include <fluidsynth.h>

#if PIANOLA_HAVE_ALSA
#include <alsa/asoundlib.h>
#endif
#if PIANOLA_HAVE_JACK
#include <jack/jack.h>
#endif

Q_LOGGING_CATEGORY(lcSystem, "pianola.system", QtWarningMsg)

namespace pianola::engine {

namespace {
#if PIANOLA_HAVE_ALSA
void alsaLog(const char* file, int line, const char* function, int err, const char* fmt, ...)
{
    if (!lcSystem().isDebugEnabled()) return;
    char text[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(text, sizeof text, fmt, args);
    va_end(args);
    qCDebug(lcSystem, "ALSA %s:%d (%s): %s%s%s", file, line, function, text, err ? ": " : "",
            err ? snd_strerror(err) : "");
}
#endif

#if PIANOLA_HAVE_JACK
void jackLog(const char* message)
{
    qCDebug(lcSystem, "JACK: %s", message);
}
#endif

void fluidLog(int level, const char* message, void*)
{
    qCDebug(lcSystem, "FluidSynth (%d): %s", level, message);
}
} // namespace

void routeSystemLibraryLogs()
{
#if PIANOLA_HAVE_ALSA
    snd_lib_error_set_handler(&alsaLog);
#endif
#if PIANOLA_HAVE_JACK
    jack_set_error_function(&jackLog);
    jack_set_info_function(&jackLog);
#endif
    for (int level : {FLUID_WARN, FLUID_INFO, FLUID_DBG})
        fluid_set_log_function(level, &fluidLog, nullptr);
}

} // namespace pianola::engine
