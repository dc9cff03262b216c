"""People: names, titles of office, ranks, states and affiliations, and their short mentions.

    names     spaCy PERSON entities, cleaned of titles and of bodies the tagger took for people
              ("Unimar Seetransport", "the shipbuilder Hanwha Ocean"), and capitalised names right
              after a title head that the tagger missed ("Minister of ... Rashad Nabiyev")
    titles    read around each name (``titles.py``): "Azerbaijan's Minister of Digital Development
              and Transport", "Brig. Gen. (Res.)", "Director-General of the FAO"
    one id    "Netanyahu" and "General Askal" join the full name they fit
    states    from the title; else the leaders table for the article's date ("President Aliyev" is
              Ilham Aliyev of Azerbaijan in 2026); else the one state an official's sentence names
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from accord.extract import leaders
from accord.extract.gazetteer import Gazetteer, GazetteerMatch, org_in, state_in
from accord.extract.names import is_given_name
from accord.extract.organisations import BUS_ORG, GOV_ORG, named_company
from accord.extract.table import ActorTable, slug
from accord.extract.titles import TitleInfo, has_head, portfolio_comma, read_title, title_words
from accord.records import Actor


def persons(doc: Doc, gaz: Gazetteer, table: ActorTable, matches: list[GazetteerMatch], accept: set[int],
             on_date: str | None, ents: list[Span], body_start: int) -> None:
    names = [s for s in (_clean_person(e) for e in ents if e.label_ == "PERSON" and not gaz.names_a_place(e))
             if s is not None]
    gaz_tokens = {i for m in matches for i in range(m.start, m.end)}
    names += [n for n in _titled_names(doc, names, gaz_tokens) if doc[n.start].idx >= body_start]
    names += _leader_surnames(doc, names, gaz_tokens, on_date, body_start)
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
    _counterparts(doc, table)
    _complete_from_leaders(table, on_date)
    _bare_surnames(doc, table, set(gaz_tokens))


def _hyphen_inside(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen, or the part after it, inside one word of a name ("Duk-geun")."""
    if doc[i].text == "-":
        return 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_ and (
            doc[i + 1].is_alpha and doc[i + 1].pos_ == "PROPN")  # not "Islamic State-linked"
    return i > 1 and doc[i - 1].text == "-" and _hyphen_inside(doc, i - 1)


def _bare_surnames(doc: Doc, table: ActorTable, gaz_tokens: set[int]) -> None:
    """A surname the tagger did not take for a name ("Kamikawa also met ...") is the one person named
    so in full."""
    owners: dict[str, list[str]] = {}
    for a in table.actors.values():
        if a.kind == "person" and len(a.name.split()) > 1:
            owners.setdefault(a.name.split()[-1], []).append(a.id)
    for tok in doc:
        ids = owners.get(tok.text)
        if ids and len(ids) == 1 and tok.i not in gaz_tokens and table.at(tok.i) is None and tok.pos_ == "PROPN":
            table.mention(ids[0], tok.i, tok.i + 1, "surname")


def _complete_from_leaders(table: ActorTable, on_date: str | None) -> None:
    """What the text leaves out about a head of state or government, from the leaders table: the full
    name behind "President Aliyev", the state behind "Reagan", the office. The text always wins."""
    for actor in list(table.actors.values()):
        if actor.kind != "person":
            continue
        leader = leaders.lookup(actor.name, actor.title, on_date)
        if leader is None or actor.country and actor.country != leader.country and leader.country not in leaders.BODIES:
            continue
        body = leaders.BODIES.get(leader.country)
        if body is not None:
            table.affiliation.setdefault(actor.id, body)
        elif actor.country is None:
            actor.country = leader.country
        actor.title = actor.title or leader.office
        actor.sector = actor.sector or ("IGO" if body else "GOV")
        if actor.name != leader.name and leader.name.lower().endswith(actor.name.lower()):
            new_id = "person:" + slug(leader.name)
            table.retarget(actor.id, new_id)
            table.actors[new_id].name = leader.name


_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}


def _clean_person(ent: Span) -> Span | None:
    doc = ent.doc
    a, b = ent.start, ent.end
    words = title_words()
    while a < b and (doc[a].lower_ in words or not doc[a].is_alpha or doc[a].text.endswith(".") and len(doc[a]) <= 5):
        a += 1
    while b > a and (not doc[b - 1].is_alpha and doc[b - 1].text not in _SUFFIXES or doc[b - 1].lower_ in ("'s", "’s")):
        b -= 1
    if b < len(doc) and doc[b].text in _SUFFIXES and b == ent.end:
        b += 1  # "Ferdinand Marcos Jr." is not his father
    end = b
    while end < len(doc) and end - b < 3 and doc[end - 1].lower_ in _PARTICLES and (
            doc[end].text[:1].isupper() or doc[end].lower_ in _PARTICLES):
        end += 1  # "Miguel de la" + "Madrid", "Ursula von" + "der Leyen": the tagger stopped inside the name
    if b == ent.end and doc[end - 1].text[:1].isupper():
        b = end
    if b <= a:
        return None
    span = doc[a:b]
    if not any(t.text[:1].isupper() and t.lower_ not in words for t in span):
        return None
    if len(span) == 1 and (span[0].is_upper and len(span[0]) <= 3 or span[0].lower_ in ("res", "mr", "mrs")):
        return None
    if BUS_ORG.search(span[-1].text) or GOV_ORG.search(span[-1].text) or named_company(span):
        return None  # "Unimar Seetransport", "the shipbuilder Hanwha Ocean": a body taken for a person
    return span


def _titled_names(doc: Doc, found: list[Span], gaz_tokens: set[int]) -> list[Span]:
    """Names the tagger missed after a capitalised title head: "Oil Minister Mana al-Oteiba",
    "Minister of Digital Development and Transport Rashad Nabiyev", "Ambassador to Estonia Hiroshi
    Takeuchi". The capitalised run after the head holds the portfolio and then the name; the name is
    its tail of words that are neither title words nor state names."""
    taken = {i for s in found for i in range(s.start, s.end)}
    words = title_words()
    out = []
    for tok in doc:
        if not (tok.text[:1].isupper() and has_head([tok])):
            continue
        end = tok.i + 1
        if end < len(doc) and doc[end].lower_ in ("of", "to", "for", "in"):
            end += 1
        while end < len(doc) and end - tok.i < 14 and end not in taken and (
                _name_like(doc[end]) or doc[end].lower_ in ("and", "the", "&") and end + 1 < len(doc)
                and _name_like(doc[end + 1]) and end + 1 not in gaz_tokens
                or doc[end].lower_ == "of" and end + 1 < len(doc) and _name_like(doc[end + 1])  # "... of Peru"
                or portfolio_comma(doc[end])  # "Minister of Trade, Industry and Energy Ahn Duk-geun"
                or _hyphen_inside(doc, end)):
            if end in gaz_tokens and end + 1 < len(doc) and doc[end + 1].text in ("'s", "’s"):
                break  # "... Leila Benali and Nigeria's Minister": the next person's title begins
            end += 1
        if end < len(doc) and doc[end].text in _SUFFIXES:
            end += 1
        start = end
        while start > tok.i + 1 and end - start < 5 and (
                _name_like(doc[start - 1]) or _hyphen_inside(doc, start - 1)) and (
                doc[start - 1].lower_ not in words) and (
                start - 1 not in gaz_tokens or doc[start - 2].lower_ in _PARTICLES):
            start -= 1  # "Miguel de la Madrid": a place name after a particle belongs to the name
        first = next((k for k in range(start, end - 1) if is_given_name(doc[k].text)), None)
        if first is not None and start - 1 not in gaz_tokens:  # "of Vietnam Bui Thanh Son": all of it a name
            start = first  # "Minister of Energy Transition Leila Benali": the name starts at "Leila"
        if start < end and (end - start >= 2 or doc[start].ent_type_ in ("PERSON", "")):
            span = doc[start:end]
            if not (BUS_ORG.search(span[-1].text) or GOV_ORG.search(span[-1].text)):
                out.append(span)
    return out


def _leader_surnames(doc: Doc, found: list[Span], gaz_tokens: set[int], on_date: str | None,
                     body_start: int) -> list[Span]:
    """A serving leader's surname the tagger missed ("Trump and Putin have agreed ...")."""
    taken = {i for s in found for i in range(s.start, s.end)} | gaz_tokens
    return [doc[t.i:t.i + 1] for t in doc if t.i not in taken and t.pos_ == "PROPN" and t.is_alpha
            and t.text[:1].isupper() and not t.is_upper and t.ent_type_ in ("", "ORG", "NORP")
            and t.idx >= body_start and leaders.serving_surname(t.text, on_date)]


def _name_like(tok: Token) -> bool:
    """A word of a name: capitalised ("Nabiyev"), or a particle of one ("al-Oteiba", "bin")."""
    return (tok.text[:1].isupper() and (tok.is_alpha or "-" in tok.text or "'" in tok.text)) or (
        tok.lower_ in _PARTICLES or tok.lower_.startswith("al-"))


_PARTICLES = {"al", "bin", "ibn", "de", "la", "le", "du", "di", "van", "von", "der", "da", "del", "dos", "ben", "abu",
              "el"}


def _counterparts(doc: Doc, table: ActorTable) -> None:
    """"his Philippine counterpart Enrique Manalo" holds the office of the person "his" refers to."""
    for actor in table.actors.values():
        if actor.kind != "person" or (actor.title or "").lower() != "counterpart":
            continue
        info = table.person_info.get(actor.id)
        if info is None or info.start == 0:
            continue
        poss = doc[info.start - 1] if doc[info.start - 1].tag_ == "PRP$" else None
        other = table.resolve_pronoun(poss) if poss is not None else None
        if other is not None and table.actors[other.actor].title:
            actor.title = table.actors[other.actor].title


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
        country = state_in(info.holder_tokens, matches)
        org = org_in(info.holder_tokens, matches)
        if org is not None:
            table.affiliation.setdefault(actor.id, org)
            country = country or gaz.organizations[org].get("country")
            if gaz.organizations[org].get("sector") == "IGO":
                actor.sector = actor.sector or "IGO"
    if info.span and actor.id not in table.affiliation:
        org = org_in(info.span, matches)  # "Director-General of the Food and Agricultural Organisation"
        if org is not None:
            table.affiliation[actor.id] = org
            if gaz.organizations[org].get("sector") == "IGO":
                return  # an international civil servant speaks for his organisation, not a state
    if info.span and country is None:
        country = state_in(info.span, matches)
    # "King Fahd of Saudi Arabia"
    if country is None and info.end < len(doc) - 1 and doc[info.end].lower_ == "of":
        country = state_in((info.end + 1, min(len(doc), info.end + 5)), matches)
    if country and actor.country is None:
        actor.country = country


def person_states(doc: Doc, table: ActorTable) -> None:
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
