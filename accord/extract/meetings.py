"""Meetings, talks and visits: PLOVER CONSULT, with its modes.

    visit         "X visited Y", "X arrived in Y", "X is in Y to discuss", "the visiting X", "his visit to
                  Y", "Y hosted X" (the visitor is the actor, the host the recipient; CAMEO 042)
    phone         "X telephoned Y", "a phone call between X and Y" (041)
    multilateral  summits, conferences, a meeting of an international body or of three or more parties
    third-party   two states meeting in a third state's city ("U.S. and Iranian envoys met in Geneva", 044)
    (none)        "X met Y", "talks between X and Y": reciprocal, every party an actor, no recipient (040,
                  negotiation 046)
Talks the sentence names without their parties ("the talks ended", "bilateral negotiations", "talks
between the two countries") take the parties of the story's latest bilateral event, else its two
most-mentioned states. A meeting that the text says did not happen ("no plans for a meeting", "did not
meet") gives none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from accord.extract import arguments as args
from accord.extract.actors import ActorTable
from accord.extract.dates import before_the_news, choose, is_future, time_expressions
from accord.extract.events import Draft, body_sentences, next_sentence, place_of, story_pair
from accord.extract.topics import contexts_of, topics_in
from accord.records import Quote

VISIT_VERBS = {"visit", "arrive", "travel", "fly", "go", "come", "tour", "leave"}
PHONE_VERBS = {"phone", "telephone", "call", "speak"}
MEETING_NOUNS = {"meeting": "040", "meetings": "040", "talks": "040", "summit": "040", "conference": "040",
                 "session": "040", "negotiations": "046", "consultations": "040", "consultation": "040",
                 "gathering": "040", "visit": "042", "visits": "042", "trip": "042", "tour": "042", "round": "046",
                 "call": "041", "conversation": "041", "stay": "042", "rounds": "046"}
_VISIT_NOUNS = {"visit", "visits", "trip", "tour", "stay"}
_MULTILATERAL_NOUNS = {"summit", "conference", "gathering", "session", "assembly", "forum"}
_HOST_VERBS = {"host", "receive", "welcome"}
_CONTEXT_CUES = {"bilateral", "the", "these", "those", "this", "their", "its", "further", "continued", "two"}


@dataclass
class _Ctx:
    table: ActorTable
    reference: str | None
    home: str | None
    earlier: list[Draft]


def find(doc: Doc, table: ActorTable, reference: str | None, body_start: int, home: str | None = None,
         earlier: list[Draft] | None = None) -> list[Draft]:
    """Meetings and visits in the body. ``home`` is the dateline's state ("here", "the visiting
    minister"); ``earlier`` the events found so far, for talks that do not name their parties."""
    ctx = _Ctx(table, reference, home, list(earlier or []))
    drafts: list[Draft] = []
    for sent in body_sentences(doc, body_start):
        used: set[int] = set()
        for tok in sent:
            if tok.i in used:
                continue
            d = _from_token(tok, sent, ctx)
            twin = next((o for o in drafts if d is not None and o.all_parties() == d.all_parties() and (
                o.sentence == sent and not _invited(o, d)
                or d.date is None and d.modality is None and o.modality is None and next_sentence(o.sentence, sent)
                or _same_visit(o, d))), None)  # or "... He said the meeting was useful"
            if d is not None and twin is not None:  # "arrived in Manila ... and held talks with X": one visit
                d.merge_key = twin.merge_key
            if d is not None:
                used |= {t.i for t in tok.subtree} if tok.pos_ == "NOUN" else {tok.i}
                used |= {c.i for c in tok.children if c.lower_ in MEETING_NOUNS}
                drafts.append(d)
                ctx.earlier.append(d)
    return drafts


def _invited(done: Draft, visit: Draft) -> bool:
    """"Kamikawa met Marcos and invited him to visit Tokyo next year": a visit still to come, beside a
    meeting that took place, is another event."""
    return visit.mode == "visit" and visit.modality == "future" and done.modality is None and done.mode != "visit"


def _same_visit(a: Draft, b: Draft) -> bool:
    """One visitor's visit to one host, told twice in a story ("Lula's state visit to China ... Lula arrived in
    Shanghai on Wednesday"), is one visit, unless its dates say two."""
    return a.mode == b.mode == "visit" and a.actors == b.actors and a.recipients == b.recipients and (
        a.modality == b.modality) and (a.date is None or b.date is None or a.date[:7] == b.date[:7])


def _from_token(tok: Token, sent: Span, ctx: _Ctx) -> Draft | None:
    lemma = tok.lemma_.lower()
    if tok.lower_ == "visiting" and tok.pos_ in ("VERB", "ADJ", "NOUN"):  # "the visiting Indonesian Finance Minister"
        visitor = _visitor_after(tok)
        return _visiting(tok, visitor, sent, ctx) if ctx.home and visitor is not None else None
    if tok.pos_ == "VERB" and lemma in VISIT_VERBS:
        return _visit(tok, sent, ctx)
    if tok.pos_ == "VERB" and lemma in PHONE_VERBS and _phone_sense(tok):
        return _meeting(tok, sent, ctx, mode="phone", cameo="041")
    if tok.pos_ == "VERB" and lemma in ("meet", "confer", "consult", "negotiate") or (
            tok.pos_ == "VERB" and lemma in ("talk", "discuss") and args.objects(tok, ("with",))):
        return _meeting(tok, sent, ctx, cameo="046" if lemma == "negotiate" else "040")
    if tok.pos_ == "VERB" and lemma in _HOST_VERBS:
        return _hosted(tok, sent, ctx)
    if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in MEETING_NOUNS:
        return _noun(tok, sent, ctx)
    if lemma == "be" and tok.pos_ in ("AUX", "VERB"):
        return _is_in(tok, sent, ctx)
    return None


def _phone_sense(tok: Token) -> bool:
    return tok.lemma_ in ("phone", "telephone") or any(t.lower_ in ("phone", "telephone", "telephoned")
                                                        for t in tok.sent)


def _denied(tok: Token) -> bool:
    if tok.pos_ in ("NOUN", "PROPN") and args.under_no(tok) or any(c.dep_ == "neg" for c in tok.children):
        return True
    h = tok.head
    return any(c.dep_ == "neg" for c in h.children) and tok.dep_ in ("dobj", "xcomp", "nsubjpass") or any(
        t.lower_ in ("unlikely", "cancelled", "canceled", "postponed", "refused") for t in tok.sent
        if abs(t.i - tok.i) <= 6)


_MAYBE = {"if", "unless", "could", "might", "may", "possible", "possibly", "likely", "perhaps", "proposed"}


def _hypothetical(anchor: Token) -> bool:
    """"could meet", "a possible summit", "likely to meet", "if they meet": the meeting itself is in doubt
    (not "to discuss a possible ceasefire")."""
    verb = anchor.head if anchor.dep_ == "xcomp" else anchor
    return any(t.lower_ in _MAYBE for t in list(anchor.children) + list(verb.children) + [verb.head]
               if t.dep_ in ("aux", "amod", "advmod", "mark", "acomp") or t is verb.head and t.pos_ == "ADJ")


def _parties(tokens: list[Token], table: ActorTable) -> tuple[list[str], list[str]]:
    """(states or bodies, persons) named by argument tokens."""
    parties: list[str] = []
    persons: list[str] = []
    for t in tokens:
        for aid in args.actors_at(table, t):
            if table.actors[aid].kind == "person" and aid not in persons:
                persons.append(aid)
            p = args.party(table, aid)
            if p and p not in parties:
                parties.append(p)
    return parties, persons


def _draft(kind_tok: Token, sent: Span, ctx: _Ctx, actors: list[str], recipients: list[str], persons: list[str],
           mode: str | None, cameo: str, anchor: Token | None = None, guest: str | None = None) -> Draft | None:
    """``guest``: the one subject of talks "with" another, a visitor where they are held in the other's land."""
    if not actors and not recipients or _denied(kind_tok):
        return None
    table = ctx.table
    anchor = anchor or kind_tok
    future = is_future(sent, anchor)
    when = choose(time_expressions(sent, ctx.reference, future), anchor)
    modality = "future" if future else None
    if future and _hypothetical(anchor):
        modality = "hypothetical"
    date, precision = (when.iso, when.precision) if when else (None, None)
    if before_the_news(date, ctx.reference) and not future:
        modality = modality or "historical"
    parties = actors + [r for r in recipients if r not in actors]
    if mode is None and (len(parties) >= 3 or kind_tok.lower_ in _MULTILATERAL_NOUNS or any(
            table.actors.get(p) is not None and table.actors[p].sector == "IGO" for p in parties)):
        mode = "multilateral"
    location = place_of(sent, ctx.table, anchor)
    where = next((loc.country for loc in table.locations if loc.name == location), None)
    two_states = len(parties) == 2 and all(
        table.actors.get(p) is not None and table.actors[p].kind == "country" for p in parties)
    if mode is None and not recipients and two_states and where and where not in parties:
        mode, cameo = "third-party", "044"  # "U.S. and Iranian envoys met in Geneva"
    elif mode is None and guest is not None and two_states and where in parties and where != guest:
        mode, cameo = "visit", "042"  # "Putin held talks with Khurelsukh in Ulaanbaatar": Russia visits Mongolia
        actors, recipients = [guest], [where]
    topics = topics_in(sent, kind_tok)
    return Draft(type="CONSULT", cameo=cameo, sentence=sent, actors=actors, recipients=recipients, mode=mode,
                 modality=modality, contexts=contexts_of(topics), date=date, date_precision=precision,
                 location=location, confidence=0.55 + 0.1 * min(2, len(parties)),
                 trigger=kind_tok.i, merge_key=("consult", frozenset(parties), date, modality),
                 participants=persons)


def _meeting(verb: Token, sent: Span, ctx: _Ctx, mode: str | None = None, cameo: str = "040") -> Draft | None:
    tokens = args.subjects(verb) + args.direct_objects(verb) + args.objects(verb, ("with", "between", "among"))
    for obj in args.objects(verb, ("by", "over", "via", "on")):  # "spoke by telephone with X"
        tokens += args.objects(obj, ("with",))
        if obj.lower_ in ("telephone", "phone", "videoconference", "video"):
            mode, cameo = "phone", "041"
    parties, persons = _parties(tokens, ctx.table)
    if len(parties) < 2 and not (parties and args.objects(verb, ("with",))):
        return None
    guest = _guest(verb, args.objects(verb, ("with",)), ctx.table)
    return _draft(verb, sent, ctx, parties, [], persons, mode, cameo, guest=guest)


def _guest(verb: Token, with_: list[Token], table: ActorTable) -> str | None:
    """The one side that holds talks "with" another ("Putin held talks with Khurelsukh"): a guest where
    the talks are held in the other's land."""
    subjects = _parties(args.subjects(verb), table)[0]
    return subjects[0] if len(subjects) == 1 and with_ else None


def _visit(verb: Token, sent: Span, ctx: _Ctx) -> Draft | None:
    visitors, persons = _parties(args.subjects(verb), ctx.table)
    lemma = verb.lemma_.lower()
    hosts_tokens = args.direct_objects(verb) if lemma in ("visit", "tour") else args.objects(
        verb, ("to", "in", "for") if lemma != "leave" else ("for",))
    hosts, host_persons = _parties(hosts_tokens, ctx.table)
    hosts += [h for h in _place_states(hosts_tokens, ctx) if h not in hosts]
    if ctx.home and any(c.lower_ == "here" for c in verb.children):
        hosts.append(ctx.home)
    hosts = [h for h in hosts if h not in visitors]
    if not visitors or not hosts:
        return None
    if lemma in ("go", "come", "fly", "travel") and not _purposeful(verb):
        return None
    return _draft(verb, sent, ctx, visitors, hosts, persons + host_persons, "visit", "042")


def _purposeful(verb: Token) -> bool:
    """"go to Wellington for talks with New Zealand": travel that is a visit."""
    return any(t.lower_ in MEETING_NOUNS or t.lemma_ in ("meet", "discuss", "visit", "sign") for t in verb.sent
               if t.i > verb.i)


def _hosted(verb: Token, sent: Span, ctx: _Ctx) -> Draft | None:
    hosts, host_persons = _parties(args.subjects(verb), ctx.table)
    guests, guest_persons = _parties(args.direct_objects(verb), ctx.table)
    guests = [g for g in guests if g not in hosts]
    if not hosts or not guests:
        return None
    return _draft(verb, sent, ctx, guests, hosts, guest_persons + host_persons, "visit", "043")


def _noun(noun: Token, sent: Span, ctx: _Ctx) -> Draft | None:
    if noun.lower_ == "call" and not any(t.lower_ in ("phone", "telephone", "courtesy") for t in noun.children):
        return None
    if noun.lower_ == "round" and not any(c.lower_ == "of" for c in noun.children) and noun.head.lower_ not in (
            "talks", "negotiations"):
        return None
    if noun.lower_ == "stay" and noun.pos_ != "NOUN":
        return None
    table = ctx.table
    tokens = args.objects(noun, ("between", "with", "among", "of"))
    tokens += [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    verb = noun.head if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr") else None
    if verb is not None and noun.dep_ == "pobj":
        verb = verb.head
        if verb.lower_ in ("round", "rounds", "series", "number") and verb.dep_ in ("dobj", "nsubj", "pobj"):
            verb = verb.head  # "held two rounds of talks"
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        tokens += args.subjects(verb) if noun.dep_ != "nsubj" else args.direct_objects(verb)
        tokens += args.objects(verb, ("with", "between"))
        if noun.dep_ == "nsubj" and verb.lemma_ in _GATHERING_VERBS:  # "The meeting involved delegates from
            tokens += _listed(args.objects(verb, ("from",)) + [o for d in args.direct_objects(verb)  # A, B, C"
                                                              for o in args.objects(d, ("from",))])
    parties, persons = _parties(tokens, table)
    for m in table.nested:  # "a Franco-German meeting", "U.S.-Canadian consultations"
        if noun.left_edge.i <= m.start < noun.i and table.actors[m.actor].kind == "country" and m.actor not in parties:
            parties.append(m.actor)
    if noun.lower_ in _VISIT_NOUNS:
        return _visit_noun(noun, sent, ctx, parties, persons, verb)
    body = next((p for p in parties if table.actors.get(p) is not None and table.actors[p].kind == "organization"
                 and table.actors[p].sector != "BUS"), None)
    if len(parties) < 2 and body is None and (_implicit_sides(noun) or args.objects(noun, ("with",))):
        parties += [p for p in story_pair(ctx.table, ctx.earlier, sent.start) if p not in parties][:2 - len(parties)]
    if len(parties) < 2 and body is None:
        return None  # a meeting of one body ("a session of the council") stands alone; else two sides
    mode = "phone" if MEETING_NOUNS[noun.lower_] == "041" else None
    guest = _guest(verb, args.objects(verb, ("with",)) + args.objects(noun, ("with",)), table) if (
        verb is not None and verb.pos_ in ("VERB", "AUX") and noun.dep_ == "dobj") else None  # "held talks with"
    return _draft(noun, sent, ctx, parties, [], persons, mode, MEETING_NOUNS[noun.lower_], verb, guest=guest)


_GATHERING_VERBS = {"involve", "include", "bring", "gather", "draw", "attract", "group"}


def _listed(tokens: list[Token]) -> list[Token]:
    """The tokens and those listed beside them, which the parser chains as appositions ("the U.K.,
    Switzerland, the U.S. and Canada")."""
    out: list[Token] = []
    todo = list(tokens)
    while todo:
        t = todo.pop(0)
        if t not in out:
            out.append(t)
            todo += [c for c in t.children if c.dep_ in ("appos", "conj")]
    return out


def _implicit_sides(noun: Token) -> bool:
    """"the talks", "bilateral negotiations", "talks between the two countries", "after talks"."""
    if any(c.lower_ in _CONTEXT_CUES for c in noun.subtree if c.i < noun.i):
        return True
    if any(c.lower_ in ("sides", "countries", "nations", "blocs", "governments") for c in noun.subtree):
        return True
    if noun.dep_ == "nsubj" and noun.head.lemma_ in ("begin", "resume", "open", "end", "continue", "start", "close",
                                                     "be", "collapse", "break"):
        return True  # "Talks are due to begin in Moscow on Wednesday"
    return noun.dep_ == "pobj" and noun.head.lower_ in ("after", "during", "at", "in")


def _visit_noun(noun: Token, sent: Span, ctx: _Ctx, parties: list[str], persons: list[str],
                verb: Token | None) -> Draft | None:
    """"his two-day visit to Washington", "is here on an official visit", "a visit by X to Y"."""
    table = ctx.table
    hosts = [p for p in parties if _is_destination(noun, p, table)]
    dest = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "in")]
    for prep in dest:
        hosts += [h for h in _place_states(list(prep.subtree), ctx) if h not in hosts]
    if ctx.home and (any(t.lower_ == "here" for t in sent if abs(t.i - noun.i) <= 5)):
        hosts.append(ctx.home)
    visitors = [p for p in parties if p not in hosts]
    if not visitors:
        for c in noun.children:
            if c.dep_ == "poss" and c.lower_ in ("his", "her", "their", "its"):
                r = args.resolve(table, c)
                p = args.party(table, r) if r else None
                if p:
                    visitors.append(p)
                    persons.append(r) if table.actors[r].kind == "person" else None  # type: ignore[func-returns-value]
    if not visitors and verb is not None:
        visitors = [p for p in _parties(args.subjects(verb), table)[0] if p not in hosts]
    if not visitors:  # "Garcia told a press conference at the end of an official visit to Mexico"
        visitors = [p for p in _parties(args.subjects(sent.root), table)[0] if p not in hosts]
    hosts = [h for h in dict.fromkeys(hosts) if h not in visitors]
    if not visitors or not hosts:
        return None
    return _draft(noun, sent, ctx, visitors, hosts, persons, "visit", "042", verb)


def _is_destination(noun: Token, party: str, table: ActorTable) -> bool:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "in"):
            for o in c.subtree:
                m = table.at(o.i)
                if m is not None and (m.actor == party or args.party(table, m.actor) == party):
                    return True
    return False


def _visitor_after(visiting: Token) -> Token | None:
    """Who "visiting" describes: its head ("the visiting minister"), or, where the parser hung it elsewhere
    ("as visiting Australian Prime Minister Anthony Albanese met"), the noun phrase right after it."""
    if visiting.dep_ == "amod":
        return visiting.head if visiting.head.pos_ in ("NOUN", "PROPN") else None
    if visiting.dep_ == "pcomp" and visiting.i + 1 < len(visiting.doc):
        noun = visiting.doc[visiting.i + 1]
        while noun.dep_ in ("amod", "compound") and noun.head.i > noun.i:
            noun = noun.head
        return noun if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("nsubj", "nsubjpass") else None
    return None


def _visiting(tok: Token, visitor: Token, sent: Span, ctx: _Ctx) -> Draft | None:
    visitors, persons = _parties([visitor], ctx.table)
    visitors = [v for v in visitors if v != ctx.home]
    if not visitors or ctx.home is None:
        return None
    return _draft(tok, sent, ctx, visitors, [ctx.home], persons, "visit", "042")


def _is_in(be: Token, sent: Span, ctx: _Ctx) -> Draft | None:
    """"Iranian Oil Minister Aqazadeh is in the United Arab Emirates to discuss oil prices"."""
    subj = [c for c in be.children if c.dep_ == "nsubj"]
    prep = next((c for c in be.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    if not subj or prep is None or not any(c.dep_ in ("advcl", "xcomp") for c in be.children):
        return None
    visitors, persons = _parties(subj, ctx.table)
    hosts = [h for h in _place_states(list(prep.children), ctx) if h not in visitors]
    if not visitors or not hosts or not any(ctx.table.actors[p].kind == "person" for p in persons):
        return None
    return _draft(be, sent, ctx, visitors, hosts, persons, "visit", "042")


def _place_states(tokens: list[Token], ctx: _Ctx) -> list[str]:
    """The states of the places the tokens name ("arrived in Tokyo" -> JPN), added as actors so that the
    event can name them; the place is their mention."""
    out = []
    for t in tokens:
        for loc in ctx.table.locations:
            if loc.start <= t.i < loc.end and loc.country and loc.country not in out:
                ctx.table.nested_mention(ctx.table.place_state(loc), loc.start, loc.end, "place")
                out.append(loc.country)
        if t.lower_ == "here" and ctx.home and ctx.home not in out:
            out.append(ctx.home)
    return out


_GREETING = re.compile(r"^[\s\"“‘']*(?:(?:I|We)\s+(?:warmly\s+)?)?welcome\b", re.I)
_VOCATIVE = re.compile(r"\b(?:Mr\.?|Madam|Mrs\.?|Ms\.?)\s+(Minister|President|Prime Minister|Secretary|Ambassador|"
                       r"Chairman|Speaker|Foreign Minister)\b|\b(delegation|Excellency)\b", re.I)
_INVITE = re.compile(r"\b(?:let|invite[sd]?|ask(?:ed)?|tell|told|urge[sd]?)\s+(him|her|them|you)\s+(?:to\s+)?"
                     r"(?:come\s+(?:and\s+)?)?"
                     r"(?:to\s+)?visit\b", re.I)


def from_quotes(doc: Doc, table: ActorTable, quotes: list[Quote], reference: str | None) -> list[Draft]:
    """Meetings that speakers state in their own words: a host's welcome to a visiting minister and
    his delegation ("Welcome, Mr. Minister, and your distinguished delegation": a visit, the guests'
    state the actor, the speaker's the recipient), and an invitation ("let him come and visit us":
    PLOVER AGREE, CAMEO 036, intent to meet, future)."""
    drafts = []
    for q in quotes:
        if q.kind != "direct" or q.speaker is None or table.actors.get(q.speaker) is None:
            continue
        host = args.party(table, q.speaker)
        if host is None:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        for sent in span.sents:
            d = _greeting(sent, table, q, host, reference) or _invitation(sent, table, q, host)
            if d is not None:
                drafts.append(d)
    return drafts


def _greeting(sent: Span, table: ActorTable, q: Quote, host: str, reference: str | None) -> Draft | None:
    m = _VOCATIVE.search(sent.text)
    if not _GREETING.match(sent.text) or m is None:
        return None
    office = (m.group(1) or "minister").lower()
    guests = [a for a in table.actors.values() if a.kind == "person" and a.country and a.country != host
              and office.split()[-1] in (a.title or "").lower()]
    if not guests:
        return None
    guest = min(guests, key=lambda a: min((abs(s - q.start) for s, _ in table.spans(a.id)), default=10**9))
    date = reference[:7] if reference else None
    return Draft(type="CONSULT", cameo="042", sentence=sent, actors=[guest.country], recipients=[host],
                 mode="visit", date=date, date_precision="month" if date else None, date_guessed=True,
                 confidence=0.6, trigger=sent.start, participants=[q.speaker, guest.id],
                 merge_key=("consult", frozenset({guest.country, host}), None, None))


def _invitation(sent: Span, table: ActorTable, q: Quote, host: str) -> Draft | None:
    m = _INVITE.search(sent.text)
    if m is None:
        return None
    pronoun = sent.doc.char_span(sent.start_char + m.start(1), sent.start_char + m.end(1))
    speaker = frozenset({q.speaker}) if q.speaker else frozenset()
    guest = table.resolve_pronoun(pronoun[0], exclude=speaker) if pronoun is not None and m.group(
        1).lower() != "you" else None
    guest_state = args.party(table, guest.actor) if guest is not None else None
    if guest_state is None or guest_state == host:
        return None
    return Draft(type="AGREE", cameo="036", sentence=sent, actors=[host], recipients=[guest_state],
                 modality="future", contexts=["diplomatic"], confidence=0.55, trigger=sent.start,
                 participants=[q.speaker, guest.actor],  # type: ignore[union-attr]
                 merge_key=("invite", host, guest_state))
