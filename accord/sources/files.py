"""Read .txt, .html, .jsonl files, directories and standard input into articles.

Each input yields either an ``ArticleInput`` or an ``InputFailure``; a failure never stops the
stream, so one bad file costs only itself. Decoding follows CONTRACT.md: UTF-8 (a BOM for UTF-8 or
UTF-16 is honoured), invalid bytes replaced and reported as a warning, not an error.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from accord.errors import BadJsonLine, BinaryInput, EmptyInput, InputError, TooLarge, UsageError
from accord.records import ArticleInput, InputFailure
from accord.settings import DEFAULT, Settings

Item = ArticleInput | InputFailure
FORMATS = ("auto", "txt", "html", "jsonl")
SUFFIX_FORMAT = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_inputs(paths: Iterable[str], input_format: str = "auto", settings: Settings = DEFAULT,
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Yield one item per article found in ``paths`` ("-" or no path: standard input), in order."""
    if input_format not in FORMATS:
        raise UsageError(f"unknown input format {input_format!r}; choose one of {', '.join(FORMATS)}")
    paths = list(paths) or ["-"]
    for p in paths:
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_bytes(stream.read(), "<stdin>", input_format, settings)
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(c for c in path.rglob("*") if c.is_file()):
                fmt = SUFFIX_FORMAT.get(child.suffix.lower())
                if fmt is not None and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield from _read_file(child, fmt if input_format == "auto" else input_format, settings)
        elif path.is_file():
            fmt = input_format if input_format != "auto" else SUFFIX_FORMAT.get(path.suffix.lower(), "auto")
            yield from _read_file(path, fmt, settings)
        else:
            yield InputFailure(origin=str(p), code="not_found", message=f"{p}: no such file or directory")


def _read_file(path: Path, fmt: str, settings: Settings) -> Iterator[Item]:
    origin = str(path)
    try:
        size = path.stat().st_size
        # A file this large cannot decode to an accepted article; refuse it before reading it all.
        if fmt != "jsonl" and size > settings.max_chars * 4:
            yield _failure(TooLarge(f"{size:,} bytes, more than the {settings.max_chars:,} characters accepted "
                                    "for one article", origin))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputFailure(origin=origin, code="unreadable", message=f"{origin}: {exc.strerror or exc}")
        return
    yield from _read_bytes(data, origin, fmt, settings)


def _read_bytes(data: bytes, origin: str, fmt: str, settings: Settings) -> Iterator[Item]:
    try:
        text, bad = decode(data, origin)
    except InputError as exc:
        yield _failure(exc)
        return
    if fmt == "auto":
        fmt = sniff_format(text)
    if fmt == "jsonl":
        yield from _read_jsonl(text, origin, settings)
        return
    title = url = published = source = None
    if fmt == "html":
        from accord.sources.html import extract_html

        try:
            page = extract_html(text, origin)
        except InputError as exc:
            yield _failure(exc)
            return
        text, title, url, published, source = page.text, page.title, page.url, page.published, page.source
    item = ArticleInput(text=text, origin=origin, title=title, url=url, published=published, source=source)
    if bad:
        item.warnings.append({"code": "invalid_utf8",
                              "message": f"{origin}: {bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD"})
    yield _checked(item, settings)


def _read_jsonl(text: str, origin: str, settings: Settings) -> Iterator[Item]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _failure(BadJsonLine(f"line is not JSON ({exc.msg} at column {exc.colno})", where))
            continue
        if not isinstance(obj, dict):
            yield _failure(BadJsonLine(f"line is a JSON {type(obj).__name__}, not an object", where))
            continue
        art_id = obj.get("id")
        if art_id is not None and not isinstance(art_id, str | int):
            art_id = json.dumps(art_id)
        text_value = obj.get("text")
        if not isinstance(text_value, str):
            kind = type(text_value).__name__
            problem = 'has no "text"' if text_value is None else f'"text" is a {kind}, not a string'
            yield _failure(BadJsonLine(problem, where), art_id)
            continue
        item = ArticleInput(text=text_value, origin=where, id=art_id, title=_str(obj.get("title")),
                            url=_str(obj.get("url")), source=_str(obj.get("source")))
        published = obj.get("published")
        if published is not None:
            if isinstance(published, str) and _DATE.fullmatch(published.strip()):
                item.published = published.strip()
            else:
                item.warnings.append({"code": "bad_published",
                                      "message": f"{where}: \"published\" {published!r} is not YYYY-MM-DD; ignored"})
        yield _checked(item, settings)


def decode(data: bytes, origin: str) -> tuple[str, int]:
    """Bytes to text: BOMs honoured, binary refused, invalid UTF-8 replaced (counted)."""
    boms = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
    for bom, enc in boms:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), 0
    head = data[:65536]
    nuls = head.count(b"\x00")
    if nuls:
        raise BinaryInput(f"binary data ({nuls} NUL bytes in the first {len(head):,}), not text", origin)
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.05:
        raise BinaryInput(f"binary data ({controls} control bytes in the first {len(head):,}), not text", origin)
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        return text, text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")


def sniff_format(text: str) -> str:
    head = text.lstrip()[:2000]
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except json.JSONDecodeError:
            pass
    if re.match(r"<(!doctype html|html|head|body|article|div|p)\b", head, re.I):
        return "html"
    return "txt"


def _checked(item: ArticleInput, settings: Settings) -> Item:
    if not item.text.strip():
        return _failure(EmptyInput("no text (the article is empty or only whitespace)", item.origin), item.id)
    if len(item.text) > settings.max_chars:
        return _failure(TooLarge(f"{len(item.text):,} characters, more than the {settings.max_chars:,} accepted "
                                 "for one article", item.origin), item.id)
    return item


def _failure(exc: InputError, art_id: str | int | None = None) -> InputFailure:
    return InputFailure(origin=exc.origin or "", code=exc.code, message=str(exc), id=art_id)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
