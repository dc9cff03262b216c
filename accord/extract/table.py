"""The actor table: every actor of one article and every mention of each, by token span.

Stages add actors and mentions here; later stages look them up by token (``at``), span (``within``)
or pronoun (``resolve_pronoun``). One token belongs to at most one mention; a mention inside another
("Israeli" in "Israeli Prime Minister X") is kept apart as a nested mention.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from accord.extract.names import gender
from accord.extract.titles import TitleInfo
from accord.records import Actor

_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


@dataclass
class Mention:
    start: int  # token offsets
    end: int
    actor: str
    form: str  # name | adjective | demonym | capital | metonym | org | person | surname | title | acronym | group


@dataclass
class Location:
    start: int
    end: int
    name: str
    country: str | None
    country_name: str | None = None


@dataclass
class ActorTable:
    """The actors of one article and every mention of each, by token span."""

    doc: Doc
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    nested: list[Mention] = field(default_factory=list)  # inside another actor's mention ("Israeli" in a title)
    locations: list[Location] = field(default_factory=list)
    person_info: dict[str, TitleInfo] = field(default_factory=dict)
    affiliation: dict[str, str] = field(default_factory=dict)  # person id -> organisation id
    state_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> display name, for states added late
    _by_token: dict[int, Mention] = field(default_factory=dict)

    def add(self, actor: Actor) -> Actor:
        existing = self.actors.get(actor.id)
        if existing is None:
            self.actors[actor.id] = actor
            return actor
        for attr in ("country", "sector", "title"):
            if getattr(existing, attr) is None and getattr(actor, attr) is not None:
                setattr(existing, attr, getattr(actor, attr))
        return existing

    def mention(self, actor_id: str, start: int, end: int, form: str) -> Mention | None:
        if start >= end or any(i in self._by_token for i in range(start, end)):
            return None
        m = Mention(start, end, actor_id, form)
        self.mentions.append(m)
        for i in range(start, end):
            self._by_token[i] = m
        return m

    def state_for(self, code: str, through: str) -> str:
        """The state ``code`` as an actor of the record, acting through a person or group ("Putin" for
        Russia): their mentions are mentions of the state too, as event coders count them."""
        if code not in self.actors:
            self.add(Actor(id=code, kind="country", name=self.state_names.get(code, code), country=code))
        for m in [m for m in self.mentions if m.actor == through]:
            self.nested_mention(code, m.start, m.end, "through")
        return code

    def place_state(self, loc: Location) -> str:
        """The state of a place with one ("in Tokyo" -> JPN), added as an actor; the caller records the
        place as its mention, claiming the tokens or nested."""
        assert loc.country is not None
        self.add(Actor(id=loc.country, kind="country", name=loc.country_name or loc.country, country=loc.country))
        return loc.country

    def nested_mention(self, actor_id: str, start: int, end: int, form: str) -> None:
        if not any(m.actor == actor_id and m.start == start for m in self.nested):
            self.nested.append(Mention(start, end, actor_id, form))

    def demote(self, start: int, end: int) -> None:
        """Turn the mentions inside ``[start, end)`` into nested ones, freeing the tokens."""
        for m in self.within(start, end):
            self.mentions.remove(m)
            self.nested.append(m)
            for i in range(m.start, m.end):
                self._by_token.pop(i, None)

    def spans(self, actor_id: str) -> list[tuple[int, int]]:
        """Character spans of an actor's mentions, nested ones included."""
        return [(self.doc[m.start].idx, self.doc[m.end - 1].idx + len(self.doc[m.end - 1]))
                for m in self.mentions + self.nested if m.actor == actor_id]

    def at(self, i: int) -> Mention | None:
        return self._by_token.get(i)

    def taken(self, start: int, end: int) -> bool:
        return any(i in self._by_token for i in range(start, end))

    def within(self, start: int, end: int) -> list[Mention]:
        seen: list[Mention] = []
        for i in range(start, end):
            m = self._by_token.get(i)
            if m is not None and m not in seen:
                seen.append(m)
        return seen

    def retarget(self, old: str, new: str) -> None:
        """Fold actor ``old`` into ``new`` (same real-world actor found under two names)."""
        if old == new or old not in self.actors:
            return
        gone = self.actors.pop(old)
        self.add(Actor(id=new, kind=gone.kind, name=gone.name, country=gone.country, sector=gone.sector,
                       title=gone.title))
        for m in self.mentions + self.nested:
            if m.actor == old:
                m.actor = new
        for pid, oid in list(self.affiliation.items()):
            if oid == old:
                self.affiliation[pid] = new
        if old in self.person_info:
            self.person_info.setdefault(new, self.person_info.pop(old))

    def resolve_pronoun(self, tok: Token, window_sents: int = 3,
                        exclude: frozenset[str] = frozenset()) -> Mention | None:
        """The person a third-person pronoun most likely refers to: the nearest earlier person
        mention in this sentence or the ``window_sents`` before it, subjects first, of the right
        gender, and none of ``exclude`` (the speaker of a quote is not the "him" he talks about)."""
        if tok.lower_ not in _PRONOUNS and tok.lower_ not in ("they", "them", "their"):
            return None
        want_person = tok.lower_ in _PRONOUNS
        want_gender = _PRONOUNS.get(tok.lower_)
        floor = tok.sent.start
        for _ in range(window_sents):
            if floor == 0:
                break
            floor = self.doc[floor - 1].sent.start
        best: tuple[int, Mention] | None = None
        for m in self.mentions:
            if not floor <= m.start < tok.i:
                continue
            actor = self.actors.get(m.actor)
            if actor is None or (actor.kind == "person") != want_person or actor.id in exclude:
                continue
            if want_gender and gender(actor.name) not in (None, "u", want_gender):
                continue  # "she" is not Benjamin
            head = self.doc[m.start:m.end].root
            score = m.start + (200 if head.dep_ in ("nsubj", "nsubjpass") else 0)
            if best is None or score > best[0]:
                best = (score, m)
        return best[1] if best else None

    def ordered(self) -> list[Actor]:
        """Actors in order of first mention, each with its mentions as character spans."""
        first: dict[str, int] = {}
        spans: dict[str, list[tuple[int, int]]] = {}
        for m in sorted(self.mentions + self.nested, key=lambda m: m.start):
            first.setdefault(m.actor, m.start)
            span = self.doc[m.start:m.end]
            spans.setdefault(m.actor, []).append((span.start_char, span.end_char))
        out = []
        for aid in sorted(self.actors, key=lambda a: first.get(a, 10**9)):
            actor = self.actors[aid]
            actor.mentions = spans.get(aid, [])
            if actor.mentions:
                out.append(actor)
        return out


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"
