#!/usr/bin/python3
"""How far can chords be predicted from a POP909 melody alone?  (issue 12, "Harmonization on
real songs")

Run:  /usr/bin/python3 scripts/harmonize_study.py [CORPUS_DIR]
      (default ../shared/corpora/pop909-dev; needs python3-mido, and python3-numpy for the
      softmax rows; about 12 minutes on the busy 2-core dev machine; the parsed songs are cached
      in /tmp/harmonize_study_UID.pkl: delete it after changing the corpus)
      /usr/bin/python3 scripts/harmonize_study.py --repro   only the baseline check (28.4%)
      /usr/bin/python3 scripts/harmonize_study.py --export-weights engine/generate/LearnedChordWeights.h
          fits the softmax on the odd songs only and writes it as a C++ header (a minute)

Reproduces tests/engine/tst_harmonize_pop909.cpp's scoring in Python (MIREX majmin by time over
the labels that map to maj/min, as Pop909Eval.h) and prints one table: the C++ baseline, the
same baseline on the annotated bars of beat_midi.txt, label oracles per bar / half bar / beat,
a train=test lookup bound, and held-out models (trained on odd songs, scored on even songs, and
the other way round); the softmax rows need python3-numpy.  In the held-out rows the 'all'
column pools both directions.  Results are written up in docs/HARMONIZE.md.
"""
import bisect
import math
import operator
import os
import sys
from collections import Counter, defaultdict

import mido

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "pop909-dev")

# ---------------------------------------------------------------------------------------------
# Loading (mirrors engine::loadPlanFile for what the test uses) and labels (Pop909Eval.h)
# ---------------------------------------------------------------------------------------------
LETTERS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
MAJ = {"maj", "7", "maj7", "maj6", "9", "maj9", "11", "13"}
MIN = {"min", "min7", "min6", "minmaj7", "min9", "min11"}


def pc_of(name):
    if not name or name[0] not in LETTERS:
        return -1
    pc = LETTERS[name[0]]
    for ch in name[1:]:
        pc += 1 if ch == "#" else -1 if ch == "b" else 0
    return pc % 12


def read_labels(path):
    """[(start, end, root, minor)] of the majmin-mappable labels; plus all labels raw."""
    out, raw = [], []
    for line in open(path):
        f = line.split()
        if len(f) < 3:
            continue
        s, e, lab = float(f[0]), float(f[1]), f[2]
        raw.append((s, e, lab))
        if ":" not in lab:
            continue
        root, q = lab.split(":", 1)
        q = q.split("/")[0]
        if q in MAJ:
            out.append((s, e, pc_of(root), 0))
        elif q in MIN:
            out.append((s, e, pc_of(root), 1))
    return out, raw


def read_key(path):
    """The longest key of key_audio.txt as tonic + 12 * minor (Pop909Eval.h readKeyLabel)."""
    longest, key = -1, -1
    for line in open(path):
        f = line.split()
        if len(f) < 3 or ":" not in f[2]:
            continue
        s, e = float(f[0]), float(f[1])
        if e - s <= longest:
            continue
        longest = e - s
        t, m = f[2].split(":", 1)
        key = pc_of(t) + (12 if m == "min" else 0)
    return key


class TempoMap:
    def __init__(self, ppq, tempos):  # tempos [(tick, us)]
        self.ppq = ppq
        self.seg = [[0, 500000, 0.0]]
        for tick, us in tempos:
            last = self.seg[-1]
            if tick == last[0]:
                last[1] = us
                continue
            self.seg.append([tick, us, last[2] + (tick - last[0]) * last[1] / ppq])

    def sec(self, tick):
        i = bisect.bisect_right(self.ticks, tick) - 1 if hasattr(self, "ticks") else None
        if i is None:
            self.ticks = [g[0] for g in self.seg]
            i = bisect.bisect_right(self.ticks, tick) - 1
        s = self.seg[max(i, 0)]
        return (s[2] + (tick - s[0]) * s[1] / self.ppq) / 1e6


class Song:
    pass


def load_song(corpus, name):
    d = os.path.join(corpus, name)
    mid = mido.MidiFile(os.path.join(d, name + ".mid"))
    song = Song()
    song.name = name
    song.ppq = mid.ticks_per_beat
    tempos, sigs, notes, mel_end, other_end = [], [], [], 0, 0
    for tr in mid.tracks:
        t, is_mel, opened = 0, tr.name == "MELODY", defaultdict(list)
        for msg in tr:
            t += msg.time
            if msg.type == "set_tempo":
                tempos.append((t, msg.tempo))
            elif msg.type == "time_signature":
                sigs.append((t, msg.numerator, msg.denominator))
            elif is_mel and msg.type == "note_on" and msg.velocity > 0:
                opened[(msg.channel, msg.note)].append(t)
            elif is_mel and msg.type in ("note_off", "note_on"):
                q = opened[(msg.channel, msg.note)]
                if q:
                    s = q.pop(0)
                    if t > s:
                        notes.append((s, t, msg.note))
        if is_mel:
            mel_end = t
    notes.sort()
    song.tempos = tempos or [(0, 500000)]
    song.sigs = sigs or [(0, 4, 4)]
    song.notes = notes  # (start tick, end tick, key)
    song.tmap = TempoMap(song.ppq, song.tempos)
    # plan.lengthTicks() of the melody-only plan: melody notes/end, tempo and meter events
    song.length = max([mel_end] + [n[1] for n in notes] + [x[0] for x in tempos] +
                      [x[0] for x in sigs])
    song.labels, song.raw_labels = read_labels(os.path.join(d, "chord_midi.txt"))
    song.key = read_key(os.path.join(d, "key_audio.txt"))
    song.beats = []  # (seconds, col2, col3) of beat_midi.txt
    for line in open(os.path.join(d, "beat_midi.txt")):
        f = line.split()
        if len(f) >= 3:
            song.beats.append((float(f[0]), float(f[1]), float(f[2])))
    # melody notes in seconds
    song.snotes = [(song.tmap.sec(s), song.tmap.sec(e), k) for s, e, k in notes]
    return song


def load_all(corpus):
    songs = []
    for i in range(1, 301):
        name = "%03d" % i
        if not os.path.exists(os.path.join(corpus, name, name + ".mid")):
            continue
        s = load_song(corpus, name)
        if not s.notes or not s.labels or s.key < 0:
            continue
        songs.append(s)
    return songs


# ---------------------------------------------------------------------------------------------
# Scoring: seconds of labels whose root and third a predicted maj/min chord matches
# ---------------------------------------------------------------------------------------------
def overlap(labels, chords):
    """chords: sorted [(startS, endS, root, minor)] (minor None = no majmin chord)."""
    right, j = 0.0, 0
    for ls, le, lr, lm in labels:
        while j < len(chords) and chords[j][1] <= ls:
            j += 1
        k = j
        while k < len(chords) and chords[k][0] < le:
            c = chords[k]
            if c[2] == lr and c[3] == lm:
                right += min(le, c[1]) - max(ls, c[0])
            k += 1
    return right


def total(songs):
    return sum(e - s for so in songs for s, e, _, _ in so.labels)


def score(songs, predict):
    """predict(song) -> chords in seconds; percent of label time right."""
    right = sum(overlap(s.labels, predict(s)) for s in songs)
    return 100.0 * right / total(songs)


# ---------------------------------------------------------------------------------------------
# Segmentations
# ---------------------------------------------------------------------------------------------
def bar_ticks(num, den, ppq):
    return max(num * ppq * 4 // max(1, den), 1)


def limit_of(song):
    """model::chordTrackLimit: the take's end rounded up to its last bar line."""
    bs, meter = 0, (4, 4)
    for t, n, d in song.sigs:
        if t >= song.length:
            break
        bs, meter = t, (n, d)
    bar = bar_ticks(meter[0], meter[1], song.ppq)
    bars = (song.length - bs + bar - 1) // bar
    return bs + max(bars, 1) * bar


def meter_bars(song):
    """model::barStarts from the file's time signatures, as [(startTick, endTick)]."""
    limit = limit_of(song)
    out, m, meter, bar = [], 0, song.sigs[0], 0
    while bar < limit:
        out.append(bar)
        bar += bar_ticks(meter[1], meter[2], song.ppq)
        while m + 1 < len(song.sigs) and song.sigs[m + 1][0] <= bar:
            m += 1
            meter = song.sigs[m]
    return [(b, out[i + 1] if i + 1 < len(out) else limit) for i, b in enumerate(out)]


def annotated_beats(song):
    """Beat times of beat_midi.txt, with one more beat after the last."""
    b = [x[0] for x in song.beats]
    if len(b) >= 2:
        b.append(b[-1] + (b[-1] - b[-2]))
    return b


def annotated_segments(song, per_bar):
    """Segments in seconds from beat_midi.txt: per_bar = 'bar' (column 3 downbeats), 'half'
    (bars cut at their middle beat), 'beat'.  Beats before the first downbeat form a pickup."""
    beats = annotated_beats(song)
    if per_bar == "beat":
        return [(beats[i], beats[i + 1]) for i in range(len(beats) - 1)]
    down = [i for i, x in enumerate(song.beats) if x[2] == 1.0]
    if not down:
        down = list(range(0, len(song.beats), 4))
    cuts = sorted(set([0] + down + [len(beats) - 1]))
    if per_bar == "half":
        more = []
        for a, b in zip(cuts, cuts[1:]):
            if b - a >= 2:
                more.append(a + (b - a) // 2)
        cuts = sorted(set(cuts + more))
    return [(beats[a], beats[b]) for a, b in zip(cuts, cuts[1:])]


# ---------------------------------------------------------------------------------------------
# The C++ baseline (tst_harmonize_pop909.cpp baseline()): per meter bar the diatonic triad of
# the labelled key (natural minor for minor keys, diminished included, scored as minor since its
# tones lack a major third) holding the most melody duration
# ---------------------------------------------------------------------------------------------
MAJOR_SCALE = [0, 2, 4, 5, 7, 9, 11]
MINOR_SCALE = [0, 2, 3, 5, 7, 8, 10]


def scale_of(key):
    return [(s + key % 12) % 12 for s in (MINOR_SCALE if key >= 12 else MAJOR_SCALE)]


def diatonic_triads(key):
    sc = scale_of(key)
    out = []
    for d in range(7):
        tones = [sc[d], sc[(d + 2) % 7], sc[(d + 4) % 7]]
        minor = 0 if (sc[d] + 4) % 12 in tones else 1
        out.append((sc[d], minor, tones))
    return out


def weights_ticks(notes, a, b):
    w = [0.0] * 12
    for s, e, k in notes:
        if s >= b:
            break
        o = min(e, b) - max(s, a)
        if o > 0:
            w[k % 12] += o
    return w


def baseline_triad(w, triads):
    best, pick = -1, triads[0]
    for r, m, tones in triads:
        x = sum(w[t] for t in tones)
        if x > best:
            best, pick = x, (r, m, tones)
    return pick


def cpp_baseline(song):
    triads = diatonic_triads(song.key)
    out = []
    for a, b in meter_bars(song):
        r, m, _ = baseline_triad(weights_ticks(song.notes, a, b), triads)
        out.append((song.tmap.sec(a), song.tmap.sec(b), r, m))
    return out


def seconds_baseline(segs_of):
    """The same rule on segments given in seconds (annotated bars)."""
    def predict(song):
        triads = diatonic_triads(song.key)
        out = []
        for a, b in segs_of(song):
            r, m, _ = baseline_triad(weights_ticks(song.snotes, a, b), triads)
            out.append((a, b, r, m))
        return out
    return predict


if __name__ == "__main__" and "--repro" in sys.argv:
    songs = load_all(sys.argv[1] if len(sys.argv) > 2 else DEFAULT_CORPUS)
    print(len(songs), "songs")
    print("C++ baseline, meter bars: %.1f%%" % score(songs, cpp_baseline))
    print("same rule, annotated bars: %.1f%%" %
          score(songs, seconds_baseline(lambda s: annotated_segments(s, "bar"))))


# ---------------------------------------------------------------------------------------------
# Oracles: per segment the one majmin chord that overlaps the labels most
# ---------------------------------------------------------------------------------------------
def label_profile(song, a, b):
    """{(root, minor): seconds} of majmin labels inside [a, b)."""
    prof = Counter()
    for s, e, r, m in song.labels:
        o = min(e, b) - max(s, a)
        if o > 0:
            prof[(r, m)] += o
    return prof


def oracle(segs_of):
    def predict(song):
        out = []
        for a, b in segs_of(song):
            prof = label_profile(song, a, b)
            if prof:
                (r, m), _ = prof.most_common(1)[0]
                out.append((a, b, r, m))
        return out
    return predict


def meter_segments(song):
    return [(song.tmap.sec(a), song.tmap.sec(b)) for a, b in meter_bars(song)]


def load_cached(corpus):
    import pickle
    cache = "/tmp/harmonize_study_%d.pkl" % os.getuid()
    try:
        songs = pickle.load(open(cache, "rb"))
        if songs and songs[0].labels:
            return songs
    except (OSError, EOFError, pickle.PickleError, AttributeError):
        pass
    songs = load_all(corpus)
    pickle.dump(songs, open(cache, "wb"))
    return songs


# ---------------------------------------------------------------------------------------------
# Key from the melody (engine/generate/PlanInfo.cpp estimateKey: Krumhansl-Kessler correlation
# of the duration histogram)
# ---------------------------------------------------------------------------------------------
KK_MAJOR = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88]
KK_MINOR = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17]


def correlate(h, prof, tonic):
    mx, my = sum(h) / 12, sum(prof) / 12
    sxy = sxx = syy = 0.0
    for i in range(12):
        x, y = h[(i + tonic) % 12] - mx, prof[i] - my
        sxy, sxx, syy = sxy + x * y, sxx + x * x, syy + y * y
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else 0


def estimate_key(song):
    h = [0.0] * 12
    for s, e, k in song.notes:
        h[k % 12] += e - s
    best, key = -2, 0
    for k in range(12):
        for m in (0, 1):
            r = correlate(h, KK_MINOR if m else KK_MAJOR, k)
            if r > best:
                best, key = r, k + 12 * m
    return key


def frame_of(key):
    """Transposition that puts the key's relative major on C (A minor and C major share it)."""
    return (key % 12 + 3) % 12 if key >= 12 else key % 12


# ---------------------------------------------------------------------------------------------
# Segment features: melody per pitch class (relative to the frame) in beats, weighted by onset
# and metrical position; the segment's place in its bar; the label target
# ---------------------------------------------------------------------------------------------
class Seg:
    __slots__ = ("a", "b", "w", "first", "target", "dur")


def beat_index(beats, t):
    """Fractional beat position of time t on the beat list."""
    i = bisect.bisect_right(beats, t) - 1
    i = min(max(i, 0), len(beats) - 2)
    return i + (t - beats[i]) / max(1e-9, beats[i + 1] - beats[i])


def segments_with_features(song, segs, beats, shift, onset_gain=1.0, strong_gain=0.5):
    out = []
    notes = song.snotes
    nb = [(beat_index(beats, s), beat_index(beats, e), k) for s, e, k in notes]
    j = 0
    for idx, (a, b) in enumerate(segs):
        g = Seg()
        g.a, g.b, g.dur = a, b, b - a
        ba, bb = beat_index(beats, a), beat_index(beats, b)
        w = [0.0] * 12
        while j < len(nb) and nb[j][1] <= ba:
            j += 1
        k = j
        while k < len(nb) and nb[k][0] < bb:
            s, e, key = nb[k]
            o = min(e, bb) - max(s, ba)
            if o > 0:
                x = o
                if ba <= s < bb:
                    x += onset_gain * min(o, 1.0)
                    if abs(s - round(s)) < 0.1:
                        x += strong_gain * min(o, 1.0)
                w[(key - shift) % 12] += x
            k += 1
        g.w = w
        g.first = idx
        out.append(g)
    return out


def annotated_half_segments(song):
    """(start s, end s, 0 at a bar line / 1 mid-bar) from beat_midi.txt's downbeats."""
    beats = annotated_beats(song)
    down = [i for i, x in enumerate(song.beats) if x[2] == 1.0] or \
        list(range(0, len(song.beats), 4))
    cuts = sorted(set([0] + down + [len(beats) - 1]))
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if b - a >= 2:
            m = a + (b - a) // 2
            out += [(beats[a], beats[m], 0), (beats[m], beats[b], 1)]
        else:
            out.append((beats[a], beats[b], 0))
    return out, beats


def chord_index(root, minor, shift):
    return (root - shift) % 12 + 12 * minor


def chord_of_index(c, shift):
    return ((c % 12) + shift) % 12, c // 12


def prepared(song, segmenter, keyfn, **feat):
    """Segments with features and targets (oracle chord relative to the frame, or None)."""
    segs, beats = segmenter(song)
    shift = frame_of(keyfn(song))
    feats = segments_with_features(song, [(a, b) for a, b, _ in segs], beats, shift, **feat)
    for g, (a, b, pos) in zip(feats, segs):
        g.first = pos
        prof = label_profile(song, a, b)
        g.target = chord_index(*prof.most_common(1)[0][0], shift) if prof else None
    return feats, shift


class Hmm:
    """24 majmin chords relative to the frame; emission: multinomial naive Bayes over the
    weighted melody pitch classes; transitions counted separately into bar-line and mid-bar
    segments."""

    def __init__(self, alpha=1.0, smooth=1.0, tsmooth=0.5):
        self.alpha, self.smooth, self.tsmooth = alpha, smooth, tsmooth

    def fit(self, data):
        em = [[self.smooth] * 12 for _ in range(24)]
        tr = [[[self.tsmooth] * 24 for _ in range(24)] for _ in range(2)]
        init = [1.0] * 24
        for feats, _ in data:
            prev = None
            for g in feats:
                if g.target is None:
                    prev = None
                    continue
                for pc in range(12):
                    em[g.target][pc] += g.w[pc]
                if prev is None:
                    init[g.target] += 1
                else:
                    tr[g.first][prev][g.target] += 1
                prev = g.target
        self.em = [[math.log(x / sum(row)) for x in row] for row in em]
        self.tr = [[[math.log(x / sum(row)) for x in row] for row in t] for t in tr]
        self.init = [math.log(x / sum(init)) for x in init]
        self.cols = [[[t[p][c] for p in range(24)] for c in range(24)] for t in self.tr]
        return self

    def emission(self, g):
        return [self.alpha * sum(g.w[pc] * self.em[c][pc] for pc in range(12) if g.w[pc])
                for c in range(24)]

    def decode(self, feats):
        if not feats:
            return []
        sc = [i + e for i, e in zip(self.init, self.emission(feats[0]))]
        back = []
        for g in feats[1:]:
            e, cols = self.emission(g), self.cols[g.first]
            row, ptr = [], []
            for c in range(24):
                v = list(map(operator.add, sc, cols[c]))
                best = max(v)
                row.append(best + e[c])
                ptr.append(v.index(best))
            sc = row
            back.append(ptr)
        c = max(range(24), key=lambda i: sc[i])
        self.last_score = sc[c]
        path = [c]
        for ptr in reversed(back):
            c = ptr[c]
            path.append(c)
        return path[::-1]


def as_chords(feats, path, shift):
    return [(g.a, g.b) + chord_of_index(c, shift) for g, c in zip(feats, path)]


def score_model(test_songs, test_data, model):
    right = 0.0
    for song, (feats, shift) in zip(test_songs, test_data):
        right += overlap(song.labels, as_chords(feats, model.decode(feats), shift))
    return 100.0 * right / total(test_songs)


# ---------------------------------------------------------------------------------------------
# Train=test lookup bound: the most frequent labelled chord for (quantized melody profile of
# the segment relative to the key, previous labelled chord), counted and scored on ALL songs
# ---------------------------------------------------------------------------------------------
def profile_key(w, levels):
    tot = sum(w)
    if tot <= 0:
        return ()
    if levels == "set":  # pitch classes holding >= 1/6 of the segment
        return tuple(pc for pc in range(12) if w[pc] >= tot / 6)
    order = sorted(range(12), key=lambda pc: -w[pc])
    return tuple((pc, round(3 * w[pc] / tot)) for pc in order[:levels] if w[pc] > 0)


def lookup_bound(songs, data, levels, use_prev):
    table = defaultdict(Counter)
    keys = []
    for feats, _ in data:
        prev, ks = None, []
        for g in feats:
            k = (profile_key(g.w, levels), prev if use_prev else None, g.first)
            ks.append(k)
            if g.target is not None:
                table[k][g.target] += g.dur
            prev = g.target
        keys.append(ks)
    right = 0.0
    for song, (feats, shift), ks in zip(songs, data, keys):
        chords = [(g.a, g.b) + chord_of_index(table[k].most_common(1)[0][0], shift)
                  for g, k in zip(feats, ks) if table[k]]
        right += overlap(song.labels, chords)
    return 100.0 * right / total(songs), len(table)


def annotated_bar_segments(song):
    segs, beats = annotated_half_segments(song)
    out = []
    for a, b, pos in segs:
        if pos == 1:
            out[-1] = (out[-1][0], b, 0)
        else:
            out.append((a, b, 0))
    return out, beats


# ---------------------------------------------------------------------------------------------
# A grid from the melody alone: the file's beats (ticks / ppq) moved by the sub-beat offset of
# the melody's onsets (POP909 files put the music a fraction of a beat off the tick grid), cut
# into 2-beat segments; the bar phase (0-3 beats) is the one whose decoding scores best
# ---------------------------------------------------------------------------------------------
def onset_offset(song, bins=24):
    """Fraction of a beat by which the melody's onsets sit after the tick grid's beats."""
    h = [0.0] * bins
    for a, b, _ in song.notes:
        h[int((a / song.ppq) % 1 * bins) % bins] += 1 + min((b - a) / song.ppq, 2)
    best = max(range(bins), key=lambda i: h[i] + 0.5 * (h[i - 1] + h[(i + 1) % bins]))
    x = y = 0.0
    for a, _, _ in song.notes:
        f = (a / song.ppq) % 1
        if min(abs(f - best / bins), 1 - abs(f - best / bins)) < 1.5 / bins:
            x += math.cos(2 * math.pi * f)
            y += math.sin(2 * math.pi * f)
    return (math.atan2(y, x) / (2 * math.pi)) % 1


def melody_grid_segments(song, phase, offset=None, per=2):
    off = onset_offset(song) if offset is None else offset
    limit = limit_of(song)
    ticks = [(k + off) * song.ppq for k in range(-1, limit // song.ppq + 2)]
    ticks = [t for t in ticks if t >= 0]
    if ticks[0] > 0:
        ticks.insert(0, 0)
    beats = [song.tmap.sec(t) for t in ticks]
    cuts = [0] + [i for i in range(1, len(beats) - 1) if (i - phase) % per == 0] + \
        [len(beats) - 1]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        out.append((beats[a], beats[b], 0 if (a - phase) % 4 == 0 else 1))
    return out, beats


def predict_melody_grid(model, song, keyfn, phases=4, **feat):
    """Decode every bar phase; keep the best-scoring path."""
    best = None
    for p in range(phases):
        feats, shift = prepared(song, lambda s: melody_grid_segments(s, p), keyfn, **feat)
        path = model.decode(feats)
        if best is None or model.last_score > best[0]:
            best = (model.last_score, as_chords(feats, path, shift))
    return best[1]


def lookup_heldout(train, test_songs, test_data, levels):
    """The lookup (no previous chord) counted on `train`, scored on the test songs; a profile
    never seen falls back to the most frequent chord of its first pitch class."""
    table, fallback = defaultdict(Counter), Counter()
    for feats, _ in train:
        for g in feats:
            if g.target is not None:
                table[(profile_key(g.w, levels), g.first)][g.target] += g.dur
                fallback[g.target] += g.dur
    right = 0.0
    for song, (feats, shift) in zip(test_songs, test_data):
        chords = []
        for g in feats:
            cell = table.get((profile_key(g.w, levels), g.first)) or fallback
            chords.append((g.a, g.b) + chord_of_index(cell.most_common(1)[0][0], shift))
        right += overlap(song.labels, chords)
    return 100.0 * right / total(test_songs)


# ---------------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------------
def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    songs = load_cached(args[0] if args else DEFAULT_CORPUS)
    odd = [s for s in songs if int(s.name) % 2 == 1]
    even = [s for s in songs if int(s.name) % 2 == 0]
    rows = []

    def row(name, all_=None, tune=None, held=None, note=""):
        if all_ is None and tune is not None and held is not None:  # pooled held-out
            all_ = (tune * total(odd) + held * total(even)) / total(songs)
        cells = ["%.1f" % x if x is not None else "" for x in (all_, tune, held)]
        rows.append((name, cells, note))
        print("%-58s all %5s  odd %5s  even %5s  %s" % (name, *cells, note), flush=True)

    def split(predict):
        return score(songs, predict), score(odd, predict), score(even, predict)

    print("%d songs, %.0f s of majmin labels" % (len(songs), total(songs)))
    row("C++ baseline (meter bars of the file, labelled key)", *split(cpp_baseline))
    row("same rule on annotated bars (beat_midi.txt)",
        *split(seconds_baseline(lambda s: annotated_segments(s, "bar"))))
    row("same rule on annotated half bars",
        *split(seconds_baseline(lambda s: annotated_segments(s, "half"))))
    for name, segs in (("meter bars", meter_segments),
                       ("annotated bars", lambda s: annotated_segments(s, "bar")),
                       ("annotated half bars", lambda s: annotated_segments(s, "half")),
                       ("annotated beats", lambda s: annotated_segments(s, "beat"))):
        row("oracle: best majmin chord per " + name, *split(oracle(segs)))

    feat = dict(onset_gain=0, strong_gain=0)
    for keyname, keyfn in (("labelled key", lambda s: s.key), ("melody key", estimate_key)):
        data = {s.name: prepared(s, annotated_half_segments, keyfn, **feat) for s in songs}
        d_all = [data[s.name] for s in songs]
        d_odd = [data[s.name] for s in odd]
        d_even = [data[s.name] for s in even]
        for levels in ("set", 3):
            r, cells = lookup_bound(songs, d_all, levels, False)
            row("lookup %s, half bars, %s: train=test ALL" % (levels, keyname), r,
                note="%d cells" % cells)
            r, cells = lookup_bound(songs, d_all, levels, True)
            row("  + true previous chord (teacher-forced): train=test", r,
                note="%d cells" % cells)
            row("  same lookup held out (odd->even; even->odd in 'odd')", None,
                lookup_heldout(d_even, odd, d_odd, levels),
                lookup_heldout(d_odd, even, d_even, levels))
        # the HMM reads onsets too: a struck note adds up to a beat, one on a beat half more
        data = {s.name: prepared(s, annotated_half_segments, keyfn) for s in songs}
        d_odd = [data[s.name] for s in odd]
        d_even = [data[s.name] for s in even]
        m_odd, m_even = Hmm(1.0).fit(d_odd), Hmm(1.0).fit(d_even)
        row("HMM, annotated half bars, %s: tuning (odd->odd)" % keyname, None,
            score_model(odd, d_odd, m_odd))
        row("  held out (even->odd in 'odd', odd->even in 'even')", None,
            score_model(odd, d_odd, m_even), score_model(even, d_even, m_odd))
        if keyname == "melody key":
            grid = lambda m: (lambda s: predict_melody_grid(m, s, keyfn))
            row("HMM, melody grid + best bar phase, melody key: tuning", None,
                score(odd, grid(m_odd)))
            row("  held out (even->odd in 'odd', odd->even in 'even')", None,
                score(odd, grid(m_even)), score(even, grid(m_odd)))
    try:
        import numpy  # noqa: F401
    except ImportError:
        print("(python3-numpy missing: softmax rows skipped)")
        return rows
    for keyname, keyfn in (("labelled key", lambda s: s.key), ("melody key", estimate_key)):
        data = {s.name: prepared(s, annotated_half_segments, keyfn) for s in songs}
        d_odd = [data[s.name] for s in odd]
        d_even = [data[s.name] for s in even]
        for context in ((2, 4) if keyname == "melody key" else (2,)):
            m_odd = SoftmaxChords(context=context).fit(d_odd)
            m_even = SoftmaxChords(context=context).fit(d_even)
            row("softmax +-%d, annotated half bars, %s: tuning" % (context, keyname), None,
                score_model(odd, d_odd, m_odd))
            row("  held out (even->odd in 'odd', odd->even in 'even')", None,
                score_model(odd, d_odd, m_even), score_model(even, d_even, m_odd))
            if context == 2:
                grid = lambda m: (lambda s: predict_melody_grid(m, s, keyfn))
                row("softmax +-2, melody grid + best bar phase, %s: tuning" % keyname, None,
                    score(odd, grid(m_odd)))
                row("  held out (even->odd in 'odd', odd->even in 'even')", None,
                    score(odd, grid(m_even)), score(even, grid(m_odd)))
    return rows



# ---------------------------------------------------------------------------------------------
# Softmax regression per half bar with melody context (needs python3-numpy): log(1 + beats) per
# pitch class of the segment and of the 2 segments either side, the segment's pitch-class shares,
# the song's whole melody profile (max 1), bar-line / silence flags; each segment's chord is the
# argmax (no transition model: adding the HMM's transitions did not help on the tuning half)
# ---------------------------------------------------------------------------------------------
def repeats_pool(W, pos, M, width=2, top=5, mingap=2, reach=512, floor=0.5):
    """For each segment, the `top` other segments at the same place in the bar (at least `mingap`,
    at most `reach` segments away) whose melody context (pitch-class shares of the `width`
    segments either side, not of the segment itself; unit length) is most alike by cosine (-1
    for the excluded; ties to the earlier), and M of them averaged with their similarities as weights (0 below `floor`); plus
    the weights' sum / `top` (how much repeat there is: 0 on a short take without repeats).
    Pop songs repeat their chord progressions while the melody varies: this pools the melody of
    the repeats (engine/generate/LearnedChords.cpp repeatsOf)."""
    import numpy as np
    n = len(W)
    tot = W.sum(1, keepdims=True)
    P = np.where(tot > 0, W / np.maximum(tot, 1e-9), 0)
    C = np.hstack([shifted_rows(P, k) for k in range(-width, width + 1) if k])
    C = C / np.maximum(np.linalg.norm(C, axis=1, keepdims=True), 1e-9)
    S = C @ C.T
    idx = np.arange(n)
    gap = np.abs(idx[:, None] - idx[None, :])
    S[(gap < mingap) | (gap > reach) | (pos[:, None] != pos[None, :])] = -1
    top = min(top, n - 1)
    if top <= 0:
        return np.zeros_like(M), np.zeros((n, 1))
    J = np.argsort(-S, axis=1, kind="stable")[:, :top]
    sims = np.take_along_axis(S, J, 1)
    wts = np.where(sims >= floor, sims, 0)
    out = (M[J] * wts[:, :, None]).sum(1) / np.maximum(wts.sum(1, keepdims=True), 1e-9)
    return out, wts.sum(1, keepdims=True) / top


def shifted_rows(M, k):
    """Row i holds M[i - k] (zeros past the ends)."""
    import numpy as np
    Z = np.zeros_like(M)
    if k > 0:
        Z[k:] = M[:-k]
    elif k < 0:
        Z[:k] = M[-k:]
    return Z


def lr_features(feats, context=2, repeats=False):
    import numpy as np
    W = np.array([g.w for g in feats], float).reshape(-1, 12)
    n = len(feats)
    L = np.log1p(W)
    tot = W.sum(1, keepdims=True)
    P = np.where(tot > 0, W / np.maximum(tot, 1e-9), 0)

    song = np.log1p(W.sum(0))
    song = song / max(song.max(), 1e-9)
    pos = np.array([[g.first] for g in feats], float).reshape(-1, 1)
    parts = [L, P] + [shifted_rows(L, k) for k in range(-context, context + 1) if k]
    parts += [np.tile(song, (n, 1)), pos, (tot == 0).astype(float)]
    if repeats:
        parts += list(repeats_pool(W, pos[:, 0], L))
    return np.hstack(parts + [np.ones((n, 1))])


def adam_softmax(Xn, y, l2, iters, dtype=float):
    """Weights (features x 24) of a multinomial logistic regression on standardized inputs Xn
    and chord indices y: full-batch Adam, rate 0.05, L2 `l2`, `iters` steps."""
    import numpy as np
    Y = np.eye(24, dtype=dtype)[y]
    W = np.zeros((Xn.shape[1], 24), dtype)
    m, v = np.zeros_like(W), np.zeros_like(W)
    for t in range(1, iters + 1):
        Z = Xn @ W
        Z -= Z.max(1, keepdims=True)
        p = np.exp(Z)
        p /= p.sum(1, keepdims=True)
        g = Xn.T @ (p - Y) / len(y) + l2 * W
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        W -= 0.05 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return W


class SoftmaxChords:
    def __init__(self, l2=1e-2, iters=300, context=2, repeats=False):
        self.l2, self.iters, self.context, self.repeats = l2, iters, context, repeats

    def fit(self, data):
        import numpy as np
        X = np.vstack([lr_features(f, self.context, self.repeats) for f, _ in data])
        y = np.array([g.target if g.target is not None else -1 for f, _ in data for g in f])
        X, y = X[y >= 0], y[y >= 0]
        self.mu, self.sd = X.mean(0), X.std(0) + 1e-6
        self.mu[-1], self.sd[-1] = 0, 1
        self.W = adam_softmax((X - self.mu) / self.sd, y, self.l2, self.iters)
        return self

    def logprob(self, feats):
        import numpy as np
        Z = ((lr_features(feats, self.context, self.repeats) - self.mu) / self.sd) @ self.W
        Z -= Z.max(1, keepdims=True)
        return Z - np.log(np.exp(Z).sum(1, keepdims=True))

    def decode(self, feats):
        lp = self.logprob(feats)
        self.last_score = float(lp.max(1).sum())
        return [int(c) for c in lp.argmax(1)]


class FrameModel:
    """The key frame (tonic of the key's relative major: C for C major and A minor) from the
    melody alone: a conditional logit over the 12 rotations of the whole melody's profile
    (log(1 + w) of the segment weights summed over the song, divided by its maximum: the
    softmax's song feature), 12 weights, fitted to the labelled keys' frames (L2 1e-3, 500 Adam
    steps).  Cross-validated on the odd songs it finds the labelled frame in 96.7% of them; the
    Krumhansl-Kessler key (estimate_key) in 78.7%."""

    def __init__(self, l2=1e-3, iters=500):
        self.l2, self.iters = l2, iters

    @staticmethod
    def rotations(song):
        import numpy as np
        if not hasattr(song, "abs_profile"):
            feats = segments_with_features(song, [(a, b) for a, b, _ in
                                                  annotated_half_segments(song)[0]],
                                           annotated_half_segments(song)[1], 0)
            w = np.log1p(np.array([g.w for g in feats], float).reshape(-1, 12).sum(0))
            song.abs_profile = w / max(w.max(), 1e-9)
        return np.array([np.roll(song.abs_profile, -f) for f in range(12)])

    def fit(self, songs):
        import numpy as np
        X = np.array([self.rotations(s) for s in songs])
        y = np.array([frame_of(s.key) for s in songs])
        w, m, v = np.zeros(12), np.zeros(12), np.zeros(12)
        for t in range(1, self.iters + 1):
            Z = X @ w
            Z -= Z.max(1, keepdims=True)
            p = np.exp(Z)
            p /= p.sum(1, keepdims=True)
            g = (np.einsum("ns,nsd->d", p, X) - X[np.arange(len(y)), y].sum(0)) / len(y) \
                + self.l2 * w
            m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
            w -= 0.05 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
        self.w = w
        return self

    def frame(self, song):
        """The frame as a major key (frame_of(k) == k), so it can stand in for keyfn."""
        return int((self.rotations(song) @ self.w).argmax())


L2_FINAL = 0.03  # chosen by 3-fold cross-validation inside the odd songs (docs/HARMONIZE.md)


def fit_final(train):
    fm = FrameModel().fit(train)
    data = [prepared(s, annotated_half_segments, fm.frame) for s in train]
    return fm, SoftmaxChords(context=2, repeats=True, l2=L2_FINAL).fit(data), data


def held_out(train, test):
    fm, m, _ = fit_final(train)
    data = [prepared(s, annotated_half_segments, fm.frame) for s in test]
    frames = sum(fm.frame(s) == frame_of(s.key) for s in test)
    return score_model(test, data, m), frames


def export_weights(path, corpus):
    """Fit the frame model and the softmax (+-2 context, repeats pooled, frame learned from the
    melody, annotated half bars) on the ODD songs only and write them as a C++ header for
    engine/generate/LearnedChords.cpp; print the held-out figures (--both: also even->odd)."""
    songs = load_cached(corpus)
    odd = [s for s in songs if int(s.name) % 2 == 1]
    even = [s for s in songs if int(s.name) % 2 == 0]
    fm, m, data = fit_final(odd)
    print("trained on %d odd songs, tuning %.2f%%" % (len(odd), score_model(odd, data, m)))
    ev, fr = held_out(odd, even)
    print("held out (odd->even) %.2f%%, frame right in %d/%d even songs" % (ev, fr, len(even)),
          flush=True)
    if "--both" in sys.argv:
        od, fr = held_out(even, odd)
        print("held out (even->odd) %.2f%%, frame right in %d/%d odd songs" % (od, fr, len(odd)))
        print("pooled held out (all) %.2f%%" %
              ((ev * total(even) + od * total(odd)) / total(songs)))
    if "--labelled" in sys.argv:  # the same recipe with the labelled key's frame, for comparison
        def lab(train, test):
            m = SoftmaxChords(context=2, repeats=True, l2=L2_FINAL).fit(
                [prepared(s, annotated_half_segments, lambda s: s.key) for s in train])
            return score_model(test, [prepared(s, annotated_half_segments, lambda s: s.key)
                                      for s in test], m)
        ev, od = lab(odd, even), lab(even, odd)
        print("labelled key: held out even %.2f%%, odd %.2f%%, pooled %.2f%%" %
              (ev, od, (ev * total(even) + od * total(odd)) / total(songs)))
    nf, nc = m.W.shape

    def row(xs):
        return ", ".join("%.9g" % x for x in xs)

    lines = [
        "// SPDX-License-Identifier: MIT",
        "// clang-format off",
        "// GENERATED by `/usr/bin/python3 scripts/harmonize_study.py --export-weights %s`:" %
        os.path.relpath(path, os.path.join(HERE, "..")),
        "// the softmax chord model of docs/HARMONIZE.md (one of 24 majmin chords per half bar,",
        "// relative to the key's relative major; +-2 half bars of melody context, the repeats",
        "// pooled; the frame learned from the melody), fitted on the ODD POP909 songs 001-299",
        "// only (%d songs), so the even songs stay held out." % len(odd),
        "// Do not edit; regenerate. Feature order: LearnedChords.cpp.",
        "#pragma once",
        "",
        "namespace pianola::engine::generate::learned {",
        "constexpr int kFeatures = %d;" % nf,
        "constexpr int kChords = %d;" % nc,
        "/// The frame's score: sum over pc of kFrameWeight[pc] * song profile[(pc + frame) % 12].",
        "constexpr float kFrameWeight[12] = {%s};" % row(fm.w),
        "/// Input standardization: (x - kMean) / kScale.",
        "constexpr float kMean[kFeatures] = {%s};" % row(m.mu),
        "constexpr float kScale[kFeatures] = {%s};" % row(m.sd),
        "/// kWeight[feature][chord]; chord = root (0-11 above the frame) + 12 * minor.",
        "constexpr float kWeight[kFeatures][kChords] = {",
    ]
    lines += ["{%s}," % row(w) for w in m.W]
    lines += ["};", "} // namespace pianola::engine::generate::learned", "// clang-format on", ""]
    open(path, "w").write("\n".join(lines))
    print("wrote", path)


if __name__ == "__main__" and "--export-weights" in sys.argv:
    i = sys.argv.index("--export-weights")
    rest = [a for a in sys.argv[1:i] + sys.argv[i + 2:] if not a.startswith("--")]
    export_weights(sys.argv[i + 1], rest[0] if rest else DEFAULT_CORPUS)
elif __name__ == "__main__" and "--repro" not in sys.argv:
    main()
