// SPDX-License-Identifier: MIT
// General MIDI names: programs, drum kits (GS/XG programs on channel 10), drum keys, controllers.
#pragma once

#include <string>

namespace pianola::model::gm {

constexpr int kDrumChannel = 9;

/// "Acoustic Grand Piano" for 0 .. "Gunshot" for 127.
std::string programName(int program);
/// "Piano", "Chromatic Percussion", ... (16 families of 8 programs).
std::string familyName(int program);
/// The drum kit a program selects on channel 10 ("Standard Kit", "Room Kit"...); the kits
/// commonly found in GM SoundFonts: 0 8 16 24 25 32 40 48 56. Empty for other programs.
std::string drumKitName(int program);
/// "Acoustic Bass Drum" for 35 .. "Open Triangle" for 81; empty outside.
std::string drumKeyName(int key);
/// A name for a narrow keyboard: "Kick", "Snare", "Closed HH", "Hi-Mid Tom"... (at most 10
/// characters) for 35 .. 81; empty outside.
std::string drumKeyShortName(int key);
/// The first and last GM drum keys (47 pieces) and the core kit shown on every drum track.
constexpr int kFirstDrumKey = 35, kLastDrumKey = 81;
constexpr int kCoreKitFirst = 36, kCoreKitLast = 51; ///< kick .. ride
/// "Modulation" for 1, "Volume" 7, "Pan" 10, "Expression" 11, "Sustain" 64...; empty if unnamed.
std::string controllerName(int controller);

} // namespace pianola::model::gm
