"""What the PLOVER coder reads: candidate triggers, their arguments, their features, and the model.

A candidate is where one event may be stated:
  chain  a verb with the verbs and adjectives that complete it through xcomp/acomp ("agreed to open",
         "is willing to withdraw", "refused to meet"). PLOVER codes such a chain once, with the meaning
         of the whole ("agreed to release" is AGREE, "refused to release" REJECT), so the chain is one
         candidate and its parts are features, not candidates of their own.
  noun   an event noun that no chain governs as its object ("A rebel attack on the base killed ...").
Arguments: agents (subjects, inherited along chains; the "by" phrase of a passive; a noun's possessor
and modifiers; "between X and Y") and patients (objects, prepositional objects, the subject of a
reported clause, the objects of an object: "imposed sanctions on X", "announced the release of X"),
found by a walk of bounded depth, so that time stays linear in the sentence.

The features are sparse strings (trigger lemma, particle, object, complements, negation, modals,
lexicon types, argument sectors, nearby words); ``Model`` is the multinomial logistic regression that
``scripts/train_coder.py`` fits on them. Training and coding share this module so that they cannot
drift apart.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Span, Token

from accord import knowledge
from accord.extract import arguments as args
from accord.extract.actors import ActorTable

MAX_PATIENTS = 8
_WALK_DEPTH = 5
_ARG_DEPS = {"dobj", "dative", "attr", "oprd", "pobj", "nsubj", "nsubjpass", "poss", "appos", "conj"}
_VERB_EDGES = {"dobj", "dative", "attr", "oprd", "prep", "ccomp", "xcomp", "acomp"}
_NOUN_EDGES = {"prep", "poss", "appos", "conj", "acl"}
_CLAUSE_MARKS = {"if", "unless", "until", "till", "for", "before"}
_CONTAINERS = {"round", "series", "wave", "spate", "string", "set", "campaign", "number", "kind", "type", "form",
               "package", "program", "programme", "plan", "bid", "effort", "day", "week", "month", "year"}
_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "acl", "pcomp", "relcl"}
_MEANS = {"by", "while", "after", "before", "through", "in"}
_PARTITIVE = {"section", "part", "member", "thousand", "hundred", "dozen", "some", "one", "all", "many", "most",
              "majority", "faction", "wing", "group", "number", "two", "three", "several", "each", "both", "any",
              "none", "rest", "remnant", "unit", "contingent", "delegation"}
_NOMINAL = {"NOUN", "PROPN", "PRON"}
_SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
GROUP = {"AGREE": "vcoop", "CONSULT": "vcoop", "SUPPORT": "vcoop", "COOPERATE": "mcoop", "AID": "mcoop",
         "YIELD": "mcoop", "REQUEST": "vconf", "ACCUSE": "vconf", "REJECT": "vconf", "THREATEN": "vconf",
         "PROTEST": "mconf", "SANCTION": "mconf", "MOBILIZE": "mconf", "COERCE": "mconf", "ASSAULT": "mconf"}
_MODALS = {"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll", "wo", "ca"}


@dataclass
class Candidate:
    head: Token
    members: list[Token]
    kind: str  # chain | noun
    agents: list[Token] = field(default_factory=list)
    patients: list[Token] = field(default_factory=list)
    passive: bool = False
    negated: bool = False


@functools.cache
def lexicon() -> dict:
    return knowledge.load("coder_lexicon")


def lex_type(code: str | None) -> str | None:
    """The PLOVER type of a lexicon code, with CONCEDE and RETREAT folded into YIELD as the model sees them."""
    if code is None:
        return None
    from accord.extract.events import cameo_info

    t = cameo_info(code).get("type")
    return "YIELD" if t in ("CONCEDE", "RETREAT") else t


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


# --- candidates ----------------------------------------------------------------------------------

def candidates(sent: Span) -> list[Candidate]:
    """Chains first, then the event nouns they leave free, in sentence order."""
    chains: list[Candidate] = []
    in_chain: set[int] = set()
    for tok in sent:
        if _chain_head(tok):
            members = _members(tok)
            in_chain.update(m.i for m in members)
            chains.append(Candidate(tok, members, "chain"))
    absorbed = {c.i for cand in chains for m in cand.members for c in m.children
                if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "dative")}
    nouns = [Candidate(tok, [tok], "noun") for tok in sent
             if tok.pos_ in ("NOUN", "PROPN") and tok.i not in absorbed and tok.i not in in_chain
             and _event_noun(tok)]
    out = []
    for cand in chains + nouns:
        _fill_arguments(cand)
        if cand.agents or cand.patients:
            out.append(cand)
    return out


def _chain_head(tok: Token) -> bool:
    if tok.dep_ in ("amod", "compound", "aux", "auxpass", "xcomp") and tok.head.i != tok.i:
        return tok.dep_ == "xcomp" and tok.head.pos_ not in ("VERB", "AUX", "ADJ")
    if tok.pos_ == "VERB":
        return True
    return tok.pos_ == "AUX" and any(c.dep_ in ("acomp", "xcomp", "attr") for c in tok.children)


def _members(head: Token) -> list[Token]:
    out, stack = [head], [head]
    while stack and len(out) < 6:
        t = stack.pop()
        for c in t.children:
            if (c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX", "ADJ")) or (c.dep_ == "acomp" and c.pos_ == "ADJ"):
                out.append(c)
                stack.append(c)
    return out


def _event_noun(tok: Token) -> bool:
    lex = lexicon()
    if lemma(tok) in lex["nouns"] or tok.lower_ in lex["nouns"]:
        return True
    return any(f"{lemma(c)} {lemma(tok)}" in lex["phrases"] for c in tok.children if c.dep_ in ("compound", "amod"))


def _fill_arguments(cand: Candidate) -> None:
    head = cand.head
    if cand.kind == "chain":
        cand.passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
        agents = args.agents(head) if cand.passive or head.dep_ == "acl" else args.subjects(head)
        if not agents and head.dep_ == "pcomp" and head.head.lower_ in _MEANS:
            agents = args.subjects(head.head.head)  # "violated the ceasefire by shelling ..."
        if not agents and head.dep_ == "acl" and head.head.dep_ in ("dobj", "attr"):
            agents = args.subjects(head.head.head)  # "X issued a report accusing Y"
        starts = list(cand.members)
        if cand.passive:
            starts += [c for c in head.children if c.dep_ == "nsubjpass"]
        if not agents:  # "cooperation between X and Y was strengthened", "sanctions by X were imposed"
            agents = [a for o in objects_of(head) if _event_noun(o) for a in _noun_agents(o)]
    else:
        agents = _noun_agents(head)
        starts = [head]
    agents = [p for a in agents for p in (_perpetrators(a) or [a])]
    cand.agents = _expand([stand_in(a) for a in agents if a.pos_ in _NOMINAL or a.pos_ in ("NUM", "ADJ", "X")])
    cand.negated = any(_negated(m) for m in cand.members)
    cand.patients = _walk(starts, cand)


def _perpetrators(tok: Token) -> list[Token]:
    """Who did what an event-noun subject names: "a car bombing by IS killed ...", "Taliban attacks"."""
    if tok.pos_ != "NOUN" or not _event_noun(tok):
        return []
    return _noun_agents(tok)


def stand_in(tok: Token) -> Token:
    """The reporter for a pronoun subject of what it reports: in "X said it would ...", "it" is X."""
    if tok.pos_ != "PRON" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
        return tok
    gov = tok.head.head
    if lemma(gov) not in lexicon()["reporting"]:
        return tok
    subj = args.subjects(gov)
    return subj[0] if subj and subj[0].pos_ != "PRON" else tok


def _expand(tokens: list[Token]) -> list[Token]:
    """Conjuncts join ("by X and Y"); a partitive gives way to its whole ("a section of the army")."""
    out: list[Token] = []
    for t in tokens:
        for c in args.conjuncts(t):
            if lemma(c) in _PARTITIVE:
                whole = [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                         if o.dep_ == "pobj"]
                c = whole[0] if whole else c
            if c not in out:
                out.append(c)
    return out


def _noun_agents(noun: Token) -> list[Token]:
    between = args.objects(noun, ("between", "among"))
    if between:
        return between
    out = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i
           and (c.pos_ in ("PROPN", "ADJ", "NOUN") and (c.text[:1].isupper() or c.dep_ == "poss"))]
    return out + args.agents(noun) + args.objects(noun, ("by",))


def _negated(tok: Token) -> bool:
    """"did not attack", "never met", "no plans to meet"."""
    if any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ == "never" for c in tok.children):
        return True
    return any(g.dep_ == "det" and g.lower_ == "no" for c in tok.children if c.dep_ == "dobj" for g in c.children)


def _walk(starts: list[Token], cand: Candidate) -> list[Token]:
    """Argument heads below the trigger, nearest first, never inside an agent's phrase. Depth counts
    words, not prepositions, so "issued an order to implement a warrant for X" reaches X."""
    banned = {t.i for a in cand.agents for t in a.subtree} | {m.i for m in cand.members}
    out: list[Token] = []
    frontier = [(s, 0) for s in starts]
    seen: set[int] = set()
    k = 0
    while k < len(frontier) and len(out) < MAX_PATIENTS:
        tok, depth = frontier[k]
        k += 1
        if tok.i in seen:
            continue
        seen.add(tok.i)
        if tok.i not in banned and _is_argument(tok, cand):
            out.append(tok)
        if depth >= _WALK_DEPTH:
            continue
        step = 0 if tok.dep_ == "prep" or tok.pos_ == "ADP" else 1
        frontier += [(c, depth + step) for c in _expand(_next(tok, k <= len(starts))) if c.i not in banned]
    return out


def _next(tok: Token, start: bool) -> list[Token]:
    """Where the walk goes from ``tok``: into objects and prepositions; from a verb below the trigger
    also into its subject ("demanded that X appear"), and into "if"/"until" clauses ("will not lift the
    embargo until Cuba ...")."""
    if tok.dep_ == "prep" or tok.pos_ == "ADP":
        edges = {"pobj", "pcomp", "prep"}
    elif tok.pos_ in ("VERB", "AUX", "ADJ") or tok.dep_ in _CLAUSE_DEPS:
        edges = _VERB_EDGES if start else _VERB_EDGES | {"nsubj", "nsubjpass", "conj", "agent"}
    else:
        edges = _NOUN_EDGES
    return [c for c in tok.children if c.dep_ in edges or c.dep_ == "advcl" and "dobj" in edges and any(
        g.dep_ == "mark" and g.lower_ in _CLAUSE_MARKS or g.dep_ == "aux" and g.tag_ == "TO" for g in c.children)]


def _is_argument(tok: Token, cand: Candidate) -> bool:
    if tok.pos_ not in _NOMINAL and not (tok.pos_ in ("NUM", "ADJ", "X") and tok.dep_ in ("dobj", "pobj", "nsubj")):
        return False
    if tok.ent_type_ in _SKIP_ENTS or tok.dep_ not in _ARG_DEPS:
        return False
    own_subject = tok.head.i == cand.head.i and not (cand.passive and tok.dep_ == "nsubjpass")
    if tok.dep_ in ("nsubj", "nsubjpass") and own_subject:
        return False
    return not (tok.pos_ == "PRON" and tok.lower_ in ("it", "this", "that", "which", "what", "itself", "themselves"))


# --- features ------------------------------------------------------------------------------------

def features(cand: Candidate, table: ActorTable) -> list[str]:
    """The sparse features of one candidate (strings; the model ignores those it never saw)."""
    lex = lexicon()
    head = cand.head
    f = [f"k={cand.kind}", f"{'h' if cand.kind == 'chain' else 'n'}={lemma(head)}", f"t={head.tag_}"]
    f += _lexicon_features(cand, lex)
    f += [f"{x.split('L:')[0]}Q={GROUP[x.split('=')[1]]}" for x in f if "L:" in x and x.split("=")[1] in GROUP]
    f += _syntax_features(cand)
    f += _argument_features(cand, table)
    mods = {c.lower_ for m in cand.members for c in m.children if c.dep_ == "aux" and c.lower_ in _MODALS}
    f += [f"m={m}" for m in sorted(mods)]
    marked = [x for x in f if x.startswith(("L:", "Q="))]
    if cand.negated:
        f += ["neg", f"neg_h={lemma(head)}"] + [f"neg&{x}" for x in marked]
    if is_future(cand):
        f += ["fut"] + [f"fut&{x}" for x in marked]
    if cand.passive:
        f.append("pass")
    return list(dict.fromkeys(f))


def is_future(cand: Candidate) -> bool:
    """Stated as still to come: "will meet", "would free" (reported), "is going to", "plans to impose"."""
    cues = lexicon()["modality"]
    aux = {c.lower_ for c in cand.head.children if c.dep_ in ("aux", "auxpass")}
    if aux & set(cues["future"]) or "would" in aux and not conditional(cand.head):
        return True
    if lemma(cand.head) in cues["future_verbs"] and len(cand.members) > 1:
        return True
    return cand.head.dep_ == "xcomp" and lemma(cand.head.head) == "go" and cand.head.head.tag_ == "VBG"


def conditional(head: Token) -> bool:
    """The head sits in, or governs, an "if"/"unless" clause."""
    def marked(t: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children)
    return head.dep_ == "advcl" and marked(head) or any(c.dep_ == "advcl" and marked(c) for c in head.children)


def _lexicon_features(cand: Candidate, lex: dict) -> list[str]:
    out = []
    head, verbs, nouns, phrases = cand.head, lex["verbs"], lex["nouns"], lex["phrases"]
    table = nouns if cand.kind == "noun" else verbs
    if lemma(head) in table:
        out.append(f"L:h={lex_type(table[lemma(head)])}")
    for c in head.children:
        if c.dep_ in ("prt", "prep") and f"{lemma(head)} {c.lower_}" in verbs:  # "call off", "call for"
            out.append(f"L:hp={lex_type(verbs[f'{lemma(head)} {c.lower_}'])}")
        if c.dep_ in ("compound", "amod") and f"{lemma(c)} {lemma(head)}" in phrases:
            out.append(f"L:mh={lex_type(phrases[f'{lemma(c)} {lemma(head)}'])}")
    for m in cand.members:
        if m is not head and lemma(m) in verbs:
            out.append(f"L:x={lex_type(verbs[lemma(m)])}")
        out += _object_lexicon(m, "ho" if m is head else "xo", lex)
    light = lemma(head) in lex["light_verbs"]
    for c in head.children:  # "called for sanctions", "stopped work in a strike"
        for o in c.children if c.dep_ == "prep" else []:
            if o.dep_ == "pobj" and lemma(o) in nouns:
                out.append(f"L:po={lex_type(nouns[lemma(o)])}")
    if light:  # "launch an attack", "hold talks", "issue an ultimatum": the object says what happened
        out += ["light"] + [f"light&{x}" for x in out if x.startswith(("L:o=", "L:po=", "L:mo="))]
    for c in clauses(cand):
        flags = [""] + ["cneg&"] * _negated(c) + ["cfut&"] * bool(
            {a.lower_ for a in c.children if a.dep_ == "aux"} & {"will", "would", "shall", "'ll", "wo"})
        found = ([f"L:c={lex_type(verbs[lemma(c)])}"] if lemma(c) in verbs else []) + _object_lexicon(c, "co", lex)
        out += [flag + x for flag in flags for x in found]
    return out


def _object_lexicon(verb: Token, tag: str, lex: dict) -> list[str]:
    out = []
    phrases, nouns = lex["phrases"], lex["nouns"]
    for o in objects_of(verb):
        if f"{lemma(verb)} {lemma(o)}" in phrases:
            out.append(f"L:{tag}={lex_type(phrases[f'{lemma(verb)} {lemma(o)}'])}")
        if lemma(o) in nouns and tag != "co":
            out.append(f"L:o={lex_type(nouns[lemma(o)])}")
        for c in o.children:
            if c.dep_ in ("compound", "amod") and f"{lemma(c)} {lemma(o)}" in phrases:
                out.append(f"L:mo={lex_type(phrases[f'{lemma(c)} {lemma(o)}'])}")
    return out


def objects_of(tok: Token) -> list[Token]:
    """Direct objects and prepositional objects of one verb ("put on alert": alert); a container noun
    gives way to what it holds ("began a new round of joint exercises": exercises)."""
    out = [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass")]
    out += [o for c in tok.children if c.dep_ in ("prep", "prt") for o in c.children if o.dep_ == "pobj"]
    return out + [g for o in out if lemma(o) in _CONTAINERS for p in o.children if p.dep_ == "prep"
                  and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


def clauses(cand: Candidate) -> list[Token]:
    """The verbs of clauses a chain reports or takes as content: "said *it would free*", "accused X of *attacking*"."""
    out = []
    for m in cand.members:
        for c in m.children:
            if c.dep_ in ("ccomp", "pcomp"):
                out.append(c)
            elif c.dep_ == "prep":
                out += [g for g in c.children if g.dep_ == "pcomp"]
    return out


def _syntax_features(cand: Candidate) -> list[str]:
    head, h = cand.head, lemma(cand.head)
    out = []
    for c in head.children:
        if c.dep_ == "prt":
            out.append(f"hp={h}_{c.lower_}")
        if c.dep_ == "prep":
            out += [f"p={c.lower_}", f"hpp={h}_{c.lower_}"]
            out += [f"po={c.lower_}_{lemma(o)}" for o in c.children if o.dep_ in ("pobj", "pcomp")]
    for m in cand.members[1:]:
        out += [f"x={lemma(m)}", f"hx={h}_{lemma(m)}"]
    for m in cand.members:
        for o in objects_of(m):
            out += [f"o={lemma(o)}", f"mo={lemma(m)}_{lemma(o)}"]
            out += [f"op={lemma(o)}_{c.lower_}" for c in o.children if c.dep_ == "prep"]
    for c in clauses(cand):
        subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        out += [f"c={lemma(c)}", f"csubj={subj.pos_ if subj is not None else 'none'}"]
        out += [f"co={lemma(o)}" for o in objects_of(c)]
        if _negated(c):
            out.append("cneg")
    if h in lexicon()["reporting"]:
        out.append("rep")
    if cand.kind == "noun":
        out += [f"dep={head.dep_}", f"gov={lemma(head.head)}"]
    return out


def _argument_features(cand: Candidate, table: ActorTable) -> list[str]:
    out = [f"as={sector_of(a, table)}" for a in cand.agents[:2]]
    out += [f"ps={sector_of(p, table)}" for p in cand.patients[:2]]
    if not cand.agents:
        out.append("noagent")
    if not cand.patients:
        out.append("nopatient")
    if len(cand.agents) > 1:
        out.append("multiagent")
    return out + _cues(cand)


def _cues(cand: Candidate) -> list[str]:
    """Words near the trigger that speak for one type whatever the verb ("humanitarian", "joint")."""
    cues = lexicon()["cues"]
    skip = {a.i for a in cand.agents}
    out: list[str] = []
    frontier = [(c, 1) for c in cand.head.children]
    while frontier and len(out) < 8:
        tok, depth = frontier.pop()
        if tok.i in skip or tok.dep_ in ("relcl", "advcl", "nsubj", "nsubjpass") and depth == 1 and not cand.passive:
            continue
        if lemma(tok) in cues:
            out.append(f"cue={cues[lemma(tok)]}")
        if depth < 3:
            frontier += [(c, depth + 1) for c in tok.children]
    return out


def sector_of(tok: Token, table: ActorTable) -> str:
    """PLOVER sector (or actor kind) of an argument, from the actor table or the noun lexicon."""
    m = table.at(tok.i)
    if m is not None and m.actor in table.actors:
        actor = table.actors[m.actor]
        return actor.sector or actor.kind
    sectors = lexicon()["sectors"]
    if lemma(tok) in sectors:
        return sectors[lemma(tok)]
    if tok.pos_ == "PRON":
        return "pron"
    return tok.ent_type_ or tok.pos_


# --- model ---------------------------------------------------------------------------------------

class Model:
    """Multinomial logistic regression over sparse string features (weights from coder_model.json)."""

    def __init__(self, data: dict) -> None:
        import numpy as np

        self.classes: list[str] = data["classes"]
        scale = float(data.get("scale", 1.0))
        names = list(data["weights"])
        self.index = {n: k for k, n in enumerate(names)}
        self.weights = np.array([data["weights"][n] for n in names], dtype=float).reshape(len(names), -1) / scale
        self.bias = np.array(data["bias"], dtype=float) / scale
        self.threshold = float(data.get("threshold", 0.5))
        self.threshold_free = float(data.get("threshold_free", self.threshold))

    @classmethod
    def load(cls, path: str | Path) -> Model:
        with open(path, encoding="utf-8") as f:
            return cls(json.load(f))

    def probs(self, feats: list[str]) -> dict[str, float]:
        rows = [self.index[x] for x in feats if x in self.index]
        z = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        top = float(z.max())
        e = [math.exp(float(v) - top) for v in z]
        total = sum(e)
        return {c: v / total for c, v in zip(self.classes, e, strict=True)}
