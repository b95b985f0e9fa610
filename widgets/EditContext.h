// SPDX-License-Identifier: MIT
// What an edit acts on: the take shown (read through a PlanSource), the current track, the
// tool, the last note drawn, the key, and the EditSink edits go to. It keeps the selection
// valid: another take or track clears it, an edit drops the ids of notes that are gone.
#pragma once

#include "model/Edit.h"
#include "model/GeneralMidi.h"
#include "model/NoteOps.h"
#include "widgets/EditSink.h"
#include "widgets/PlanSource.h"

#include <QColor>
#include <QList>
#include <QObject>
#include <QString>

namespace pianola::widgets {

class Selection;

enum class Tool { Select, Draw, Erase, Split };

/// A chord symbol over a stretch of time (from the analysis), shown above the roll.
struct ChordMark
{
    model::Tick startTick = 0, endTick = 0;
    QString symbol;
};

/// One bar of the meter map.
struct Bar
{
    int number = 1; ///< 1-based
    model::Tick startTick = 0;
    model::Tick beatTicks = 480;
    int beats = 4;
    model::Tick endTick() const { return startTick + beatTicks * beats; }
};

class EditContext : public QObject
{
    Q_OBJECT
public:
    /// `selection` (which outlives the context) holds ids of notes of the current track.
    explicit EditContext(Selection& selection, QObject* parent = nullptr);

    /// Where the plans are read (the app's document; it outlives the views).
    void setSource(const PlanSource* source) { m_source = source; }
    /// The take shown (0 = none). Another take starts on its first pitched track with notes,
    /// with nothing selected.
    void setTake(model::TakeId take);
    /// The plan of the take shown, read from the source now (do not keep it across edits).
    const model::Plan* plan() const { return m_source ? m_source->plan(m_take) : nullptr; }
    model::TakeId take() const { return m_take; }
    /// Call after the plan changed in place (an edit): caches drop, views repaint.
    void notifyPlanChanged();
    const model::Track* track() const;           ///< the current track, or nullptr
    int currentTrack() const { return m_track; } ///< index in the plan shown (-1 = none)
    model::TrackId currentTrackId() const;       ///< what edits name (0 = none)
    void setCurrentTrack(int index);
    int ppq() const { return plan() ? plan()->ppq : 480; }
    /// The bars that overlap [fromTick, toTick), following meter changes. With
    /// `minSpacingTicks`, only every 2nd, 4th... bar (numbers 1, 1 + n, 1 + 2n...) so that those
    /// listed are at least that far apart: pass the pixels wanted times ticksPerPixel().
    std::vector<Bar> bars(model::Tick fromTick, model::Tick toTick,
                          double minSpacingTicks = 0) const;
    Bar barAt(model::Tick tick) const;

    EditSink* sink() const { return m_sink; }
    void setSink(EditSink* sink) { m_sink = sink; }
    bool submit(model::Edit edit, const QString& text);
    /// Whether the notes of the current track with these ids may be edited; if not, says why
    /// through refused() (a locked track or locked notes) and returns false.
    bool mayEdit(const std::vector<model::Note>& notes);

    /// The selected notes of the current track.
    std::vector<model::Note> selectedNotes() const;
    /// The selected notes, or every note of the track when nothing is selected.
    std::vector<model::Note> selectedOrAllNotes() const;

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    model::Tick lastLength() const { return m_lastLength; }
    void setLastLength(model::Tick ticks) { m_lastLength = std::max<model::Tick>(1, ticks); }
    int lastVelocity() const { return m_lastVelocity; }
    void setLastVelocity(int velocity) { m_lastVelocity = velocity; }

    /// The scale chosen in the key chooser (its rows are marked; edits may follow it).
    bool scaleShown() const { return m_scaleShown; }
    model::Scale scale() const { return m_scale; }
    void setScale(bool shown, model::Scale scale);
    /// The key names are spelled in: the take's first key signature, else the key chosen in
    /// the scale chooser (major or minor by its mode), else C major.
    model::KeySignature spellingKey() const;
    /// "Bb4" for key 70 in F major, "A#4" in B major: a note name spelled for spellingKey().
    QString keyLabel(int key) const;
    /// The same in a given key (a painter spelling many notes asks spellingKey() once).
    static QString keyLabel(int key, const model::KeySignature& spelling);

    /// Another take to overlay (the other of an A/B pair; 0 = none) and its plan (or nullptr).
    const model::Plan* comparePlan() const
    {
        return m_source && m_compare ? m_source->plan(m_compare) : nullptr;
    }
    void setCompareTake(model::TakeId take);
    const std::vector<ChordMark>& chords() const { return m_chords; }
    /// The analysis' chords, shown in the chord lane when the take has no chord track.
    void setChords(std::vector<ChordMark> chords);

    /// The colour of track `index` (its own, or one from a palette).
    QColor trackColour(int index) const;
    /// A note's fill: the track colour, darker and greyer at low velocity.
    static QColor velocityColour(const QColor& base, int velocity);

signals:
    void planChanged();
    void currentTrackChanged(int index);
    void toolChanged(pianola::widgets::Tool tool);
    void scaleChanged();
    void compareChanged();
    void chordsChanged();
    /// A note to hear now (clicking the keyboard, drawing or moving a note): on the current
    /// track's channel and program.
    void auditionRequested(int key, int velocity);
    /// A chord to hear now (the chord lane's alternatives): MIDI keys sounding together.
    void chordAuditionRequested(const QList<int>& keys);
    /// The chord lane asks for chords to fill [from, to) between the chords around it (candidate
    /// takes; the app's chord actions make them).
    void chordSuggestionRequested(model::Tick from, model::Tick to);
    /// Regenerate `track` (0 = every part) in bars fromBar..toBar (0 = the whole take), asked
    /// without typing (the ruler's and the track list's menus).
    void regenerateRequested(model::TrackId track, int fromBar, int toBar);
    /// An edit a view refused, and why (for the status bar).
    void refused(const QString& why);

private:
    Selection& m_selection;
    const PlanSource* m_source = nullptr;
    model::TakeId m_take = 0;
    int m_track = -1;
    EditSink* m_sink = nullptr;
    Tool m_tool = Tool::Draw;
    model::Tick m_lastLength = 240;
    int m_lastVelocity = 100;
    bool m_scaleShown = false;
    model::Scale m_scale;
    model::TakeId m_compare = 0;
    std::vector<ChordMark> m_chords;
};

} // namespace pianola::widgets
