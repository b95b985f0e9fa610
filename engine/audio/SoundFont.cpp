// SPDX-License-Identifier: MIT
// Finding a General MIDI SoundFont.
#include "engine/audio/SoundFont.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace pianola::engine {

const std::vector<std::string>& defaultSoundFontPaths()
{
    static const std::vector<std::string> paths = {
        "/usr/share/sounds/sf2/default-GM.sf2", "/usr/share/sounds/sf2/FluidR3_GM.sf2",
        "/usr/share/sounds/sf2/TimGM6mb.sf2", "/usr/share/soundfonts/default.sf2",
        "/usr/share/soundfonts/FluidR3_GM.sf2"};
    return paths;
}

bool isSoundFont(const std::string& path)
{
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char header[12] = {};
    const bool ok = std::fread(header, 1, sizeof header, f) == sizeof header &&
                    std::memcmp(header, "RIFF", 4) == 0 && std::memcmp(header + 8, "sfbk", 4) == 0;
    std::fclose(f);
    return ok;
}

namespace {
Result<std::string> checked(const std::string& path, const char* origin)
{
    if (!std::filesystem::exists(path))
        return makeError(Error::Code::IoError,
                         std::string(origin) + " names " + path + ", which does not exist");
    if (!isSoundFont(path))
        return makeError(Error::Code::Unsupported, std::string(origin) + " names " + path +
                                                       ", which is not a SoundFont (.sf2/.sf3)");
    return path;
}
} // namespace

Result<std::string> findSoundFont(const std::string& configured)
{
    if (!configured.empty()) return checked(configured, "the SoundFont setting");
    if (const char* env = std::getenv("PIANOLA_SOUNDFONT"); env && *env)
        return checked(env, "PIANOLA_SOUNDFONT");
    for (const std::string& path : defaultSoundFontPaths())
        if (isSoundFont(path)) return path;
    std::string looked;
    for (const std::string& path : defaultSoundFontPaths())
        looked += "\n  " + path;
    return makeError(
        Error::Code::IoError,
        "no General MIDI SoundFont found. Looked at:" + looked +
            "\nInstall one (sudo apt-get install fluid-soundfont-gm) or choose a .sf2 file "
            "in the settings or with PIANOLA_SOUNDFONT.");
}

} // namespace pianola::engine
