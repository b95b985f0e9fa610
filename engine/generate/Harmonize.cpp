// SPDX-License-Identifier: MIT
// Harmonizing a melody: the learned chord per half bar (LearnedChords), written plain, with
// sevenths and with ninths; later candidates a chord per bar by Viterbi over diatonic chords.
#include "engine/generate/Harmonize.h"

#include "engine/generate/LearnedChords.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/Theory.h"
#include "model/ChordSymbol.h"
#include "model/ChordTrack.h"

#include <algorithm>
#include <array>

namespace pianola::engine::generate {

namespace {
using model::Tick;
// Weights measured on POP909 001-300 (tst_harmonize_pop909); changes and outside tones in beats.
constexpr double kOut = -1.5;   ///< per beat of melody outside the triad
constexpr double kChange = 0.8; ///< a chord change
constexpr double kFifth = 0.3;  ///< root down a fifth
constexpr double kOnset = 2;    ///< a note struck in the slot weighs double
constexpr int kPhases = 4;      ///< bar phases tried, in beats

struct Slot
{
    Tick start = 0, end = 0;
    std::array<double, 12> weight{}; ///< beats of melody per pitch class (onsets count double)
};

struct Candidate
{
    int root = 0;
    std::vector<int> triad; ///< scored tones
    std::vector<int> tones; ///< written tones (richer for later candidates)
};

std::vector<Slot> slotsOf(const model::Plan& take, const model::Track& melody, Tick phase)
{
    const Tick limit = model::chordTrackLimit(take);
    std::vector<Tick> bars = model::barStarts(take, limit);
    if (phase > 0) { // bar lines moved later by `phase` (a pickup before the first bar)
        for (Tick& b : bars)
            b = std::min(b + phase, limit);
        bars.insert(bars.begin(), 0);
        while (bars.size() > 1 && bars.back() >= limit)
            bars.pop_back();
    }
    std::vector<Slot> slots;
    for (std::size_t b = 0; b < bars.size(); ++b)
        slots.push_back({bars[b], b + 1 < bars.size() ? bars[b + 1] : limit});
    const double beat = std::max(1, take.ppq);
    std::size_t first = 0;
    for (const model::Note& n : melody.notes) {
        while (first < slots.size() && slots[first].end <= n.startTick)
            ++first;
        for (std::size_t s = first; s < slots.size() && slots[s].start < n.endTick(); ++s) {
            const Tick overlap =
                std::min(n.endTick(), slots[s].end) - std::max(n.startTick, slots[s].start);
            const bool onset = n.startTick >= slots[s].start && n.startTick < slots[s].end;
            slots[s].weight[n.key % 12] +=
                static_cast<double>(overlap) / beat * (onset ? kOnset : 1);
        }
    }
    return slots;
}

std::vector<Candidate> diatonicChords(int tonic, bool minor, int richness)
{
    const auto scale = scalePitchClasses(tonic, minor ? Mode::Minor : Mode::Major);
    const auto at = [&](int d) { return scale[static_cast<std::size_t>(d % 7)]; };
    std::vector<Candidate> out;
    for (int d = 0; d < 7; ++d) {
        Candidate c{at(d), {at(d), at(d + 2), at(d + 4)}, {}};
        if ((c.triad[2] - c.root + 12) % 12 != 7) continue; // no diminished triads
        c.tones = c.triad;
        if (richness >= 1) c.tones.push_back(at(d + 6));
        if (richness >= 2) c.tones.push_back(at(d + 1));
        out.push_back(c);
    }
    if (minor) { // the dominant of harmonic minor
        const int root = at(4);
        Candidate v{root, {root, (root + 4) % 12, (root + 7) % 12}, {}};
        v.tones = v.triad;
        if (richness >= 1) v.tones.push_back((root + 10) % 12);
        out.push_back(v);
    }
    return out;
}

double emission(const Slot& s, const Candidate& c)
{
    double score = 0;
    for (int pc = 0; pc < 12; ++pc) {
        if (s.weight[static_cast<std::size_t>(pc)] <= 0) continue;
        const bool inTriad = std::find(c.triad.begin(), c.triad.end(), pc) != c.triad.end();
        score += s.weight[static_cast<std::size_t>(pc)] * (inTriad ? 1.0 : kOut);
    }
    return score;
}

double transition(const Candidate& from, const Candidate& to, int tonic)
{
    if (from.root == to.root && from.triad == to.triad) return 0.0;
    double score = -kChange;                                   // a change costs
    if ((from.root - to.root + 12) % 12 == 7) score += kFifth; // down a fifth (V-I, ii-V)
    if (to.root == tonic) score += 0.1;
    return score;
}

// The best chord per slot (Viterbi), starting and ending on the tonic when the melody allows.
std::vector<std::size_t> bestPath(const std::vector<Slot>& slots,
                                  const std::vector<Candidate>& cands, int tonic,
                                  double* total = nullptr)
{
    const std::size_t n = slots.size(), k = cands.size();
    std::vector<std::vector<double>> score(n, std::vector<double>(k));
    std::vector<std::vector<std::size_t>> from(n, std::vector<std::size_t>(k));
    for (std::size_t c = 0; c < k; ++c)
        score[0][c] = emission(slots[0], cands[c]) + (cands[c].root == tonic ? 0.5 : 0.0);
    for (std::size_t s = 1; s < n; ++s)
        for (std::size_t c = 0; c < k; ++c) {
            double best = -1e300;
            for (std::size_t p = 0; p < k; ++p) {
                const double v = score[s - 1][p] + transition(cands[p], cands[c], tonic);
                if (v > best) best = v, from[s][c] = p;
            }
            score[s][c] = best + emission(slots[s], cands[c]);
        }
    std::vector<std::size_t> path(n);
    for (std::size_t c = 0; c < k; ++c) {
        const double bonus = cands[c].root == tonic ? 0.5 : 0.0;
        if (score[n - 1][c] + bonus >
            score[n - 1][path[n - 1]] + (cands[path[n - 1]].root == tonic ? 0.5 : 0.0))
            path[n - 1] = c;
    }
    for (std::size_t s = n - 1; s > 0; --s)
        path[s - 1] = from[s][path[s]];
    if (total) *total = score[n - 1][path[n - 1]];
    return path;
}

model::PlanChord chordOf(const Candidate& c, Tick start, Tick length,
                         const model::KeySignature& key)
{
    std::vector<int> tones = c.tones;
    for (int& t : tones)
        t = (t - c.root + 12) % 12;
    const std::string text = model::spellPitchClass(c.root, key) + chordQualityName(tones);
    const auto symbol = model::parseChordSymbol(text);
    if (!symbol) { // every generator quality parses (tst_refit); a triad if not
        model::PlanChord plain{start, length, c.root, "", c.triad};
        return plain;
    }
    return model::planChordOf(*symbol, start, length);
}

// A learned major/minor triad, richer with `richness`: 1 adds the seventh of the key's scale
// (else a minor seventh), 2 also the ninth when the scale has it.
Candidate learnedCandidate(const MajMin& chord, int tonic, bool minor, int richness)
{
    const int r = chord.root;
    Candidate c{r, {r, (r + (chord.minor ? 3 : 4)) % 12, (r + 7) % 12}, {}};
    c.tones = c.triad;
    const Mode mode = minor ? Mode::Minor : Mode::Major;
    if (richness >= 1)
        c.tones.push_back(!chord.minor && inScale((r + 11) % 12, tonic, mode) ? (r + 11) % 12
                                                                              : (r + 10) % 12);
    if (richness >= 2 && inScale((r + 2) % 12, tonic, mode)) c.tones.push_back((r + 2) % 12);
    return c;
}

std::vector<model::PlanChord> learnedTrack(const std::vector<HalfBar>& halves,
                                           const std::vector<MajMin>& chords,
                                           const model::KeySignature& key, int tonic, bool minor,
                                           int richness)
{
    std::vector<model::PlanChord> out;
    for (std::size_t s = 0; s < halves.size(); ++s) {
        const Tick length = halves[s].end - halves[s].start;
        if (s > 0 && chords[s].root == chords[s - 1].root && chords[s].minor == chords[s - 1].minor)
            out.back().lengthTicks += length;
        else
            out.push_back(chordOf(learnedCandidate(chords[s], tonic, minor, richness),
                                  halves[s].start, length, key));
    }
    return out;
}

// The older harmonizer: Viterbi over the key's diatonic chords, a chord per bar, the bar phase
// that fits the melody best.
std::vector<model::PlanChord> viterbiTrack(const model::Plan& take, const model::Track& melody,
                                           const model::KeySignature& key, int tonic, bool minor)
{
    const std::vector<Candidate> cands = diatonicChords(tonic, minor, 2);
    std::vector<Slot> slots;
    std::vector<std::size_t> path;
    double best = -1e300;
    for (int p = 0; p < kPhases; ++p) {
        std::vector<Slot> trial = slotsOf(take, melody, p * take.ppq);
        if (trial.empty()) continue;
        double score = 0;
        std::vector<std::size_t> trialPath = bestPath(trial, cands, tonic, &score);
        if (score > best) best = score, slots = std::move(trial), path = std::move(trialPath);
    }
    std::vector<model::PlanChord> chords;
    for (std::size_t s = 0; s < slots.size(); ++s) {
        const Tick length = slots[s].end - slots[s].start;
        if (s > 0 && path[s] == path[s - 1])
            chords.back().lengthTicks += length;
        else
            chords.push_back(chordOf(cands[path[s]], slots[s].start, length, key));
    }
    return chords;
}
} // namespace

int melodyTrackOf(const model::Plan& take)
{
    int best = -1;
    double bestMean = -1;
    for (std::size_t t = 0; t < take.tracks.size(); ++t) {
        const model::Track& track = take.tracks[t];
        if (track.channel == 9 || track.notes.empty()) continue;
        double mean = 0;
        for (const model::Note& n : track.notes)
            mean += n.key;
        mean /= static_cast<double>(track.notes.size());
        if (mean > bestMean) bestMean = mean, best = static_cast<int>(t);
    }
    return best;
}

std::vector<std::vector<model::PlanChord>> harmonize(const model::Plan& take, int melodyTrack,
                                                     int count)
{
    std::vector<std::vector<model::PlanChord>> out;
    if (melodyTrack < 0 || melodyTrack >= static_cast<int>(take.tracks.size())) return out;
    const model::Track& melody = take.tracks[static_cast<std::size_t>(melodyTrack)];
    const std::vector<HalfBar> halves = halfBarsOf(take, model::chordTrackLimit(take));
    const std::vector<PitchProfile> profiles = melodyProfiles(melody, halves);
    int tonic = 0, frame = 0; // frame: the key's relative major, the model's reading frame
    bool minor = false;
    if (!take.keySignatures.empty()) {
        tonic = model::keySignatureTonicPc(take.keySignatures.front());
        minor = take.keySignatures.front().minor;
        frame = minor ? (tonic + 3) % 12 : tonic;
    } else { // the frame learned from the melody, major or minor by its pitch profile
        model::Plan alone;
        alone.ppq = take.ppq;
        alone.tracks.push_back(melody);
        frame = learnedFrame(profiles);
        estimateKeyInFrame(alone, frame, tonic, minor);
    }
    const model::KeySignature key =
        take.keySignatures.empty() ? keySignatureFor(tonic, minor) : take.keySignatures.front();
    const std::vector<MajMin> learned = learnedChords(profiles, halves, frame);
    for (int i = 0; i < count; ++i) {
        if (i < 3)
            out.push_back(learnedTrack(halves, learned, key, tonic, minor, i));
        else if (i == 3)
            out.push_back(viterbiTrack(take, melody, key, tonic, minor));
        else
            out.push_back(out.back()); // no richer candidate than the fourth
    }
    return out;
}

} // namespace pianola::engine::generate
