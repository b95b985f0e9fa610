// SPDX-License-Identifier: MIT
// The editor's three shared parts in one place.
#include "widgets/EditorState.h"

namespace pianola::widgets {

EditorState::EditorState(QObject* parent) : QObject(parent) {}

} // namespace pianola::widgets
