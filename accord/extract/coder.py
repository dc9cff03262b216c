"""PLOVER event coder: every event type, with CAMEO code, mode, contexts, modality, actors and recipients.

For each sentence of the body (sentences over ``MAX_SENTENCE_TOKENS`` tokens are left alone: a parse
that long is noise, and the time must stay bounded):
  1. candidates (``coder_features``): verb chains and the event nouns they leave free, with their
     agents and patients;
  2. the model (``coder_model.json``, trained by ``scripts/train_coder.py``) gives each candidate a
     distribution over the PLV types (CONCEDE and RETREAT as YIELD) and NONE; the best type is an event
     when its probability reaches the model's threshold, a higher one where no lexicon word backs it
     (the trigger, its particle, object or complement); confidence is 0.5 + p / 2;
  3. CAMEO's conventions, which PLV follows: a negated cooperative act is a refusal, coded REJECT
     ("will not lift the ban", 12x "decline to ...") with no modality, since the refusal happened; a
     cooperative act stated as future is the intent, AGREE (03x), with modality "future"; any other act
     that the text negates ("did not attack") or disowns ("denied attacking", "denied that its troops
     attacked") keeps its type with modality "negation", so that it is never reported as asserted;
  4. YIELD becomes RETREAT (release, return, withdraw, ceasefire, ease sanctions, allow access) or
     CONCEDE; the CAMEO code is the most specific lexicon entry of the type, composed for chains
     ("agreed to release" 0353, "refused to meet" 125), else the type's root code;
  5. actors are the agents' actors, recipients the patients'. A conjunction gives a list, not dyads, and
     a reciprocal act ("X and Y agreed", "clashes between X and Y") has every party as actor and no
     recipient; the actor of a passive ASSAULT is its perpetrator (the "by" phrase), never its victim.
     An argument that names no known actor gets one (``_register``): a place stands for its state, any
     other noun phrase becomes a person, organisation or group with a PLOVER sector from its noun;
  6. modality (future, hypothetical, historical), date, contexts.
Triggers that agreements and meetings already coded with the same type are skipped.
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from accord import knowledge
from accord.extract import arguments as args
from accord.extract.actors import ActorTable, slug
from accord.extract.coder_features import (
    GROUP,
    Candidate,
    Model,
    candidates,
    clauses,
    conditional,
    features,
    is_future,
    lemma,
    lex_type,
    lexicon,
    objects_of,
)
from accord.extract.dates import choose, time_expressions
from accord.extract.events import Draft, body_sentences, cameo_info, next_sentence, place_of, story_pair
from accord.extract.organisations import TOPIC_ACRONYMS
from accord.extract.topics import contexts_of, topics_in
from accord.records import Actor

log = logging.getLogger("accord")

MAX_SENTENCE_TOKENS = 150
REPORTING_MIN = 0.3  # probability a plain reporting verb ("said", "told") needs to be coded as an act
REGISTER_THINGS = True  # probability a plain reporting verb ("said", "told") needs to be coded as an act
MODEL_ENV = "ACCORD_CODER_MODEL"
DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "knowledge" / "coder_model.json"
SUPPORT = ("L:", "cue=", "neg&L:", "fut&L:")  # features that show the lexicon knows the words
CLAUSE_ONLY = ("L:c=", "L:co=")  # ... of a reported clause, which is a candidate of its own
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "CONCEDE", "RETREAT"}
_model_path: Path | None = None


def use_model(path: str | Path | None) -> None:
    """Code with the weights at ``path`` from now on (None: back to the environment or the bundled file).

    The k-fold benchmark uses it to code each held-out fold with weights trained without it."""
    global _model_path
    _model_path = Path(path) if path is not None else None


def current_model() -> Model | None:
    path = _model_path or Path(os.environ.get(MODEL_ENV) or DEFAULT_MODEL)
    return _load(str(path))


@functools.cache
def _load(path: str) -> Model | None:
    if not Path(path).is_file():
        log.warning("no PLOVER coder model at %s: only agreements and meetings are coded", path)
        return None
    return Model.load(path)


def code_events(doc: Doc, table: ActorTable, reference: str | None, body_start: int,
                skip: list[Draft]) -> list[Draft]:
    """PLOVER events of the body of ``doc`` that ``skip`` (agreements, meetings) does not already hold."""
    model = current_model()
    if model is None:
        return []
    drafts: list[Draft] = []
    for sent in body_sentences(doc, body_start):
        if len(sent) > MAX_SENTENCE_TOKENS:
            continue
        for cand in candidates(sent):
            d = _code(cand, sent, table, reference, model, skip)
            if d is not None:
                drafts.append(d)
    return drafts


def _code(cand: Candidate, sent: Span, table: ActorTable, reference: str | None, model: Model,
          skip: list[Draft]) -> Draft | None:
    feats = features(cand, table)
    probs = model.probs(feats)
    etype, p = max(((c, v) for c, v in probs.items() if c != "NONE"), key=lambda cv: cv[1])
    if p < model.threshold or p < model.threshold_free and not any(x.startswith(SUPPORT) and not x.startswith(
            CLAUSE_ONLY) for x in feats):
        return None  # a word the codebook lexicon does not know needs stronger evidence
    reporting = lemma(cand.head) in lexicon()["reporting"]
    if reporting and (p < REPORTING_MIN or any(d.sentence.start == sent.start for d in skip)):
        return None  # "the ministry said": saying is an event only when what is said clearly is one,
        # and not when agreements or meetings already coded what was said
    if etype == "CONSULT" and lemma(cand.head) == "call" and any(
            c.dep_ in ("oprd", "ccomp") or c.dep_ == "xcomp" and not any(a.tag_ == "TO" for a in c.children)
            for c in cand.head.children):
        return None  # "Modi called it a historic milestone", "called Trump unhinged": a name for it, no phone call
    stated = etype
    etype, negated = _settle(cand, etype)
    etype, cameo = _cameo(cand, etype)
    if _covered(etype, sent, skip) or etype != stated and _covered(stated, sent, skip):
        return None  # "he would discuss it with X": the meeting is coded; its intent would be a twin
    sides = any(a.lower_ in args.SIDES and args.paired(a) for a in cand.agents)  # "the two leaders discussed"
    actors = story_pair(table, skip, sent.start) if sides else _actor_ids(cand.agents, table, patient=False)
    recipients = [r for r in _actor_ids(cand.patients, table, patient=True) if r not in actors]
    if not actors and not recipients or not actors and any(lemma(a) in lexicon()["texts"] for a in cand.agents):
        return None  # "the agreement will cover ...": a text does not act
    refusal = cand.negated and not negated  # "will not lift the ban": a REJECT that happened, now
    negated = negated or cand.kind == "noun" and args.under_no(cand.head)
    modality = "negation" if negated else None if refusal else _modality(cand, etype)
    when = choose(time_expressions(sent, reference, modality == "future"), cand.head)
    date, precision = (when.iso, when.precision) if when else (None, None)
    if modality is None and _historical(cand, date, reference):
        modality = "historical"
    talks = _meeting_told(etype, actors, date, sent, skip)
    if talks is not None:  # "Putin held talks with Khurelsukh. The two leaders discussed energy.": those talks
        talks.extra_evidence.append(sent)
        return None
    key = ("coder", etype, frozenset(actors), frozenset(recipients), date, modality) if date else None
    return Draft(type=etype, cameo=cameo, sentence=sent, actors=actors, recipients=recipients, modality=modality,
                 contexts=contexts_of(topics_in(sent, cand.head)), date=date, date_precision=precision,
                 location=place_of(sent, table, cand.head),
                 confidence=round(_confidence(p), 3), trigger=cand.head.i,
                 merge_key=key or ("coder", cand.head.i))


def _meeting_told(etype: str, actors: list[str], date: str | None, sent: Span, skip: list[Draft]) -> Draft | None:
    """The meeting of the sentence just before, when this sentence tells of talks between the same sides
    and gives no date of its own."""
    if etype != "CONSULT" or date or len(actors) < 2:
        return None
    return next((d for d in reversed(skip) if d.type == "CONSULT" and set(actors) <= d.all_parties()
                 and next_sentence(d.sentence, sent)), None)


def _covered(etype: str, sent: Span, skip: list[Draft]) -> bool:
    """Agreements or meetings already coded an event of this type in this sentence: theirs stands,
    with its own reading of the parties (states, signatories, participants), and ours would be a twin."""
    return any(d.sentence.start == sent.start and d.type == etype for d in skip)


# --- type, polarity, code ------------------------------------------------------------------------

def _settle(cand: Candidate, etype: str) -> tuple[str, bool]:
    """(type, negated) after CAMEO's conventions, which PLV follows: a refused or negated cooperative
    act is a REJECT ("will not lift the ban", 12x) that did happen; a cooperative act stated as future
    is an AGREE, the expressed intent ("will release the prisoners", 03x); other negated or denied
    acts keep their type and are marked negated."""
    denial = lexicon()["denial"]
    inner = _inner_type(cand)
    if lemma(cand.head) in denial and inner not in (None, "REJECT"):
        return inner, True  # "denied attacking the convoy"
    if _denied_clause(cand.head):
        return etype, True  # "denied that its troops attacked the convoy"
    base = _head_type(cand) or etype
    if cand.negated:
        if etype == "REJECT" and GROUP.get(base) == "mconf":
            return base, True  # "did not attack": the attack, negated, not a refusal
        if etype == "REJECT" or etype in COOPERATIVE or base in COOPERATIVE:
            return "REJECT", False
        return etype, True
    if is_future(cand) and etype in COOPERATIVE and etype != "AGREE" and base in COOPERATIVE:
        return "AGREE", False
    return etype, False


def _denied_clause(head: Token) -> bool:
    gov = head.head
    if head.dep_ == "pcomp" and gov.dep_ == "prep":
        gov = gov.head
    return head.dep_ in ("ccomp", "xcomp", "pcomp") and lemma(gov) in lexicon()["denial"]


def _head_type(cand: Candidate) -> str | None:
    """The lexicon type of what the chain does, without its negation ("lift the ban": YIELD)."""
    codes = _lexicon_codes(cand)
    return lex_type(codes[0]) if codes else None


def _inner_type(cand: Candidate) -> str | None:
    """The lexicon type of a chain's complement: "agreed to *release*", "refused to *meet*"."""
    verbs = lexicon()["verbs"]
    for tok in cand.members[1:] + clauses(cand):
        if lemma(tok) in verbs:
            return lex_type(verbs[lemma(tok)])
    return None


def _lexicon_codes(cand: Candidate) -> list[str]:
    """Lexicon codes that the candidate's words state, the most specific reading first."""
    lex = lexicon()
    verbs, nouns, phrases = lex["verbs"], lex["nouns"], lex["phrases"]
    head, h = cand.head, lemma(cand.head)
    objs = [o for m in cand.members for o in objects_of(m)]
    keys = [(phrases, f"{lemma(m)} {lemma(o)}") for m in cand.members for o in objects_of(m)]
    keys += [(verbs, f"{h} {c.lower_}") for c in head.children if c.dep_ in ("prt", "prep")]
    keys += [(phrases, f"{lemma(c)} {lemma(t)}") for t in [head] + objs for c in t.children
             if c.dep_ in ("compound", "amod")]
    keys += [(nouns if cand.kind == "noun" else verbs, h)]
    keys += [(verbs, lemma(m)) for m in cand.members[1:]] + [(nouns, lemma(o)) for o in objs]
    return [table[k] for table, k in keys if k in table]


def _cameo(cand: Candidate, etype: str) -> tuple[str, str]:
    """(PLOVER type, CAMEO code), YIELD resolved into CONCEDE or RETREAT."""
    lex = lexicon()
    codes = _lexicon_codes(cand)
    if etype == "YIELD":
        hit = next((c for c in codes if cameo_info(c).get("type") in ("CONCEDE", "RETREAT")), None)
        return (cameo_info(hit)["type"], hit) if hit else ("CONCEDE", lex["defaults"]["CONCEDE"])
    inner = _inner_type(cand)
    outer = _head_type(cand)
    compose = lex["compose"].get(etype, {})
    if outer == etype and inner is not None:
        key = inner if inner != "YIELD" else _yield_of(cand)
        if key in compose:
            return etype, compose[key]
    hit = next((c for c in codes if cameo_info(c).get("type") == etype), None)
    return etype, hit or lex["defaults"][etype]


def _yield_of(cand: Candidate) -> str:
    codes = [c for c in _lexicon_codes(cand) if cameo_info(c).get("type") in ("CONCEDE", "RETREAT")]
    return cameo_info(codes[-1])["type"] if codes else "CONCEDE"


# --- modality ------------------------------------------------------------------------------------

def _modality(cand: Candidate, etype: str) -> str | None:
    """future / hypothetical from the head's own auxiliaries and clause; a threat is itself real."""
    aux = {c.lower_ for c in cand.head.children if c.dep_ in ("aux", "auxpass")}
    if etype != "THREATEN" and (aux & {"could", "might", "may"} or conditional(cand.head)):
        return "hypothetical"
    return "future" if is_future(cand) else None


def _historical(cand: Candidate, date: str | None, reference: str | None) -> bool:
    """An event dated in an earlier year than the article, or "the 1994 genocide"."""
    if date and reference and date[:4] < reference[:4]:
        return True
    return cand.kind == "noun" and any(c.like_num and len(c.text) == 4 and c.text[:2] in ("19", "20")
                                       for c in cand.head.children if c.dep_ in ("nummod", "compound", "amod"))


# --- actors --------------------------------------------------------------------------------------

def _actor_ids(tokens: list[Token], table: ActorTable, patient: bool) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        for aid in _argument_actors(tok, table, patient):
            if aid not in out:
                out.append(aid)
    return out


def _argument_actors(tok: Token, table: ActorTable, patient: bool) -> list[str]:
    """The actors an argument names; one registered for it where the actor extractor found none.

    A common noun is its own actor ("a Kyrgyz journalist" is a journalist of Kyrgyzstan, not the
    state), with a state named by a noun beside it ("US allies": the allies and the US); "the armies of
    Brazil and Argentina" are those states."""
    m = table.at(tok.i)
    if m is not None:
        return [m.actor]
    if tok.pos_ == "PRON":
        return args.actors_at(table, tok)
    found = args.actors_at(table, tok)
    if tok.pos_ == "NOUN" and not args.objects(tok, ("of", "from")):
        new = _register(tok, table, patient)
        if new is not None:
            named = [x.actor for x in (table.at(i) for i in range(tok.left_edge.i, tok.i)) if x is not None
                     and x.form == "name" and x.actor != new]
            return [new] + list(dict.fromkeys(named))
    if found:
        return found
    new = _register(tok, table, patient)
    return [new] if new is not None else []


def _sector(tok: Token) -> str | None:
    sectors = lexicon()["sectors"]
    groups = knowledge.load("groups")["nouns"]
    if tok.lower_ in groups:
        return groups[tok.lower_]["sector"]
    return sectors.get(lemma(tok))


def _register(tok: Token, table: ActorTable, patient: bool) -> str | None:
    """A new actor for an argument's noun phrase: its state for a place, else a person, organisation
    or group. What an act is done to may be a thing ("rejected the proposal"); who acts may not."""
    lex = lexicon()
    word = lemma(tok)
    if word in lex["never_actors"] or word in lex["nouns"] or not (tok.is_alpha or "-" in tok.text):
        return None
    if tok.text in TOPIC_ACRONYMS:
        return None  # "AI" is a topic, never an actor
    name_of = tok
    while name_of.dep_ in ("compound", "nmod", "amod", "appos") and name_of.head.i != name_of.i:
        name_of = name_of.head
    if name_of.i != tok.i and lemma(name_of) in lex["texts"]:
        return None  # "a Multi-Fibre Agreement (MFA) protocol": words of a text's name, no actor
    if not patient and word in lex["not_actors"]:
        return None
    if args.paired(tok) and any(c.lower_ == "the" for c in tok.children):
        return None  # "between the two democracies": the story's two sides again, no new actor
    for loc in table.locations:
        if loc.start <= tok.i < loc.end and loc.country and not table.taken(loc.start, loc.end):
            table.mention(table.place_state(loc), loc.start, loc.end, "place")
            return loc.country
    start = tok.i
    while start > tok.left_edge.i and table.at(start - 1) is None and tok.doc[start - 1].dep_ in (
            "compound", "amod", "nmod", "nummod") and not tok.doc[start - 1].is_punct:
        start -= 1
    span = tok.doc[start:tok.i + 1]
    actor = _new_actor(span, tok, _state_of(tok, table))
    known = actor.id in table.actors
    actor = table.add(actor)
    if table.mention(actor.id, span.start, span.end, "group" if actor.kind == "group" else actor.kind) is None:
        if not known:
            del table.actors[actor.id]
        return None
    return actor.id


def _state_of(tok: Token, table: ActorTable) -> str | None:
    for i in range(tok.left_edge.i, tok.i):
        m = table.at(i)
        if m is not None and m.actor in table.actors and table.actors[m.actor].kind == "country":
            return m.actor
    return None


def _new_actor(span: Span, tok: Token, country: str | None) -> Actor:
    name = span.text
    if tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON":
        return Actor(id="person:" + slug(name), kind="person", name=name, country=country)
    if tok.pos_ == "PROPN":
        return Actor(id="org:" + slug(name), kind="organization", name=name, country=country)
    words = " ".join([t.lower_ for t in span[:-1]] + [lemma(tok)])
    gid = "group:" + (country.lower() + "-" if country else "") + slug(words)
    return Actor(id=gid, kind="group", name=name, country=country, sector=_sector(tok))


def _confidence(p: float) -> float:
    """The model's probability, mapped onto the range the rule-based extractors use (0.5-1), so that
    where two extractors code one sentence differently the coder wins when it is sure of itself."""
    return 0.5 + 0.5 * p
