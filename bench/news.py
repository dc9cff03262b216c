#!/usr/bin/env python3
"""Accuracy on real news: run `accord extract` over ../shared/eval/seed and ../shared/eval/news-dev and
score with ../shared/eval/scorers/score_news.py.

usage: python bench/news.py [--eval ../shared/eval] [--out bench/out] [--verbose]
Prints the scorer's figures for news-dev and for the seed article; writes the inputs and outputs
under --out so that anyone can look at what was scored.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_input(split: Path, articles: Path, dest: Path) -> None:
    """One JSONL line per gold article: {"id", "text", "published"}, ids as in the gold."""
    with dest.open("w", encoding="utf-8") as out:
        for line in (split / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            gold = json.loads(line)
            text = (articles / f"{gold['id']}.txt").read_text(encoding="utf-8")
            out.write(json.dumps({"id": gold["id"], "text": text, "published": gold.get("published")}) + "\n")


def run(eval_dir: Path, out_dir: Path, verbose: bool) -> dict[str, str]:
    out_dir.mkdir(parents=True, exist_ok=True)
    scorer = eval_dir / "scorers" / "score_news.py"
    results = {}
    for name, split, articles in (("news-dev", eval_dir / "news-dev", eval_dir / "news-dev" / "articles"),
                                  ("seed", eval_dir / "seed", eval_dir / "seed")):
        inp, outp = out_dir / f"{name}.in.jsonl", out_dir / f"{name}.out.jsonl"
        build_input(split, articles, inp)
        with inp.open("rb") as fin, outp.open("wb") as fout:
            subprocess.run([sys.executable, "-m", "accord.cli", "extract", "--format", "jsonl", "--input-format",
                            "jsonl", "-"], stdin=fin, stdout=fout, check=False)
        args = [sys.executable, str(scorer), str(split / "gold.jsonl"), str(outp)] + (["--verbose"] if verbose else [])
        score = subprocess.run(args, capture_output=True, text=True, check=True).stdout
        results[name] = score
        print(f"== {name}\n{score}")
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--verbose", action="store_true")
    ns = ap.parse_args()
    if not (ns.eval / "news-dev").is_dir():
        sys.exit(f"no evaluation data at {ns.eval}")
    run(ns.eval, ns.out, ns.verbose)


if __name__ == "__main__":
    main()
