// SPDX-License-Identifier: MIT
// What ALSA, JACK and FluidSynth print by themselves ("ALSA lib pcm.c: Unknown PCM default",
// "Cannot connect to server socket", "This build of fluidsynth supports...") goes to the logging
// category "pianola.system" instead of stderr. It is off by default: Pianola says in its own
// words why there is no sound or MIDI port. QT_LOGGING_RULES="pianola.system.debug=true" shows it.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSystem)

namespace pianola::engine {

/// Installs the handlers. Call once at start, before any audio or MIDI object exists; safe to
/// call again. FluidSynth's error level stays where AudioOutput captures it.
void routeSystemLibraryLogs();

} // namespace pianola::engine
