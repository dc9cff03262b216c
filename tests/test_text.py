"""Page furniture, headline, metadata and language, read from the text."""

from __future__ import annotations

from accord.text.language import detect_language
from accord.text.metadata import read_metadata
from accord.text.normalise import close_dateline, prepare

SCRAPED = ("date 2025-03-12 + ↺ − 16 px\n\nEstonia and Japan have signed a memorandum on cyber security.\n\n"
           "Share | Print | Email\n\nPhoto: The ceremony in Tallinn (Ministry of Defence)\n\n"
           "The deal covers training.\n\nExample.ee")


def test_normalise_blanks_furniture_and_keeps_offsets():
    prep = prepare(SCRAPED)
    assert len(prep.clean) == len(SCRAPED)
    assert "↺" not in prep.clean and "Share | Print" not in prep.clean and "Photo:" not in prep.clean
    start = SCRAPED.index("Estonia")
    assert prep.clean[start:start + 7] == "Estonia"  # the story itself is untouched, at the same offsets
    assert prep.site_line == "Example.ee" and prep.title is None


def test_normalise_all_caps_headline_is_title_cased_same_length():
    text = "JAPAN, U.S. SIGN SEMICONDUCTOR PACT\nTOKYO, March 2 - Japan and the U.S. signed a pact.\n"
    prep = prepare(text, acronyms=frozenset({"U.S."}))
    assert prep.title == (0, 35)
    assert prep.clean[:35] == "Japan, U.S. Sign Semiconductor Pact" and len(prep.clean) == len(text)


def test_normalise_sentence_first_line_is_no_title():
    text = "Israel and Azerbaijan have signed a memorandum on artificial intelligence, officials said today.\nMore."
    assert prepare(text).title is None


def test_metadata_date_from_furniture_and_source_from_site_line():
    meta = read_metadata(prepare(SCRAPED))
    assert meta.published == "2025-03-12" and meta.source == "Example.ee"


def test_metadata_dateline_with_full_date():
    meta = read_metadata(prepare("Singapore, 16 December 2024 – The two governments signed a treaty.\nMore."))
    assert meta.published == "2024-12-16" and meta.dateline == "Singapore" and meta.dateline_date == "2024-12-16"


def test_metadata_wire_credit_and_reports():
    meta = read_metadata(prepare("LONDON (Reuters) - Britain and France agreed on a plan.\nMore text."))
    assert meta.source == "Reuters" and meta.dateline == "LONDON"
    meta = read_metadata(prepare("The deal follows talks last month, Daily Example reports, citing officials."))
    assert meta.source == "Daily Example"


def test_metadata_input_values_win_and_default_applies_last():
    prep = prepare("TOKYO, March 14 - Japan agreed.\nMore.")
    meta = read_metadata(prep, published="1987-03-15", source="Wire")
    assert meta.published == "1987-03-15" and meta.source == "Wire" and meta.dateline_date == "1987-03-14"
    meta = read_metadata(prepare("TOKYO, March 14 - Japan agreed.\nMore."), default_published="1987-03-16")
    assert meta.published == "1987-03-16" and meta.dateline_date == "1987-03-14"


def test_normalise_dateline_closes_as_a_sentence():
    text = "CAIRO, March 16 - Egypt and the Soviet Union agreed.\n"
    prep = prepare(text)
    meta = read_metadata(prep)
    close_dateline(prep, meta.dateline_span)
    assert prep.clean.startswith("CAIRO, March 16 . Egypt") and len(prep.clean) == len(text)


def test_language_english_foreign_and_short():
    assert detect_language("Israel and Azerbaijan signed a deal on Monday.", 0.12) == "en"
    assert detect_language("Le président a signé un accord de coopération avec le Maroc mardi.", 0.12) == "fr"
    assert detect_language("Израиль и Азербайджан подписали меморандум о сотрудничестве", 0.12) == "ru"
    assert detect_language("Zarif condemned Trump", 0.12) == "en"  # too short to call anything else
