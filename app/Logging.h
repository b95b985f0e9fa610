// SPDX-License-Identifier: MIT
// Logging categories (enable with QT_LOGGING_RULES="pianola.*.debug=true").
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcFiles)
Q_DECLARE_LOGGING_CATEGORY(lcAudio)
