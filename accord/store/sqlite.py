"""The SQLite store: one writer, idempotent writes, queries for the CLI.

Every record is kept whole (its JSON) beside flat tables of its actors, events and quotes, so that
queries are plain SQL and exports can stream either form. Writing an article again replaces its rows
in one transaction: the same article twice is stored once, and a failure leaves the old rows intact.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from accord.errors import StoreError
from accord.records import Record

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT, url TEXT, source TEXT, published TEXT, language TEXT,
    error_code TEXT, record TEXT NOT NULL, stored_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, actor_id TEXT NOT NULL,
    kind TEXT NOT NULL, name TEXT NOT NULL, country TEXT, sector TEXT, title TEXT, mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);
CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, event_id TEXT NOT NULL,
    type TEXT NOT NULL, mode TEXT, modality TEXT, cameo TEXT, quad TEXT, date TEXT, date_precision TEXT,
    location TEXT, instrument TEXT, status TEXT, actors TEXT NOT NULL, recipients TEXT NOT NULL,
    confidence REAL, evidence TEXT, PRIMARY KEY (article_id, event_id)
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, quote_id TEXT NOT NULL,
    kind TEXT NOT NULL, speaker TEXT, speaker_text TEXT, text TEXT NOT NULL, start INTEGER, "end" INTEGER,
    PRIMARY KEY (article_id, quote_id)
);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS actors_actor ON actors(actor_id);
"""


class SqliteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.executescript(_SCHEMA)
            found = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if found is None:
                self.conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                self.conn.commit()
            elif int(found[0]) != SCHEMA_VERSION:
                raise StoreError(f"database schema version {found[0]}, this accord expects {SCHEMA_VERSION}", self.path)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database ({exc})", self.path) from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, records: Iterable[Record]) -> int:
        """Store records (replacing earlier versions of the same articles); returns how many."""
        n = 0
        try:
            with self.conn:
                for rec in records:
                    self._write_one(rec)
                    n += 1
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write ({exc}); nothing from this batch was stored", self.path) from exc
        return n

    def _write_one(self, rec: Record) -> None:
        data = rec.to_json()
        data.pop("text", None)
        aid = str(rec.id)
        c = self.conn
        c.execute("DELETE FROM articles WHERE id = ?", (aid,))
        art = rec.article
        c.execute("INSERT INTO articles (id, title, url, source, published, language, error_code, record) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  (aid, art.title, art.url, art.source, art.published, art.language,
                   (rec.error or {}).get("code"), json.dumps(data, ensure_ascii=False)))
        c.executemany("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      [(aid, a.id, a.kind, a.name, a.country, a.sector, a.title, len(a.mentions)) for a in rec.actors])
        c.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            (aid, e.id, e.type, e.mode, e.modality, e.cameo, e.quad, e.date, e.date_precision, e.location,
             e.agreement.instrument if e.agreement else None, e.agreement.status if e.agreement else None,
             json.dumps(e.actors), json.dumps(e.recipients), e.confidence,
             e.evidence[0].text if e.evidence else None) for e in rec.events])
        c.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      [(aid, q.id, q.kind, q.speaker, q.speaker_text, q.text, q.start, q.end) for q in rec.quotes])

    def events(self, type_: str | None = None, actor: str | None = None, article: str | None = None,
               limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Stored events, newest article first, filtered by PLOVER type, actor id or article id."""
        sql = ("SELECT e.*, a.title, a.published FROM events e JOIN articles a ON a.id = e.article_id WHERE 1=1")
        params: list[Any] = []
        if type_:
            sql += " AND e.type = ?"
            params.append(type_.upper())
        if actor:
            sql += " AND (e.actors LIKE ? OR e.recipients LIKE ?)"
            params += [f'%"{actor}"%', f'%"{actor}"%']
        if article:
            sql += " AND e.article_id = ?"
            params.append(article)
        sql += " ORDER BY a.published DESC, e.article_id, CAST(substr(e.event_id, 2) AS INTEGER)"
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        try:
            cur = self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise StoreError(f"query failed ({exc})", self.path) from exc
        names = [d[0] for d in cur.description]
        for row in cur:
            out = dict(zip(names, row, strict=True))
            out["actors"] = json.loads(out["actors"])
            out["recipients"] = json.loads(out["recipients"])
            yield out

    def records(self) -> Iterator[dict[str, Any]]:
        for (data,) in self.conn.execute("SELECT record FROM articles ORDER BY id"):
            yield json.loads(data)

    def count(self, table: str) -> int:
        if table not in ("articles", "actors", "events", "quotes"):
            raise StoreError(f"no table {table!r}", self.path)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
