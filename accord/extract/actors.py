"""Actors: the states, organisations, people and groups an article names, one id each.

The cascade, in order (each later step sees what the earlier ones found):
  1. states and international bodies from the gazetteer (names, adjectives, demonyms, capitals used
     for governments, metonyms such as "the Kremlin");
  2. people (``people.py``): names with title, rank, state and affiliation;
  3. organisations (``organisations.py``): named bodies that are not states, titles or instruments,
     with their state ("the Soviet Ministry of ...", "Japan's Ex-Im Bank") and sector;
  4. short mentions join their full actor: a surname ("Netanyahu"), a title ("the minister"), an
     organisation's short name or acronym ("Sandoz", "KPA"), "the company";
  5. groups named by a collective noun ("Syrian troops", "police"); "the Turkish government" is Turkey.
Pronouns are left to the stages that need them (``resolve_pronoun``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from accord.extract.gazetteer import Gazetteer, GazetteerMatch
from accord.extract.organisations import (
    BUS_ORG,
    GOV_ORG,
    bracketed_companies,
    groups,
    named_company,
    organisations,
    short_mentions,
)
from accord.extract.people import person_states, persons
from accord.extract.table import ActorTable, Location, Mention, slug
from accord.records import Actor

__all__ = ["ActorTable", "Location", "Mention", "find_actors", "slug"]


def find_actors(doc: Doc, gaz: Gazetteer, on_date: str | None, body_start: int = 0,
                home: str | None = None, publisher: str | None = None) -> ActorTable:
    """All actors of ``doc``. Names the tagger finds in a headline (often title-cased guesswork) are
    not taken; ``home`` is the dateline's state, the state of a government body that names none;
    ``publisher`` the state whose ministry issued the text, that of an office holder who names none."""
    table = ActorTable(doc, state_names={code: c["name"] for code, c in gaz.countries.items()})
    matches = gaz.find(doc, on_date)
    accept = {i for m in matches for i in range(m.start, m.end)}
    brackets = bracketed_companies(doc, table)
    ents = _companies_not_people(_joined_company_names([e for e in doc.ents if e.start_char >= body_start]), brackets)
    org_ents = [e for e in ents if (e.label_ in ("ORG", "NORP", "FAC") or e.label_ == "PERSON" and (
        BUS_ORG.search(e[-1].text) or GOV_ORG.search(e[-1].text) or named_company(e)))
        and not _overlaps_match(e, matches)]
    accept |= {i for e in org_ents if e.label_ == "ORG" for i in range(e.start, e.end)}
    persons(doc, gaz, table, matches, accept, on_date, ents, body_start)
    _states_and_bodies(doc, gaz, table, matches)
    _lower_case_states(gaz, table, ents, on_date)
    person_states(doc, table)
    organisations(doc, gaz, table, org_ents, matches, on_date)
    short_mentions(doc, table)
    groups(doc, gaz, table, on_date, home)
    _locations(doc, gaz, table, on_date, matches)
    fallback = {"organization": home, "person": publisher}
    for actor in table.actors.values():
        if actor.country is None and actor.sector == "GOV":
            actor.country = fallback.get(actor.kind)
    return table


def _lower_case_states(gaz: Gazetteer, table: ActorTable, ents: list[Span], on_date: str | None) -> None:
    """A place name the tagger found written in lower case ("an agreement to aid peru") is the state
    it names, where it names one."""
    for e in ents:
        code = gaz.country_code(e.text.title(), on_date) if e.label_ == "GPE" and e.text.islower() else None
        if code is not None and not table.taken(e.start, e.end):
            table.add(Actor(id=code, kind="country", name=gaz.country_name(code), country=code))
            table.mention(code, e.start, e.end, "name")


_FIRM_SUFFIXES = {"co", "co.", "company", "sons", "brothers", "partners", "associates"}
_FIRM_TAILS = {"ltd", "ltd.", "inc", "inc.", "corp", "corp.", "plc", "llc", "ag", "sa", "kk"}


def _joined_company_names(ents: list[Span]) -> list[Span]:
    """"C. Itoh and Co Ltd", "Smith & Sons": the tagger splits such a name at "and" or misses it; the
    capitalised words before "and Co" and the company words after it are one organisation."""
    if not ents:
        return ents
    doc = ents[0].doc
    joined: list[Span] = []
    for tok in doc:
        if tok.lower_ not in _FIRM_SUFFIXES or tok.i < 2 or doc[tok.i - 1].lower_ not in ("and", "&"):
            continue
        a = tok.i - 1
        while a - 1 >= tok.sent.start and doc[a - 1].text[:1].isupper() and doc[a - 1].pos_ in ("PROPN", "NOUN"):
            a -= 1
        b = tok.i + 1
        while b < len(doc) and doc[b].lower_ in _FIRM_TAILS:
            b += 1
        if a < tok.i - 1:
            joined.append(Span(doc, a, b, label="ORG"))
    if not joined:
        return ents
    kept = [e for e in ents if not any(e.start < j.end and j.start < e.end for j in joined)]
    return sorted(kept + joined, key=lambda e: e.start)


def _companies_not_people(ents: list[Span], brackets: list[Span]) -> list[Span]:
    """Wire copy's "<Rade Koncar>" is a company wherever the story names it, and so is "Chronar" in a
    story about "Chronar Corp": names the tagger took for people."""
    if not ents:
        return ents
    doc = ents[0].doc
    companies = [e.text for e in ents if e.label_ == "ORG" and BUS_ORG.search(e[-1].text)] + [b.text for b in brackets]
    out = []
    for e in ents:
        if e.label_ == "PERSON" and any(b.start < e.end and e.start < b.end for b in brackets):
            continue
        if e.label_ == "PERSON" and any(c == e.text or c.startswith(e.text + " ") for c in companies):
            e = Span(doc, e.start, e.end, label="ORG")
        out.append(e)
    return out


def _states_and_bodies(doc: Doc, gaz: Gazetteer, table: ActorTable, matches: list[GazetteerMatch]) -> None:
    for m in matches:
        e = m.entry
        if e.form in ("capital", "metonym") and not _used_as_actor(doc[m.start:m.end]):
            continue
        if e.ambiguous and _ambiguous_reading(doc, m):
            continue
        if e.form != "org" and (_inside_person_name(doc, m) or _ends_a_name(table, m)):
            continue  # "Miguel de la Madrid" is no Spain
        if e.form == "org":
            org = gaz.organizations[e.target]
            actor = table.add(Actor(id=org["id"], kind=org.get("kind", "organization"), name=org["name"],
                                    country=org.get("country"), sector=org.get("sector")))
            surface = doc[m.start:m.end].text
            if not surface.isupper() and (actor.name == org["name"] or len(surface) > len(actor.name)):
                actor.name = surface  # the name the story uses ("Comecon", "Food and Agricultural Organisation")
        else:
            table.add(Actor(id=e.target, kind="country", name=gaz.country_name(e.target), country=e.target))
        if table.taken(m.start, m.end):
            table.nested_mention(e.target, m.start, m.end, e.form)
        else:
            table.mention(e.target, m.start, m.end, e.form)


def _inside_person_name(doc: Doc, m: GazetteerMatch) -> bool:
    tok = doc[m.start]
    if tok.ent_type_ != "PERSON":
        return False
    ent = next((e for e in doc.ents if e.start <= m.start < e.end), None)
    return ent is not None and (ent.end - ent.start) > (m.end - m.start) and not (
        ent.start == m.start and doc[m.end - 1].text[:1].isupper() and m.entry.form == "adjective")


def _ends_a_name(table: ActorTable, m: GazetteerMatch) -> bool:
    """A state or capital at the very end of a person's mention is part of the name, not of the title."""
    person = table.at(m.start)
    return person is not None and table.actors.get(person.actor) is not None and (
        table.actors[person.actor].kind == "person") and person.end == m.end


def _used_as_actor(span: Span) -> bool:
    """A capital stands for its government when it acts or owns: "Baku said", "Washington's offer"."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "agent") or span.end < len(span.doc) and span.doc[span.end].text in (
            "'s", "’s"):
        return True
    return root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass")


def _ambiguous_reading(doc: Doc, m: GazetteerMatch) -> bool:
    """"Jordan" in "Michael Jordan", "Georgia" after a US city: the other reading."""
    if doc[m.start].ent_type_ == "PERSON":
        return True
    nxt = doc[m.end] if m.end < len(doc) else None
    prv = doc[m.start - 1] if m.start > 0 else None
    return bool(nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.ent_type_ == "PERSON"
                or prv is not None and prv.text == "," and prv.i > 0 and doc[prv.i - 1].ent_type_ == "GPE")


def _overlaps_match(ent: Span, matches: list[GazetteerMatch]) -> bool:
    for m in matches:
        if m.start <= ent.start and ent.end <= m.end:
            return True
        if m.entry.form in ("name", "org") and m.start < ent.end and ent.start < m.end and (m.end - m.start) >= (
                ent.end - ent.start) - 1:
            return True
    return False


_NOT_PLACES = {"initiative", "agreement", "accord", "treaty", "pact", "deal", "protocol", "convention", "plan",
               "programme", "program", "declaration", "charter"}
_EVENT_NOUNS = {"talk", "meeting", "summit", "visit", "ceremony", "conference", "negotiation", "session", "signing"}


def _locations(doc: Doc, gaz: Gazetteer, table: ActorTable, on_date: str | None,
               matches: list[GazetteerMatch]) -> None:
    for m in matches:  # "talks in Ulaanbaatar": a capital the tagger did not take for a place
        root = doc[m.start:m.end].root
        if m.entry.form == "capital" and root.dep_ == "pobj" and root.head.lower_ in ("in", "at") and (
                root.head.head.pos_ in ("VERB", "AUX") or root.head.head.lemma_ in _EVENT_NOUNS) and not any(
                e.start <= m.start < e.end and e.label_ in ("GPE", "LOC", "FAC") for e in doc.ents):
            text = doc[m.start:m.end].text
            table.locations.append(Location(m.start, m.end, text, m.entry.target, gaz.country_name(m.entry.target)))
    untagged = [doc[t.i:t.i + 1] for t in doc if t.text[:1].isupper() and not t.ent_type_ and gaz.names_a_place(t)]
    for ent in list(doc.ents) + untagged:
        if ent.label_ not in ("GPE", "LOC", "FAC") and not gaz.names_a_place(ent):
            continue  # "in the German city of Aachen", a city the tagger took for a person
        text = re.sub(r"^the\s+", "", ent.text)
        if not text[:1].isupper() or text.isupper() and len(text) <= 3 and gaz.country_code(text, on_date) is None:
            continue  # "AI" is a topic, never a place
        if ent[-1].lower_ in _NOT_PLACES:
            continue  # "the Black Sea Grain Initiative" is a text, not a place
        code = gaz.place_country(text, on_date)
        table.locations.append(Location(ent.start, ent.end, text, code, gaz.country_name(code) if code else None))
