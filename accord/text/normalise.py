"""Keep page furniture away from the extractors without moving a single offset.

Scraped articles carry lines that are not the story: a date and font-size controls, share and print
widgets, photo captions and credits, bylines, a site name at the foot. We find those lines and blank
them out (spaces of the same length) in a copy of the text, so that every offset the extractors
produce is still an offset into the text as read. An ALL-CAPS headline is given normal case in the
copy (same length) so that the tagger sees words, not shouting; so is wire copy's capital after an
abbreviation ("the U.S. Saw no reason").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Span = tuple[int, int]

_WIDGET_WORDS = {
    "share", "shares", "print", "email", "e-mail", "mail", "tweet", "facebook", "twitter", "x", "linkedin",
    "whatsapp", "telegram", "reddit", "pinterest", "copy", "link", "save", "comment", "comments", "listen",
    "subscribe", "follow", "us", "on", "advertisement", "sponsored", "read", "more", "related", "also",
    "see", "tags", "topics", "this", "article", "story", "font", "size", "text", "a", "a+", "a-", "+", "-",
    "−", "–", "px", "reset", "close", "menu", "home", "next", "previous", "top", "back", "to", "the", "min",
    "newsletter", "sign", "up", "download", "app", "messenger", "vk", "ok", "viber", "bookmark", "via",
}
_GLYPHS = re.compile(r"[↺↻⟳🔊🖨✉📧🔗]|\b\d{1,2}\s?px\b|\bA[+-](?=\s|$)|\bfont[- ]size\b", re.I)
_CAPTION = re.compile(
    r"^\s*(?:photo|image|picture|caption|file photo|pictured|video|watch|graphic)s?\b\s*(?:[:|/–—-]|by|credit|courtesy)"
    r"|\b(?:REUTERS/|Getty Images|AFP via Getty|AP Photo|/\s?AFP\b|Shutterstock|EPA-EFE|Photo credit)",
    re.I)
_META_LINE = re.compile(
    r"^\s*(?:by\s+[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|and|de|van|von|al-\w+)){0,5}|(?:published|updated|last updated|"
    r"posted|date|time)\b[\s:]*.{0,60}|\d+\s+min(?:ute)?s?\s+read|(?:date\s+)?\d{4}-\d{2}-\d{2}\b.{0,40})\s*$", re.I)
_CAPITALISED_AFTER_ABBREVIATION = re.compile(
    r"(?<=[a-z,;] )(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.)\s+(And|Or|But|Have|Has|Had|Saw|Sees|Is|Was|Are|Were|Will|Would|"
    r"Should|Could|Can|May|Must|Said|Says|Told|To|In|On|For|Of|The|At|By|With|From|As|That|Which|Also|Not|Do|Does|"
    r"Did|Be|Been|Plans|Planned|Wants|Wanted|Agreed|Signed|Made|Took|Gave|Has|Hopes|Expects|Believes|Saying|Due)\b")
_SITE_LINE = re.compile(r"^\s*[A-Z][\w-]*(?:\.[A-Za-z]{2,})+\s*$")  # "News.Az", "Example.com"


@dataclass
class Prepared:
    """The text as read, its cleaned same-length twin, and where the parts are."""

    text: str
    clean: str
    furniture: list[Span] = field(default_factory=list)
    title: Span | None = None
    site_line: str | None = None

    @property
    def body_start(self) -> int:
        """First offset after the title line (0 without a title)."""
        return self.title[1] if self.title else 0


def prepare(text: str, acronyms: frozenset[str] = frozenset()) -> Prepared:
    lines = list(_lines(text))
    furniture: list[Span] = []
    site_line = None
    content = [(a, b) for a, b in lines if text[a:b].strip()]
    for i, (a, b) in enumerate(content):
        line = text[a:b]
        if _is_furniture(line):
            furniture.append((a, b))
        elif i == len(content) - 1 and i > 0 and _SITE_LINE.match(line):
            furniture.append((a, b))
            site_line = line.strip()
    chars = list(text)
    for a, b in furniture:
        for k in range(a, b):
            if not chars[k].isspace():
                chars[k] = " "
    for m in _CAPITALISED_AFTER_ABBREVIATION.finditer(text):  # wire copy's "the U.S. Saw no reason"
        a = m.start(1)
        chars[a:m.end(1)] = list(m.group(1).lower())
    title = _title(text, [s for s in content if s not in furniture])
    if title is not None:
        segment = text[title[0]:title[1]]
        letters = [c for c in segment if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) / len(letters) > 0.9:
            # Words the story itself writes in capitals ("SEC", "OPEC") stay capitals in the headline.
            body_acronyms = frozenset(re.findall(r"\b[A-Z][A-Z0-9&]{1,5}\b", text[title[1]:]))
            cased = _headline_case(segment, acronyms | body_acronyms)
            if len(cased) == len(segment):
                chars[title[0]:title[1]] = list(cased)
    return Prepared(text=text, clean="".join(chars), furniture=furniture, title=title, site_line=site_line)


def close_dateline(prep: Prepared, span: Span) -> None:
    """Make a dateline ("TOKYO, March 14 - ", "LONDON (Reuters) - ") a sentence of its own in the cleaned
    text: its dash becomes a full stop and a wire credit is blanked, so that the parser does not take
    the place for the subject of the first sentence. Offsets do not move."""
    a, b = span
    seg = prep.clean[a:b]
    seg = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), seg)
    seg = re.sub(r"(?:-{1,2}|–|—)(\s*)$", lambda m: "." + " " * (len(m.group(0)) - 1), seg)
    prep.clean = prep.clean[:a] + seg + prep.clean[b:]


def _lines(text: str) -> list[Span]:
    spans, start = [], 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _is_furniture(line: str) -> bool:
    stripped = line.strip()
    if len(stripped) > 300:
        return False
    if _GLYPHS.search(stripped) and len(stripped.split()) <= 12:
        return True
    words = re.findall(r"[^\s|•·/]+", stripped.lower())
    if words and len(words) <= 8 and all(w.strip(".,:;!?()[]") in _WIDGET_WORDS for w in words):
        return True
    if _CAPTION.search(stripped) and not re.search(r"\((?:Reuters|AP|AFP)\)\s*[-–—]", stripped):
        return True
    return bool(_META_LINE.match(stripped) and len(stripped.split()) <= 10 and not stripped.endswith("."))


def _title(text: str, content: list[Span]) -> Span | None:
    """The first line is a headline when it is short, more text follows, and it is not a sentence; short
    title-case lines after it (a ministry's masthead, "Press Release", then the headline) are the head
    too, and the last of them is the headline."""
    if len(content) < 2 or not _headline(text[content[0][0]:content[0][1]].strip()):
        return None
    k = 0  # a masthead and a kicker before the headline ("Ministry of Foreign Affairs", "Press Release")
    while k + 2 < len(content) and _headline(line := text[content[k + 1][0]:content[k + 1][1]].strip()) and (
            len(line.split()) <= 3 or _title_case(line)) and not re.search(r"[.!?\"”]$", line):
        k += 1
    a, b = content[k]
    line = text[a:b].strip()
    offset = text.index(line, a)
    return (offset, offset + len(line))


def _headline(line: str) -> bool:
    """Short, and not a sentence: no closing punctuation, or every word capitalised but the small ones
    ("Stealth Over Health: X Was Headed to ER.")."""
    words = [w for w in line.split() if w[0].isalpha()]
    if not words or len(line) > 200 or len(line.split()) > 30:
        return False
    capitalised = sum(w[0].isupper() for w in words) / len(words)
    lowercase = [w for w in words if w[0].islower() and w.lower() not in _SMALL]
    # a sentence, an introduction to a list, or two sentences: the story has begun
    return not (line[-1] in ".!?\"”" and (capitalised < 0.6 or lowercase) or line[-1] in ":;," or re.search(
        r"[a-z][.!?]\s+[A-Z]", line))


def _title_case(line: str) -> bool:
    words = [w for w in line.split() if w[0].isalpha()]
    return bool(words) and all(w[0].isupper() or w.lower() in _SMALL for w in words)


_SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from", "vs"}


def _headline_case(segment: str, acronyms: frozenset[str]) -> str:
    """ALL-CAPS headline to Title Case, keeping known acronyms ("USSR", "OPEC") and dotted ones ("U.S.")."""
    out = []
    for tok in re.split(r"(\s+)", segment):
        core = tok.strip(".,:;!?'\"()<>")
        if not tok.strip() or core in acronyms or "." in core:
            out.append(tok)
        elif core.lower() in _SMALL and out:
            out.append(tok.lower())
        else:
            out.append(tok[:1] + tok[1:].lower())
    return "".join(out)
