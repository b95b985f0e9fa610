// SPDX-License-Identifier: MIT
// The keyboard gutter.
#include "widgets/KeyboardGutter.h"

#include "widgets/PianoRollView.h"

#include <algorithm>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace pianola::widgets {

namespace {
bool isBlack(int key)
{
    const int pc = key % 12;
    return pc == 1 || pc == 3 || pc == 6 || pc == 8 || pc == 10;
}
} // namespace

KeyboardGutter::KeyboardGutter(EditContext& context, PianoRollView* roll)
    : QWidget(roll), m_context(context), m_roll(roll)
{
    setObjectName("keyboardGutter");
    setMouseTracking(true);
    setCursor(Qt::PointingHandCursor);
}

void KeyboardGutter::setHoverKey(int key)
{
    if (key != m_hoverKey) {
        m_hoverKey = key;
        update();
    }
}

void KeyboardGutter::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0x26, 0x28, 0x2e));
    const model::Track* track = m_context.track();
    const bool drums = track && track->channel == model::gm::kDrumChannel;
    const int rowHeight = m_roll->rowHeight();
    const int firstRow = m_roll->keyRow(m_roll->yToKey(0)),
              lastRow = m_roll->keyRow(m_roll->yToKey(height()));
    p.setFont(labelFont());
    const int keyWidth = drums ? width() : width() - 4;
    for (int r = firstRow; r <= lastRow; ++r) {
        const int key = m_roll->rowKey(r);
        const QRectF row(0, m_roll->keyToY(key), keyWidth, rowHeight);
        QColor fill = drums ? (key % 2 ? QColor(0x30, 0x33, 0x3a) : QColor(0x2b, 0x2e, 0x34))
                      : isBlack(key) ? QColor(0x2a, 0x2c, 0x31)
                                     : QColor(0xd8, 0xda, 0xde);
        if (m_context.scaleShown() && m_context.scale().contains(key) && !drums)
            fill = isBlack(key) ? QColor(0x3a, 0x4a, 0x5c) : QColor(0xc4, 0xd8, 0xee);
        if (key == m_pressedKey)
            fill = QColor(0xff, 0x8a, 0x3d);
        else if (key == m_hoverKey)
            fill = fill.lighter(isBlack(key) ? 160 : 110);
        if (isBlack(key) && !drums) { // a black key in front of the white keys' row line
            p.fillRect(row, QColor(0xd8, 0xda, 0xde));
            p.fillRect(row.adjusted(0, 0, -width() / 3.0, 0), fill);
        } else {
            p.fillRect(row, fill);
        }
        p.setPen(QColor(0x80, 0x84, 0x8c));
        p.drawLine(QPointF(0, row.bottom()), QPointF(keyWidth, row.bottom()));
        const QString label = labelOf(key);
        if (!label.isEmpty() && rowHeight >= 7) {
            p.setPen(drums || isBlack(key) ? QColor(0xd0, 0xd3, 0xd8) : QColor(0x30, 0x33, 0x38));
            const QRectF text = row.adjusted(2, 0, -3, 0);
            p.drawText(
                text, Qt::AlignVCenter | (drums ? Qt::AlignLeft : Qt::AlignRight),
                p.fontMetrics().elidedText(label, Qt::ElideRight, static_cast<int>(text.width())));
        }
    }
}

QString KeyboardGutter::labelFor(int key, bool drums)
{
    return QString::fromStdString(drums ? model::gm::drumKeyShortName(key) : model::keyName(key));
}

QFont KeyboardGutter::labelFont() const
{
    QFont font = this->font();
    font.setPixelSize(std::clamp(m_roll->rowHeight() - 2, 7, 11));
    return font;
}

bool KeyboardGutter::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) { // a drum piece's full name
        const auto* help = static_cast<QHelpEvent*>(event);
        const model::Track* track = m_context.track();
        const int key = m_roll->yToKey(help->pos().y());
        if (track && track->channel == model::gm::kDrumChannel &&
            !model::gm::drumKeyName(key).empty())
            QToolTip::showText(help->globalPos(),
                               QStringLiteral("%1 (%2)")
                                   .arg(QString::fromStdString(model::gm::drumKeyName(key)))
                                   .arg(key),
                               this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

QString KeyboardGutter::labelOf(int key) const
{
    const model::Track* track = m_context.track();
    if (track && track->channel == model::gm::kDrumChannel) return labelFor(key, true);
    // Every key of the take's scale when the rows are tall enough (Bb in F major, not A#), else
    // the Cs: spelled for the key when in it (B#3 in C# major), plain when not (C5 in G# minor,
    // not its B#4).
    const model::KeySignature spelling = m_context.spellingKey();
    const int tonic = model::keySignatureTonicPc(spelling);
    const model::Scale scale{tonic, spelling.minor ? model::Scale::Mode::Minor
                                                   : model::Scale::Mode::Major};
    if (scale.contains(key) && (key % 12 == 0 || m_roll->rowHeight() >= 14))
        return m_context.keyLabel(key);
    if (key % 12 == 0) return QString::fromStdString(model::keyName(key)); // C5 in G# minor
    return {};
}

void KeyboardGutter::press(int key, double)
{
    if (key == m_pressedKey) return;
    m_pressedKey = key;
    update();
    if (key >= 0) emit m_context.auditionRequested(key, 100);
}

void KeyboardGutter::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        press(m_roll->yToKey(event->position().y()), event->position().x());
}

void KeyboardGutter::mouseMoveEvent(QMouseEvent* event)
{
    const int key = m_roll->yToKey(event->position().y());
    if (event->buttons() & Qt::LeftButton) press(key, event->position().x()); // glissando
    setHoverKey(key);
}

void KeyboardGutter::mouseReleaseEvent(QMouseEvent*)
{
    m_pressedKey = -1;
    update();
}

} // namespace pianola::widgets
