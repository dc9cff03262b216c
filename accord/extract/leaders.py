"""Who was "President Aliyev" on the article's date? Heads of state and government, foreign ministers
and heads of international bodies, with their terms (``knowledge/leaders.json``).

The table completes what the text leaves out (the full name behind a surname, the state behind a
title); it never overrides what the text says. A surname matches only when exactly one holder fits
the date and, where the text gives one, the office.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from accord import knowledge

#: Codes the table uses for offices of international bodies, and the body each stands for.
BODIES = {"UNO": "org:united-nations", "NAT": "org:north-atlantic-treaty-organization", "EUE": "org:european-union"}


@dataclass(frozen=True)
class Leader:
    name: str
    country: str
    office: str
    start: str | None
    until: str | None

    def serving(self, on_date: str | None) -> bool:
        if on_date is None:
            return self.until is None
        return (self.start is None or self.start <= on_date) and (self.until is None or on_date <= self.until)


@functools.cache
def _index() -> tuple[dict[str, list[Leader]], dict[str, list[Leader]]]:
    by_name: dict[str, list[Leader]] = {}
    by_surname: dict[str, list[Leader]] = {}
    for r in knowledge.load("leaders"):
        leader = Leader(r["name"], r["country"], r["office"], r.get("from"), r.get("until"))
        for n in [r["name"], *r.get("aliases", [])]:
            by_name.setdefault(n.lower(), []).append(leader)
        by_surname.setdefault(r["surname"].lower(), []).append(leader)
    return by_name, by_surname


def lookup(name: str, title: str | None, on_date: str | None) -> Leader | None:
    """The one office holder that ``name`` (full name or surname) and ``title`` fit on ``on_date``."""
    by_name, by_surname = _index()
    key = name.lower()
    pool = by_name.get(key) or (by_surname.get(key, []) if " " not in key else [])
    serving = [ld for ld in pool if ld.serving(on_date)]
    if title:
        fitting = [ld for ld in serving if _fits(ld.office, title)]
        serving = fitting or serving
    people = {ld.name for ld in serving}
    if len(people) != 1:
        return None
    best = [ld for ld in serving if not title or _fits(ld.office, title)] or serving
    return best[0]


def serving_surname(word: str, on_date: str | None) -> bool:
    """Is ``word`` the surname of exactly one office holder serving on ``on_date``?"""
    pool = [ld for ld in _index()[1].get(word.lower(), []) if ld.serving(on_date)]
    return len({ld.name for ld in pool}) == 1


def _fits(office: str, title: str) -> bool:
    o, t = office.lower(), title.lower()
    if "vice" in t and "vice" not in o or "deputy" in t:
        return False
    key = o.split()[-1]  # "Prime Minister" -> minister, "Secretary of State" -> state
    return key in t or o in t or (o == "secretary of state" and "secretary" in t)
