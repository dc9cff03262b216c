"""Every record keeps CONTRACT.md: its keys, value domains, offsets and evidence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accord import knowledge
from accord.pipeline import process
from accord.sources import read_inputs

ROOT = Path(__file__).resolve().parent.parent
TYPES = set(knowledge.load("plover")["types"])
QUADS = {"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}
STATUSES = {"signed", "agreed", "planned", "proposed", "ratified", "suspended", "terminated", "rejected"}
PRECISION = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
ARTICLES = sorted(ROOT.glob("examples/*")) + sorted((ROOT / "tests" / "golden").glob("*.txt"))


def check_record(rec: dict, text: str | None) -> None:
    assert list(rec)[:7] == ["schema", "id", "article", "actors", "events", "quotes", "error"]
    assert rec["schema"] == "accord/1"
    assert set(rec["article"]) >= {"title", "url", "source", "published", "language"}
    ids = set()
    for a in rec["actors"]:
        assert a["kind"] in ("country", "person", "organization", "group")
        if a["kind"] == "country":
            assert re.fullmatch(r"[A-Z]{3}", a["id"]) and a["country"] == a["id"]
        else:
            assert re.fullmatch(r"(person|org|group):[a-z0-9-]+", a["id"]), a["id"]
        assert a["sector"] is None or re.fullmatch(r"[A-Z]{3}", a["sector"])
        assert a["country"] is None or re.fullmatch(r"[A-Z]{3}", a["country"])
        assert a["mentions"], a["id"]
        for start, end in a["mentions"]:
            assert 0 <= start < end <= len(text)
        assert a["id"] not in ids
        ids.add(a["id"])
    for n, e in enumerate(rec["events"], 1):
        assert e["id"] == f"e{n}" and e["type"] in TYPES and e["quad"] in QUADS
        mode = e["mode"]
        assert mode is None or mode in knowledge.load("plover")["types"][e["type"]]["modes"], (e["type"], mode)
        assert e["modality"] in (None, "historical", "future", "hypothetical", "negation")
        assert set(e["actors"]) | set(e["recipients"]) <= ids
        assert not set(e["actors"]) & set(e["recipients"])
        assert e["cameo"] is None or re.fullmatch(r"\d{3,4}", e["cameo"])
        if e["date"] is not None:
            assert re.fullmatch(PRECISION[e["date_precision"]], e["date"])
        assert 0 <= e["confidence"] <= 1 and e["evidence"]
        for ev in e["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]
        ag = e["agreement"]
        if ag is not None:
            assert ag["status"] in STATUSES and ag["instrument"] == ag["instrument"].lower()
            assert set(ag["signatories"]) | set(ag["witnesses"]) <= ids
    for n, q in enumerate(rec["quotes"], 1):
        assert q["id"] == f"q{n}" and q["kind"] in ("direct", "indirect", "mixed")
        assert text[q["start"]:q["end"]] == q["text"]
        assert q["speaker"] is None or q["speaker"] in ids
        if q["speaker_span"] is not None:
            s, e = q["speaker_span"]
            assert 0 <= s < e <= len(text)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_contract_records_of_written_articles(path):
    recs = list(process(read_inputs([str(path)]), emit_text=True))
    assert recs
    for rec in recs:
        data = rec.to_json()
        assert data["error"] is None, data["error"]
        check_record(data, data["text"])
