"""Shared fixtures. Every test runs the real spaCy model (loaded once per session)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from accord import extract
from accord.records import Record

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def run():
    """``run(text, published=None) -> Record``: the whole pipeline on one article."""

    def _run(text: str, published: str | None = None) -> Record:
        return extract(text, published=published)

    return _run


@pytest.fixture(scope="session")
def cli():
    """``cli(*args, stdin=b"") -> (exit status, stdout, stderr)``: the installed command, as a user runs it."""

    def _cli(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> tuple[int, str, str]:
        proc = subprocess.run([sys.executable, "-m", "accord.cli", *args], input=stdin, capture_output=True,
                              cwd=cwd or ROOT, timeout=300)
        return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")

    return _cli


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def actor_named(rec: Record, name: str):
    """The actor whose name is ``name`` (exactly), or None."""
    return next((a for a in rec.actors if a.name == name), None)


def events_of(rec: Record, etype: str) -> list:
    return [e for e in rec.events if e.type == etype]
