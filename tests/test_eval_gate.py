"""The accuracy gate: figures on ../shared/eval must not fall below the floors in eval_baseline.json,
and the floors themselves only ever go up (compared with the baseline as last committed).

Skipped, with a line saying so, where ../shared/eval is absent (ACCORD_EVAL may point elsewhere).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from bench import news, plover, quotes

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "eval_baseline.json"
EVAL = Path(os.environ.get("ACCORD_EVAL") or HERE.parent.parent / "shared" / "eval")

needs_eval = pytest.mark.skipif(not (EVAL / "news-dev").is_dir(),
                                reason=f"accuracy gate skipped: no evaluation data at {EVAL}")


def _floors() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def _check(split: str, measured: dict[str, float]) -> None:
    failures = [f"{split}.{name}: {measured.get(name)} < floor {floor}"
                for name, floor in _floors()[split].items() if measured.get(name, 0.0) < floor]
    assert not failures, "; ".join(failures)


@needs_eval
def test_eval_gate_news_and_seed(tmp_path):
    measured = news.run(EVAL, tmp_path, quiet=True)
    _check("news-dev", measured["news-dev"])
    _check("seed", measured["seed"])


@needs_eval
def test_eval_gate_quotes_polnear_dev(tmp_path):
    result = quotes.polnear(EVAL, tmp_path, ["dev"], peer=False)["dev/accord"]
    m = result["metrics"]
    assert result["lost"] == 0, f"{result['lost']} PolNeAR dev articles lost"
    _check("polnear-dev", {"direct_quote_speaker_f1": m["direct_content+speaker"][2],
                           "direct_content_f1": m["direct_content"][2],
                           "all_content_speaker_f1": m["all_content+speaker"][2]})


@needs_eval
def test_eval_gate_plover_cross_validation(tmp_path):
    report = plover.cross_validate(EVAL, 5, tmp_path)
    per_type = [float(f) for f in re.findall(r"F1 ([\d.]+)\n", report)]
    macro = float(re.search(r"macro-F1 ([\d.]+)", report).group(1))  # type: ignore[union-attr]
    _check("plv-train-cv", {"macro_f1": macro, "lowest_type_f1": min(per_type)})


def test_eval_gate_floors_only_go_up():
    """Compare with the baseline as last committed: a floor may rise, never fall."""
    try:
        old = subprocess.run(["git", "show", "HEAD:tests/eval_baseline.json"], capture_output=True, text=True,
                             cwd=HERE, check=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip("no committed baseline to compare with (not a git checkout)")
    before, now = json.loads(old), _floors()
    lowered = [f"{split}.{name}: {before[split][name]} -> {now.get(split, {}).get(name)}"
               for split in before if not split.startswith("_") for name in before[split]
               if now.get(split, {}).get(name, -1) < before[split][name]]
    assert not lowered, "floors lowered: " + "; ".join(lowered)
