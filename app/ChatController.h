// SPDX-License-Identifier: MIT
// Turns chat prompts into takes: a new request goes through the brief interpreter and the
// offline generator, a change request ("same but darker", "add a fill on bar 7") varies the
// active take. Each exchange (the prompt, the reply, its takes) is one undo step.
#pragma once

#include "app/Document.h"

#include <QObject>

namespace pianola::widgets {
class ChatDock;
}

namespace pianola::app {

class ChatController : public QObject
{
    Q_OBJECT
public:
    ChatController(Document* document, widgets::ChatDock* dock, QObject* parent = nullptr);

    /// Answers `prompt` (as if typed). Returns the ids of the takes it added.
    std::vector<model::TakeId> ask(const QString& prompt);
    /// True when `prompt` asks to change the current take rather than for new music.
    static bool isChangeRequest(const QString& prompt);

public slots:
    void refresh();

private:
    void tryAgain(int messageIndex, bool more);
    std::vector<model::TakeId> reply(const QString& prompt, std::uint64_t seed, std::optional<model::TakeId> parent,
                                     int candidates, bool echoPrompt);
    std::uint64_t freshSeed();

    Document* m_document;
    widgets::ChatDock* m_dock;
    std::uint64_t m_seedCounter = 0;
};

} // namespace pianola::app
