// SPDX-License-Identifier: MIT
// Where views send their edits: the app's document (its undo stack); tests pass a fake.
#pragma once

#include "model/Edit.h"

#include <QString>

namespace pianola::widgets {

class EditSink
{
public:
    virtual ~EditSink() = default;
    /// Applies `edit` as one undoable step named `text`; false (and nothing changed) if refused.
    virtual bool submit(model::Edit edit, const QString& text) = 0;
};

} // namespace pianola::widgets
