"""Topics of an agreement or talks, and the PLOVER contexts they belong to.

An explicit topic phrase after the instrument ("a memorandum on artificial intelligence", "talks on
trade and investment") is read first; the instrument's own modifiers ("grains agreement", "fishing
accord") next; "in this field" takes the topic of the sentence before. Topic words and their contexts
are data (``knowledge/topics.json``).
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Span, Token

from accord import knowledge


@functools.cache
def _lexicon() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    topics = knowledge.load("topics")["topics"]
    word_topic: dict[str, str] = {}
    for label, t in topics.items():
        for w in t["words"]:
            word_topic.setdefault(w, label)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in sorted(word_topic, key=len, reverse=True))
                         + r")(?![\w-])")
    contexts = {label: t["context"] for label, t in topics.items()}
    return pattern, word_topic, contexts


def _labels(text: str, case_text: str) -> list[str]:
    pattern, word_topic, _ = _lexicon()
    out: list[str] = []
    for m in pattern.finditer(text):
        w = m.group(1)
        if w == "ai" and case_text[m.start():m.end()] != "AI":
            continue  # "ai" only as the acronym
        label = word_topic[w]
        if label not in out:
            out.append(label)
    return out


def topics_of_text(text: str) -> list[str]:
    """Topic labels named in a piece of text ("economic" -> economic cooperation)."""
    return _labels(text.lower(), text)


def topics_in(sent: Span, head: Token) -> list[str]:
    """Topic labels for the instrument or talks headed by ``head`` in ``sent``."""
    doc = sent.doc
    found: list[str] = []
    # "on artificial intelligence", "concerning trade", "in the field of energy"
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "concerning", "regarding", "over", "for", "in", "covering"):
            phrase = doc[c.i + 1:c.right_edge.i + 1]
            found += [t for t in _labels(phrase.text.lower(), phrase.text) if t not in found]
    # "grains agreement", "defence and economic agreement", "fishing accord"
    left = doc[head.left_edge.i:head.i]
    found += [t for t in _labels(left.text.lower(), left.text) if t not in found]
    if not found and re.search(r"\bin (this|that|the same) (field|area|sphere|domain)\b", sent.text, re.I):
        prev = doc[max(0, sent.start - 1)].sent
        found += _labels(prev.text.lower(), prev.text)[:2]
    if not found:
        found = _labels(sent.text.lower(), sent.text)[:2]
    return found


def contexts_of(topics: list[str]) -> list[str]:
    contexts = _lexicon()[2]
    out: list[str] = []
    for t in topics:
        c = contexts.get(t)
        if c and c not in out:
            out.append(c)
    return out
