"""When did it happen? Time expressions in a sentence, resolved against the article's date.

The reference is the dateline's date where there is one, else the publication date. Weekdays and
bare months point back for past events ("met on Tuesday") and forward for coming ones ("will meet on
Tuesday", "begins a visit on Tuesday"). Weeks are given at month precision, as the news-dev
annotation does; "the 1972 treaty" gives a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from accord.text.dates import MONTHS, find_dates

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH_RE = "|".join(m for m in MONTHS if len(m) > 3) + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "a": 1, "an": 1}
_RELATIVE = re.compile(
    r"\b(?P<rel>today|yesterday|tomorrow|tonight|last night|this morning|this afternoon|this evening|earlier today|"
    r"(?P<which>last|this|next|past|previous|coming|later this|earlier this)\s+(?P<unit>week|month|year|weekend)|"
    r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)[ -]"
    r"(?P<agounit>day|week|month|year)s?"
    r"(?:\s+(?:ago|before|earlier)|[ -]old)|"
    r"(?:(?P<wd_mod>last|next|this|on|from|until|by|since)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)(?:\s+(?P<part>morning|afternoon|evening|night))?|"
    r"(?:(?P<m_mod>last|next|this|early|mid|late|in|since|until|by|from)[\s-]+)?(?P<month>" + _MONTH_RE + r")\b\.?"
    r"(?!\s+\d)|"
    r"(?P<year>(?:19|20)\d\d)(?!\s*(?:pct|percent|%|mln|tonnes|barrels|dlrs|\d)))",
    re.I)


@dataclass(frozen=True)
class TimeExpr:
    start: int  # character offsets in the doc
    end: int
    iso: str
    precision: str  # day | month | year


def time_expressions(sent: Span, reference: str | None, future: bool) -> list[TimeExpr]:
    """Every resolvable time expression in ``sent``."""
    text = sent.text
    base = sent.start_char
    ref = _parse_ref(reference)
    out: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for d in find_dates(text):
        year, end = d.year, d.end
        which = _WHICH_YEAR.match(text, d.end)
        if year is None and which and ref is not None:  # "on July 31 last year"
            year, end = ref.year + {"last": -1, "this": 0, "next": 1}[which.group(1).lower()], which.end()
        iso, precision = _absolute(year, d.month, d.day, ref, future)
        if iso:
            out.append(TimeExpr(base + d.start, base + end, iso, precision))
            taken.append((d.start, end))
    for m in _RELATIVE.finditer(text):
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        resolved = _relative(m, ref, future)
        if resolved:
            out.append(TimeExpr(base + m.start(), base + m.end(), *resolved))
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda t: t.start)


_WHICH_YEAR = re.compile(r"\s*,?\s*(last|this|next) year\b", re.I)
_FUTURE_WORDS = {"will", "'ll", "shall", "due", "expected", "scheduled", "planned", "plans", "plan", "set", "would",
                 "later", "upcoming", "forthcoming", "next"}
_PRESENT_FOR_FUTURE = {"begin", "start", "open", "leave", "arrive", "visit", "meet", "hold", "travel", "fly"}


def is_future(sent: Span, trigger: Token | None = None) -> bool:
    """Does the sentence (near ``trigger``, where given) speak of something still to come?"""
    if trigger is None:
        return any(t.lower_ in ("will", "'ll", "shall", "due", "scheduled") for t in sent)
    if trigger.tag_ == "VBD" or trigger.tag_ == "VBN" and any(c.lemma_ == "have" for c in trigger.children):
        return False
    near = [t for t in sent if trigger.i - 6 <= t.i <= trigger.i + 1]
    if any(t.lower_ in _FUTURE_WORDS or t.tag_ == "TO" and t.head.i == trigger.i for t in near):
        return True
    return trigger.tag_ in ("VBZ", "VBP") and trigger.lemma_ in _PRESENT_FOR_FUTURE


def choose(exprs: list[TimeExpr], trigger: Token | None) -> TimeExpr | None:
    """The expression that dates the trigger: one in the trigger's clause or below it, nearest first;
    with none there, none at all, for a date that belongs to a clause above or beside it ("signed an
    accord, part of a restructuring agreed in 1986") is not this event's."""
    if not exprs:
        return None
    if trigger is None:
        return exprs[0]
    doc = trigger.doc
    own_verb = _clause_verb(trigger)
    mine = []
    for e in exprs:
        if doc.text[e.end:e.end + 2] in ("'s", "’s") and not 0 < trigger.idx - e.end < 40:
            continue  # "today's nuclear plants" dates the plants, not the event
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("compound", "nummod", "amod", "nmod") and span.root.head.pos_ in (
                "NOUN", "PROPN") and span.root.head.i != trigger.i:
            continue  # "the 1929 treaty", "its 1986 quota": the year of another thing
        if span is None:
            mine.append(e)
            continue
        verb = _clause_verb(span.root)
        if verb.i != own_verb.i and verb.dep_ in ("acl", "relcl") and verb.head.i != trigger.i:
            continue  # "signed an accord, part of a restructuring agreed last year": the restructuring's date
        branch = next((v for v in [verb, *verb.ancestors] if v.head.i == own_verb.i and v.i != own_verb.i), None)
        if branch is not None and branch.dep_ == "conj":
            continue  # "met Marcos and invited him to visit Tokyo next year": the other verb's time
        if verb.i != own_verb.i and doc.text[max(0, e.start - 3):e.start].lower() == "by ":
            continue  # "agreed to raise trade to $15 billion by 2028": a deadline of what was agreed
        if verb.i == own_verb.i or own_verb.is_ancestor(span.root):
            mine.append(e)
    if not mine:
        return None
    pos = trigger.idx
    return min(mine, key=lambda e: min(abs(e.start - pos), abs(e.end - pos)))


_VALIDITY = re.compile(r"\b(?:from|until|till|through|thru|to|effective|expires?|expiring|valid|runs?|running|"
                       r"lasts?|extends?|starting|beginning|as of)\s*(?:on\s+)?"
                       r"(?:(?:the\s+)?(?:end|close|beginning|start|middle)\s+of\s+)?$", re.I)


def validity(exprs: list[TimeExpr], doc_text: str) -> list[TimeExpr]:
    """The expressions that say how long something holds ("extended from July 1, 1987", "runs until
    March", "extended to the end of 1989"), not when it was done."""
    return [e for e in exprs if _VALIDITY.search(doc_text[max(0, e.start - 25):e.start])]


def lead_day(sents: list[Span], reference: str | None) -> str | None:
    """The day the story's lead gives its news ("VIENNA, Oct 20 - East and West on Monday decided"):
    the day to assume for an event the story reports without a date of its own, where it is within a
    week before the reference; else None (the reference itself is then the guess)."""
    ref = _parse_ref(reference)
    if not sents or ref is None:
        return None
    lead = next((s for s in sents if s.root.pos_ in ("VERB", "AUX")), sents[0])  # past a dateline of its own
    exprs = [e for e in time_expressions(lead, reference, False) if e.iso != ref.isoformat()]  # not the dateline
    when = choose(exprs, lead.root)
    if when is None or when.precision != "day":
        return None
    day = date.fromisoformat(when.iso)
    return when.iso if timedelta(0) <= ref - day <= timedelta(days=7) else None


def told_as_past(tok: Token) -> bool:
    """Is the clause of ``tok`` in the simple past ("on Tuesday concluded talks on a pact")? Its time words
    then count back from the story's day, even for an agreement still to come ("a date of mid-September
    has been set for the signing" still looks ahead)."""
    return _clause_verb(tok).tag_ == "VBD"


def _clause_verb(tok: Token) -> Token:
    """The nearest verb at or above ``tok`` (the clause it belongs to), or the sentence root."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") or t.head is t:
            return t
        t = t.head
    return t


def _parse_ref(reference: str | None) -> date | None:
    if not reference:
        return None
    try:
        return date.fromisoformat(reference[:10])
    except ValueError:
        return None


def _absolute(year: int | None, month: int | None, day: int | None, ref: date | None,
              future: bool) -> tuple[str | None, str]:
    if month is None:
        return None, ""
    if year is None:
        if ref is None:
            return None, ""
        year = ref.year
        candidate = (month, day or 1)
        if not future and candidate > (ref.month, ref.day) and month - ref.month > 1:
            year -= 1  # "March 11" in a story of June is this year; "November 5" in March is last year
        elif future and candidate < (ref.month, ref.day) and ref.month - month > 1:
            year += 1
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None, ""


def _relative(m: re.Match[str], ref: date | None, future: bool) -> tuple[str, str] | None:
    g = {k: (v.lower() if v else v) for k, v in m.groupdict().items()}
    if g["year"]:
        return g["year"], "year"
    if ref is None:
        return None
    if g["rel"] and not (g["unit"] or g["agounit"] or g["weekday"] or g["month"]):
        rel = g["rel"]
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(rel, 0)
        return (ref + timedelta(days=shift)).isoformat(), "day"
    if g["unit"]:
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(g["which"], 0)
        unit = g["unit"]
        if unit == "year":
            return f"{ref.year + step:04d}", "year"
        if unit == "month":
            return _month_shift(ref, step), "month"
        day = ref + timedelta(days=7 * step)
        return f"{day.year:04d}-{day.month:02d}", "month"
    if g["agounit"]:
        n = int(g["n"]) if g["n"].isdigit() else _NUM.get(g["n"], 1)
        unit = g["agounit"]
        if unit == "day":
            return (ref - timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            day = ref - timedelta(days=7 * n)
            return f"{day.year:04d}-{day.month:02d}", "month"
        if unit == "month":
            return _month_shift(ref, -n), "month"
        return f"{ref.year - n:04d}", "year"
    if g["weekday"]:
        target = WEEKDAYS[g["weekday"]]
        mod = g["wd_mod"]
        forward = mod == "next" or (future and mod != "last")
        if forward:
            delta = (target - ref.weekday()) % 7 or 7
            return (ref + timedelta(days=delta)).isoformat(), "day"
        delta = (ref.weekday() - target) % 7
        if mod == "last" and delta == 0:
            delta = 7
        return (ref - timedelta(days=delta)).isoformat(), "day"
    if g["month"]:
        month = MONTHS.get(g["month"].rstrip("."))
        if month is None or g["month"] == "may" and not m.group("month")[0].isupper():
            return None
        if g["month"] in ("mar", "dec", "jan", "sep", "oct", "nov", "aug", "jun", "jul", "apr", "feb") and not m.group(
                "month")[0].isupper():
            return None
        mod = g["m_mod"]
        year = ref.year
        if mod == "next":
            year += 1 if month <= ref.month else 0
        elif mod == "last":
            year -= 1 if month >= ref.month else 0
        elif future:
            year += 1 if month < ref.month else 0
        else:
            year -= 1 if month > ref.month else 0
        return f"{year:04d}-{month:02d}", "month"
    return None


def before_the_news(iso: str | None, reference: str | None) -> bool:
    """An event dated in an earlier month than the story (by its year alone, an earlier year; by its day,
    more than two weeks earlier) is history to it: "a joint declaration with Japan last month" in a
    February article."""
    if not iso or not reference:
        return False
    if len(iso) == 10 and len(reference) >= 10:  # "on Monday" across a month's end is still news
        try:
            return (date.fromisoformat(reference[:10]) - date.fromisoformat(iso)).days > 14
        except ValueError:
            return False
    return iso < reference[:4] if len(iso) == 4 else iso[:7] < reference[:7]


def _month_shift(ref: date, step: int) -> str:
    total = ref.year * 12 + ref.month - 1 + step
    return f"{total // 12:04d}-{total % 12 + 1:02d}"
