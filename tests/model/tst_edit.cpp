// SPDX-License-Identifier: MIT
// Edits: every type applied, undone and redone back to identical projects; stale edits refused
// without a change; the note functions on hand-computed cases.
#include "model/Edit.h"
#include "model/GeneralMidi.h"
#include "model/NoteOps.h"

#include <QTest>

using namespace pianola::model;

namespace {
Project sampleProject()
{
    Project project;
    Take take;
    take.id = 1;
    take.name = "Take 1";
    Track piano;
    piano.name = "Piano";
    piano.id = 1;
    piano.notes = {{0, 480, 1, 60, 100}, {0, 480, 2, 64, 90}, {480, 240, 3, 67, 80}};
    piano.controllers = {{0, 7, 100}, {0, 1, 0}, {960, 1, 64}};
    piano.pitchBends = {{100, 0}, {200, 4096}};
    take.plan.tracks.push_back(piano);
    project.takes.push_back(take);
    project.activeTake = 1;
    return project;
}
} // namespace

class TestEdit : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void staleEditChangesNothing();
    void compositeIsAllOrNothing();
    void tracksAreNamedByIdAcrossInserts();
    void laneEditKeepsOtherControllers();
    void quantize_data();
    void quantize();
    void humanizeIsSeededAndBounded();
    void transposeInScale();
    void snapAndLegatoAndVelocity();
    void generalMidiNames();
};

void TestEdit::roundTrip_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("notes: add") << 0;
    QTest::newRow("notes: move") << 1;
    QTest::newRow("notes: delete") << 2;
    QTest::newRow("lane: CC 1 ramp") << 3;
    QTest::newRow("lane: pitch bend") << 4;
    QTest::newRow("track settings") << 5;
    QTest::newRow("track insert") << 6;
    QTest::newRow("take insert") << 7;
    QTest::newRow("take settings") << 8;
    QTest::newRow("plan") << 9;
    QTest::newRow("chat") << 10;
    QTest::newRow("composite: a chat reply") << 11;
}

void TestEdit::roundTrip()
{
    QFETCH(int, kind);
    Project project = sampleProject();
    const Project original = project;
    const Track& t = project.takes[0].plan.tracks[0];
    Edit edit;
    switch (kind) {
    case 0:
        edit = NotesEdit{1, 1, {}, {{960, 480, nextNoteId(t), 72, 100}}};
        break;
    case 1:
        edit = NotesEdit{1, 1, {t.notes[2]}, {{720, 240, 3, 69, 80}}};
        break;
    case 2:
        edit = NotesEdit{1, 1, {t.notes[0], t.notes[1]}, {}};
        break;
    case 3:
        edit = LaneEdit{1,
                        1,
                        {Lane::Kind::Controller, 1},
                        0,
                        1000,
                        {{0, 0}, {960, 64}},
                        {{0, 10}, {480, 60}, {960, 110}}};
        break;
    case 4:
        edit = LaneEdit{
            1, 1, {Lane::Kind::PitchBend, 0}, 150, 300, {{200, 4096}}, {{150, -8192}, {250, 8191}}};
        break;
    case 5: {
        TrackSettings after = settingsOf(t);
        after.name = "Rhodes";
        after.program = 4;
        after.muted = true;
        after.colour = 0x336699;
        edit = TrackSettingsEdit{1, 1, settingsOf(t), after};
        break;
    }
    case 6: {
        Track bass;
        bass.name = "Bass";
        bass.channel = 1;
        bass.program = 33;
        bass.id = 2;
        edit = TrackListEdit{1, 0, true, bass};
        break;
    }
    case 7: {
        Take take;
        take.id = 2;
        take.name = "Take 2";
        edit = TakeListEdit{1, true, take, 1, 2};
        break;
    }
    case 8:
        edit = TakeSettingsEdit{1, "Take 1", "Keeper", false, true};
        break;
    case 10: {
        ChatMessage m;
        m.text = "8 bars of lo-fi";
        edit = ChatEdit{0, true, m};
        break;
    }
    case 11: { // two takes (the first active), the placeholder removed, the reply
        Take a, b;
        a.id = 2;
        b.id = 3;
        ChatMessage reply;
        reply.role = ChatMessage::Role::Assistant;
        reply.takes = {2, 3};
        reply.understood = {"A minor"};
        edit = CompositeEdit{{TakeListEdit{1, true, a, 1, 2}, TakeListEdit{2, true, b, 1, 2},
                              TakeListEdit{0, false, project.takes[0], 2, 2},
                              ChatEdit{0, true, reply}}};
        break;
    }
    case 9: {
        Plan after = project.takes[0].plan;
        after.tempos = {{0, 90.0}};
        edit = PlanEdit{1, project.takes[0].plan, after};
        break;
    }
    }
    QVERIFY(checkEdit(project, edit));
    QCOMPARE(project, original); // checking changes nothing
    QVERIFY(applyEdit(project, edit));
    QVERIFY(!(project == original));
    const Project edited = project;
    QVERIFY(applyEdit(project, inverse(edit)));
    QCOMPARE(project, original);
    QVERIFY(applyEdit(project, edit));
    QCOMPARE(project, edited);
    if (kind != 10) { // (inserting a second equal message is legitimate; a track needs a new id)
        QVERIFY(!applyEdit(project, edit)); // applied twice: the "before" no longer holds
        QCOMPARE(project, edited);
    }
}

void TestEdit::staleEditChangesNothing()
{
    Project project = sampleProject();
    const Project original = project;
    Note changed = project.takes[0].plan.tracks[0].notes[0];
    changed.velocity = 1;
    QVERIFY(!applyEdit(project, NotesEdit{1, 1, {changed}, {}}));
    QVERIFY(!applyEdit(project, NotesEdit{1, 1, {}, {{0, 10, 2, 60, 100}}})); // id 2 in use
    QVERIFY(!applyEdit(project, NotesEdit{1, 1, {}, {{0, 0, 9, 60, 100}}}));  // zero length
    QVERIFY(!applyEdit(project, NotesEdit{1, 5, {}, {}}));                    // no track has id 5
    QVERIFY(!applyEdit(project, NotesEdit{1, 0, {}, {}}));                    // 0 names no track
    QVERIFY(!applyEdit(project,
                       TrackListEdit{1, 1, true, project.takes[0].plan.tracks[0]})); // id 1 is used
    QVERIFY(!applyEdit(project, NotesEdit{7, 0, {}, {}}));
    QVERIFY(!applyEdit(
        project,
        LaneEdit{1, 1, {Lane::Kind::Controller, 1}, 0, 100, {}, {{0, 5}}})); // point at 0 exists
    QVERIFY(!applyEdit(
        project,
        LaneEdit{1, 1, {Lane::Kind::Controller, 1}, 0, 10, {{0, 0}}, {{20, 5}}})); // outside
    QVERIFY(!applyEdit(project,
                       LaneEdit{1, 1, {Lane::Kind::Controller, 1}, 0, 10, {{0, 0}}, {{0, 128}}}));
    QCOMPARE(project, original);
}

void TestEdit::compositeIsAllOrNothing()
{
    Project project = sampleProject();
    const Project original = project;
    Take added;
    added.id = 2;
    ChatMessage stale;
    stale.text = "not there";
    const Edit edit =
        CompositeEdit{{TakeListEdit{1, true, added, 1, 2}, ChatEdit{0, false, stale}}};
    QVERIFY(checkEdit(project, edit));  // only its first edit can be checked without applying
    QVERIFY(!applyEdit(project, edit)); // the second fails: the first is taken back
    QCOMPARE(project, original);
    QVERIFY(contains<ChatEdit>(edit));
    QVERIFY(!contains<NotesEdit>(edit));
    QVERIFY(!checkEdit(project, NotesEdit{1, 1, {}, {{0, 10, 2, 60, 100}}})); // id 2 in use
    QCOMPARE(project, original);
}

// An edit made for a track still finds it after another track was inserted before it (an
// index would now name the other track).
void TestEdit::tracksAreNamedByIdAcrossInserts()
{
    Project project = sampleProject();
    Track drums;
    drums.id = project.takes[0].plan.nextTrackId();
    drums.channel = 9;
    const Edit add = NotesEdit{1, 1, {}, {{960, 480, 4, 72, 100}}};
    QVERIFY(applyEdit(project, TrackListEdit{1, 0, true, drums}));
    QVERIFY(applyEdit(project, add));
    QCOMPARE(project.takes[0].plan.tracks[1].notes.size(), std::size_t(4));
    QVERIFY(project.takes[0].plan.tracks[0].notes.empty());
    // Plans from before ids get them (unique, kept when present).
    Plan old;
    old.tracks.resize(3);
    old.tracks[2].id = 1;
    old.assignTrackIds();
    QCOMPARE(old.tracks[0].id, TrackId(2));
    QCOMPARE(old.tracks[1].id, TrackId(3));
    QCOMPARE(old.tracks[2].id, TrackId(1));
    QCOMPARE(old.trackIndex(3), 1);
    QCOMPARE(old.trackIndex(0), -1);
}

void TestEdit::laneEditKeepsOtherControllers()
{
    Project project = sampleProject();
    QVERIFY(applyEdit(
        project, LaneEdit{1, 1, {Lane::Kind::Controller, 1}, 0, 2000, {{0, 0}, {960, 64}}, {}}));
    const auto& cc = project.takes[0].plan.tracks[0].controllers;
    QCOMPARE(cc.size(), std::size_t{1});
    QCOMPARE(int(cc[0].controller), 7);
    QCOMPARE(lanePoints(project.takes[0].plan.tracks[0], {Lane::Kind::Controller, 7}),
             (std::vector<LanePoint>{{0, 100}}));
}

void TestEdit::quantize_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<double>("strength");
    QTest::addColumn<double>("swing");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("to nearest") << qint64(130) << 1.0 << 0.5 << qint64(120);
    QTest::newRow("half strength") << qint64(130) << 0.5 << 0.5 << qint64(125);
    QTest::newRow("rounds up") << qint64(181) << 1.0 << 0.5 << qint64(240);
    QTest::newRow("swing moves off-beats") << qint64(118) << 1.0 << 0.66 << qint64(158);
    QTest::newRow("swing keeps on-beats") << qint64(245) << 1.0 << 0.66 << qint64(240);
    QTest::newRow("never negative") << qint64(0) << 1.0 << 0.5 << qint64(0);
}

void TestEdit::quantize()
{
    QFETCH(qint64, start);
    QFETCH(double, strength);
    QFETCH(double, swing);
    QFETCH(qint64, expected);
    const auto out = quantized({{start, 100, 1, 60, 100}}, {120, strength, swing, false});
    QCOMPARE(out[0].startTick, expected);
    QCOMPARE(out[0].lengthTicks, Tick{100});
}

void TestEdit::humanizeIsSeededAndBounded()
{
    std::vector<Note> notes;
    for (NoteId i = 0; i < 64; ++i)
        notes.push_back({Tick(i) * 240 + 480, 120, i + 1, 60, 100});
    const auto a = humanized(notes, {20, 10, 42});
    QCOMPARE(a, humanized(notes, {20, 10, 42}));
    QVERIFY(!(a == humanized(notes, {20, 10, 43})));
    int moved = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        QVERIFY(std::abs(a[i].startTick - notes[i].startTick) <= 20);
        QVERIFY(std::abs(a[i].velocity - notes[i].velocity) <= 10);
        moved += a[i].startTick != notes[i].startTick;
    }
    QVERIFY(moved > 32);
    // Correlated, not white: neighbours' offsets agree more often than not.
    int sameSign = 0;
    for (std::size_t i = 1; i < a.size(); ++i)
        sameSign += ((a[i].startTick - notes[i].startTick) > 0) ==
                    ((a[i - 1].startTick - notes[i - 1].startTick) > 0);
    QVERIFY(sameSign > 40);
}

void TestEdit::transposeInScale()
{
    const Scale cMajor{0, Scale::Mode::Major};
    auto up =
        transposedInScale({{0, 1, 1, 60, 100}, {0, 1, 2, 64, 100}, {0, 1, 3, 71, 100}}, 2, cMajor);
    QVERIFY(up);
    QCOMPARE(int((*up)[0].key), 64);                                 // C -> E
    QCOMPARE(int((*up)[1].key), 67);                                 // E -> G
    QCOMPARE(int((*up)[2].key), 74);                                 // B -> D
    auto down = transposedInScale({{0, 1, 1, 61, 100}}, -1, cMajor); // C# snaps to C, then B
    QCOMPARE(int((*down)[0].key), 59);
    QVERIFY(!transposedInScale({{0, 1, 1, 127, 100}}, 1, cMajor));
    QVERIFY(!transposed({{0, 1, 1, 120, 100}}, 12));
}

void TestEdit::snapAndLegatoAndVelocity()
{
    const Scale aMinor{9, Scale::Mode::Minor};
    const auto snapped = snappedToScale({{0, 1, 1, 61, 100}, {0, 1, 2, 66, 100}}, aMinor);
    QCOMPARE(int(snapped[0].key), 60); // C# -> C (tie C/D goes down)
    QCOMPARE(int(snapped[1].key), 65); // F# -> F
    const auto l = legato({{0, 100, 1, 60, 100}, {0, 50, 2, 64, 100}, {480, 10, 3, 62, 100}});
    QCOMPARE(l[0].lengthTicks, Tick{480});
    QCOMPARE(l[1].lengthTicks, Tick{480});
    QCOMPARE(l[2].lengthTicks, Tick{10});
    const auto ramp =
        velocityRamp({{0, 1, 1, 60, 1}, {480, 1, 2, 60, 1}, {960, 1, 3, 60, 1}}, 40, 120);
    QCOMPARE(int(ramp[1].velocity), 80);
    QCOMPARE(int(velocityScaled({{0, 1, 1, 60, 100}}, 2.0)[0].velocity), 127);
}

void TestEdit::generalMidiNames()
{
    QCOMPARE(gm::programName(0), std::string("Acoustic Grand Piano"));
    QCOMPARE(gm::programName(127), std::string("Gunshot"));
    QCOMPARE(gm::drumKeyName(38), std::string("Acoustic Snare"));
    QCOMPARE(gm::drumKitName(25), std::string("TR-808 Kit"));
    QCOMPARE(gm::controllerName(64), std::string("Sustain"));
    QCOMPARE(keyName(60), std::string("C4"));
}

QTEST_GUILESS_MAIN(TestEdit)
#include "tst_edit.moc"
