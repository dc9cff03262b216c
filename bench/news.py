#!/usr/bin/env python3
"""Accuracy on real news: run `accord extract` over ../shared/eval/seed and ../shared/eval/news-dev and
score with ../shared/eval/scorers/score_news.py.

usage: python bench/news.py [--eval ../shared/eval] [--out bench/out] [--verbose]
Prints the scorer's report for news-dev and for the seed article; writes the inputs and outputs under
--out so that anyone can look at what was scored.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPLITS = {"news-dev": ("news-dev", "news-dev/articles"), "seed": ("seed", "seed")}


def build_input(split: Path, articles: Path, dest: Path) -> None:
    """One JSONL line per gold article: {"id", "text", "published"}, ids as in the gold."""
    with dest.open("w", encoding="utf-8") as out:
        for line in (split / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                gold = json.loads(line)
                text = (articles / f"{gold['id']}.txt").read_text(encoding="utf-8")
                out.write(json.dumps({"id": gold["id"], "text": text, "published": gold.get("published")}) + "\n")


def extract(inp: Path, outp: Path) -> None:
    """`accord extract` over a JSONL file, as a user runs it."""
    with inp.open("rb") as fin, outp.open("wb") as fout:
        subprocess.run([sys.executable, "-m", "accord.cli", "extract", "--format", "jsonl", "--input-format",
                        "jsonl", "-"], stdin=fin, stdout=fout, check=False)


def figures(report: str) -> dict[str, float]:
    """The headline figures of a score_news.py report, by name."""
    found = {}
    for name, pattern in {
        "agreement_f1": r"agreements P [\d.]+ R [\d.]+ F1 ([\d.]+)", "meetings_recall": r"meetings/visits R ([\d.]+)",
        "parties_exact": r"parties exact ([\d.]+)", "signatory_f1": r"signatories F1 ([\d.]+)",
        "date_acc": r"; date ([\d.]+)", "instrument": r"instrument ([\d.]+)", "areas_recall": r"areas R ([\d.]+)",
        "quote_speaker_acc": r"speaker right ([\d.]+)",
    }.items():
        m = re.search(pattern, report)
        if m:
            found[name] = float(m.group(1))
    return found


def run(eval_dir: Path, out_dir: Path, verbose: bool = False, quiet: bool = False) -> dict[str, dict[str, float]]:
    out_dir.mkdir(parents=True, exist_ok=True)
    scorer = eval_dir / "scorers" / "score_news.py"
    results = {}
    for name, (split, articles) in SPLITS.items():
        inp, outp = out_dir / f"{name}.in.jsonl", out_dir / f"{name}.out.jsonl"
        build_input(eval_dir / split, eval_dir / articles, inp)
        extract(inp, outp)
        args = [sys.executable, str(scorer), str(eval_dir / split / "gold.jsonl"), str(outp)]
        report = subprocess.run(args + (["--verbose"] if verbose else []), capture_output=True, text=True,
                                check=True).stdout
        results[name] = figures(report)
        if not quiet:
            print(f"== {name}\n{report}")
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--verbose", action="store_true")
    ns = ap.parse_args()
    if not (ns.eval / "news-dev").is_dir():
        sys.exit(f"no evaluation data at {ns.eval}")
    run(ns.eval, ns.out, ns.verbose)


if __name__ == "__main__":
    main()
