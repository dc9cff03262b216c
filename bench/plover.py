#!/usr/bin/env python3
"""PLOVER event coding on PLV_train, end to end, by k-fold cross-validation; and what the coder costs.

usage: python bench/plover.py [--folds 5] [--eval ../shared/eval] [--out bench/out] [--no-speed]

The coder's model is trained on PLV_train, so its figures on PLV_train must come from sentences it did
not see: the sentences are split into ``--folds`` folds (by sentence, with a fixed seed); for each fold
the model is trained on the other folds plus the GSR examples (``scripts/train_coder.py``: same
features, same settings) and the fold is coded by the real pipeline (``accord.pipeline.process``,
actors and all; only plain sentences go in, never the marks) with those weights. The records of all
folds are scored together by ``score_plv.py`` (its per-type F1, accuracy, macro- and weighted-F1).

Speed: the pipeline's throughput over the same sentences and over the news-dev articles, with the
coder (bundled weights) and without it (``code_events`` replaced by a no-op), in one process, runs
alternating four times each and the fastest of each kept; the cost is 1 - throughput_with / throughput_without.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_coder  # noqa: E402

from accord import pipeline  # noqa: E402
from accord.extract import coder  # noqa: E402
from accord.records import ArticleInput  # noqa: E402


def inputs(scorer: Path, tsv: Path) -> list[dict]:
    """The scorer's own input: one {"id", "text"} article per distinct sentence."""
    out = subprocess.run([sys.executable, str(scorer), "input", str(tsv)], capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def code(articles: list[dict]) -> list[dict]:
    items = [ArticleInput(text=a["text"], origin=str(a["id"]), id=a["id"]) for a in articles]
    return [r.to_json() for r in pipeline.process(items)]


def cross_validate(eval_dir: Path, k: int, out_dir: Path) -> str:
    tsv = eval_dir / "plover" / "PLV_train.tsv"
    scorer = eval_dir / "scorers" / "score_plv.py"
    hyper = train_coder.HYPER
    rows = train_coder.plv_rows(tsv) + train_coder.gsr_rows(eval_dir / "plover" / "PLOVER_GSR_CAMEO.json",
                                                            hyper["gsr_weight"])
    sents = train_coder.featurize(rows, hyper["none_weight"])
    articles = inputs(scorer, tsv)
    records: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, held in enumerate(train_coder.folds([a["id"] for a in articles], k)):
            weights = Path(tmp) / f"fold{n}.json"
            weights.write_text(json.dumps(train_coder.fit([s for s in sents if s.group not in held], hyper)))
            coder.use_model(weights)
            for rec in code([a for a in articles if a["id"] in held]):
                records[str(rec["id"])] = rec
    coder.use_model(None)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = out_dir / "plv.out.jsonl"
    with result.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(records[str(a["id"])]) + "\n")
    return subprocess.run([sys.executable, str(scorer), "score", str(tsv), str(result)], capture_output=True,
                          text=True, check=True).stdout


def speed(articles: list[dict], label: str, rounds: int = 4) -> str:
    """Seconds with and without the coder over ``articles``: runs alternate (so that a busy machine
    slows both alike) and the fastest of each is kept."""
    real = pipeline.code_events
    code(articles[:5])  # load the spaCy model, the gazetteer and the weights before timing

    def without() -> object:
        pipeline.code_events = lambda *a, **kw: []  # type: ignore[assignment]
        try:
            return code(articles)
        finally:
            pipeline.code_events = real

    off = on = float("inf")
    for _ in range(rounds):
        for run, is_on in ((without, False), (lambda: code(articles), True)):
            start = time.perf_counter()
            run()
            took = time.perf_counter() - start
            on, off = (min(on, took), off) if is_on else (on, min(off, took))
    return (f"{label}: {len(articles)} articles; without the coder {off:.2f} s, with it {on:.2f} s; "
            f"throughput ratio {off / on:.3f} (coder cost {1 - off / on:.1%})")


def news_articles(eval_dir: Path) -> list[dict]:
    gold = (eval_dir / "news-dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line)["id"] for line in gold if line.strip()]
    return [{"id": i, "text": (eval_dir / "news-dev" / "articles" / f"{i}.txt").read_text(encoding="utf-8")}
            for i in ids]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-speed", action="store_true")
    ns = ap.parse_args()
    if not (ns.eval / "plover" / "PLV_train.tsv").is_file():
        sys.exit(f"no PLV data at {ns.eval}")
    print(f"== PLV_train, end to end, {ns.folds}-fold cross-validation")
    print(cross_validate(ns.eval, ns.folds, ns.out))
    if not ns.no_speed:
        print("== speed")
        plv = inputs(ns.eval / "scorers" / "score_plv.py", ns.eval / "plover" / "PLV_train.tsv")
        print(speed(plv, "PLV sentences"))
        print(speed(news_articles(ns.eval), "news-dev articles"))


if __name__ == "__main__":
    main()
