"""Reading inputs: every format, and every kind of bad input, each failing alone."""

from __future__ import annotations

import io
import json

from accord.records import ArticleInput, InputFailure
from accord.settings import Settings
from accord.sources import read_inputs

ARTICLE = "Chile and Peru signed a trade agreement on Monday in Lima.\n"


def _items(paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_sources_txt_file_is_one_article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    [item] = _items([p])
    assert isinstance(item, ArticleInput)
    assert item.text == ARTICLE and item.origin == str(p)


def test_sources_jsonl_echoes_ids_and_fields(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text(json.dumps({"id": 7, "text": ARTICLE, "published": "2024-05-06", "source": "Wire"}) + "\n\n"
                 + json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    first, second = _items([p])
    assert first.id == 7 and first.published == "2024-05-06" and first.source == "Wire"
    assert second.id is None and second.record_id() == second.record_id() and len(second.record_id()) == 64


def test_sources_jsonl_bad_lines_fail_alone(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "ok text here"}\nnot json\n[1, 2]\n{"id": "x", "title": "no text"}\n{"text": 5}\n',
                 encoding="utf-8")
    items = _items([p])
    assert isinstance(items[0], ArticleInput)
    failures = items[1:]
    assert all(isinstance(f, InputFailure) and f.code == "bad_jsonl" for f in failures)
    assert failures[0].origin.endswith("bad.jsonl:2") and "not JSON" in failures[0].message
    assert "not an object" in failures[1].message
    assert failures[2].id == "x" and 'no "text"' in failures[2].message
    assert "is a int" in failures[3].message


def test_sources_bad_published_is_a_warning(tmp_path):
    p = tmp_path / "b.jsonl"
    p.write_text(json.dumps({"text": ARTICLE, "published": "last Tuesday"}) + "\n", encoding="utf-8")
    [item] = _items([p])
    assert item.published is None and item.warnings[0]["code"] == "bad_published"


def test_sources_directory_is_walked_in_order(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.html").write_text("<html><body><article><p>" + ARTICLE * 3 + "</p></article></body></html>",
                                     encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(ARTICLE, encoding="utf-8")
    items = _items([tmp_path])
    assert [i.origin.rsplit("/", 1)[-1] for i in items] == ["a.html", "b.txt"]


def test_sources_html_gives_main_text_and_metadata(tmp_path):
    page = ("<html><head><title>Deal | Site</title><meta property='og:site_name' content='Example Site'>"
            "<meta name='date' content='2025-01-02'></head><body><nav>Home | World | Share</nav><article>"
            "<h1>Deal signed</h1><p>" + ARTICLE + " It is the first such deal in a decade for both states.</p>"
            "<p>Officials said more talks would follow next month in Santiago.</p></article>"
            "<footer>Print | Share</footer></body></html>")
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    [item] = _items([p])
    assert "Chile and Peru signed" in item.text and "Home | World" not in item.text
    assert item.published == "2025-01-02" and item.source == "Example Site"


def test_sources_stdin_is_sniffed():
    jsonl = (json.dumps({"id": "s1", "text": ARTICLE}) + "\n").encode()
    [item] = list(read_inputs(["-"], stdin=io.BytesIO(jsonl)))
    assert item.id == "s1"
    [item] = list(read_inputs([], stdin=io.BytesIO(ARTICLE.encode())))
    assert item.text == ARTICLE and item.origin == "<stdin>"


def test_sources_empty_file_fails(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("  \n\n", encoding="utf-8")
    [f] = _items([p])
    assert isinstance(f, InputFailure) and f.code == "empty_input" and str(p) in f.message


def test_sources_binary_file_fails(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    [f] = _items([p])
    assert isinstance(f, InputFailure) and f.code == "binary_input" and "binary" in f.message


def test_sources_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Bogot\xe1 and Quito agreed.".encode("latin-1"))
    [item] = _items([p])
    assert isinstance(item, ArticleInput) and "\ufffd" in item.text
    assert item.warnings[0]["code"] == "invalid_utf8" and "1 invalid" in item.warnings[0]["message"]


def test_sources_utf16_with_bom_is_decoded(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes(ARTICLE.encode("utf-16"))
    [item] = _items([p])
    assert item.text == ARTICLE


def test_sources_too_large_fails_without_reading_it_all(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("Talks went on. " * 1_400_000, encoding="utf-8")  # 21 MB
    [f] = _items([p], settings=Settings())
    assert isinstance(f, InputFailure) and f.code == "too_large" and "21,000,000 bytes" in f.message


def test_sources_missing_path_fails(tmp_path):
    [f] = _items([tmp_path / "nope.txt"])
    assert isinstance(f, InputFailure) and f.code == "not_found"
