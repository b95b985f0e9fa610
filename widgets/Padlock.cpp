// SPDX-License-Identifier: MIT
// The padlock icon.
#include "widgets/Padlock.h"

#include <QPainter>
#include <QPixmap>

namespace pianola::widgets {

QIcon padlockIcon(bool locked, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colour = locked ? QColor(0xf0, 0xc6, 0x74) : QColor(0x8a, 0x90, 0x9a);
    const double s = size;
    const QRectF body(s * 0.2, s * 0.45, s * 0.6, s * 0.45);
    p.setPen(QPen(colour, s / 9));
    p.setBrush(Qt::NoBrush);
    // The shackle: closed into the body, or swung open to the right.
    const QRectF shackle(s * 0.3 + (locked ? 0 : s * 0.22), s * 0.1, s * 0.4, s * 0.5);
    p.drawArc(shackle, 0, 180 * 16);
    p.drawLine(QPointF(shackle.left(), shackle.center().y()), QPointF(shackle.left(), body.top()));
    if (locked)
        p.drawLine(QPointF(shackle.right(), shackle.center().y()),
                   QPointF(shackle.right(), body.top()));
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRoundedRect(body, s / 16, s / 16);
    return QIcon(pixmap);
}

} // namespace pianola::widgets
