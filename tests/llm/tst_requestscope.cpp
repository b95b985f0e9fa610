// SPDX-License-Identifier: MIT
// A request narrowed to a track and bars (engine/llm/Scope): how a line is read against the
// scope, and that offline answers change nothing outside it and keep the take's own locks.
#include "../generate/ArrangeChecks.h"
#include "engine/generate/PlanInfo.h"
#include "engine/llm/Scope.h"
#include "engine/llm/Session.h"

#include <QTest>

using namespace pianola;
namespace gen = engine::generate;
namespace llm = engine::llm;

namespace {
constexpr model::Tick kBar = 1920;

model::Take song()
{
    llm::GenerationRequest request;
    request.prompt = "8-bar lo-fi hip hop in A minor at 78 BPM with chords, bass and drums";
    request.candidates = 1;
    auto result = llm::offlineResult(request);
    model::Take take = result ? result->takes.front() : model::Take{};
    take.id = 7;
    return take;
}

int trackNamed(const model::Plan& plan, const std::string& name)
{
    for (std::size_t i = 0; i < plan.tracks.size(); ++i)
        if (plan.tracks[i].name == name) return static_cast<int>(i);
    return -1;
}

llm::ScopedIntent narrow(const model::Plan& plan, const char* line, const llm::RequestScope& scope)
{
    const auto roles = gen::inferPlanInfo(plan).roles;
    return llm::narrowIntent(gen::readIntent(line, &roles), scope, plan, line);
}
} // namespace

class TestRequestScope : public QObject
{
    Q_OBJECT
private slots:
    void linesAreReadAgainstTheScope();
    void regenerateChangesOnlyTheScope();
    void aChangeStaysInTheScopeAndKeepsOwnLocks();
};

void TestRequestScope::linesAreReadAgainstTheScope()
{
    const model::Take take = song();
    const int bass = trackNamed(take.plan, "Bass");
    QVERIFY(bass >= 0);
    llm::RequestScope scope;
    scope.track = static_cast<std::size_t>(bass);
    scope.fromBar = 5, scope.toBar = 8;
    // "regenerate" alone, or the Regenerate action: the scope's track and bars.
    for (bool action : {false, true}) {
        llm::RequestScope s = scope;
        s.regenerate = action;
        const auto read = narrow(take.plan, action ? "" : "regenerate", s);
        QCOMPARE(read.intent.kind, gen::IntentKind::ReplacePart);
        QCOMPARE(read.parts.size(), std::size_t(1));
        QCOMPARE(read.parts.front().track.value_or(99), static_cast<std::size_t>(bass));
        QCOMPARE(read.parts.front().role, gen::Role::Bass);
        QCOMPARE(read.parts.front().fromBar, 5);
        QCOMPARE(read.parts.front().toBar, 8);
    }
    // A line that names a part keeps it; the scope's bars still apply.
    const auto drums = narrow(take.plan, "new drums", scope);
    QCOMPARE(drums.intent.kind, gen::IntentKind::ReplacePart);
    QCOMPARE(drums.parts.front().role, gen::Role::Drums);
    QCOMPARE(drums.parts.front().fromBar, 5);
    // A change without a part stays inside the scope; without a scope it is the whole take.
    QVERIFY(narrow(take.plan, "darker", scope).lockOutside);
    QVERIFY(!narrow(take.plan, "darker", {}).lockOutside);
    QCOMPARE(narrow(take.plan, "regenerate", {}).intent.kind, gen::IntentKind::Nonsense);
    // Bars only, from a Regenerate action: every unlocked part with notes.
    llm::RequestScope bars;
    bars.fromBar = 3, bars.toBar = 4, bars.regenerate = true;
    model::Plan locked = take.plan;
    locked.tracks[static_cast<std::size_t>(bass)].locked = true;
    QCOMPARE(narrow(locked, "", bars).parts.size(), take.plan.tracks.size() - 1);
}

void TestRequestScope::regenerateChangesOnlyTheScope()
{
    const model::Take take = song();
    const int bass = trackNamed(take.plan, "Bass");
    llm::GenerationRequest request;
    request.prompt = "regenerate";
    request.parent = take;
    request.scope.track = static_cast<std::size_t>(bass);
    request.scope.fromBar = 2, request.scope.toBar = 3, request.scope.regenerate = true;
    request.seed = 5;
    request.candidates = 0; // as the chat asks: the default number of candidates
    auto result = llm::offlineResult(request);
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    QCOMPARE(result->takes.size(), std::size_t(4));
    for (const model::Take& made : result->takes) {
        QCOMPARE(made.provenance.parentTake.value_or(0), take.id);
        for (std::size_t i = 0; i < take.plan.tracks.size(); ++i) {
            const model::Track &was = take.plan.tracks[i], &now = made.plan.tracks[i];
            if (static_cast<int>(i) != bass) {
                QVERIFY(arrange::sameTrack(now, was));
                continue;
            }
            QVERIFY(arrange::sameNotes(arrange::notesInBars(now, kBar, 0, 1),
                                       arrange::notesInBars(was, kBar, 0, 1)));
            QVERIFY(arrange::sameNotes(arrange::notesInBars(now, kBar, 3, 8),
                                       arrange::notesInBars(was, kBar, 3, 8)));
        }
    }
}

void TestRequestScope::aChangeStaysInTheScopeAndKeepsOwnLocks()
{
    model::Take take = song();
    const int chords = trackNamed(take.plan, "Chords");
    model::Track& own = take.plan.tracks[static_cast<std::size_t>(chords)];
    own.notes.front().locked = true; // the take's own lock, before the scope
    const model::Note ownLocked = own.notes.front();
    llm::GenerationRequest request;
    request.prompt = "softer";
    request.parent = take;
    request.scope.track = static_cast<std::size_t>(chords);
    auto result = llm::offlineResult(request);
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    const model::Plan& made = result->takes.front().plan;
    bool changed = false;
    for (std::size_t i = 0; i < take.plan.tracks.size(); ++i) {
        QCOMPARE(made.tracks[i].locked, take.plan.tracks[i].locked); // the scope's locks are gone
        if (static_cast<int>(i) != chords)
            QCOMPARE(made.tracks[i], take.plan.tracks[i]);
        else
            changed = !arrange::sameTrack(made.tracks[i], take.plan.tracks[i]);
    }
    QVERIFY(changed);
    const auto& notes = made.tracks[static_cast<std::size_t>(chords)].notes;
    QVERIFY(std::find(notes.begin(), notes.end(), ownLocked) != notes.end());
    QCOMPARE(
        std::count_if(notes.begin(), notes.end(), [](const model::Note& n) { return n.locked; }),
        1);
    QVERIFY(QString::fromStdString(result->intent).contains("Chords"));
}

QTEST_GUILESS_MAIN(TestRequestScope)
#include "tst_requestscope.moc"
