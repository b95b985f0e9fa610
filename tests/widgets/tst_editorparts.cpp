// SPDX-License-Identifier: MIT
// The editor's shared state as three parts, each usable alone: a ViewState (time axis, grid),
// a Selection (note ids, scope) and an EditContext (take, track, sink) that keeps the selection
// valid; EditorState only owns them.
#include "widgets/EditContext.h"
#include "widgets/EditorState.h"
#include "widgets/Selection.h"
#include "widgets/ViewState.h"

#include <QSignalSpy>
#include <QStringList>
#include <QTest>

using namespace pianola;
using model::Tick;

namespace {
/// Take 1: two pitched tracks of two notes each (ids 1, 2 and 3, 4); take 2 a copy at ppq 960.
model::Project twoTakes()
{
    model::Plan plan;
    for (int t = 0; t < 2; ++t) {
        model::Track track;
        track.channel = t;
        for (int i = 0; i < 2; ++i)
            track.notes.push_back({Tick(i) * 480, 240, static_cast<model::NoteId>(2 * t + i + 1),
                                   static_cast<std::uint8_t>(60 + i), 100});
        plan.tracks.push_back(track);
    }
    plan.assignTrackIds();
    model::Project project;
    project.takes.push_back({});
    project.takes.back().id = 1;
    project.takes.back().plan = plan;
    plan.ppq = 960;
    project.takes.push_back({});
    project.takes.back().id = 2;
    project.takes.back().plan = plan;
    return project;
}
} // namespace

class TestEditorParts : public QObject
{
    Q_OBJECT
private slots:
    void anotherTrackClearsTheSelectionBeforeSayingSo();
    void anEditDropsIdsThatAreGone();
    void anotherTakeStartsWithNothingSelected();
    void theViewsGridTakesThePlansResolution();
    void clearingTheScopeClearsTheSelection();
    void theAggregateSnapsAtTheShownPlansResolution();
};

void TestEditorParts::anotherTrackClearsTheSelectionBeforeSayingSo()
{
    const model::Project project = twoTakes();
    const widgets::ProjectPlans plans(project);
    widgets::Selection selection; // no ViewState: the context needs none
    widgets::EditContext context(selection);
    context.setSource(&plans);
    context.setTake(1);
    QCOMPARE(context.currentTrack(), 0);
    selection.set({1, 2});
    QCOMPARE(context.selectedNotes().size(), std::size_t(2));
    QStringList heard;
    connect(&context, &widgets::EditContext::currentTrackChanged, this, [&](int index) {
        heard << QStringLiteral("track %1, %2 selected").arg(index).arg(selection.ids().size());
    });
    connect(&selection, &widgets::Selection::selectionChanged, this,
            [&] { heard << QStringLiteral("selection"); });
    context.setCurrentTrack(1);
    QCOMPARE(heard, (QStringList{"track 1, 0 selected", "selection"}));
    QVERIFY(context.selectedNotes().empty());
    QCOMPARE(context.selectedOrAllNotes().size(), std::size_t(2)); // track 1's notes 3 and 4
    QCOMPARE(context.selectedOrAllNotes().front().id, model::NoteId(3));
}

void TestEditorParts::anEditDropsIdsThatAreGone()
{
    model::Project project = twoTakes();
    const widgets::ProjectPlans plans(project);
    widgets::Selection selection;
    widgets::EditContext context(selection);
    context.setSource(&plans);
    context.setTake(1);
    selection.set({1, 2});
    QStringList heard;
    connect(&selection, &widgets::Selection::selectionChanged, this,
            [&] { heard << QStringLiteral("selection"); });
    connect(&context, &widgets::EditContext::planChanged, this,
            [&] { heard << QStringLiteral("plan"); });
    project.takes.front().plan.tracks.front().notes.erase(
        project.takes.front().plan.tracks.front().notes.begin()); // note 1 is gone
    context.notifyPlanChanged();
    QCOMPARE(selection.ids(), (std::unordered_set<model::NoteId>{2}));
    QCOMPARE(heard, (QStringList{"selection", "plan"}));
    heard.clear();
    context.notifyPlanChanged(); // nothing gone: the selection says nothing
    QCOMPARE(heard, (QStringList{"plan"}));
}

void TestEditorParts::anotherTakeStartsWithNothingSelected()
{
    const model::Project project = twoTakes();
    const widgets::ProjectPlans plans(project);
    widgets::Selection selection;
    widgets::EditContext context(selection);
    context.setSource(&plans);
    context.setTake(1);
    context.setCurrentTrack(1);
    selection.set({3});
    context.setTake(1); // the same take again: track and selection stay
    QCOMPARE(context.currentTrack(), 1);
    QCOMPARE(selection.ids().size(), std::size_t(1));
    QSignalSpy cleared(&selection, &widgets::Selection::selectionChanged);
    context.setTake(2);
    QCOMPARE(context.currentTrack(), 0);
    QVERIFY(selection.isEmpty());
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(context.ppq(), 960);
}

void TestEditorParts::theViewsGridTakesThePlansResolution()
{
    widgets::ViewState view; // no plan, no selection
    QSignalSpy changed(&view, &widgets::ViewState::viewChanged);
    view.setSnap({16, false});
    QCOMPARE(changed.count(), 0); // already 1/16
    QCOMPARE(view.snapTicks(480), Tick(120));
    QCOMPARE(view.snapTicks(960), Tick(240));
    QCOMPARE(view.snapped(130, 480), Tick(120));
    QCOMPARE(view.snapped(130, 960), Tick(240));
    QCOMPARE(view.snappedDown(230, 960), Tick(0));
    view.setSnap({8, true});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(view.snapTicks(480), Tick(160)); // eighth triplets
    view.setHorizontalView(960, 4);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(view.tickToX(1960), 250.0);
    QCOMPARE(view.xToTick(250), 1960.0);
}

void TestEditorParts::clearingTheScopeClearsTheSelection()
{
    widgets::Selection selection;
    QSignalSpy scope(&selection, &widgets::Selection::scopeChanged);
    selection.setScopeBars(5, 3);
    QCOMPARE(selection.scopeFromBar(), 3);
    QCOMPARE(selection.scopeToBar(), 5);
    selection.setScopeTrack(7);
    selection.set({1});
    QCOMPARE(scope.count(), 2);
    selection.clearScope();
    QCOMPARE(scope.count(), 3);
    QCOMPARE(selection.scopeFromBar(), 0);
    QCOMPARE(selection.scopeTrack(), model::TrackId(0));
    QVERIFY(selection.isEmpty());
}

void TestEditorParts::theAggregateSnapsAtTheShownPlansResolution()
{
    const model::Project project = twoTakes();
    const widgets::ProjectPlans plans(project);
    widgets::EditorState state;
    state.context().setSource(&plans);
    state.context().setTake(1);
    QCOMPARE(state.snapTicks(), Tick(120));
    state.context().setTake(2);
    QCOMPARE(state.snapTicks(), Tick(240));
    QCOMPARE(state.snapped(130), Tick(240));
    state.selection().set({1});
    state.context().setCurrentTrack(1); // the owned parts are wired: the selection is cleared
    QVERIFY(state.selection().isEmpty());
}

QTEST_MAIN(TestEditorParts)
#include "tst_editorparts.moc"
