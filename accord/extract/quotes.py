"""Quotations and reported speech, each attributed to its speaker (issue 3).

The cascade, in order:
  1. Marks. Every double quotation mark (straight or curly) is read as opening or closing from the
     characters around it, then paired paragraph by paragraph with a small stack, so that a quote
     inside a quote stays inside. A quotation left open at a paragraph's end runs on when the next
     paragraph re-opens it (the newspaper convention for long quotes), when the paragraph before it
     ends in a colon and a later paragraph closes it (a block quote: "Prime Minister X:" followed by
     paragraphs), or when the next line is the rest of a wrapped line; otherwise it ends with its
     paragraph, so an unbalanced mark costs one quotation, never the article. Single marks count in a
     headline ('We will win', says X), and in articles that use no double marks at all.
  2. Cues and speakers (``speakers.py``): after, syntax, before, intro; then a quotation with no cue
     of its own takes the speaker of the quotation just before it in the same or previous paragraph.
     A quotation interrupted by its cue ("A," she said, "B.") is one quotation: its span runs from
     the first quoted word to the last and holds the cue, which ``cue_span`` marks.
  3. A quotation inside a reported clause (X said the plan was "a disaster") is ``mixed``: its span is
     the whole clause. Unattributed short quotations (scare quotes, titles) are dropped.
  4. Reported speech: a speech verb with a subject and a reported clause (X said (that) ..., X told
     reporters ..., according to X, ...) outside any quotation is ``indirect``, the clause its span.
Every step is linear in the text (each mark, token and sentence is visited a bounded number of times).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from accord.extract.actors import ActorTable
from accord.extract.speakers import Cue, Speakers, lexicon
from accord.records import Quote
from accord.settings import DEFAULT
from accord.text.normalise import Prepared

Span = tuple[int, int]

_DOUBLE = re.compile("[\"“”„«»]")
_SINGLE_TITLE = re.compile("['‘’]")
_SINGLE_BODY = re.compile("[‘’]")
_OPENING = frozenset("“„«‘")
_CLOSING = frozenset("”»’")
_BEFORE_OPEN = frozenset("([{—–-/:")
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-…")
_MAX_DEPTH = 3  # quotes inside quotes inside quotes; deeper marks are taken as stray
_MAX_BLOCK = 60  # paragraphs a block quote may run over
_MIN_WORDS_UNATTRIBUTED = 6  # shorter unattributed quotations are scare quotes or titles
_SPLIT_GAP = 16  # tokens between the parts of an interrupted quotation


@dataclass
class Marked:
    """Text between quotation marks, the marks excluded."""

    start: int
    end: int
    para: int  # the paragraph it opens in
    closed: bool = True
    block: bool = False


def find(doc: Doc, table: ActorTable, prep: Prepared) -> list[Quote]:
    """Direct, mixed and indirect quotes of one article, in text order, ids q1, q2, ..."""
    text = prep.clean
    paras = paragraphs(text)
    marked = quotations(text, paras, prep.title)
    starts = [t.idx for t in doc]
    quoted = bytearray(len(doc))
    for m in marked:
        a, b = _tokens(starts, m.start - 1, m.end + 1)
        quoted[a:b] = b"\x01" * (b - a)
    who = Speakers(doc, table, quoted)
    para_starts = [a for a, _ in paras]
    found = _attribute(doc, who, marked, paras, para_starts, starts)
    found = _merge_split(doc, who, found, paras, starts)
    quotes = [q for q in (_direct(who, f, text) for f in found) if q is not None]
    used = {q.cue_span for q in quotes if q.cue_span}
    taken = sorted((q.start, q.end) for q in quotes)
    quotes += _reported(doc, who, used, taken, text)
    quotes.sort(key=lambda q: (q.start, q.end))
    for n, q in enumerate(quotes, 1):
        q.id = f"q{n}"
    return quotes


# --- 1. marks ----------------------------------------------------------------------------------

def paragraphs(text: str) -> list[Span]:
    """Non-blank lines, stripped: the units a quotation opens and closes in."""
    out = []
    for m in re.finditer(r"[^\r\n]+", text):
        line = m.group()
        lead = len(line) - len(line.lstrip())
        end = len(line.rstrip())
        if end > lead:
            out.append((m.start() + lead, m.start() + end))
    return out


def quotations(text: str, paras: list[Span], title: Span | None) -> list[Marked]:
    """Every quotation the marks delimit, recovered where marks are missing."""
    found = _Pairing(text, paras, _DOUBLE, single=False).run()
    if title is not None and not _DOUBLE.search(text, title[0], title[1]):
        head = [p for p in paras if title[0] <= p[0] < title[1]]
        found += _Pairing(text, head, _SINGLE_TITLE, single=True).run()
    if not found and not _DOUBLE.search(text):
        body = [p for p in paras if title is None or p[0] >= title[1]]
        found += _Pairing(text, body, _SINGLE_BODY, single=True).run()
    starts = [a for a, _ in paras]
    for m in found:  # paragraph indices into ``paras``, whichever subset was scanned
        m.para = bisect_right(starts, m.start - 1) - 1
    return sorted(found, key=lambda m: m.start)


class _Pairing:
    """One left-to-right pass over the marks, paragraph by paragraph (see the module docstring)."""

    def __init__(self, text: str, paras: list[Span], pattern: re.Pattern[str], single: bool) -> None:
        self.text, self.paras, self.single = text, paras, single
        self.marks: list[list[int]] = [[] for _ in paras]
        self.role: dict[int, int] = {}
        starts = [a for a, _ in paras]
        for m in pattern.finditer(text, paras[0][0] if paras else 0, paras[-1][1] if paras else 0):
            k = bisect_right(starts, m.start()) - 1
            if k < 0 or m.start() >= paras[k][1]:
                continue
            role = _role(text, m.start(), paras[k], single)
            if role is not None:
                self.role[m.start()] = role
                self.marks[k].append(m.start())
        n = len(paras)
        self.next_closed = [n] * (n + 1)
        self.next_intro = [n] * (n + 1)
        for k in range(n - 1, -1, -1):
            self.next_closed[k] = k if self._ends_closed(k) else self.next_closed[k + 1]
            self.next_intro[k] = k if text[paras[k][1] - 1] == ":" else self.next_intro[k + 1]

    def _ends_closed(self, k: int) -> bool:
        marks = self.marks[k]
        if not marks or self.role[marks[-1]] > 0:
            return False
        tail = self.text[marks[-1] + 1:self.paras[k][1]]
        return all(c in _AFTER_CLOSE or c.isspace() for c in tail)

    def _opens(self, k: int) -> bool:
        marks = self.marks[k]
        return bool(marks) and marks[0] == self.paras[k][0] and self.role[marks[0]] >= 0

    def run(self) -> list[Marked]:
        out: list[Marked] = []
        stack: list[int] = []
        first = 0
        block_end = -1
        for k in range(len(self.paras)):
            marks = self.marks[k]
            if stack and self._opens(k):
                marks = marks[1:]  # the paragraph re-opens the running quotation
            for i in marks:
                role = self.role[i]
                if role > 0 or role == 0 and not stack:
                    if not stack:
                        first = k
                    if len(stack) < _MAX_DEPTH:
                        stack.append(i)
                elif stack:
                    o = stack.pop()
                    if not stack:
                        out.append(Marked(o + 1, i, first, True, block_end >= 0))
                        block_end = -1
            if stack:
                stack, block_end = self._carry(k, stack, first, block_end, out)
        return out

    def _carry(self, k: int, stack: list[int], first: int, block_end: int, out: list[Marked]) -> tuple[list[int], int]:
        """A quotation still open at the end of paragraph ``k``: run on, or end it here."""
        nxt = k + 1
        outer = stack[0]
        if nxt < len(self.paras) and block_end != k:
            if self._opens(nxt) or block_end > k:
                return [outer], block_end
            if block_end < 0 and k == first and self._block(outer, first):
                return [outer], self.next_closed[nxt]
            if self._wrapped(k):
                return [outer], block_end
        end = self.paras[k][1]
        closed = False
        if block_end == k and self.marks[k]:
            end, closed = self.marks[k][-1], True
        out.append(Marked(outer + 1, end, first, closed, block_end >= 0))
        return [], -1

    def _block(self, outer: int, first: int) -> bool:
        """The quotation opens a paragraph after a line ending in a colon, and a later paragraph
        closes it before another such line."""
        if first == 0 or outer != self.paras[first][0] or self.text[self.paras[first - 1][1] - 1] != ":":
            return False
        end = self.next_closed[first + 1]
        return end < len(self.paras) and end - first <= _MAX_BLOCK and self.next_intro[first + 1] > end

    def _wrapped(self, k: int) -> bool:
        """The next line continues this one (a hard-wrapped paragraph) and closes the quotation."""
        a, b = self.paras[k]
        na, _ = self.paras[k + 1]
        marks = self.marks[k + 1]
        return (self.text.count("\n", b, na) == 1 and self.text[b - 1] not in ".!?:\"”"
                and bool(marks) and self.role[marks[0]] < 0)


def _role(text: str, i: int, para: Span, single: bool) -> int | None:
    """1 opening, -1 closing, 0 either (straight marks with nothing to tell); None: not a mark."""
    c = text[i]
    prev = text[i - 1] if i > para[0] else " "
    nxt = text[i + 1] if i + 1 < para[1] else " "
    if single and (prev.isalnum() and nxt.isalnum() or nxt.isdigit()):
        return None  # an apostrophe: don't, Clinton's, '90s
    left = prev.isspace() or prev in _BEFORE_OPEN or prev in _OPENING
    right = nxt.isspace() or nxt in _AFTER_CLOSE or nxt in _CLOSING
    if c in _OPENING:
        return -1 if right and not left else 1
    if c in _CLOSING:
        return 1 if left and not right else -1
    if left and not right:
        return 1
    if right and not left:
        return -1
    return 0


def _tokens(starts: list[int], a: int, b: int) -> Span:
    """Token index range of the tokens that start in characters [a, b)."""
    return bisect_left(starts, a), bisect_left(starts, b)


# --- 2. cues and speakers ----------------------------------------------------------------------

@dataclass
class _Found:
    mark: Marked
    start: int
    end: int
    cue: Cue | None


def _attribute(doc: Doc, who: Speakers, marked: list[Marked], paras: list[Span], para_starts: list[int],
               starts: list[int]) -> list[_Found]:
    """Each quotation with the cue the text gives it next to it or around it (after, syntax, before, intro)."""
    out: list[_Found] = []
    text = doc.text
    for m in marked:
        start, end = _trim(text, m.start, m.end)
        a, b = _tokens(starts, start, end)
        if a >= b:
            continue
        pa = paras[m.para][0]
        last = bisect_right(para_starts, end - 1) - 1
        floor = bisect_left(starts, pa)
        limit = bisect_left(starts, paras[last][1])
        cue = who.after(bisect_right(starts, m.end), limit, text[end - 1] == ".") if m.closed else None
        cue = cue or who.syntax(a, b) or who.before(a - 1, floor)
        if cue is None and start - 1 == pa and m.para > 0 and text[paras[m.para - 1][1] - 1] == ":":
            intro = paras[m.para - 1]
            cue = who.intro(bisect_left(starts, intro[1] - 1), bisect_left(starts, intro[0]))
        elif cue is None and a - 1 > floor and doc[a - 2].text == ":":
            cue = who.intro(a - 2, floor)
        if cue is not None and cue.speaker is not None:
            who.speakers_seen[cue.speaker.i] = ""
        out.append(_Found(m, start, end, cue))
    return out


def _trim(text: str, a: int, b: int) -> Span:
    """Cut a span to its first and last non-space characters, and an over-long quotation back to
    its first paragraph (``Settings.max_quote_chars``)."""
    if b - a > DEFAULT.max_quote_chars:
        cut = text.find("\n", a, a + DEFAULT.max_quote_chars)
        b = cut if cut > a else a + DEFAULT.max_quote_chars
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _merge_split(doc: Doc, who: Speakers, found: list[_Found], paras: list[Span], starts: list[int]) -> list[_Found]:
    """Join the parts of an interrupted quotation ("A," she said, "B." / "A," she said. "B."); give a
    quotation with no cue the speaker of the one just before it in its paragraph or the previous one
    (a quote running over paragraphs), else the actor its context is about."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        pcue = prev.cue if prev is not None else None
        if prev is not None and pcue is not None and pcue.speaker is not None and f.mark.para == prev.mark.para and (
                f.cue is None or f.cue.verb is not None and f.cue.verb is pcue.verb) and _cue_gap(
                    doc, who, pcue, _tokens(starts, prev.end + 1, f.start - 1)):
            prev.end = f.end
            continue
        if f.cue is None and prev is not None and pcue is not None and pcue.speaker is not None and (
                f.mark.para - prev.mark.para <= 1) and f.start - 1 == paras[f.mark.para][0]:
            f.cue = Cue(pcue.verb, pcue.speaker, "carried")
        if f.cue is None:
            floor = paras[max(0, f.mark.para - 1)][0] if f.start - 1 == paras[f.mark.para][0] else paras[
                f.mark.para][0]
            f.cue = who.context(_tokens(starts, f.start - 1, f.start)[0], bisect_left(starts, floor))
        out.append(f)
    return out


def _cue_gap(doc: Doc, who: Speakers, cue: Cue, gap: Span) -> bool:
    """Between two parts of one quotation stands nothing but the first part's cue clause."""
    if cue.verb is None:
        return all(doc[i].is_punct or doc[i].is_space for i in range(*gap))
    sent = who.sent_start[cue.verb.i]
    for i in range(*gap):
        t = doc[i]
        if t.is_punct or t.is_space or who.quoted[i]:
            continue
        if who.sent_start[i] != sent:
            return False
        if t.pos_ in ("VERB", "AUX") and t is not cue.verb and cue.verb not in t.ancestors:
            return False
    return gap[1] - gap[0] <= 3 * _SPLIT_GAP


def _direct(who: Speakers, f: _Found, text: str) -> Quote | None:
    cue = f.cue
    if cue is None or cue.speaker is None:
        if len(text[f.start:f.end].split()) < _MIN_WORDS_UNATTRIBUTED:
            return None
        return Quote(id="", kind="direct", text="", start=f.start, end=f.end)
    start, end, kind = f.start, f.end, "direct"
    if cue.how == "syntax" and cue.content is not None:
        outside = text[cue.content[0]:f.start - 1] + " " + text[f.end + 1:cue.content[1]]
        if sum(w.isalpha() for w in re.findall(r"\w+", outside)) >= 2:
            start, end, kind = min(start, cue.content[0]), max(end, cue.content[1]), "mixed"
    return _quote(who, kind, start, end, cue)


def _quote(who: Speakers, kind: str, start: int, end: int, cue: Cue) -> Quote:
    speaker = who.resolve(cue.speaker) if cue.speaker is not None else None
    span = cue.span()
    return Quote(id="", kind=kind, text="", start=start, end=end,
                 speaker=speaker.actor if speaker else None, speaker_text=speaker.text if speaker else None,
                 speaker_span=speaker.span if speaker else None,
                 cue=(who.doc.text[span[0]:span[1]] if span else "") + "|" + cue.how, cue_span=span)


# --- 4. reported speech ------------------------------------------------------------------------

def _reported(doc: Doc, who: Speakers, used: set[Span], taken: list[Span], text: str) -> list[Quote]:
    """Indirect speech: a speech or belief verb, its speaker, and the clause it reports."""
    out: list[Quote] = []
    quote_only = lexicon()["quote_only_verbs"]
    for tok in doc:
        if tok.lemma_.lower() in quote_only or not who.is_cue(tok, thought=True):
            continue
        clause = _clause(tok)
        if clause is None:
            continue
        start, end = clause
        cue = Cue(tok, None, "reported")
        if cue.span() in used or _overlaps(taken, start, end) or who.quoted[doc[tok.i].i]:
            continue
        speaker = who.subject(tok)
        if speaker is None:
            continue
        cue.speaker = speaker
        out.append(_quote(who, "indirect", start, end, cue))
    return out


def _clause(verb: Token) -> Span | None:
    """Characters of the clause a cue verb reports: its clausal complement, or for "according to X"
    the rest of its sentence."""
    doc = verb.doc
    if verb.lower_ == "according":
        sent = verb.sent
        pp_lo, pp_hi = verb.left_edge.i, verb.right_edge.i + 1
        before = (sent.start, pp_lo)
        after = (pp_hi, sent.end)
        lo, hi = max(before, after, key=lambda s: s[1] - s[0])
    else:
        comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i or c.dep_ == "ccomp"]
        if not comps:
            return None
        comp = comps[0]
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "mark" or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    if hi - lo < 3:
        return None
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def _overlaps(spans: list[Span], a: int, b: int) -> bool:
    k = bisect_left(spans, (a, a))
    for j in (k - 1, k):
        if 0 <= j < len(spans) and spans[j][0] < b and a < spans[j][1]:
            return True
    return False
