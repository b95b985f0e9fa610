// SPDX-License-Identifier: MIT
// The instrument chooser.
#include "widgets/InstrumentBox.h"

#include "model/GeneralMidi.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QStandardItemModel>

namespace pianola::widgets {

namespace {
bool isReturn(QEvent* event)
{
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
        return false;
    const int key = static_cast<QKeyEvent*>(event)->key();
    return key == Qt::Key_Return || key == Qt::Key_Enter;
}
} // namespace

InstrumentBox::InstrumentBox(bool drums, int program, QWidget* parent)
    : QComboBox(parent), m_shown(program)
{
    setObjectName(QStringLiteral("instrument"));
    setFrame(false);
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMaxVisibleItems(24);
    for (int p = 0; p < 128; ++p) {
        if (drums) {
            if (const std::string kit = model::gm::drumKitName(p); !kit.empty())
                addItem(QString::fromStdString(kit), p);
            continue;
        }
        if (p % 8 == 0) addHeading(QString::fromStdString(model::gm::familyName(p)));
        // The name alone fits the track list's column; the GM number is in the tooltip and
        // can be typed.
        addItem(QString::fromStdString(model::gm::programName(p)), p);
        setItemData(count() - 1, tr("Program %1").arg(p + 1), Qt::ToolTipRole);
    }
    if (findData(program) < 0) // a kit or bank without a name stays selectable
        addItem(tr("Program %1").arg(program + 1), program);
    setCurrentIndex(findData(program));
    setToolTip(drums ? tr("Drum kit (channel 10)")
                     : QString::fromStdString(model::gm::familyName(program)));
    lineEdit()->setPlaceholderText(tr("Type to search"));
    lineEdit()->setCursorPosition(0); // a narrow column shows the number and the name's start
    setCompleter(nullptr);            // Return picks the first name containing the text (below)
    connect(this, &QComboBox::currentIndexChanged, this, &InstrumentBox::choose);
    // Typed text picks the first program whose name contains it ("cel" -> 43 Cello); text that
    // names none goes back to the program shown.
    connect(lineEdit(), &QLineEdit::editingFinished, this, &InstrumentBox::pickTyped);
    lineEdit()->installEventFilter(this);
}

void InstrumentBox::pickTyped()
{
    setCurrentIndex(search(lineEdit()->text()));
    lineEdit()->setText(itemText(currentIndex()));
}

// Return picks what was typed (QComboBox alone would only accept an exact name).
void InstrumentBox::keyPressEvent(QKeyEvent* event)
{
    if (isReturn(event)) {
        pickTyped();
        event->accept();
        return;
    }
    QComboBox::keyPressEvent(event);
}

// Return belongs to the box while it has the focus, not to the window's Return shortcut (Stop).
bool InstrumentBox::event(QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride && isReturn(event)) {
        event->accept();
        return true;
    }
    return QComboBox::event(event);
}

bool InstrumentBox::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == lineEdit() && isReturn(event)) {
        if (event->type() == QEvent::ShortcutOverride) {
            event->accept();
            return true;
        }
        if (event->type() == QEvent::KeyPress) {
            pickTyped();
            return true;
        }
    }
    return QComboBox::eventFilter(watched, event);
}

int InstrumentBox::program() const
{
    return m_shown;
}

int InstrumentBox::search(const QString& typed) const
{
    const QString text = typed.trimmed();
    bool number = false;
    if (const int program = text.toInt(&number) - 1; number && findData(program) >= 0)
        return findData(program); // "33": General MIDI program 33
    if (!text.isEmpty())
        for (Qt::MatchFlags how : {Qt::MatchFixedString, Qt::MatchContains})
            for (int i = 0; i < count(); ++i)
                if (itemData(i).isValid() &&
                    (how == Qt::MatchFixedString
                         ? itemText(i).compare(text, Qt::CaseInsensitive) == 0
                         : itemText(i).contains(text, Qt::CaseInsensitive)))
                    return i;
    return findData(m_shown);
}

void InstrumentBox::addHeading(const QString& text)
{
    addItem(text);
    auto* items = qobject_cast<QStandardItemModel*>(model());
    QStandardItem* heading = items->item(count() - 1);
    heading->setFlags(Qt::NoItemFlags); // not selectable, not searchable as a program
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
}

void InstrumentBox::choose(int index)
{
    const QVariant data = itemData(index);
    if (!data.isValid()) { // a heading
        setCurrentIndex(findData(m_shown));
        return;
    }
    if (data.toInt() == m_shown) return;
    m_shown = data.toInt();
    setToolTip(QString::fromStdString(model::gm::familyName(m_shown)));
    lineEdit()->setCursorPosition(0);
    emit programChosen(m_shown);
}

} // namespace pianola::widgets
