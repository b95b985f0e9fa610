// SPDX-License-Identifier: MIT
// The instrument chooser of a track: the 128 General MIDI programs under their 16 family headings
// (Piano, Chromatic Percussion, Organ...), or the drum kits by name on channel 10, with
// type-to-search ("cel" finds Cello).
#pragma once

#include <QComboBox>

namespace pianola::widgets {

class InstrumentBox : public QComboBox
{
    Q_OBJECT
public:
    /// `drums`: the kits of channel 10 instead of the melodic programs. Shows `program`.
    InstrumentBox(bool drums, int program, QWidget* parent = nullptr);
    /// The program shown (0..127).
    int program() const;

signals:
    /// The user chose another program (from the list or by typing its name).
    void programChosen(int program);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void pickTyped();
    void addHeading(const QString& text);
    void choose(int index);
    /// The row of the program the typed text names (exactly, else the first containing it).
    int search(const QString& typed) const;
    int m_shown = 0;
};

} // namespace pianola::widgets
