#!/usr/bin/env python3
"""Rewrite the expected records of the golden articles (tests/golden/*.txt -> *.json).

Run it only after a change meant to alter the output, then read `git diff tests/golden` line by line
before committing: every changed field must be a change you intended.
"""

from __future__ import annotations

import json
from pathlib import Path

from accord.pipeline import process
from accord.sources import read_inputs

HERE = Path(__file__).resolve().parent


def expected(path: Path) -> dict:
    [record] = list(process(read_inputs([str(path)])))
    data = record.to_json()
    data["id"] = path.name  # the hash of the text would hide what the file is
    return data


def main() -> None:
    for path in sorted(HERE.glob("*.txt")):
        out = path.with_suffix(".json")
        out.write_text(json.dumps(expected(path), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {out.name}")


if __name__ == "__main__":
    main()
