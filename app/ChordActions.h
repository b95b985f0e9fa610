// SPDX-License-Identifier: MIT
// The Chords menu: detect the chord track, refit parts to it (the take, the current track, the
// selection: a new take with its parent), harmonize a track (candidate takes), transpose the take
// with its chord track, and the current track's "follows the chord track" option. The chat's
// chord requests ("make the parts follow the new chords", "harmonize my melody", "detect the
// chords", "make bar 4 a sus chord") come here too.
#pragma once

#include "model/ChordSymbol.h"
#include "model/Edit.h"

#include <memory>
#include <optional>
#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QMenuBar;
class QWidget;

namespace pianola::widgets {
class EditorState;
}

namespace pianola::app {

class ChordFollowSink;
class Document;

class ChordActions : public QObject
{
    Q_OBJECT
public:
    enum class Scope { Take, Track, Selection };

    /// Puts a ChordFollowSink between `state` and `document`: the chord lane's edits take the
    /// following parts along ("Parts follow chord edits", on by default).
    ChordActions(Document* document, widgets::EditorState* state, QWidget* window);
    ~ChordActions() override;
    /// Adds the Chords menu to `bar`.
    void addMenu(QMenuBar* bar);

    /// Fills the active take's chord track from its notes (all tracks; with a selection, the
    /// selected notes' track): one undoable edit.
    bool detectChords();
    /// A new take (parent: the active one) whose parts in `scope` follow its chord track: the
    /// following tracks (all pitched ones when none follows), the current track, or the selected
    /// notes.
    bool refit(Scope scope, const QString& name = {});
    /// Candidate takes with chord tracks for the current track's melody (the highest pitched
    /// track when the current one is drums or empty).
    bool harmonize();
    /// Candidate takes (4, parent: the active one) whose chord tracks fill [from, to) with chords
    /// leading from the chord before to the chord after (set to `before` / `after` when given),
    /// the following parts refit where the chords changed. The chord lane's "Suggest chords
    /// here" comes here.
    bool suggestChords(model::Tick from, model::Tick to,
                       const std::optional<model::ChordSymbol>& before = {},
                       const std::optional<model::ChordSymbol>& after = {});
    /// The take, its chord track and key `semitones` higher (drums stay): one edit.
    bool transposeTake(int semitones);
    /// The current track follows the chord track (or no longer).
    bool setFollowsChords(bool on);

    /// What a chat line asking for chord work does: an edit of the active take and/or new
    /// takes, and the reply; the chat commits them with its message as one undo step.
    struct ChatWork
    {
        std::optional<model::Edit> edit;
        std::vector<model::Take> takes;
        QString reply;
        std::string chip;
    };
    /// The work `line` asks for, or nothing when it asks for something else.
    std::optional<ChatWork> chatRequest(const QString& line);

signals:
    /// A sentence for the status bar.
    void statusMessage(const QString& message);

private:
    const model::Take* active() const;
    std::optional<model::PlanEdit> detectEdit(QString* why) const;
    std::vector<model::Take> refitTakes(Scope scope, QString* why) const;
    std::vector<model::Take> harmonizeTakes(QString* why) const;
    std::vector<model::Take> barChangeTakes(int bar, const std::string& quality,
                                            QString* why) const;
    std::vector<model::Take> gapTakes(model::Tick from, model::Tick to,
                                      const std::optional<model::ChordSymbol>& before,
                                      const std::optional<model::ChordSymbol>& after,
                                      QString* why) const;
    std::optional<std::pair<model::Tick, model::Tick>> barSpan(int first, int last,
                                                               QString* why) const;
    model::Take childTake(model::Plan plan, const QString& name) const;
    bool addTakes(std::vector<model::Take> takes, const QString& text);
    void transposeDialog();
    void updateFollows();

    Document* m_document;
    widgets::EditorState* m_state;
    QWidget* m_window;
    QAction* m_follows = nullptr;
    std::unique_ptr<ChordFollowSink> m_followSink;
};

} // namespace pianola::app
