// SPDX-License-Identifier: MIT
// Logging categories.
#include "app/Logging.h"

Q_LOGGING_CATEGORY(lcApp, "pianola.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFiles, "pianola.files", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudio, "pianola.audio", QtInfoMsg)
