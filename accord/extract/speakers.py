"""Who said it: the cue and the speaker of a quotation, and the actor that speaker is.

The text ties a speaker to a quotation in one of these ways, tried in this order (``quotes.py`` runs
the cascade and adds the ways that need the paragraphs around a quotation):
  after    the cue follows the closing mark: "...," the minister said / said Smith / — Smith
  syntax   the quotation sits inside what a speech verb reports: X said the plan was "a disaster"
  before   the cue precedes the opening mark: X told reporters: "..." / X said, "..."
  intro    a clause ending in a colon: "Prime Minister Benjamin Netanyahu:", "Her letter reads:"
  clause   no speech verb, but a verb above the quotation whose subject could speak
  context  the actor the quotation's sentence, or the one before it, is about
A speaker token becomes an actor through its own mention in the actor table; a pronoun's antecedent,
of the pronoun's gender and never a name inside a quotation ("I told Obama," he said is not Obama
speaking); an office ("the minister" is the minister the article named); or, where the actor
extractor found none, a new actor for the unnamed source ("a White House spokesman", "officials").
"""
from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from accord import knowledge
from accord.extract.actors import ActorTable, slug
from accord.extract.arguments import subjects
from accord.extract.names import gender
from accord.records import Actor

Span = tuple[int, int]

_SUBJECT = ("nsubj", "nsubjpass", "csubj")
_NP_LEFT = ("det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "predet")
_PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
_PLURAL_PRONOUNS = {"they", "them"}
_RELATIVE = {"who", "which", "that", "whom"}
_STOP = {".", "!", "?", ";"}
_NOT_ACTOR = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "LAW"}
_LEADING = "-—–\"“”'‘’("
_DASHES = {"-", "--", "—", "–"}
_WINDOW_SENTS = 4  # how far back a pronoun looks for its antecedent
_AFTER_WINDOW = 12  # tokens after a closing mark in which its cue may stand
_BEFORE_WINDOW = 16  # tokens before an opening mark
_OFFICE_WINDOW = 400  # mentions back that "the minister" looks for the minister


@functools.cache
def lexicon() -> dict[str, frozenset[str]]:
    """The word lists of ``knowledge/speech.json`` as sets."""
    data = knowledge.load("speech")
    return {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}


@functools.cache
def particles() -> dict[str, str]:
    """Verbs that are cues only with their particle: "pointed out", "went on"."""
    return dict(knowledge.load("speech")["particles"])


@dataclass
class Cue:
    """How a quotation is tied to its speaker."""

    verb: Token | None  # the speech verb, or "according"; None for an intro line or a dash
    speaker: Token | None  # the token the text ties to the quotation ("he", "Netanyahu", "who")
    how: str  # after | syntax | before | intro | clause | context | name | carried
    content: Span | None = None  # what the verb reports (characters), where wider than the quotation

    def span(self) -> Span | None:
        """Characters of the cue words: "said", "pointed out", "according to"."""
        if self.verb is None:
            return None
        v = self.verb
        end = v.idx + len(v.text)
        nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
        if nxt is not None and (v.lower_ == "according" and nxt.lower_ == "to"
                                or particles().get(v.lemma_.lower()) == nxt.lower_):
            end = nxt.idx + len(nxt.text)
        return (v.idx, end)


@dataclass
class Speaker:
    """A resolved speaker: the actor id, the characters the text ties to the quote, a name to show."""

    actor: str | None
    span: Span
    text: str


class Speakers:
    """Cue finding and speaker resolution over one article; ``quoted`` marks the tokens inside quotation marks."""

    def __init__(self, doc: Doc, table: ActorTable, quoted: bytearray) -> None:
        self.doc, self.table, self.quoted = doc, table, quoted
        self.text = doc.text  # Doc.text joins every token on each call: read it once
        self.lex = lexicon()
        self.framing = self.lex["speech_verbs"] | self.lex["quote_verbs"]
        self.sent_start = [0] * len(doc)
        self.sent_starts: list[int] = []
        for s in doc.sents:
            self.sent_starts.append(s.start)
            for i in range(s.start, s.end):
                self.sent_start[i] = s.start
        self.free = sorted((m for m in table.mentions if not quoted[m.start]), key=lambda m: m.start)
        self.free_starts = [m.start for m in self.free]
        self.speakers_seen: set[int] = set()  # tokens already found speaking
        self._longest: dict[str, Span] = {}  # actor -> characters of its longest mention
        for m in table.mentions + table.nested:
            self._remember(m.actor, m.start, m.end)
        self._names: dict[str, str] = {}  # actor name (lower case), or "~" + a person's surname -> id
        for a in table.actors.values():
            self._learn(a.name, a.id, a.kind == "person")
        self._places = {i for loc in table.locations if loc.country for i in range(loc.start, loc.end)}

    # --- cues ----------------------------------------------------------------------------------

    def is_cue(self, tok: Token, thought: bool = False, quoting: bool = False) -> bool:
        """A speech verb used as a verb, outside any quotation; with ``thought`` also a verb of belief
        (for reported speech), with ``quoting`` also a verb that only frames a quotation ("called it")."""
        if self.quoted[tok.i]:
            return False
        if tok.lower_ == "according":
            return tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to"
        if not (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")):
            return False
        lemma = tok.lemma_.lower()
        particle = particles().get(lemma)
        if particle is not None:
            return tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == particle
        return (lemma in self.lex["speech_verbs"] or thought and lemma in self.lex["thought_verbs"]
                or quoting and lemma in self.lex["quote_verbs"])

    def after(self, close: int, limit: int, end_mark: str = "", tight: bool = False) -> Cue | None:
        """A cue right after the closing mark: `"...," he said`, `"..." said Smith`, `"..." — Smith`.
        After a quotation that ends its sentence (``end_mark`` ".", "!" or "?") only a lower-case word
        (or after "!" and "?" a name) may go on it; a phrase quoted inside a sentence (``tight``) has none."""
        if tight:
            return None
        doc = self.doc
        j = close
        while j < limit and j - close < 3 and doc[j].is_punct and doc[j].text not in _STOP | {'"', "“"}:
            j += 1
        m = self.table.at(j) if j < limit and j > close and doc[j - 1].text in _DASHES else None
        if m is not None and (m.end >= limit or doc[m.end].is_punct or doc[m.end].is_space):
            return Cue(None, doc[m.end - 1], "after")  # `"..." — Smith`
        if j >= limit or end_mark and not (doc[j].text[:1].islower() or end_mark in "!?" and doc[j].pos_ == "PROPN"):
            return None
        for k in range(j, min(limit, j + _AFTER_WINDOW)):
            t = doc[k]
            if self.quoted[k] or t.text in _STOP or "\n" in t.text or t.pos_ in ("CCONJ", "SCONJ"):
                return None
            if self.is_cue(t, quoting=True) or self._mistagged_cue(t, j):
                who = self.subject(t, floor=close) or self._noun_between(j, k)
                if who is None:  # `"...," adding that ...` speaks for the clause's subject; `said Smith`
                    who = self.subject(t) if t.tag_ == "VBG" else self._noun_after(k, limit)
                return Cue(t, who, "after") if who is not None else None
        return None

    def _mistagged_cue(self, t: Token, j: int) -> bool:
        """`"...," the editorial read.`: a speech verb the tagger took for a noun, closing the clause."""
        nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
        return (t.i > j and t.pos_ == "NOUN" and t.lemma_.lower() in self.framing and (nxt is None or nxt.is_punct)
                and self.doc[t.i - 1].pos_ in ("NOUN", "PROPN", "ADJ"))

    def _noun_between(self, a: int, b: int) -> Token | None:
        """`"...," the ministry's spokesman said`: the last noun before the cue."""
        for k in range(b - 1, a - 1, -1):
            if self.doc[k].pos_ in ("PROPN", "NOUN", "PRON"):
                return self.doc[k]
        last = self.doc[b - 1]
        return last if b > a and last.pos_ == "ADJ" else None  # "the editorial" tagged as an adjective

    def _noun_after(self, k: int, limit: int) -> Token | None:
        """"said Smith" parsed with Smith as object: the noun phrase right after the cue."""
        for i in range(k + 1, min(limit, k + 8)):
            t = self.doc[i]
            if t.is_punct or self.quoted[i] or t.pos_ in ("VERB", "AUX", "ADP"):
                return None
            if t.pos_ in ("PROPN", "NOUN", "PRON"):
                while t.head.i > t.i and t.head.i < min(limit, k + 8) and t.dep_ in ("compound", "amod", "nmod"):
                    t = t.head
                return t
        return None

    def _climb(self, a: int, b: int) -> list[tuple[Token, Token]]:
        """(head, child) pairs from the quotation's (tokens ``a``..``b``) first root up its clauses,
        short of a subject: the verbs whose clause holds it."""
        out: list[tuple[Token, Token]] = []
        child = next((self.doc[r] for r in range(a, b) if not a <= self.doc[r].head.i < b), None)
        for _ in range(12):
            if child is None or child.head.i == child.i or child.dep_ in _SUBJECT:
                break
            out.append((child.head, child))
            child = child.head
        return out

    def syntax(self, a: int, b: int) -> Cue | None:
        """The speech verb whose reported clause holds the quotation: the innermost plain verb of saying
        ("officials said he had told them "..."": told), else the outermost ("X said he had asked them
        to "look into" it": said)."""
        path = [(head, child) for head, child in self._climb(a, b) if self.is_cue(head, quoting=True)]
        inner = [p for p in path if p[0].lemma_.lower() in self.lex["report_verbs"]]
        for verb, child in inner[:1] + path[::-1]:
            who = self.subject(verb)
            if who is not None:
                return Cue(verb, who, "syntax", self._content(child, a, b))
        return None

    def _content(self, child: Token, a: int, b: int) -> Span:
        """Characters of the clause a verb reports, without a leading "that" or trailing punctuation."""
        lo, hi = child.left_edge.i, child.right_edge.i
        while lo < hi and (self.doc[lo].dep_ == "mark" or self.doc[lo].is_punct and lo < a):
            lo += 1
        while hi > lo and self.doc[hi].is_punct and hi >= b:
            hi -= 1
        return (self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi].text))

    def before(self, open_: int, floor: int) -> Cue | None:
        """A cue shortly before the opening mark: `X said: "`, `X told reporters on Monday, "`."""
        doc = self.doc
        for k in range(open_ - 1, max(floor, open_ - _BEFORE_WINDOW) - 1, -1):
            t = doc[k]
            if self.quoted[k] or t.text in _STOP or "\n" in t.text:
                return None
            if self.is_cue(t, quoting=True):
                who = self.subject(t)
                return Cue(t, who, "before") if who is not None else None
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass", "pcomp", "pobj") and k < open_ - 1:
                return None
        return None

    def intro(self, colon: int, floor: int) -> Cue | None:
        """A clause ending in a colon introduces the quotation: the name it ends with, where no verb
        stands between it and the start of the clause or a dash ("Prime Minister Benjamin Netanyahu:",
        "POLLS WRONG - Mark Blumenthal:", "More from Blumenthal:"); else the subject of its nearest verb
        ("X said:", "Clinton's response was:", "Hoff's letter makes a case:")."""
        doc = self.doc
        k = colon - 1
        while k >= floor and (doc[k].is_punct or doc[k].is_space):
            k -= 1
        if k < floor or self.quoted[k]:
            return None
        lo = max(floor, self.sent_start[k])
        for i in range(k, lo - 1, -1):
            if doc[i].text in _DASHES or self.quoted[i]:
                lo = i + 1
                break
        m = self.table.at(k)
        if m is not None and not any(doc[i].pos_ in ("VERB", "AUX") for i in range(lo, m.start)):
            return Cue(None, doc[m.end - 1], "intro")
        for i in range(k, lo - 1, -1):
            t = doc[i]
            if self.is_cue(t, quoting=True) or t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
                who = self.subject(t)
                if who is not None and self.plausible(who):
                    return Cue(t if self.is_cue(t, quoting=True) else None, who, "intro")
        if m is None and doc[k].pos_ == "PROPN" and doc[k].ent_type_ in ("PERSON", "ORG", "") and k - lo < 4:
            return Cue(None, doc[k], "intro")
        return None

    def plausible(self, tok: Token) -> bool:
        """Could this token be a speaker: an actor, a personal pronoun, a statement or a speaker noun."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        return (self.table.at(tok.i) is not None or low in _PERSON_PRONOUNS or low in _PLURAL_PRONOUNS
                or low in ("i", "we") or low in _RELATIVE or lemma in self.lex["statement_nouns"]
                or lemma in self.lex["person_nouns"] or low in self.lex["group_nouns"]
                or lemma in self.lex["org_nouns"] or tok.ent_type_ in ("PERSON", "ORG", "NORP")
                or tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_ACTOR)

    def clause(self, a: int, b: int) -> Cue | None:
        """No speech verb: the nearest verb above the quotation whose subject could speak ("the statement
        talked about "...", "the agency declined to detail "..."")."""
        for head, _ in self._climb(a, b):
            if head.pos_ in ("VERB", "AUX") and not self.quoted[head.i]:
                who = self.subject(head)
                if who is not None and self.plausible(who):
                    return Cue(None, who, "clause")
        return None

    def context(self, open_: int, floor: int) -> Cue | None:
        """No cue at all: the quotation goes with the actor its sentence, or the sentence just before
        it (from ``floor``, the start of this or the previous paragraph), is about."""
        doc = self.doc
        s = self.sent_start[open_]
        candidates = []
        if s < open_:
            candidates.append(doc[s].sent.root)
        elif s > floor:
            prev = self.sent_start[s - 1]
            if prev >= floor and not any(self.quoted[i] for i in range(prev, s)):
                candidates.append(doc[prev].sent.root)
        for root in candidates:
            who = self.subject(root)
            if who is not None and (self.table.at(who.i) is not None or who.lower_ in _PERSON_PRONOUNS):
                actor = self.table.at(who.i)
                if actor is None or self.table.actors[actor.actor].kind in ("person", "organization", "group"):
                    return Cue(None, who, "context")
        return None

    def subject(self, verb: Token, floor: int = -1) -> Token | None:
        """The speaker of a cue verb: its subject (inherited through "saying", "before adding" and "was
        quoted as saying"), the object of "according to", or the author of a statement that "said"."""
        if verb.lower_ == "according":
            to = self.doc[verb.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in verb.children if c.dep_ == "pobj"]
            return objs[0] if objs else None
        v = verb
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "was quoted as saying", "said before adding"
        if any(c.dep_ == "auxpass" for c in v.children):  # "Sanders was asked by host Bill Maher": Maher asks
            agent = [o for c in v.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            if agent and not self.quoted[agent[0].i] and self.plausible(agent[0]):
                return agent[0]
        subj = [c for c in v.children if c.dep_ in _SUBJECT and not self.quoted[c.i] and c.i > floor]
        if not subj and v.i == verb.i and verb.tag_ == "VBG" and verb.i > floor + 1:
            shown = self.doc[verb.i - 1]  # "footage of Clinton asking", "caught Trump saying"
            if shown.dep_ in ("pobj", "dobj") and shown.pos_ in ("PROPN", "PRON") \
                    and not self.quoted[shown.i] and self.plausible(shown):
                subj = [shown]
        if not subj:  # inherited, never from inside what the verb reports
            reported = {t.i for c in v.children if c.dep_ in ("ccomp", "xcomp", "dobj") for t in c.subtree}
            subj = [s for s in subjects(v) if not self.quoted[s.i] and s.i > floor and s.i not in reported]
        if not subj:
            return None
        subj.sort(key=lambda t: abs(t.i - v.i))  # of two parsed subjects, the one next to the verb
        who = next((t for t in subj if self.plausible(t)), subj[0])
        if who.lower_ in ("which", "that") and who.head.dep_ == "relcl":
            who = who.head.head  # "a piece that noted": the piece
        if who.lemma_.lower() in self.lex["statement_nouns"]:
            return self._author(who) or who
        if not self.plausible(who):
            return self._actor_before(who, verb) or who
        return who

    def _actor_before(self, subj: Token, verb: Token) -> Token | None:
        """An implausible subject ("Saturday ... Sen. Warren said"): the actor named nearest before the verb."""
        for i in range(verb.i - 1, max(self.sent_start[verb.i], verb.i - 12) - 1, -1):
            if self.quoted[i]:
                break
            m = self.table.at(i)
            if m is not None:
                return self.doc[m.end - 1]
        return None

    def _author(self, noun: Token) -> Token | None:
        """"X's statement", "a statement from X", "a White House statement"."""
        for c in noun.children:
            if c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN":
                return c
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs:
                    return objs[0]
        return None

    # --- speakers ------------------------------------------------------------------------------

    def resolve(self, tok: Token) -> Speaker:
        """The actor a speaker token stands for, the span the text ties to the quote, and a name: the
        actor's fullest mention ("Prime Minister Benjamin Netanyahu" for "he"), or the span where that
        says more ("the Moroccan foreign ministry", not "Moroccan")."""
        span = self._np(tok)
        actor = self._actor(tok, span)
        text = self._fullest(actor) if actor else None
        start, end = self.doc[span[0]].idx, self.doc[span[1] - 1].idx + len(self.doc[span[1] - 1].text)
        while start < end - 1 and self.text[start] in _LEADING:  # "-Michelle Marks"
            start += 1
        said = self.text[start:end]
        return Speaker(actor, (start, end), text if text and len(text) >= len(said) else said)

    def _np(self, tok: Token) -> Span:
        """Token span of the speaker mention: the noun phrase up to its head (determiners, modifiers,
        possessors: "the Moroccan foreign ministry"), without relative clauses or appositions, and at
        least the actor mention at the token."""
        if tok.pos_ == "PRON" or tok.lower_ in _RELATIVE:
            return (tok.i, tok.i + 1)
        m = self.table.at(tok.i)
        lo, hi = (m.start, m.end) if m is not None else (tok.i, tok.i + 1)
        for c in tok.children:
            if c.i < tok.i and c.dep_ in _NP_LEFT:
                lo = min(lo, c.left_edge.i)
        while lo < tok.i and self.doc[lo].is_punct:
            lo += 1
        return (lo, hi)

    def _actor(self, tok: Token, span: Span) -> str | None:
        """The actor behind a speaker token: a relative pronoun's noun, the token's own mention, a
        pronoun's antecedent, an actor its phrase names where the head is no speaker noun ("the Russian
        side" is Russia), the holder of the office it names ("the minister"), else a new actor."""
        low = tok.lower_
        if low in _RELATIVE and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i != tok.i:
            return self._actor(tok.head.head, self._np(tok.head.head))
        m = self.table.at(tok.i)
        if m is not None:
            return m.actor
        if low in _PERSON_PRONOUNS:
            return self._antecedent(tok.i, person=True, want=_PERSON_PRONOUNS[low])
        if low in _PLURAL_PRONOUNS or low == "it":
            return self._antecedent(tok.i, person=False)
        if tok.pos_ == "PRON":
            return None
        inside = self.table.within(span[0], span[1])
        lemma = tok.lemma_.lower()
        if inside and lemma not in self.lex["org_nouns"] and lemma not in self.lex["person_nouns"]:
            return inside[-1].actor
        if lemma in self.lex["person_nouns"] and not tok.tag_.endswith("S"):
            office = self._office(tok)
            if office is not None:
                return office
        return self._new_actor(tok, span)

    def _antecedent(self, i: int, person: bool, want: str | None = None) -> str | None:
        """The nearest earlier actor outside quotations, in this sentence or the few before it:
        a person for he/she, a group, body or state for they/it; subjects and earlier speakers first."""
        sent = bisect_left(self.sent_starts, self.sent_start[i] + 1) - 1
        floor = self.sent_starts[max(0, sent - _WINDOW_SENTS)]
        best: tuple[int, str] | None = None
        k = bisect_left(self.free_starts, i) - 1
        while k >= 0 and self.free[k].start >= floor:
            m = self.free[k]
            k -= 1
            actor = self.table.actors.get(m.actor)
            if actor is None or (actor.kind == "person") != person:
                continue
            if want and gender(actor.name) not in (None, "u", want):
                continue  # "she" is not Benjamin
            head = self.doc[m.start:m.end].root
            score = m.start + (300 if head.dep_ in _SUBJECT else 0) + (200 if m.end - 1 in self.speakers_seen else 0)
            if best is None or score > best[0]:
                best = (score, m.actor)
        return best[1] if best else None

    def _office(self, tok: Token) -> str | None:
        """"the minister": the latest person before it whose title holds the same office."""
        word = tok.lower_
        k = bisect_left(self.free_starts, tok.i) - 1
        floor = max(-1, k - _OFFICE_WINDOW)
        while k > floor:
            m = self.free[k]
            k -= 1
            actor = self.table.actors.get(m.actor)
            if actor is not None and actor.kind == "person" and actor.title and word in actor.title.lower():
                return actor.id
        return None

    def _new_actor(self, tok: Token, span: Span) -> str | None:
        """Register an unnamed or missed source ("a White House spokesman", "officials", "Alexei
        Obukhov" tagged as a title), on the tokens of its phrase no other actor holds; a state named
        inside it ("a Soviet negotiator") becomes its country."""
        kind = self._kind(tok)
        words = [t for t in self.doc[span[0]:span[1]] if t.dep_ not in ("det", "predet") and t.text not in ("'s", "’s")]
        name = " ".join(t.text for t in words).lstrip(_LEADING)
        start = span[1]
        while start > span[0] and self.table.at(start - 1) is None:
            start -= 1
        if kind is None or not name or start >= span[1]:
            return None
        aid = self._known(name, kind == "person" and tok.pos_ == "PROPN") or {
            "person": "person:", "group": "group:", "organization": "org:"}[kind] + slug(name)
        inside = [self.table.actors[m.actor] for m in self.table.within(span[0], start) if m.actor in self.table.actors]
        self.table.add(Actor(id=aid, kind=kind, name=name, country=next((a.id for a in inside if a.kind == "country"),
                                                                         None)))
        self._learn(name, aid, kind == "person")
        self.table.mention(aid, start, span[1], "speaker")
        self._remember(aid, start, span[1])
        return aid

    def _known(self, name: str, person: bool) -> str | None:
        """An actor the table already holds under this name ("the ministry" found as a group, then "the
        ministry's statement"), or, for a person's name, one of the same surname ("President Obama" is
        "Barack Obama")."""
        return self._names.get(name.lower()) or (self._names.get("~" + name.split()[-1].lower()) if person else None)

    def _learn(self, name: str, aid: str, person: bool) -> None:
        if name.split():
            self._names.setdefault(name.lower(), aid)
            if person:
                self._names.setdefault("~" + name.split()[-1].lower(), aid)

    def _kind(self, tok: Token) -> str | None:
        lemma, ent = tok.lemma_.lower(), tok.ent_type_
        if tok.lower_ in self.lex["group_nouns"] or tok.tag_ in ("NNS", "NNPS") and lemma in self.lex["person_nouns"]:
            return "group"
        if lemma in self.lex["person_nouns"] or ent == "PERSON":
            return "person"
        if lemma in self.lex["org_nouns"] or ent in ("ORG", "NORP", "FAC"):
            return "organization"
        if tok.pos_ == "PROPN" and ent not in _NOT_ACTOR and (ent not in ("GPE", "LOC") or not self._place(tok)):
            return "person"  # a name the tagger missed, or took for a place no gazetteer knows
        return None

    def _place(self, tok: Token) -> bool:
        """The token is part of a place the gazetteer knows."""
        return tok.i in self._places

    def _fullest(self, actor: str) -> str | None:
        """Text of the actor's longest mention: "Prime Minister Benjamin Netanyahu" for "he"."""
        best = self._longest.get(actor)
        if best is None:
            a = self.table.actors.get(actor)
            return a.name if a else None
        return self.text[best[0]:best[1]].lstrip(_LEADING)

    def _remember(self, actor: str, start: int, end: int) -> None:
        a, b = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        old = self._longest.get(actor)
        if old is None or b - a > old[1] - old[0]:
            self._longest[actor] = (a, b)
