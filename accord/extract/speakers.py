"""Who said it: the cue and the speaker of a quotation, and the actor that speaker is.

The text ties a speaker to a quotation in one of these ways, tried in this order:
  after    the cue follows the closing mark: "...," the minister said / said Smith / according to X
  syntax   the quotation sits inside what a speech verb reports: X said the plan was "a disaster"
  before   the cue precedes the opening mark: X told reporters: "..." / X said, "..."
  intro    a line naming the speaker ends in a colon: "Prime Minister Benjamin Netanyahu:"
  carried  (``quotes.py``) a quotation with no cue continues the previous speaker's quotation
A speaker token becomes an actor through its own mention in the actor table, a pronoun's antecedent
(never a name inside a quotation: "I told Obama," he said is not Obama speaking), an office ("the
minister" is the minister the article named), or, where the actor extractor found none, a new actor
for the unnamed source ("a White House spokesman", "officials", "the campaign").
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from accord import knowledge
from accord.extract.actors import ActorTable, Mention, slug
from accord.extract.arguments import subjects
from accord.records import Actor

Span = tuple[int, int]

_SUBJECT = ("nsubj", "nsubjpass", "csubj")
_NP_LEFT = ("det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "predet")
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_PLURAL_PRONOUNS = {"they", "them"}
_RELATIVE = {"who", "which", "that", "whom"}
_STOP = {".", "!", "?", ";"}
_WINDOW_SENTS = 4  # how far back a pronoun looks for its antecedent
_AFTER_WINDOW = 12  # tokens after a closing mark in which its cue may stand
_BEFORE_WINDOW = 16  # tokens before an opening mark


@functools.cache
def lexicon() -> dict[str, frozenset[str]]:
    """The word lists of ``knowledge/speech.json`` as sets."""
    data = knowledge.load("speech")
    return {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}


def particles() -> dict[str, str]:
    return dict(knowledge.load("speech")["particles"])


@dataclass
class Cue:
    """How a quotation is tied to its speaker."""

    verb: Token | None  # the speech verb, or "according"; None for an intro line or a dash
    speaker: Token | None  # the token the text ties to the quotation ("he", "Netanyahu", "who")
    how: str  # after | syntax | before | intro | carried
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
    actor: str | None
    span: Span
    text: str


class Speakers:
    """Cue finding and speaker resolution over one article; ``quoted`` marks the tokens inside quotation marks."""

    def __init__(self, doc: Doc, table: ActorTable, quoted: bytearray) -> None:
        self.doc, self.table, self.quoted = doc, table, quoted
        self.lex = lexicon()
        self.sent_start = [0] * len(doc)
        self.sent_starts: list[int] = []
        for s in doc.sents:
            self.sent_starts.append(s.start)
            for i in range(s.start, s.end):
                self.sent_start[i] = s.start
        self.free = sorted((m for m in table.mentions if not quoted[m.start]), key=lambda m: m.start)
        self.free_starts = [m.start for m in self.free]
        self.speakers_seen: dict[int, str] = {}  # token -> actor, speakers already attributed

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
        return (lemma in self.lex["speech_verbs"] or thought and lemma in self.lex["thought_verbs"]
                or quoting and lemma in self.lex["quote_only_verbs"])

    def after(self, close: int, limit: int, full_stop: bool = False) -> Cue | None:
        """A cue right after the closing mark: `"...," he said`, `"..." said Smith`, `"..." — Smith`.
        After a quotation that ends its sentence (``full_stop``) only a lower-case word may go on it."""
        doc = self.doc
        j = close
        while j < limit and j - close < 3 and doc[j].is_punct and doc[j].text not in _STOP | {'"', "“"}:
            j += 1
        if j < limit and doc[j - 1].text in ("—", "–", "-", "--") and j > close:
            dash = self._dash_speaker(j, limit)
            if dash is not None:
                return dash
        if full_stop and (j >= limit or not doc[j].text[:1].islower()):
            return None
        for k in range(j, min(limit, j + _AFTER_WINDOW)):
            t = doc[k]
            if self.quoted[k] or t.text in _STOP or "\n" in t.text:
                return None
            if self.is_cue(t, quoting=True):
                who = self.subject(t, floor=close)
                if who is None:
                    who = self._noun_between(j, k)
                return Cue(t, who, "after") if who is not None else None
        return None

    def _dash_speaker(self, j: int, limit: int) -> Cue | None:
        m = self.table.at(j)
        if m is not None and (m.end >= limit or self.doc[m.end].is_punct or "\n" in self.doc[m.end].text):
            return Cue(None, self.doc[m.end - 1], "after")
        return None

    def _noun_between(self, a: int, b: int) -> Token | None:
        for k in range(b - 1, a - 1, -1):
            if self.doc[k].pos_ in ("PROPN", "NOUN", "PRON"):
                return self.doc[k]
        return None

    def syntax(self, a: int, b: int) -> Cue | None:
        """The speech verb whose reported clause holds the quotation (tokens ``a``..``b``); of several
        nested ones the outermost, as in "X said he had asked them to "look into" it"."""
        doc = self.doc
        for r in range(a, b):
            tok = doc[r]
            if a <= tok.head.i < b and tok.head is not tok:
                continue
            path: list[tuple[Token, Token]] = []
            child, head = tok, tok.head
            for _ in range(12):
                if head.i == child.i:
                    break
                if child.dep_ in _SUBJECT:
                    break
                if self.is_cue(head, quoting=True):
                    path.append((head, child))
                child, head = head, head.head
            for verb, child in reversed(path):
                who = self.subject(verb)
                if who is not None:
                    return Cue(verb, who, "syntax", self._content(child, a, b))
            if path:
                return None
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
        """A clause ending in a colon introduces the quotation: the subject of a cue verb in it; the
        name it consists of ("Prime Minister Benjamin Netanyahu:"); or the subject of its nearest verb
        ("Clinton's response was:", "Hoff's letter makes a case:")."""
        doc = self.doc
        k = colon - 1
        while k >= floor and doc[k].is_punct:
            k -= 1
        if k < floor:
            return None
        m = self.table.at(k)
        if m is not None and all(doc[i].is_punct or doc[i].is_space for i in range(floor, m.start)):
            return Cue(None, doc[m.end - 1], "intro")
        lo = max(floor, self.sent_start[k])
        for i in range(k, lo - 1, -1):
            t = doc[i]
            if self.quoted[i]:
                break
            if self.is_cue(t, quoting=True) or t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
                who = self.subject(t)
                if who is not None and self.plausible(who):
                    return Cue(t if self.is_cue(t, quoting=True) else None, who, "intro")
        if m is None and (doc[k].pos_ == "PROPN" and doc[k].ent_type_ in ("PERSON", "ORG", "")) and k - lo < 4:
            return Cue(None, doc[k], "intro")
        return None

    def plausible(self, tok: Token) -> bool:
        """Could this token be a speaker: an actor, a personal pronoun, a statement or a speaker noun."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        return (self.table.at(tok.i) is not None or low in _PERSON_PRONOUNS or low in _PLURAL_PRONOUNS
                or low in ("i", "we") or low in _RELATIVE or lemma in self.lex["statement_nouns"]
                or lemma in self.lex["person_nouns"] or low in self.lex["group_nouns"]
                or lemma in self.lex["org_nouns"] or tok.ent_type_ in ("PERSON", "ORG", "NORP"))

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
        """The speaker of a cue verb: its subject (inherited through "saying", "adding" and "was quoted
        as saying"), the object of "according to", or the author of a statement that "said"."""
        if verb.lower_ == "according":
            to = self.doc[verb.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in verb.children if c.dep_ == "pobj"]
            return objs[0] if objs else None
        v = verb
        if v.dep_ == "pcomp" and v.head.lower_ == "as":  # "was quoted as saying"
            v = v.head.head
        subj = [c for c in v.children if c.dep_ in _SUBJECT and not self.quoted[c.i] and c.i > floor]
        if not subj:
            subj = [s for s in subjects(v) if not self.quoted[s.i] and s.i > floor]
        if not subj:
            return None
        who = subj[0]
        if who.lemma_.lower() in self.lex["statement_nouns"]:
            return self._author(who) or who
        return who

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
        """The actor a speaker token stands for, the span the text ties to the quote, and a name."""
        span = self._np(tok)
        actor = self._actor(tok, span)
        text = self._fullest(actor) if actor else None
        chars = (self.doc[span[0]].idx, self.doc[span[1] - 1].idx + len(self.doc[span[1] - 1].text))
        return Speaker(actor, chars, text or self.doc[span[0]:span[1]].text)

    def _np(self, tok: Token) -> Span:
        """Token span of the speaker mention: the actor mention at the token, else the noun phrase up
        to its head (determiners, modifiers, possessors), without relative clauses or appositions."""
        m = self.table.at(tok.i)
        if m is not None:
            return (m.start, m.end)
        if tok.pos_ == "PRON" or tok.lower_ in _RELATIVE:
            return (tok.i, tok.i + 1)
        lo = tok.i
        for c in tok.children:
            if c.i < tok.i and c.dep_ in _NP_LEFT:
                lo = min(lo, c.left_edge.i)
        while lo < tok.i and self.doc[lo].is_punct:
            lo += 1
        return (lo, tok.i + 1)

    def _actor(self, tok: Token, span: Span) -> str | None:
        low = tok.lower_
        if low in _RELATIVE and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i != tok.i:
            return self._actor(tok.head.head, self._np(tok.head.head))
        m = self.table.at(tok.i)
        if m is not None:
            return m.actor
        if low in _PERSON_PRONOUNS:
            return self._antecedent(tok.i, person=True)
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

    def _antecedent(self, i: int, person: bool) -> str | None:
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
            head = self.doc[m.start:m.end].root
            score = m.start + (300 if head.dep_ in _SUBJECT else 0) + (200 if m.end - 1 in self.speakers_seen else 0)
            if best is None or score > best[0]:
                best = (score, m.actor)
        return best[1] if best else None

    def _office(self, tok: Token) -> str | None:
        """"the minister": the latest person before it whose title holds the same office."""
        word = tok.lower_
        k = bisect_left(self.free_starts, tok.i) - 1
        while k >= 0:
            m = self.free[k]
            k -= 1
            actor = self.table.actors.get(m.actor)
            if actor is not None and actor.kind == "person" and actor.title and word in actor.title.lower():
                return actor.id
        return None

    def _new_actor(self, tok: Token, span: Span) -> str | None:
        """Register an unnamed or missed source ("a White House spokesman", "officials", "Smith")."""
        lemma = tok.lemma_.lower()
        words = [t for t in self.doc[span[0]:span[1]] if t.dep_ not in ("det", "predet") and t.text not in ("'s", "’s")]
        if not words:
            return None
        name = " ".join(t.text for t in words)
        if tok.lower_ in self.lex["group_nouns"] or tok.tag_ in ("NNS", "NNPS") and lemma in self.lex["person_nouns"]:
            kind, prefix = "group", "group:"
        elif lemma in self.lex["person_nouns"] or tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" and (
                tok.ent_type_ in ("", "PERSON")):
            kind, prefix = "person", "person:"
        elif lemma in self.lex["org_nouns"] or tok.ent_type_ in ("ORG", "NORP"):
            kind, prefix = "organization", "org:"
        else:
            return None
        aid = prefix + slug(name)
        if aid not in self.table.actors:
            self.table.add(Actor(id=aid, kind=kind, name=name))
        if self.table.mention(aid, span[0], span[1], "speaker") is None:
            taken = self.table.at(tok.i)
            return taken.actor if taken else aid if self._has_mention(aid) else None
        return aid

    def _has_mention(self, aid: str) -> bool:
        return any(m.actor == aid for m in self.table.mentions)

    def _fullest(self, actor: str) -> str | None:
        """Text of the actor's longest mention: "Prime Minister Benjamin Netanyahu" for "he"."""
        best: Mention | None = None
        best_len = -1
        for m in self.table.mentions + self.table.nested:
            if m.actor != actor:
                continue
            span = self.doc[m.start:m.end]
            n = span.end_char - span.start_char
            if n > best_len:
                best, best_len = m, n
        if best is None:
            a = self.table.actors.get(actor)
            return a.name if a else None
        return self.doc[best.start:best.end].text
