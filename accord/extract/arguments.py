"""Who does what to whom: the actors behind a verb's or a noun's syntactic arguments.

Shared by every event extractor, so that "Israel and Azerbaijan have signed", "signed ... with the
Soviet Ministry", "talks between X and Y", "the U.S./USSR grains agreement" and "the company said it
had signed" are read one way everywhere.
"""

from __future__ import annotations

from spacy.tokens import Token

from accord.extract.actors import ActorTable

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "its", "their", "his", "we", "our", "i", "my"}
_FIRST_PERSON = {"we", "our", "us", "i", "my", "me"}


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("Israel and Azerbaijan")."""
    out = [tok]
    for t in tok.conjuncts:
        if t not in out:
            out.append(t)
    return out


def subjects(verb: Token) -> list[Token]:
    """Subjects of ``verb``, inherited through "agreed to sign", "said it would sign" chains."""
    v: Token | None = verb
    for _ in range(4):
        if v is None:
            break
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and v.dep_ == "relcl" and subj[0].lower_ in ("who", "which", "that"):
            return conjuncts(v.head)  # "Mustapha, who leaves for Moscow"
        if subj:
            return [t for s in subj for t in conjuncts(s)]
        objs = [c for c in v.head.children if c.dep_ == "dobj"] if v.dep_ == "xcomp" else []
        if objs and v.head.lemma_ in _OBJECT_CONTROL:
            return conjuncts(objs[0])  # "Modi invited Putin to visit India": Putin visits
        if v.dep_ in ("xcomp", "conj", "advcl", "acl", "relcl") and v.head is not v:
            if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
                return conjuncts(v.head)
            if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):  # "Canada's decision to ratify the pact"
                owner = [c for c in v.head.children if c.dep_ == "poss"]
                infinitive = v.head.lemma_ in _RESOLVE_NOUNS and any(c.tag_ == "TO" for c in v.children)
                return conjuncts(owner[0]) if owner and infinitive else []
            v = v.head
            continue
        break
    return []


_OBJECT_CONTROL = {"invite"}  # verbs whose object does what follows: "invited Putin to visit India". ("Urged
# X to", "asked X to" too, but the coder codes those as the asker's request, and moving their subject cost it.)
_RESOLVE_NOUNS = {"decision", "willingness", "readiness", "refusal", "plan", "intention", "bid", "move", "pledge",
                  "promise", "commitment", "offer", "threat", "vow", "attempt", "effort", "determination", "failure",
                  "agreement", "proposal"}  # "Canada's decision to ratify the pact": Canada ratifies


SIDES = {"sides", "countries", "nations", "presidents", "leaders", "governments", "parties", "delegations",
         "ministers", "states", "neighbours", "neighbors", "allies", "partners"}  # "the two sides", "both leaders"


def paired(tok: Token) -> bool:
    """"The two sides", "both countries": a noun counted as the two of something."""
    return any(c.lower_ in ("two", "both") for c in tok.children)


def agents(verb: Token) -> list[Token]:
    """The objects of a passive verb's "by" phrase: "signed by X and Y"."""
    return [o for c in verb.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
            for o in c.children if o.dep_ == "pobj"]


def objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the given prepositions under ``head`` ("with X", "between X and Y")."""
    out = []
    for c in head.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            for o in c.children:
                if o.dep_ == "pobj":
                    out.extend(conjuncts(o))
    return out


def direct_objects(verb: Token) -> list[Token]:
    return [t for c in verb.children if c.dep_ in ("dobj", "dative") for t in conjuncts(c)]


def actors_at(table: ActorTable, tok: Token) -> list[str]:
    """The actors an argument token names: its own mention, a resolved pronoun, or the mentions in
    its noun phrase ("European Community (EC) foreign ministers" names the EC)."""
    m = table.at(tok.i)
    named = [mm.actor for c in tok.children if c.dep_ == "appos" for t in conjuncts(c)
             if (mm := table.at(t.i)) is not None and table.actors[mm.actor].kind != "group"]
    if m is not None and m.form == "group" and named:
        return list(dict.fromkeys(named))  # "Soviet banks Gosbank and Vneshtorgbank": the banks it names
    if m is not None and m.form == "group":  # "American and Iranian negotiators", "EC and Japanese officials"
        found = [m.actor]
        for i in range(tok.left_edge.i, tok.i):
            mm = table.at(i)
            if mm is not None and mm.actor not in found and table.actors[mm.actor].kind in ("country", "organization"):
                found.append(mm.actor)
        return found
    if m is not None and table.actors[m.actor].kind == "person":
        return _people_joined(table, tok, m.start) + [m.actor]
    if m is not None:
        return [m.actor]
    if tok.lower_ in _PRONOUNS:
        if tok.lower_ in _FIRST_PERSON:
            return []
        r = resolve(table, tok)
        return [r] if r else []
    found: list[str] = []
    left = tok.left_edge.i
    for i in range(left, tok.i + 1):
        mm = table.at(i)
        if mm is not None and mm.actor not in found:
            found.append(mm.actor)
    for a in named:  # "the shipping line Unimar Seetransport", "the bank, Gosbank"
        if a not in found:
            found.append(a)
    after = table.at(tok.i + 1) if not found and tok.i + 1 < len(tok.doc) else None
    if after is not None and tok.doc[tok.i + 1].dep_ == "appos" and table.actors[after.actor].kind != "group":
        found.append(after.actor)  # "the South American bloc Mercosur", the name hung on another noun
    for c in tok.children:  # "the government of Turkey", "officials from Japan"
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            for o in c.children:
                for oo in conjuncts(o):
                    mm = table.at(oo.i)
                    if mm is not None and mm.actor not in found:
                        found.append(mm.actor)
    return found


def _people_joined(table: ActorTable, tok: Token, start: int) -> list[str]:
    """"Kenya's Energy Minister Davis Chirchir and Uganda's Energy Minister Ruth Nankabirwa signed": the
    people the parser folded into the last one's noun phrase, each before an "and" that leads to the next."""
    doc, found = tok.doc, []
    i = start - 1
    while i >= tok.left_edge.i and doc[i].lower_ in ("and", ","):
        mm = table.at(i - 1)
        if mm is None or table.actors[mm.actor].kind != "person" or mm.actor == table.at(tok.i).actor:  # type: ignore[union-attr]
            break
        found.insert(0, mm.actor)
        i = mm.start - 1
    return found


def resolve(table: ActorTable, tok: Token) -> str | None:
    """A pronoun's actor: a person for he/she, else the nearest earlier state, body or group subject."""
    if tok.lower_ in ("he", "she", "him", "her", "his", "hers"):
        m = table.resolve_pronoun(tok)
        return m.actor if m else None
    reporter = _reporter_of(table, tok)
    if reporter is not None:
        return reporter
    best = None
    sents = list(tok.doc.sents)
    idx = next((k for k, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
    floor = sents[max(0, idx - 2)].start
    for m in table.mentions:
        actor = table.actors.get(m.actor)
        if floor <= m.start < tok.i and actor is not None and actor.kind != "person":
            head = tok.doc[m.start:m.end].root
            score = m.start + (1000 if head.dep_ in ("nsubj", "nsubjpass") else 0)
            if best is None or score > best[0]:
                best = (score, m.actor)
    return best[1] if best else None


REPORTING = {"say", "announce", "report", "state", "confirm", "disclose", "reveal"}  # verbs that report news


def _reporter_of(table: ActorTable, tok: Token) -> str | None:
    """"BCI said it and Mediocredito will sign": the body or state that says what "it" will do is "it"."""
    subj = tok
    while subj.dep_ == "conj":
        subj = subj.head
    clause = subj.head
    if subj.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or (
            clause.head.lemma_ not in REPORTING | {"add"}):
        return None
    for s in subjects(clause.head):
        found = [a for a in actors_at(table, s) if table.actors[a].kind != "person"]
        if found:
            return found[-1] if table.actors[found[0]].kind == "group" else found[0]
    return None


_OWN_SIDE = {"BUS", "REB", "OPP", "CRM", "INS"}  # sectors whose groups are no organ of their state


def party(table: ActorTable, actor_id: str) -> str | None:
    """The state or body an actor acts for: a person for his state or organisation, a group for its
    state; states and organisations for themselves."""
    actor = table.actors.get(actor_id)
    if actor is None:
        return None
    if actor.kind == "person":
        org = table.affiliation.get(actor_id)
        if org is not None and table.actors.get(org) is not None and table.actors[org].sector in ("IGO", "BUS", "NGO"):
            return org
        if actor.country:
            return table.state_for(actor.country, actor_id)
        return org if org in table.actors else None
    if actor.kind == "group":  # "Syrian troops" act for Syria; "a Yugoslav firm", "Syrian rebels", Hamas for themselves
        return table.state_for(actor.country, actor_id) if actor.country and actor.sector not in _OWN_SIDE else actor_id
    return actor_id


def under_no(tok: Token, steps: int = 4) -> bool:
    """Is ``tok`` (an event noun) under a "no" or a negation that says it did not happen ("there were
    no plans for an emergency meeting", "no talks were held")?"""
    for _ in range(steps):
        if any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return True
        if tok.head is tok or tok.head.i == tok.i:
            break
        tok = tok.head
    return False
