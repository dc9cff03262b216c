"""Time expressions resolved against the article's date, past and future."""

from __future__ import annotations

import pytest

from accord.extract.dates import choose, is_future, time_expressions
from accord.nlp.model import load_model
from accord.settings import DEFAULT


@pytest.fixture(scope="module")
def nlp():
    return load_model(DEFAULT.model, DEFAULT.max_chars)


def _resolve(nlp, text, reference, future=None):
    sent = next(nlp(text).sents)
    fut = is_future(sent, sent.root) if future is None else future
    found = choose(time_expressions(sent, reference, fut), sent.root)
    return (found.iso, found.precision) if found else None


@pytest.mark.parametrize("text,reference,expected", [
    ("The joint declaration was signed last month.", "2026-02-04", ("2026-01", "month")),
    ("They signed the accord on 16 December 2024.", "2025-01-10", ("2024-12-16", "day")),
    ("The agreement was signed yesterday.", "1987-03-27", ("1987-03-26", "day")),
    ("The two sides met on Tuesday.", "1987-03-27", ("1987-03-24", "day")),  # a Friday: the Tuesday before
    ("Malaysia agreed to the deal in October.", "1987-03-13", ("1986-10", "month")),
    ("The pact was signed last week.", "1987-06-01", ("1987-05", "month")),
    ("It was first signed in 1975.", "1987-03-04", ("1975", "year")),
    ("The agreement was signed March 11 and provides for wheat sales.", "1987-03-16", ("1987-03-11", "day")),
    ("The visit ended three days ago.", "2024-06-05", ("2024-06-02", "day")),
    ("The earlier accord, reached a year before, never took effect.", "1987-06-01", ("1986", "year")),
    ("The protocol was signed on July 31 last year.", "1987-06-02", ("1986-07-31", "day")),
])
def test_dates_past_expressions(nlp, text, reference, expected):
    assert _resolve(nlp, text, reference) == expected


@pytest.mark.parametrize("text,reference,expected", [
    ("King Fahd begins a state visit on Tuesday.", "1987-03-22", ("1987-03-24", "day")),  # a Sunday
    ("Talks will resume next month.", "2024-12-10", ("2025-01", "month")),
    ("The two sides will sign the documents in July.", "1987-06-29", ("1987-07", "month")),
    ("The summit will be held in January.", "2024-11-02", ("2025-01", "month")),
])
def test_dates_future_expressions(nlp, text, reference, expected):
    assert _resolve(nlp, text, reference) == expected


def test_dates_none_without_reference_for_relative(nlp):
    assert _resolve(nlp, "They met on Tuesday.", None) is None
    assert _resolve(nlp, "They met on 4 May 2021.", None) == ("2021-05-04", "day")


def test_dates_may_the_verb_is_no_month(nlp):
    assert _resolve(nlp, "The ministers may meet again soon.", "2024-01-01") is None


def test_dates_possessive_day_dates_its_noun_not_the_event(nlp):
    assert _resolve(nlp, "The two agreed to build reactors unlike today's plants.", "1987-10-20") is None


def test_dates_lead_day_and_validity_phrases(run):
    rec = run("OSLO, Oct 20 - Norway and Sweden on Monday decided on a joint fisheries plan.\n"
              "Norway and Sweden agreed to cut cod catches by a fifth, officials said.\n"
              "The Nordic Fisheries Agreement between Norway and Denmark has been extended for two years from "
              "July 1, 1988, officials said.",
              "1987-10-20")
    dates = {e.agreement.name or e.agreement.instrument: e.date for e in rec.events if e.agreement is not None}
    assert dates.get("agreement") == "1987-10-19"  # the lead's Monday, not the day it was filed
    assert dates["Nordic Fisheries Agreement"] == "1987-10-19"  # from when it holds is not when it was agreed
