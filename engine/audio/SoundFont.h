// SPDX-License-Identifier: MIT
// Finding a General MIDI SoundFont: settings, then PIANOLA_SOUNDFONT, then Debian's paths.
#pragma once

#include "model/Result.h"

#include <string>
#include <vector>

namespace pianola::engine {

/// The places searched after the configured file and $PIANOLA_SOUNDFONT, in order.
const std::vector<std::string>& defaultSoundFontPaths();

/// The SoundFont to use: `configured` (from the app's settings, may be empty), else
/// $PIANOLA_SOUNDFONT, else the first of defaultSoundFontPaths() that exists. A configured or
/// environment file that is missing or not a SoundFont is an error naming it; so is finding none.
Result<std::string> findSoundFont(const std::string& configured = {});

/// True if `path` is a readable SF2/SF3 file (RIFF "sfbk").
bool isSoundFont(const std::string& path);

} // namespace pianola::engine
