"""Find the states and international bodies a text names, from the data in ``accord.knowledge``.

One PhraseMatcher over token text (case-sensitive, so "US" is a state and "us" is not) holds every
name, official name, short form, adjective, demonym, capital and metonym of every state, and every
name and alias of every international and national body ("the SEC" is American). Cities and regions
are looked up, not matched: they place events and datelines but are never actors. Names that change
owner over time (Moscow, the Kremlin) carry dates and resolve against the article's publication date.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from accord import knowledge

#: Nouns a place is named after: "in the German city of Aachen".
PLACE_NOUNS = {"city", "capital", "town", "village", "port", "resort", "island", "region", "province"}

#: Forms of a state name, from the most to the least actor-like.
FORMS = ("name", "adjective", "demonym", "capital", "metonym")


@dataclass(frozen=True)
class Entry:
    target: str  # ISO3 code or org id
    form: str  # name | adjective | demonym | capital | metonym | org
    start: str | None = None
    until: str | None = None
    ambiguous: bool = False


@dataclass(frozen=True)
class GazetteerMatch:
    start: int  # token offsets
    end: int
    entry: Entry


@dataclass
class Gazetteer:
    matcher: PhraseMatcher
    entries: dict[str, list[Entry]]  # surface string -> entries
    countries: dict[str, dict]  # code -> country record
    organizations: dict[str, dict]  # id -> organisation record (international and national bodies)
    places: dict[str, str]  # city or region name -> ISO3 ("Hamburg" -> DEU); places are not actors

    def find(self, doc: Doc, on_date: str | None) -> list[GazetteerMatch]:
        """Non-overlapping matches, longest first, each resolved for ``on_date`` (ISO, or None)."""
        spans = []
        for key, start, end in self.matcher(doc):
            surface = doc[start:end].text
            entries = [e for e in self.entries.get(self.matcher.vocab.strings[key], []) if _valid(e, on_date)
                       and not (e.form in ("adjective", "demonym") and _of_a_region(doc, start))]
            if entries:
                spans.append((start, end, surface, entries))
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
        taken = [False] * len(doc)
        out = []
        for start, end, _surface, entries in spans:
            if any(taken[start:end]):
                continue
            for i in range(start, end):
                taken[i] = True
            out.append(GazetteerMatch(start, end, entries[0]))
        return sorted(out, key=lambda m: m.start)

    def names_a_place(self, span: Span | Token) -> bool:
        """"in the German city of Aachen": a known city where places are named, whatever the tagger says."""
        root = span.root if isinstance(span, Span) else span
        return span.text in self.places and root.dep_ == "pobj" and root.head.lower_ == "of" and (
            root.head.head.lower_ in PLACE_NOUNS)

    def country_name(self, code: str) -> str:
        rec = self.countries.get(code)
        return rec["name"] if rec else code

    def place_country(self, surface: str, on_date: str | None = None) -> str | None:
        """The state of a place: a state's own name or capital, else a city or region ("NEW YORK" -> USA)."""
        for form in (surface, surface.title()):
            code = self.country_code(form, on_date) or self.places.get(form)
            if code:
                return code
        return None

    def country_code(self, surface: str, on_date: str | None = None) -> str | None:
        """The state a single surface form names ("Azerbaijani" -> AZE), or None."""
        for e in self.entries.get(surface, []):
            if e.form != "org" and _valid(e, on_date):
                return e.target
        return None


_REGION_WORDS = {"North", "South", "East", "West", "Central", "Latin", "Pan", "NORTH", "SOUTH", "LATIN", "CENTRAL"}


def _of_a_region(doc: Doc, start: int) -> bool:
    """"the South American bloc", "Latin Americans", "Pan-American": a region's people, not the state's
    (states named so, "South African", "West German", are longer entries and match first)."""
    before = doc[start - 2] if start >= 2 and doc[start - 1].text == "-" else doc[start - 1] if start else None
    return before is not None and before.text in _REGION_WORDS


def _valid(e: Entry, on_date: str | None) -> bool:
    if on_date is None:
        # Without a date, prefer today's world: skip names valid only in the past.
        return e.until is None
    return (e.start is None or e.start <= on_date) and (e.until is None or on_date <= e.until)


@functools.cache
def gazetteer(nlp: Language) -> Gazetteer:
    entries: dict[str, list[Entry]] = {}

    def add(surface: str, entry: Entry) -> None:
        surface = surface.strip()
        if surface and entry not in entries.setdefault(surface, []):
            entries[surface].append(entry)

    countries = {c["code"]: c for c in knowledge.load("countries")}
    for c in countries.values():
        ambiguous = set(c.get("ambiguous") or [])
        for form in FORMS:
            values = c.get(form + "s" if form != "metonym" else "metonyms") or []
            for v in values:
                # A former state's own name is unambiguous at any date ("the collapse of the Soviet
                # Union"); only capitals and metonyms change owner, so only they carry dates.
                name, start, until = (v, None, None) if isinstance(v, str) else (
                    v["name"], v.get("from"), v.get("until"))
                add(name, Entry(c["code"], form, start, until, name in ambiguous))
                if form == "name" and name.startswith("the "):
                    add(name[4:], Entry(c["code"], form, start, until, name in ambiguous))
    organizations = {o["id"]: o for o in knowledge.load("organizations") + knowledge.load("national_bodies")}
    for o in organizations.values():
        for name in [o["name"], *o.get("aliases", [])]:
            for spelling in _spellings(name):
                add(spelling, Entry(o["id"], "org"))
    for es in entries.values():
        # A name both a state and an organisation form: the state wins; name beats adjective etc.
        es.sort(key=lambda e: (e.form == "org", FORMS.index(e.form) if e.form in FORMS else 9))
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    tokenizer = nlp.tokenizer
    for surface in entries:
        variants = {surface}
        if any(ch.islower() for ch in surface):
            variants.add(surface.upper())  # wire-service headlines and datelines
        words = surface.split()
        if len(words) == 2 and all(e.form == "org" for e in entries[surface]) and words[1][:1].isupper():
            variants.add(f"{words[0]} {words[1].lower()}")  # wire copy's "the Paris club", "the World bank"
        matcher.add(surface, [tokenizer(v) for v in variants])
    places = {}
    for c in knowledge.load("cities"):
        for name in [c["name"], *c.get("aliases", [])]:
            places.setdefault(name, c["country"])
    return Gazetteer(matcher=matcher, entries=entries, countries=countries, organizations=organizations,
                     places=places)


_SPELLINGS = (("Organisation", "Organization"), ("Co-operation", "Cooperation"))


def _spellings(name: str) -> set[str]:
    """A body's name as writers spell it: British or American ("Organisation", "Organization"), with
    or without a hyphen in "Co-operation", with or without "the" after "of" ("Organization of
    Petroleum Exporting Countries")."""
    out = {name, name.replace(" of the ", " of ")}
    for british, american in _SPELLINGS:
        out |= {v.replace(british, american) for v in out} | {v.replace(american, british) for v in out}
    return out


def state_in(span: tuple[int, int], matches: list[GazetteerMatch]) -> str | None:
    """The state a gazetteer match inside the token span names, if any."""
    for m in matches:
        if span[0] <= m.start and m.end <= span[1] and m.entry.form != "org":
            return m.entry.target
    return None


def org_in(span: tuple[int, int], matches: list[GazetteerMatch]) -> str | None:
    """The international body a gazetteer match inside the token span names, if any."""
    for m in matches:
        if span[0] <= m.start and m.end <= span[1] and m.entry.form == "org":
            return m.entry.target
    return None
