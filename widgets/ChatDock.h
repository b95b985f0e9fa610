// SPDX-License-Identifier: MIT
// The chat dock: the conversation (saved in the project), an input with history, the brief
// the assistant understood shown as chips, progress and Cancel while waiting, and "Try again"
// and "More variations" on every reply, and above the input the scope the next prompt applies
// to ("Take 3 · Bass · bars 5–8", with × to widen it again). It shows and asks; the app does the
// generating.
#pragma once

#include "model/Project.h"

#include <functional>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QVBoxLayout;
class QToolButton;

namespace pianola::widgets {

class ChatDock : public QWidget
{
    Q_OBJECT
public:
    explicit ChatDock(QWidget* parent = nullptr);

    /// Gives a take id's checklist (empty: none, or the take is gone).
    using ChecksOf = std::function<std::vector<model::Check>(model::TakeId)>;
    /// Shows `messages` (the project's chat); `names` gives each take id's display name and
    /// `checks` its checklist, shown under the reply's takes ("10/10 ✓", the failed items in
    /// words, the whole list in the tooltip).
    void setMessages(const std::vector<model::ChatMessage>& messages,
                     const std::function<QString(model::TakeId)>& names,
                     const ChecksOf& checks = {});
    /// Waiting for a reply: progress text and Cancel shown, input disabled.
    void setBusy(bool busy, const QString& progress = {});
    bool isBusy() const { return m_busy; }
    /// Keyboard focus to the input (the window's focus widget until it is active).
    void focusInput();
    /// The providers to choose from (display name, key); the first is the default.
    void setProviders(const QList<QPair<QString, QString>>& providers, const QString& current);
    QString provider() const;
    /// The scope line above the input; `narrowed`: a part of the take only (× shown).
    void setScope(const QString& text, bool narrowed);
    QString scopeText() const;
    QToolButton* scopeClearButton() const { return m_scopeClear; }
    QLineEdit* input() const { return m_input; }
    /// The conversation's scroll area: one "chatMessage" widget per message, its text in labels
    /// and what the assistant understood as "chip" labels.
    QScrollArea* history() const { return m_history; }
    /// The conversation as plain text (each message's text, its chips on one line, its links).
    QString historyText() const;
    /// The same as rich text: every label's HTML (links with their pianola: targets).
    QString historyHtml() const;
    /// Follows a link of the conversation ("pianola:take/3", "pianola:retry/1"...), as a click.
    void openLink(const QString& link);

signals:
    void promptSubmitted(const QString& prompt);
    /// The reply at `messageIndex` again with a new seed, or more takes like it.
    void tryAgainRequested(int messageIndex);
    void moreVariationsRequested(int messageIndex);
    void takeClicked(pianola::model::TakeId take);
    void cancelRequested();
    void providerChanged(const QString& provider);
    /// The actions of a failed reply: the settings, or the same words to the offline generator.
    void preferencesRequested();
    void offlineRequested(int messageIndex);
    /// The user asked for the whole take again (the scope's ×).
    void scopeCleared();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void submit();
    void elideScope();
    QLabel* textLabel(const QString& html, QWidget* parent);
    QWidget* chipRow(const std::vector<std::string>& items, QWidget* parent);
    QWidget* messageWidget(int index, const model::ChatMessage& message,
                           const std::function<QString(model::TakeId)>& names,
                           const ChecksOf& checks);
    QLabel* checksLabel(const model::ChatMessage& message,
                        const std::function<QString(model::TakeId)>& names, const ChecksOf& checks,
                        QWidget* parent);
    void elideProgress();
    static QString actionsHtml(int index, const model::ChatMessage& message);

    QScrollArea* m_history;
    QVBoxLayout* m_messages = nullptr; ///< placeholder, messages, stretch
    QLabel* m_placeholder = nullptr;
    QLineEdit* m_input;
    QPushButton* m_send;
    QPushButton* m_cancel;
    QLabel* m_progress;
    QComboBox* m_provider;
    QLabel* m_scope;
    QToolButton* m_scopeClear;
    QString m_scopeText;
    QString m_progressText;
    QStringList m_sent; ///< input history (Up/Down)
    int m_historyIndex = -1;
    bool m_busy = false;
};

} // namespace pianola::widgets
