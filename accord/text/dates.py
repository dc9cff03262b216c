"""Calendar expressions written out in full ("16 December 2024", "March 14", "2026-02-04").

Only absolute forms live here; relative ones ("last month", "on Tuesday") need the sentence and a
reference date and are resolved in ``accord.extract.dates``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"

PATTERNS = [
    re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:pct|percent|%|mln|billion|million))", re.I),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\b", re.I),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I),
]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None

    def iso(self) -> str | None:
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def find_dates(text: str) -> list[DateMatch]:
    """Every full or partial calendar date in ``text``, longest match first at each position."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            parsed = _parse(m)
            if parsed is not None:
                found.append(parsed)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _parse(m: re.Match[str]) -> DateMatch | None:
    g = m.groupdict()
    month_s = g.get("month")
    if month_s is None:
        return None
    month = int(month_s) if month_s.isdigit() else MONTHS.get(month_s.lower().rstrip("."))
    if month is None or not 1 <= month <= 12:
        return None
    if month_s.lower() == "may" and not g.get("year") and not m.group(0)[0].isupper():
        return None  # "may" the verb
    if month_s.lower() in ("mar", "dec", "jan", "sep") and not month_s[0].isupper():
        return None
    day = int(g["day"]) if g.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    year = int(g["year"]) if g.get("year") else None
    return DateMatch(m.start(), m.end(), year, month, day)
