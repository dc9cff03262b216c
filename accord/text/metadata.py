"""Publication date, source and dateline, read from the text where the input does not give them.

The cascade, first hit wins for each field:
  published: the input's own value; a date on a furniture line ("date 2026-02-04", "Published 4 Feb
             2026"); a full date in the dateline ("Singapore, 16 December 2024 –"); a full date in the
             first three lines.
  source:    the input's own value; a wire credit in the dateline ("(Reuters) -"); "<Name> reports";
             a site name alone on the last line ("News.Az").
  dateline:  the place that opens the first paragraph ("TOKYO, March 14 -", "BASLE -").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from accord.text.dates import find_dates
from accord.text.normalise import Prepared

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’-]+(?:[ -][A-Za-z.'’-]+){0,3}?)(?:\s*,\s*(?P<region>[A-Z][A-Za-z. ]{1,25}?))??"
    r"(?:\s*,\s*(?P<date>[^–—()\n]{3,30}?))?\s*(?:\((?P<wire>[^)]{2,30})\))?\s*(?:-{1,2}|–|—)\s+\S")
_REPORTS = re.compile(r"(?:^|[,;]\s*|\b(?:the\s+)?)(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
                      r"\s+(?:reports|reported)\b(?:,?\s+citing\b)?")
_WIRES = {"reuters": "Reuters", "ap": "AP", "afp": "AFP", "xinhua": "Xinhua", "tass": "TASS", "upi": "UPI",
          "dpa": "dpa", "ani": "ANI", "pti": "PTI", "ians": "IANS", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo",
          "yonhap": "Yonhap", "bernama": "Bernama", "irna": "IRNA", "wam": "WAM", "spa": "SPA", "apa": "APA",
          "anadolu": "Anadolu Agency", "bloomberg": "Bloomberg", "cnn": "CNN", "bbc": "BBC"}


@dataclass
class Metadata:
    published: str | None = None
    source: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None  # as much of the date as the dateline gives, ISO
    dateline_span: tuple[int, int] | None = None  # "TOKYO, March 14 - ": not part of the first sentence


def read_metadata(prep: Prepared, published: str | None = None, source: str | None = None,
                  default_published: str | None = None) -> Metadata:
    """``default_published`` (``--published``) applies only where neither the input nor the text gives a date."""
    meta = Metadata(published=published, source=source)
    text = prep.text
    for a, b in prep.furniture:
        if meta.published is None:
            for d in find_dates(text[a:b]):
                if d.day is not None and d.year is not None and _valid(d.iso()):
                    meta.published = d.iso()
                    break
    first = _first_paragraph(prep)
    if first is not None:
        m = _DATELINE.match(text[first[0]:first[1]])
        if m and _plausible_place(m.group("place")):
            meta.dateline = m.group("place").strip()
            meta.dateline_span = (first[0], first[0] + m.end() - 1)
            if m.group("wire") and meta.source is None:
                meta.source = _WIRES.get(m.group("wire").strip().lower(), m.group("wire").strip())
            if m.group("date"):
                dates = find_dates(m.group("date"))
                if dates:
                    d = dates[0]
                    year = d.year
                    if year is None and meta.published:
                        year = int(meta.published[:4])
                    if year is not None and d.day is not None:
                        meta.dateline_date = f"{year:04d}-{d.month:02d}-{d.day:02d}"
                    if meta.published is None and d.year is not None and d.day is not None and _valid(d.iso()):
                        meta.published = d.iso()
    if meta.published is None:
        head = prep.clean[: _nth_line_end(prep.clean, 3)]
        for d in find_dates(head):
            if d.year is not None and d.day is not None and _valid(d.iso()):
                meta.published = d.iso()
                break
    if meta.published is None:
        meta.published = default_published
        if meta.dateline_date is None and first is not None and default_published:
            m = _DATELINE.match(text[first[0]:first[1]])
            dates = find_dates(m.group("date")) if m and m.group("date") else []
            if dates and dates[0].day is not None:
                meta.dateline_date = f"{int(default_published[:4]):04d}-{dates[0].month:02d}-{dates[0].day:02d}"
    if meta.source is None:
        m = _REPORTS.search(prep.clean)
        if m and m.group("name").split()[0] not in {"The", "He", "She", "It", "They", "Media", "Reports"}:
            meta.source = m.group("name")
        elif prep.site_line:
            meta.source = prep.site_line
    return meta


def _first_paragraph(prep: Prepared) -> tuple[int, int] | None:
    start = prep.body_start
    for m in re.finditer(r"[^\r\n]+", prep.clean[start:]):
        if m.group(0).strip():
            a = start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            return a, start + m.end()
    return None


def _plausible_place(place: str) -> bool:
    words = place.split()
    return 1 <= len(words) <= 4 and (place.isupper() or all(w[0].isupper() for w in words if w[0].isalpha()))


def _nth_line_end(text: str, n: int) -> int:
    pos = 0
    for _ in range(n):
        nxt = text.find("\n", pos + 1)
        if nxt < 0:
            return len(text)
        pos = nxt
    return pos


def _valid(iso: str | None) -> bool:
    if iso is None:
        return False
    try:
        date.fromisoformat(iso)
    except ValueError:
        return False
    return True
