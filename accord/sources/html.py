"""HTML pages to main text and metadata, with trafilatura.

Offsets in the record point into the extracted main text (``--emit-text`` shows it), as CONTRACT.md
says. trafilatura drops navigation, share widgets, comments and footers before we see the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.errors import EmptyInput, InputError


@dataclass
class Page:
    text: str
    title: str | None
    url: str | None
    published: str | None
    source: str | None


def extract_html(html: str, origin: str) -> Page:
    import trafilatura  # imported here: only HTML input pays for it

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises assorted lxml/parser errors on broken markup
        raise InputError(f"HTML could not be parsed ({type(exc).__name__}: {exc})", origin) from exc
    if doc is None or not (doc.text or "").strip():
        raise EmptyInput("the HTML page has no main text", origin)
    text = doc.text
    title = doc.title or None
    published = doc.date if doc.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.date) else None
    if published and published == getattr(doc, "filedate", None):
        published = None  # trafilatura's fallback is today's date, which is not the article's
    return Page(text=text, title=title, url=doc.url or None, published=published, source=doc.sitename or None)
