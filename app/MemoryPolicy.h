// SPDX-License-Identifier: MIT
// How the app asks the C library to hand freed memory back to the system.
#pragma once

namespace pianola::app {

/// Big blocks (a million-note take's vectors, a playback sequence) are mapped separately and
/// returned to the system when freed, instead of staying in the heap after one open or rebuild
/// (glibc otherwise raises this threshold to the size of the last block freed, up to 32 MB).
/// Call once at start-up, before threads start.
void returnFreedMemoryToTheSystem();

} // namespace pianola::app
