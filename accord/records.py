"""The record types of CONTRACT.md (schema ``accord/1``) and their JSON form.

Field names and meanings are fixed by the contract; ``to_json`` emits exactly the contract's keys,
in the contract's order, plus the documented additions (``article.dateline``, ``events[].intensity``).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "accord/1"

Span = tuple[int, int]


@dataclass
class ArticleInput:
    """One article as read from a source, before any analysis."""

    text: str
    origin: str  # where it came from, for messages: a path, "path:line", "<stdin>"
    id: str | int | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD
    warnings: list[dict[str, str]] = field(default_factory=list)

    def record_id(self) -> str | int:
        return self.id if self.id is not None else sha256_text(self.text)


@dataclass
class InputFailure:
    """An input that could not become an article; it still yields one (error) record."""

    origin: str
    code: str
    message: str
    id: str | int | None = None


@dataclass
class ArticleMeta:
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = "en"
    dateline: str | None = None  # the place a dateline names ("TOKYO, March 14 -")


@dataclass
class Actor:
    id: str
    kind: str  # country | person | organization | group
    name: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Evidence:
    start: int
    end: int
    text: str


@dataclass
class Agreement:
    instrument: str
    name: str | None = None
    status: str = "signed"
    topics: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    witnesses: list[str] = field(default_factory=list)


@dataclass
class Event:
    id: str
    type: str
    mode: str | None = None
    modality: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad: str | None = None
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    location: str | None = None
    agreement: Agreement | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    intensity: float | None = None  # Goldstein score of the CAMEO code
    participants: list[str] = field(default_factory=list)  # people who took part, beside the parties


@dataclass
class Quote:
    id: str
    kind: str  # direct | indirect | mixed
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None


@dataclass
class Record:
    id: str | int
    article: ArticleMeta = field(default_factory=ArticleMeta)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    error: dict[str, str] | None = None
    warnings: list[dict[str, str]] = field(default_factory=list)
    text: str | None = None  # only emitted with --emit-text

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id,
            "article": asdict(self.article),
            "actors": [_actor_json(a) for a in self.actors],
            "events": [_event_json(e) for e in self.events],
            "quotes": [_quote_json(q) for q in self.quotes],
            "error": self.error,
            "warnings": self.warnings,
        }
        if self.text is not None:
            out["text"] = self.text
        return out

    @classmethod
    def failed(cls, failure: InputFailure) -> Record:
        return cls(
            id=failure.id if failure.id is not None else failure.origin,
            article=ArticleMeta(language=None),
            error={"code": failure.code, "message": failure.message},
        )


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _actor_json(a: Actor) -> dict[str, Any]:
    d = asdict(a)
    d["mentions"] = [list(m) for m in a.mentions]
    return d


def _event_json(e: Event) -> dict[str, Any]:
    return asdict(e)


def _quote_json(q: Quote) -> dict[str, Any]:
    d = asdict(q)
    for key in ("speaker_span", "cue_span"):
        if d[key] is not None:
            d[key] = list(d[key])
    return d
