// SPDX-License-Identifier: MIT
// The chat dock.
#include "widgets/ChatDock.h"

#include "widgets/FlowLayout.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextDocument>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace pianola::widgets {

namespace {
// A chip: on one line when its row has room, wrapped inside the chip when the row is narrower
// than its text ("add part: bass, 8 bars, swing 62% taken from the take" in a narrow dock). A
// label that cannot wrap made the whole chat history as wide as its longest chip, and every
// message was cut at the dock's right edge.
class Chip : public QLabel
{
public:
    Chip(const QString& text, QWidget* parent) : QLabel(parent)
    {
        setObjectName("chip");
        setTextFormat(Qt::PlainText);
        setText(text);
        setToolTip(text);
        setStyleSheet(QStringLiteral("QLabel { background-color: #2d4a66; color: #e8f0f8; "
                                     "border-radius: 9px; padding: 2px 8px; }"));
        ensurePolished();
        m_chrome = QLabel::sizeHint().width() - fontMetrics().horizontalAdvance(text);
        setWordWrap(true);
    }

    // The one-line size (a wrapped label's own hint wraps text that would fit).
    QSize sizeHint() const override
    {
        const int width = fontMetrics().horizontalAdvance(text()) + m_chrome;
        return {width, heightForWidth(width)};
    }

private:
    int m_chrome = 0;
};
} // namespace

ChatDock::ChatDock(QWidget* parent)
    : QWidget(parent), m_history(new QScrollArea(this)), m_input(new QLineEdit(this)),
      m_send(new QPushButton(tr("Send"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_progress(new QLabel(this)), m_provider(new QComboBox(this)), m_scope(new QLabel(this)),
      m_scopeClear(new QToolButton(this))
{
    setObjectName("chatDock");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_history->setObjectName("chatHistory");
    m_history->setWidgetResizable(true);
    m_history->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(m_history);
    m_messages = new QVBoxLayout(content);
    m_messages->setContentsMargins(6, 4, 6, 4);
    m_messages->addStretch(1);
    m_history->setWidget(content);
    m_placeholder = new QLabel(tr("Describe what you want, e.g. \"8-bar lo-fi chord progression in "
                                  "Am at 78 BPM, jazzy 9ths, "
                                  "soft humanization\". Then ask for changes: \"same drums but "
                                  "harder kick\", \"add a 2-bar fill on bar 7\"."),
                               content);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // drawn like a placeholder
    m_messages->insertWidget(0, m_placeholder);
    // New messages show at the bottom.
    connect(m_history->verticalScrollBar(), &QScrollBar::rangeChanged, this,
            [this](int, int max) { m_history->verticalScrollBar()->setValue(max); });
    layout->addWidget(m_history, 1);
    auto* status = new QHBoxLayout;
    m_progress->setObjectName("chatProgress");
    m_progress->setTextFormat(Qt::PlainText);
    m_progress->setSizePolicy(QSizePolicy::Ignored,
                              QSizePolicy::Preferred); // elided, never widens the dock
    m_provider->setSizeAdjustPolicy(
        QComboBox::AdjustToMinimumContentsLengthWithIcon); // a fixed width; the menu
    m_provider->setMinimumContentsLength(18);              // lists whole names
    status->addWidget(m_provider);
    status->addWidget(m_progress, 1);
    status->addWidget(m_cancel);
    m_cancel->setObjectName("chatCancel");
    m_cancel->hide();
    layout->addLayout(status);
    auto* scopeRow = new QHBoxLayout;
    m_scope->setObjectName("chatScope");
    m_scope->setTextFormat(Qt::PlainText);
    m_scope->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_scope->setToolTip(tr("What the next prompt applies to: select notes, drag bars on the ruler "
                           "or click a track to narrow it"));
    m_scopeClear->setObjectName("chatScopeClear");
    m_scopeClear->setText(QStringLiteral("×"));
    m_scopeClear->setAutoRaise(true);
    m_scopeClear->setToolTip(tr("Apply to the whole take"));
    m_scopeClear->hide();
    scopeRow->addWidget(m_scope, 1);
    scopeRow->addWidget(m_scopeClear);
    layout->addLayout(scopeRow);
    connect(m_scopeClear, &QToolButton::clicked, this, &ChatDock::scopeCleared);
    auto* row = new QHBoxLayout;
    m_input->setObjectName("chatInput");
    m_input->setPlaceholderText(tr("Ask for music or a change..."));
    m_input->installEventFilter(this);
    m_provider->setObjectName("chatProvider");
    m_provider->setToolTip(tr("Who answers: the built-in offline generator or a language model"));
    row->addWidget(m_input, 1);
    row->addWidget(m_send);
    layout->addLayout(row);
    connect(m_send, &QPushButton::clicked, this, &ChatDock::submit);
    connect(m_input, &QLineEdit::returnPressed, this, &ChatDock::submit);
    connect(m_cancel, &QPushButton::clicked, this, &ChatDock::cancelRequested);
    connect(m_provider, &QComboBox::activated, this, [this] { emit providerChanged(provider()); });
}

void ChatDock::openLink(const QString& link)
{
    const QUrl url(link);
    const QStringList parts = url.path().split(QLatin1Char('/'));
    if (url.scheme() != QLatin1String("pianola") || parts.size() != 2) return;
    bool ok = false;
    const qulonglong n = parts[1].toULongLong(&ok);
    if (!ok) return;
    if (parts[0] == QLatin1String("retry"))
        emit tryAgainRequested(static_cast<int>(n));
    else if (parts[0] == QLatin1String("more"))
        emit moreVariationsRequested(static_cast<int>(n));
    else if (parts[0] == QLatin1String("prefs"))
        emit preferencesRequested();
    else if (parts[0] == QLatin1String("offline"))
        emit offlineRequested(static_cast<int>(n));
    else if (parts[0] == QLatin1String("take"))
        emit takeClicked(n);
}

void ChatDock::setProviders(const QList<QPair<QString, QString>>& providers, const QString& current)
{
    m_provider->clear();
    for (const auto& [name, key] : providers)
        m_provider->addItem(name, key);
    const int index = m_provider->findData(current);
    m_provider->setCurrentIndex(index >= 0 ? index : 0);
    m_provider->setVisible(providers.size() > 1);
}

QString ChatDock::provider() const
{
    return m_provider->currentData().toString();
}

void ChatDock::setScope(const QString& text, bool narrowed)
{
    m_scopeText = text;
    QFont font = m_scope->font();
    font.setBold(narrowed);
    m_scope->setFont(font);
    m_scope->setStyleSheet(narrowed ? QStringLiteral("color: #f0c674;") : QString());
    m_scopeClear->setVisible(narrowed);
    elideScope();
}

// Long take names never widen the dock: the middle of the line gives way, the part and bars stay.
void ChatDock::elideScope()
{
    m_scope->setText(m_scope->fontMetrics().elidedText(m_scopeText, Qt::ElideMiddle,
                                                       std::max(40, m_scope->width())));
}

// Progress lines ("gpt-4o-mini · 12 s · understood so far: ...") never widen the dock either:
// the end gives way; the whole line is in the tooltip.
void ChatDock::elideProgress()
{
    m_progress->setText(m_progress->fontMetrics().elidedText(m_progressText, Qt::ElideRight,
                                                             std::max(40, m_progress->width())));
    m_progress->setToolTip(m_progressText);
}

void ChatDock::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    elideScope();
    elideProgress();
}

QString ChatDock::scopeText() const
{
    return m_scopeText;
}

void ChatDock::submit()
{
    const QString text = m_input->text().trimmed();
    if (text.isEmpty() || m_busy) return;
    m_sent.removeAll(text);
    m_sent.append(text);
    m_historyIndex = -1;
    m_input->clear();
    emit promptSubmitted(text);
}

bool ChatDock::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_input && event->type() == QEvent::ShortcutOverride) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Up ||
            key == Qt::Key_Down) {
            event->accept(); // Return sends the prompt here, it does not stop the transport
            return true;
        }
    }
    if (watched == m_input && event->type() == QEvent::KeyPress && !m_sent.isEmpty()) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down) { // the input's own history
            if (m_historyIndex < 0) m_historyIndex = static_cast<int>(m_sent.size());
            m_historyIndex = std::clamp(m_historyIndex + (key == Qt::Key_Up ? -1 : 1), 0,
                                        static_cast<int>(m_sent.size()));
            m_input->setText(m_historyIndex < m_sent.size() ? m_sent[m_historyIndex] : QString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatDock::setBusy(bool busy, const QString& progress)
{
    m_busy = busy;
    m_input->setEnabled(!busy);
    m_send->setEnabled(!busy);
    m_cancel->setVisible(busy);
    m_progressText = busy ? progress : QString();
    elideProgress();
    if (!busy) m_input->setFocus();
}

void ChatDock::focusInput()
{
    m_input->setFocus(Qt::OtherFocusReason);
}

QLabel* ChatDock::textLabel(const QString& html, QWidget* parent)
{
    auto* label = new QLabel(html, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(false);
    connect(label, &QLabel::linkActivated, this, &ChatDock::openLink);
    return label;
}

// One rounded label per item the assistant understood; the row wraps between chips.
QWidget* ChatDock::chipRow(const std::vector<std::string>& items, QWidget* parent)
{
    auto* row = new QWidget(parent);
    row->setObjectName("chips");
    auto* flow = new FlowLayout(row, 4);
    for (const std::string& item : items)
        flow->addWidget(new Chip(QString::fromStdString(item), row));
    return row;
}

// Under a reply's takes, one line per take with a checklist: "Take 1/4 — 10/10 checks ✓", or
// what the notes do not do as asked ("key: C major (asked A minor)"); the whole checklist of
// every take in the tooltip. Null when no take has a checklist.
QLabel* ChatDock::checksLabel(const model::ChatMessage& message,
                              const std::function<QString(model::TakeId)>& names,
                              const ChecksOf& checks, QWidget* parent)
{
    QStringList lines, tips;
    for (model::TakeId id : message.takes) {
        const std::vector<model::Check> list = checks ? checks(id) : std::vector<model::Check>{};
        if (list.empty()) continue;
        QStringList failed, all;
        for (const model::Check& c : list) {
            const QString item =
                tr("%1: %2 (asked %3)")
                    .arg(QString::fromStdString(c.name), QString::fromStdString(c.measured),
                         QString::fromStdString(c.asked));
            all << (c.pass ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + item;
            if (!c.pass) failed << item;
        }
        const QString score =
            QStringLiteral("%1/%2").arg(list.size() - failed.size()).arg(list.size());
        lines << (failed.isEmpty() ? tr("%1 — %2 checks ✓").arg(names(id), score)
                                   : tr("%1 — %2 checks; not as asked: %3")
                                         .arg(names(id), score, failed.join(QStringLiteral("; "))));
        tips << names(id) + QLatin1Char('\n') + all.join(QLatin1Char('\n'));
    }
    if (lines.isEmpty()) return nullptr;
    auto* label = new QLabel(lines.join(QLatin1Char('\n')), parent);
    label->setObjectName("chatChecks");
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setToolTip(tips.join(QStringLiteral("\n\n")));
    return label;
}

QWidget* ChatDock::messageWidget(int index, const model::ChatMessage& message,
                                 const std::function<QString(model::TakeId)>& names,
                                 const ChecksOf& checks)
{
    auto* box = new QWidget;
    box->setObjectName("chatMessage");
    auto* column = new QVBoxLayout(box);
    column->setContentsMargins(0, 6, 0, 2);
    column->setSpacing(4);
    const bool user = message.role == model::ChatMessage::Role::User;
    QStringList prose;
    if (!message.notUnderstood.empty()) {
        QStringList words;
        for (const std::string& w : message.notUnderstood)
            words << QString::fromStdString(w);
        prose << tr("Not understood: %1").arg(words.join(QStringLiteral(", "))).toHtmlEscaped();
    }
    for (const QString& line : QString::fromStdString(message.text).split(QLatin1Char('\n')))
        prose << line.toHtmlEscaped();
    const bool failed = message.status == model::ChatMessage::Status::Failed;
    QLabel* text = textLabel(
        failed ? QStringLiteral("<b>%1</b> ⚠ %2")
                     .arg(tr("Pianola"), prose.join(QStringLiteral("<br>")))
               : QStringLiteral("<b>%1</b> %2")
                     .arg(user ? tr("You") : tr("Pianola"), prose.join(QStringLiteral("<br>"))),
        box);
    if (failed) {
        text->setObjectName("chatError");
        text->setStyleSheet(QStringLiteral("QLabel { color: #e53935; }"));
    }
    column->addWidget(text);
    if (!message.understood.empty()) column->addWidget(chipRow(message.understood, box));
    QStringList links;
    if (!message.takes.empty()) {
        QStringList takes;
        for (model::TakeId id : message.takes)
            takes << QStringLiteral("<a href=\"pianola:take/%1\">%2</a>")
                         .arg(id)
                         .arg(names(id).toHtmlEscaped());
        links << QStringLiteral("%1 %2").arg(tr("Takes:"), takes.join(QStringLiteral(", ")));
    }
    if (!user) links << actionsHtml(index, message);
    if (!links.isEmpty()) column->addWidget(textLabel(links.join(QStringLiteral("<br>")), box));
    if (QLabel* list = user ? nullptr : checksLabel(message, names, checks, box))
        column->addWidget(list);
    return box;
}

// What to do next: after takes, "Try again" and "More variations"; after an error, the
// settings, the offline generator or the same words again; after Cancel or a reply without
// takes, the same words again.
QString ChatDock::actionsHtml(int index, const model::ChatMessage& message)
{
    const auto link = [index](const char* action, const QString& text) {
        return QStringLiteral("<a href=\"pianola:%1/%2\">%3</a>")
            .arg(QLatin1String(action))
            .arg(index)
            .arg(text);
    };
    QStringList links;
    if (message.status == model::ChatMessage::Status::Failed)
        links << link("prefs", tr("Open Preferences"))
              << link("offline", tr("Use the offline generator"));
    links << link("retry", tr("Try again"));
    if (message.status == model::ChatMessage::Status::Ok && !message.takes.empty())
        links << link("more", tr("More variations"));
    return QStringLiteral("<p>%1</p>").arg(links.join(QStringLiteral(" &nbsp; ")));
}

void ChatDock::setMessages(const std::vector<model::ChatMessage>& messages,
                           const std::function<QString(model::TakeId)>& names,
                           const ChecksOf& checks)
{
    while (m_messages->count() > 2) { // the placeholder and the stretch stay
        QLayoutItem* item = m_messages->takeAt(1);
        QWidget* old = item->widget();
        old->setObjectName(QString()); // out of historyText() now; freed later, as a link of
        old->hide();                   // it may be what asked for this
        old->deleteLater();
        delete item;
    }
    for (std::size_t i = 0; i < messages.size(); ++i)
        m_messages->insertWidget(m_messages->count() - 1,
                                 messageWidget(static_cast<int>(i), messages[i], names, checks));
    m_placeholder->setVisible(messages.empty());
}

QString ChatDock::historyText() const
{
    QStringList lines;
    for (const QWidget* message :
         m_history->widget()->findChildren<QWidget*>("chatMessage", Qt::FindDirectChildrenOnly)) {
        QStringList chips;
        for (const QLabel* label : message->findChildren<QLabel*>()) {
            if (label->objectName() == QLatin1String("chip")) {
                chips << label->text();
                continue;
            }
            QTextDocument doc;
            doc.setHtml(label->text());
            lines << doc.toPlainText();
        }
        if (!chips.isEmpty()) lines << chips.join(QLatin1Char(' '));
    }
    return lines.join(QLatin1Char('\n'));
}

QString ChatDock::historyHtml() const
{
    QStringList html;
    for (const QLabel* label : m_history->widget()->findChildren<QLabel*>())
        if (label->objectName() != QLatin1String("chip")) html << label->text();
    return html.join(QLatin1Char('\n'));
}

} // namespace pianola::widgets
