// SPDX-License-Identifier: MIT
// The app's MIDI ports, from QSettings: an optional hardware output that replaces the built-in
// synth, and an optional input whose messages the window plays through, records or
// step-enters. Messages are drained on the GUI thread every 2 ms (the Transport's control side
// is single-producer, so the input thread never talks to it directly).
#pragma once

#include "engine/midi/MidiInput.h"
#include "engine/midi/MidiOutput.h"

#include <memory>
#include <QObject>
#include <QString>

class QTimer;

namespace pianola::app {

class MidiSession : public QObject
{
    Q_OBJECT
public:
    explicit MidiSession(QObject* parent = nullptr);
    ~MidiSession() override;

    /// (Re)opens the ports from the settings "midi/output" (empty = the built-in synth,
    /// "virtual" = a port named Pianola, else a port name to match), "midi/clock",
    /// "midi/input" (empty = none, "virtual", or a port name) and "midi/api" (empty = any).
    /// Returns what could not be opened, in words (empty when all is well).
    QString applySettings();
    /// The hardware output, or nullptr when the built-in synth plays.
    engine::MidiOutput* output() const { return m_output.get(); }
    bool hasInput() const { return m_input != nullptr; }
    QString description() const; ///< "out: jack Pianola:out, in: ..."

signals:
    /// One message from the input, with its arrival time.
    void received(const pianola::engine::MidiMessage& message);

private:
    void drain();

    std::unique_ptr<engine::MidiOutput> m_output;
    std::unique_ptr<engine::MidiInput> m_input;
    QTimer* m_poll;
    std::vector<engine::MidiMessage> m_batch;
};

} // namespace pianola::app
