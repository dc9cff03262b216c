#!/usr/bin/env python3
"""Train the PLOVER coder's model (accord/knowledge/coder_model.json) from PLV_train and the PLOVER GSR.

usage: python scripts/train_coder.py [--plv PLV_train.tsv] [--gsr PLOVER_GSR_CAMEO.json | --no-gsr]
                                     [--out accord/knowledge/coder_model.json] [--folds 5]

Each sentence is parsed by the pipeline's own model and actor extractor, cut into candidates
(``accord.extract.coder_features``), and the candidate whose arguments cover the marked source and
target (the deepest one, the source as its agent where possible) is the example of the gold type; the
sentence's other candidates are examples of NONE, down-weighted because some of them are unmarked
events. A multinomial logistic regression with L2 is fitted by full-batch Adam (no sampling, so the
run is deterministic), classes weighted towards the rare ones because the target is macro-F1.
Features seen in fewer than ``MIN_COUNT`` training sentences are dropped, and weights are stored as
integers, to keep the file small. The script prints the candidate-level k-fold figures (a quick check;
``bench/plover.py`` gives the end-to-end ones) and the training fit.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from accord.extract import arguments as args  # noqa: E402
from accord.extract.actors import ActorTable, find_actors  # noqa: E402
from accord.extract.coder_features import Candidate, candidates, features  # noqa: E402
from accord.extract.gazetteer import gazetteer  # noqa: E402
from accord.nlp.model import load_model  # noqa: E402
from accord.settings import DEFAULT  # noqa: E402
from accord.text.normalise import prepare  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "plover"
CLASSES = ["NONE", "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "REQUEST", "ACCUSE", "REJECT",
           "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
GSR_TYPES = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
             "CONCEDE": "YIELD", "RETREAT": "YIELD"}
SEED = 13
MIN_COUNT = 2
HYPER = {"l2": 0.003, "none_weight": 0.2, "class_alpha": 0.5, "epochs": 250, "lr": 0.05, "threshold": 0.1,
         "threshold_free": 0.3, "gsr_weight": 0.5}
Spans = list[tuple[int, int]]


@dataclass
class Row:
    """One marked sentence: gold type, marked source and target as character spans."""

    group: str
    text: str
    gold: str
    source: Spans
    target: Spans
    weight: float = 1.0


@dataclass
class Sentence:
    """A parsed sentence's candidates, their features, and the label each one takes."""

    group: str
    feats: list[list[str]]
    labels: list[str] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    found: int = 0  # rows whose source and target some candidate covers


# --- data ----------------------------------------------------------------------------------------

def plv_rows(path: Path) -> list[Row]:
    csv.field_size_limit(10**9)
    with path.open(encoding="utf-8") as f:
        data = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for r in data:
        text, spans = marked_spans(r["marked_sentence"])
        gold = "YIELD" if r["gold_root"] in ("CONCEDE", "RETREAT") else r["gold_root"]
        out.append(Row("s" + r["sentence_id"], text, gold, spans["s"], spans["t"]))
    return out


def marked_spans(marked: str) -> tuple[str, dict[str, Spans]]:
    """The plain sentence and the character spans of its <s>..</s> and <t>..</t> marks (as score_plv.py)."""
    out: dict[str, Spans] = {"s": [], "t": []}
    plain: list[str] = []
    pos, stack = 0, []
    for m in re.finditer(r"<(/?)([st])>|[^<]+|<", marked):
        if m.group(2):
            if m.group(1):
                out[m.group(2)].append((stack.pop(), pos))
            else:
                stack.append(pos)
        else:
            plain.append(m.group(0))
            pos += len(m.group(0))
    return "".join(plain), out


def gsr_rows(path: Path, weight: float) -> list[Row]:
    """The GSR's CAMEO-manual examples, old labels mapped to PLV's (DEMAND is REQUEST, FIGHT ASSAULT ...)."""
    out = []
    for k, r in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        info, text = r.get("textInfo"), r.get("text")
        markup = info.get("markup") if isinstance(info, dict) else info
        gold = GSR_TYPES.get(r.get("event"), r.get("event"))
        if not text or not markup or gold not in CLASSES:
            continue
        spans: dict[str, Spans] = {"s": [], "t": []}
        for tag, inner in re.findall(r"\((SRC/TAR|SRC|TAR)[^:]*:\s*([^()]+?)\s*[)}]", markup):
            at = text.find(inner)
            if at < 0:
                continue
            for role in ("s", "t") if tag == "SRC/TAR" else (tag[0].lower(),):
                spans[role].append((at, at + len(inner)))
        if spans["s"] and spans["t"]:
            out.append(Row(f"g{k}", text, gold, spans["s"], spans["t"], weight))
    return out


# --- candidates and labels -----------------------------------------------------------------------

def featurize(rows: list[Row], none_weight: float) -> list[Sentence]:
    """Parse each distinct sentence once and label its candidates from every row that marks it."""
    nlp = load_model(DEFAULT.model, DEFAULT.max_chars)
    gaz = gazetteer(nlp)
    acronyms = frozenset(s for s in gaz.entries if s.isupper())
    by_group: dict[str, list[Row]] = {}
    for r in rows:
        by_group.setdefault(r.group, []).append(r)
    groups = list(by_group)
    texts = [prepare(by_group[g][0].text, acronyms).clean for g in groups]
    out = []
    for group, doc in zip(groups, nlp.pipe(texts), strict=True):
        table = find_actors(doc, gaz, None)
        cands = [c for sent in doc.sents for c in candidates(sent)]
        out.append(_label(group, cands, table, by_group[group], none_weight))
    return out


def _label(group: str, cands: list[Candidate], table: ActorTable, rows: list[Row], none_weight: float) -> Sentence:
    feats = [features(c, table) for c in cands]
    sent = Sentence(group, [], [], [])
    gold_of: dict[int, list[Row]] = {}
    for r in rows:
        k = gold_candidate(cands, table, r)
        if k is not None:
            gold_of.setdefault(k, []).append(r)
    for k, f in enumerate(feats):
        for r in gold_of.get(k, []):
            sent.feats.append(f)
            sent.labels.append(r.gold)
            sent.weights.append(r.weight)
        if k not in gold_of:
            sent.feats.append(f)
            sent.labels.append("NONE")
            sent.weights.append(none_weight * rows[0].weight)
    sent.found = sum(len(v) for v in gold_of.values())
    return sent


def gold_candidate(cands: list[Candidate], table: ActorTable, row: Row) -> int | None:
    """The candidate whose arguments cover the marked source and target: the source as an agent if
    possible, then the deepest head (the reported clause, not the verb that reports it)."""
    best = None
    for k, c in enumerate(cands):
        s_agent = any(_covers(a, table, row.source) for a in c.agents)
        s_any = s_agent or any(_covers(p, table, row.source) for p in c.patients)
        t_any = any(_covers(t, table, row.target) for t in c.agents + c.patients)
        if not (s_any and t_any):
            continue
        key = (s_agent, len(list(c.head.ancestors)), c.kind == "chain")
        if best is None or key > best[0]:
            best = (key, k)
    return best[1] if best else None


def _covers(tok, table: ActorTable, spans: Spans) -> bool:  # type: ignore[no-untyped-def]
    """Would the actor the coder gives this argument have a mention overlapping ``spans``?"""
    doc = tok.doc
    core = [(doc[tok.left_edge.i].idx, tok.idx + len(tok))]
    ids = args.actors_at(table, tok)
    mentions = [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in table.mentions + table.nested
                if m.actor in ids]
    return any(min(b, d) > max(a, c) for a, b in spans for c, d in core + mentions)


# --- model ---------------------------------------------------------------------------------------

def fit(sents: list[Sentence], hyper: dict) -> dict:
    """Multinomial logistic regression on the sentences' candidates; returns the model's JSON form."""
    feats = [f for s in sents for f in s.feats]
    labels = [lab for s in sents for lab in s.labels]
    weights = np.array([w for s in sents for w in s.weights], dtype=float)
    counts = Counter(x for s in sents for x in {x for f in s.feats for x in f})
    vocab = sorted(x for x, n in counts.items() if n >= MIN_COUNT)
    index = {x: k for k, x in enumerate(vocab)}
    y = np.array([CLASSES.index(lab) for lab in labels])
    support = Counter(labels)
    positives = sum(n for lab, n in support.items() if lab != "NONE")
    for c, n in support.items():
        if c != "NONE":
            weights[y == CLASSES.index(c)] *= (positives / len(support) / n) ** hyper["class_alpha"]
    rows = [[index[x] for x in f if x in index] for f in feats]
    w, b = _adam(rows, y, weights, len(vocab), hyper)
    keep = np.abs(w).max(axis=1) >= 0.01
    scale = 1000
    return {"classes": CLASSES, "scale": scale, "threshold": hyper["threshold"],
            "threshold_free": hyper["threshold_free"],
            "bias": [int(round(v * scale)) for v in b],
            "weights": {vocab[k]: [int(round(v * scale)) for v in w[k]] for k in np.flatnonzero(keep)}}


def _adam(rows: list[list[int]], y: np.ndarray, weights: np.ndarray, n_feat: int, hyper: dict
          ) -> tuple[np.ndarray, np.ndarray]:
    n, c = len(rows), len(CLASSES)
    idx = np.array([i for r in rows for i in r], dtype=np.int64)
    row_of = np.repeat(np.arange(n), [len(r) for r in rows])
    w, b = np.zeros((n_feat, c)), np.zeros(c)
    state = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    norm = weights / weights.sum()
    for step in range(1, hyper["epochs"] + 1):
        z = np.zeros((n, c))
        np.add.at(z, row_of, w[idx])
        z += b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        p[np.arange(n), y] -= 1.0
        g = p * norm[:, None]
        gw = np.zeros_like(w)
        np.add.at(gw, idx, g[row_of])
        gw += hyper["l2"] * w
        gb = g.sum(axis=0)
        for k, (param, grad) in enumerate(((w, gw), (b, gb))):
            m, v = state[2 * k], state[2 * k + 1]
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= hyper["lr"] * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w, b


def predict(model: dict, feats: list[str]) -> tuple[str, float]:
    """Best non-NONE type and its probability (the coder's rule, without its polarity and actor steps)."""
    scale = model["scale"]
    z = np.array(model["bias"], dtype=float) / scale
    for x in feats:
        if x in model["weights"]:
            z += np.array(model["weights"][x]) / scale
    p = np.exp(z - z.max())
    p /= p.sum()
    k = 1 + int(np.argmax(p[1:]))
    return CLASSES[k], float(p[k])


# --- figures -------------------------------------------------------------------------------------

def folds(groups: list[str], k: int) -> list[set[str]]:
    """``k`` folds of sentence groups, shuffled with a fixed seed (rows of one sentence stay together)."""
    order = sorted(set(groups))
    np.random.default_rng(SEED).shuffle(order)
    return [set(order[i::k]) for i in range(k)]


def quick_cv(sents: list[Sentence], k: int, hyper: dict) -> None:
    """Candidate-level k-fold: the gold candidate's predicted type against the gold (no pipeline)."""
    plv = [s for s in sents if s.group.startswith("s")]
    gold, pred = [], []
    for held in folds([s.group for s in plv], k):
        model = fit([s for s in sents if s.group not in held], hyper)
        for s in plv:
            if s.group in held:
                for f, lab in zip(s.feats, s.labels, strict=True):
                    if lab != "NONE":
                        gold.append(lab)
                        t, p = predict(model, f)
                        pred.append(t if p >= hyper["threshold"] else "NONE")
    print(f"candidate-level {k}-fold on PLV (gold candidate found): {report(gold, pred)}")


def report(gold: list[str], pred: list[str]) -> str:
    labels = sorted(set(gold))
    f1 = {}
    for lab in labels:
        tp = sum(g == p == lab for g, p in zip(gold, pred, strict=True))
        np_, ng = pred.count(lab), gold.count(lab)
        pr, rc = (tp / np_ if np_ else 0), (tp / ng if ng else 0)
        f1[lab] = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))
    low = min(f1, key=f1.get)  # type: ignore[arg-type]
    return f"n {len(gold)}; accuracy {acc:.3f}; macro-F1 {sum(f1.values()) / len(f1):.3f}; lowest {low} {f1[low]:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plv", type=Path, default=EVAL / "PLV_train.tsv")
    ap.add_argument("--gsr", type=Path, default=EVAL / "PLOVER_GSR_CAMEO.json")
    ap.add_argument("--no-gsr", action="store_true")
    ap.add_argument("--out", type=Path, default=ROOT / "accord" / "knowledge" / "coder_model.json")
    ap.add_argument("--folds", type=int, default=5)
    ns = ap.parse_args()
    rows = plv_rows(ns.plv)
    if not ns.no_gsr and ns.gsr.is_file():
        rows += gsr_rows(ns.gsr, HYPER["gsr_weight"])
    sents = featurize(rows, HYPER["none_weight"])
    plv = [s for s in sents if s.group.startswith("s")]
    print(f"{len(rows)} rows, {len(sents)} sentences; PLV rows with a covering candidate: "
          f"{sum(s.found for s in plv)} of {sum(1 for r in rows if r.group.startswith('s'))}")
    if ns.folds > 1:
        quick_cv(sents, ns.folds, HYPER)
    model = fit(sents, HYPER)
    fitted = [(lab, predict(model, f)[0]) for s in plv for f, lab in zip(s.feats, s.labels, strict=True)
              if lab != "NONE"]
    print(f"training fit: {report([g for g, _ in fitted], [p for _, p in fitted])}")
    ns.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {ns.out} ({ns.out.stat().st_size // 1024} KB, {len(model['weights'])} features)")


if __name__ == "__main__":
    main()
