// SPDX-License-Identifier: MIT
// The edits of live input: a step-input note and a recording overdubbed onto a track, applied,
// undone and redone on a project.
#include "model/InputEdits.h"

#include <QTest>

using namespace pianola::model;

namespace {
Project sampleProject()
{
    Project project;
    Take take;
    take.id = 3;
    Track piano;
    piano.name = "Piano";
    piano.id = 7;
    piano.notes = {{0, 480, 1, 60, 100}, {480, 240, 5, 67, 80}};
    piano.controllers = {{0, 7, 100}, {100, 1, 10}, {300, 1, 30}, {960, 1, 64}};
    Track bass;
    bass.name = "Bass";
    bass.channel = 1;
    bass.id = 2;
    take.plan.tracks.push_back(bass);
    take.plan.tracks.push_back(piano);
    project.takes.push_back(take);
    project.activeTake = 3;
    return project;
}

const Track& piano(const Project& project)
{
    return project.takes[0].plan.tracks[1];
}

/// Applies `edit`, checks undo and redo give back the same projects, returns the edited one.
Project applyUndoRedo(const Project& start, const Edit& edit)
{
    Project edited = start;
    if (!applyEdit(edited, edit)) QTest::qFail("the edit was refused", __FILE__, __LINE__);
    Project undone = edited;
    (void)applyEdit(undone, inverse(edit));
    if (!(undone == start)) QTest::qFail("undo did not restore the project", __FILE__, __LINE__);
    Project redone = undone;
    (void)applyEdit(redone, edit);
    if (!(redone == edited)) QTest::qFail("redo did not repeat the edit", __FILE__, __LINE__);
    return edited;
}
} // namespace

class TestInputEdits : public QObject
{
    Q_OBJECT
private slots:
    void stepNoteGetsTheNextIdOnTheTrack();
    void overdubAddsNotesWithFreshIds();
    void overdubJoinsControllerPoints();
    void nothingRecordedIsNoEdit();
};

void TestInputEdits::stepNoteGetsTheNextIdOnTheTrack()
{
    const Project start = sampleProject();
    const NotesEdit edit = stepNoteEdit(3, piano(start), Note{120, 120, 0, 62, 90});
    QCOMPARE(edit.take, TakeId(3));
    QCOMPARE(edit.track, TrackId(7));
    QVERIFY(edit.removed.empty());
    QCOMPARE(edit.added.size(), std::size_t(1));
    QCOMPARE(edit.added[0].id, NoteId(6)); // after the highest id used (5)
    const Project edited = applyUndoRedo(start, edit);
    const auto& notes = piano(edited).notes;
    QCOMPARE(notes.size(), std::size_t(3));
    QVERIFY(std::any_of(notes.begin(), notes.end(), [](const Note& n) {
        return n.id == 6 && n.key == 62 && n.startTick == 120;
    }));
    QCOMPARE(edited.takes[0].plan.tracks[0],
             start.takes[0].plan.tracks[0]); // the other track untouched
}

void TestInputEdits::overdubAddsNotesWithFreshIds()
{
    const Project start = sampleProject();
    Track recorded;
    recorded.notes = {{240, 100, 1, 64, 70}, {600, 50, 2, 72, 110}}; // Recorder numbers them 1..n
    const CompositeEdit edit = overdubEdit(3, piano(start), recorded);
    QCOMPARE(edit.edits.size(), std::size_t(1));
    const Project edited = applyUndoRedo(start, edit);
    const auto& notes = piano(edited).notes;
    QCOMPARE(notes.size(), std::size_t(4));
    std::vector<NoteId> ids;
    for (const Note& n : notes)
        ids.push_back(n.id);
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, (std::vector<NoteId>{1, 5, 6, 7})); // the existing ones kept, no clash
    QCOMPARE(piano(edited).controllers, piano(start).controllers);
}

void TestInputEdits::overdubJoinsControllerPoints()
{
    const Project start = sampleProject();
    Track recorded;
    recorded.controllers = {{100, 1, 20}, {200, 1, 40}, {400, 1, 50}, {50, 11, 90}};
    const CompositeEdit edit = overdubEdit(3, piano(start), recorded);
    QCOMPARE(edit.edits.size(), std::size_t(2)); // CC 1 and CC 11, no notes
    const Project edited = applyUndoRedo(start, edit);
    // CC 1 between 100 and 400: the existing 100 and 300 stay, the recorded ones join in order
    // (the existing point first at tick 100); 960 outside the range is untouched.
    const Lane modulation{Lane::Kind::Controller, 1};
    QCOMPARE(
        lanePoints(piano(edited), modulation),
        (std::vector<LanePoint>{{100, 10}, {100, 20}, {200, 40}, {300, 30}, {400, 50}, {960, 64}}));
    QCOMPARE(lanePoints(piano(edited), Lane{Lane::Kind::Controller, 11}),
             (std::vector<LanePoint>{{50, 90}}));
    QCOMPARE(lanePoints(piano(edited), Lane{Lane::Kind::Controller, 7}),
             (std::vector<LanePoint>{{0, 100}}));
    QCOMPARE(piano(edited).notes, piano(start).notes);
}

void TestInputEdits::nothingRecordedIsNoEdit()
{
    const Project start = sampleProject();
    QVERIFY(overdubEdit(3, piano(start), Track{}).edits.empty());
}

QTEST_GUILESS_MAIN(TestInputEdits)
#include "tst_inputedits.moc"
