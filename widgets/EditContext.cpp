// SPDX-License-Identifier: MIT
// What an edit acts on: the take, the current track, the tool, the key and the sink.
#include "widgets/EditContext.h"

#include "model/ChordSymbol.h"
#include "widgets/Selection.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace pianola::widgets {

EditContext::EditContext(Selection& selection, QObject* parent)
    : QObject(parent), m_selection(selection)
{}

void EditContext::setTake(model::TakeId take)
{
    const model::TakeId before = std::exchange(m_take, take);
    const model::Plan* plan = this->plan();
    const bool sameTake = take == before && plan != nullptr;
    const int tracks = plan ? static_cast<int>(plan->tracks.size()) : 0;
    if (!sameTake) { // another take: start on its first pitched track with notes
        m_selection.clearQuietly();
        m_track = tracks > 0 ? 0 : -1;
        for (int i = 0; i < tracks; ++i) {
            const model::Track& t = plan->tracks[static_cast<std::size_t>(i)];
            if (!t.notes.empty() && t.channel != model::gm::kDrumChannel) {
                m_track = i;
                break;
            }
        }
    }
    if (m_track >= tracks || (m_track < 0 && tracks > 0))
        m_track = tracks > 0 ? std::clamp(m_track, 0, tracks - 1) : -1;
    emit planChanged();
    emit currentTrackChanged(m_track);
    emit m_selection.selectionChanged();
}

void EditContext::notifyPlanChanged()
{
    const int tracks = plan() ? static_cast<int>(plan()->tracks.size()) : 0;
    if (m_track >= tracks) setCurrentTrack(tracks - 1);
    if (const model::Track* t = track()) m_selection.retainIn(*t); // drop ids that are gone
    emit planChanged();
}

const model::Track* EditContext::track() const
{
    const model::Plan* shown = plan();
    if (!shown || m_track < 0 || m_track >= static_cast<int>(shown->tracks.size())) return nullptr;
    return &shown->tracks[static_cast<std::size_t>(m_track)];
}

model::TrackId EditContext::currentTrackId() const
{
    const model::Track* t = track();
    return t ? t->id : 0;
}

void EditContext::setCurrentTrack(int index)
{
    if (index == m_track) return;
    m_track = index;
    m_selection.clearQuietly();
    emit currentTrackChanged(index);
    emit m_selection.selectionChanged();
}

std::vector<Bar> EditContext::bars(model::Tick fromTick, model::Tick toTick,
                                   double minSpacingTicks) const
{
    std::vector<Bar> out;
    const std::vector<model::TimeSignature> none{model::TimeSignature{}};
    const model::Plan* shown = plan();
    const auto& meters = shown && !shown->timeSignatures.empty() ? shown->timeSignatures : none;
    const int q = ppq();
    int number = 1;
    model::Tick start = 0;
    for (std::size_t i = 0; i < meters.size() && start < toTick; ++i) {
        const auto& ts = meters[i];
        Bar bar{number, start, std::max<model::Tick>(1, q * 4 / std::max(1, ts.denominator)),
                std::max(1, ts.numerator)};
        const model::Tick next =
            i + 1 < meters.size() ? meters[i + 1].tick : model::Limits::kMaxTick;
        const model::Tick barLength = bar.endTick() - bar.startTick;
        // Skip whole bars before fromTick arithmetically: fast at any zoom.
        if (bar.startTick + barLength <= fromTick) {
            const model::Tick skip =
                std::min((fromTick - bar.startTick) / barLength,
                         std::max<model::Tick>(0, (next - bar.startTick) / barLength - 1));
            bar.startTick += skip * barLength;
            bar.number += static_cast<int>(skip);
        }
        // Every bar, or every 2nd, 4th... so that the bars listed are minSpacingTicks apart:
        // the list costs by the pixels shown, not by the ticks (a 4-tick bar at 1e6 ticks/px).
        model::Tick stride = 1;
        while (static_cast<double>(barLength * stride) < minSpacingTicks &&
               stride < (model::Tick(1) << 30))
            stride *= 2;
        while (bar.startTick < next && bar.startTick < toTick) {
            const model::Tick phase = (bar.number - 1) % stride;
            if (phase == 0 && bar.endTick() > fromTick) out.push_back(bar);
            const model::Tick steps =
                std::min(stride - phase, (next - bar.startTick + barLength - 1) / barLength);
            bar.startTick += steps * barLength;
            bar.number += static_cast<int>(steps);
        }
        number = bar.number;
        start = bar.startTick;
    }
    return out;
}

Bar EditContext::barAt(model::Tick tick) const
{
    const auto found = bars(tick, tick + 1);
    return found.empty() ? Bar{} : found.front();
}

bool EditContext::submit(model::Edit edit, const QString& text)
{
    return m_sink && m_sink->submit(std::move(edit), text);
}

bool EditContext::mayEdit(const std::vector<model::Note>& notes)
{
    const model::Track* t = track();
    if (!t) return false;
    if (t->locked) {
        emit refused(tr("%1 is locked: unlock it (the padlock in the track list) to edit it")
                         .arg(QString::fromStdString(t->name)));
        return false;
    }
    const auto locked =
        std::count_if(notes.begin(), notes.end(), [](const model::Note& n) { return n.locked; });
    if (locked > 0) {
        emit refused(tr(
            "%n locked note(s) cannot be changed: unlock them first (Edit > Lock or unlock notes)",
            nullptr, static_cast<int>(locked)));
        return false;
    }
    return true;
}

std::vector<model::Note> EditContext::selectedNotes() const
{
    std::vector<model::Note> out;
    if (const model::Track* t = track())
        for (const model::Note& n : t->notes)
            if (m_selection.isSelected(n.id)) out.push_back(n);
    return out;
}

std::vector<model::Note> EditContext::selectedOrAllNotes() const
{
    if (!m_selection.isEmpty()) return selectedNotes();
    const model::Track* t = track();
    return t ? t->notes : std::vector<model::Note>{};
}

void EditContext::setTool(Tool tool)
{
    if (tool == m_tool) return;
    m_tool = tool;
    emit toolChanged(tool);
}

void EditContext::setScale(bool shown, model::Scale scale)
{
    m_scaleShown = shown;
    m_scale = scale;
    emit scaleChanged();
}

void EditContext::setCompareTake(model::TakeId take)
{
    m_compare = take;
    emit compareChanged();
}

void EditContext::setChords(std::vector<ChordMark> chords)
{
    m_chords = std::move(chords);
    emit chordsChanged();
}

model::KeySignature EditContext::spellingKey() const
{
    if (const model::Plan* shown = plan(); shown && !shown->keySignatures.empty())
        return shown->keySignatures.front();
    model::KeySignature key;
    if (!m_scaleShown) return key;
    const bool minor = m_scale.mode == model::Scale::Mode::Minor ||
                       m_scale.mode == model::Scale::Mode::HarmonicMinor ||
                       m_scale.mode == model::Scale::Mode::MelodicMinor ||
                       m_scale.mode == model::Scale::Mode::MinorPentatonic;
    for (const bool flats : {false, true}) {
        model::KeySignature k;
        if (model::keySignatureFromTonic(model::pitchClassName(m_scale.tonic, flats), minor, k) &&
            std::abs(k.sharps) <= 6)
            return k;
    }
    return key;
}

QString EditContext::keyLabel(int key) const
{
    return keyLabel(key, spellingKey());
}

QString EditContext::keyLabel(int key, const model::KeySignature& spelling)
{
    const QString name = QString::fromStdString(model::spellPitchClass(key % 12, spelling));
    int octave = key / 12 - 1;
    if (name.startsWith('B') && key % 12 == 0)
        --octave; // B#3 is key 60
    else if (name.startsWith('C') && key % 12 == 11)
        ++octave; // Cb5 is key 71
    return name + QString::number(octave);
}

QColor EditContext::trackColour(int index) const
{
    const model::Plan* shown = plan();
    if (shown && index >= 0 && index < static_cast<int>(shown->tracks.size())) {
        const int c = shown->tracks[static_cast<std::size_t>(index)].colour;
        if (c >= 0) return QColor::fromRgb(static_cast<QRgb>(c));
    }
    constexpr QRgb kPalette[] = {0x4fa3e0, 0xe0a34f, 0x6cc46c, 0xd46a8c,
                                 0x9d7fe0, 0x4fc9c0, 0xd9d45a, 0xe07b4f};
    return QColor::fromRgb(
        kPalette[static_cast<std::size_t>(std::max(0, index)) % std::size(kPalette)]);
}

QColor EditContext::velocityColour(const QColor& base, int velocity)
{
    const double v = std::clamp(velocity, 1, 127) / 127.0;
    const QColor dim(0x55, 0x5a, 0x66);
    const double t = 0.25 + 0.75 * v;
    return QColor::fromRgbF(static_cast<float>(dim.redF() + (base.redF() - dim.redF()) * t),
                            static_cast<float>(dim.greenF() + (base.greenF() - dim.greenF()) * t),
                            static_cast<float>(dim.blueF() + (base.blueF() - dim.blueF()) * t));
}

} // namespace pianola::widgets
