"""Actors: the states, organisations, people and groups an article names, one id each.

The cascade, in order (each later step sees what the earlier ones found):
  1. states and international bodies from the gazetteer (names, adjectives, demonyms, capitals used
     for governments, metonyms such as "the Kremlin");
  2. people: spaCy PERSON entities, and capitalised names right after a title head ("Minister X Y"),
     each with title, rank, state and affiliation read around the name (``titles.py``);
  3. organisations: spaCy ORG entities that are not states, titles or instruments, with their state
     ("the Soviet Ministry of ...", "Japan's Ex-Im Bank") and sector;
  4. short mentions join their full actor: a surname ("Netanyahu"), a title ("the minister"), an
     organisation's short name or acronym ("Sandoz", "KPA"), "the company";
  5. groups named by a collective noun ("Syrian troops", "police"); "the Turkish government" is Turkey.
Pronouns are left to the stages that need them (``resolve_pronoun``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from accord import knowledge
from accord.extract.gazetteer import Gazetteer, GazetteerMatch
from accord.extract.titles import TitleInfo, has_head, head_sector, read_title, title_words
from accord.records import Actor

_INSTRUMENT_WORDS = {"mou", "memorandum", "agreement", "treaty", "accord", "pact", "protocol", "declaration",
                     "deal", "contract", "convention", "charter", "communique", "statement", "framework"}
_GOV_ORG = re.compile(r"\b(ministry|ministries|department|directorate|agency|office|bureau|government|authority|"
                      r"commission|council|central bank|treasury|customs|cabinet|presidency|parliament|"
                      r"secretariat|embassy|consulate|service|administration|board|committee|state bank)\b", re.I)
_BUS_ORG = re.compile(r"\b(AG|Inc|Corp|Corporation|Co|Company|Ltd|Limited|Plc|PLC|SA|S\.A|NV|N\.V|GmbH|SpA|Group|"
                      r"Holdings?|Bank|Banque|Banca|Airlines?|Airways|Motors|Industries|Petroleum|Oil|Electric|"
                      r"Steel|Shipping|Seetransport|Trading|Enterprises?|LLC|BV|AB|ASA|Oyj|KK)\b\.?")
_EDU_ORG = re.compile(r"\b(University|Institute|College|School|Academy)\b")
_MIL_ORG = re.compile(r"\b(Army|Navy|Air Force|Armed Forces|Marines|Guard|Brigade|Division|Command)\b")
_COMPANY_NOUNS = {"company", "firm", "group", "shipbuilder", "carrier", "airline", "maker", "manufacturer", "bank",
                  "lender", "insurer", "operator", "producer", "giant", "conglomerate", "contractor", "developer",
                  "supplier", "exporter", "importer", "automaker", "carmaker", "chipmaker", "startup", "start-up",
                  "retailer", "broker", "fund", "utility", "miner", "refiner", "subsidiary", "unit", "house", "line"}
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_PERSON_NOUNS = {"minister", "president", "official", "spokesman", "spokeswoman", "leader", "secretary", "chairman",
                 "ambassador", "envoy", "prime", "king", "prince", "emir", "head", "chief", "director", "governor"}


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

    def resolve_pronoun(self, tok: Token, window_sents: int = 3) -> Mention | None:
        """The person a third-person pronoun most likely refers to: the nearest earlier person
        mention in this sentence or the ``window_sents`` before it, subjects first."""
        if tok.lower_ not in _PRONOUNS and tok.lower_ not in ("they", "them", "their"):
            return None
        want_person = tok.lower_ in _PRONOUNS
        sents = list(self.doc.sents)
        idx = next((k for k, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
        floor = sents[max(0, idx - window_sents)].start
        best: tuple[int, Mention] | None = None
        for m in self.mentions:
            if not floor <= m.start < tok.i:
                continue
            actor = self.actors.get(m.actor)
            if actor is None or (actor.kind == "person") != want_person:
                continue
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


def find_actors(doc: Doc, gaz: Gazetteer, on_date: str | None, body_start: int = 0,
                home: str | None = None) -> ActorTable:
    """All actors of ``doc``. Names the tagger finds in a headline (often title-cased guesswork) are
    not taken; ``home`` is the dateline's state, the state of a government body that names none."""
    table = ActorTable(doc)
    matches = gaz.find(doc, on_date)
    accept = {i for m in matches for i in range(m.start, m.end)}
    ents = [e for e in doc.ents if e.start_char >= body_start]
    org_ents = [e for e in ents if (e.label_ in ("ORG", "NORP", "FAC") or e.label_ == "PERSON" and (
        _BUS_ORG.search(e[-1].text) or _GOV_ORG.search(e[-1].text) or _named_company(e)))
        and not _overlaps_match(e, matches)]
    accept |= {i for e in org_ents if e.label_ == "ORG" for i in range(e.start, e.end)}
    _persons(doc, gaz, table, matches, accept, on_date, ents, body_start)
    _states_and_bodies(doc, gaz, table, matches)
    _person_states(doc, table)
    _organisations(doc, gaz, table, org_ents, matches, on_date)
    _short_mentions(doc, table)
    _groups(doc, gaz, table, on_date, home)
    _locations(doc, gaz, table, on_date)
    if home is not None:
        for actor in table.actors.values():
            if actor.kind == "organization" and actor.country is None and actor.sector == "GOV":
                actor.country = home
    return table


# --- states and international bodies -------------------------------------------------------------

def _states_and_bodies(doc: Doc, gaz: Gazetteer, table: ActorTable, matches: list[GazetteerMatch]) -> None:
    for m in matches:
        e = m.entry
        if e.form in ("capital", "metonym") and not _used_as_actor(doc[m.start:m.end]):
            continue
        if e.ambiguous and _ambiguous_reading(doc, m):
            continue
        if e.form != "org" and _inside_person_name(doc, m):
            continue  # "Miguel de la Madrid" is no Spain
        if e.form == "org":
            org = gaz.organizations[e.target]
            table.add(Actor(id=org["id"], kind=org.get("kind", "organization"), name=org["name"],
                            country=org.get("country"), sector=org.get("sector")))
        else:
            table.add(Actor(id=e.target, kind="country", name=gaz.country_name(e.target), country=e.target))
        if table.taken(m.start, m.end):
            table.nested_mention(e.target, m.start, m.end, e.form)
        else:
            table.mention(e.target, m.start, m.end, e.form)


def _person_states(doc: Doc, table: ActorTable) -> None:
    """An official whose state the title does not give takes the one state his sentence names as
    its own ("... advancing the State of Israel ..., as part of the goals of Prime Minister X"); a
    state the sentence visits, travels to or meets does not count."""
    for actor in list(table.actors.values()):
        if actor.kind != "person" or actor.country is not None or actor.sector not in ("GOV", "MIL", "LEG", "JUD"):
            continue
        if actor.id in table.affiliation:
            continue
        first = min((m.start for m in table.mentions if m.actor == actor.id), default=None)
        if first is None:
            continue
        sent = doc[first].sent
        states = {m.actor for m in table.mentions if sent.start <= m.start < sent.end
                  and table.actors.get(m.actor) is not None and table.actors[m.actor].kind == "country"
                  and not _destination(doc[m.start:m.end])}
        if len(states) == 1:
            actor.country = states.pop()


def _destination(span: Span) -> bool:
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "in", "into", "with", "from", "at", "against", "toward",
                                                     "towards", "for", "by"):
        return True
    return root.dep_ == "dobj" and root.head.lemma_ in ("visit", "meet", "host", "call", "welcome", "receive")


def _inside_person_name(doc: Doc, m: GazetteerMatch) -> bool:
    tok = doc[m.start]
    if tok.ent_type_ != "PERSON":
        return False
    ent = next((e for e in doc.ents if e.start <= m.start < e.end), None)
    return ent is not None and (ent.end - ent.start) > (m.end - m.start) and not (
        ent.start == m.start and doc[m.end - 1].text[:1].isupper() and m.entry.form == "adjective")


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


# --- people --------------------------------------------------------------------------------------

def _persons(doc: Doc, gaz: Gazetteer, table: ActorTable, matches: list[GazetteerMatch], accept: set[int],
             on_date: str | None, ents: list[Span], body_start: int) -> None:
    names = [s for s in (_clean_person(e) for e in ents if e.label_ == "PERSON") if s is not None]
    gaz_tokens = {i for m in matches for i in range(m.start, m.end)}
    names += [n for n in _titled_names(doc, names, gaz_tokens) if doc[n.start].idx >= body_start]
    names = [n for n in names if not any(m.start <= n.start and n.end <= m.end for m in matches)]
    by_surname: dict[str, list[str]] = {}
    infos: list[tuple[Span, TitleInfo]] = []
    name_tokens = frozenset(i for n in names for i in range(n.start, n.end))
    for name in sorted(names, key=lambda s: (-(s.end - s.start), s.start)):
        sent = name.sent
        info = read_title(doc, name, accept, sent, name_tokens - set(range(name.start, name.end)))
        infos.append((name, info))
    # Full names first, so that "Netanyahu" finds "Benjamin Netanyahu" wherever it stands.
    for name, info in infos:
        key = _surname(name)
        full = [pid for pid in by_surname.get(key, []) if _compatible(table.actors[pid].name, name.text)]
        if full:
            pid = _nearest(table, full, name.start)
            form = "surname" if len(name) < len(table.actors[pid].name.split()) else "person"
        else:
            pid = "person:" + slug(name.text)
            table.add(Actor(id=pid, kind="person", name=name.text))
            by_surname.setdefault(key, []).append(pid)
            form = "person"
        actor = table.actors[pid]
        _apply_title(doc, gaz, table, actor, info, matches, on_date)
        table.mention(pid, info.start, max(info.end, name.end), form)
        if not _covered(table, name):
            table.mention(pid, name.start, name.end, form)


def _clean_person(ent: Span) -> Span | None:
    doc = ent.doc
    a, b = ent.start, ent.end
    words = title_words()
    while a < b and (doc[a].lower_ in words or not doc[a].is_alpha or doc[a].text.endswith(".") and len(doc[a]) <= 5):
        a += 1
    while b > a and (not doc[b - 1].is_alpha or doc[b - 1].lower_ in ("'s", "’s")):
        b -= 1
    if b <= a:
        return None
    span = doc[a:b]
    if not any(t.text[:1].isupper() and t.lower_ not in words for t in span):
        return None
    if len(span) == 1 and (span[0].is_upper and len(span[0]) <= 3 or span[0].lower_ in ("res", "mr", "mrs")):
        return None
    if _BUS_ORG.search(span[-1].text) or _GOV_ORG.search(span[-1].text) or _named_company(span):
        return None  # "Unimar Seetransport", "the shipbuilder Hanwha Ocean": a body taken for a person
    return span


def _named_company(span: Span) -> bool:
    """A name right after a company noun ("the South Korean shipbuilder Hanwha Ocean")."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in _COMPANY_NOUNS


def _titled_names(doc: Doc, found: list[Span], gaz_tokens: set[int]) -> list[Span]:
    """Names the tagger missed after a capitalised title head: "Oil Minister Mana al-Oteiba",
    "Minister of Digital Development and Transport Rashad Nabiyev" (portfolio words are title words),
    "Ambassador to Estonia Hiroshi Takeuchi"."""
    taken = {i for s in found for i in range(s.start, s.end)} | gaz_tokens
    words = title_words()
    out = []
    for tok in doc:
        if not (tok.text[:1].isupper() and has_head([tok])):
            continue
        start = tok.i + 1
        if start < len(doc) and doc[start].lower_ in ("of", "to", "for", "in"):  # "Ambassador to Estonia X"
            start += 1
            while start < len(doc) and (doc[start].lower_ in words or start in gaz_tokens) and (
                    doc[start].is_alpha or start in gaz_tokens):
                start += 1
        j = start
        while j < len(doc) and j - start < 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and (
                j not in taken) and doc[j].lower_ not in words and (doc[j].is_alpha or "-" in doc[j].text):
            j += 1
        if j - start >= 2 or j - start == 1 and doc[start].ent_type_ in ("PERSON", ""):
            out.append(doc[start:j])
    return out


def _surname(span: Span) -> str:
    toks = [t for t in span if t.lower_ not in ("jr", "jr.", "sr", "sr.", "ii", "iii")]
    return (toks[-1] if toks else span[-1]).lower_


def _compatible(full: str, short: str) -> bool:
    """"Netanyahu" or "Benjamin Netanyahu" fits "Benjamin Netanyahu"; "Laura Bush" does not fit "George Bush"."""
    f, s = full.lower().split(), short.lower().split()
    if len(s) > len(f):
        f, s = s, f
    return all(w in f for w in s)


def _nearest(table: ActorTable, pids: list[str], at: int) -> str:
    def distance(pid: str) -> int:
        starts = [m.start for m in table.mentions if m.actor == pid]
        before = [at - s for s in starts if s <= at]
        return min(before) if before else 10**6 + min((s - at for s in starts), default=0)

    return min(pids, key=distance)


def _covered(table: ActorTable, span: Span) -> bool:
    return all(table.at(i) is not None for i in range(span.start, span.end))


def _apply_title(doc: Doc, gaz: Gazetteer, table: ActorTable, actor: Actor, info: TitleInfo,
                 matches: list[GazetteerMatch], on_date: str | None) -> None:
    table.person_info.setdefault(actor.id, info)
    if info.title and (actor.title is None or len(info.title) > len(actor.title)):
        actor.title = info.title
    if info.rank and actor.id in table.person_info and not table.person_info[actor.id].rank:
        table.person_info[actor.id].rank = info.rank
    actor.sector = actor.sector or info.sector
    country = None
    if info.holder_tokens:
        country = _state_in(doc, gaz, info.holder_tokens, matches)
        org = _org_in(gaz, info.holder_tokens, matches)
        if org is not None:
            table.affiliation.setdefault(actor.id, org)
            country = country or gaz.organizations[org].get("country")
            if gaz.organizations[org].get("sector") == "IGO":
                actor.sector = actor.sector or "IGO"
    if info.span and actor.id not in table.affiliation:
        org = _org_in(gaz, info.span, matches)  # "Director-General of the Food and Agricultural Organisation"
        if org is not None:
            table.affiliation[actor.id] = org
            if gaz.organizations[org].get("sector") == "IGO":
                return  # an international civil servant speaks for his organisation, not a state
    if info.span and country is None:
        country = _state_in(doc, gaz, info.span, matches)
    # "King Fahd of Saudi Arabia"
    if country is None and info.end < len(doc) - 1 and doc[info.end].lower_ == "of":
        country = _state_in(doc, gaz, (info.end + 1, min(len(doc), info.end + 5)), matches)
    if country and actor.country is None:
        actor.country = country


def _state_in(doc: Doc, gaz: Gazetteer, span: tuple[int, int], matches: list[GazetteerMatch]) -> str | None:
    for m in matches:
        if span[0] <= m.start and m.end <= span[1] and m.entry.form != "org":
            return m.entry.target
    return None


def _org_in(gaz: Gazetteer, span: tuple[int, int], matches: list[GazetteerMatch]) -> str | None:
    for m in matches:
        if span[0] <= m.start and m.end <= span[1] and m.entry.form == "org":
            return m.entry.target
    return None


# --- organisations -------------------------------------------------------------------------------

def _organisations(doc: Doc, gaz: Gazetteer, table: ActorTable, ents: list[Span], matches: list[GazetteerMatch],
                   on_date: str | None) -> None:
    portfolio = _portfolio_tokens(doc, table)
    for span in _bracketed_names(doc):
        if not table.taken(span.start, span.end):
            name = span.text
            actor = table.add(Actor(id=_org_id(table, name), kind="organization", name=name,
                                    sector=_org_sector(name) or "BUS"))
            table.mention(actor.id, span.start, span.end, "org")
    for ent in ents:
        if ent.label_ not in ("ORG", "PERSON"):
            continue
        span = _clean_org(ent)
        if span is None:
            continue
        if table.taken(span.start, span.end) and _inside_states(table, span):
            table.demote(span.start, span.end)  # "Kenya Ports Authority": the state is inside the name
        if table.taken(span.start, span.end) and not _title_org(table, span) or _ends_in_person(table, span):
            continue
        if any(i in portfolio for i in range(span.start, span.end)):
            continue
        person = _person_by_surname(table, span)
        if person is not None:  # "McClay said": a surname the tagger took for an organisation
            table.mention(person, span.start, span.end, "surname")
            continue
        name = span.text
        country = _state_in(doc, gaz, (span.start, span.end), matches) or _possessor_state(doc, gaz, span, on_date)
        oid = _org_id(table, name)
        actor = table.add(Actor(id=oid, kind="organization", name=name, country=country, sector=_org_sector(name)))
        if not table.taken(span.start, span.end):
            table.mention(actor.id, span.start, span.end, "org")
        else:  # an organisation named inside a title: the title's holder works there
            table.nested_mention(actor.id, span.start, span.end, "org")
            for m in table.within(span.start, span.end):
                if table.actors.get(m.actor) is not None and table.actors[m.actor].kind == "person":
                    table.affiliation.setdefault(m.actor, actor.id)
                    person = table.actors[m.actor]
                    if actor.country is None and person.country:
                        actor.country = person.country
                    if person.country is None and actor.country:
                        person.country = actor.country
        _acronym_after(doc, table, actor.id, span)


def _bracketed_names(doc: Doc) -> list[Span]:
    """Wire copy marks company names with angle brackets: "<Rade Koncar>"; "<CRNR>" is a ticker."""
    out = []
    for m in re.finditer(r"<([A-Z][^<>\n]{1,60}?)>", doc.text):
        inner = m.group(1)
        if re.fullmatch(r"[A-Z0-9.]{1,6}", inner):
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


def _portfolio_tokens(doc: Doc, table: ActorTable) -> set[int]:
    """Tokens naming a minister's portfolio ("Minister of Digital Development"): not organisations."""
    out: set[int] = set()
    for info in table.person_info.values():
        if info.span is None:
            continue
        a, b = info.span
        for k in range(a, b - 1):
            if doc[k].lower_ in ("minister", "secretary", "ministers", "commissioner") and doc[k + 1].lower_ == "of":
                out |= set(range(k + 2, b))
    return out


def _person_by_surname(table: ActorTable, span: Span) -> str | None:
    if len(span) != 1 or table.taken(span.start, span.end):
        return None
    fits = [a.id for a in table.actors.values() if a.kind == "person" and len(a.name.split()) > 1
            and a.name.split()[-1] == span.text]
    return fits[0] if len(fits) == 1 else None


def _inside_states(table: ActorTable, span: Span) -> bool:
    ms = table.within(span.start, span.end)
    return all(table.actors[m.actor].kind == "country" and span.start <= m.start and m.end <= span.end
               and (m.end - m.start) < len(span) for m in ms if m.actor in table.actors)


def _ends_in_person(table: ActorTable, span: Span) -> bool:
    """"Estonia Hiroshi Takeuchi" tagged as one organisation ends in a person's name: no organisation."""
    m = table.at(span.end - 1)
    return m is not None and table.actors.get(m.actor) is not None and table.actors[m.actor].kind == "person" and (
        m.end == span.end)


def _title_org(table: ActorTable, span: Span) -> bool:
    """An organisation inside a person's title mention ("Head of the National AI Directorate")."""
    ms = table.within(span.start, span.end)
    return bool(ms) and all(table.actors[m.actor].kind == "person" for m in ms if m.actor in table.actors)


def _clean_org(ent: Span) -> Span | None:
    doc = ent.doc
    a, b = ent.start, ent.end
    while a < b and (doc[a].lower_ in ("the", "a", "an") or not (doc[a].is_alpha or doc[a].text[:1].isalnum())):
        a += 1
    while b > a and (doc[b - 1].lower_ in ("'s", "’s") or doc[b - 1].is_punct):
        b -= 1
    if b <= a:
        return None
    span = doc[a:b]
    words = {t.lower_ for t in span}
    if words <= _INSTRUMENT_WORDS | {"of", "understanding", "the", "joint", "mou"} or (
            span[-1].lower_ in _INSTRUMENT_WORDS and len(span) > 1):
        return None  # "the Strategic Partnership Agreement" is an instrument, not a body
    if len(span) == 1 and (span[0].lower_ in title_words() or span[0].lower_ in _PERSON_NOUNS):
        return None
    if all(t.lower_ in title_words() for t in span) and has_head(list(span)):
        return None
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
        return None
    return span


def _possessor_state(doc: Doc, gaz: Gazetteer, span: Span, on_date: str | None) -> str | None:
    """"Japan's Ex-Im Bank", "the Soviet Union's central bank", "Group (SEG) of China"."""
    if span.start >= 2 and doc[span.start - 1].text in ("'s", "’s"):
        code = gaz.country_code(doc[span.start - 2].text, on_date)
        if code:
            return code
    for back in range(1, 4):  # "Kenya's ...", "the South Korean shipbuilder X"
        if span.start - back < 0 or doc[span.start - back].lower_ in ("the", "a", "an", ",", "and"):
            break
        for width in (2, 1):
            a = span.start - back - width + 1
            if a >= 0:
                code = gaz.country_code(doc[a:span.start - back + 1].text, on_date)
                if code:
                    return code
    j = span.end
    if j < len(doc) and doc[j].text == "(":
        while j < len(doc) and doc[j].text != ")" and j - span.end < 5:
            j += 1
        j += 1
    if j + 1 < len(doc) and doc[j].lower_ == "of":
        for n in (3, 2, 1):
            code = gaz.country_code(doc[j + 1:j + 1 + n].text, on_date)
            if code:
                return code
    return None


def _org_sector(name: str) -> str | None:
    if _MIL_ORG.search(name):
        return "MIL"
    if _GOV_ORG.search(name):
        return "GOV"
    if _BUS_ORG.search(name):
        return "BUS"
    if _EDU_ORG.search(name):
        return "EDU"
    return None


def _org_id(table: ActorTable, name: str) -> str:
    """Reuse the id of an organisation already found under a longer or shorter form of the name."""
    low = name.lower()
    for aid, actor in table.actors.items():
        if actor.kind != "organization":
            continue
        other = actor.name.lower()
        if low == other or other.startswith(low + " ") or low.startswith(other + " "):
            return aid
    return "org:" + slug(name)


def _acronym_after(doc: Doc, table: ActorTable, actor_id: str, span: Span) -> None:
    """"Shenzhen Electronics Group (SEG)", "Kenya Ports Authority, KPA," name one body twice."""
    j = span.end
    if j + 2 < len(doc) and doc[j].text in ("(", ",") and doc[j + 1].is_upper and doc[j + 1].is_alpha and (
            doc[j + 2].text in (")", ",")):
        acronym = doc[j + 1].text
        initials = "".join(t.text[0] for t in span if t.text[:1].isupper())
        if len(acronym) >= 2 and (acronym[0] == initials[:1]):
            for tok in doc:
                if tok.text == acronym and not table.taken(tok.i, tok.i + 1):
                    table.mention(actor_id, tok.i, tok.i + 1, "acronym")


# --- groups --------------------------------------------------------------------------------------

def _groups(doc: Doc, gaz: Gazetteer, table: ActorTable, on_date: str | None, home: str | None) -> None:
    nouns: dict[str, dict] = knowledge.load("groups")["nouns"]
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or table.taken(tok.i, tok.i + 1):
            continue
        key, start = tok.lower_, tok.i
        if tok.i > 0 and f"{doc[tok.i - 1].lower_} {tok.lower_}" in nouns:
            key, start = f"{doc[tok.i - 1].lower_} {tok.lower_}", tok.i - 1
        if key not in nouns or any(c.tag_ == "PRP$" for c in tok.children):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN" and doc[tok.i + 1].dep_ != "conj":
            continue  # "government officials": the last noun names the group
        info = nouns[key]
        country, cstart = _group_state(doc, gaz, tok, on_date, table)
        if country is None and info.get("state") and home is not None and any(
                c.lower_ in ("federal", "national", "central") for c in tok.children):
            country = home  # "the federal government" in an Ottawa story
        start = min(start, cstart) if cstart is not None else start
        if table.taken(start, tok.i + 1):
            start = tok.i
        if info.get("state") and country:
            table.add(Actor(id=country, kind="country", name=gaz.country_name(country), country=country))
            table.mention(country, start, tok.i + 1, "group")
            continue
        if country is None and tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "agent", "pobj", "conj"):
            continue
        gid = "group:" + (country.lower() + "-" if country else "") + slug(key)
        label = (gaz.country_name(country) + " " if country else "") + key
        table.add(Actor(id=gid, kind="group", name=label, country=country, sector=info["sector"]))
        table.mention(gid, start, tok.i + 1, "group")


def _group_state(doc: Doc, gaz: Gazetteer, tok: Token, on_date: str | None, table: ActorTable) -> tuple[str | None, int | None]:
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < tok.i:
            m = table.at(child.i)
            if m is not None and table.actors.get(m.actor) is not None and table.actors[m.actor].kind == "country":
                return m.actor, m.start
            code = gaz.country_code(child.text, on_date)
            if code:
                return code, child.i
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
            for obj in child.children:
                code = gaz.country_code(doc[obj.left_edge.i:obj.i + 1].text, on_date) or gaz.country_code(obj.text, on_date)
                if code:
                    return code, None
    return None, None


# --- places --------------------------------------------------------------------------------------

def _locations(doc: Doc, gaz: Gazetteer, table: ActorTable, on_date: str | None) -> None:
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        text = re.sub(r"^the\s+", "", ent.text)
        if not text[:1].isupper() or text.isupper() and len(text) <= 3 and gaz.country_code(text, on_date) is None:
            continue  # "AI" is a topic, never a place
        code = gaz.country_code(text, on_date)
        table.locations.append(Location(ent.start, ent.end, text, code))


# --- short mentions ------------------------------------------------------------------------------

def _short_mentions(doc: Doc, table: ActorTable) -> None:
    """"the minister", "the Prime Minister", "the company", "the ministry" join the nearest fitting actor."""
    for tok in doc:
        if table.taken(tok.i, tok.i + 1) or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        det = tok.i - 1
        while det >= 0 and doc[det].lower_ in title_words() and doc[det].lower_ not in ("the", "of", "and"):
            det -= 1
        if det < 0 or doc[det].lower_ not in ("the", "this", "that"):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # "the Minister Rashad Nabiyev": a name follows, handled as a person
        phrase = doc[det + 1:tok.i + 1]
        target = None
        if has_head([tok]) and tok.lower_ not in ("head", "chief", "official", "deputy", "speaker"):
            target = _latest(table, tok.i, lambda a: a.kind == "person" and a.title is not None and head_sector(
                a.title) is not None and _same_office(a.title, phrase.text))
        elif tok.lower_ in ("company", "firm", "bank", "group", "ministry", "agency", "directorate", "department"):
            target = _latest(table, tok.i, lambda a: a.kind == "organization" and (
                tok.lower_ in a.name.lower() or tok.lower_ in ("company", "firm") and a.sector == "BUS"))
        if target is not None:
            table.mention(target, det + 1, tok.i + 1, "title")


def _same_office(title: str, phrase: str) -> bool:
    t, p = title.lower(), phrase.lower()
    p_words = [w for w in p.split() if w in title_words()]
    return bool(p_words) and all(w in t for w in p_words)


def _latest(table: ActorTable, before: int, ok) -> str | None:  # type: ignore[no-untyped-def]
    best = None
    for m in table.mentions:
        if m.start < before and m.actor in table.actors and ok(table.actors[m.actor]):
            if best is None or m.start > best.start:
                best = m
    return best.actor if best else None
