"""Is the article English? Function words decide; py3langid only names the other language.

A language identifier alone misfires on one-line English texts full of names; the share of English
function words ("the", "of", "and" ...) does not. Only a text with too few of them goes to py3langid,
and only a confident non-English answer makes the article foreign.
"""

from __future__ import annotations

import functools
import re
from typing import Any

_FUNCTION_WORDS = frozenset(
    "the of and to a in is was that for on with as by at from it its his her he she they their this be are were "
    "has have had not but or an will would said says which who been after over into than also about more".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_language(text: str, min_share: float) -> str:
    """ISO 639-1 code of the text's language; "en" unless it is confidently something else."""
    sample = text[:20000]
    words = _WORD.findall(sample.lower())
    letters = [c for c in sample if c.isalpha()]
    latin = sum(c.isascii() for c in letters) / len(letters) if letters else 1.0
    if latin >= 0.5 and len(words) < 6 or sum(w in _FUNCTION_WORDS for w in words) / len(words) >= min_share:
        return "en"
    lang, prob = _identifier().classify(sample)
    if lang == "en":
        return "en"
    # A text mostly outside the Latin script is not English whatever the score; in Latin script,
    # names and numbers can fool the identifier, so only a confident answer counts.
    return str(lang) if latin < 0.5 or prob >= 0.9 else "en"


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
