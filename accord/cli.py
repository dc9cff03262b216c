"""Command line: parses arguments, calls the library, prints, sets the exit status.

    accord extract [PATH ...]   articles in, records out (JSON lines, or a table on a terminal)
    accord events --db FILE     the events stored in a database, as a table, JSON lines or CSV

Exit status: 0 when every article was processed, 1 when any failed (its record says why), 2 for
bad usage. Only this module prints or exits; logs and progress go to stderr.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import re
import sys
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any, TextIO

from accord import __version__
from accord.errors import AccordError, UsageError
from accord.records import Record

log = logging.getLogger("accord")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        ns = parser.parse_args(argv)
    except SystemExit as exc:  # argparse prints its own message
        return 2 if exc.code else 0
    logging.basicConfig(level=logging.DEBUG if ns.verbose else logging.WARNING, stream=sys.stderr,
                        format="accord: %(message)s")
    try:
        code: int = ns.run(ns)
        return code
    except UsageError as exc:
        print(f"accord: {exc}", file=sys.stderr)
        return 2
    except AccordError as exc:
        print(f"accord: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="accord", description="File the diplomatic record from news articles.")
    p.add_argument("--version", action="version", version=f"accord {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress and details to stderr")
    sub = p.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract records from articles (.txt, .html, .jsonl, directories, stdin)")
    ex.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; '-' or none: standard input")
    ex.add_argument("--format", choices=("jsonl", "table"), default=None,
                    help="output format (default: table on a terminal, jsonl otherwise)")
    ex.add_argument("--input-format", choices=("auto", "txt", "html", "jsonl"), default="auto",
                    help="how to read the input (default: by file suffix; sniffed on stdin)")
    ex.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for articles that give none")
    ex.add_argument("--emit-text", action="store_true", help="add the text the offsets point into as \"text\"")
    ex.add_argument("--db", metavar="FILE", help="also store the records in this SQLite database")
    ex.add_argument("--batch-size", type=int, default=None, help="articles per spaCy batch")
    ex.set_defaults(run=_extract)

    ev = sub.add_parser("events", help="list the events stored in a database")
    ev.add_argument("--db", metavar="FILE", required=True, help="SQLite database written by `extract --db`")
    ev.add_argument("--type", help="only this PLOVER type (SUPPORT, CONSULT, ...)")
    ev.add_argument("--actor", help="only events with this actor id among actors or recipients (ISR, org:...)")
    ev.add_argument("--article", help="only events of this article id")
    ev.add_argument("--limit", type=int, default=None)
    ev.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    ev.set_defaults(run=_events)
    return p


def _extract(ns: argparse.Namespace) -> int:
    from accord.pipeline import process
    from accord.settings import DEFAULT, Settings
    from accord.sources import read_inputs

    if ns.published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", ns.published):
        raise UsageError(f"--published {ns.published!r} is not a date in the form YYYY-MM-DD")
    settings = DEFAULT if ns.batch_size is None else Settings(batch_size=max(1, ns.batch_size))
    fmt = ns.format or ("table" if sys.stdout.isatty() else "jsonl")
    records = process(read_inputs(ns.paths, ns.input_format, settings), settings, emit_text=ns.emit_text,
                      default_published=ns.published)
    failed = 0
    store = None
    if ns.db:
        from accord.store import SqliteStore

        store = SqliteStore(ns.db)
    pending: list[Record] = []
    try:
        for rec in records:
            if rec.error:
                failed += 1
                log.warning("%s", rec.error["message"])
            _emit(rec, fmt, sys.stdout)
            if store is not None:
                pending.append(rec)
                if len(pending) >= 256:
                    store.write(pending)
                    pending.clear()
        if store is not None and pending:
            store.write(pending)
    finally:
        if store is not None:
            store.close()
    return 1 if failed else 0


def _emit(rec: Record, fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        out.write(json.dumps(rec.to_json(), ensure_ascii=False) + "\n")
    else:
        title = rec.article.title or ""
        head = f"== {rec.id}" + (f"  {title[:70]}" if title else "") + (
            f"  ({rec.article.published})" if rec.article.published else "")
        out.write(head + "\n")
        if rec.error:
            out.write(f"   error {rec.error['code']}: {rec.error['message']}\n")
        elif rec.article.language not in (None, "en"):
            out.write(f"   language {rec.article.language}: not analysed\n")
        rows = [_event_row(asdict(e)) for e in rec.events]
        out.write(_table(rows) if rows else "   (no events)\n")
        if rec.quotes:
            out.write(f"   {len(rec.quotes)} quote(s)\n")
    out.flush()


def _event_row(e: dict[str, Any]) -> list[str]:
    ag = e.get("agreement") or {}
    what = " ".join(x for x in (ag.get("status") or e.get("status"), ag.get("instrument") or e.get("instrument"),
                                e.get("mode")) if x)
    who = ", ".join(e.get("actors") or [])
    if e.get("recipients"):
        who += " -> " + ", ".join(e["recipients"])
    evidence = e.get("evidence")
    if isinstance(evidence, list):
        evidence = evidence[0]["text"] if evidence else ""
    return [e.get("type") or "", what, who, e.get("date") or "", (e.get("modality") or ""),
            re.sub(r"\s+", " ", evidence or "")[:70]]


def _table(rows: list[list[str]], header: list[str] | None = None) -> str:
    header = header or ["TYPE", "WHAT", "WHO", "DATE", "MODALITY", "EVIDENCE"]
    widths = [min(40, max(len(str(r[i])) for r in rows + [header])) for i in range(len(header))]
    lines = ["   " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    for r in rows:
        lines.append("   " + "  ".join(str(c)[:w].ljust(w) for c, w in zip(r, widths, strict=True)))
    return "\n".join(lines) + "\n"


def _events(ns: argparse.Namespace) -> int:
    from pathlib import Path

    from accord.store import SqliteStore

    if not Path(ns.db).exists():
        raise UsageError(f"{ns.db}: no such database (write one with `accord extract --db {ns.db} ...`)")
    with SqliteStore(ns.db) as store:
        rows = store.events(type_=ns.type, actor=ns.actor, article=ns.article, limit=ns.limit)
        _print_events(rows, ns.format, sys.stdout)
    return 0


def _print_events(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer: Any = None
        for r in rows:
            flat = {k: json.dumps(v) if isinstance(v, list) else v for k, v in r.items()}
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(flat))
                writer.writeheader()
            writer.writerow(flat)
        return
    table = [[r["article_id"][:28], *_event_row(r)] for r in rows]
    if not table:
        out.write("(no events)\n")
        return
    out.write(_table(table, ["ARTICLE", "TYPE", "WHAT", "WHO", "DATE", "MODALITY", "EVIDENCE"]))


if __name__ == "__main__":
    sys.exit(main())
