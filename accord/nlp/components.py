"""Our spaCy pipeline components.

``paragraph_boundaries`` runs before the parser and starts a sentence after a line break that ends a
headline, a dateline paragraph, a block-quote introduction or a list item, so that "SAUDI ARABIA
REITERATES COMMITMENT TO OPEC PACT" and the first paragraph below it are two sentences. In
hard-wrapped text a break in mid-sentence is left alone: a break counts when the line before it ends
in closing punctuation, is much shorter than the text's usual line, or the next line is a list item.
It also keeps a name with its rank: no sentence starts right after "Brig. Gen. (Res.)" or "Dr.".
"""

from __future__ import annotations

import re
import statistics

from spacy.language import Language
from spacy.tokens import Doc

_BULLET = re.compile(r"^\s*(?:[-•*–—·▪]|\(?\d{1,2}[.)]|\(?[a-h][.)])\s")
_CLOSING = tuple(".!?:;\"”'’)")


_RANKS = {"Brig.", "Gen.", "Res.", "Ret.", "Adm.", "Col.", "Lt.", "Sgt.", "Capt.", "Maj.", "Cmdr.", "Dr.", "Prof.",
          "Mr.", "Mrs.", "Ms.", "Sen.", "Rep.", "Gov.", "Amb.", "Rev.", "St.", "Gens."}


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    for tok in doc[1:-1]:
        prev = doc[tok.i - 1]
        if prev.text in _RANKS or prev.text == ")" and tok.i >= 2 and doc[tok.i - 2].text in ("Res.", "Ret.", "ret."):
            if tok.text[:1].isupper() or tok.text == "(":
                tok.is_sent_start = False
    text = doc.text
    if "\n" not in text:
        return doc
    lines = [ln for ln in text.split("\n") if ln.strip()]
    usual = statistics.median(len(ln) for ln in lines) if lines else 0
    for tok in doc[:-1]:
        if "\n" not in tok.text and "\n" not in tok.whitespace_:
            continue
        nxt = doc[tok.i + 1]
        if nxt.is_space:
            continue
        line_end = tok.idx if tok.is_space else tok.idx + len(tok.text)
        line_start = text.rfind("\n", 0, max(0, line_end - 1)) + 1
        prev_line = text[line_start:line_end].strip()
        blank_line = text[line_end:nxt.idx].count("\n") + (1 if "\n" in tok.text else 0) >= 2 or tok.text.count(
            "\n") >= 2
        next_line = text[nxt.idx:text.find("\n", nxt.idx) if "\n" in text[nxt.idx:] else len(text)]
        if blank_line or not prev_line or prev_line.endswith(_CLOSING) or len(prev_line) < 0.75 * usual or (
                _BULLET.match(next_line)):
            nxt.is_sent_start = True
    return doc
