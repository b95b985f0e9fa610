// SPDX-License-Identifier: MIT
// Dragging a spin box's value.
#include "widgets/ValueDrag.h"

#include <cmath>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMouseEvent>
#include <QSignalBlocker>

namespace pianola::widgets {

namespace {
constexpr double kDragThreshold = 3; ///< pixels before a press becomes a drag
}

ValueDrag::ValueDrag(QDoubleSpinBox* box, double perPixel)
    : QObject(box), m_box(box), m_perPixel(perPixel)
{
    m_field = box->findChild<QLineEdit*>(); // lineEdit() is protected
    m_field->installEventFilter(this);
    m_field->setCursor(Qt::SizeVerCursor);
}

double ValueDrag::valueAt(double y, Qt::KeyboardModifiers modifiers) const
{
    const double perPixel = modifiers & Qt::ShiftModifier ? m_perPixel / 10 : m_perPixel;
    const double step = std::pow(10.0, -m_box->decimals());
    return std::round((m_pressValue + (m_pressY - y) * perPixel) / step) * step;
}

bool ValueDrag::eventFilter(QObject* watched, QEvent* event)
{
    const auto type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseMove &&
        type != QEvent::MouseButtonRelease)
        return QObject::eventFilter(watched, event);
    const auto* mouse = static_cast<QMouseEvent*>(event);
    const double y = mouse->position().y();
    if (type == QEvent::MouseButtonPress && mouse->button() == Qt::LeftButton) {
        m_pressed = true, m_dragging = false;
        m_pressY = y, m_pressValue = m_box->value();
        return false; // the line edit still places its cursor
    }
    if (!m_pressed) return false;
    if (type == QEvent::MouseMove) {
        m_dragging = m_dragging || std::abs(y - m_pressY) >= kDragThreshold;
        if (m_dragging) {
            const QSignalBlocker block(m_box); // a preview: the value is set once, on release
            m_box->setValue(valueAt(y, mouse->modifiers()));
        }
        return m_dragging;
    }
    m_pressed = false;
    if (!m_dragging) return false;
    m_dragging = false;
    const double value = valueAt(y, mouse->modifiers());
    {
        const QSignalBlocker block(m_box);
        m_box->setValue(m_pressValue);
    }
    m_box->setValue(value); // one valueChanged for the whole drag
    m_field->deselect();
    return true;
}

} // namespace pianola::widgets
