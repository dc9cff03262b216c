"""Orchestration only: read -> clean -> annotate -> extract -> record.

``process`` is the one function the CLI, a process pool and a Spark partition all call. It takes
articles (or input failures) and yields one record per input, in order. An article that breaks any
stage yields an error record; the rest of the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Doc

from accord.errors import AccordError
from accord.extract import agreements, meetings, quotes
from accord.extract.actors import find_actors
from accord.extract.coder import code_events
from accord.extract.events import finalise_events
from accord.extract.gazetteer import gazetteer
from accord.nlp.model import load_model
from accord.records import ArticleInput, ArticleMeta, InputFailure, Record
from accord.settings import DEFAULT, Settings
from accord.text.language import detect_language
from accord.text.metadata import Metadata, read_metadata
from accord.text.normalise import Prepared, close_dateline, prepare

log = logging.getLogger("accord")


@dataclass
class _Work:
    article: ArticleInput
    prep: Prepared
    meta: Metadata
    language: str


def process(items: Iterable[ArticleInput | InputFailure], settings: Settings = DEFAULT,
            emit_text: bool = False, default_published: str | None = None) -> Iterator[Record]:
    """One record per item, in input order, streaming in batches of ``settings.batch_size``.

    ``default_published`` is the publication date of articles that give none themselves."""
    nlp = load_model(settings.model, settings.max_chars)
    gaz = gazetteer(nlp)
    acronyms = frozenset(s for s in gaz.entries if s.isupper())
    it = iter(items)
    while batch := list(islice(it, settings.batch_size)):
        work: list[_Work | Record] = [_begin(item, settings, acronyms, default_published) for item in batch]
        english = [w for w in work if isinstance(w, _Work) and w.language == "en"]
        docs = iter(nlp.pipe([w.prep.clean for w in english]))
        for w in work:
            if isinstance(w, Record):
                yield w
                continue
            doc = next(docs) if w.language == "en" else None
            yield _finish(w, doc, gaz, emit_text)


def extract(text: str, published: str | None = None, settings: Settings = DEFAULT) -> Record:
    """The record of one article given as a string."""
    return next(process([ArticleInput(text=text, origin="<text>", published=published)], settings))


def _begin(item: ArticleInput | InputFailure, settings: Settings, acronyms: frozenset[str],
           default_published: str | None) -> _Work | Record:
    if isinstance(item, InputFailure):
        return Record.failed(item)
    try:
        prep = prepare(item.text, acronyms)
        meta = read_metadata(prep, published=item.published, source=item.source,
                             default_published=default_published)
        if meta.dateline_span:
            close_dateline(prep, meta.dateline_span)
        language = detect_language(prep.clean, settings.english_min_stopword_share)
    except AccordError as exc:
        return Record.failed(InputFailure(item.origin, exc.code, str(exc), item.record_id()))
    return _Work(item, prep, meta, language)


def _finish(w: _Work, doc: Doc | None, gaz, emit_text: bool) -> Record:  # type: ignore[no-untyped-def]
    art = w.article
    record = Record(
        id=art.record_id(),
        article=ArticleMeta(title=art.title or _title_text(w.prep), url=art.url, source=w.meta.source,
                            published=w.meta.published, language=w.language, dateline=w.meta.dateline),
        warnings=list(art.warnings),
        text=art.text if emit_text else None,
    )
    if doc is None:  # another language: its language and no English-only guesses
        return record
    try:
        _extract(record, doc, w, gaz)
    except Exception as exc:  # noqa: BLE001 - one article's failure must not cost the batch
        log.debug("extraction failed for %s", art.origin, exc_info=True)
        record.actors, record.events, record.quotes = [], [], []
        record.error = {"code": "extraction_failed",
                        "message": f"{art.origin}: extraction failed ({type(exc).__name__}: {exc})"}
    return record


def _extract(record: Record, doc: Doc, w: _Work, gaz) -> None:  # type: ignore[no-untyped-def]
    reference = w.meta.dateline_date or w.meta.published
    body = w.prep.body_start
    publisher = _publisher_state(gaz, w.prep, w.meta.published)
    home = _home_state(gaz, w.meta) or publisher
    table = find_actors(doc, gaz, w.meta.published, body, home, publisher)
    found = agreements.find(doc, table, reference, body)
    found += meetings.find(doc, table, reference, body, home, earlier=found)
    found += code_events(doc, table, reference, body, skip=found)
    # Quotes come after the events they might otherwise distort (the speakers they add, "sources" or "a
    # spokesman", are no parties), but before the meetings that speakers announce in their own words.
    record.quotes = quotes.find(doc, table, w.prep)
    found += meetings.from_quotes(doc, table, record.quotes, reference)
    record.events = finalise_events(found, table, doc)
    record.actors = table.ordered()
    text = w.prep.text  # offsets were computed on the cleaned twin; texts come from the article as read
    for ev in record.events:
        for e in ev.evidence:
            e.text = text[e.start:e.end]
    for q in record.quotes:
        q.text = text[q.start:q.end]


def _home_state(gaz, meta: Metadata) -> str | None:  # type: ignore[no-untyped-def]
    """The state of the dateline's place ("TOKYO" -> JPN), for "the visiting minister"."""
    if not meta.dateline:
        return None
    return gaz.place_country(meta.dateline, meta.published)


def _publisher_state(gaz, prep: Prepared, on_date: str | None) -> str | None:  # type: ignore[no-untyped-def]
    """The state whose government issues a release, from the masthead above its headline ("Ministry of
    Foreign Affairs of the Republic of Korea")."""
    if not prep.title:
        return None
    for line in prep.text[:prep.title[0]].splitlines():
        words = line.split()
        if not any(w.lower() in ("ministry", "ministère", "department", "government", "embassy", "office",
                                 "presidency", "mission") for w in words):
            continue
        for i in range(len(words)):
            code = gaz.country_code(" ".join(words[i:]).strip(" .,"), on_date)
            if code:
                return code
    return None


def _title_text(prep: Prepared) -> str | None:
    return prep.text[prep.title[0]:prep.title[1]] if prep.title else None
