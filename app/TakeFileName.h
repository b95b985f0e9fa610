// SPDX-License-Identifier: MIT
// Short, safe file names for takes dragged out or exported: "lofi-am-78bpm-take3".
#pragma once

#include "model/Project.h"

#include <QString>

namespace pianola::app {

/// The style the take's prompt names (if any), its key, its tempo and its place in the project,
/// as a lower-case ASCII stem of at most 60 characters with no path or shell metacharacters
/// ("lofi-am-78bpm-take3", "fsharpm-120bpm-take1"). Never empty.
QString takeFileStem(const model::Project& project, model::TakeId id);

} // namespace pianola::app
