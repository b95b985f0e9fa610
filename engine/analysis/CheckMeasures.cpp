// SPDX-License-Identifier: MIT
// Measurements for the checklist: roles, drum bars, bass against chords and kick, grid, changes.
#include "engine/analysis/CheckMeasures.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>

namespace pianola::engine::analysis::measure {

using model::Tick;

namespace {
bool isKick(int key)
{
    return key == 35 || key == 36;
}
bool isBackbeat(int key)
{
    return key == 37 || key == 38 || key == 39 || key == 40;
}
bool isHat(int key)
{
    return key == 42 || key == 44 || key == 46;
}

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
} // namespace

std::string roleOf(const model::Track& track)
{
    if (track.channel == 9) return "drums";
    const std::string name = lower(track.name);
    static const std::array<std::pair<const char*, const char*>, 8> kWords = {{{"bass", "bass"},
                                                                               {"chord", "chords"},
                                                                               {"comp", "chords"},
                                                                               {"pad", "pad"},
                                                                               {"arp", "arpeggio"},
                                                                               {"melod", "melody"},
                                                                               {"lead", "melody"},
                                                                               {"drum", "drums"}}};
    for (const auto& [word, role] : kWords)
        if (name.find(word) != std::string::npos) return role;
    if (track.program >= 32 && track.program <= 39) return "bass";
    if (track.program >= 88 && track.program <= 95) return "pad";
    return "";
}

DrumBars drumBars(const Timeline& timeline)
{
    std::map<int, std::pair<unsigned, unsigned>> beats; // bar -> (kick, backbeat) beat bits
    for (const TimedNote& n : timeline.drums()) {
        const int bar = timeline.barAt(n.startTick);
        const Tick beat = timeline.beatTicks(bar);
        const Tick into = n.startTick - timeline.barStarts()[static_cast<std::size_t>(bar)];
        const Tick nearest = (into + beat / 2) / beat;
        if (std::abs(into - nearest * beat) > beat / 8 || nearest >= 4) continue;
        auto& [kick, back] = beats[bar];
        if (isKick(n.key)) kick |= 1u << nearest;
        if (isBackbeat(n.key)) back |= 1u << nearest;
    }
    DrumBars out;
    int backbeat = 0, four = 0;
    for (const auto& [bar, bits] : beats) {
        if (timeline.beatsInBar(bar) != 4) continue;
        ++out.bars;
        backbeat += (bits.second & 0xA) == 0xA;
        four += (bits.first & 0xF) == 0xF;
    }
    if (out.bars) {
        out.backbeat = static_cast<double>(backbeat) / out.bars;
        out.fourOnTheFloor = static_cast<double>(four) / out.bars;
    }
    return out;
}

int drumHitsInBar(const Timeline& timeline, int bar)
{
    return static_cast<int>(
        std::count_if(timeline.drums().begin(), timeline.drums().end(),
                      [&](const TimedNote& n) { return timeline.barAt(n.startTick) == bar - 1; }));
}

int tripletHatsInBar(const Timeline& timeline, int bar)
{
    const Tick ppq = timeline.ppq();
    int count = 0;
    for (const TimedNote& n : timeline.drums()) {
        if (!isHat(n.key) || timeline.barAt(n.startTick) != bar - 1) continue;
        const Tick into = n.startTick - timeline.barStarts()[static_cast<std::size_t>(bar - 1)];
        const bool onSixteenth = (into * 4) % ppq == 0;
        const bool onTriplet = (into * 6) % ppq == 0 || (into * 3) % ppq == 0;
        count += onTriplet && !onSixteenth;
    }
    return count;
}

namespace {
const model::Track* bassTrack(const model::Plan& plan)
{
    for (const model::Track& t : plan.tracks)
        if (roleOf(t) == "bass" && !t.notes.empty()) return &t;
    return nullptr;
}
} // namespace

double bassOnRoots(const model::Plan& plan, const Timeline& timeline,
                   const std::vector<model::analysis::Chord>& chords)
{
    const model::Track* bass = bassTrack(plan);
    if (!bass || chords.empty()) return -1.0;
    double on = 0, all = 0;
    for (const model::Note& n : bass->notes) {
        const double t = timeline.tempo().ticksToSeconds(n.startTick) + 1e-6;
        auto it = std::upper_bound(chords.begin(), chords.end(), t,
                                   [](double s, const auto& c) { return s < c.startS; });
        if (it == chords.begin()) continue;
        --it;
        if (t >= it->endS) continue;
        const double weight = static_cast<double>(n.lengthTicks);
        all += weight;
        on += (n.key % 12 == it->root) ? weight : 0.0;
    }
    return all > 0 ? on / all : -1.0;
}

double bassOnKick(const model::Plan& plan, const Timeline& timeline)
{
    const model::Track* bass = bassTrack(plan);
    std::vector<Tick> kicks;
    for (const TimedNote& n : timeline.drums())
        if (isKick(n.key)) kicks.push_back(n.startTick);
    if (!bass || kicks.empty()) return -1.0;
    const Tick tolerance = std::max<Tick>(1, timeline.ppq() / 8);
    int on = 0;
    for (const model::Note& n : bass->notes) {
        const auto it = std::lower_bound(kicks.begin(), kicks.end(), n.startTick - tolerance);
        on += it != kicks.end() && *it <= n.startTick + tolerance;
    }
    return static_cast<double>(on) / static_cast<double>(bass->notes.size());
}

double offGridShare(const model::Plan& plan, const Timeline& timeline,
                    const model::analysis::Analysis& a, const std::vector<std::string>& roles)
{
    const double ppq = timeline.ppq();
    // The swung off-beat: its position in its pair, and pairs per beat.
    const double pairs = a.swingSubdivision == 16 ? 2.0 : 1.0;
    const double swung = a.swingRatio / (1.0 + a.swingRatio);
    std::size_t off = 0, all = 0;
    for (const auto* list : {&timeline.pitched(), &timeline.drums()})
        for (const TimedNote& n : *list) {
            const auto track = static_cast<std::size_t>(n.track);
            if (!roles.empty() && track < plan.tracks.size() &&
                std::find(roles.begin(), roles.end(), roleOf(plan.tracks[track])) == roles.end())
                continue;
            const double beats = static_cast<double>(n.startTick) / ppq;
            double dev = 1.0;
            for (double grid : {8.0, 6.0})
                dev = std::min(dev, std::abs(beats * grid - std::round(beats * grid)) / grid);
            const double inPair = beats * pairs - std::floor(beats * pairs);
            dev = std::min(dev, std::abs(inPair - swung) / pairs);
            ++all;
            off += dev > 1.0 / 240.0;
        }
    return all ? static_cast<double>(off) / static_cast<double>(all) : 0.0;
}

double meanVelocity(const model::Plan& plan, const std::vector<std::string>& roles)
{
    double sum = 0;
    std::int64_t n = 0;
    for (const model::Track& t : plan.tracks) {
        if (!roles.empty() && std::find(roles.begin(), roles.end(), roleOf(t)) == roles.end())
            continue;
        for (const model::Note& x : t.notes)
            sum += x.velocity, ++n;
    }
    return n ? sum / static_cast<double>(n) : 0.0;
}

namespace {
// Pitch classes (bit mask) of the harmony parts' notes sounding in [from, to).
unsigned harmonyPitches(const model::Plan& plan, model::Tick from, model::Tick to, bool all)
{
    unsigned mask = 0;
    for (const model::Track& t : plan.tracks) {
        const std::string role = roleOf(t);
        if (role == "drums" || (!all && role != "chords" && role != "pad" && role != "arpeggio"))
            continue;
        for (const model::Note& n : t.notes)
            if (n.startTick < to && n.endTick() > from) mask |= 1u << (n.key % 12);
    }
    return mask;
}

bool hasHarmonyPart(const model::Plan& plan)
{
    return std::any_of(plan.tracks.begin(), plan.tracks.end(), [](const model::Track& t) {
        const std::string role = roleOf(t);
        return !t.notes.empty() && (role == "chords" || role == "pad" || role == "arpeggio");
    });
}
} // namespace

ChordShares chordShares(const model::Plan& plan, const Timeline& timeline,
                        const std::vector<model::analysis::Chord>& chords)
{
    const bool all = !hasHarmonyPart(plan);
    ChordShares out;
    double total = 0;
    for (const auto& c : chords) {
        const auto tick = [&](double s) {
            return static_cast<model::Tick>(std::llround(timeline.tempo().secondsToTicks(s)));
        };
        const model::Tick from = tick(c.startS), to = std::max(from + 1, tick(c.endS));
        const unsigned pcs = harmonyPitches(plan, from, to, all);
        const auto has = [&](int interval) { return (pcs >> ((c.root + interval) % 12)) & 1u; };
        const double d = c.endS - c.startS;
        total += d;
        const bool seventh = has(10) || has(11), ninth = has(2);
        out.sevenths += seventh ? d : 0.0;
        out.ninths += ninth ? d : 0.0;
        out.triads += !seventh && !ninth && !has(9) && !has(5) ? d : 0.0;
    }
    if (total > 0) {
        out.sevenths /= total;
        out.ninths /= total;
        out.triads /= total;
    }
    return out;
}

Changes changes(const model::Plan& parent, const model::Plan& plan)
{
    Changes out;
    if (parent.initialBpm() != plan.initialBpm()) out.changed.push_back("tempo");
    if (parent.lengthTicks() != plan.lengthTicks()) out.changed.push_back("length");
    for (const model::Track& t : plan.tracks) {
        const auto it = std::find_if(parent.tracks.begin(), parent.tracks.end(),
                                     [&](const model::Track& p) { return p.name == t.name; });
        const bool same = it != parent.tracks.end() && it->notes == t.notes &&
                          it->program == t.program && it->channel == t.channel;
        (same ? out.identical : out.changed).push_back(t.name);
    }
    for (const model::Track& p : parent.tracks)
        if (std::none_of(plan.tracks.begin(), plan.tracks.end(),
                         [&](const model::Track& t) { return t.name == p.name; }))
            out.changed.push_back(p.name + " (removed)");
    return out;
}

} // namespace pianola::engine::analysis::measure
