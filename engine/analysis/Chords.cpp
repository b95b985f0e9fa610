// SPDX-License-Identifier: MIT
// Chord recognition by template matching and Viterbi smoothing over sixteenth frames.
#include "engine/analysis/Chords.h"

#include "engine/analysis/TrackWeights.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <unordered_map>

namespace pianola::engine::analysis {

using model::analysis::Chord;

const std::vector<ChordQuality>& chordQualities()
{
    static const std::vector<ChordQuality> kQualities = {
        {"maj", {0, 4, 7}, false},
        {"min", {0, 3, 7}, false},
        {"7", {0, 4, 7, 10}, false},
        {"maj7", {0, 4, 7, 11}, false},
        {"min7", {0, 3, 7, 10}, false},
        {"6", {0, 4, 7, 9}, false},
        {"add9", {0, 4, 7, 2}, false},
        {"9", {0, 4, 7, 10, 2}, false},
        {"maj9", {0, 4, 7, 11, 2}, false},
        {"min9", {0, 3, 7, 10, 2}, false},
        // Six-tone chords as they are voiced, without the fifth (an Am11 is not "Gadd9/A").
        {"min11", {0, 3, 10, 2, 5}, false},
        {"13", {0, 4, 10, 2, 9}, false},
        {"dim", {0, 3, 6}, true},
        {"aug", {0, 4, 8}, true},
        {"sus2", {0, 2, 7}, true},
        {"sus4", {0, 5, 7}, true},
        {"hdim7", {0, 3, 6, 10}, true},
        {"dim7", {0, 3, 6, 9}, true},
    };
    return kQualities;
}

bool majorThird(const std::string& quality, bool* hasThird)
{
    for (const ChordQuality& q : chordQualities()) {
        if (quality != q.name) continue;
        const bool major =
            std::find(q.intervals.begin(), q.intervals.end(), 4) != q.intervals.end();
        const bool minor =
            std::find(q.intervals.begin(), q.intervals.end(), 3) != q.intervals.end();
        if (hasThird) *hasThird = major || minor;
        return major;
    }
    if (hasThird) *hasThird = false;
    return false;
}

namespace {
struct State
{
    int root;
    std::size_t quality;
    std::uint16_t mask;              ///< pitch classes of the chord
    std::array<std::uint8_t, 5> pcs; ///< the same as a list (count: tones)
    int tones;
    double prior; ///< per unit of mass: extra tones and colour, from the params
    /// An earlier state whose tones begin this one's (C for C7, C7 for C9), or -1: a frame's
    /// sums over this state's tones start from its sums, in the same order, to the same bits.
    int prefixState = -1;
    int prefixTones = 0;
};

// The states of every quality on every root, quality by quality; without their priors.
std::vector<State> stateShapes()
{
    std::vector<State> all;
    const auto& qualities = chordQualities();
    for (std::size_t q = 0; q < qualities.size(); ++q) {
        for (int root = 0; root < 12; ++root) {
            State st{root, q, 0, {}, 0, 0.0};
            for (int i : qualities[q].intervals) {
                st.mask |= std::uint16_t(1u << ((root + i) % 12));
                st.pcs[static_cast<std::size_t>(st.tones++)] = std::uint8_t((root + i) % 12);
            }
            // The longest earlier state on this root whose tones begin this one's.
            for (std::size_t e = static_cast<std::size_t>(root); e < all.size(); e += 12) {
                const State& earlier = all[e];
                if (earlier.tones < st.tones && earlier.tones > st.prefixTones &&
                    std::equal(earlier.pcs.begin(), earlier.pcs.begin() + earlier.tones,
                               st.pcs.begin())) {
                    st.prefixState = static_cast<int>(e);
                    st.prefixTones = earlier.tones;
                }
            }
            all.push_back(st);
        }
    }
    return all;
}

std::vector<State> states(const ChordParams& p)
{
    static const std::vector<State> kShapes = stateShapes();
    const auto& qualities = chordQualities();
    std::vector<State> all = kShapes;
    for (State& st : all)
        st.prior = p.extraTonePenalty * (st.tones - 3) +
                   (qualities[st.quality].colour ? p.colourPenalty : 0.0);
    return all;
}

// Scores of every state in one frame, chroma and bass already scaled to beats of mass;
// `inside` and `bassInside` (one per state) receive the sums over each state's tones.
// (Plain pointers: std::array's operator[] is a call per element under the sanitizers.)
void frameScores(const double* chroma, const double* bass, double mass, double bassMass,
                 const std::vector<State>& all, const ChordParams& p, double* out, double* inside,
                 double* bassInside)
{
    if (mass <= 0.0) {
        std::fill(out, out + all.size(), 0.0);
        return;
    }
    const State* st = all.data();
    for (std::size_t s = 0; s < all.size(); ++s, ++st) {
        double in = 0.0, bassIn = 0.0;
        if (st->prefixState >= 0) {
            in = inside[st->prefixState];
            bassIn = bassInside[st->prefixState];
        }
        for (int i = st->prefixTones; i < st->tones; ++i) {
            in += chroma[st->pcs[static_cast<std::size_t>(i)]];
            bassIn += bass[st->pcs[static_cast<std::size_t>(i)]];
        }
        inside[s] = in;
        bassInside[s] = bassIn;
        out[s] = in - p.outsidePenalty * (mass - in) - st->prior * mass +
                 p.bassWeight * (bass[st->root] - p.outsidePenalty * (bassMass - bassIn));
    }
}

// The state scores of every frame of one phase, shared by the Viterbi passes over its frames
// (the plain pass and the one with the beat parity). A frame equal to one before it (a held
// chord, a silence, a repeated bar) has that frame's row: a song's frames repeat. Rows are kept
// up to a bound (kMaxRows rows of every state, 3.5 MB); the frames after it are scored as they
// are reached, as before.
class ScoreTable
{
public:
    ScoreTable(const ChromaFrames& frames, const std::vector<State>& all, const ChordParams& p)
        : m_all(&all), m_p(&p), m_k(all.size()), m_rowOf(frames.size(), kNone),
          m_scratch(all.size()), m_inside(all.size()), m_bassInside(all.size())
    {
        double meanMass = 0.0, voiced = 0.0;
        for (double m : frames.mass)
            if (m > 0) {
                meanMass += m;
                voiced += 1;
            }
        // Scale: the mean sounding mass of a beat becomes 1; bass: one bass note for a beat = 1.
        m_scale = voiced > 0 ? voiced / (meanMass * frames.framesPerBeat) : 1.0;
        m_bassScale = 1.0 / static_cast<double>(frames.step * frames.framesPerBeat);
        std::unordered_map<std::uint64_t, std::uint32_t> seen;
        for (std::size_t f = 0; f < frames.size(); ++f) {
            if (f > 0 && sameFrame(frames, f, f - 1)) {
                m_rowOf[f] = m_rowOf[f - 1];
                continue;
            }
            const std::uint64_t h = frameHash(frames, f);
            const auto it = seen.find(h);
            if (it != seen.end() && sameFrame(frames, f, m_firstOf[it->second])) {
                m_rowOf[f] = it->second;
                continue;
            }
            if (m_firstOf.size() >= kMaxRows) continue; // scored when reached
            const auto row = static_cast<std::uint32_t>(m_firstOf.size());
            m_firstOf.push_back(f);
            m_rows.resize(m_rows.size() + m_k);
            score(frames, f, &m_rows[row * m_k]);
            m_rowOf[f] = row;
            seen.emplace(h, row);
        }
    }

    /// The scores of every state in frame f of the frames the table was made from (read in
    /// order; a frame past the bound is scored into one scratch row, again only if the frame
    /// before it differs).
    const double* at(const ChromaFrames& frames, std::size_t f)
    {
        if (m_rowOf[f] != kNone) return &m_rows[m_rowOf[f] * m_k];
        if (!(m_scratchFor && *m_scratchFor + 1 == f && sameFrame(frames, f, f - 1)))
            score(frames, f, m_scratch.data());
        m_scratchFor = f;
        return m_scratch.data();
    }

private:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    static constexpr std::size_t kMaxRows = 2048;

    static bool sameFrame(const ChromaFrames& frames, std::size_t a, std::size_t b)
    {
        return frames.mass[a] == frames.mass[b] && frames.chroma[a] == frames.chroma[b] &&
               frames.bass[a] == frames.bass[b];
    }
    static std::uint64_t frameHash(const ChromaFrames& frames, std::size_t f)
    {
        std::uint64_t h = 1469598103934665603ull;
        auto mix = [&h](double v) {
            std::uint64_t bits;
            v += 0.0; // -0.0 and 0.0 are the same frame
            std::memcpy(&bits, &v, sizeof bits);
            h = (h ^ bits) * 1099511628211ull;
        };
        mix(frames.mass[f]);
        for (double v : frames.chroma[f])
            mix(v);
        for (double v : frames.bass[f])
            mix(v);
        return h;
    }
    void score(const ChromaFrames& frames, std::size_t f, double* out) const
    {
        PitchClasses chroma = frames.chroma[f], bass = frames.bass[f];
        double bassMass = 0.0;
        for (std::size_t pc = 0; pc < 12; ++pc) {
            chroma[pc] *= m_scale;
            bass[pc] *= m_bassScale;
            bassMass += bass[pc];
        }
        frameScores(chroma.data(), bass.data(), frames.mass[f] * m_scale, bassMass, *m_all, *m_p,
                    out, m_inside.data(), m_bassInside.data());
    }

    const std::vector<State>* m_all;
    const ChordParams* m_p;
    std::size_t m_k;
    double m_scale = 1.0, m_bassScale = 1.0;
    std::vector<std::uint32_t> m_rowOf; ///< per frame: its row, kNone past the bound
    std::vector<std::size_t> m_firstOf; ///< per row: the first frame with it
    std::vector<double> m_rows;         ///< rows of every state's score
    std::vector<double> m_scratch;
    std::optional<std::size_t> m_scratchFor;
    mutable std::vector<double> m_inside, m_bassInside; ///< frameScores' sums, one per state
};

// Where a Viterbi path may change state (every beat, or every frame when changes are not held to
// beats): per such frame one bit per state (did the best path into the state change there) and
// the state it changed from. A 32nd of a byte per frame and state on beats: a bound 32,768-frame
// piece needs 0.2 MB, not the 7 MB of a byte for every frame and state.
class Switches
{
public:
    Switches(const ChromaFrames& frames, std::size_t states, bool onBeats)
        : m_perBeat(onBeats ? static_cast<std::size_t>(frames.framesPerBeat) : 1),
          m_words((states + 63) / 64),
          m_bits((frames.size() + m_perBeat - 1) / m_perBeat * m_words, 0),
          m_from((frames.size() + m_perBeat - 1) / m_perBeat, 0)
    {}
    /// True if the path may change state at frame f (f > 0 on a change frame).
    bool at(std::size_t f) const { return f > 0 && f % m_perBeat == 0; }
    void setFrom(std::size_t f, std::size_t state)
    {
        m_from[f / m_perBeat] = static_cast<std::uint16_t>(state);
    }
    void set(std::size_t f, std::size_t state)
    {
        m_bits[f / m_perBeat * m_words + state / 64] |= std::uint64_t{1} << (state % 64);
    }
    /// The state before frame f on the path that is in `state` at f.
    std::size_t before(std::size_t f, std::size_t state) const
    {
        if (!at(f)) return state;
        const std::size_t row = f / m_perBeat;
        const bool changed = (m_bits[row * m_words + state / 64] >> (state % 64)) & 1u;
        return changed ? m_from[row] : state;
    }

private:
    std::size_t m_perBeat, m_words;
    std::vector<std::uint64_t> m_bits;
    std::vector<std::uint16_t> m_from;
};

// One Viterbi pass: the best path (a state per frame) and its total score.
struct Pass
{
    std::vector<std::uint16_t> path;
    double score = 0.0;
};

// The state path maximising sum(score) - changePenalty * changes, a change on a beat of parity
// `weakParity` (0 even, 1 odd, -1 none) paying weakBeatPenalty more. O(frames * states).
Pass viterbi(const ChromaFrames& frames, ScoreTable& scores, std::size_t k, const ChordParams& p,
             int weakParity)
{
    const std::size_t n = frames.size();
    std::vector<double> total(k, 0.0), next(k);
    Switches switches(frames, k, p.changeOnBeats);
    std::size_t best = 0;
    for (std::size_t f = 0; f < n; ++f) {
        const bool mayChange = switches.at(f);
        if (!mayChange && frames.mass[f] <= 0.0)
            continue; // a silence off the change frames scores 0 everywhere: nothing moves
        const double* score = scores.at(frames, f);
        std::size_t nextBest = 0;
        if (mayChange) {
            const auto beat = static_cast<int>(f / static_cast<std::size_t>(frames.framesPerBeat));
            const double leave =
                total[best] - p.changePenalty - (beat % 2 == weakParity ? p.weakBeatPenalty : 0.0);
            switches.setFrom(f, best);
            for (std::size_t s = 0; s < k; ++s) {
                const bool change = leave > total[s];
                if (change) switches.set(f, s);
                next[s] = (change ? leave : total[s]) + score[s];
                if (next[s] > next[nextBest]) nextBest = s;
            }
        } else {
            for (std::size_t s = 0; s < k; ++s) {
                next[s] = total[s] + score[s];
                if (next[s] > next[nextBest]) nextBest = s;
            }
        }
        total.swap(next);
        best = nextBest;
    }
    Pass pass{std::vector<std::uint16_t>(n), total[best]};
    std::size_t s = best;
    for (std::size_t f = n; f-- > 0;) {
        pass.path[f] = static_cast<std::uint16_t>(s);
        s = switches.before(f, s);
    }
    return pass;
}

// The beat parity (0 even, 1 odd) on which fewer of the path's changes fall: chords mostly
// change on every other beat, whichever that is (a pickup or an offset shifts it).
int weakParity(const std::vector<std::uint16_t>& path, int framesPerBeat)
{
    std::size_t on[2] = {0, 0};
    for (std::size_t f = 1; f < path.size(); ++f)
        if (path[f] != path[f - 1]) ++on[(f / static_cast<std::size_t>(framesPerBeat)) % 2];
    return on[1] > on[0] ? 0 : 1;
}

// The chord tone most often in the bass over the frames (the root if there is no bass).
int spanBass(const ChromaFrames& frames, std::size_t first, std::size_t last, const State& st)
{
    const PitchClasses bass = sumFrames(frames.bass, first, last);
    int best = st.root;
    for (int pc = 0; pc < 12; ++pc)
        if ((st.mask & (1u << pc)) && bass[pc] > bass[best] * 1.5) best = pc;
    return best;
}

void addSpan(std::vector<Chord>& out, const Timeline& timeline, const ChromaFrames& frames,
             std::size_t first, std::size_t last, const State& st)
{
    const model::Tick endTick = std::min(timeline.endTick(), frames.frameStart(last));
    Chord c;
    c.startS = timeline.tempo().ticksToSeconds(std::max<model::Tick>(0, frames.frameStart(first)));
    c.endS = timeline.tempo().ticksToSeconds(endTick);
    c.root = st.root;
    c.quality = chordQualities()[st.quality].name;
    c.bass = spanBass(frames, first, last, st);
    if (!out.empty() && out.back().endS >= c.startS &&
        model::analysis::chordSymbol(out.back()) == model::analysis::chordSymbol(c))
        out.back().endS = c.endS;
    else
        out.push_back(c);
}
// The chords of the frames from the plain path (no beat parity): a second pass with the beat
// parity the plain path changes on less, then runs of one state.
std::vector<Chord> chordsFromPath(const Timeline& timeline, const ChromaFrames& frames,
                                  const std::vector<State>& all, ScoreTable& scores,
                                  const ChordParams& params, Pass plain, double* score)
{
    std::vector<Chord> out;
    Pass pass = std::move(plain);
    if (params.weakBeatPenalty > 0.0)
        pass = viterbi(frames, scores, all.size(), params,
                       weakParity(pass.path, frames.framesPerBeat));
    if (score) *score = pass.score;
    const std::vector<std::uint16_t>& path = pass.path;
    // Runs of one state, cut at silences of a beat or more.
    const std::size_t minGap = static_cast<std::size_t>(frames.framesPerBeat);
    std::size_t f = 0;
    while (f < path.size()) {
        if (frames.mass[f] <= 0) {
            ++f;
            continue;
        }
        std::size_t end = f, silent = 0;
        while (end < path.size() && path[end] == path[f] && silent < minGap) {
            silent = frames.mass[end] > 0 ? 0 : silent + 1;
            ++end;
        }
        addSpan(out, timeline, frames, f, silent >= minGap ? end - silent : end, all[path[f]]);
        f = end;
    }
    return out;
}
} // namespace

std::vector<Chord> recognizeChords(const Timeline& timeline, const ChromaFrames& frames,
                                   const ChordParams& params, double* score)
{
    if (score) *score = 0.0;
    if (frames.size() == 0 || timeline.pitched().empty()) return {};
    const std::vector<State> all = states(params);
    ScoreTable scores(frames, all, params);
    Pass plain = viterbi(frames, scores, all.size(), params, -1);
    return chordsFromPath(timeline, frames, all, scores, params, std::move(plain), score);
}

} // namespace pianola::engine::analysis

namespace pianola::engine::analysis {

HarmonyFrames chordsOnBestPhase(const Timeline& timeline, model::Tick phase,
                                const ChordParams& params)
{
    HarmonyFrames best;
    Pass bestPass; // the winning phase's plain path: the first pass of its chords
    std::optional<ScoreTable> bestScores; // and its frames' scores, for the second pass
    const model::Tick ppq = timeline.ppq();
    const std::vector<double> weights =
        params.weighTracks ? chordTrackWeights(timeline) : std::vector<double>{};
    const std::vector<State> all = states(params);
    const bool pitched = !timeline.pitched().empty();
    // A file on its own grid (phase 0) may still start off the beat: try every sixteenth.
    const int candidates = !params.changeOnBeats ? 1 : phase == 0 ? params.phaseCandidates : 2;
    for (int k = 0; k < candidates; ++k) {
        HarmonyFrames candidate;
        candidate.phase = (phase + k * ppq / candidates) % ppq;
        candidate.frames = chromaFrames(timeline, candidate.phase, &weights);
        Pass pass; // phases compare on the plain path's score (none without pitched notes)
        std::optional<ScoreTable> scores;
        if (pitched && candidate.frames.size() > 0) {
            scores.emplace(candidate.frames, all, params);
            pass = viterbi(candidate.frames, *scores, all.size(), params, -1);
        }
        if (k == 0 || pass.score > bestPass.score) {
            best = std::move(candidate);
            bestPass = std::move(pass);
            bestScores = std::move(scores);
        }
    }
    if (pitched && best.frames.size() > 0)
        best.chords = chordsFromPath(timeline, best.frames, all, *bestScores, params,
                                     std::move(bestPass), nullptr);
    // The key and the pitch-class profile read every note as it sounds.
    if (params.weighTracks) best.frames = chromaFrames(timeline, best.phase);
    return best;
}

} // namespace pianola::engine::analysis
