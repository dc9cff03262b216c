"""The accuracy gate: figures on ../shared/eval must not fall below the floors in eval_baseline.json,
and the floors themselves only ever go up (compared with the previous committed baseline).

Skipped, with a line saying so, where ../shared/eval is absent.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from bench import news

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "eval_baseline.json"
EVAL = HERE.parent.parent / "shared" / "eval"

needs_eval = pytest.mark.skipif(not (EVAL / "news-dev").is_dir(),
                                reason=f"accuracy gate skipped: no evaluation data at {EVAL}")


def _floors() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@needs_eval
def test_eval_gate_news_and_seed(tmp_path):
    measured = news.run(EVAL, tmp_path, quiet=True)
    floors = _floors()
    failures = [f"{split}.{name}: {measured[split].get(name)} < floor {floor}"
                for split in ("news-dev", "seed") for name, floor in floors[split].items()
                if measured[split].get(name, 0.0) < floor]
    assert not failures, "; ".join(failures)


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
