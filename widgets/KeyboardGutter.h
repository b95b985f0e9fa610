// SPDX-License-Identifier: MIT
// The piano keyboard beside the roll: key names (drum names on channel 10); clicking auditions.
#pragma once

#include "widgets/EditContext.h"

#include <QWidget>

namespace pianola::widgets {

class PianoRollView;

class KeyboardGutter : public QWidget
{
    Q_OBJECT
public:
    /// The rows and their geometry come from `roll`; the track, key and audition from `context`.
    KeyboardGutter(EditContext& context, PianoRollView* roll);
    /// The key under the mouse in the roll (highlighted), -1 for none.
    void setHoverKey(int key);
    /// The text beside `key`: a short drum name on a drum track ("Closed HH"), else its name.
    static QString labelFor(int key, bool drums);
    /// The labels' font (it follows the row height).
    QFont labelFont() const;
    /// The name written on `key`'s row ("" for none): spelled for the take's key, or the drum.
    QString labelOf(int key) const;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void press(int key, double x);

    EditContext& m_context;
    PianoRollView* m_roll;
    int m_hoverKey = -1;
    int m_pressedKey = -1;
};

} // namespace pianola::widgets
