"""Organisations and groups: named bodies with their state and sector, collective nouns, and the
short mentions that point back to them ("the company", "the ministry", "KPA").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from accord import knowledge
from accord.extract.gazetteer import Gazetteer, GazetteerMatch, state_in
from accord.extract.table import ActorTable, slug
from accord.extract.titles import has_head, head_sector, title_words
from accord.records import Actor

_INSTRUMENT_WORDS = {"mou", "memorandum", "agreement", "treaty", "accord", "pact", "protocol", "declaration",
                     "deal", "contract", "convention", "charter", "communique", "statement", "framework",
                     "partnership"}


GOV_ORG = re.compile(r"\b(ministry|ministries|department|directorate|agency|office|bureau|government|authority|"
                      r"commission|council|central bank|treasury|customs|cabinet|presidency|parliament|"
                      r"secretariat|embassy|consulate|service|administration|board|committee|state bank)\b", re.I)


BUS_ORG = re.compile(r"\b(AG|Inc|Corp|Corporation|Co|Company|Ltd|Limited|Plc|PLC|SA|S\.A|NV|N\.V|GmbH|SpA|Group|"
                      r"Holdings?|Bank|Banque|Banca|Airlines?|Airways|Motors|Industries|Petroleum|Oil|Electric|"
                      r"Steel|Shipping|Seetransport|Trading|Enterprises?|LLC|BV|AB|ASA|Oyj|KK)\b\.?")


_EDU_ORG = re.compile(r"\b(University|Institute|College|School|Academy)\b")


_MIL_ORG = re.compile(r"\b(Army|Navy|Air Force|Armed Forces|Marines|Guard|Brigade|Division|Command)\b")


_COMPANY_NOUNS = {"company", "firm", "group", "shipbuilder", "carrier", "airline", "maker", "manufacturer", "bank",
                  "lender", "insurer", "operator", "producer", "giant", "conglomerate", "contractor", "developer",
                  "supplier", "exporter", "importer", "automaker", "carmaker", "chipmaker", "startup", "start-up",
                  "retailer", "broker", "fund", "utility", "miner", "refiner", "subsidiary", "unit", "house", "line"}


_RANK_TOKENS = {"Brig.", "Gen.", "Res.", "(", ")", "Col.", "Lt.", "Maj.", "Adm.", "Capt.", "Dr.", "Prof."}
TOPIC_ACRONYMS = {"AI", "IT", "ICT", "5G", "6G", "GDP", "R&D", "LNG", "EV", "EVs", "IoT", "ML", "VR", "AR"}
_OWNED_GROUPS = {"creditors", "creditor banks", "banks", "lenders", "partners", "allies"}
_PERSON_NOUNS = {"minister", "president", "official", "spokesman", "spokeswoman", "leader", "secretary", "chairman",
                 "ambassador", "envoy", "prime", "king", "prince", "emir", "head", "chief", "director", "governor"}


def named_company(span: Span) -> bool:
    """A name right after a company noun ("the South Korean shipbuilder Hanwha Ocean")."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in _COMPANY_NOUNS


def organisations(doc: Doc, gaz: Gazetteer, table: ActorTable, ents: list[Span], matches: list[GazetteerMatch],
                   on_date: str | None) -> None:
    portfolio = _portfolio_tokens(doc, table)
    texts = _instrument_acronyms(doc.text)
    for ent in ents:
        if ent.label_ not in ("ORG", "PERSON"):
            continue
        span = _clean_org(ent)
        if span is None or span.text in texts:
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
        country = state_in((span.start, span.end), matches) or _possessor_state(doc, gaz, span, on_date)
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


def bracketed_companies(doc: Doc, table: ActorTable) -> list[Span]:
    """Register the companies wire copy marks with angle brackets ("<Rade Koncar>"), before anything
    else can take their words for a person's name; return their spans."""
    spans = bracketed_names(doc)
    for span in spans:
        if not table.taken(span.start, span.end):
            name = span.text
            actor = table.add(Actor(id=_org_id(table, name), kind="organization", name=name,
                                    sector=_org_sector(name) or "BUS"))
            table.mention(actor.id, span.start, span.end, "org")
    return spans


def bracketed_names(doc: Doc) -> list[Span]:
    """Wire copy marks company names with angle brackets: "<Rade Koncar>"; "<CRNR>" is a ticker."""
    out = []
    for m in re.finditer(r"<([A-Z][^<>\n]{1,60}?)>", doc.text):
        inner = m.group(1)
        if re.fullmatch(r"[A-Z0-9.&-]{1,10}", inner):
            continue  # a ticker: "<CAPH.HKG>"
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


_ACRONYM_OF_TEXT = re.compile(r"\b(?:Agreement|Accord|Treaty|Pact|Protocol|Arrangement|Convention|Charter|"
                              r"Declaration)s?\s*[(,]\s*([A-Z][A-Z0-9]{1,7})\s*[),]")


def _instrument_acronyms(text: str) -> set[str]:
    """Acronyms the story gives a text ("the Multi-Fibre Agreement (MFA)", "the Sixth International Tin
    Agreement, ITA,"): wherever they stand after, they name that text, not a body."""
    return {m.group(1) for m in _ACRONYM_OF_TEXT.finditer(text)}


def _clean_org(ent: Span) -> Span | None:
    doc = ent.doc
    a, b = ent.start, ent.end
    while a < b and (doc[a].lower_ in ("the", "a", "an") or not (doc[a].is_alpha or doc[a].text[:1].isalnum())):
        a += 1
    while b > a and (doc[b - 1].lower_ in ("'s", "’s") or doc[b - 1].is_punct or doc[b - 1].text in _RANK_TOKENS):
        b -= 1  # "the National Cyber Directorate, Brig. Gen." ends before the rank
    if b <= a:
        return None
    span = doc[a:b]
    words = {t.lower_ for t in span}
    if words <= _INSTRUMENT_WORDS | {"of", "understanding", "the", "joint", "mou"} or (
            span[-1].lower_ in _INSTRUMENT_WORDS and len(span) > 1):
        return None  # "the Strategic Partnership Agreement" is an instrument, not a body
    if any(t.lower_ in _INSTRUMENT_WORDS and t.i + 1 < b and doc[t.i + 1].lower_ in ("on", "of", "for", "between")
           for t in span):
        return None  # "the Agreement on Defence Industry Cooperation", "Treaty of Friendship"
    if len(span) == 1 and (span[0].lower_ in title_words() or span[0].lower_ in _PERSON_NOUNS):
        return None
    if all(t.lower_ in title_words() for t in span) and has_head(list(span)):
        return None
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span) or span.text in TOPIC_ACRONYMS:
        return None  # "AI" is a topic, never a body
    return span


def _possessor_state(doc: Doc, gaz: Gazetteer, span: Span, on_date: str | None) -> str | None:
    """"Japan's Ex-Im Bank", "the Soviet Union's central bank", "Group (SEG) of China"."""
    if span.start >= 2 and doc[span.start - 1].text in ("'s", "’s"):
        code = gaz.country_code(doc[span.start - 2].text, on_date)
        if code:
            return code
    for back in range(1, 5):  # "the Hamburg-based shipping line X"
        k = span.start - back
        if k >= 2 and doc[k].lower_ == "based" and doc[k - 1].text == "-":
            code = gaz.place_country(doc[k - 2].text, on_date)
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
    if GOV_ORG.search(name):
        return "GOV"
    if BUS_ORG.search(name):
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
        if low == other or other.startswith(low + " ") or low.startswith(other + " ") or (
                other.endswith(" " + low) and low[:1].isalpha()):
            return aid  # "Sandoz" is "Sandoz AG"; "the Community" is the European Community
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


def groups(doc: Doc, gaz: Gazetteer, table: ActorTable, on_date: str | None, home: str | None) -> None:
    nouns: dict[str, dict] = knowledge.load("groups")["nouns"]
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or table.taken(tok.i, tok.i + 1):
            continue
        if _lender_body(doc, table, tok):
            continue
        key, start = tok.lower_, tok.i
        if tok.i > 0 and f"{doc[tok.i - 1].lower_} {tok.lower_}" in nouns:
            key, start = f"{doc[tok.i - 1].lower_} {tok.lower_}", tok.i - 1
        if key not in nouns or key not in _OWNED_GROUPS and any(c.tag_ == "PRP$" for c in tok.children):
            continue  # "their citizens" is nobody in particular; "its creditor banks" are a party
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN" and doc[tok.i + 1].dep_ != "conj":
            continue  # "government officials": the last noun names the group
        info = nouns[key]
        country, cstart = _group_state(doc, gaz, tok, on_date, table)
        if country is None and info.get("state") and home is not None and any(
                c.lower_ in ("federal", "national", "central") for c in tok.children):
            country = home  # "the federal government" in an Ottawa story
        start = min(start, cstart) if cstart is not None else start
        if info["sector"] == "BUS" and _company(doc, gaz, table, tok, start, country, on_date):
            continue
        if table.taken(start, tok.i + 1):
            if info["sector"] == "BUS" and cstart is not None:
                table.demote(start, tok.i)  # "a Yugoslav firm" is a firm, not Yugoslavia
            else:
                start = tok.i
        if info.get("state") and country:
            table.add(Actor(id=country, kind="country", name=gaz.country_name(country), country=country))
            table.mention(country, start, tok.i + 1, "group")
            continue
        if country is None and tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "agent", "pobj", "conj"):
            continue
        label = (gaz.country_name(country) + " " if country else "") + key
        if cstart is not None and start == cstart:
            label = doc[start:tok.i + 1].text  # the story's words: "Syrian troops", "Yugoslav firm"
        elif country is None and info["sector"] == "BUS":
            start = _modifiers_start(doc, table, start)
            key = label = doc[start:tok.i + 1].text  # "foreign creditor banks", "bank creditors"
        gid = "group:" + (country.lower() + "-" if country else "") + slug(key)
        table.add(Actor(id=gid, kind="group", name=label, country=country, sector=info["sector"]))
        table.mention(gid, start, tok.i + 1, "group")


_LENDER_WORDS = {"bank", "banks", "creditor", "creditors", "lender", "lenders"}


def _lender_body(doc: Doc, table: ActorTable, tok: Token) -> bool:
    """"its commercial bank advisory committee", "the bank steering committee": a body of lenders, a
    party to debt agreements, named by the story's words."""
    if tok.lower_ not in ("committee", "committees", "club", "syndicate", "consortium"):
        return False
    start = _modifiers_start(doc, table, tok.i)
    if start == tok.i or not any(t.lower_ in _LENDER_WORDS for t in doc[start:tok.i]):
        return False
    label = doc[start:tok.i + 1].text
    gid = "group:" + slug(label)
    table.add(Actor(id=gid, kind="group", name=label, sector="BUS"))
    table.mention(gid, start, tok.i + 1, "group")
    return True


def _modifiers_start(doc: Doc, table: ActorTable, i: int) -> int:
    """Where the common-noun modifiers right before token ``i`` begin ("its commercial bank advisory
    committee" -> "commercial")."""
    start = i
    while start - 1 >= 0 and (doc[start - 1].pos_ in ("NOUN", "ADJ") or doc[start - 1].is_lower) and doc[
            start - 1].dep_ in (
            "compound", "amod", "nmod") and not doc[start - 1].text[:1].isdigit() and not table.taken(start - 1, start):
        start -= 1
    return start


def _company(doc: Doc, gaz: Gazetteer, table: ActorTable, tok: Token, start: int, country: str | None,
             on_date: str | None) -> bool:
    """A company noun that names or describes one company: "the state-owned Mogurt trading company"
    names Mogurt; "the Japanese trading company, C. Itoh and Co Ltd," and "Chronar Corp, a U.S. company"
    describe the company named beside them. The state named in the phrase is the company's, not a party."""
    names = [t for t in doc[tok.left_edge.i:tok.i] if t.dep_ == "compound" and t.text[:1].isupper()
             and t.i > t.sent.start and table.at(t.i) is None and gaz.country_code(t.text, on_date) is None]
    beside = None
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == ",":
        beside = table.at(tok.i + 2)
    left = tok.left_edge.i
    if beside is None and left >= 2 and doc[left - 1].text == ",":
        beside = table.at(left - 2)
    if beside is not None and (table.actors.get(beside.actor) is None
                               or table.actors[beside.actor].kind != "organization"):
        beside = None
    if not names and beside is None:
        return False
    if names:
        a, b = names[0].i, names[-1].i + 1
        name = doc[a:b].text
        actor = table.add(Actor(id="org:" + slug(name), kind="organization", name=name, sector="BUS"))
    else:
        actor = table.actors[beside.actor]  # type: ignore[union-attr]
    if actor.country is None:
        actor.country = country
    table.demote(start, tok.i + 1)
    table.mention(actor.id, start, tok.i + 1, "org" if names else "title")
    return True


def _group_state(doc: Doc, gaz: Gazetteer, tok: Token, on_date: str | None,
                 table: ActorTable) -> tuple[str | None, int | None]:
    for i in range(tok.left_edge.i, tok.i):  # "senior French Treasury officials"
        m = table.at(i)
        if m is not None and table.actors.get(m.actor) is not None and table.actors[m.actor].kind == "country" and (
                m.form in ("adjective", "name")):
            return m.actor, m.start
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
                phrase = doc[obj.left_edge.i:obj.i + 1].text
                code = gaz.country_code(phrase, on_date) or gaz.country_code(obj.text, on_date)
                if code:
                    return code, None
    return None, None


def short_mentions(doc: Doc, table: ActorTable) -> None:
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
        target = _latest(table, tok.i, _fits_short(tok, doc[det + 1:tok.i + 1].text))
        if target is not None:
            table.mention(target, det + 1, tok.i + 1, "title")


def _fits_short(tok: Token, phrase: str) -> Callable[[Actor], bool]:
    """Which actors a short mention may mean: a person whose title holds its words, or a body of its kind."""
    noun = tok.lower_
    if has_head([tok]) and noun not in ("head", "chief", "official", "deputy", "speaker"):
        return lambda a: a.kind == "person" and a.title is not None and head_sector(a.title) is not None and (
            _same_office(a.title, phrase))
    if noun in ("company", "firm", "bank", "group", "ministry", "agency", "directorate", "department"):
        return lambda a: a.kind == "organization" and (
            noun in a.name.lower() or noun in ("company", "firm") and a.sector == "BUS")
    return lambda a: False


def _same_office(title: str, phrase: str) -> bool:
    t, p = title.lower(), phrase.lower()
    p_words = [w for w in p.split() if w in title_words()]
    return bool(p_words) and all(w in t for w in p_words)


def _latest(table: ActorTable, before: int, ok: Callable[[Actor], bool]) -> str | None:
    best = None
    for m in table.mentions:
        if m.start < before and m.actor in table.actors and ok(table.actors[m.actor]):
            if best is None or m.start > best.start:
                best = m
    return best.actor if best else None
