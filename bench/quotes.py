#!/usr/bin/env python3
"""Quote accuracy, ours beside textacy's: PolNeAR (score_quotes.py), news-dev and the seed (score_news.py).

usage: python bench/quotes.py [--eval ../shared/eval] [--out bench/out] [--splits dev,train] [--no-textacy]
                              [--no-news] [--verbose]

For each PolNeAR split it runs accord over every article and textacy 0.13's
``textacy.extract.triples.direct_quotations`` over the same texts (parsed by the same spaCy model, as
textacy's users would), writes both as accord/1 records and scores both with score_quotes.py, so the
ratio against that peer comes from one run. An article on which textacy raises (it refuses any text
with an odd number of quotation marks) is lost for textacy: it gets an error record with no quotes.
The quotes of news-dev and the seed are scored by ``bench/news.py`` (which builds those inputs).

textacy is a bench-only dependency, never imported by accord:
    .venv/bin/pip install textacy==0.13.0
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import news  # noqa: E402 - bench/news.py, beside this script

from accord import process  # noqa: E402
from accord.records import ArticleInput  # noqa: E402
from accord.settings import DEFAULT  # noqa: E402

TEXTACY_HINT = "textacy is not installed; to measure the peer run: .venv/bin/pip install textacy==0.13.0"
_QUOTE_CHARS = "\"'“”‘’«»„`"
_BRAT_LINE = re.compile(r"^[TERANM#]\d*\t")
_FIGURES = (("direct quote+speaker F1", "direct_content+speaker"), ("direct content F1", "direct_content"),
            ("all-attribution content+speaker F1", "all_content+speaker"))


def articles(split: Path) -> list[tuple[str, str]]:
    """(id, text) of every article of a PolNeAR split; the id is the file name without .txt."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((split / "text").glob("*.txt"))]


def clean_split(split: Path, dest: Path) -> Path:
    """A copy of the split whose .ann files hold only brat annotation lines: one train file carries a
    stray line of text that makes score_quotes.py stop with a ValueError."""
    (dest / "attributions").mkdir(parents=True, exist_ok=True)
    (dest / "text").symlink_to((split / "text").resolve())
    for ann in (split / "attributions").glob("*.ann"):
        lines = [ln for ln in ann.read_text(encoding="utf-8").splitlines() if _BRAT_LINE.match(ln)]
        (dest / "attributions" / ann.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dest


def ours(items: list[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    inputs = [ArticleInput(text=text, origin=aid, id=aid) for aid, text in items]
    for record in process(inputs):
        yield record.to_json()


def textacy_records(items: list[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    """textacy's direct quotations as accord/1 records: content without its marks, the speaker
    tokens' extent as ``speaker_span``."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(DEFAULT.model)
    nlp.max_length = DEFAULT.max_chars + 1
    for (aid, _), doc in zip(items, nlp.pipe(text for _, text in items), strict=True):
        try:
            triples = list(direct_quotations(doc))
        except Exception as exc:  # noqa: BLE001 - any failure loses the article, as it would for a user
            yield {"id": aid, "quotes": [], "error": {"code": "textacy", "message": str(exc)[:200]}}
            continue
        yield {"id": aid, "quotes": [_textacy_quote(t) for t in triples], "error": None}


def _textacy_quote(triple: Any) -> dict[str, Any]:
    content = triple.content
    start, end = content.start_char, content.end_char
    text = content.text
    lead = len(text) - len(text.lstrip(_QUOTE_CHARS + " "))
    trail = len(text) - len(text.rstrip(_QUOTE_CHARS + " "))
    speaker = triple.speaker
    span = [min(t.idx for t in speaker), max(t.idx + len(t) for t in speaker)] if speaker else None
    return {"kind": "direct", "start": start + lead, "end": end - trail, "speaker_span": span}


def score(split: Path, records: list[dict[str, Any]], out: Path, scorer: Path) -> dict[str, Any]:
    with out.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    done = subprocess.run([sys.executable, str(scorer), str(split), str(out), "--json"], capture_output=True,
                          text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["lost"] = sum(1 for r in records if r.get("error"))
    return result


def polnear(eval_dir: Path, out_dir: Path, splits: list[str], peer: bool) -> dict[str, dict[str, Any]]:
    scorer = eval_dir / "scorers" / "score_quotes.py"
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in splits:
            split = clean_split(eval_dir / "polnear" / name, Path(tmp) / name)
            items = articles(split)
            runs = [("accord", ours)] + ([("textacy", textacy_records)] if peer else [])
            for system, run in runs:
                t0 = time.perf_counter()
                records = list(run(items))
                seconds = time.perf_counter() - t0
                res = score(split, records, out_dir / f"quotes-{name}.{system}.jsonl", scorer)
                res["seconds"], res["articles"] = seconds, len(items)
                results[f"{name}/{system}"] = res
    return results


def report(results: dict[str, dict[str, Any]]) -> None:
    for key, res in results.items():
        m = res["metrics"]
        figures = "; ".join(f"{label} {m[k][2]:.3f}" for label, k in _FIGURES)
        print(f"polnear {key:14s} {figures}; articles lost {res['lost']}/{res['articles']} ({res['seconds']:.0f}s)")
    for key in [k for k in results if k.endswith("/accord")]:
        peer = results.get(key.replace("/accord", "/textacy"))
        if peer is None:
            continue
        ratios = [results[key]["metrics"][k][2] / peer["metrics"][k][2] if peer["metrics"][k][2] else float("inf")
                  for _, k in _FIGURES]
        print(f"polnear {key.split('/')[0]:7s} accord/textacy: " + "; ".join(
            f"{label} x{r:.2f}" for (label, _), r in zip(_FIGURES, ratios, strict=True)))


def quote_speaker_accuracy(eval_dir: Path, out_dir: Path, verbose: bool) -> None:
    """news-dev and the seed, through bench/news.py (the CLI over the articles, then score_news.py)."""
    for name, figures in news.run(eval_dir, out_dir, verbose, quiet=not verbose).items():
        print(f"{name:8s} quote speaker accuracy {figures.get('quote_speaker_acc', float('nan')):.3f}")


def textacy_available() -> bool:
    try:
        import textacy  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--splits", default="dev,train", help="PolNeAR splits, comma-separated")
    ap.add_argument("--no-textacy", action="store_true", help="skip the peer")
    ap.add_argument("--no-news", action="store_true", help="skip news-dev and the seed")
    ap.add_argument("--verbose", action="store_true", help="list news-dev quote misses")
    ns = ap.parse_args()
    if not (ns.eval / "polnear").is_dir():
        sys.exit(f"no evaluation data at {ns.eval}")
    ns.out.mkdir(parents=True, exist_ok=True)
    peer = not ns.no_textacy and textacy_available()
    if not ns.no_textacy and not peer:
        print(TEXTACY_HINT, file=sys.stderr)
    t0 = time.perf_counter()
    if not ns.no_news:
        quote_speaker_accuracy(ns.eval, ns.out, ns.verbose)
    results = polnear(ns.eval, ns.out, [s for s in ns.splits.split(",") if s], peer)
    report(results)
    print(f"bench/quotes.py took {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
