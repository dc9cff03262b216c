"""The SQLite store: one writer, idempotent writes, queries."""

from __future__ import annotations

import sqlite3

import pytest

from accord.errors import StoreError
from accord.store import SqliteStore


def test_store_same_article_twice_is_stored_once(run, tmp_path):
    rec = run("Ghana and Togo signed a border treaty on Friday.", "2024-05-04")
    with SqliteStore(tmp_path / "s.db") as store:
        store.write([rec])
        store.write([rec])
        assert store.count("articles") == 1
        assert store.count("events") == len(rec.events) == 1
        [row] = list(store.events())
        assert row["article_id"] == rec.id and row["instrument"] == "treaty"


def test_store_query_filters(run, tmp_path):
    a = run("Ghana and Togo signed a border treaty.", "2024-05-04")
    b = run("Greek and Turkish ministers held talks in Athens.", "2024-05-05")
    with SqliteStore(tmp_path / "s.db") as store:
        store.write([a, b])
        assert {r["type"] for r in store.events()} == {"SUPPORT", "CONSULT"}
        assert [r["type"] for r in store.events(type_="consult")] == ["CONSULT"]
        assert [r["type"] for r in store.events(actor="GHA")] == ["SUPPORT"]
        assert len(list(store.records())) == 2


def test_store_refuses_another_schema(tmp_path):
    path = tmp_path / "old.db"
    with SqliteStore(path):
        pass
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="schema version 99"):
        SqliteStore(path)
