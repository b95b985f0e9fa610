// SPDX-License-Identifier: MIT
// The padlock drawn for locked tracks and notes (no icon theme needed).
#pragma once

#include <QIcon>

namespace pianola::widgets {

/// A closed (locked) or open padlock, `size` pixels square.
QIcon padlockIcon(bool locked, int size = 16);

} // namespace pianola::widgets
