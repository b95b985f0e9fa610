// SPDX-License-Identifier: MIT
// The open session: the document, its sound, and the wiring between them and the editor state.
#include "app/Session.h"

#include "app/Document.h"
#include "app/PlaybackController.h"
#include "engine/midi/MidiMessage.h"
#include "engine/ThreadCheck.h"
#include "model/GeneralMidi.h"
#include "model/InputEdits.h"
#include "widgets/EditorState.h"

#include <functional>
#include <QGuiApplication>
#include <unordered_set>

namespace pianola::app {

Session::Session(widgets::EditorState* state, QObject* parent)
    : QObject(parent), m_state(state), m_document(new Document(this)),
      m_playback(new PlaybackController(m_document, this))
{
    engine::ControlThread::claim(); // debug builds assert that callbacks never run here
    m_state->context().setSink(m_document);
    m_state->context().setSource(m_document);
    connect(m_document, &Document::reset, this, &Session::showNewProject);
    connect(m_document, &Document::edited, this, &Session::documentEdited);
    connect(m_document, &Document::activeTakeChanged, this, &Session::activeTakeChanged);
    // Desktop logout: unsaved work goes to the recovery file first (the session may end us).
    connect(qApp, &QGuiApplication::commitDataRequest, this, [this] {
        m_document->finishWrites();
        if (m_document->isModified()) (void)m_document->writeRecovery();
    });
    connect(m_playback, &PlaybackController::midiReceived, this, &Session::midiReceived);
    connect(m_playback, &PlaybackController::playheadPolled, this, &Session::playheadPolled);
    connect(&m_state->context(), &widgets::EditContext::auditionRequested, this,
            [this](int key, int velocity) {
                if (m_state->context().track())
                    m_playback->audition(m_state->context().track()->channel, key, velocity);
            });
    // A chord (the chord lane's alternatives) on the current pitched track's channel, else on
    // the first pitched track's.
    connect(&m_state->context(), &widgets::EditContext::chordAuditionRequested, this,
            [this](const QList<int>& keys) {
                int channel = 0;
                if (const model::Track* track = m_state->context().track();
                    track && track->channel != model::gm::kDrumChannel)
                    channel = track->channel;
                else
                    for (const model::Track& t : plan().tracks)
                        if (t.channel != model::gm::kDrumChannel) {
                            channel = t.channel;
                            break;
                        }
                for (const int key : keys)
                    m_playback->audition(channel, key, 90);
            });
    connect(&m_state->view(), &widgets::ViewState::seekRequested, this, [this](model::Tick tick) {
        m_state->view().setPlayheadTick(static_cast<double>(tick));
        m_playback->seek(tick);
    });
}

Session::~Session()
{
    m_document->disconnect(this); // the document's last signals find no session
    delete m_playback; // the sound stops (synth, then MIDI ports) while the document still exists
}

const model::Plan& Session::plan() const
{
    static const model::Plan kEmpty;
    const model::Take* take = m_document->activeTake();
    return take ? take->plan : kEmpty;
}

void Session::showNewProject()
{
    m_state->context().setTake(0); // a new project: the views start over (track, selection)
    // ...and the transport at its start, without the last project's loop.
    m_playback->stop();
    m_playback->setLoop(false, 0, 0);
    if (m_state->view().loopEnabled() || m_state->view().loopEnd() > m_state->view().loopStart())
        m_state->view().setLoop(false, 0, 0);
    m_playback->seek(0);
    m_state->view().setPlayheadTick(0);
    showActiveTake();
}

void Session::showActiveTake()
{
    const model::Take* take = m_document->activeTake();
    m_state->context().setTake(take ? take->id : 0);
    m_playback->refreshTempoMap();
    schedulePlayback();
}

void Session::documentEdited(const model::Edit& edit)
{
    // Take list edits may change the active take: show it.
    if (model::contains<model::TakeListEdit>(edit)) {
        showActiveTake();
        return;
    }
    if (std::holds_alternative<model::TakeSettingsEdit>(edit) ||
        std::holds_alternative<model::ChatEdit>(edit))
        return; // the takes list and the chat refresh themselves
    if (model::contains<model::PlanEdit>(edit)) m_playback->refreshTempoMap();
    m_state->context().notifyPlanChanged();
    if (m_document->isReplaying()) selectRestoredNotes(edit);
    schedulePlayback();
}

// Undo and redo select the notes they bring back on the track shown, as a DAW does, so that the
// next edit applies to them again.
void Session::selectRestoredNotes(const model::Edit& edit)
{
    std::unordered_set<model::NoteId> restored;
    const std::function<void(const model::Edit&)> collect = [&](const model::Edit& e) {
        if (const auto* notes = std::get_if<model::NotesEdit>(&e);
            notes && notes->take == m_state->context().take() &&
            notes->track == m_state->context().currentTrackId())
            for (const model::Note& n : notes->added)
                restored.insert(n.id);
        if (const auto* all = std::get_if<model::CompositeEdit>(&e))
            for (const model::Edit& part : all->edits)
                collect(part);
    };
    collect(edit);
    if (!restored.empty()) m_state->selection().set(std::move(restored));
}

// A/B: the other take plays at once, from the same position.
void Session::activeTakeChanged()
{
    m_state->context().setChords({}); // the new take's come with its analysis
    showActiveTake();
    m_playback->rebuildNow();
}

void Session::schedulePlayback()
{
    m_playback->scheduleRebuild();
    emit planChanged();
}

void Session::playheadPolled(double seconds, double tick, bool playing)
{
    if (playing || seconds > 0) m_state->view().setPlayheadTick(tick);
}

void Session::setLoop(bool on)
{
    if (on && m_state->view().loopEnd() <=
                  m_state->view().loopStart()) { // no region yet: the whole take, in bars
        const model::Tick length = std::max<model::Tick>(plan().lengthTicks(), 1);
        const widgets::Bar last = m_state->context().barAt(length - 1);
        m_state->view().setLoop(true, 0, last.endTick());
        return; // the window's loopChanged handler comes back here
    }
    if (m_state->view().loopEnabled() != on)
        m_state->view().setLoop(on, m_state->view().loopStart(), m_state->view().loopEnd());
    m_playback->setLoop(on, m_state->view().loopStart(), m_state->view().loopEnd());
}

// ---- MIDI input: play-through, recording, step input ----

model::Tick Session::stepGridTicks() const
{
    return m_state->snapTicks() > 1 ? m_state->snapTicks() : m_state->context().ppq() / 4;
}

void Session::midiReceived(const engine::MidiMessage& message)
{
    const model::Track* track = m_state->context().track();
    if (!track || message.size < 2 || message.kind() == 0xF0) return;
    const auto step = m_playback->input(message, track->channel, stepGridTicks());
    if (!step) return;
    if (step->note)
        m_document->submit(model::stepNoteEdit(m_state->context().take(), *track, *step->note),
                           tr("Step input"));
    m_state->view().setPlayheadTick(static_cast<double>(step->cursorTick));
}

bool Session::startRecording()
{
    if (!m_state->context().track() || !m_playback->transport()) return false;
    m_recordTrack = m_state->context().currentTrackId();
    return m_playback->startRecording(static_cast<model::Tick>(m_state->view().playheadTick()));
}

std::optional<int> Session::stopRecording()
{
    if (!m_playback->isRecording()) return std::nullopt;
    const model::Track recorded = m_playback->stopRecording();
    const model::Take* take = m_document->activeTake();
    const int index = take ? take->plan.trackIndex(m_recordTrack) : -1;
    if (index < 0 || (recorded.notes.empty() && recorded.controllers.empty())) return std::nullopt;
    const model::Track& target = take->plan.tracks[static_cast<std::size_t>(index)];
    const int notes = static_cast<int>(recorded.notes.size());
    m_document->submit(model::overdubEdit(take->id, target, recorded),
                       tr("Record %n note(s)", nullptr, notes));
    return notes;
}

void Session::startStepInput()
{
    const auto cursor =
        m_state->snappedDown(static_cast<model::Tick>(m_state->view().playheadTick()));
    m_playback->startStepInput(cursor, stepGridTicks());
}

void Session::stopStepInput()
{
    m_playback->stopStepInput();
}

} // namespace pianola::app
