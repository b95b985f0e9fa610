#!/usr/bin/python3
"""Cross-validation inside the ODD POP909 songs for the learned harmonizer's choices (issue 12;
docs/HARMONIZE.md "Model choices by cross-validation").  The even songs are never read here.

Run:  nice /usr/bin/python3 scripts/harmonize_cv.py [NAME ...]   (needs python3-mido, -numpy;
      no NAME: list the configurations; "all": run every one, ~25 minutes on the busy 2-core
      machine; each is 1-3 minutes.)  Features are extracted once into /tmp/harmonize_cv_UID.pkl
      (delete it after changing the corpus or the segment features).

Each configuration is scored by 3-fold CV over the 150 odd songs (fold = position in the odd
list mod 3): the frame model (when used) and the softmax are fitted on two folds, scored (MIREX
majmin by time, the scoring of harmonize_study.py) on the third, and the three folds pooled.
The softmax here is harmonize_study.SoftmaxChords's recipe in float32 (same Adam steps).
"""
import os
import pickle
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harmonize_study as hs  # noqa: E402

CACHE = "/tmp/harmonize_cv_%d.pkl" % os.getuid()


def extract():
    """Per odd song: absolute pitch-class weights W per annotated half bar (harmonize_study's
    segment features with frame 0), the bar position, and R: seconds of each majmin label chord
    (root + 12 * minor) inside each half bar, so that a prediction scores sum R[i, chord_i]."""
    try:
        return pickle.load(open(CACHE, "rb"))
    except (OSError, EOFError, pickle.PickleError):
        pass
    recs = []
    for s in hs.load_cached(hs.DEFAULT_CORPUS):
        if int(s.name) % 2 == 0:
            continue  # held out: never read here
        segs, beats = hs.annotated_half_segments(s)
        feats = hs.segments_with_features(s, [(a, b) for a, b, _ in segs], beats, 0)
        R = np.zeros((len(segs), 24))
        for i, (a, b, _) in enumerate(segs):
            for (r, m), sec in hs.label_profile(s, a, b).items():
                R[i, r + 12 * m] += sec
        recs.append(dict(name=s.name, lkey=s.key, mkey=hs.estimate_key(s),
                         total=sum(e - a for a, e, _, _ in s.labels),
                         pos=np.array([p for _, _, p in segs]),
                         W=np.array([g.w for g in feats], float).reshape(-1, 12), R=R))
    pickle.dump(recs, open(CACHE, "wb"))
    return recs


def framed(rec, shift):
    d = dict(rec)
    d["W"] = np.roll(rec["W"], -shift, axis=1)
    d["R"] = np.hstack([np.roll(rec["R"][:, :12], -shift, axis=1),
                        np.roll(rec["R"][:, 12:], -shift, axis=1)])
    return d


shifted = hs.shifted_rows


def base_parts(d, context=2):
    W = d["W"]
    n = len(W)
    L = np.log1p(W)
    tot = W.sum(1, keepdims=True)
    P = np.where(tot > 0, W / np.maximum(tot, 1e-9), 0)
    song = np.log1p(W.sum(0))
    song = song / max(song.max(), 1e-9)
    parts = [L, P] + [shifted(L, k) for k in range(-context, context + 1) if k]
    return parts + [np.tile(song, (n, 1)), d["pos"].reshape(-1, 1).astype(float),
                    (tot == 0).astype(float)]


def finish(parts):
    return np.hstack(parts + [np.ones((parts[0].shape[0], 1))])


def phase_pool(M, P, cycles=2):
    """Mean of M at i +- c*P (c = 1..cycles), where inside the song."""
    n = len(M)
    acc, cnt = np.zeros_like(M), np.zeros((n, 1))
    for c in range(1, cycles + 1):
        for k in (c * P, -c * P):
            valid = np.zeros((n, 1))
            if k > 0:
                valid[k:] = 1
            else:
                valid[:k] = 1
            acc += shifted(M, k)
            cnt += valid
    return acc / np.maximum(cnt, 1)


def similar(d, M, width=2, top=5, floor=0.0, evidence=False):
    """harmonize_study.repeats_pool with variants: floor 0 = no floor (weights max(sim, 0));
    evidence=False gives the mean similarity of the top as the extra feature."""
    W = d["W"]
    n = len(W)
    tot = W.sum(1, keepdims=True)
    P = np.where(tot > 0, W / np.maximum(tot, 1e-9), 0)
    C = np.hstack([shifted(P, k) for k in range(-width, width + 1) if k])
    C = C / np.maximum(np.linalg.norm(C, axis=1, keepdims=True), 1e-9)
    S = C @ C.T
    idx = np.arange(n)
    gap = np.abs(idx[:, None] - idx[None, :])
    S[(gap < 2) | (gap > 512) | (d["pos"][:, None] != d["pos"][None, :])] = -1
    top = min(top, n - 1)
    if top <= 0:
        return [np.zeros_like(M), np.zeros((n, 1))]
    J = np.argsort(-S, axis=1, kind="stable")[:, :top]
    sims = np.take_along_axis(S, J, 1)
    wts = np.where(sims >= floor, np.clip(sims, 0, None), 0)
    out = (M[J] * wts[:, :, None]).sum(1) / np.maximum(wts.sum(1, keepdims=True), 1e-9)
    extra = wts.sum(1, keepdims=True) / top if evidence else sims.mean(1, keepdims=True)
    return [out, extra]


def features(context=2, sim=None, phases=(), **simkw):
    def f(d):
        parts = base_parts(d, context)
        L = np.log1p(d["W"])
        if sim:
            parts += similar(d, L, *sim, **simkw)
        parts += [phase_pool(L, P) for P in phases]
        return finish(parts)
    return f


class Softmax:
    def __init__(self, l2=1e-2, iters=300):
        self.l2, self.iters = l2, iters

    def fit(self, X, y):
        X, y = X[y >= 0], y[y >= 0]
        self.mu, self.sd = X.mean(0), X.std(0) + 1e-6
        self.mu[-1], self.sd[-1] = 0, 1
        Xn = ((X - self.mu) / self.sd).astype(np.float32)
        self.W = hs.adam_softmax(Xn, y, self.l2, self.iters, np.float32)
        return self

    def logprob(self, X):
        Z = ((X - self.mu) / self.sd) @ self.W
        Z -= Z.max(1, keepdims=True)
        return Z - np.log(np.exp(Z).sum(1, keepdims=True))


def target(d):
    t = d["R"].argmax(1)
    t[d["R"].sum(1) <= 0] = -1
    return t


def fit(ds, featfn, **kw):
    return Softmax(**kw).fit(np.vstack([featfn(d) for d in ds]),
                             np.concatenate([target(d) for d in ds]))


def right(ds, preds):
    return sum(d["R"][np.arange(len(p)), p].sum() for d, p in zip(ds, preds))


class Frames:
    """harmonize_study.FrameModel on the cached weights."""

    def __init__(self, recs, l2=1e-3):
        m = hs.FrameModel(l2=l2)
        X = np.array([self.rotations(r) for r in recs])
        y = np.array([hs.frame_of(r["lkey"]) for r in recs])
        w, a, b = np.zeros(12), np.zeros(12), np.zeros(12)
        for t in range(1, m.iters + 1):
            Z = X @ w
            Z -= Z.max(1, keepdims=True)
            p = np.exp(Z)
            p /= p.sum(1, keepdims=True)
            g = (np.einsum("ns,nsd->d", p, X) - X[np.arange(len(y)), y].sum(0)) / len(y) + l2 * w
            a, b = 0.9 * a + 0.1 * g, 0.999 * b + 0.001 * g * g
            w -= 0.05 * (a / (1 - 0.9 ** t)) / (np.sqrt(b / (1 - 0.999 ** t)) + 1e-8)
        self.w = w

    @staticmethod
    def rotations(r):
        v = np.log1p(r["W"].sum(0))
        v = v / max(v.max(), 1e-9)
        return np.array([np.roll(v, -f) for f in range(12)])

    def __call__(self, r):
        return int((self.rotations(r) @ self.w).argmax())


def viterbi(lp, pos, stay_bar, stay_mid):
    sc, back = lp[0].copy(), np.zeros((len(lp), 24), int)
    for i in range(1, len(lp)):
        v = sc[:, None] + np.eye(24) * (stay_mid if pos[i] else stay_bar)
        back[i], sc = v.argmax(0), v.max(0) + lp[i]
    path = [int(sc.argmax())]
    for i in range(len(lp) - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    return np.array(path[::-1])


def cv(recs, featfn, frame="kk", train_frame="est", decode=None, stack=None, **kw):
    """frame: 'kk' (Krumhansl-Kessler key from the melody), 'learned' (Frames fitted on the
    training folds; train_frame 'est' or 'label' for the training songs' frames) or 'label'."""
    got = tot = 0.0
    for f in range(3):
        tr = [r for i, r in enumerate(recs) if i % 3 != f]
        te = [r for i, r in enumerate(recs) if i % 3 == f]
        if frame == "learned":
            fm = Frames(tr)
            trd = [framed(r, fm(r) if train_frame == "est" else hs.frame_of(r["lkey"]))
                   for r in tr]
            ted = [framed(r, fm(r)) for r in te]
        else:
            key = "mkey" if frame == "kk" else "lkey"
            trd = [framed(r, hs.frame_of(r[key])) for r in tr]
            ted = [framed(r, hs.frame_of(r[key])) for r in te]
        if stack:  # second pass on cross-fitted first-pass posteriors (2 inner folds)
            P1 = {}
            for g in range(2):
                m = fit([d for i, d in enumerate(trd) if i % 2 != g], featfn, **kw)
                for d in (d for i, d in enumerate(trd) if i % 2 == g):
                    P1[d["name"]] = np.exp(m.logprob(featfn(d)))
            m = fit(trd, featfn, **kw)
            for d in ted:
                P1[d["name"]] = np.exp(m.logprob(featfn(d)))
            g2 = lambda d: stack(d, P1[d["name"]])  # noqa: E731
            m = fit(trd, g2, **kw)
            preds = [m.logprob(g2(d)).argmax(1) for d in ted]
        else:
            m = fit(trd, featfn, **kw)
            lps = [m.logprob(featfn(d)) for d in ted]
            preds = [decode(lp, d["pos"]) if decode else lp.argmax(1) for lp, d in zip(lps, ted)]
        got += right(ted, preds)
        tot += sum(d["total"] for d in ted)
    return 100 * got / tot


def stack_neighbours(d, P1):
    n = len(P1)
    return finish(base_parts(d) + [P1] + [shifted(P1, k) for k in (-2, -1, 1, 2)] +
                  [np.tile(P1.mean(0), (n, 1))])


FINAL = dict(frame="learned", sim=(2, 5), floor=0.5, evidence=True, l2=0.03)
CONFIGS = {
    # name: (kwargs of features(), kwargs of cv(), figure when the doc was written)
    "base": ({}, {}, 37.57),
    "base+phase8,16": (dict(phases=(8, 16)), {}, 37.53),
    "base+phase4,8,16": (dict(phases=(4, 8, 16)), {}, 37.53),
    "base+similar1,3": (dict(sim=(1, 3)), {}, 37.77),
    "base+similar2,5": (dict(sim=(2, 5)), {}, 38.14),
    "base+viterbi(0,0.5)": ({}, dict(decode=lambda lp, pos: viterbi(lp, pos, 0, 0.5)), 37.60),
    "base+viterbi(0,1)": ({}, dict(decode=lambda lp, pos: viterbi(lp, pos, 0, 1)), 37.12),
    "base+viterbi(0.5,1)": ({}, dict(decode=lambda lp, pos: viterbi(lp, pos, 0.5, 1)), 35.50),
    "base, learned frame (trained on labelled frames)":
        ({}, dict(frame="learned", train_frame="label"), 38.68),
    "base, learned frame": ({}, dict(frame="learned"), 38.83),
    "base, learned frame, stacked 2nd pass": ({}, dict(frame="learned", stack=stack_neighbours),
                                               38.67),
    "similar2,5, learned frame": (dict(sim=(2, 5)), dict(frame="learned"), 39.08),
    "similar2,5, learned frame, L2 0.003": (dict(sim=(2, 5)), dict(frame="learned", l2=3e-3),
                                             38.77),
    "similar2,5, learned frame, L2 0.03": (dict(sim=(2, 5)), dict(frame="learned", l2=3e-2),
                                            39.14),
    "similar2,5, learned frame, L2 0.1": (dict(sim=(2, 5)), dict(frame="learned", l2=0.1),
                                           38.88),
    "similar2,10, learned frame": (dict(sim=(2, 10)), dict(frame="learned"), 39.07),
    "similar2,5 + phase8,16, learned frame": (dict(sim=(2, 5), phases=(8, 16)),
                                               dict(frame="learned"), 38.95),
    "similar2,5 +-4 context, learned frame": (dict(sim=(2, 5), context=4),
                                               dict(frame="learned"), 39.11),
    "similar2,5 floor 0.5, L2 0.03": (dict(sim=(2, 5), floor=0.5),
                                      dict(frame="learned", l2=3e-2), 39.25),
    "similar2,5 floor 0.8, L2 0.03": (dict(sim=(2, 5), floor=0.8),
                                      dict(frame="learned", l2=3e-2), 39.01),
    "final: similar2,5 floor 0.5, evidence, L2 0.03":
        (dict(sim=(2, 5), floor=0.5, evidence=True), dict(frame="learned", l2=3e-2), 39.20),
}


def frame_accuracy(recs):
    kk = np.mean([hs.frame_of(r["mkey"]) == hs.frame_of(r["lkey"]) for r in recs])
    ok = 0
    for f in range(3):
        fm = Frames([r for i, r in enumerate(recs) if i % 3 != f])
        ok += sum(fm(r) == hs.frame_of(r["lkey"]) for i, r in enumerate(recs) if i % 3 == f)
    return 100 * kk, 100 * ok / len(recs)


def main():
    names = [a for a in sys.argv[1:]]
    if not names:
        print("configurations (CV figure when written):")
        for k, (_, _, fig) in CONFIGS.items():
            print("  %-50s %.2f" % (k, fig))
        print("  frames")
        return
    recs = extract()
    if "frames" in names or "all" in names:
        print("frame = labelled key's relative major: KK %.1f%%, learned (3-fold CV) %.1f%%" %
              frame_accuracy(recs), flush=True)
    for k, (fkw, cvkw, fig) in CONFIGS.items():
        if "all" in names or k in names:
            print("%-50s CV %.2f (written %.2f)" % (k, cv(recs, features(**fkw), **cvkw), fig),
                  flush=True)


if __name__ == "__main__":
    main()
