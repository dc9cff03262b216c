"""The command line as a user runs it: formats, exit codes, error records, the batch going on."""

from __future__ import annotations

import json

from conftest import records

GOOD = "Chile and Peru signed a fisheries agreement in Lima on Monday.\n"


def test_cli_extract_jsonl_follows_the_contract(cli, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(GOOD, encoding="utf-8")
    code, out, err = cli("extract", "--published", "2024-05-08", str(p))
    assert code == 0, err
    [rec] = records(out)
    assert list(rec) == ["schema", "id", "article", "actors", "events", "quotes", "error", "warnings"]
    assert rec["schema"] == "accord/1" and rec["error"] is None
    assert rec["article"]["published"] == "2024-05-08" and rec["article"]["language"] == "en"
    [event] = rec["events"]
    assert event["agreement"]["status"] == "signed" and set(event["actors"]) == {"CHL", "PER"}
    assert event["date"] == "2024-05-06" and event["location"] == "Lima"


def test_cli_bad_inputs_each_get_an_error_record_and_the_batch_goes_on(cli, tmp_path):
    (tmp_path / "1-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "2-empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "3-binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "4-latin1.txt").write_bytes("Bogot\xe1 and Quito signed a pact.".encode("latin-1"))
    (tmp_path / "5-french.txt").write_text("Le Chili et le Pérou ont signé un accord de pêche à Lima lundi, "
                                           "a annoncé le ministère des affaires étrangères.", encoding="utf-8")
    (tmp_path / "6-batch.jsonl").write_text('{"id": "ok", "text": "Ghana and Togo signed a border treaty."}\n'
                                            'this is not json\n{"id": "no-text"}\n', encoding="utf-8")
    (tmp_path / "7-huge.txt").write_text("Talks went on. " * 1_400_000, encoding="utf-8")
    code, out, err = cli("extract", str(tmp_path))
    assert code == 1
    assert "Traceback" not in err
    recs = records(out)
    by_error = [(r["id"] if not str(r["id"]).startswith("/") else r["id"].rsplit("/", 1)[-1],
                 (r["error"] or {}).get("code")) for r in recs]
    assert by_error[1] == ("2-empty.txt", "empty_input")
    assert by_error[2] == ("3-binary.txt", "binary_input")
    assert by_error[5][1] is None and by_error[6] == ("6-batch.jsonl:2", "bad_jsonl")
    assert by_error[7] == ("no-text", "bad_jsonl") and by_error[8] == ("7-huge.txt", "too_large")
    assert recs[0]["events"] and recs[5]["events"]  # the good articles before and after the bad ones
    latin = recs[3]
    assert latin["error"] is None and latin["warnings"][0]["code"] == "invalid_utf8"
    french = recs[4]
    assert french["article"]["language"] == "fr" and french["events"] == [] and french["actors"] == []
    for r in recs:
        if r["error"]:
            assert r["error"]["message"] and r["events"] == [] and r["actors"] == []


def test_cli_stdin_jsonl_keeps_ids_and_order(cli):
    lines = [json.dumps({"id": f"a{i}", "text": GOOD}) for i in range(5)]
    code, out, _ = cli("extract", "--input-format", "jsonl", "-", stdin=("\n".join(lines) + "\n").encode())
    assert code == 0 and [r["id"] for r in records(out)] == [f"a{i}" for i in range(5)]


def test_cli_table_format_and_emit_text(cli):
    code, out, _ = cli("extract", "--format", "table", "--published", "2024-05-08", stdin=GOOD.encode())
    assert code == 0 and "SUPPORT" in out and "signed agreement" in out and "CHL, PER" in out
    code, out, _ = cli("extract", "--emit-text", stdin=GOOD.encode())
    assert records(out)[0]["text"] == GOOD


def test_cli_bad_usage_exits_2(cli):
    code, _, err = cli("extract", "--published", "yesterday", stdin=GOOD.encode())
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = cli("frobnicate")
    assert code == 2
    code, _, err = cli("events", "--db", "/nonexistent/x.db")
    assert code == 2 and "no such database" in err


def test_cli_db_stores_and_lists_events(cli, tmp_path):
    db = tmp_path / "t.db"
    code, _, err = cli("extract", "--db", str(db), "--published", "2024-05-08", stdin=GOOD.encode())
    assert code == 0, err
    code, out, _ = cli("events", "--db", str(db), "--format", "jsonl")
    [row] = records(out)
    assert row["type"] == "SUPPORT" and row["status"] == "signed" and set(row["actors"]) == {"CHL", "PER"}
    code, out, _ = cli("events", "--db", str(db), "--actor", "PER")
    assert "SUPPORT" in out
    code, out, _ = cli("events", "--db", str(db), "--type", "ASSAULT")
    assert out.strip() == "(no events)"
