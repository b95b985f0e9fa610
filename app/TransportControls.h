// SPDX-License-Identifier: MIT
// The transport bar's tempo, meter and key: shown for the active take, tempo and meter edited
// as undoable plan edits, the key (the take's, else the analysis') driving scale highlighting.
#pragma once

#include <QObject>

class QComboBox;
class QDoubleSpinBox;
class QToolBar;

namespace pianola::widgets {
class EditContext;
}

namespace pianola::app {

class Session;

/// Adds a bpm spin box ("tempo"), a meter chooser ("meter") and a key and scale chooser
/// ("scaleKey", "scaleMode") to a tool bar and keeps them in step with the shown take.
class TransportControls : public QObject
{
    Q_OBJECT
public:
    TransportControls(Session* session, widgets::EditContext* context, QToolBar* bar);

    /// The key an analysis found, used while the take states none.
    void setAnalysisKey(int tonic, bool minor);

private:
    void createMetronome(QToolBar* bar);
    void createCountIn(QToolBar* bar);
    void createTempo(QToolBar* bar);
    void createMeter(QToolBar* bar);
    void createKey(QToolBar* bar);
    /// Shows the take's tempo, meter and (when it is another take or its key changed) key.
    void refresh();
    void showKey(int tonic, bool minor);
    void tempoChosen(double bpm);
    void meterChosen();
    void scaleChosen();

    Session* m_session;
    widgets::EditContext* m_context; ///< the take shown, the scale chosen
    QDoubleSpinBox* m_tempo = nullptr;
    QComboBox* m_meter = nullptr;
    QComboBox* m_keyBox = nullptr;
    QComboBox* m_scaleBox = nullptr;
    QString m_keyShownFor; ///< the take and key signature the key chooser was last set from
};

} // namespace pianola::app
