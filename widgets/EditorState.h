// SPDX-License-Identifier: MIT
// What the editor views share: the take shown (read through a PlanSource), the current track,
// the selection, the grid, the key, the zoom and scroll position, the tool, the playhead and
// the loop.
#pragma once

#include "model/Edit.h"
#include "model/GeneralMidi.h"
#include "model/NoteOps.h"
#include "widgets/EditSink.h"
#include "widgets/PlanSource.h"

#include <QColor>
#include <QObject>
#include <QString>
#include <unordered_set>

namespace pianola::widgets {

/// A grid value: a whole note divided by `division`, times 2/3 for triplets; 0 = off.
struct Snap
{
    int division = 16;
    bool triplet = false;
    model::Tick ticks(int ppq) const; ///< 1 when off
    QString label() const;
    static std::vector<Snap> all(); ///< 1/1 .. 1/64, triplets, off
    friend bool operator==(const Snap&, const Snap&) = default;
};

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

class EditorState : public QObject
{
    Q_OBJECT
public:
    explicit EditorState(QObject* parent = nullptr);

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

    const std::unordered_set<model::NoteId>& selection() const { return m_selection; }
    bool isSelected(model::NoteId id) const { return m_selection.count(id) != 0; }
    void setSelection(std::unordered_set<model::NoteId> ids);
    std::vector<model::Note> selectedNotes() const;
    /// The selected notes, or every note of the track when nothing is selected.
    std::vector<model::Note> selectedOrAllNotes() const;

    Snap snap() const { return m_snap; }
    void setSnap(Snap snap);
    model::Tick snapTicks() const { return m_snap.ticks(ppq()); }
    model::Tick snapped(model::Tick tick) const; ///< to the nearest grid line
    model::Tick snappedDown(model::Tick tick) const;

    bool scaleShown() const { return m_scaleShown; }
    model::Scale scale() const { return m_scale; }
    void setScale(bool shown, model::Scale scale);

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    model::Tick lastLength() const { return m_lastLength; }
    void setLastLength(model::Tick ticks) { m_lastLength = std::max<model::Tick>(1, ticks); }
    int lastVelocity() const { return m_lastVelocity; }
    void setLastVelocity(int velocity) { m_lastVelocity = velocity; }

    /// Horizontal view shared by the roll, the ruler and the lanes.
    double ticksPerPixel() const { return m_ticksPerPixel; }
    double leftTick() const { return m_leftTick; }
    void setHorizontalView(double leftTick, double ticksPerPixel);
    double tickToX(double tick) const { return (tick - m_leftTick) / m_ticksPerPixel; }
    double xToTick(double x) const { return m_leftTick + x * m_ticksPerPixel; }

    double playheadTick() const { return m_playheadTick; }
    void setPlayheadTick(double tick);
    bool followPlayhead() const { return m_follow; }
    void setFollowPlayhead(bool on) { m_follow = on; }
    bool loopEnabled() const { return m_loopOn; }
    model::Tick loopStart() const { return m_loopStart; }
    model::Tick loopEnd() const { return m_loopEnd; }
    void setLoop(bool enabled, model::Tick start, model::Tick end);
    /// Another take to overlay (the other of an A/B pair; 0 = none) and its plan (or nullptr).
    const model::Plan* comparePlan() const
    {
        return m_source && m_compare ? m_source->plan(m_compare) : nullptr;
    }
    void setCompareTake(model::TakeId take);
    bool ghostNotes() const { return m_ghosts; }
    const std::vector<ChordMark>& chords() const { return m_chords; }
    /// The analysis' chords, shown in the chord lane when the take has no chord track.
    void setChords(std::vector<ChordMark> chords);
    /// The key names are spelled in: the take's first key signature, else the key chosen in
    /// the scale chooser (major or minor by its mode), else C major.
    model::KeySignature spellingKey() const;
    /// "Bb4" for key 70 in F major, "A#4" in B major: a note name spelled for spellingKey().
    QString keyLabel(int key) const;
    void setGhostNotes(bool on);

    /// What the chat and Regenerate narrow to, besides the selected notes: the bars chosen on
    /// the ruler (1-based, inclusive; 0 = none) and a track chosen in the track list (0 = none).
    int scopeFromBar() const { return m_scopeFromBar; }
    int scopeToBar() const { return m_scopeToBar; }
    void setScopeBars(int fromBar, int toBar);
    model::TrackId scopeTrack() const { return m_scopeTrack; }
    void setScopeTrack(model::TrackId track);
    /// The scope back to the whole take: no bars, no track chosen, nothing selected.
    void clearScope();
    /// Whether the notes of the current track with these ids may be edited; if not, says why
    /// through refused() (a locked track or locked notes) and returns false.
    bool mayEdit(const std::vector<model::Note>& notes);

    /// The colour of track `index` (its own, or one from a palette).
    QColor trackColour(int index) const;
    /// A note's fill: the track colour, darker and greyer at low velocity.
    static QColor velocityColour(const QColor& base, int velocity);

signals:
    void planChanged();
    void currentTrackChanged(int index);
    void selectionChanged();
    void viewChanged();
    void toolChanged(pianola::widgets::Tool tool);
    void snapChanged();
    void scaleChanged();
    void playheadMoved(double tick);
    void loopChanged();
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
    /// The user asked to move the playhead (ruler click).
    void seekRequested(model::Tick tick);
    void scopeChanged();
    /// Regenerate `track` (0 = every part) in bars fromBar..toBar (0 = the whole take), asked
    /// without typing (the ruler's and the track list's menus).
    void regenerateRequested(model::TrackId track, int fromBar, int toBar);
    /// An edit a view refused, and why (for the status bar).
    void refused(const QString& why);

private:
    const PlanSource* m_source = nullptr;
    model::TakeId m_take = 0;
    int m_track = -1;
    EditSink* m_sink = nullptr;
    std::unordered_set<model::NoteId> m_selection;
    Snap m_snap;
    bool m_scaleShown = false;
    model::Scale m_scale;
    Tool m_tool = Tool::Draw;
    model::Tick m_lastLength = 240;
    int m_lastVelocity = 100;
    double m_ticksPerPixel = 8;
    double m_leftTick = 0;
    double m_playheadTick = 0;
    bool m_follow = true;
    bool m_loopOn = false;
    model::Tick m_loopStart = 0, m_loopEnd = 0;
    bool m_ghosts = true;
    model::TakeId m_compare = 0;
    std::vector<ChordMark> m_chords;
    int m_scopeFromBar = 0, m_scopeToBar = 0;
    model::TrackId m_scopeTrack = 0;
};

} // namespace pianola::widgets
