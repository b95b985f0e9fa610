// SPDX-License-Identifier: MIT
// The open session: the Document, its PlaybackController, and the wiring between them and the
// editor's state (which take is shown, rebuilds after edits, the playhead, the loop, MIDI
// input: play-through, recording and step input as undoable edits).
#pragma once

#include "model/Edit.h"

#include <optional>
#include <QObject>

namespace pianola::engine {
struct MidiMessage;
}

namespace pianola::widgets {
class EditorState;
}

namespace pianola::app {

class Document;
class PlaybackController;

/// Owns the Document and the PlaybackController; the window lays out views over `state` and
/// turns its actions into calls here. GUI thread only.
class Session : public QObject
{
    Q_OBJECT
public:
    /// `state` (the views' shared state) reads plans from and submits edits to the document.
    explicit Session(widgets::EditorState* state, QObject* parent = nullptr);
    ~Session() override; ///< the sound stops before the document goes

    Document* document() const { return m_document; }
    PlaybackController* playback() const { return m_playback; }
    /// The active take's plan (an empty one when there is none).
    const model::Plan& plan() const;

    /// Shows the document's project from the start (on Document::reset; the window calls it
    /// once its views exist).
    void showNewProject();
    /// Loops the region set in the ruler; without one, the whole take in bars.
    void setLoop(bool on);
    /// Starts recording into the current track: false if there is none or no sound at all.
    bool startRecording();
    /// Ends the recording: what was played becomes one undo step (notes added, controllers
    /// overdubbed). The number of notes recorded, or nothing if nothing was recorded.
    std::optional<int> stopRecording();
    /// Step input at the playhead (snapped), one grid step per chord.
    void startStepInput();
    void stopStepInput();

signals:
    /// The plan that plays changed (another take, or an edit of it).
    void planChanged();

private:
    void showActiveTake();
    void documentEdited(const model::Edit& edit);
    void selectRestoredNotes(const model::Edit& edit);
    void activeTakeChanged();
    void midiReceived(const engine::MidiMessage& message);
    void playheadPolled(double seconds, double tick, bool playing);
    void schedulePlayback();
    model::Tick stepGridTicks() const;

    widgets::EditorState* m_state;
    Document* m_document;
    PlaybackController* m_playback;
    model::TrackId m_recordTrack = 0;
};

} // namespace pianola::app
