"""Given names (``knowledge/given_names.json``): where a person's name starts, and which pronoun fits."""

from __future__ import annotations

import functools

from accord import knowledge


@functools.cache
def _names() -> dict[str, str]:
    return dict(knowledge.load("given_names")["names"])


def is_given_name(word: str) -> bool:
    return word in _names()


def gender(full_name: str) -> str | None:
    """"m", "f" or "u" (both) from the first given name in ``full_name``; None when none is known."""
    for word in full_name.split():
        g = _names().get(word)
        if g is not None:
            return g
    return None
