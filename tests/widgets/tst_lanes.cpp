// SPDX-License-Identifier: MIT
// The controller lanes as units: the velocity lane and a point lane driven with QTest mouse
// events against a fake edit sink (what each gesture submits), and painting whose cost is
// bounded by the pixels shown, not by the plan's declared length (a 44-byte MIDI file with one
// note ending at tick 536,870,910 used to build 134 million bars: 4.3 GB and a minute frozen).
#include "EditorFixture.h"
#include "engine/PlanFile.h"
#include "widgets/ControllerLanes.h"
#include "widgets/PianoRollView.h"
#include "widgets/PointLane.h"
#include "widgets/TimeRuler.h"
#include "widgets/VelocityLane.h"

#include <fstream>
#include <QPicture>
#include <QTemporaryDir>
#include <QTest>

using namespace pianola;
using model::Lane;
using model::LanePoint;
using model::Tick;

namespace {
struct Fixture : test::EditorFixture
{
    explicit Fixture(model::Plan plan) : EditorFixture(std::move(plan))
    {
        state.view().setHorizontalView(0, 8); // 480 ticks = 60 px
    }
    const model::Track& track() const { return sink.project.takes.front().plan.tracks.front(); }
};

model::Plan threeNotes()
{
    model::Plan plan;
    model::Track t;
    for (int i = 0; i < 3; ++i)
        t.notes.push_back({Tick(i) * 480, 240, 0, static_cast<std::uint8_t>(60 + i), 100});
    t.controllers = {{240, 1, 10}, {960, 1, 90}};
    plan.tracks.push_back(t);
    return plan;
}

constexpr int kHeader = widgets::PianoRollView::kGutterWidth;

int xOf(const widgets::ControllerLane& lane, Tick tick)
{
    return static_cast<int>(std::lround(lane.tickToX(static_cast<double>(tick))));
}

int yOf(const widgets::ControllerLane& lane, int value)
{
    return static_cast<int>(std::lround(lane.valueToY(value)));
}

void drag(QWidget* w, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mousePress(w, Qt::LeftButton, modifiers, from);
    QTest::mouseMove(w, (from + to) / 2);
    QTest::mouseMove(w, to);
    QTest::mouseRelease(w, Qt::LeftButton, modifiers, to);
}

// The bytes recorded by painting `w` once: a measure of the work a paint does.
qsizetype paintedBytes(QWidget& w)
{
    QPicture picture;
    w.render(&picture);
    return picture.size();
}

// MThd (format 0, 1 track, 1 tick per quarter); MTrk: note on at 0, an empty text event
// 0x0FFFFFFF ticks later, the note off after as many again, end of track. 44 bytes.
QByteArray longNoteFile()
{
    return QByteArray::fromHex("4d54686400000006000000010001"
                               "4d54726b00000016"
                               "00903c40"
                               "ffffff7fff0100"
                               "ffffff7f803c00"
                               "00ff2f00");
}
} // namespace

class TestLanes : public QObject
{
    Q_OBJECT
private slots:
    void velocityLineSetsTheNotesUnderIt();
    void velocityStrokeChangesOnlyTheSelection();
    void velocityStrokeWithoutChangeSubmitsNothing();
    void pointLineDrawsARampAsOneEdit();
    void pointEraseRemovesTheSweptPoints();
    void pointSelectMoveAndDelete();
    void changingTheKindReplacesTheLane();
    void viewsNameTakesNotAddresses();
    void paintCostIsBoundedByTheWidth_data();
    void paintCostIsBoundedByTheWidth();
    void denseLanesPaintPerPixelColumn();
};

void TestLanes::velocityLineSetsTheNotesUnderIt()
{
    Fixture f(threeNotes());
    widgets::VelocityLane lane(f.state.view(), f.state.selection(), f.state.context());
    lane.resize(600, 100);
    lane.setLineMode(true);
    drag(&lane, QPoint(xOf(lane, 0) + 1, yOf(lane, 40)), QPoint(xOf(lane, 960) + 2, yOf(lane, 40)));
    QCOMPARE(f.sink.submitted.size(), std::size_t(1));
    const auto* edit = std::get_if<model::NotesEdit>(&f.sink.submitted[0].first);
    QVERIFY(edit);
    QCOMPARE(edit->take, model::TakeId(7));
    QCOMPARE(edit->removed.size(), std::size_t(3));
    for (const model::Note& n : f.track().notes)
        QVERIFY2(std::abs(n.velocity - 40) <= 1, qPrintable(QString::number(n.velocity)));
    QCOMPARE(f.sink.submitted[0].second, QStringLiteral("Change velocity of 3 note(s)"));
    QVERIFY(!lane.readoutShown()); // the "Velocity 40" readout went with the release
}

void TestLanes::velocityStrokeChangesOnlyTheSelection()
{
    Fixture f(threeNotes());
    widgets::VelocityLane lane(f.state.view(), f.state.selection(), f.state.context());
    lane.resize(600, 100);
    f.state.selection().set({f.track().notes[1].id});
    drag(&lane, QPoint(xOf(lane, 0), yOf(lane, 20)), QPoint(xOf(lane, 960), yOf(lane, 20)));
    QCOMPARE(f.sink.submitted.size(), std::size_t(1));
    QCOMPARE(f.track().notes[0].velocity, 100);
    QVERIFY(std::abs(f.track().notes[1].velocity - 20) <= 1);
    QCOMPARE(f.track().notes[2].velocity, 100);
}

void TestLanes::velocityStrokeWithoutChangeSubmitsNothing()
{
    Fixture f(threeNotes());
    widgets::VelocityLane lane(f.state.view(), f.state.selection(), f.state.context());
    lane.resize(600, 100);
    const QPoint far(xOf(lane, 5000), yOf(lane, 50)); // no note starts there
    drag(&lane, far, far + QPoint(10, 0));
    QVERIFY(f.sink.submitted.empty());
    QVERIFY(lane.preview().empty());
}

void TestLanes::pointLineDrawsARampAsOneEdit()
{
    model::Plan plan = threeNotes();
    plan.tracks[0].controllers.clear();
    Fixture f(plan);
    widgets::PointLane lane(f.state.view(), f.state.context(), Lane{Lane::Kind::Controller, 1});
    lane.resize(600, 100);
    f.state.context().setTool(widgets::Tool::Draw);
    drag(&lane, QPoint(kHeader + 1, yOf(lane, 0)), QPoint(xOf(lane, 1920), yOf(lane, 127)),
         Qt::ControlModifier);
    QCOMPARE(f.sink.submitted.size(), std::size_t(1));
    const auto* edit = std::get_if<model::LaneEdit>(&f.sink.submitted[0].first);
    QVERIFY(edit);
    QCOMPARE(edit->lane, (Lane{Lane::Kind::Controller, 1}));
    const auto points = model::lanePoints(f.track(), Lane{Lane::Kind::Controller, 1});
    QVERIFY2(points.size() >= 8, qPrintable(QString::number(points.size())));
    QVERIFY(points.front().value <= 2);
    QVERIFY(points.back().value >= 125);
    for (std::size_t i = 1; i < points.size(); ++i)
        QVERIFY(points[i].value >= points[i - 1].value && points[i].tick > points[i - 1].tick);
    QCOMPARE(lane.points(), points); // the lane re-read the track after the edit
}

void TestLanes::pointEraseRemovesTheSweptPoints()
{
    Fixture f(threeNotes());
    widgets::PointLane lane(f.state.view(), f.state.context(), Lane{Lane::Kind::Controller, 1});
    lane.resize(600, 100);
    f.state.context().setTool(widgets::Tool::Erase);
    drag(&lane, QPoint(xOf(lane, 900), 50), QPoint(xOf(lane, 1100), 50));
    QCOMPARE(f.sink.submitted.size(), std::size_t(1));
    QCOMPARE(model::lanePoints(f.track(), Lane{Lane::Kind::Controller, 1}),
             (std::vector<LanePoint>{{240, 10}}));
    QCOMPARE(f.sink.submitted[0].second, QStringLiteral("Erase CC 1 Modulation points"));
}

void TestLanes::pointSelectMoveAndDelete()
{
    Fixture f(threeNotes());
    widgets::PointLane lane(f.state.view(), f.state.context(), Lane{Lane::Kind::Controller, 1});
    lane.resize(600, 100);
    f.state.context().setTool(widgets::Tool::Select);
    const QPoint second(xOf(lane, 960), yOf(lane, 90));
    QTest::mouseClick(&lane, Qt::LeftButton, {}, second);
    QCOMPARE(lane.selectedPoints(), (std::vector<LanePoint>{{960, 90}}));
    QVERIFY(f.sink.submitted.empty()); // a click selects, it does not edit
    // Drag it one beat later and lower: one edit.
    drag(&lane, second, QPoint(xOf(lane, 1440), yOf(lane, 60)));
    QCOMPARE(f.sink.submitted.size(), std::size_t(1));
    auto points = model::lanePoints(f.track(), Lane{Lane::Kind::Controller, 1});
    QCOMPARE(points.size(), std::size_t(2));
    QCOMPARE(points[1].tick, Tick(1440));
    QVERIFY(std::abs(points[1].value - 60) <= 1);
    // Rubber band around both, then Delete.
    drag(&lane, QPoint(kHeader + 1, 5), QPoint(xOf(lane, 2000), lane.height() - 5));
    QCOMPARE(lane.selectedPoints().size(), std::size_t(2));
    QTest::keyClick(&lane, Qt::Key_Delete);
    QCOMPARE(f.sink.submitted.size(), std::size_t(2));
    QVERIFY(model::lanePoints(f.track(), Lane{Lane::Kind::Controller, 1}).empty());
}

void TestLanes::changingTheKindReplacesTheLane()
{
    Fixture f(threeNotes());
    widgets::ControllerLanes lanes(&f.state);
    widgets::ControllerLane* velocity = lanes.lanes().at(0);
    QVERIFY(qobject_cast<widgets::VelocityLane*>(velocity));
    widgets::ControllerLane* cc = lanes.changeLane(velocity, Lane{Lane::Kind::Controller, 7});
    QVERIFY(qobject_cast<widgets::PointLane*>(cc));
    QCOMPARE(lanes.changeLane(cc, Lane{Lane::Kind::PitchBend, 0}), cc); // same widget, other data
    QCOMPARE(cc->minValue(), -8192);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(lanes.laneKeys(), QStringList{QStringLiteral("pb")});
}

// The state keeps take ids and reads the plans through the source: when the take list grows
// (and its storage moves), the plan shown and the compared one are the takes' current ones.
void TestLanes::viewsNameTakesNotAddresses()
{
    Fixture f(threeNotes());
    model::Take other = f.sink.project.takes.front();
    other.id = 8;
    f.sink.project.takes.push_back(other);
    f.state.context().setCompareTake(8);
    for (model::TakeId id = 9; id < 100; ++id) { // reallocates the take list
        other.id = id;
        f.sink.project.takes.push_back(other);
    }
    QVERIFY(f.state.context().comparePlan() == &f.sink.project.findTake(8)->plan);
    QVERIFY(f.state.context().plan() == &f.sink.project.findTake(7)->plan);
    QCOMPARE(f.state.context().currentTrackId(), f.track().id);
    f.sink.project.takes.erase(f.sink.project.takes.begin() + 1); // take 8 deleted
    QVERIFY(!f.state.context().comparePlan());
}

void TestLanes::paintCostIsBoundedByTheWidth_data()
{
    QTest::addColumn<model::Plan>("plan");
    model::Plan longNote; // ppq 96: 2.8 million bars in view before bars were thinned
    longNote.ppq = 96;
    model::Track t;
    t.notes.push_back({0, model::Limits::kMaxTick - 1, 0, 60, 100});
    t.controllers = {{0, 7, 100}, {model::Limits::kMaxTick - 1, 7, 0}};
    longNote.tracks.push_back(t);
    QTest::newRow("one note over the longest plan") << longNote;

    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("long.mid")).toStdString();
    const QByteArray bytes = longNoteFile();
    QCOMPARE(bytes.size(), 44);
    std::ofstream(path, std::ios::binary).write(bytes.constData(), bytes.size());
    auto loaded = engine::loadPlanFile(path);
    QVERIFY2(loaded, loaded ? "" : loaded.error().message.c_str());
    QCOMPARE(loaded->plan.lengthTicks(), Tick(2 * 0x0FFFFFFF));
    QTest::newRow("the 44-byte file (1 tick per quarter)") << loaded->plan;
}

// Opens the plan as the app does (zoom to fit in the roll) and paints the roll, the ruler and
// both kinds of lane: each paint records a bounded amount, whatever the declared length.
void TestLanes::paintCostIsBoundedByTheWidth()
{
    QFETCH(model::Plan, plan);
    Fixture f(plan);
    widgets::PianoRollView roll(&f.state);
    roll.resize(600, 400);
    widgets::VelocityLane velocity(f.state.view(), f.state.selection(), f.state.context());
    widgets::PointLane volume(f.state.view(), f.state.context(), Lane{Lane::Kind::Controller, 7});
    velocity.resize(600, 100);
    volume.resize(600, 100);
    roll.show(); // the roll frames a take once it has its size, as in the window
    QVERIFY(QTest::qWaitForWindowExposed(&roll));
    roll.zoomToFit();
    const double visibleTicks = 600 * f.state.view().ticksPerPixel();
    QVERIFY(visibleTicks > 1e8); // far more bars than pixels
    const auto bars = f.state.context().bars(0, static_cast<Tick>(visibleTicks),
                                             8 * f.state.view().ticksPerPixel());
    QVERIFY2(bars.size() <= 600 / 8 + 2, qPrintable(QString::number(bars.size())));
    constexpr qsizetype kBound = 256 * 1024; // a few thousand primitives
    QVERIFY2(paintedBytes(roll) < kBound, qPrintable(QString::number(paintedBytes(roll))));
    QVERIFY2(paintedBytes(velocity) < kBound, qPrintable(QString::number(paintedBytes(velocity))));
    QVERIFY2(paintedBytes(volume) < kBound, qPrintable(QString::number(paintedBytes(volume))));
    QCOMPARE(velocity.lastPaintedStems(), std::size_t(1));
}

// 200,000 notes and CC points in view: one stem per pixel column, at most 5 vertices per column.
void TestLanes::denseLanesPaintPerPixelColumn()
{
    model::Plan plan;
    model::Track t;
    for (int i = 0; i < 200000; ++i) {
        t.notes.push_back({Tick(i) * 10, 5, 0, static_cast<std::uint8_t>(40 + i % 40),
                           static_cast<std::uint8_t>(1 + i % 127)});
        t.controllers.push_back({Tick(i) * 10, 11, static_cast<std::uint8_t>(i % 128)});
    }
    plan.tracks.push_back(t);
    Fixture f(plan);
    widgets::VelocityLane velocity(f.state.view(), f.state.selection(), f.state.context());
    widgets::PointLane expression(f.state.view(), f.state.context(),
                                  Lane{Lane::Kind::Controller, 11});
    velocity.resize(600, 100);
    expression.resize(600, 100);
    f.state.view().setHorizontalView(0, 2'000'000.0 / (600 - kHeader));
    paintedBytes(velocity);
    paintedBytes(expression);
    QVERIFY2(velocity.lastPaintedStems() <= 600,
             qPrintable(QString::number(velocity.lastPaintedStems())));
    QVERIFY(velocity.lastPaintedStems() > 400); // every column has notes
    QVERIFY2(expression.lastPaintedVertices() <= 5 * 600,
             qPrintable(QString::number(expression.lastPaintedVertices())));
    QCOMPARE(expression.points().size(), std::size_t(200000));
}

QTEST_MAIN(TestLanes)
#include "tst_lanes.moc"
