"""Titles of office, ranks and affiliations around a person's name.

    [Azerbaijan's] [Minister of Digital Development and Transport] [Rashad Nabiyev]
    [the Head of the National Artificial Intelligence Directorate], [Brig. Gen. (Res.)] [Erez Askal]
    [Hisham Nazer], [Saudi Arabian Oil Minister]
    [King] [Fahd] of [Saudi Arabia]

A title is a run of title words (heads such as "minister" and modifiers such as "foreign", "of",
"the"), capitalised words, state names and organisation names that holds at least one head word. It
is read to the left of the name, then after a comma to the left ("the Head of X, Gen. Y"), then as an
apposition to the right ("Y, the Head of X,").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from accord import knowledge


@dataclass
class TitleInfo:
    title: str | None = None
    rank: str | None = None
    sector: str | None = None
    holder_tokens: tuple[int, int] | None = None  # a state or body the title opens with ("Azerbaijan's", "OPEC")
    span: tuple[int, int] | None = None  # the office words, token span
    start: int = 0  # token span the whole mention covers, name included
    end: int = 0


@functools.cache
def _vocab() -> tuple[dict[str, str | None], set[str], dict[str, str], list[tuple[str, ...]], set[str]]:
    data = knowledge.load("titles")
    heads: dict[str, str] = data["heads"]
    words = set(data["modifiers"])
    head_words = set()
    for h in heads:
        for w in re.split(r"[\s]+", h):
            words.add(w)
        head_words.add(h.split()[-1])
    ranks: dict[str, str | None] = data["ranks"]
    rank_seqs = sorted((tuple(_rank_tokens(r)) for r in ranks), key=len, reverse=True)
    return ranks, words, heads, rank_seqs, head_words


def _rank_tokens(rank: str) -> list[str]:
    return re.findall(r"\(|\)|[^\s()]+", rank)


def title_words() -> set[str]:
    return _vocab()[1]


def head_sector(title: str) -> str | None:
    """PLOVER sector of a title's holder, from its most specific head ("Oil Minister" -> GOV)."""
    heads = _vocab()[2]
    low = title.lower()
    best = None
    for h, sector in heads.items():
        if re.search(rf"(?<![\w-]){re.escape(h)}(?![\w-])", low) and (best is None or len(h) > len(best[0])):
            best = (h, sector)
    return best[1] if best else None


def has_head(tokens: list[Token]) -> bool:
    head_words = _vocab()[4]
    return any(t.lower_ in head_words for t in tokens)


def rank_before(doc: Doc, end: int, floor: int) -> int:
    """Start of the run of ranks ("Brig. Gen. (Res.)") that ends just before token ``end``."""
    rank_seqs = _vocab()[3]
    i = end
    moved = True
    while moved:
        moved = False
        for seq in rank_seqs:
            n = len(seq)
            if i - n >= floor and tuple(t.text for t in doc[i - n:i]) == seq:
                i -= n
                moved = True
                break
    return i


def rank_sector(rank: str) -> str | None:
    ranks = _vocab()[0]
    sectors = [ranks.get(" ".join(_rank_tokens(r))) or ranks.get(r) for r in ranks if r in rank]
    return next((s for s in sectors if s), None)


def read_title(doc: Doc, name: Span, accept: set[int], sent: Span, blocked: frozenset[int] = frozenset()) -> TitleInfo:
    """Title, rank and the span they cover for the person named by ``name``.

    ``accept`` holds indices of tokens inside state or organisation names, which may sit inside a title;
    ``blocked`` the tokens of other people's names, which a title never crosses.
    """
    info = TitleInfo(start=name.start, end=name.end)
    rank_start = rank_before(doc, name.start, sent.start)
    if rank_start < name.start:
        info.rank = doc[rank_start:name.start].text
    info.start = rank_start
    left = _title_run(doc, rank_start, sent.start, accept, blocked)
    if left is None and rank_start - 1 > sent.start and doc[rank_start - 1].text == ",":
        run = _title_run(doc, rank_start - 1, sent.start, accept, blocked)
        if run is not None and _opens_with_head(doc, run):
            left = run
    if left is not None:
        _fill(doc, info, left, accept)
        info.start = min(info.start, left[0])
    else:
        right = _apposition(doc, name.end, sent.end, accept)
        if right is not None:
            _fill(doc, info, right, accept)
            info.end = right[1]
    if info.sector is None and info.rank:
        info.sector = rank_sector(info.rank)
    return info


def _acceptable(tok: Token, accept: set[int]) -> bool:
    if tok.i in accept:
        return True
    if tok.lower_ in title_words():
        return True
    if tok.text in ("'s", "’s", "(", ")", "-", "&") or portfolio_comma(tok):
        return True
    return bool(tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ != "PERSON")


def portfolio_comma(tok: Token) -> bool:
    """The comma of a portfolio that lists several fields: "Minister of Trade, Industry and Energy"."""
    doc = tok.doc
    return tok.text == "," and 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text[:1].isupper() and (
        doc[tok.i + 1].text[:1].isupper()) and any(t.lower_ == "of" for t in doc[max(0, tok.i - 4):tok.i]) and any(
        t.lower_ == "and" for t in doc[tok.i + 1:tok.i + 5])


def _title_run(doc: Doc, end: int, floor: int, accept: set[int],
               blocked: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """The title that ends just before token ``end``, as a token span, or None."""
    i = end
    while i - 1 >= floor and i - 1 not in blocked and _acceptable(doc[i - 1], accept):
        i -= 1
    # Leading words that cannot open a title: articles, conjunctions, stray capitalised words.
    while i < end and not _can_open(doc[i], accept):
        i += 1
    if i >= end or not has_head(list(doc[i:end])):
        return None
    return i, end


def _can_open(tok: Token, accept: set[int]) -> bool:
    if tok.i in accept:
        return True
    low = tok.lower_
    if low in ("of", "the", "and", "for", "in", "at", "to", "on", "a", "an", "'s", "’s", "(", ")", "-", "&"):
        return False
    return low in title_words()


def _opens_with_head(doc: Doc, span: tuple[int, int]) -> bool:
    heads = _vocab()[4]
    return any(doc[k].lower_ in heads for k in range(span[0], min(span[1], span[0] + 3)))


def _apposition(doc: Doc, start: int, floor_end: int, accept: set[int]) -> tuple[int, int] | None:
    """", the Head of X," / ", who is also Nigerian Oil Minister," after a name."""
    if start >= floor_end or doc[start].text != ",":
        return None
    i = start + 1
    while i < floor_end and doc[i].lower_ in ("the", "a", "an", "who", "is", "was", "also", "then", "now"):
        i += 1
    j = i
    while j < floor_end and _acceptable(doc[j], accept) and doc[j].text not in ("(",):
        j += 1
    if j == i or not has_head(list(doc[i:j])) or not _can_open(doc[i], accept):
        return None
    if j < floor_end and doc[j].text not in (",", ".", ";", ":", "-", "—", "–") and doc[j].pos_ not in ("VERB", "AUX"):
        return None
    return i, j


def _fill(doc: Doc, info: TitleInfo, span: tuple[int, int], accept: set[int]) -> None:
    a, b = span
    # A state or "X's" at the start names the holder's state, not the office.
    k = a
    while k < b and (k in accept or doc[k].text in ("'s", "’s")) and doc[k].lower_ not in title_words():
        k += 1
    if k > a:
        info.holder_tokens = (a, k)
    while k < b and doc[k].lower_ in ("the", "'s", "’s"):
        k += 1
    while b > k and doc[b - 1].text in (",", "(", "-", "'s", "’s"):
        b -= 1
    if k < b:
        info.title = doc[k:b].text
        info.sector = head_sector(info.title)
    info.span = (k, b)
