"""Whole records for articles written for the tests, compared field by field with the reviewed
expectations in tests/golden/*.json (regenerate with tests/golden/regen.py, then read the diff)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from golden.regen import expected

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.txt"))


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_record(path):
    want = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    got = expected(path)
    for key in ("article", "actors", "events", "quotes", "error"):
        assert got[key] == want[key], f"{path.name}: {key} differs"


def test_golden_files_exist():
    assert len(GOLDEN) >= 3 and all(p.with_suffix(".json").exists() for p in GOLDEN)
