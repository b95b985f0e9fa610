// SPDX-License-Identifier: MIT
// Drag a spin box's number up or down to change it, as in a DAW's tempo field; a click without
// a drag still places the text cursor for typing.
#pragma once

#include <QObject>

class QDoubleSpinBox;
class QLineEdit;

namespace pianola::widgets {

/// Installed on `box` (its parent): a vertical drag on the number previews the value in the box
/// and sets it once on release (one valueChanged, so one undo step). `perPixel`: the change per
/// pixel of drag (a tenth of it with Shift).
class ValueDrag : public QObject
{
    Q_OBJECT
public:
    ValueDrag(QDoubleSpinBox* box, double perPixel);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    double valueAt(double y, Qt::KeyboardModifiers modifiers) const;

    QDoubleSpinBox* m_box;
    QLineEdit* m_field;
    double m_perPixel;
    bool m_pressed = false, m_dragging = false;
    double m_pressY = 0, m_pressValue = 0;
};

} // namespace pianola::widgets
