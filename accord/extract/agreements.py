"""Agreements: memoranda, treaties, accords, pacts, protocols, joint declarations, contracts, letters of
intent, partnerships; what became of them, between whom, who signed, when, on what.

For each mention of an instrument in the body of the article:
  1. the status comes from the verb that governs it ("have signed", "will sign", "rejected", "under
     the accord"); a negated verb ("will not be signed") gives no event at all;
  2. the parties are the bound states and bodies: subjects, "with"/"between" objects and the
     instrument's own modifiers ("the U.S./USSR grains agreement"); a person stands for his state;
  3. signatories ("signed by X and Y", persons as subjects of "sign") and witnesses ("in the
     presence of X");
  4. date, location, topics ("on artificial intelligence"), and the instrument's proper name.
A definite mention with no parties of its own ("The MOU is ...", "The declaration was signed by ...")
is the same agreement as an earlier one, chosen by the states of its signatories, its instrument and
recency, and is merged into it. Areas of cooperation ("will address A, B, C and D", bulleted lists)
attach to the agreement of their sentence or the one before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from accord.extract import arguments as args
from accord.extract.actors import ActorTable
from accord.extract.dates import before_the_news, choose, is_future, lead_day, time_expressions, told_as_past, validity
from accord.extract.events import Draft, body_sentences, most_named, next_sentence, place_of, story_pair
from accord.extract.gazetteer import PLACE_NOUNS
from accord.extract.topics import contexts_of, topics_in, topics_of_text
from accord.records import Agreement

# (tokens, instrument): longest first.
_MULTI = [
    (("memorandum", "of", "understanding"), "memorandum of understanding"),
    (("memoranda", "of", "understanding"), "memorandum of understanding"),
    (("letter", "of", "intent"), "letter of intent"), (("letters", "of", "intent"), "letter of intent"),
    (("letter", "of", "understanding"), "letter of understanding"),
    (("protocol", "of", "intent"), "protocol of intent"), (("protocols", "of", "intent"), "protocol of intent"),
    (("joint", "declaration"), "joint declaration"), (("joint", "statement"), "joint statement"),
    (("joint", "communique"), "joint communique"), (("joint", "communiqué"), "joint communique"),
    (("joint", "venture"), "joint venture"), (("joint", "ventures"), "joint venture"),
    (("framework", "agreement"), "framework agreement"), (("free", "trade", "agreement"), "free trade agreement"),
    (("strategic", "partnership"), "strategic partnership"), (("comprehensive", "partnership"), "partnership"),
]
_SINGLE = {
    "agreement": "agreement", "agreements": "agreement", "accord": "accord", "accords": "accord",
    "treaty": "treaty", "treaties": "treaty", "pact": "pact", "pacts": "pact", "protocol": "protocol",
    "protocols": "protocol", "contract": "contract", "contracts": "contract", "deal": "deal", "deals": "deal",
    "arrangement": "arrangement", "convention": "convention", "conventions": "convention", "charter": "charter",
    "mou": "memorandum of understanding", "mous": "memorandum of understanding",
    "memorandum": "memorandum of understanding", "declaration": "declaration",
    "partnership": "partnership", "understanding": "understanding", "package": "package", "compact": "compact",
    "framework": "framework",
}
_TITLE_HEADS = {"minister", "ambassador", "president", "secretary", "envoy", "representative", "head", "chief",
                "director", "chairman", "governor", "official", "officials", "delegation", "negotiator"}
_QUANTIFIERS = {"some", "any", "several", "many", "more", "further", "other", "such", "future", "new", "all"}
_EARLIER = {"first", "previous", "earlier", "old", "former", "prior", "expired"}
_GENERIC = {"agreement", "accord", "deal", "pact", "arrangement", "understanding"}
_HEAD_INSTRUMENTS = {"agreement", "agreements", "accord", "accords", "pact", "pacts", "deal", "deals", "contract",
                     "contracts", "protocol", "protocols", "treaty", "treaties", "memorandum", "arrangement"}
_NEEDS_CUE = {"declaration", "partnership", "understanding", "package", "charter", "convention", "contract",
              "framework"}
_MUTUAL_VERBS = {"sign", "ink", "initial", "conclude", "seal", "exchange", "reach", "strike", "agree", "renew",
                 "extend", "enter"}  # what two sides do to a text together, not what one body issues
_PACKAGE_MODS = {"loan", "aid", "rescue", "debt", "rescheduling", "financing", "bailout", "credit"}

SIGNED = {"sign", "ink", "conclude", "initial", "seal", "reach", "strike", "clinch", "finalize", "finalise", "agree",
          "adopt", "renew", "extend", "revise", "amend", "forge", "secure", "enter", "establish", "form", "set",
          "launch", "announce", "unveil", "approve", "accept", "complete", "close", "achieve", "hammer", "work",
          "formalise", "formalize", "implement", "win", "award", "grant", "issue", "make", "arrange", "negotiate",
          "arrive"}
RATIFIED = {"ratify", "endorse"}
PLANNED = {"plan", "discuss", "seek", "hope", "draft", "prepare", "study", "consider", "expect", "aim",
           "intend", "pursue", "push", "explore", "examine", "talk", "try", "press", "work", "pave", "eye",
           "mull", "finalise", "finalize", "envisage", "draw"}
PROPOSED = {"propose", "offer", "suggest", "table", "submit", "put"}
SUSPENDED = {"suspend", "freeze", "halt"}
TERMINATED = {"terminate", "end", "scrap", "cancel", "abandon", "withdraw", "quit", "exit", "denounce", "abrogate",
              "annul", "revoke", "tear", "expire", "breach", "collapse", "void"}
REJECTED = {"reject", "refuse", "veto", "spurn", "rebuff", "repudiate"}
_COMPLIANCE = {"break", "violate", "breach", "honour", "honor", "respect", "observe", "implement", "abide", "comply",
               "uphold", "flout", "enforce", "apply",
               "follow", "replace", "supersede", "succeed", "build"}  # "follows an accord reached in December"
_EXIT_VERBS = {"pull", "walk", "back"}  # "pulled out of", "walked away from", "backed out of": ended
_STATUS_VERBS = SIGNED | RATIFIED | PLANNED | PROPOSED | SUSPENDED | TERMINATED | REJECTED | _EXIT_VERBS | {"negotiate"}
_STATUS_CODE = {  # status -> (PLOVER type, CAMEO code)
    "signed": ("SUPPORT", "057"), "ratified": ("SUPPORT", "057"), "agreed": ("AGREE", "030"),
    "planned": ("AGREE", "030"), "proposed": ("AGREE", "030"), "rejected": ("REJECT", "120"),
    "suspended": ("SANCTION", "160"), "terminated": ("SANCTION", "160"),
}
_UNCUED_PREPS = {"under", "within", "following", "after", "since", "upon", "per", "despite", "from", "through",
                 "according", "beyond", "without", "before", "at", "during", "amid", "ahead", "throughout"}
_BACKGROUND_PREPS = {"under", "within", "following", "after", "since", "upon", "per", "despite", "of", "to", "by"}
_HYPOTHETICAL = {"could", "might", "may", "possible", "possibly", "if", "unless", "would", "hypothetical"}
_NEGATIONS = {"not", "n't", "never", "no", "without"}
_FAILURE = {"fail", "collapse", "deny", "stall", "falter", "miss"}


@dataclass
class Instrument:
    head: Token
    start: int
    end: int
    kind: str
    name: str | None


def find(doc: Doc, table: ActorTable, reference: str | None, body_start: int) -> list[Draft]:
    drafts: list[Draft] = []
    definite: set[int] = set()
    stated: set[int] = set()  # definite mentions that a verb says were signed: "the agreement reached in March"
    listed: list[tuple[Draft, Instrument, Span]] = []  # "exchanged the following agreements: 1. MoU on ..."
    intro: Draft | None = None
    sents = body_sentences(doc, body_start)
    for sent in sents:
        here: list[Draft] = []
        named = _named_inside(instruments(sent, table))
        item = _list_item(sent, named) if intro is not None else None
        if item is not None:
            listed.append((intro, item, sent))  # type: ignore[arg-type]
            continue
        if _ITEM_MARK.match(sent.text):
            continue  # "1." the sentencer cut from its item
        intro = None
        for ins in named:
            verb, prep = _governor(ins)
            for d in _draft(ins, verb, prep, sent, table, reference, drafts):
                here.append(d)
                if _definite(ins):
                    definite.add(id(d))
                    if verb is not None and verb.pos_ == "VERB" and verb.lemma_ in SIGNED and prep is None:
                        stated.add(id(d))
        agreed = _agreed(sent, table, reference, drafts, [ins.head for ins in named])
        if agreed is not None:
            here.append(agreed)
        if sent.text.rstrip().endswith(":"):
            intro = next((d for d in here if d.agreement is not None and _counts_texts(d)), None)
        drafts += _merge_same_sentence(here)
    lead = lead_day(sents, reference)
    for d in drafts:
        if d.date_guessed and lead is not None:
            d.date = lead  # the day the lead gives its news, rather than the day it was filed
    _resolve_anaphora(drafts, table, definite, stated)
    _itemise(drafts, listed, table)
    _corefer(drafts, definite, table)
    _name_the_agreed(drafts, definite)
    _terms_reported(drafts, table)
    _headline_word(doc, drafts, body_start)
    _effective_dates(drafts, reference)
    _attach_areas(sents, drafts)
    _signed_by_it(sents, drafts, table)
    _complete_signatory_states(drafts, table)
    return drafts


def instruments(sent: Span, table: ActorTable) -> list[Instrument]:
    doc = sent.doc
    out: list[Instrument] = []
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if table.at(i) is not None and table.actors.get(table.at(i).actor, None) is not None:  # type: ignore[union-attr]
            i += 1  # "General Agreement on Tariffs and Trade", "Warsaw Pact": bodies, not instruments
            continue
        hit = None
        for seq, kind in _MULTI:
            if tuple(t.lower_ for t in doc[i:i + len(seq)]) == seq:
                hit = (i, i + len(seq), kind)
                break
        if hit is None and tok.lower_ in ("document", "documents") and tok.dep_ in ("dobj", "nsubjpass") and (
                tok.head.lemma_ in ("sign", "ink", "initial", "exchange")):
            hit = (i, i + 1, "agreement")  # "will sign formal documents", "the documents signed today"
        if hit is None and tok.lower_ in ("quota", "quotas") and tok.dep_ in ("dobj", "nsubjpass") and (
                tok.head.lemma_ in REJECTED):
            hit = (i, i + 1, "accord")  # "Iraq rejected its OPEC quota": the accord that set it
        if hit is None and tok.lower_ in _SINGLE and tok.pos_ in ("NOUN", "PROPN"):
            kind = _SINGLE[tok.lower_]
            if kind == "package" and not any(c.lower_ in _PACKAGE_MODS for c in tok.children):
                kind = ""
            if kind == "framework" and any(c.lower_ in ("legal", "regulatory", "policy", "institutional", "fiscal",
                                                        "conceptual", "theoretical") for c in tok.children):
                kind = ""  # "a legal framework for data": rules, not a text two sides sign
            if kind == "understanding" and not any(c.lemma_ in ("reach", "sign") for c in [tok.head]):
                kind = ""
            if kind and not _consensus_sense(tok) and not _bare_plural(tok) and not _gathering_sense(tok):
                hit = (i, i + 1, kind)
        if hit is not None and i > sent.start and doc[i - 1].text == "(" and out and out[-1].end >= i - 2:
            i = hit[1]  # "Memorandum of Understanding (MoU)": the same instrument, abbreviated
            continue
        if hit is not None and _bare_plural(doc[hit[1] - 1], hit[0]):
            hit = None  # "firms may enter into joint ventures"
        if hit is not None and hit[1] < sent.end and doc[hit[1]].lower_ in _HEAD_INSTRUMENTS:
            i = hit[1]  # "joint venture agreement", "cooperation protocol": the last noun is the instrument
            continue
        if hit is not None and hit[1] + 3 < sent.end and doc[hit[1]].text == "(" and doc[hit[1] + 2].text == ")" \
                and doc[hit[1] + 3].lower_ in _HEAD_INSTRUMENTS:
            i = hit[1] + 3  # "a Multi-Fibre Agreement (MFA) protocol": the protocol
            continue
        if hit is not None:
            start, end, kind = hit
            head = max(doc[start:end], key=lambda t: t.i if t.pos_ in ("NOUN", "PROPN") else -1)
            if doc[start].lower_ == "joint" or kind in ("memorandum of understanding", "letter of intent",
                                                          "letter of understanding", "protocol of intent"):
                head = doc[start]
                for t in doc[start:end]:
                    if t.head.i < start or t.head.i >= end:
                        head = t
            name = _proper_name(doc, start, end) or _acronym_name(doc, start, sent.start, table) or _apposed_name(head)
            if name not in _PROGRAMMES:
                out.append(Instrument(head, start, end, kind, name))
            i = end
            continue
        i += 1
    return out


_ITEM_MARK = re.compile(r"^\s*(?:[-•*–—·▪]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s*$")


def _list_item(sent: Span, named: list[Instrument]) -> Instrument | None:
    """The instrument a list item opens ("2. Agreement on the establishment of a survey unit;"), if any."""
    if not named:
        return None
    doc = sent.doc
    first = named[0]
    line_start = doc.text.rfind("\n", 0, doc[first.start].idx) + 1
    return first if _ITEM_MARK.match(doc.text[line_start:doc[first.start].idx]) else None


def _itemise(drafts: list[Draft], listed: list[tuple[Draft, Instrument, Span]], table: ActorTable) -> None:
    """"The two sides exchanged the following agreements: 1. MoU on science; 2. Agreement on ...": each text
    the list names is an agreement of its own, signed as the list's lead says, by its own parties where the
    item names two ("MoU between ISRO and the Mauritius Research Council"), else the lead's. The lead's
    plural ("the following agreements") is no agreement of its own once its items are."""
    leads: set[tuple] = set()
    for lead, ins, sent in listed:
        if lead.agreement is None or not lead.all_parties():
            continue
        told = [d for d in drafts if d.merge_key == lead.merge_key]  # "sign five agreements ... the following"
        dated = sorted((d for d in told if d.date is not None), key=lambda d: d.date_guessed)  # stated first
        lead = dated[0] if dated else lead
        own = _parties(ins, None, table)[0]
        parties = own if len(own) >= 2 else list(dict.fromkeys(lead.actors + lead.recipients))
        status = lead.agreement.status
        topics = topics_in(sent, ins.head) or []
        drafts.append(Draft(
            type=lead.type, cameo=lead.cameo, sentence=sent, actors=parties, modality=lead.modality,
            contexts=contexts_of(topics) + ["diplomatic"], date=lead.date, date_precision=lead.date_precision,
            date_guessed=lead.date_guessed, location=lead.location, confidence=0.8, trigger=ins.head.i,
            agreement=Agreement(instrument=ins.kind, name=ins.name, status=status, topics=topics,
                                areas=scope(ins, None)),
            merge_key=("agreement", ins.kind, frozenset(parties), status, ins.head.i)))
        leads.add(lead.merge_key)  # type: ignore[arg-type]
    drafts[:] = [d for d in drafts if not (d.merge_key in leads and _counts_texts(d))]  # the plurals that
    # counted the texts; a text named once in the singular stays


def _counts_texts(d: Draft) -> bool:
    """Is the draft told by a plural ("five agreements", "the following agreements")?"""
    return d.trigger is not None and d.sentence.doc[d.trigger].tag_ == "NNS"


def _bare_plural(tok: Token, start: int | None = None) -> bool:
    """"allowed Western firms to enter into joint ventures": instruments in general, not one."""
    if tok.tag_ != "NNS" or tok.dep_ == "pobj" and tok.head.lower_ == "of":
        return False

    if tok.dep_ == "dobj" and tok.head.lemma_ in ("sign", "ink", "conclude", "initial") and tok.head.tag_ == "VBD" and (
            any(c.dep_ == "nsubj" for c in tok.head.children)):
        return False  # "Estonia and Finland signed agreements covering energy": texts signed that day
    outside = [c for c in tok.children if start is None or c.i < start or c.i > tok.i]
    return not any(c.dep_ in ("det", "poss", "nummod", "compound", "amod", "nmod") or c.dep_ == "prep" and c.lower_ in (
        "with", "between") for c in outside)


def _unknown_subject(verb: Token | None, table: ActorTable) -> bool:
    """The verb's subject is a noun that names no actor we know ("Western creditor governments have
    reached agreement"): the sentence's other states are not its parties."""
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    subj = args.subjects(verb)
    return bool(subj) and all(s.pos_ in ("NOUN", "PROPN") and not args.actors_at(table, s) for s in subj)


def _quantified(ins: Instrument) -> bool:
    """"some protocols", "one of the deals": instruments of a kind, no one's in particular."""
    head = ins.head
    if head.tag_ == "NNS" and head.dep_ == "pobj" and head.head.lower_ == "of" and (
            head.head.head.lower_ in _QUANTIFIERS | {"one", "each", "most", "few", "none", "either", "neither"}):
        return True
    return head.tag_ == "NNS" and any(c.lower_ in _QUANTIFIERS for c in head.children if c.i < head.i)


def _universal(ins: Instrument) -> bool:
    """"all contracts and agreements signed by the Community": any agreement, not one."""
    head = ins.head
    words = [c.lower_ for c in head.children if c.i < head.i]
    if head.dep_ == "conj":
        words += [c.lower_ for c in head.head.children if c.i < head.head.i]
    return head.tag_ == "NNS" and any(w in ("all", "any", "such", "every") for w in words)


def _consensus_sense(tok: Token) -> bool:
    """"in agreement with", "agreement that ...", "broad agreement among members": consensus, not a text;
    "made a big deal of it", "a great deal of money": no deal at all."""
    if tok.lower_ == "deal":
        return any(c.dep_ == "amod" and c.lower_ in ("big", "great", "good") for c in tok.children) and not any(
            c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children)
    if tok.lower_ not in ("agreement", "agreements", "understanding"):
        return False
    if tok.head.lower_ == "in" and tok.dep_ == "pobj":
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_ in ("signal", "express", "give", "voice", "indicate", "announce") and any(
            c.dep_ == "poss" for c in tok.children):
        return True  # "Pyongyang signalled its agreement": consent, not a text
    return any(c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" for g in c.children) for c in tok.children)


_PROGRAMMES = {"New Deal", "Green New Deal", "Fair Deal", "Square Deal"}  # policies named "deal", no agreements
_GATHERING = {"national", "party", "republican", "democratic", "gop", "state", "county", "nominating", "floor",
              "center", "centre", "hall", "delegate", "delegates", "planner", "planners", "speech", "stage",
              "brokered", "contested", "annual", "bureau", "goer", "goers", "week", "platform"}
_TREATY_PREPS = {"on", "against", "for", "concerning", "relating", "between", "with", "of"}
_TREATY_VERBS = {"sign", "ratify", "accede", "adopt", "join", "violate", "breach", "withdraw", "denounce", "implement",
                 "initial", "conclude", "invoke", "negotiate", "draft", "enforce", "amend"}


def _gathering_sense(tok: Token) -> bool:
    """"the Republican National Convention", "working the convention", "convention floor": a gathering,
    not a treaty. A convention is a text only where something marks it as one: what it is on ("the
    convention on biodiversity"), a verb that only a text takes ("ratified the convention"), or a
    name ("the Geneva Conventions")."""
    if tok.lower_ not in ("convention", "conventions"):
        return False
    doc = tok.doc
    near = [t.lower_ for t in doc[max(tok.sent.start, tok.left_edge.i):min(tok.sent.end, tok.i + 2)]]
    if any(w.rstrip("’'s") in _GATHERING for w in near):
        return True
    if any(c.dep_ == "prep" and c.lower_ in _TREATY_PREPS for c in tok.children):
        return False
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in _TREATY_VERBS:
        return False
    return not (tok.text[0].isupper() and tok.i > tok.sent.start)


def _proper_name(doc: Doc, start: int, end: int) -> str | None:
    """"Reciprocal Access Agreement", "Treaty of Rome", "Paris Agreement": capitalised names."""
    head = doc[end - 1]
    if not head.text[:1].isupper() or head.lower_ in ("mou", "mous"):
        return None
    a = start
    while a - 1 >= 0 and not doc[a - 1].is_sent_start and (
            doc[a - 1].text[:1].isupper() and doc[a - 1].pos_ in ("PROPN", "ADJ", "NOUN")
            or doc[a - 1].text == "-" and a - 2 >= 0 and doc[a - 2].text[:1].isupper()  # "Multi-Fibre"
            or doc[a - 1].lower_ == "and" and a - 2 >= 0 and doc[a - 2].text[:1].isupper() and doc[a - 2].pos_ in (
                "PROPN", "ADJ") and doc[a - 2].ent_type_ not in ("GPE", "NORP", "PERSON")):  # "Comprehensive and
        a -= 1  # Progressive Agreement"
    b = end
    c = b + 2 if b + 2 < len(doc) and doc[b + 1].lower_ == "the" else b + 1
    if c < len(doc) and doc[b].lower_ in ("of", "on", "for") and _name_word(doc[c]):
        b = c + 1  # "Treaty of Rome", "Agreement on Defence Industry Cooperation", "Treaty on the Non-Proliferation
        while b < len(doc) and (_name_word(doc[b]) or doc[b].lower_ in ("and", "of", "in", "on", "the", "-") and (
                b + 1 < len(doc) and _name_word(doc[b + 1]))):  # of Nuclear Weapons"
            b += 1
    words = [t.lower_ for t in doc[a:b]]
    generic = {"memorandum", "of", "understanding", "joint", "declaration", "agreement", "the", "accord", "treaty",
               "letter", "intent", "statement", "protocol", "contract", "deal", "pact", "partnership"}
    if all(w in generic for w in words):
        return None
    return doc[a:b].text


def _name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ") and tok.ent_type_ not in ("DATE", "TIME")


def _apposed_name(head: Token) -> str | None:
    """"the Black Sea Grain Initiative, the U.N.-brokered deal": the name the deal is set beside."""
    named = head.head
    if head.dep_ != "appos" or named.pos_ != "PROPN" or not named.text[:1].isupper():
        return None
    toks = [t for t in named.subtree if t.i <= named.i and t.dep_ != "det"]
    return head.doc[toks[0].i:named.i + 1].text if toks and all(t.text[:1].isupper() for t in toks) else None


def _acronym_name(doc: Doc, start: int, sent_start: int, table: ActorTable) -> str | None:
    """"the New START nuclear arms control treaty", "the ABM treaty": a name led by an acronym that names
    no actor, before the instrument's lower-case modifiers."""
    b = start
    while b > sent_start and start - b < 4 and doc[b - 1].text.islower() and doc[b - 1].is_alpha:
        b -= 1
    a = b
    while a > sent_start and b - a < 4 and doc[a - 1].text[:1].isupper() and doc[a - 1].pos_ in (
            "PROPN", "ADJ", "NOUN"):
        a -= 1
    run = doc[a:b]
    if not any(len(t) >= 2 and t.text.isupper() and t.text.isalnum() for t in run) or any(
            table.at(t.i) is not None for t in run):
        return None
    return run.text


# --- one mention -----------------------------------------------------------------------------------

def _governor(ins: Instrument) -> tuple[Token | None, str | None]:
    """The verb that says what happened to the instrument, and the preposition in between, if any: the
    verb it is the object of ("concluded an accord, opposed by fishermen" is concluded), else a status
    verb in a clause on it ("the agreement that the two countries signed", "the deal signed last year"). What
    is still to come happens to an agreement already reached ("will formalise the agreement reached in
    March"): its own participle says what became of it."""
    verb, prep = _direct_governor(ins)
    relative = _relative_verb(ins)
    if relative is not None and relative.tag_ == "VBN" and relative.lemma_ in SIGNED | RATIFIED and (
            verb is not None and is_future(verb.sent, verb)):
        return relative, None  # "would formalise the agreement reached in March": reached, in March
    if verb is not None and verb.pos_ in ("VERB", "AUX") and verb.lemma_ in _STATUS_VERBS and prep not in _UNCUED_PREPS:
        return verb, prep
    if relative is not None:
        return relative, None
    return verb, prep


# A text that is the subject of an active verb says what it does ("the pact aims to stop", "the accord
# increases aid"), not what became of it, unless the verb is one of these.
_QUANTITY_NOUNS = {"variety", "number", "series", "set", "range", "host", "couple", "pair", "total", "raft", "slew",
                   "package", "batch", "string", "dozen", "handful", "bundle", "text", "draft", "terms", "details",
                   "version", "wording"}
_ENDINGS = ("suspended", "terminated", "rejected")
_TAKING_PART = {"participation", "membership", "involvement", "commitment", "obligation", "adherence", "compliance"}
_NEAR = {"near", "close", "imminent", "nearer", "closer"}
_CONCLUDING = {"conclude", "complete", "finalise", "finalize", "wrap"}  # ... the negotiations on a text
_PROVISIONAL = {"provisionally", "tentatively"}  # "in principle" is agreed: signed, by the codebooks
_SUBJECT_STATUS = {"expire", "lapse", "collapse", "end", "terminate", "take", "come", "enter", "fail"}


def _direct_governor(ins: Instrument) -> tuple[Token | None, str | None]:
    tok = ins.head
    prep = None
    for _ in range(5):
        dep = tok.dep_
        if dep == "conj" and tok.head.dep_ == "pobj" and tok.head.head.head.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            tok = tok.head.head.head  # "signed a memorandum on the partnership and a trade agreement": a second text
            continue
        if dep in ("compound", "conj", "appos", "amod", "nmod"):
            tok = tok.head
            continue
        if dep == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _QUANTITY_NOUNS:
            tok = tok.head.head  # "signed a variety of agreements": the variety is what was signed
            continue
        if dep == "pobj":
            prep = tok.head.lower_
            h = tok.head.head
            if prep == "of" and h.lower_ == "out" and h.head.pos_ == "VERB":
                return h.head, "out of"  # "pulled out of an agreement"
            if h.pos_ in ("VERB", "AUX"):
                return h, prep
            if h.pos_ == "NOUN" and h.lemma_ in _TAKING_PART and prep in ("in", "to", "of", "under", "with"):
                tok, prep = h, None  # "suspending its participation in the treaty": the treaty is suspended
                continue
            if h.pos_ in ("NOUN", "PROPN", "ADJ"):
                if prep in ("on", "to", "for", "of") and h.lemma_ in ("agreement", "talk", "negotiation", "plan",
                                                                      "prospect", "signing", "renewal", "draft",
                                                                      "proposal", "close", "near", "ratification",
                                                                      "conclusion", "termination", "suspension"):
                    return h, prep
                return None, prep
            return None, prep
        if dep == "nsubj" and tok.head.lemma_ in ("be", "seem", "appear", "look"):
            verbs = [tok.head] + [c for c in tok.head.children if c.dep_ == "xcomp"]  # "appears to be near"
            near = next((c for v in verbs for c in v.children if c.dep_ in ("acomp", "oprd") and c.lower_ in _NEAR),
                        None)
            return (near, None) if near is not None else (None, None)  # "agreement now appears to be near"
        if dep == "nsubj" and _reduced_relative(tok):
            return tok.head, None  # "The agreement, reached a year before, was ...": reached, not reaching
        if dep == "nsubj" and tok.head.lemma_ not in _SUBJECT_STATUS:
            return None, None
        if dep in ("dobj", "nsubjpass", "nsubj", "attr", "oprd", "xcomp", "ccomp"):
            return tok.head if tok.head.pos_ in ("VERB", "AUX", "ADJ") else None, None
        return None, prep
    return None, prep


def _reduced_relative(subj: Token) -> bool:
    """The parser took a participle set off by commas after the noun ("The agreement, reached a year
    before, was") for the noun's own verb: a past participle of a status verb, with no auxiliary and no
    object, standing between the noun's comma and the sentence's main verb."""
    verb, doc = subj.head, subj.doc
    return (verb.tag_ in ("VBN", "VBD") and verb.lemma_ in _STATUS_VERBS and verb.i > subj.i + 1
            and doc[verb.i - 1].text == "," and verb.dep_ != "ROOT"
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children))


def _relative_verb(ins: Instrument) -> Token | None:
    """The status verb of a relative clause on the instrument, read from the surface because the parser
    often hangs it elsewhere: "the Agreement that the two countries signed in 2021"."""
    doc = ins.head.doc
    sent_end = ins.head.sent.end
    if ins.end < sent_end and doc[ins.end].lower_ in ("that", "which"):
        for t in doc[ins.end + 1:min(sent_end, ins.end + 8)]:
            if t.is_punct:
                return None
            if t.pos_ == "VERB" and t.lemma_ in _STATUS_VERBS:
                return t
    # "the deal signed last year", "The agreement, signed March 11, provides"
    return next((c for c in ins.head.children if c.lemma_ in _STATUS_VERBS and (
        c.dep_ == "relcl" or c.dep_ == "acl" and c.tag_ in ("VBN", "VBD"))), None)


def _status(ins: Instrument, verb: Token | None, prep: str | None) -> tuple[str | None, str | None]:
    """(status, modality); (None, _) when the text says it did not happen."""
    if verb is None:
        if prep in _BACKGROUND_PREPS or _definite(ins):
            return "signed", "historical"
        return None, None
    lemma = verb.lemma_.lower()
    if verb.pos_ in ("NOUN", "PROPN", "ADJ"):  # "talks on a pact", "close to an agreement", "signing of"
        if lemma in ("signing", "conclusion", "ratification") and not is_future(verb.sent, verb):
            return ("ratified" if lemma == "ratification" else "signed"), None
        if lemma in ("termination",):
            return "terminated", None
        if lemma in ("suspension",):
            return "suspended", None
        if lemma in ("renewal",) and _definite(ins):
            return "signed", "historical"
        if lemma in ("negotiation", "talk") and verb.dep_ == "dobj" and verb.head.lemma_ in _CONCLUDING and not (
                is_future(verb.sent, verb.head) or _negated(_verb_chain(verb.head))):
            return "agreed", None  # "have concluded negotiations on a free trade agreement": agreed, to be signed
        return "planned", "future"
    if lemma in _EXIT_VERBS and any(c.lower_ in ("out", "away") for c in verb.children):
        return "terminated", "future" if is_future(verb.sent, verb) else None  # "pulled out of an agreement"
    if lemma in ("seal", "clinch", "close") and ins.head.lower_ == "deal" and _definite(ins) and _said_of_it(verb):
        return None, None  # "it would seal the deal for Clinton": an idiom
    if verb.dep_ in ("csubj", "csubjpass") and verb.tag_ == "VBG":
        return None, None  # "Terminating the treaty may cause issuers to call the bonds": the act in general
    if lemma == "draw" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return None, None  # "drawing up a pact" is drafting it; "drawing on the pact" is not
    if lemma == "arrive" and prep != "at":  # "arrived at an agreement", not "arrived with a draft agreement"
        return None, None
    if lemma in _COMPLIANCE:  # "denied breaking a pact", "to implement the accord": a pact that exists
        return "signed", "historical"
    chain = _verb_chain(verb)
    if _negated(chain):
        if lemma in ("renew", "extend", "prolong"):  # "will not renew the agreement when it expires"
            return "terminated", "future" if is_future(verb.sent, verb) else None
        return None, None
    lemmas = [v.lemma_.lower() for v in chain]
    future = is_future(verb.sent, verb) and not (verb.dep_ == "acl" and verb.tag_ == "VBN")  # "the pact reached"
    hypothetical = any(t.lower_ in _HYPOTHETICAL for v in chain for t in v.children) or any(
        t.lower_ in ("possible", "hope", "hoped") for t in verb.sent)
    conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                      for c in verb.children)  # "would suspend the accord if the fighting continued"
    if any(lm in REJECTED for lm in lemmas):
        return "rejected", "hypothetical" if conditional else None
    if any(lm in TERMINATED for lm in lemmas):
        return "terminated", "hypothetical" if conditional else "future" if future else None
    if any(lm in SUSPENDED for lm in lemmas):
        return "suspended", "hypothetical" if conditional else "future" if future else None
    if any(lm in RATIFIED for lm in lemmas):
        return ("planned", "future") if future else ("ratified", None)
    if any(lm in PROPOSED for lm in lemmas):
        return "proposed", "future"
    negotiated = lemma == "negotiate" and verb.dep_ == "acl" and verb.tag_ == "VBN"
    if negotiated and _definite(ins):
        return "signed", "historical"  # "lambasted the Iran deal negotiated by Obama": a deal made before
    if lemma in SIGNED and not (lemma == "negotiate" and not negotiated or lemma == "work" and prep in (
            "on", "toward", "towards")):
        if any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could", "can") for c in verb.children):
            return "planned", "hypothetical"  # "firms may enter into a joint venture"
        if future or any(lm in PLANNED for lm in lemmas[1:]) or _draft_word(ins):
            return "planned", "hypothetical" if hypothetical else "future"
        if lemma == "agree" and any(c.dep_ == "xcomp" for c in verb.children):
            return "agreed", "future"
        if any(t.lower_ in _PROVISIONAL for c in list(verb.children) + list(ins.head.children) for t in c.subtree
               if c.dep_ in ("advmod", "prep")):
            return "agreed", None  # "provisionally agreed": not yet signed
        if lemma == "initial":
            return "agreed", _background(ins, verb)  # "initialled a peace agreement": its text settled, unsigned
        return "signed", _background(ins, verb)
    if any(lm in PLANNED or lm == "negotiate" for lm in lemmas):
        return "planned", "hypothetical" if hypothetical else "future"
    if prep in _BACKGROUND_PREPS or _definite(ins):
        return "signed", "historical"
    return None, None


def _said_of_it(verb: Token) -> bool:
    """Is every subject of ``verb`` a bare "it", "this", "that" or "which"?"""
    subjects = args.subjects(verb)
    return bool(subjects) and all(s.lower_ in ("it", "this", "that", "which") for s in subjects)


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it hangs from ("expected to sign" -> sign, expect)."""
    chain = [verb]
    v = verb
    while v.dep_ in ("xcomp", "ccomp", "conj") and v.head is not v and v.head.pos_ in ("VERB", "AUX", "ADJ") and len(
            chain) < 4:
        if v.dep_ == "ccomp" and v.head.lemma_ in ("say", "tell", "announce", "report", "add", "state"):
            break
        v = v.head
        chain.append(v)
    return chain


def _negated(chain: list[Token]) -> bool:
    for v in chain:
        if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in v.children):
            return True
        if v.lemma_.lower() in _FAILURE or v.lemma_.lower() == "deny":
            return True
        for c in v.children:
            if c.dep_ in ("dobj", "nsubjpass", "nsubj") and any(d.lower_ == "no" for d in c.children):
                return True
    return False


def _definite(ins: Instrument) -> bool:
    doc = ins.head.doc
    left = [t for t in doc[ins.head.left_edge.i:ins.start]]
    return bool(ins.name) or any(t.lower_ in ("the", "this", "that", "its", "their", "existing", "previous",
                                              "current", "last") or t.tag_ == "PRP$" or t.dep_ == "poss" for t in left)


def _draft_word(ins: Instrument) -> bool:
    doc = ins.head.doc
    return any(t.lower_ == "draft" for t in doc[ins.head.left_edge.i:ins.start])


def _background(ins: Instrument, verb: Token) -> str | None:
    if verb.tag_ == "VBN" and any(c.lower_ == "had" for c in verb.children):
        return "historical"
    return None


_MEETING_WORDS = {"talk", "talks", "meeting", "summit", "visit", "negotiation", "negotiations", "conference"}
_MEETING_VERBS = {"meet", "talk", "discuss", "negotiate", "hold", "visit", "resume", "open", "consult", "exchange"}


def _agreed(sent: Span, table: ActorTable, reference: str | None, earlier: list[Draft],
            instruments_here: list[Token]) -> Draft | None:
    """"OPEC members agreed in December to limit production", "X and Y agreed on new quotas", "a
    restructuring agreed with the Paris Club": an agreement reached, with no instrument named (an agreeing
    verb over one of ``instruments_here`` was read with it). One party alone counts only if it is a body
    of states (OPEC, the EC); agreeing to meet or talk is a planned meeting, left to the meetings."""
    for verb in sent:
        if verb.lemma_ != "agree" or verb.pos_ != "VERB":
            continue
        if any(verb.left_edge.i <= t.i <= verb.right_edge.i or t.left_edge.i <= verb.i <= t.right_edge.i
               for t in instruments_here):
            continue  # "agreed to sign an accord", "the accord under which OPEC agreed to ...": read with it
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        on = args.objects(verb, ("on", "to"))
        participle = verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and bool(args.objects(verb, ("with",)))
        if xcomp is None and not on and not participle or xcomp is not None and xcomp.lemma_ in _MEETING_VERBS:
            continue
        if any(o.lemma_ in _MEETING_WORDS or any(f.lemma_ in _MEETING_WORDS for f in args.objects(o, ("for", "of")))
               for o in on):
            continue  # "agreed to a proposal for talks": a meeting to come, left to the meetings
        if _negated(_verb_chain(verb)) or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
            continue
        parties: list[str] = []
        for tok in (_owners(verb.head) if participle else args.subjects(verb)) + args.objects(verb, ("with",)):
            for aid in args.actors_at(table, tok):
                p = args.party(table, aid)
                if p and p not in parties:
                    parties.append(p)
        if not parties and _both_sides(verb):
            parties = story_pair(table, earlier, sent.start)
        if len(parties) == 1 and table.actors[parties[0]].kind == "country":
            parties += _counterpart_state(sent, table, parties[0])  # "Japan agreed to drop barriers to U.S. fish"
        bloc = len(parties) == 1 and table.actors[parties[0]].sector == "IGO"
        if len(parties) < 2 and not bloc:
            continue
        future = is_future(sent, verb)
        when = choose(time_expressions(sent, reference, future), verb)
        status = "planned" if future else "signed"
        topics = topics_in(sent, xcomp if xcomp is not None else verb)
        etype, cameo = _STATUS_CODE[status]
        guessed = when is None and not future and reference is not None
        earlier_year = when is not None and not future and before_the_news(when.iso, reference)
        return Draft(type=etype, cameo=cameo, sentence=sent, actors=parties,
                     modality="future" if future else "historical" if earlier_year else None,
                     contexts=contexts_of(topics) + ["diplomatic"],
                     date=when.iso if when else reference[:10] if guessed else None,  # type: ignore[index]
                     date_precision=when.precision if when else "day" if guessed else None, date_guessed=guessed,
                     agreement=Agreement(instrument="agreement", status=status, topics=topics,
                                         areas=_purpose(xcomp) if xcomp is not None else []),
                     confidence=0.6, trigger=verb.i, unnamed_instrument=True,
                     merge_key=("agreement", "agreement", frozenset(parties), status) + (
                         (verb.i,) if any(c.lower_ == "also" for c in verb.children) else ()))  # "also agreed to": more
    return None


def _owners(noun: Token) -> list[Token]:
    """Whose is what "a restructuring agreed with the Paris Club" names: its possessor, else the subject
    of the clause it stands in ("Mexico signed ..., as part of a restructuring agreed with ...")."""
    own = [c for c in noun.children if c.dep_ == "poss"]
    if own:
        return own
    tok = noun
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    return args.subjects(tok) if tok.pos_ in ("VERB", "AUX") else []


def _merge_same_sentence(drafts: list[Draft]) -> list[Draft]:
    """"reached agreement in Moscow on a joint venture": one agreement, named by its specific instrument."""
    out: list[Draft] = []
    for d in drafts:
        twin = next((o for o in out if o.merge_key is not None and d.merge_key is not None
                     and o.all_parties() == d.all_parties() and o.agreement and d.agreement
                     and o.agreement.status == d.agreement.status and not _two_texts(o, d)), None)
        if twin is None:
            out.append(d)
        elif twin.agreement is not None and d.agreement is not None and twin.agreement.instrument in _GENERIC:
            twin.agreement.instrument = d.agreement.instrument
            twin.agreement.name = twin.agreement.name or d.agreement.name
            twin.merge_key = d.merge_key
    return out


def _two_texts(a: Draft, b: Draft) -> bool:
    """"signed a security partnership and a memorandum on mobility": two instruments, coordinated, each of
    its own specific kind, or the later with a name of its own, are two agreements."""
    if a.agreement is None or b.agreement is None or a.trigger is None or b.trigger is None:
        return False
    doc = a.sentence.doc
    if doc[b.trigger] in doc[a.trigger].conjuncts:
        return True
    if b.agreement.name and not _same_name(b.agreement.name, a.agreement.name) and doc[b.trigger].dep_ != "appos":
        return True  # "a memorandum on the partnership and a Digital Economy Agreement"
    kinds = {a.agreement.instrument, b.agreement.instrument}
    return len(kinds) == 2 and not kinds & _GENERIC


def _inside_generic(specific: Instrument, generic: Instrument) -> bool:
    """"agreement on a joint venture": yes; "an agreement implementing the 1995 treaty": no, that treaty
    is another, earlier instrument."""
    return specific is not generic and generic.kind in _GENERIC and specific.kind not in _GENERIC and (
        generic.head.is_ancestor(specific.head) and 0 < specific.head.i - generic.head.i <= 8
        and not _definite(specific))


def _named_inside(found: list[Instrument]) -> list[Instrument]:
    """"reach agreement on the draft of a joint declaration": the generic word's phrase names the
    instrument; one mention, of a joint declaration, read from the generic word's place."""
    out = []
    for ins in found:
        inner = next((o for o in found if _inside_generic(o, ins)), None)
        if any(_inside_generic(ins, o) for o in found):
            continue  # read through its generic word
        out.append(ins if inner is None else Instrument(ins.head, ins.start, ins.end, inner.kind, inner.name))
    return out


def _draft(ins: Instrument, verb: Token | None, prep: str | None, sent: Span, table: ActorTable,
           reference: str | None, earlier: list[Draft]) -> list[Draft]:
    """The events of one instrument mention, ``verb`` and ``prep`` its governor (``_governor``)."""
    if _universal(ins):
        return []
    status, modality = _status(ins, verb, prep)
    cued = verb is not None and (prep not in _UNCUED_PREPS or prep == "at" and verb.lemma_ == "arrive" or (
        prep == "from" and verb.lemma_ in TERMINATED)) and (
        verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in _STATUS_VERBS)  # "won places at the convention"
    if status is None or ins.kind in _NEEDS_CUE and not (
            cued and verb.lemma_ in _STATUS_VERBS | {"signing"}):  # type: ignore[union-attr]
        return []
    if ins.kind == "declaration" and verb is not None and verb.lemma_ == "make" and not ins.name:
        return []  # "the first to make such a declaration": something said, not a text two sides sign
    if ins.head.lower_ == "memorandum" and ins.end - ins.start == 1 and not _definite(ins) and not (
            cued and verb.lemma_ in _MUTUAL_VERBS | RATIFIED | PLANNED | PROPOSED):  # type: ignore[union-attr]
        return []  # "a 2001 memorandum issued by the immigration agency": a memo, no memorandum of understanding
    if not cued and status not in ("signed", "ratified"):
        status, modality = "signed", "historical"  # "Under the pact, Moscow has agreed to buy": background
    parties, signatories, signer_parties = _parties(ins, verb if cued else None, table)
    if len(parties) == 1 and status == "signed" and signer_parties and verb is not None and verb.dep_ == "acl":
        parties += [p for p in signer_parties if p not in parties]  # "the Iran deal negotiated by President Obama"
    if parties and all(_nobody(table, p) for p in parties):  # "Negotiators were trying to reach agreement"
        parties = story_pair(table, earlier, sent.start)
    parties = [p for p in parties if not _nobody(table, p) and table.actors[p].sector != "MED"]  # outlets report
    if parties and cued and status in ("terminated", "suspended"):
        parties += [p for p in _notified(verb, table) if p not in parties]  # type: ignore[arg-type]
    if not parties and cued and _both_sides(verb, _relative_subjects(ins, verb) + _noun_subjects(verb)):  # type: ignore[arg-type]
        parties = story_pair(table, earlier, sent.start)
    # No parties of its own: a definite, background or participial mention ("the agreement, signed March
    # 11, provides") is an earlier agreement again; an indefinite one takes the sentence's states.
    anaphoric = not parties and (_definite(ins) or not cued or any(
        d.agreement is not None and d.agreement.status == status for d in earlier))  # the story's agreement again
    if not parties and (_quantified(ins) or modality == "hypothetical"):
        return []  # "some protocols have been signed", "further accords can be concluded": no one's in particular
    if not parties and not anaphoric and not _unknown_subject(verb, table):
        parties = _sentence_parties(sent, table) or _other_party(sent, table, [], earlier)
    if len(parties) == 1 and not anaphoric and _ins_objects(ins, ("with",)) + (
            args.objects(verb, ("with",)) if verb is not None else []):
        parties = (_reporter(ins, table, parties) or _other_party(sent, table, parties, earlier)) + parties
    awaiting = not parties and not anaphoric and cued and status in ("signed", "agreed")
    if not parties and not anaphoric and not awaiting:
        return []
    if len(parties) == 1 and ins.head.lower_.startswith("quota"):
        parties += _setter(table)  # "Iraq rejected its quota": the quota OPEC set
    elif len(parties) == 1 and table.actors[parties[0]].kind == "country":
        parties += _counterpart_state(sent, table, parties[0])
    elif len(parties) == 1:
        parties += _purpose_state(ins, verb if cued else None, table, parties[0])
    if not signatories and verb is not None and verb.lemma_ in ("sign", "ink", "initial") and len(parties) == 2:
        signatories = _the_two(verb, table, parties)
    witnesses = _witnesses(sent, table)
    signatories = [s for s in signatories if s not in witnesses]
    anchor = verb if verb is not None and verb.pos_ in ("VERB", "AUX") else ins.head
    exprs = time_expressions(sent, reference, modality == "future" and not told_as_past(anchor))
    if status in ("signed", "ratified", "agreed"):  # "extended from July 1, 1987": not when it was agreed
        exprs = [e for e in exprs if e not in validity(exprs, sent.doc.text)]
    if not cued:  # a background mention is dated only by its own words: "today's agreement", "the 1972 treaty"
        exprs = [e for e in exprs if _in_phrase(e, ins)]
    when = choose([e for e in exprs if not _inside(e, ins)] or exprs, anchor)
    own_year = _own_year(ins, exprs)
    date, precision = (when.iso, when.precision) if when else (None, None)
    if own_year is not None and (when is None or when.precision == "year") and status in ("signed", "ratified"):
        date, precision = own_year, "year"
    if before_the_news(date, reference) and status in ("signed", "ratified"):
        modality = modality or "historical"
    guessed = False
    if date is None and status in ("signed", "ratified", "agreed") + _ENDINGS and modality is None and reference:
        date, precision, guessed = reference[:10], "day", True  # "have signed", "is suspending": the story's day
    topics = topics_in(sent, ins.head) or []
    etype, cameo = _STATUS_CODE[status]
    agreement = Agreement(instrument=ins.kind, name=ins.name, status=status, topics=topics,
                          areas=scope(ins, verb if cued else None), signatories=signatories, witnesses=witnesses)
    recipients: list[str] = []
    actors = parties
    if status == "rejected" and verb is not None:
        actors = [p for p in parties if p in _subject_parties(verb, table)] or parties[:1]
        recipients = [p for p in parties if p not in actors]
    confidence = 0.6 + 0.1 * min(2, len(parties)) + (0.1 if verb is not None else 0) - (0.1 if modality else 0)
    draft = Draft(type=etype, cameo=cameo, sentence=sent, actors=actors, recipients=recipients, modality=modality,
                  contexts=contexts_of(topics) + ["diplomatic"], date=date, date_precision=precision,
                  date_guessed=guessed, location=place_of(sent, table, verb if verb is not None else ins.head),
                  agreement=agreement,
                  confidence=confidence, trigger=ins.head.i,
                  merge_key=None if anaphoric or awaiting else ("agreement", ins.kind, frozenset(parties), status) + (
                      (date,) if (status in _ENDINGS or modality == "historical") and before_the_news(date, reference)
                      else ()),  # an earlier refusal, or "implement a security agreement signed in 2001": older texts
                  hint_parties=signer_parties, awaiting_parties=awaiting)
    if own_year is None or status in ("signed", "ratified") or anaphoric:
        return [draft]
    # "terminating the 1948 income tax treaty": the treaty's signing in 1948 is an event of its own
    signing = Draft(type="SUPPORT", cameo="057", sentence=sent, actors=list(parties), modality="historical",
                    contexts=list(draft.contexts), date=own_year, date_precision="year",
                    agreement=Agreement(instrument=ins.kind, name=ins.name, status="signed", topics=list(topics)),
                    confidence=0.6, trigger=ins.head.i,
                    merge_key=("agreement", ins.kind, frozenset(parties), "signed"))
    return [draft, signing]


def _notified(verb: Token, table: ActorTable) -> list[str]:
    """Who is told that a text is ended ("notified the Netherlands that it was terminating the treaty"): the
    other side of it."""
    v = verb
    while v.dep_ in ("ccomp", "xcomp", "conj") and v.head.i != v.i:
        v = v.head
        if v.lemma_ in ("notify", "inform", "tell", "advise", "warn"):
            return [p for o in args.direct_objects(v) for a in args.actors_at(table, o)
                    if (p := args.party(table, a)) is not None]
    return []


def _setter(table: ActorTable) -> list[str]:
    """The body of states the story names most (OPEC), which sets its members' quotas."""
    return most_named(table, lambda actor: actor.kind == "organization" and actor.sector == "IGO", 1)


def _counterpart_state(sent: Span, table: ActorTable, party: str) -> list[str]:
    """A state's agreement with no other party named in its phrase: the one other state its sentence
    names is the counterpart ("New Zealand will not renew an agreement which supports the price of
    Fijian sugar", "Mexico signed an accord covering debts to Britain")."""
    others = {m.actor for m in table.mentions if sent.start <= m.start < sent.end and m.actor != party
              and table.actors.get(m.actor) is not None and table.actors[m.actor].kind == "country"}
    return list(others) if len(others) == 1 else []


def _purpose_state(ins: Instrument, verb: Token | None, table: ActorTable, party: str) -> list[str]:
    """A body's agreement whose purpose names one state: that state is its other side ("FAO signed an
    agreement to aid Peru", "planned a joint venture to produce herbicides in the Soviet Union")."""
    clauses = [c for c in ins.head.children if c.dep_ == "acl"] + [
        c for c in (verb.children if verb is not None else []) if c.dep_ in ("xcomp", "advcl") and c.i > ins.end]
    purpose = {t.i for c in clauses if any(t.tag_ == "TO" for t in c.children) for t in c.subtree}
    states = {m.actor for i in purpose if (m := table.at(i)) is not None and table.actors.get(m.actor) is not None
              and table.actors[m.actor].kind == "country"}
    places = {loc.country: loc for loc in table.locations if loc.start in purpose and loc.country}
    states = (states | set(places)) - {party}
    if len(states) != 1:
        return []
    state = states.pop()
    if state not in table.actors:  # "in the Soviet Union": the place's state, named here as an actor
        loc = places[state]
        table.mention(table.place_state(loc), loc.start, loc.end, "place")
    return [state]


def _nobody(table: ActorTable, actor_id: str) -> bool:
    """"Negotiators were trying to reach agreement": officials of no named state bind no one."""
    actor = table.actors[actor_id]
    return actor.kind == "group" and actor.country is None and actor.sector in ("GOV", "MED")


def _reporter(ins: Instrument, table: ActorTable, found: list[str]) -> list[str]:
    """"PAL said an agreement reached with British Airways": who reports an agreement "with" someone
    else is its other side (a news agency reporting it is not)."""
    tok = ins.head
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_ in args.REPORTING | {"tell"}:
            for s in args.subjects(tok):
                for aid in args.actors_at(table, s):
                    p = args.party(table, aid)
                    if p and p not in found and table.actors[p].sector != "MED" and not _nobody(table, p):
                        return [p]
    return []


def _sentence_parties(sent: Span, table: ActorTable) -> list[str]:
    """The states and bodies a sentence names, for an agreement it mentions without saying whose it is
    ("The eight month old pact aims to stop Japan selling chips to the United States"). A person's state
    is not named there, nor is a state where it happens ("to be ratified in Rwanda"), nor a body someone
    speaks for ("a spokesman of the ministry")."""
    out: list[str] = []
    for m in table.mentions:
        named = table.actors.get(m.actor)
        if sent.start <= m.start < sent.end and m.form not in ("capital",) and named is not None and (
                named.kind != "person") and not (named.kind == "country" and _venue(sent.doc[m.start])) and (
                not _affiliation(sent.doc[m.start])):
            p = args.party(table, m.actor)
            actor = table.actors.get(p or "")
            if actor is not None and actor.kind in ("country", "organization") and actor.sector != "MED" and (
                    p not in out):
                out.append(p)  # type: ignore[arg-type]
    return out if len(out) <= 4 else []


_SPOKESPEOPLE = _TITLE_HEADS | {"spokesman", "spokeswoman", "spokesperson", "source", "sources", "aide", "adviser"}


def _affiliation(tok: Token) -> bool:
    """"a spokesman of the Ministry of Foreign Economic Relations": the body a person works for."""
    while tok.dep_ in ("compound", "amod", "nmod"):
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in ("of", "at", "for", "from") and (
        tok.head.head.lemma_.lower() in _SPOKESPEOPLE)


def _venue(tok: Token) -> bool:
    """"ratified next month in Rwanda", "in Kigali, Rwanda": the place where it happens."""
    while tok.dep_ in ("compound", "appos"):
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "inside")


def _other_party(sent: Span, table: ActorTable, found: list[str], earlier: list[Draft]) -> list[str]:
    """The party a sentence leaves out ("This follows the signing of a joint declaration with the US",
    "a similar agreement with Britain"): the one state the sentence before names, else, of the states
    it names and the parties of the latest agreement, the one the story names most."""
    candidates: list[str] = []
    if sent.start > 0:
        candidates = _states_named(sent.doc[sent.start - 1].sent, table, found)
        if len(candidates) == 1:
            return candidates
    # "the first in Nigeria's tour of creditor nations": a state the sentence itself names
    candidates += _states_named(sent, table, found + candidates)
    latest = next((d for d in reversed(earlier) if d.agreement is not None and d.all_parties() - set(found)), None)
    if latest is not None:
        candidates += [p for p in sorted(latest.all_parties()) if p not in found and p not in candidates]

    if not candidates:
        return []
    counts = {p: sum(1 for m in table.mentions + table.nested if m.actor == p) for p in candidates}
    return [max(candidates, key=lambda p: counts[p])]


def _states_named(span: Span, table: ActorTable, skip: list[str]) -> list[str]:
    """The states ``span`` names (nested mentions too), in text order, less those in ``skip``."""
    out: list[str] = []
    for m in table.mentions + table.nested:
        if span.start <= m.start < span.end and m.actor not in skip and m.actor not in out and (
                table.actors.get(m.actor) is not None and table.actors[m.actor].kind == "country"):
            out.append(m.actor)
    return out


def _relative_subjects(ins: Instrument, verb: Token) -> list[Token]:
    """Nouns between "that"/"which" and the verb of a relative clause on the instrument."""
    doc = ins.head.doc
    if ins.end < verb.i and doc[ins.end].lower_ in ("that", "which"):
        return [t for t in doc[ins.end + 1:verb.i] if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return []


def _the_two(verb: Token, table: ActorTable, parties: list[str]) -> list[str]:
    """"The two presidents signed": the story's person of that title for each party, where each has one."""
    for s in args.subjects(verb):
        if s.tag_ != "NNS" or not args.paired(s):
            continue
        title = s.lemma_.lower()
        found: dict[str, str] = {}
        for m in table.mentions:
            actor = table.actors.get(m.actor)
            if actor is None or actor.kind != "person" or title not in (actor.title or "").lower().split():
                continue
            party = args.party(table, actor.id)
            if party in parties and party not in found:
                found[party] = actor.id
        if len(found) == len(parties):
            return [found[p] for p in parties]
    return []


def _noun_subjects(noun: Token) -> list[Token]:
    """Who holds "talks on a pact" or "the signing of a treaty": the subject of the verb the noun is the
    object of ("the two sides agreed to open negotiations on a treaty")."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("dobj", "nsubjpass") or noun.head.pos_ != "VERB":
        return []
    return args.subjects(noun.head)


def _both_sides(verb: Token, extra: list[Token] | None = None) -> bool:
    """"the two sides reached", "both countries signed"."""
    return any(s.lower_ in args.SIDES and args.paired(s)
               for s in args.subjects(verb) + (extra or []))


def _inside(expr, ins: Instrument) -> bool:  # type: ignore[no-untyped-def]
    doc = ins.head.doc
    return doc[ins.start].idx <= expr.start and expr.end <= doc[ins.end - 1].idx + len(doc[ins.end - 1])


def _in_phrase(expr, ins: Instrument) -> bool:  # type: ignore[no-untyped-def]
    """The expression is the instrument's own: before it ("the 1972 treaty", "today's agreement") or in a
    phrase on it ("an accord between Nigeria and the Paris Club in December")."""
    doc = ins.head.doc
    if doc[ins.head.left_edge.i].idx <= expr.start and expr.end <= doc[ins.end - 1].idx + len(doc[ins.end - 1]):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("in", "of", "on", "from") and c.idx <= expr.start
               and expr.end <= c.right_edge.idx + len(c.right_edge) for c in ins.head.children)


def _own_year(ins: Instrument, exprs) -> str | None:  # type: ignore[no-untyped-def]
    """"the 1972 ABM treaty", "the 1957 Treaty of Rome": a year inside the instrument's phrase."""
    doc = ins.head.doc
    if ins.head.lower_.startswith("quota"):
        return None  # "its first half 1987 quota": the period it covers
    lo = doc[ins.head.left_edge.i].idx
    hi = doc[ins.end - 1].idx + len(doc[ins.end - 1])
    for e in exprs:
        if lo <= e.start and e.end <= hi and e.precision == "year":
            return str(e.iso)
    return None


def _subject_parties(verb: Token, table: ActorTable) -> list[str]:
    out = []
    for s in args.subjects(verb):
        for a in args.actors_at(table, s):
            p = args.party(table, a)
            if p and p not in out:
                out.append(p)
    return out


def _parties(ins: Instrument, verb: Token | None, table: ActorTable) -> tuple[list[str], list[str], list[str]]:
    """(parties, signatories, parties known only through a signatory) of one instrument mention."""
    found: list[str] = []
    signers: list[str] = []
    through_signers: list[str] = []
    arg_tokens: list[Token] = []
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        arg_tokens += args.subjects(verb) or _relative_subjects(ins, verb)
        arg_tokens += args.objects(verb, ("with", "between", "among"))
        if verb.lemma_ in ("withdraw", "pull", "remove", "expel", "exclude"):  # "an order withdrawing the
            arg_tokens = args.direct_objects(verb) or arg_tokens  # United States from the agreement"
        for a in args.agents(verb):
            for aid in _actors_in(table, a):
                p = args.party(table, aid)
                if table.actors[aid].kind == "person" or _group_mention(table, aid, a):
                    if verb.lemma_ in ("sign", "ink", "initial") and aid not in signers and (
                            table.actors[aid].kind == "person"):
                        signers.append(aid)
                    if p and p not in through_signers:
                        through_signers.append(p)
                elif p and p not in found and not _inside_person(table, aid, a):
                    found.append(p)
    if verb is not None and verb.pos_ in ("NOUN", "PROPN"):  # "the signing of a declaration with the US"
        arg_tokens += args.objects(verb, ("with", "between", "among", "by"))
        arg_tokens += _noun_subjects(verb)
    arg_tokens += _ins_objects(ins, ("with", "between", "among"))
    arg_tokens += [t for o in list(arg_tokens) for t in _and_after(o, table)]
    for talks in args.objects(ins.head, ("in", "at", "from")):  # "an agreement in the talks between X and Y"
        if talks.lemma_ in ("talk", "negotiation", "discussion"):
            arg_tokens += args.objects(talks, ("with", "between", "among"))
    arg_tokens += _trade_partners(ins, verb)
    for tok in arg_tokens:
        for aid in args.actors_at(table, tok):
            actor = table.actors[aid]
            if actor.kind == "person" and verb is not None and verb.lemma_ in ("sign", "ink", "initial") and (
                    aid not in signers):
                signers.append(aid)
            p = args.party(table, aid)
            if p and p not in found:
                found.append(p)
    # The instrument's own modifiers: "the U.S./USSR grains agreement", "Sino-Soviet pact", "OPEC accord".
    for i in range(ins.head.left_edge.i, ins.start):
        m = table.at(i)
        if m is not None and table.actors.get(m.actor) is not None:
            p = args.party(table, m.actor)
            if p and p not in found:
                found.append(p)
    for m in table.nested:
        if ins.head.left_edge.i <= m.start < ins.start and table.actors[m.actor].kind == "country" and (
                m.actor not in found):
            found.append(m.actor)
    return found, signers, [p for p in through_signers if p not in found]


def _and_after(tok: Token, table: ActorTable) -> list[Token]:
    """"with the central bank <Gosbank>, and Foreign Trade Bank <Vneshtorgbank>": bodies the text adds with
    ", and" after an argument where the parser, tripped by the wire's angle brackets, lost the list."""
    doc = tok.doc
    i = tok.right_edge.i + 1
    out = []
    if i + 1 < tok.sent.end and doc[i].text == "<" and table.at(i + 1) is not None:
        out.append((doc[i + 1], table.at(i + 1).actor))  # type: ignore[union-attr]  # "central bank <Gosbank>"
    while i < tok.sent.end and (doc[i].text in (">", ",", "<") or out and table.at(i) is not None):
        i += 1
    if i >= tok.sent.end or doc[i].lower_ != "and" or doc[i].head.i == tok.i or doc[i].head in tok.conjuncts:
        return [t for t, _ in out]
    for t in doc[i + 1:min(tok.sent.end, i + 9)]:
        m = table.at(t.i)
        if t.text in (",", "with", "to") or t.pos_ == "VERB":
            break
        if m is not None and table.actors[m.actor].kind == "organization" and (not out or m.actor != out[-1][1]):
            out.append((t, m.actor))
    return [t for t, _ in out]


_TRADE_VERBS = {"borrow", "buy", "purchase", "import", "sell", "supply", "export", "lend", "provide", "deliver"}


def _ins_objects(ins: Instrument, preps: tuple[str, ...]) -> list[Token]:
    """Prepositional objects of any word of the instrument ("a memorandum of understanding with Japan's
    Finance Ministry" hangs "with" on "understanding")."""
    doc = ins.head.doc
    return [o for k in range(ins.start, ins.end) for o in args.objects(doc[k], preps)]


def _trade_partners(ins: Instrument, verb: Token | None) -> list[Token]:
    """"an agreement to borrow 150 billion yen from Japan's Export-Import Bank", "to sell cars to Hungary":
    the other side of the deal the agreement is for."""
    purposes = [c for c in ins.head.children if c.dep_ in ("acl", "relcl")]
    if verb is not None:
        purposes += [c for c in verb.children if c.dep_ in ("xcomp", "advcl")]
    out: list[Token] = []
    for p in purposes:
        if p.lemma_ in _TRADE_VERBS:  # "to borrow up to 150 billion yen in an untied loan from X"
            out += [o for c in p.subtree if c.dep_ == "prep" and c.lower_ in ("from", "to") and c.i - p.i < 15
                    for o in c.children if o.dep_ == "pobj"]
    return out


def _group_mention(table: ActorTable, actor_id: str, tok: Token) -> bool:
    """"signed by ... senior French Treasury officials": officials who sign stand for their state as
    signatories do, not as a party the sentence names."""
    return any(m.actor == actor_id and m.form == "group" for t in tok.subtree for m in [table.at(t.i)] if m)


def _inside_person(table: ActorTable, actor_id: str, tok: Token) -> bool:
    """Is the state ``actor_id`` named in the agent phrase only as part of a person's title ("Japan's
    Ambassador")? Then it is that person's state, a hint, not a party of its own."""
    for t in tok.subtree:
        m = table.at(t.i)
        if m is not None and m.actor == actor_id:
            head = t
            while head.dep_ in ("poss", "compound", "amod", "case") and head.head is not head:
                head = head.head
            if head.i != t.i and head.lower_ in _TITLE_HEADS:
                return True
    return False


def _actors_in(table: ActorTable, tok: Token) -> list[str]:
    """Every actor named in the phrase of ``tok`` ("by the Head of X, Gen. Y, and Minister Z")."""
    out: list[str] = []
    occasion = {i for p in tok.subtree if p.dep_ == "prep" and (p.lower_ == "during" or any(
        o.dep_ == "pobj" and o.lemma_ in _OCCASIONS for o in p.children)) for i in (t.i for t in p.subtree)}
    for t in tok.subtree:
        m = table.at(t.i)
        if m is not None and m.actor not in out and t.i not in occasion:  # not "on the sidelines of the NATO summit"
            out.append(m.actor)
    return out


_OCCASIONS = {"sideline", "sidelines", "margin", "margins", "summit", "ceremony", "occasion", "conference", "presence"}


def _witnesses(sent: Span, table: ActorTable) -> list[str]:
    """"in the presence of X", "witnessed by X"."""
    out: list[str] = []
    for tok in sent:
        if tok.lower_ == "presence" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "of" or (
                tok.lemma_ == "witness" and tok.pos_ == "VERB"):
            start = tok.i + 2 if tok.lower_ == "presence" else tok.i + 1
            for j in range(start, min(sent.end, start + 12)):
                m = table.at(j)
                if sent.doc[j].text in (",", ";") and out or sent.doc[j].lower_ == "by":
                    break
                if m is not None and table.actors[m.actor].kind == "person" and m.actor not in out:
                    out.append(m.actor)
    return out


# --- across mentions --------------------------------------------------------------------------------

def _resolve_anaphora(drafts: list[Draft], table: ActorTable, definite: set[int], stated: set[int]) -> None:
    """Party-less definite mentions join the earlier agreement they most likely mean."""
    for k, d in enumerate(drafts):
        if d.merge_key is not None or d.agreement is None or d.awaiting_parties:
            continue
        best, best_score = None, 0.0
        before = _earlier_one(d)  # "the previous agreement": it comes before the one it is compared with
        older = d.modality == "historical" and d.date is not None and not d.date_guessed  # "an accord signed in 2001"
        head = d.sentence.doc[d.trigger] if d.trigger is not None else None
        another = head is not None and any(c.lower_ in _ANOTHER and c.dep_ in ("amod", "det") for c in head.children)
        for j in range(k - 1, -1, -1) if not another else ():  # "talks on a separate investment treaty"
            a = drafts[j]
            if a.agreement is None or a.merge_key is None:
                continue
            if d.agreement.name and (a.agreement.name or a.agreement.status != d.agreement.status) and not _same_name(
                    d.agreement.name, a.agreement.name):
                continue  # "the Strategic Partnership Agreement" is no other agreement's second name
            score = 1.0 + 0.5 / (k - j)
            if _same_kind(a, d):
                score += 1.0  # "the agreement" is more likely the free trade agreement than the partnership
            states = {table.actors[s].country for s in d.agreement.signatories if table.actors[s].country}
            states |= {p for p in d.hint_parties
                       if table.actors.get(p) is not None and table.actors[p].kind == "country"}
            if states:
                score += 2.0 if states <= a.all_parties() else -3.0 if states - a.all_parties() else 0.0
            if a.agreement.status != d.agreement.status and d.agreement.status not in ("signed",):
                score -= 1.0
            if a.modality == "hypothetical" and d.modality != "hypothetical":
                score -= 1.0  # "he would make a great deal with farmers ... the deal was a bad compromise"
            signing_of_ended = a.agreement.status in _ENDINGS and d.agreement.status in ("signed", "ratified")
            if d.date and a.date and not d.date_guessed and not before and not signing_of_ended and (
                    not a.date_guessed and d.date[:7] != a.date[:7] or a.date_guessed and d.date[:4] < a.date[:4]):
                continue  # "the agreement reached in March" is not the one to be signed in July
            if score > best_score:
                best, best_score = a, score
        if best is not None and best.agreement is not None and best.agreement.status in _ENDINGS and (
                d.agreement.status in ("signed", "ratified") and d.date and not d.date_guessed):
            before = True  # "suspending the treaty ... the treaty, signed in 2010": its signing, long before
        if best is not None and before:  # "when the first agreement was signed in 1975"
            d.actors = list(dict.fromkeys(best.actors + best.recipients))  # in text order, not a set's
            d.modality = "historical"
            d.merge_key = ("agreement", d.agreement.instrument, frozenset(d.actors), "earlier", d.date)
        elif best is not None:
            d.merge_key = best.merge_key
            d.actors = list(best.actors)
            d.recipients = list(best.recipients)
            if d.modality == "historical" and best.modality is None:
                d.modality = None
        elif id(d) in definite or older or another:  # no antecedent: the signatories' states, the sentence's, else
            d.actors = list(d.hint_parties) or _sentence_parties(d.sentence, table)
            pair = story_pair(table, drafts[:k], d.sentence.start) if len(d.actors) == 1 and not (
                d.agreement.name) else []  # a named treaty ("the ABM treaty") is not the story's pair's
            if d.actors and d.actors[0] in pair and table.actors[d.actors[0]].kind == "country":
                d.actors += [p for p in pair if p != d.actors[0]]  # "Under the deal, Saudi Arabia has agreed"
            if not d.actors and (id(d) in stated or older or another):  # "would formalise the agreement reached
                d.actors = story_pair(table, drafts[:k], d.sentence.start)  # in March": the story's two
            if d.actors:
                d.merge_key = ("agreement", d.agreement.instrument, frozenset(d.actors), d.agreement.status) + (
                    (d.date,) if older else (d.trigger,) if another else ())
    for k, d in enumerate(drafts):  # "Creditors have reached agreement ... He said the accord, reached in the
        if not d.awaiting_parties:   # Paris Club, ...": the next sentence names whose it is
            continue
        named = next((a for a in drafts[k + 1:] if id(a) in definite and a.merge_key is not None and a.actors
                      and next_sentence(d.sentence, a.sentence) and a.agreement is not None
                      and d.agreement is not None and a.agreement.status == d.agreement.status), None)
        if named is not None:
            d.merge_key, d.actors = named.merge_key, list(named.actors)
    drafts[:] = [d for d in drafts if d.merge_key is not None]


def _corefer(drafts: list[Draft], definite: set[int], table: ActorTable) -> None:
    """A definite mention whose parties are among those of an earlier agreement of the same standing is
    that agreement again ("The EC agreed a trade deal with Argentina ... Under the deal agreed by EC
    foreign ministers ...")."""
    for k, d in enumerate(drafts):
        ag = d.agreement
        if id(d) not in definite or ag is None or _earlier_one(d):
            continue
        current = next((a for a in drafts[:k] if a.merge_key == d.merge_key), None)
        for a in reversed(drafts[:k]):
            other = a.agreement
            if current is not None and _same_kind(current, d) and not _same_kind(a, d) and (
                    current.agreement is not None and current.agreement.status == ag.status):
                continue  # "The MOU was signed by ...": the memorandum it already is, not the later treaty
            mine, theirs = d.all_parties(), a.all_parties()
            if other is None or a.merge_key == d.merge_key or not (
                    mine <= theirs or _states(table, mine) <= _states(table, theirs)):
                continue  # "the deal with Japan" is the memorandum the two ministries signed
            if ag.name and not _same_name(ag.name, other.name) or d.date and a.date and not d.date_guessed and (
                    d.date[:4] != a.date[:4]):
                continue  # "the Fisheries Agreement signed in 2019" is not this year's protocol
            if ag.status == other.status or {ag.status, other.status} <= {"signed", "ratified"}:
                d.merge_key, d.actors, d.recipients = a.merge_key, list(a.actors), list(a.recipients)
                break
        else:
            bloc = next((a for a in reversed(drafts[:k]) if a.agreement is not None and a.all_parties() and all(
                table.actors[p].sector == "IGO" for p in a.all_parties())), None)
            if bloc is not None and ag.status not in _ENDINGS and not ag.name and all(
                    table.actors[p].kind == "country" for p in d.all_parties()):
                d.merge_key = bloc.merge_key  # "agreement reached by members of the OECD ... Japan's willingness
                # to accept the pact": a member taking up the bloc's agreement is one of its parties


def _same_name(name: str, other: str | None) -> bool:
    """"ABM" is the "Anti-Ballistic Missile Treaty" again: a name, or the initials that begin the other."""
    if other is None or name == other:
        return name == other
    short, full = sorted((name, other), key=len)
    initials = "".join(w[0] for w in re.split(r"[\s-]+", full) if w[:1].isupper())
    return short.isupper() and len(short) >= 2 and initials.startswith(short)


def _same_kind(a: Draft, d: Draft) -> bool:
    """Does ``d``'s instrument word name ``a``'s ("the agreement" names a free trade agreement)?"""
    return a.agreement is not None and d.agreement is not None and f" {a.agreement.instrument}".endswith(
        f" {d.agreement.instrument}")


def _name_the_agreed(drafts: list[Draft], definite: set[int]) -> None:
    """"Kenya and Uganda agreed on Friday to build a pipeline. Their ministers signed a memorandum of
    understanding that covers ...": the text the next sentence names is the one just agreed, unless it
    says it is another ("also", "a separate accord")."""
    for k, d in enumerate(drafts):
        if d.agreement is None or id(d) in definite or d.unnamed_instrument or d.modality is not None:
            continue
        if any(t.lower_ in _ANOTHER for t in d.sentence):
            continue
        agreed = next((a for a in reversed(drafts[:k]) if a.unnamed_instrument and a.agreement is not None
                       and next_sentence(a.sentence, d.sentence)
                       and a.all_parties() == d.all_parties() and a.agreement.status == d.agreement.status
                       and (d.date_guessed or a.date_guessed or a.date == d.date)), None)
        if agreed is not None:
            _rekey(drafts, d.merge_key, agreed.merge_key)


def _terms_reported(drafts: list[Draft], table: ActorTable) -> None:
    """"Reagan and Chirac signed an agreement ending a dispute between two institutes. In a joint statement,
    Chirac and Reagan said the Pasteur Institute and the National Cancer Institute agreed to share the
    royalties": what the signers say was agreed, just after, is the agreement they signed."""
    for k, d in enumerate(drafts):
        if not d.unnamed_instrument or d.agreement is None or d.trigger is None:
            continue
        said = d.sentence.doc[d.trigger].head
        if said.lemma_ not in args.REPORTING or said.i == d.trigger:
            continue
        speakers = {p for t in args.subjects(said) for a in args.actors_at(table, t) if (p := args.party(table, a))}
        signed = next((a for a in reversed(drafts[:k]) if a.agreement is not None and not a.unnamed_instrument
                       and next_sentence(a.sentence, d.sentence) and a.agreement.status == d.agreement.status
                       and speakers and speakers <= a.all_parties()), None)
        if signed is not None:
            _rekey(drafts, d.merge_key, signed.merge_key)


def _headline_word(doc: Doc, drafts: list[Draft], body_start: int) -> None:
    """An agreement the body never names ("Malaysia has also agreed to barter palm oil") is called what
    the headline calls the story's one kind of text ("COUNTERTRADE DEAL FOR MALAYSIAN PALM OIL")."""
    kinds = {_SINGLE[w] for w in re.findall(r"[a-z]+", doc.text[:body_start].lower()) if w in _GENERIC}
    if len(kinds) != 1:
        return
    [kind] = kinds
    for d in drafts:
        if d.unnamed_instrument and d.agreement is not None and not any(
                o is not d and o.merge_key == d.merge_key and not o.unnamed_instrument for o in drafts):
            d.agreement.instrument = kind


_EFFECTIVE = re.compile(r"\b(?:effective|takes? effect|take effect|comes? into (?:force|effect))\b", re.I)


def _effective_dates(drafts: list[Draft], reference: str | None) -> None:
    """"... it was terminating the 1948 tax treaty. The termination is effective January 1, 1988": an
    ending is dated by when it takes effect, where the text says so there or in the next sentence."""
    for d in drafts:
        if d.agreement is None or d.agreement.status not in ("terminated", "suspended") or not (
                d.date is None or d.date_guessed):
            continue
        doc = d.sentence.doc
        following = [next(iter(doc[d.sentence.end:].sents))] if d.sentence.end < len(doc) else []
        for sent in [d.sentence] + following:
            m = _EFFECTIVE.search(sent.text)
            if m is None:
                continue
            exprs = [e for e in time_expressions(sent, reference, True) if e.start >= sent.start_char + m.start()]
            if exprs:
                d.date, d.date_precision, d.date_guessed = exprs[0].iso, exprs[0].precision, False
                break


def _rekey(drafts: list[Draft], old: tuple | None, new: tuple | None) -> None:
    """One agreement after all: every mention filed under ``old`` goes under ``new``."""
    for d in drafts:
        if d.merge_key == old:
            d.merge_key = new


_ANOTHER = {"also", "separate", "another", "second", "further", "additional", "other"}


def _states(table: ActorTable, parties: set[str]) -> set[str]:
    """Each party as its state where it has one (a ministry, a state company)."""
    return {table.actors[p].country or p if p in table.actors else p for p in parties}


def _earlier_one(d: Draft) -> bool:
    """"The previous agreement", "when the first accord was signed": one before the story's. Of one still
    to come, "the first" is a first of its kind ("plans to form the first foreign joint venture")."""
    doc = d.sentence.doc
    head = doc[d.trigger] if d.trigger is not None else None
    if head is None or d.agreement is not None and d.agreement.status in ("planned", "proposed"):
        return False
    if head.dep_ == "dobj" and head.head.lemma_ in _SUCCEEDS or head.dep_ == "pobj" and head.head.lower_ in (
            "on", "upon") and head.head.head.lemma_ == "build":
        return True  # "it replaces the 1960 treaty", "builds on the agreement": the one it comes after
    return any(c.lower_ in _EARLIER and not _age(c) for c in head.children if c.i < head.i)


_SUCCEEDS = {"replace", "supersede", "succeed", "follow"}


def _age(tok: Token) -> bool:
    """"the eight month old pact": its age, not an earlier pact."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.lower_ == "old" and prev is not None and prev.lower_.rstrip("s-") in ("day", "week", "month", "year")


_AREA_CUE = re.compile(
    r"\b(?:will|would|shall|to|also|further|mainly|primarily|is set to|are set to)?\s*"
    r"(?:address(?:es|ed)?|cover(?:s|ed|ing)?|include(?:s|d)?|including|focus(?:es|ed)?\s+on|involv(?:e|es|ed|ing)|"
    r"span(?:s|ned)?|encompass(?:es|ed)?|concern(?:s|ed)?|provides?\s+for|aim(?:s|ed)?\s+at|envisages?|"
    r"(?:in|on)\s+(?:the\s+)?(?:fields?|areas?|sectors?|spheres?|domains?)\s+(?:of|such\s+as|including|like)|"
    r"cooperat(?:ion|e)\s+(?:in|on)|such\s+as|"
    r"agreed\s+(?:to|on)(?:\s+(?:encourage|promote|boost|expand|develop|strengthen|improve|increase|facilitate|"
    r"exchange|share|cooperate\s+(?:in|on)))?|"
    r"(?:aimed\s+at|to)\s+(?:encourage|promote|boost|boosting|expand|develop|strengthen|improve|increase|facilitate|"
    r"exchange|share))\s*:?\s+", re.I)
_BULLET = re.compile(
    r"^\s*(?P<mark>[-•*–—·▪]|\(?\d{1,2}[.)]|\(?[a-h][.)])\s+(?P<item>\S.*?)\s*(?:[;.,]|;?\s+and)?\s*$")


def _attach_areas(sents: list[Span], drafts: list[Draft]) -> None:
    """Areas go to the agreement of their sentence or, failing that, the nearest one before."""
    if not drafts:
        return
    for sent in sents:
        items = areas_in(sent)
        if not items:
            continue
        target = None
        for d in drafts:
            if d.agreement is not None and d.sentence.start <= sent.start:
                target = d if target is None or d.sentence.start >= target.sentence.start else target
        if target is None or target.agreement is None or sent.start - target.sentence.end > 80:
            continue
        target.agreement.areas.extend(it for it in items if it not in target.agreement.areas)
        if sent != target.sentence:
            target.extra_evidence.append(sent)


def areas_in(sent: Span) -> list[str]:
    """The items of an enumeration of fields of cooperation: after a cue ("will address A, B, C and D",
    "in the fields of A and B", "include:") in running text, or as a bulleted list after a colon."""
    text = sent.doc.text
    colon = re.search(r":[ \t]*\r?\n", sent.text)
    bullets = _bullets(text, sent.start_char + colon.start() + 1) if colon else []
    if bullets:  # "the following agreements: 1. MoU on ...": texts of their own (see _itemise), not fields
        return [b for b in bullets if not _opens_with_text(b)]
    for m in reversed(list(_AREA_CUE.finditer(sent.text))):  # "agreed to raise trade, and to cooperate on A, B and C"
        items = _listed_after(sent, m)
        if items:
            return items
    return []


def _listed_after(sent: Span, m: re.Match) -> list[str]:
    """The items of the list that follows the cue ``m`` in ``sent``, else none."""
    if re.search(r"(?:\bnot|n't|\bnever|\bno longer)\s+(?:\w+\s+)?$", sent.text[:m.start()] + " ", re.I):
        return []  # "it does not cover commodity futures": what it leaves out
    tail = sent.text[m.end():].strip()
    tail = re.split(r"[;:]|\s[-–—]\s|,?\s+(?:which|that|whose|but|except|excluding|in order to|so as to|"
                    r"aimed at|with the aim)\b|,\s+(?:during|at|after|before|when|while|as)\b|"
                    r",\s+(?:[\w'.-]+\s+){0,8}?(?:said|says|told|announced|reported|added)\b|"  # who says so
                    r"\s+during\s+(?:a|an|the|his|her|their|its|[A-Z][\w-]*['’]s)\s|"  # on what occasion
                    rf"\s+(?:on|last|this|next|in|early|late)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|week|"
                    rf"month|year|{_MONTH})\b", tail)[0]  # and when
    tail = tail.rstrip(" .")
    parts = [p.strip() for p in re.split(r",\s*", tail) if p.strip()]
    if not parts:
        return []
    last = re.split(r"\s+(?:and|as well as|or)\s+", re.sub(r"^(?:and|as well as|or)\s+", "", parts[-1]))
    joined = len(parts) > 1 and re.match(r"^(?:and|as well as|or)\s+", parts[-1]) is not None
    if len(last) < 2 and not joined:
        return []  # a list ends in "and"/"or": "in the field of AI, as part of ..." is no list
    if len(parts) == 1:
        items = last
    else:
        items = [re.sub(r"^(?:and|as well as|or)\s+", "", p) for p in parts[:-1]]
        items += [re.sub(r"^(?:and|as well as|or)\s+", "", parts[-1])] if joined else last
    items = [re.sub(r"^(?:the|a|an)\s+", "", it).strip() for it in items]
    items = [re.sub(_TEXT_ON, "", it) or it for it in items]  # "pacts on civil nuclear energy": the field
    if items and re.match(_WHEN, items[0]):
        return []  # "cooperation on November 16 in Lima, ...": when and where, not a list of fields
    cut = next((k for k, it in enumerate(items) if re.match(_CIRCUMSTANCE, it)), len(items))
    items = items[:cut]  # "..., on the sidelines of the summit, in the presence of ...": the occasion
    longest = 12 if len(parts) > 1 else 8  # "A and B" alone: two short fields, not a clause with an "and" in it
    if len(items) < 2 or any(not it or len(it.split()) > longest or _CLAUSE.search(it) for it in items):
        return []  # "exports has cost the United States lost jobs and lost exports": a clause, no list
    names = {re.sub(r"^the\s+", "", e.text, flags=re.I) for e in sent.ents if e.label_ in _NAME_LABELS}
    if 2 * sum(1 for it in items if it in names) >= len(items):
        return []  # "delegates from the U.K., Switzerland, the U.S. and Canada": who, not what
    return items


_CLAUSE = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would)\b", re.I)
_NAME_LABELS = ("GPE", "NORP", "PERSON", "ORG", "LOC")
_TEXT_ON = re.compile(r"^(?:\w+\s+)?(?:agreements?|accords?|pacts?|deals?|treat(?:y|ies)|protocols?|memorand(?:um|a)|"
                      r"mous?|declarations?(?:\s+of\s+intent)?|contracts?|letters?\s+of\s+intent)\s+(?:on|in|for)\s+"
                      r"(?:the\s+)?", re.I)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_WHEN = re.compile(rf"(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
                   r"(?:last|next|this)\s+(?:week|month|year)\b)")
_CIRCUMSTANCE = re.compile(r"(?:on the (?:sidelines|margins|occasion)|in the presence|at the (?:invitation|request)|"
                           r"during (?:a|the|his|her|their)\b|in (?:[A-Z]\w+)$)", re.I)


_SCOPE_PREPS = ("on", "covering", "concerning", "regarding", "for", "over", "in", "of")
_SCOPE_ACL = {"cover", "aim", "allow", "provide", "govern", "regulate", "set", "establish", "create", "boost",
              "promote", "encourage", "improve", "expand", "develop", "strengthen", "enhance", "support", "settle",
              "end", "reschedule", "restructure", "finance", "fund", "build", "supply", "sell", "buy", "purchase",
              "import", "export", "form", "produce", "protect", "share", "control", "reduce", "limit", "cut"}


def scope(ins: Instrument, verb: Token | None) -> list[str]:
    """What an agreement is about, from its own phrase: "an agreement on trade and investment", "a
    defence and economic agreement", "an agreement to reschedule 26 mln marks of debt", "agreements
    aimed at boosting trade and tourism"."""
    head = ins.head
    out: list[str] = []
    # Modifiers that name a field: nouns ("fishing accord") and topic adjectives ("economic agreement").
    name_words = set((ins.name or "").split())  # "the Digital Economy Agreement": a name, not its fields
    mods = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < ins.start and (
        c.pos_ == "NOUN" and not c.like_num or topics_of_text(c.text)) and c.text not in name_words
        and not any(k.dep_ == "nummod" for k in c.children)]  # "the 11-nation pact": its size, no field
    for m in mods:
        out += [_item(t) for t in args.conjuncts(m) if t.i < ins.start and not t.like_num]
    tail = head.doc[ins.end - 1]  # "a memorandum of understanding on green hydrogen": "on" hangs on its last word
    for c in list(head.children) + (list(tail.children) if tail.i != head.i else []):
        if c.dep_ == "prep" and c.lower_ in _SCOPE_PREPS and c.i >= ins.end:
            obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
            # less "in principle" and a second text the parser hung there ("on the partnership and a treaty")
            named = ins.name is not None and f" {c.text} " in f" {ins.name} " and obj is not None and (
                obj.text in ins.name.split())  # "the Agreement for Trans-Pacific Partnership with Peru": a name
            where = c.lower_ == "in" and obj is not None and (obj.lower_ in PLACE_NOUNS or any(
                t.ent_type_ in ("GPE", "LOC", "FAC") for t in obj.subtree))  # "a treaty in the city of Aachen"
            when = obj is not None and obj.ent_type_ in ("DATE", "TIME")  # "signed ... on Monday"
            if obj is not None and obj.lower_ != "principle" and not named and not where and not when:
                out += [_item(t) for t in args.conjuncts(obj) if not (t.i != obj.i and t.lower_ in _SINGLE and any(
                    d.dep_ == "det" and d.lower_ in ("a", "an") for d in t.children))]
        if c.dep_ in ("acl", "relcl") and (c.lemma_ in _SCOPE_ACL or _infinitive_of_purpose(c)) or (
                c.dep_ == "acl" and c.lemma_ == "aim"):
            out += _purpose(c, 20)  # "an agreement ending a dispute between two institutes over patent rights"
        if c.dep_ == "prep" and c.lower_ == "with":  # "an accord with Britain aimed at ...": the parser hangs
            out += [p for o in c.children for a in o.children if a.dep_ == "acl" and a.lemma_ == "aim"
                    for p in _purpose(a)]  # "aimed" on the party
    if verb is not None:
        for c in verb.children:
            if c.dep_ in ("advcl", "xcomp") and (c.lemma_ in _SCOPE_ACL and any(a.tag_ == "TO" for a in c.children)
                                                 or _infinitive_of_purpose(c)):
                out += _purpose(c)
    out += _terms_under(ins)
    return [o for o in dict.fromkeys(o.strip() for o in out) if o and len(o.split()) <= 24 and not (
        ins.name and o in ins.name)]  # "Agreement for Trans-Pacific Partnership": its name, not what it covers


def _terms_under(ins: Instrument) -> list[str]:
    """"Under this accord, Canada and France also agreed to refer differences over the boundary to
    arbitration": what the parties undertake under it is what it covers."""
    head = ins.head
    if head.dep_ != "pobj" or head.head.lower_ != "under" or head.head.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = head.head.head
    if verb.lemma_ == "agree":
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), verb)
    return [] if verb.lemma_ in ("agree", "be", "have") else _purpose(verb, 24)


def _infinitive_of_purpose(verb: Token) -> bool:
    """"an accord to swap market information": an active "to" clause with an object says what the
    agreement is for ("to be signed next week" says when)."""
    objects = [o for o in verb.children if o.dep_ == "dobj"]
    active = not any(a.dep_ == "auxpass" for a in verb.children) and verb.lemma_ not in {"be", "have", "take"}
    return verb.pos_ == "VERB" and any(a.tag_ == "TO" for a in verb.children) and active and bool(objects) and (
        verb.lemma_ not in _STATUS_VERBS or not any(o.lower_ in _SINGLE for o in objects))  # "to sign a treaty": when


_AMOUNT_WORDS = {"mln", "million", "billion", "bln", "trillion", "dlr", "dlrs", "dollar", "dollars", "stg", "yen",
                 "euro", "euros", "ecu", "ecus", "pct", "percent", "$", "£", "€", "-"}


def _item(tok: Token) -> str:
    """The phrase of one conjunct, without its coordinated siblings and leading articles."""
    skip: set[int] = set()
    for c in tok.children:
        if c.dep_ in ("cc", "punct", "preconj"):
            skip.add(c.i)
        elif c.dep_ == "conj" or c.dep_ == "relcl" and c.i > tok.i:  # ", which he hoped to sign": no field
            skip |= {t.i for t in c.subtree}
    toks = [t for t in tok.subtree if t.i not in skip]
    while toks and (toks[0].lower_ in ("the", "a", "an", "and", "as", "well", "its", "their") or toks[0].is_punct
                    or len(toks) > 1 and (toks[0].like_num or toks[0].lower_ in _AMOUNT_WORDS)):
        toks.pop(0)  # "a 300 mln dlr loan agreement": a loan
    while toks and toks[-1].is_punct:
        toks.pop()
    return tok.doc[toks[0].i:toks[-1].i + 1].text if toks else tok.text


def _purpose(verb: Token, longest: int = 14) -> list[str]:
    """"to reschedule 26 mln marks" -> "reschedule 26 mln marks"; "aimed at boosting trade and tourism"
    -> "trade", "tourism"."""
    if verb.lemma_ == "aim":
        at = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at"), None)
        inner = next((o for o in at.children if o.dep_ in ("pcomp", "pobj")), None) if at is not None else None
        if inner is None:
            return []
        obj = next((o for o in inner.children if o.dep_ == "dobj"), None) if inner.pos_ == "VERB" else inner
        items = [_item(t) for t in args.conjuncts(obj)] if obj is not None else []
        fields = [_item(g) for h in (inner, obj) if h is not None for c in h.children
                  if c.dep_ == "prep" and c.lower_ in ("in", "on") for g in c.children if g.dep_ in ("pcomp", "pobj")]
        return items + fields  # "improving cooperation in investigating securities law violations"
    obj = next((o for o in verb.children if o.dep_ == "dobj"), None)
    inner = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"), None)
    if obj is None and inner is not None:
        return _purpose(inner, longest)  # "allowing France to increase its cod quota": what it allows
    if obj is None:
        return []
    items = [_item(t) for t in args.conjuncts(obj)]
    # and what that is for: "to aid Peru ... to draw up studies for farm development"
    further = [p for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > obj.i and _infinitive_of_purpose(c)
               for p in _purpose(c, longest)]
    if len(items) > 1:
        return items + further
    # One object: the whole predicate, "aid Peru with 160,000 dlrs in technical assistance".
    end = max([t.i for c in verb.children if c.dep_ in ("dobj", "prep", "dative", "prt") and c.i > verb.i
               for t in c.subtree], default=obj.i)
    phrase = re.split(r",\s+(?:a|an|its|their|which|who|whose)\b", verb.doc[verb.i:end + 1].text)[0]  # less ", a
    # move Somalia called illegal", ", its first export contract"
    return ([phrase.rstrip(" ,;")] if len(phrase.split()) <= longest else [f"{verb.text} {items[0]}"]) + further


def _opens_with_text(item: str) -> bool:
    words = item.lower().split()
    return bool(words) and (words[0] in _SINGLE or any(tuple(words[:len(seq)]) == seq for seq, _ in _MULTI))


def _bullets(text: str, start: int) -> list[str]:
    items: list[str] = []
    kind = ""
    for line in text[start:].lstrip("\r\n").splitlines():
        if not line.strip():
            if items:
                break
            continue
        m = _BULLET.match(line)
        if m is None or items and _mark_kind(m.group("mark")) != kind:
            break  # "a) ... b) ... c) ..." and then the release's own "3." paragraph
        kind = _mark_kind(m.group("mark"))
        items.append(m.group("item").strip())
    return items if len(items) >= 2 else []


def _mark_kind(mark: str) -> str:
    return "digit" if any(ch.isdigit() for ch in mark) else "letter" if any(ch.isalpha() for ch in mark) else "dash"


def _signed_by_it(sents: list[Span], drafts: list[Draft], table: ActorTable) -> None:
    """"South Korea and Chile signed a memorandum ... It was signed by X and Y": the people who signed "it"
    in the next sentence signed the text the sentence before named."""
    for before, sent in zip(sents, sents[1:], strict=False):
        for verb in sent:
            if verb.lemma_ not in ("sign", "ink", "initial") or not any(
                    c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children):
                continue
            signers = [a for t in args.agents(verb) for a in _actors_in(table, t) if table.actors[a].kind == "person"]
            target = next((d for d in drafts if d.agreement is not None and d.sentence == before), None)
            if target is None or not signers or target.agreement is None:
                continue
            target.agreement.signatories += [p for p in dict.fromkeys(signers) if p not in target.agreement.signatories]
            target.extra_evidence.append(sent)


def _complete_signatory_states(drafts: list[Draft], table: ActorTable) -> None:
    """Two parties, two signatories, one state known: the other signatory signed for the other party."""
    for d in drafts:
        ag = d.agreement
        if ag is None or len(ag.signatories) != 2:
            continue
        parties = [p for p in d.all_parties() if table.actors.get(p) is not None and table.actors[p].kind == "country"]
        if len(parties) != 2:
            continue
        known = [table.actors[s].country for s in ag.signatories]
        for s, c in zip(ag.signatories, known, strict=True):
            if c is None:
                others = [p for p in parties if p not in known]
                if len(others) == 1:
                    table.actors[s].country = others[0]
                    org = table.affiliation.get(s)
                    if org and table.actors.get(org) is not None and table.actors[org].country is None:
                        table.actors[org].country = others[0]

