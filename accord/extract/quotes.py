"""Quotations and reported speech, each attributed to its speaker (issue 3).

The cascade, in order:
  1. Marks. Every double quotation mark, straight or curly, is read as opening or closing from the
     characters around it, then paired paragraph by paragraph with a small stack (a quote inside a
     quote stays inside). A quotation still open at a paragraph's end runs on when the next paragraph
     re-opens it (long quotes), when the paragraph before it ends in a colon and a later one closes it
     (block quotes: "Prime Minister X:" then paragraphs), or when the next line is the rest of a
     wrapped line; else it ends with its paragraph: an unbalanced mark costs at most one quotation,
     never the article. Single marks count in a headline ('We will win', says X), and in articles
     that use no double marks at all.
  2. Cues (``speakers.py``): after the quotation, the speech verb whose clause holds it, before it, a
     line ending in a colon.
  3. Parts and paragraphs. A quotation interrupted by its own cue ("A," she said, "B." / "A," she said.
     "B.") is one quotation, its span from the first quoted word to the last, the cue inside it (as
     ``cue_span`` shows). A quotation paragraph with no cue takes its speaker from a line that only
     names someone ("- Maria Lopez, 34"), from the quotation paragraph before it (a speech quoted over
     several paragraphs), else from the clause or sentence around it.
  4. Records. A quotation inside a reported clause (X said the plan was "a disaster") is ``mixed``, its
     span the clause. One the text ties to no one, or a short one tied only by the sentence around it,
     is a title, slogan or scare quote, and is left out.
  5. Reported speech: a speech verb with a subject and a reported clause outside any quotation (X said
     (that) ..., X told reporters ..., according to X, ...) is ``indirect``, the clause its span.
Every step is linear in the text: each mark, token and sentence is visited a bounded number of times.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from accord.extract.actors import ActorTable
from accord.extract.speakers import Cue, Speakers, lexicon
from accord.records import Quote
from accord.settings import DEFAULT
from accord.text.normalise import Prepared

Span = tuple[int, int]

_DATELINE = re.compile(  # "GENEVA, March 20 - ": a dateline is no part of what anyone said
    r"(?:[A-Z][A-Z .'-]+,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)"
    r"(?:\([^)]{1,20}\)\s*)?[-–—]+\s+")
_LINE = re.compile(r"[^\s](?:[^\r\n]*[^\s])?")  # a line from its first to its last visible character
_DOUBLE = re.compile("[\"“”„«»]")
_SINGLE_TITLE = re.compile("['‘’]")
_SINGLE_BODY = re.compile("[‘’]")
_WORD = re.compile(r"\w+")
_OPENING = frozenset("“„«‘")
_CLOSING = frozenset("”»’")
_BEFORE_OPEN = frozenset("([{—–-/:")
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-…")
_MAX_DEPTH = 3  # quotes inside quotes inside quotes; deeper marks are taken as stray
_MAX_BLOCK = 60  # paragraphs a block quote may run over
_SPLIT_GAP = 48  # tokens the cue between two parts of one quotation may take
_MIN_WORDS_WEAK = 6  # a quotation tied to its speaker by no cue, only by its sentence, has at least these
_WEAK = ("clause", "context")  # speakers guessed from the sentence, not given by a cue
_TAIL = frozenset(".,;:!?\"”’ ")  # what may follow a quotation that fills its paragraph
_DASH_CHARS = "-—–―"
_NAME_LINE = 16  # tokens a paragraph that only names a speaker may have
_NOT_NAME = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


@dataclass
class Marked:
    """A quotation: the words between its marks, and what is learnt about it on the way."""

    start: int  # the quoted words, [start, end)
    end: int
    para: int  # the paragraph it opens in
    closed: bool = True  # False: recovered, its closing mark missing
    last: int = -1  # the paragraph it ends in
    cue: Cue | None = None

    def __post_init__(self) -> None:
        self.opening, self.closing = self.start - 1, self.end  # where the marks stand


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
    found = _attribute(doc, who, marked, paras, starts)
    found = _settle(doc, who, found, paras, starts)
    quotes = [q for q in (_direct(who, f, text) for f in found) if q is not None]
    used = {q.cue_span for q in quotes if q.cue_span}
    taken = sorted((q.start, q.end) for q in quotes)
    quotes += _reported(doc, who, used, taken)
    quotes.sort(key=lambda q: (q.start, q.end))
    for n, q in enumerate(quotes, 1):
        q.id = f"q{n}"
    return quotes


# --- 1. marks -----------------------------------------------------------------------------------------

def paragraphs(text: str) -> list[Span]:
    """Non-blank lines, stripped: the units a quotation opens and closes in."""
    return [m.span() for m in _LINE.finditer(text)]


def quotations(text: str, paras: list[Span], title: Span | None) -> list[Marked]:
    """Every quotation the marks delimit, recovered where marks are missing."""
    found = _Pairing(text, paras, _DOUBLE, single=False).run()
    if title is not None and not _DOUBLE.search(text, title[0], title[1]):
        head = [p for p in paras if title[0] <= p[0] < title[1]]
        found += _Pairing(text, head, _SINGLE_TITLE, single=True).run()
    if title is not None:
        found = _unrepeated(text, found, title)
    if not found and not _DOUBLE.search(text):
        body = [p for p in paras if title is None or p[0] >= title[1]]
        found += _Pairing(text, body, _SINGLE_BODY, single=True).run()
    starts = [a for a, _ in paras]
    for m in found:  # paragraph indices into ``paras``, whichever subset was scanned
        m.para = bisect_right(starts, m.start - 1) - 1
    return sorted(found, key=lambda m: m.start)


def _unrepeated(text: str, found: list[Marked], title: Span) -> list[Marked]:
    """Drop a headline's quotation that the body gives again: one statement, quoted twice."""
    def words(m: Marked) -> set[str]:
        return {w.lower() for w in _WORD.findall(text, m.start, m.end)}

    body = [words(m) for m in found if m.start >= title[1]]
    def repeated(m: Marked) -> bool:
        head = words(m)
        return any(len(head & b) >= 2 / 3 * len(head) for b in body) if head else True

    return [m for m in found if not (title[0] <= m.start < title[1] and repeated(m))]


class _Pairing:
    """One left-to-right pass over the marks, paragraph by paragraph (see the module docstring)."""

    def __init__(self, text: str, paras: list[Span], pattern: re.Pattern[str], single: bool) -> None:
        self.text, self.paras = text, paras
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
        """Paragraph ``k`` ends with a closing mark (and punctuation)."""
        marks = self.marks[k]
        if not marks or self.role[marks[-1]] > 0:
            return False
        tail = self.text[marks[-1] + 1:self.paras[k][1]]
        return all(c in _AFTER_CLOSE or c.isspace() for c in tail)

    def _opens(self, k: int) -> bool:
        """Paragraph ``k`` begins with an opening mark."""
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
                        out.append(Marked(o + 1, i, first))
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
        end, closed = (self.marks[k][-1], True) if block_end == k and self.marks[k] else (self.paras[k][1], False)
        out.append(Marked(outer + 1, end, first, closed))
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


# --- 2. cues ------------------------------------------------------------------------------------------

def _attribute(doc: Doc, who: Speakers, marked: list[Marked], paras: list[Span], starts: list[int]) -> list[Marked]:
    """Each quotation, its words trimmed, with the cue the text gives it next to it or around it."""
    out: list[Marked] = []
    text, para_starts = who.text, [a for a, _ in paras]
    for m in marked:
        m.start, m.end = _trim(text, m.start, m.end)
        a, b = _tokens(starts, m.start, m.end)
        if a >= b:
            continue
        pa = paras[m.para][0]
        m.last = bisect_right(para_starts, m.end - 1) - 1
        floor, limit = bisect_left(starts, pa), bisect_left(starts, paras[m.last][1])
        end_mark = text[m.end - 1] if text[m.end - 1] in ".!?" else ""
        if m.closed:
            m.cue = who.after(bisect_right(starts, m.closing), limit, end_mark, _tight(text, m, pa))
        m.cue = m.cue or who.syntax(a, b) or who.before(a - 1, floor)
        if m.cue is None and m.opening == pa and m.para > 0 and text[paras[m.para - 1][1] - 1] == ":":
            intro = paras[m.para - 1]
            m.cue = who.intro(bisect_left(starts, intro[1] - 1), bisect_left(starts, intro[0]))
        elif m.cue is None and a - 1 > floor and doc[a - 2].text == ":":
            m.cue = who.intro(a - 2, floor)
        if m.cue is not None and m.cue.speaker is not None:
            who.speakers_seen.add(m.cue.speaker.i)
        out.append(m)
    return out


def _tight(text: str, m: Marked, para_start: int) -> bool:
    """A quotation with no punctuation at its end ("rigged" against him) is a phrase in a sentence, not
    an utterance with its cue after it, unless it opens its sentence."""
    if text[m.end - 1] in _AFTER_CLOSE or text[m.closing + 1:m.closing + 2] in (",", "—", "–", "-"):
        return False
    i = m.opening - 1
    while i >= para_start and text[i].isspace():
        i -= 1
    return not (i < para_start or text[i] in ".!?:")


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


# --- 3. parts and paragraphs --------------------------------------------------------------------------

def _settle(doc: Doc, who: Speakers, found: list[Marked], paras: list[Span], starts: list[int]) -> list[Marked]:
    """Join the parts of interrupted quotations and find speakers for quotations with no cue (step 3)."""
    out: list[Marked] = []
    layout: list[bool] = []  # set by the first quotation that a name line could go with: names come after
    for f in found:
        prev = out[-1] if out and out[-1].cue is not None and out[-1].cue.speaker is not None else None
        if prev is not None and _joins(doc, who, prev, f, starts):
            prev.end, prev.last, prev.closing = f.end, f.last, f.closing
            continue
        if f.cue is None:
            f.cue = _uncued(doc, who, f, prev, paras, starts, layout)
        out.append(f)
    return out


def _uncued(doc: Doc, who: Speakers, f: Marked, prev: Marked | None, paras: list[Span], starts: list[int],
            layout: list[bool]) -> Cue | None:
    """The speaker of a quotation with no cue: a name line next to it (after it where it opens with a
    dash, or where the article's first such quotation has its name after it), the quotation paragraph
    before it, else the clause or the sentence around it."""
    signed = _signature(who, f, paras, starts)
    if signed is not None:
        return signed
    if _fills(who.text, f, paras):
        after = _name_line(who, f.last + 1, paras, starts, None)
        before = _name_line(who, f.para - 1, paras, starts, False)
        if not layout and (after or before):
            layout.append(after is not None and before is None)
        dashed = after is not None and who.text[paras[f.last + 1][0]] in _DASH_CHARS
        cue = after if dashed or layout and layout[0] else before
        if cue is not None:
            return cue
        if prev is not None and prev.cue is not None and _carries(doc, who, prev, f, paras, starts):
            return Cue(prev.cue.verb, prev.cue.speaker, "carried")
    first = f.opening == paras[f.para][0]
    floor = paras[max(0, f.para - 1) if first else f.para][0]
    a, b = _tokens(starts, f.start, f.end)
    return who.clause(a, b) or who.context(a - 1, bisect_left(starts, floor))


def _joins(doc: Doc, who: Speakers, prev: Marked, f: Marked, starts: list[int]) -> bool:
    """``f`` goes on the quotation ``prev`` in the same paragraph, with only ``prev``'s cue between."""
    pcue = prev.cue
    if pcue is None or f.para != prev.last:
        return False
    same_cue = f.cue is None or f.cue.verb is not None and pcue.verb is not None and f.cue.verb.i == pcue.verb.i
    return same_cue and _cue_gap(doc, who, pcue, _tokens(starts, prev.closing + 1, f.opening))


def _fills(text: str, f: Marked, paras: list[Span]) -> bool:
    """The quotation is all its paragraphs hold (bar the closing mark and punctuation)."""
    if f.opening != paras[f.para][0]:
        return False
    end = paras[f.last][1]
    return end - f.end <= 4 and all(c in _TAIL for c in text[f.end:end])


def _signature(who: Speakers, f: Marked, paras: list[Span], starts: list[int]) -> Cue | None:
    """A quotation followed on its own line by a dash and a name only ("...” ― Maria Lopez"): the name
    signs it, as reader responses and epigraphs are signed."""
    text, end = who.text, paras[f.last][1]
    i = f.end
    while i < end and (text[i].isspace() or text[i] in _TAIL):
        i += 1
    if i >= end or text[i] not in _DASH_CHARS:
        return None
    return _names(who, bisect_left(starts, i), bisect_left(starts, end))


def _name_line(who: Speakers, k: int, paras: list[Span], starts: list[int], dash: bool | None) -> Cue | None:
    """Paragraph ``k`` only names someone, and at most describes them after a comma ("Maria Lopez, 34,
    Phoenix", "- Sanders.", "-President Obama, tweeting after the speech"): vox-pop pieces and quote
    boxes set their speakers so, next to the quotation. ``dash``: the line must (not) open with a dash."""
    if not 0 <= k < len(paras) or dash is not None and (who.text[paras[k][0]] in _DASH_CHARS) != dash:
        return None
    return _names(who, bisect_left(starts, paras[k][0]), bisect_left(starts, paras[k][1]))


def _names(who: Speakers, floor: int, limit: int) -> Cue | None:
    """Tokens [floor, limit) only name someone (after punctuation such as a dash), and at most describe
    them after a comma."""
    doc, i = who.doc, floor
    while i < limit and (doc[i].is_punct or doc[i].is_space):
        i += 1
    if i >= limit or limit - floor > _NAME_LINE or who.quoted[i]:
        return None
    m = who.table.at(i)
    if m is not None and who.table.actors[m.actor].kind != "person":
        return None
    j = m.end if m is not None else i
    while m is None and j < limit and doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in _NOT_NAME:
        j += 1
    if j == i or j < limit and doc[j].text not in (",", ".", "(", ";") and not doc[j].is_space:
        return None
    return Cue(None, doc[j - 1], "name")


def _carries(doc: Doc, who: Speakers, prev: Marked, f: Marked, paras: list[Span], starts: list[int]) -> bool:
    """``f`` fills its paragraph, and the paragraph before ends with the quotation ``prev`` and its cue."""
    if prev.cue is None or f.para != prev.last + 1 or not _fills(who.text, f, paras):
        return False
    return _cue_gap(doc, who, prev.cue, _tokens(starts, prev.closing + 1, paras[prev.last][1]))


def _cue_gap(doc: Doc, who: Speakers, cue: Cue, gap: Span) -> bool:
    """Between two parts of one quotation stands nothing but the first part's cue clause."""
    if gap[1] - gap[0] > _SPLIT_GAP:
        return False
    if cue.verb is None:
        return all(doc[i].is_punct or doc[i].is_space for i in range(*gap))
    sent = who.sent_start[cue.verb.i]
    for i in range(*gap):
        t = doc[i]
        if t.is_punct or t.is_space or who.quoted[i]:
            continue
        if who.sent_start[i] != sent:
            return False
        if t.pos_ in ("VERB", "AUX") and t.i != cue.verb.i and (cue.verb not in t.ancestors or who.is_cue(t)):
            return False  # "..." Trump said before adding: "...": two statements
    return True


# --- 4. records ---------------------------------------------------------------------------------------

def _direct(who: Speakers, f: Marked, text: str) -> Quote | None:
    """The record of one quotation. One the text ties to no speaker, or a short one tied only by its
    sentence's subject (no cue), is a title, a slogan or a scare quote, and is left out."""
    cue = f.cue
    if cue is None or cue.speaker is None or cue.how in _WEAK and len(text[f.start:f.end].split()) < _MIN_WORDS_WEAK:
        return None
    start, end, kind = f.start, f.end, "direct"
    if cue.how == "syntax" and cue.content is not None and cue.content[1] - cue.content[0] <= DEFAULT.max_quote_chars:
        outside = text[cue.content[0]:f.opening] + " " + text[f.closing + 1:cue.content[1]]
        if sum(w.isalpha() for w in re.findall(r"\w+", outside)) >= 2:
            start, end, kind = min(start, cue.content[0]), max(end, cue.content[1]), "mixed"
    return _quote(who, kind, start, end, cue, cue.speaker)


def _quote(who: Speakers, kind: str, start: int, end: int, cue: Cue, speaker_token: Token | None) -> Quote:
    """The record; ``text`` is left for the pipeline to cut from the article as read. No speaker token:
    the text names no one ("the accord is expected to be ratified")."""
    span = cue.span()
    speaker = who.resolve(speaker_token) if speaker_token is not None else None
    return Quote(id="", kind=kind, text="", start=start, end=end, speaker=speaker.actor if speaker else None,
                 speaker_text=speaker.text if speaker else None, speaker_span=speaker.span if speaker else None,
                 cue=who.text[span[0]:span[1]] if span else None, cue_span=span)


# --- 5. reported speech -------------------------------------------------------------------------------

def _reported(doc: Doc, who: Speakers, used: set[Span], taken: list[Span]) -> list[Quote]:
    """Indirect speech: a speech verb (or a verb of belief whose holder is named: "Trump believes"),
    its speaker, and the clause it reports, where no quotation already covers it."""
    out: list[Quote] = []
    lex = lexicon()
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma in lex["quote_verbs"] or not who.is_cue(tok, thought=True):
            continue
        clause = _clause(tok, who.text)
        if clause is None or _overlaps(taken, *clause):
            continue
        cue = Cue(tok, None, "reported")
        if cue.span() in used:
            continue
        cue.speaker = who.subject(tok)
        if cue.speaker is not None and cue.speaker.dep_ == "nsubjpass" and cue.speaker.head.i == tok.i:
            cue.speaker = None  # "the accord is expected to be ratified": expected by no one named
        elif cue.speaker is None or lemma not in lex["speech_verbs"] and cue.speaker.pos_ == "PRON":
            continue
        out.append(_quote(who, "indirect", clause[0], clause[1], cue, cue.speaker))
        insort(taken, clause)  # one attribution per stretch of text: "X asked them to tell Y" is X's
    return out


def _clause(verb: Token, text: str) -> Span | None:
    """Characters of the clause a cue verb reports: its clausal complement, or for "according to X"
    the rest of its sentence."""
    doc = verb.doc
    if verb.lower_ == "according":
        sent = verb.sent
        pp_lo, pp_hi = verb.left_edge.i, verb.right_edge.i + 1
        lo, hi = max((sent.start, pp_lo), (pp_hi, sent.end), key=lambda s: s[1] - s[0])
    else:
        comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i or c.dep_ == "ccomp"]
        comps = comps or _statement_clause(verb)
        if not comps:
            return None
        lo, hi = _leading_adjunct(verb, comps[0]), comps[0].right_edge.i + 1
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "mark" or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    if hi - lo < 3:
        return None
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
    dateline = _DATELINE.match(text, start, end)  # "GENEVA, March 20 - The EC ...": not reported
    return (dateline.end(), end) if dateline else (start, end)


def _leading_adjunct(verb: Token, comp: Token) -> int:
    """Where the reported clause starts: "said on Monday it was leaving" reports "it was leaving"; the
    parser hangs "on Monday" on the clause, but it dates the saying."""
    lo = comp.left_edge.i
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    for c in comp.children:
        if subj is None or c.i > subj.i or c.left_edge.i != lo or lo != verb.i + 1:
            break
        if c.dep_ in ("prep", "npadvmod"):
            lo = c.right_edge.i + 1
    return lo


def _statement_clause(verb: Token) -> list[Token]:
    """"said in a statement that ...": the that-clause the parser hung on the statement."""
    nouns = lexicon()["statement_nouns"]
    return [c for p in verb.children if p.dep_ == "prep" for o in p.children
            if o.dep_ == "pobj" and o.lemma_.lower() in nouns
            for c in o.children if c.dep_ in ("acl", "ccomp", "relcl") and any(m.lower_ == "that" and m.dep_ == "mark"
                                                                               for m in c.children)]


def _overlaps(spans: list[Span], a: int, b: int) -> bool:
    """``[a, b)`` overlaps one of the sorted, non-overlapping ``spans``."""
    k = bisect_left(spans, (a, a))
    return any(0 <= j < len(spans) and spans[j][0] < b and a < spans[j][1] for j in (k - 1, k))
