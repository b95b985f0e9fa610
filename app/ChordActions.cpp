// SPDX-License-Identifier: MIT
// The Chords menu and the chat's chord requests.
#include "app/ChordActions.h"

#include "app/ChordFollowSink.h"
#include "app/Document.h"
#include "engine/generate/ChordGap.h"
#include "engine/generate/ChordParts.h"
#include "engine/generate/ChordRequest.h"
#include "engine/generate/Harmonize.h"
#include "engine/generate/Refit.h"
#include "model/ChordEdits.h"
#include "model/ChordSymbol.h"
#include "model/ChordTrack.h"
#include "model/GeneralMidi.h"
#include "model/NoteOps.h"
#include "widgets/EditorState.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>

namespace pianola::app {

using model::Plan;
using model::Take;

ChordActions::ChordActions(Document* document, widgets::EditorState* state, QWidget* window)
    : QObject(window), m_document(document), m_state(state), m_window(window),
      m_followSink(std::make_unique<ChordFollowSink>(document))
{
    m_state->context().setSink(m_followSink.get());
    connect(&m_state->context(), &widgets::EditContext::chordSuggestionRequested, this,
            [this](model::Tick from, model::Tick to) { suggestChords(from, to); });
}

ChordActions::~ChordActions() = default; // the window goes first: nothing submits any more

void ChordActions::addMenu(QMenuBar* bar)
{
    QMenu* menu = bar->addMenu(tr("C&hords"));
    auto add = [&](const QString& text, const char* name, auto slot) {
        QAction* a = menu->addAction(text, this, slot);
        a->setObjectName(name);
        return a;
    };
    add(tr("&Detect chords"), "detectChords", [this] { detectChords(); });
    menu->addSeparator();
    add(tr("&Refit the take to the chords"), "refitTake", [this] { refit(Scope::Take); });
    add(tr("Refit the current &track to the chords"), "refitTrack",
        [this] { refit(Scope::Track); });
    add(tr("Refit the &selection to the chords"), "refitSelection",
        [this] { refit(Scope::Selection); });
    add(tr("&Harmonize the current track"), "harmonizeTrack", [this] { harmonize(); });
    add(tr("Trans&pose the take..."), "transposeTake", [this] { transposeDialog(); });
    menu->addSeparator();
    m_follows = add(tr("Current track &follows the chord track"), "followsChords",
                    [this](bool on) { setFollowsChords(on); });
    m_follows->setCheckable(true);
    QAction* partsFollow = add(tr("&Parts follow chord edits"), "partsFollowChordEdits",
                               [this](bool on) { m_followSink->setEnabled(on); });
    partsFollow->setCheckable(true);
    partsFollow->setChecked(m_followSink->enabled());
    partsFollow->setToolTip(tr("When you edit the chord lane, the tracks that follow the chord "
                               "track play the new chords (in the same undo step)"));
    connect(&m_state->context(), &widgets::EditContext::currentTrackChanged, this,
            &ChordActions::updateFollows);
    connect(&m_state->context(), &widgets::EditContext::planChanged, this,
            &ChordActions::updateFollows);
    updateFollows();
}

const Take* ChordActions::active() const
{
    return m_document->activeTake();
}

void ChordActions::updateFollows()
{
    if (!m_follows) return;
    const model::Track* track = m_state->context().track();
    const QSignalBlocker block(m_follows);
    m_follows->setEnabled(track && track->channel != model::gm::kDrumChannel);
    m_follows->setChecked(track && track->followsChords);
}

Take ChordActions::childTake(Plan plan, const QString& name) const
{
    Take take;
    take.plan = std::move(plan);
    take.name = name.toStdString();
    take.provenance.provider = "user";
    take.provenance.prompt = name.toStdString();
    if (const Take* parent = active()) take.provenance.parentTake = parent->id;
    return take;
}

bool ChordActions::addTakes(std::vector<Take> takes, const QString& text)
{
    if (takes.empty()) return false;
    model::CompositeEdit edit;
    model::TakeId next = m_document->project().nextTakeId(), first = next;
    int added = 0;
    for (Take& take : takes) {
        take.id = next++;
        model::TakeListEdit add = m_document->addTakeEdit(std::move(take), first);
        add.index += added++;
        edit.edits.push_back(std::move(add));
    }
    return m_document->submit(std::move(edit), text);
}

std::optional<model::PlanEdit> ChordActions::detectEdit(QString* why) const
{
    const Take* take = active();
    if (!take || take->plan.noteCount() == 0) {
        *why = tr("Nothing to detect chords from: the take has no notes");
        return std::nullopt;
    }
    Plan source = take->plan;
    if (!m_state->selection().ids().empty() &&
        m_state->context().currentTrack() >= 0) { // the selected notes' track
        const model::Track track =
            source.tracks[static_cast<std::size_t>(m_state->context().currentTrack())];
        source.tracks = {track};
    }
    auto chords = engine::generate::detectChords(source);
    model::PlanEdit edit = model::chordTrackEdit(take->id, take->plan, std::move(chords));
    model::trimChordTrack(edit.after);
    if (edit.after.chords.empty()) {
        *why = tr("No chords were recognized in these notes");
        return std::nullopt;
    }
    return edit;
}

bool ChordActions::detectChords()
{
    QString why;
    auto edit = detectEdit(&why);
    if (!edit) {
        emit statusMessage(why);
        return false;
    }
    const auto count = edit->after.chords.size();
    if (!m_document->submit(std::move(*edit), tr("Detect chords"))) return false;
    emit statusMessage(tr("%n chord(s) detected: edit them in the chord lane above the ruler",
                          nullptr, static_cast<int>(count)));
    return true;
}

std::vector<Take> ChordActions::refitTakes(Scope scope, QString* why) const
{
    const Take* take = active();
    if (!take || take->plan.chords.empty()) {
        *why = tr("The take has no chord track: detect or write chords first");
        return {};
    }
    const Plan& plan = take->plan;
    std::vector<int> tracks;
    std::unordered_set<model::NoteId> notes;
    if (scope == Scope::Take) {
        tracks = engine::generate::followingTracks(plan);
        if (tracks.empty()) // nothing follows yet: every pitched part
            for (std::size_t i = 0; i < plan.tracks.size(); ++i)
                if (plan.tracks[i].channel != model::gm::kDrumChannel)
                    tracks.push_back(static_cast<int>(i));
    } else if (m_state->context().currentTrack() >= 0) {
        tracks = {m_state->context().currentTrack()};
        notes = m_state->selection().ids();
    }
    if (tracks.empty() || (scope == Scope::Selection && notes.empty())) {
        *why = scope == Scope::Selection ? tr("Select the notes to refit first")
                                         : tr("No pitched part to refit");
        return {};
    }
    engine::generate::RefitReport report;
    Plan refit = engine::generate::refitTracks(
        plan, tracks, scope == Scope::Selection ? &notes : nullptr, &report);
    if (refit == plan) {
        *why = tr("The parts already follow the chords: nothing changed");
        return {};
    }
    return {childTake(std::move(refit), tr("refit to chords"))};
}

bool ChordActions::refit(Scope scope, const QString&)
{
    QString why;
    auto takes = refitTakes(scope, &why);
    if (takes.empty()) {
        emit statusMessage(why);
        return false;
    }
    return addTakes(std::move(takes), tr("Refit to chords"));
}

std::vector<Take> ChordActions::harmonizeTakes(QString* why) const
{
    const Take* take = active();
    if (!take) {
        *why = tr("No take to harmonize");
        return {};
    }
    int melody = m_state->context().currentTrack();
    const auto& tracks = take->plan.tracks;
    if (melody < 0 || melody >= static_cast<int>(tracks.size()) ||
        tracks[static_cast<std::size_t>(melody)].notes.empty() ||
        tracks[static_cast<std::size_t>(melody)].channel == model::gm::kDrumChannel)
        melody = engine::generate::melodyTrackOf(take->plan);
    if (melody < 0) {
        *why = tr("No melody to harmonize: draw or record one first");
        return {};
    }
    std::vector<Take> out;
    int n = 0;
    for (Plan& plan : engine::generate::harmonizedTakes(take->plan, melody, 4))
        out.push_back(childTake(std::move(plan), tr("harmonized %1").arg(++n)));
    return out;
}

bool ChordActions::harmonize()
{
    QString why;
    auto takes = harmonizeTakes(&why);
    if (takes.empty()) {
        emit statusMessage(why);
        return false;
    }
    return addTakes(std::move(takes), tr("Harmonize"));
}

bool ChordActions::transposeTake(int semitones)
{
    const Take* take = active();
    if (!take || semitones == 0) return false;
    auto moved = model::transposedTake(take->plan, semitones);
    if (!moved) {
        emit statusMessage(
            tr("Not transposed: %1").arg(QString::fromStdString(moved.error().message)));
        return false;
    }
    return m_document->submit(model::PlanEdit{take->id, take->plan, std::move(*moved)},
                              tr("Transpose take"));
}

void ChordActions::transposeDialog()
{
    bool ok = false;
    const int semitones = QInputDialog::getInt(
        m_window, tr("Transpose the take"),
        tr("Semitones (the chord track and key move too; drums stay):"), 0, -24, 24, 1, &ok);
    if (ok) transposeTake(semitones);
}

bool ChordActions::setFollowsChords(bool on)
{
    const Take* take = active();
    const model::Track* track = m_state->context().track();
    if (!take || !track || track->followsChords == on) return false;
    model::TrackSettings after = model::settingsOf(*track);
    after.followsChords = on;
    return m_document->submit(
        model::TrackSettingsEdit{take->id, track->id, model::settingsOf(*track), after},
        on ? tr("Follow the chord track") : tr("Stop following the chord track"));
}

// The chords starting in bar `bar` (the detected ones when the take has no chord track) get
// `quality`; the following parts refit to them in a new take.
std::vector<Take> ChordActions::barChangeTakes(int bar, const std::string& quality,
                                               QString* why) const
{
    const Take* take = active();
    if (!take || take->plan.noteCount() == 0) {
        *why = tr("No take to change");
        return {};
    }
    Plan plan = take->plan;
    if (plan.chords.empty()) plan.chords = engine::generate::detectChords(plan);
    const auto bars = model::barStarts(plan, model::chordTrackLimit(plan));
    if (bar < 1 || bar > static_cast<int>(bars.size())) {
        *why = tr("The take has no bar %1").arg(bar);
        return {};
    }
    const model::Tick from = bars[static_cast<std::size_t>(bar - 1)];
    const model::Tick to = bar < static_cast<int>(bars.size()) ? bars[static_cast<std::size_t>(bar)]
                                                               : model::chordTrackLimit(plan);
    bool changed = false;
    for (model::PlanChord& c : plan.chords) {
        if (c.endTick() <= from || c.startTick >= to) continue;
        const auto symbol = model::parseChordSymbol(model::pitchClassName(c.root) + quality);
        if (symbol) c = model::planChordOf(*symbol, c.startTick, c.lengthTicks), changed = true;
    }
    if (!changed) {
        *why = tr("No chord in bar %1 to change").arg(bar);
        return {};
    }
    std::vector<int> tracks = engine::generate::followingTracks(plan);
    if (tracks.empty())
        for (std::size_t i = 0; i < plan.tracks.size(); ++i)
            if (plan.tracks[i].channel != model::gm::kDrumChannel)
                tracks.push_back(static_cast<int>(i));
    Plan out = engine::generate::refitTracks(plan, tracks);
    return {childTake(
        std::move(out),
        tr("bar %1 %2").arg(bar).arg(QString::fromStdString(quality.empty() ? "major" : quality)))};
}

namespace {
// The gap's chords of a chord track, as text ("F Dm7 G/B").
QString gapText(const std::vector<model::PlanChord>& chords, model::Tick from, model::Tick to,
                const model::Plan& plan)
{
    const model::KeySignature key =
        plan.keySignatures.empty() ? model::KeySignature{} : plan.keySignatures.front();
    QStringList names;
    for (const model::PlanChord& c : chords)
        if (c.startTick >= from && c.startTick < to)
            if (const auto symbol = model::chordSymbolOf(c))
                names << QString::fromStdString(model::chordSymbolText(*symbol, key));
    return names.join(QLatin1Char(' '));
}
} // namespace

std::vector<Take> ChordActions::gapTakes(model::Tick from, model::Tick to,
                                         const std::optional<model::ChordSymbol>& before,
                                         const std::optional<model::ChordSymbol>& after,
                                         QString* why) const
{
    const Take* take = active();
    if (!take) {
        *why = tr("No take to suggest chords for");
        return {};
    }
    Plan plan = take->plan;
    if (plan.chords.empty() && plan.noteCount() > 0)
        plan.chords = engine::generate::detectChords(plan);
    const auto tracks = engine::generate::fillChordGap(plan, {from, to, before, after}, 4);
    if (tracks.empty()) {
        *why = tr("No room for chords there: the span is empty or after the take's end");
        return {};
    }
    std::vector<Take> out;
    for (const auto& chords : tracks) {
        Plan followed = engine::generate::followChordChange(plan, chords);
        followed.normalize();
        out.push_back(
            childTake(std::move(followed), tr("chords: %1").arg(gapText(chords, from, to, plan))));
    }
    return out;
}

bool ChordActions::suggestChords(model::Tick from, model::Tick to,
                                 const std::optional<model::ChordSymbol>& before,
                                 const std::optional<model::ChordSymbol>& after)
{
    QString why;
    auto takes = gapTakes(from, to, before, after, &why);
    if (takes.empty()) {
        emit statusMessage(why);
        return false;
    }
    const auto count = static_cast<int>(takes.size());
    if (!addTakes(std::move(takes), tr("Suggest chords"))) return false;
    emit statusMessage(tr("%n chord suggestion(s) as takes: switch between them in the Takes panel",
                          nullptr, count));
    return true;
}

// Bars `first`..`last` (1-based) of the active take as ticks.
std::optional<std::pair<model::Tick, model::Tick>> ChordActions::barSpan(int first, int last,
                                                                         QString* why) const
{
    const Take* take = active();
    const auto bars = take ? model::barStarts(take->plan, model::chordTrackLimit(take->plan))
                           : std::vector<model::Tick>{};
    if (first < 1 || last < first || last > static_cast<int>(bars.size())) {
        *why = tr("The take has bars 1 to %1: no bar %2")
                   .arg(bars.size())
                   .arg(first < 1 ? first : last);
        return std::nullopt;
    }
    const model::Tick to = last < static_cast<int>(bars.size())
                               ? bars[static_cast<std::size_t>(last)]
                               : model::chordTrackLimit(take->plan);
    return std::pair{bars[static_cast<std::size_t>(first - 1)], to};
}

std::optional<ChordActions::ChatWork> ChordActions::chatRequest(const QString& line)
{
    const auto request = engine::generate::readChordRequest(line.toStdString());
    if (!request) return std::nullopt;
    ChatWork work;
    work.chip = request->chip();
    QString why;
    using Kind = engine::generate::ChordRequest::Kind;
    switch (request->kind) {
    case Kind::Detect:
        if (auto edit = detectEdit(&why)) {
            work.reply = tr("I filled the chord track with %n chord(s) from the notes; edit them "
                            "in the chord lane.",
                            nullptr, static_cast<int>(edit->after.chords.size()));
            work.edit = std::move(*edit);
        }
        break;
    case Kind::Refit:
        work.takes = refitTakes(Scope::Take, &why);
        if (!work.takes.empty())
            work.reply = tr("The parts that follow the chord track now play its chords (a new "
                            "take; the old one is its parent).");
        break;
    case Kind::Harmonize:
        work.takes = harmonizeTakes(&why);
        if (!work.takes.empty())
            work.reply = tr("%n chord track(s) for the melody, plainest first, one take each.",
                            nullptr, static_cast<int>(work.takes.size()));
        break;
    case Kind::ChangeBar:
        work.takes = barChangeTakes(request->bar, request->quality, &why);
        if (!work.takes.empty())
            work.reply =
                tr("Bar %1 changed in the chord track, and the following parts refit to it.")
                    .arg(request->bar);
        break;
    case Kind::FillGap:
        if (const auto span = barSpan(request->bar, request->lastBar, &why)) {
            work.takes = gapTakes(span->first, span->second, request->before, request->after, &why);
            QStringList options;
            for (const Take& t : work.takes)
                options << gapText(t.plan.chords, span->first, span->second, t.plan);
            if (!work.takes.empty())
                work.reply = tr("%n suggestion(s) for bars %1 to %2, one take each (the chords "
                                "around them stay; the following parts play them): %3.",
                                nullptr, static_cast<int>(work.takes.size()))
                                 .arg(request->bar)
                                 .arg(request->lastBar)
                                 .arg(options.join(QLatin1String(" / ")));
        }
        break;
    }
    if (work.reply.isEmpty()) work.reply = why;
    return work;
}

} // namespace pianola::app
