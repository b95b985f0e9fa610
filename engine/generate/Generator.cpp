// SPDX-License-Identifier: MIT
// The generator: chord timeline, parts in dependency order (drums before a kick-locked bass), feel.
#include "engine/generate/Generator.h"

#include "engine/generate/Parts.h"
#include "model/NoteOps.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace pianola::engine::generate {

std::string tooCoarseText(int ppq, std::string_view what)
{
    return "the take has " + std::to_string(ppq) + (ppq == 1 ? " tick" : " ticks") +
           " a quarter note; " + std::string(what) + " needs at least " +
           std::to_string(kMinGridPpq) + " to fall on sixteenths and triplets";
}

namespace {

std::vector<int> pulsesOf(int numerator, int denominator, Tick beatTicks, Tick stepTicks)
{
    std::vector<int> out;
    const int beatSteps = static_cast<int>(beatTicks / stepTicks);
    if (denominator != 8) {
        for (int i = 0; i < numerator; ++i)
            out.push_back(i * beatSteps);
        return out;
    }
    // Eighths: compound meters in threes, others in twos with a three at the end (7/8 = 2+2+3).
    int eighth = 0;
    while (eighth < numerator) {
        out.push_back(eighth * 2);
        const int left = numerator - eighth;
        eighth += (numerator % 3 == 0 || left == 3) ? 3 : 2;
    }
    return out;
}

} // namespace

Grid::Grid(const Brief& b, int ppqIn)
    : ppq(ppqIn), numerator(b.numerator), denominator(b.denominator),
      beatTicks(static_cast<Tick>(ppqIn) * 4 / b.denominator), barTicks(beatTicks * b.numerator),
      stepTicks(ppqIn / 4), stepsPerBar(static_cast<int>(barTicks / (ppqIn / 4))),
      m_pulses(pulsesOf(numerator, denominator, beatTicks, stepTicks))
{}

int Grid::weight(int step) const
{
    if (step == 0) return 3;
    if (std::find(m_pulses.begin(), m_pulses.end(), step) != m_pulses.end()) return 2;
    return step % 2 == 0 ? 1 : 0;
}

bool Grid::isStrong(int step) const
{
    return step == 0 || (m_pulses.size() % 2 == 0 && step == m_pulses[m_pulses.size() / 2]);
}

const ChordSpan& Context::chordAt(Tick t) const
{
    auto it = std::upper_bound(chords.begin(), chords.end(), t,
                               [](Tick tick, const ChordSpan& s) { return tick < s.start; });
    return it == chords.begin() ? chords.front() : *(it - 1);
}

const ChordSpan* Context::nextChord(Tick t) const
{
    auto it = std::upper_bound(chords.begin(), chords.end(), t,
                               [](Tick tick, const ChordSpan& s) { return tick < s.start; });
    return it == chords.end() ? nullptr : &*it;
}

int Context::accent(int step, int base, int spread) const
{
    static constexpr double kByWeight[] = {-1.0, -1.0 / 3, 1.0 / 3, 1.0};
    double v = base + spread * kByWeight[grid.weight(step % std::max(grid.stepsPerBar, 1))];
    switch (brief.mood) {
    case Mood::Aggressive:
        v += 12;
        break;
    case Mood::Soft:
        v -= 25; // "a soft sub bass": its 105 becomes 80, a soft pad about 60
        break;
    case Mood::Dreamy:
        v -= 10;
        break;
    default:
        break;
    }
    return std::clamp(static_cast<int>(std::lround(v)), 1, 127);
}

std::vector<ChordSpan> chordTimeline(const Brief& b, const Grid& g, Rng& rng, bool sectionB)
{
    const std::vector<Step> progression = chooseProgression(b, rng, sectionB);
    const bool twoPerBar = b.genre == Genre::Jazz && b.complexity > 0.6 && g.stepsPerBar == 16;
    const Tick length = twoPerBar ? g.barTicks / 2 : g.barTicks;
    const Tick end = g.barStart(b.bars);
    std::vector<ChordSpan> out;
    const std::size_t count = static_cast<std::size_t>((end + length - 1) / length);
    for (std::size_t i = 0; i < count; ++i) {
        Step step = progression[i % progression.size()];
        if (!sectionB && b.bars >= 4 && i + 1 == count && step.degree != 1)
            step = Step{1, false}; // a longer piece comes home: the last chord is the tonic
        const Tick start = static_cast<Tick>(i) * length;
        out.push_back(
            {start, std::min(start + length, end), buildChord(b, step, b.complexity > 0.6)});
    }
    return out;
}

namespace {
Brief candidateBrief(const Brief& brief, int index)
{
    static constexpr std::array<double, 4> kComplexity = {0, -0.3, 0.12, 0.25};
    static constexpr std::array<double, 4> kDensity = {0, -0.15, 0.1, 0.1};
    Brief b = brief;
    if (index > 0) {
        const std::size_t i = static_cast<std::size_t>(index) % kComplexity.size();
        b.complexity =
            std::clamp(brief.complexity + kComplexity[i] * (index >= 4 ? 0.5 : 1.0), 0.0, 1.0);
        b.density = std::clamp(brief.density + kDensity[i], 0.0, 1.0);
    }
    return b;
}

int midiClocksPerClick(const Brief& b)
{
    if (b.denominator == 8 && b.numerator % 3 == 0)
        return 36; // dotted quarter clicks in compound meters
    return 96 / b.denominator;
}

} // namespace

// Swing (not inside triplet rolls), humanize and overlap cleanup for one part.
void applyFeel(Notes& notes, const Brief& b, const Grid& g, Role role, std::uint64_t seed)
{
    const Tick end = g.barStart(b.bars);
    if (b.swing > 50 && (b.denominator == 4 || b.denominator == 2)) {
        const Tick pair = (b.swing16 ? 2 : 4) * g.stepTicks;
        Notes rolls;
        if (role == Role::Drums) // triplet rolls keep their even spacing
            for (int bar : b.directives.tripletHatBars) {
                const Tick from = g.barStart(bar - 1) + g.barTicks / 2, to = g.barStart(bar);
                auto inRoll = [&](const model::Note& n) {
                    return n.startTick >= from && n.startTick < to && n.key == drum::kClosedHat;
                };
                std::copy_if(notes.begin(), notes.end(), std::back_inserter(rolls), inRoll);
                std::erase_if(notes, inRoll);
            }
        applySwing(notes, pair, b.swing);
        notes.insert(notes.end(), rolls.begin(), rolls.end());
    }
    Rng rng(mixSeed(seed, 200 + static_cast<std::uint64_t>(role)));
    humanize(notes, b.humanize, g.ppq, end, rng);
    separateSameKey(notes, end);
    if (role == Role::Bass || role == Role::Melody || role == Role::Arpeggio)
        for (std::size_t i = 0; i + 1 < notes.size(); ++i) // one line: no note outlasts the next
            if (notes[i].endTick() > notes[i + 1].startTick &&
                notes[i + 1].startTick > notes[i].startTick)
                notes[i].lengthTicks = notes[i + 1].startTick - notes[i].startTick;
}

model::Track makeTrack(const Part& part, int channel, Notes notes, Tick end)
{
    model::Track t;
    std::string name(roleName(part.role));
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    t.name = name;
    t.channel = channel;
    // Drums keep program 0 (Standard kit) unless a kit was named (40 = Brush).
    t.program = part.role == Role::Drums && part.program != 40 ? 0 : part.program;
    t.notes = std::move(notes);
    t.endTick = end;
    t.followsChords = part.role != Role::Drums; // generated pitched parts follow the chord track
    return t;
}

Notes makePart(Context& ctx, const Part& part, std::uint64_t seed)
{
    Rng rng(mixSeed(seed, 100 + static_cast<std::uint64_t>(part.role)));
    switch (part.role) {
    case Role::Drums:
        return makeDrums(ctx, rng);
    case Role::Bass:
        return makeBass(ctx, rng);
    case Role::Chords:
        return makeChords(ctx, rng, part);
    case Role::Pad:
        return makePad(ctx, part);
    case Role::Arpeggio:
        return makeArpeggio(ctx, rng, part);
    case Role::Melody:
        return makeMelody(ctx, rng, part);
    }
    return {};
}

std::vector<model::PlanChord> planChords(const std::vector<ChordSpan>& spans)
{
    std::vector<model::PlanChord> out;
    for (const ChordSpan& s : spans)
        out.push_back({s.start, s.end - s.start, s.chord.root, chordQualityName(s.chord.tones),
                       s.chord.tones});
    return out;
}

model::Plan generatePlan(const Brief& brief, int index, const GenerateOptions& options)
{
    const Brief b = candidateBrief(brief, index);
    const std::uint64_t seed = mixSeed(b.seed, static_cast<std::uint64_t>(index));
    Context ctx{b, Grid(b), {}, {}, options.sectionB, 0, false, false};
    Rng progressionRng(mixSeed(seed, 1));
    ctx.chords = chordTimeline(b, ctx.grid, progressionRng, options.sectionB);
    std::vector<std::pair<const Part*, Notes>> made;
    if (const Part* drums = b.part(Role::Drums)) // first: the bass may lock to the kick
        made.push_back({drums, makePart(ctx, *drums, seed)});
    for (const Part& part : b.parts)
        if (part.role != Role::Drums) made.push_back({&part, makePart(ctx, part, seed)});
    model::Plan plan;
    plan.ppq = ctx.grid.ppq;
    plan.tempos = {model::TempoChange{0, b.bpm}};
    plan.timeSignatures = {
        model::TimeSignature{0, b.numerator, b.denominator, midiClocksPerClick(b), 8}};
    plan.keySignatures = {keySignatureFor(b.tonic, isMinorMode(b.mode))};
    const Tick end = ctx.grid.barStart(b.bars);
    int channel = 0;
    for (const Part& part : b.parts) { // tracks in the brief's order
        auto it =
            std::find_if(made.begin(), made.end(), [&](const auto& m) { return m.first == &part; });
        applyFeel(it->second, b, ctx.grid, part.role, seed);
        const int ch = part.role == Role::Drums ? 9 : channel++;
        if (channel == 9) channel = 10;
        plan.tracks.push_back(makeTrack(part, ch, std::move(it->second), end));
    }
    plan.chords = planChords(ctx.chords);
    plan.normalize();
    return plan;
}

Result<std::vector<model::Take>> generate(const Brief& brief, const std::string& prompt,
                                          const GenerateOptions& options)
{
    const std::vector<std::string> problems = briefProblems(brief);
    if (!problems.empty()) {
        std::string message;
        for (const std::string& p : problems)
            message += (message.empty() ? "" : "\n") + p;
        return makeError(Error::Code::ValidationError, message);
    }
    static constexpr const char* kFlavour[] = {"as asked", "simpler", "richer", "busiest"};
    std::vector<model::Take> takes;
    for (int i = 0; i < brief.candidates; ++i) {
        model::Take take;
        take.name = "Offline " + std::to_string(i + 1) + "/" + std::to_string(brief.candidates) +
                    " (" + kFlavour[i % 4] + (options.sectionB ? ", B section" : "") + ")";
        take.plan = generatePlan(brief, i, options);
        take.provenance.prompt = prompt;
        take.provenance.provider = kProviderName;
        take.provenance.model = kModelName;
        take.provenance.seed = brief.seed;
        takes.push_back(std::move(take));
    }
    return takes;
}

} // namespace pianola::engine::generate
