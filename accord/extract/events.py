"""Event drafts from every extractor, merged and numbered into the record's events.

Each extractor (agreements, meetings, the PLOVER coder) returns ``Draft`` objects that still point at
tokens. ``finalise_events`` merges drafts that report the same event (one agreement reported three
times is one event with three evidence spans), fills the PLOVER fields that follow from the CAMEO code
(quad class, intensity), and numbers them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from accord import knowledge
from accord.extract import arguments as args
from accord.extract.actors import ActorTable
from accord.extract.gazetteer import PLACE_NOUNS
from accord.records import Actor, Agreement, Event, Evidence


@dataclass
class Draft:
    type: str
    cameo: str | None
    sentence: Span
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    mode: str | None = None
    modality: str | None = None
    contexts: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    date_guessed: bool = False  # the story's own date, for want of a time expression
    location: str | None = None
    agreement: Agreement | None = None
    confidence: float = 0.5
    trigger: int | None = None  # token index of the word that states the event
    extra_evidence: list[Span] = field(default_factory=list)
    merge_key: tuple | None = None  # drafts with equal keys are one event
    participants: list[str] = field(default_factory=list)  # people who took part (ids), beside the parties
    hint_parties: list[str] = field(default_factory=list)  # parties known only through signatories
    unnamed_instrument: bool = False  # "X and Y agreed to ...": no instrument word; a later mention may name it
    awaiting_parties: bool = False  # "Creditors have reached agreement": a mention just after may say whose

    def all_parties(self) -> set[str]:
        return set(self.actors) | set(self.recipients)


def story_pair(table: ActorTable, earlier: list[Draft], before: int) -> list[str]:
    """The two sides a story means by "the two sides", "the talks", "negotiators": the parties of its latest
    two-party event, else the latest pair it coordinated or that met before token ``before`` ("The EC and
    Comecon ended talks", "Gros said after a meeting with a bank committee"), else its two most-named
    states."""
    for d in reversed(earlier):
        if len(d.all_parties()) == 2:
            return sorted(d.all_parties())
    for tok in reversed(table.doc[:before]):
        sides = (tok.head, tok) if tok.dep_ == "conj" else _met_with(tok)
        pair = [args.party(table, m.actor) for m in (table.at(t.i) for t in sides) if m is not None]
        if len(pair) == 2 and pair[0] and pair[1] and pair[0] != pair[1]:
            return pair  # type: ignore[return-value]
    top = most_named(table, lambda actor: actor.kind == "country", 2)
    return top if len(top) == 2 else []


_TALKING = {"meet", "meeting", "talk", "talks", "negotiate", "negotiation", "negotiations", "consult",
            "consultation", "consultations"}


def _met_with(tok: Token) -> tuple[Token, ...]:
    """"X held talks with Y", "X said after a meeting with Y": the side that met and the one it met
    (``tok`` is Y), else nothing."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "with" or not {prep.head.lemma_.lower(), prep.head.lower_} & _TALKING:
        return ()
    verb = prep.head
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    subj = args.subjects(verb)
    return (subj[0], tok) if subj else ()


def most_named(table: ActorTable, keep: Callable[[Actor], bool], n: int) -> list[str]:
    """The ``n`` actors that ``keep`` accepts which the story names most, most named first (ties in the
    order they are first named)."""
    counts: dict[str, int] = {}
    for m in table.mentions:
        actor = table.actors.get(m.actor)
        if actor is not None and keep(actor):
            counts[m.actor] = counts.get(m.actor, 0) + 1
    return sorted(counts, key=lambda a: -counts[a])[:n]


def next_sentence(earlier: Span, later: Span) -> bool:
    """Is ``later`` the sentence right after ``earlier`` (a line break may stand between them)?"""
    return 0 <= later.start - earlier.end <= 1


def place_of(sent: Span, table: ActorTable, anchor: Token | None) -> str | None:
    """Where the event happened: the place the sentence gives with "in" or "at", the one nearest the
    event's word first ("signed a treaty in Lima", "talks in Athens")."""
    places = []
    for loc in table.locations:
        if sent.start <= loc.start < sent.end:
            root = sent.doc[loc.start:loc.end].root
            if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PLACE_NOUNS:
                root = root.head.head  # "in the German city of Aachen"
            if root.dep_ == "pobj" and root.head.lower_ in ("in", "at") and root.head.head.lemma_ not in _TOPICS:
                places.append((abs(loc.start - anchor.i) if anchor is not None else 0, loc.name))
    return min(places)[1] if places else None


_TOPICS = {"war", "conflict", "crisis", "situation", "fighting", "violence", "invasion", "offensive", "election",
           "unrest", "tension", "tensions"}  # "discussed the war in Ukraine": what was discussed, not where


def body_sentences(doc: Doc, body_start: int) -> list[Span]:
    """The sentences after the headline: events are read from the story, not from its title."""
    return [s for s in doc.sents if s.start_char >= body_start and s.text.strip()]


@functools.cache
def plover() -> dict:
    return knowledge.load("plover")


def cameo_info(code: str | None) -> dict:
    """PLOVER type, mode, contexts and Goldstein score of a CAMEO code (most specific entry that exists)."""
    table = plover()["cameo"]
    while code:
        if code in table:
            return table[code]
        code = code[:-1]
    return {}


def quad_of(event_type: str) -> str | None:
    return plover()["types"].get(event_type, {}).get("quad")


def finalise_events(drafts: list[Draft], table: ActorTable, doc: Doc) -> list[Event]:
    merged: list[Draft] = []
    for d in sorted(drafts, key=lambda d: d.sentence.start):
        twin = next((m for m in merged if d.merge_key is not None and m.merge_key == d.merge_key), None)
        if twin is None:
            merged.append(d)
        else:
            _merge(twin, d)
    events = []
    for d in merged:
        if d.agreement is not None or d.type == "CONSULT":
            _fold_organs(d, table)
    for n, d in enumerate(merged, 1):
        info = cameo_info(d.cameo)
        contexts = list(dict.fromkeys(d.contexts + [c for c in info.get("contexts", []) if c not in d.contexts]))
        spans = list({(s.start, s.end): s for s in [d.sentence] + d.extra_evidence}.values())
        events.append(Event(
            id=f"e{n}", type=d.type, mode=d.mode if d.mode is not None else info.get("mode"), modality=d.modality,
            contexts=contexts, cameo=d.cameo, quad=quad_of(d.type),
            actors=[a for a in dict.fromkeys(d.actors) if a in table.actors],
            recipients=[a for a in dict.fromkeys(d.recipients) if a in table.actors and a not in d.actors],
            date=d.date, date_precision=d.date_precision, location=d.location, agreement=d.agreement,
            evidence=[_evidence(s) for s in sorted(spans, key=lambda s: s.start)],
            confidence=round(d.confidence, 3), intensity=info.get("goldstein"),
            participants=[p for p in dict.fromkeys(d.participants) if p in table.actors]))
    return events


_LOOSE = {"package", "arrangement", "understanding", "arrangements"}


def _fold_organs(d: Draft, table: ActorTable) -> None:
    """"the United States and the Soviet Union" and "the U.S. Agriculture Department" on one side of an
    agreement or a meeting: a state's own ministry is the state there, not a party beside it."""
    sides = set(d.actors) | set(d.recipients)

    def organ(p: str) -> bool:
        a = table.actors.get(p)
        return a is not None and a.kind == "organization" and a.sector == "GOV" and a.country in sides

    d.actors = [p for p in d.actors if not organ(p)]
    d.recipients = [p for p in d.recipients if not organ(p)]


def _merge(into: Draft, other: Draft) -> None:
    into.extra_evidence.append(other.sentence)
    into.extra_evidence.extend(other.extra_evidence)
    # A visit stays a visit: the host the visitor then talks with remains the recipient.
    into.actors += [a for a in other.actors if a not in into.actors and a not in into.recipients]
    into.recipients += [a for a in other.recipients if a not in into.recipients and a not in into.actors]
    into.confidence = min(0.99, max(into.confidence, other.confidence) + 0.05)
    later = other.modality == "future" and into.modality != "future"  # "will be signed later this year"
    if other.date is not None and not other.date_guessed and not later and (
            into.date is None or into.date_guessed or other.date_precision == "day"
            and into.date_precision in ("month", "year") and (into.date or "")[:7] == other.date[:7]):
        into.date, into.date_precision, into.date_guessed = other.date, other.date_precision, False
    into.location = into.location or other.location
    into.participants += [p for p in other.participants if p not in into.participants]
    if into.agreement is not None and other.agreement is not None:
        a, b = into.agreement, other.agreement
        vaguer = into.unnamed_instrument or a.instrument in _LOOSE and b.instrument not in _LOOSE
        if vaguer and not other.unnamed_instrument:  # "agreed on an aid package" then "the accord"
            a.instrument, into.unnamed_instrument = b.instrument, False
        a.name = a.name or b.name
        for attr in ("topics", "areas", "signatories", "witnesses"):
            getattr(a, attr).extend(x for x in getattr(b, attr) if x not in getattr(a, attr))
    for c in other.contexts:
        if c not in into.contexts:
            into.contexts.append(c)


def _evidence(span: Span) -> Evidence:
    text = span.text.strip()
    start = span.start_char + (len(span.text) - len(span.text.lstrip()))
    return Evidence(start=start, end=start + len(text), text=span.doc.text[start:start + len(text)])
