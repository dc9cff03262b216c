"""Quotes: every shape of direct quotation, reported speech, speakers resolved to actors, bad input.

Each article here is written for the test; the first line of each is its headline.
"""

from __future__ import annotations

import importlib
import time

import pytest

from accord.extract.actors import find_actors
from accord.extract.gazetteer import gazetteer
from accord.nlp.model import load_model
from accord.settings import DEFAULT
from accord.text.normalise import prepare

quotes_module = importlib.import_module("accord.extract.quotes")  # ``accord.extract`` is also a function

OSLO = """Norway nears fishing deal
Foreign Minister Anna Berg arrived in Oslo on Monday for two days of talks on fishing rights.

"We will sign the accord next week," the minister said.

Berg told reporters at the airport: "Both sides are ready to close the remaining gaps."

"The quotas are fair," she said, "and the inspectors will be independent."

"Nobody expected a deal this year," Berg said. "It took patience from everyone."
"""


def _quote(rec, starting: str):
    """The quote whose text starts with ``starting``."""
    return next(q for q in rec.quotes if q.text.startswith(starting))


def _span(text: str, span) -> str:
    return text[span[0]:span[1]]


def test_quotes_cue_after_the_quotation_with_a_title_for_speaker(run):
    rec = run(OSLO)
    q = _quote(rec, "We will sign")
    assert q.kind == "direct" and q.text == "We will sign the accord next week,"
    assert q.speaker == "person:anna-berg" and q.speaker_text == "Foreign Minister Anna Berg"
    assert "minister" in _span(OSLO, q.speaker_span) and q.cue == "said"


def test_quotes_cue_before_the_quotation(run):
    rec = run(OSLO)
    q = _quote(rec, "Both sides")
    assert q.speaker == "person:anna-berg" and _span(OSLO, q.speaker_span) == "Berg" and q.cue == "told"
    assert q.text == "Both sides are ready to close the remaining gaps."


def test_quotes_interrupted_quotation_is_one_quote_holding_its_cue(run):
    rec = run(OSLO)
    q = _quote(rec, "The quotas are fair")
    assert q.text.endswith("the inspectors will be independent.")
    assert q.start < q.cue_span[0] < q.end and _span(OSLO, q.speaker_span) == "she"
    assert q.speaker == "person:anna-berg"
    second = _quote(rec, "Nobody expected")  # "A," Berg said. "B." is one quotation too
    assert second.text.endswith("patience from everyone.") and second.speaker == "person:anna-berg"
    assert not any(q.text.startswith(("It took", "and the inspectors")) for q in rec.quotes)


def test_quotes_ids_in_text_order_and_spans_are_the_quoted_words(run):
    rec = run(OSLO)
    assert [q.id for q in rec.quotes] == [f"q{n}" for n in range(1, len(rec.quotes) + 1)]
    assert [q.start for q in rec.quotes] == sorted(q.start for q in rec.quotes)
    for q in rec.quotes:
        assert q.text == OSLO[q.start:q.end] and not q.text.startswith('"') and not q.text.endswith('"')


WARSAW = """Poland and Sweden sign a trade partnership
Prime Minister Jan Kowal welcomed the Swedish delegation in Warsaw on Tuesday.

Prime Minister Jan Kowal:

"Welcome to Warsaw, my friends.

Our countries have worked together for thirty years, and this agreement opens a new chapter.

I thank the negotiators, who kept saying "one more round" until the very end."

Trade Commissioner Eva Lind said :

"This partnership will bring jobs to both our nations and will last for a generation."
"""


def test_quotes_block_quotes_after_a_line_naming_the_speaker_are_whole(run):
    rec = run(WARSAW)
    first = _quote(rec, "Welcome to Warsaw")
    assert first.text.endswith("until the very end.") and "thirty years" in first.text  # three paragraphs
    assert first.speaker == "person:jan-kowal" and _span(WARSAW, first.speaker_span) == "Prime Minister Jan Kowal"
    assert not any(q.text.startswith("one more round") for q in rec.quotes)  # the quote inside stays inside
    second = _quote(rec, "This partnership")
    assert second.speaker == "person:eva-lind" and second.cue == "said"  # "said :" with a stray space
    assert second.text.endswith("for a generation.")


def test_quotes_quotation_running_over_paragraphs_that_reopen_it(run):
    text = ('Egypt hosts water summit\nPresident Omar Haddad opened the summit in Cairo on Tuesday.\n\n'
            '“We came here to build trust between neighbours who have too often been rivals.\n\n'
            '“The road is long, and it starts today,” Haddad said.\n')
    rec = run(text)
    q = _quote(rec, "We came here")
    assert q.text.endswith("it starts today,") and "\n\n" in q.text
    assert q.speaker == "person:omar-haddad" and _span(text, q.speaker_span) == "Haddad"


def test_quotes_curly_and_straight_marks_read_alike(run):
    straight = ('Chile backs the treaty\nForeign Minister Rosa Vidal spoke in Santiago.\n\n'
                '"The treaty protects our coast," Vidal said.\n')
    curly = straight.replace('"The', "“The").replace('coast,"', "coast,”")
    a, b = run(straight).quotes, run(curly).quotes
    assert [(q.text, q.speaker) for q in a] == [(q.text, q.speaker) for q in b]
    assert a and a[0].text == "The treaty protects our coast," and a[0].speaker == "person:rosa-vidal"


def test_quotes_headline_in_single_marks(run):
    text = ("Berg: 'We will not back down on quotas'\n"
            "Foreign Minister Anna Berg said on Monday that Norway would keep its position in the fishing talks.\n")
    rec = run(text)
    q = _quote(rec, "We will not back down")
    assert q.kind == "direct" and q.speaker == "person:anna-berg" and _span(text, q.speaker_span) == "Berg"


def test_quotes_headline_quotation_given_again_in_the_body_is_one_quote(run):
    text = ('Vidal: "The treaty protects our coast"\n'
            'Foreign Minister Rosa Vidal defended the treaty in Santiago on Monday.\n\n'
            '"The treaty protects our coast and our fishermen," Vidal said.\n')
    rec = run(text)
    assert [q.text for q in rec.quotes if q.kind == "direct"] == ["The treaty protects our coast and our fishermen,"]


def test_quotes_asked_by_someone_the_asker_speaks(run):
    text = ('Senator questioned on trade\nSenator Tom Hale appeared on a talk show on Friday.\n\n'
            '"Will you back the pact?" Hale was asked by host Maria Lund.\n')
    rec = run(text)
    q = _quote(rec, "Will you back")
    assert q.speaker == "person:maria-lund" and q.speaker_text.endswith("Maria Lund")


def test_quotes_a_second_speech_verb_between_two_quotations_splits_them(run):
    text = ('Vidal on the treaty\nForeign Minister Rosa Vidal spoke in Santiago on Monday.\n\n'
            '"The treaty protects our coast," Vidal said before adding: "We will ratify it in May."\n')
    rec = run(text)
    first, second = _quote(rec, "The treaty protects"), _quote(rec, "We will ratify")
    assert first is not second and first.text == "The treaty protects our coast,"
    assert first.speaker == second.speaker == "person:rosa-vidal"


def test_quotes_pronoun_speaker_resolves_to_the_person_of_its_gender(run):
    text = ('Nordic ministers meet in Oslo\nForeign Minister Anna Berg met Trade Minister Karl Holm in Oslo on '
            'Monday.\n\n"The talks were difficult but honest," she said.\n\n"We will need more time," he said.\n')
    rec = run(text)
    she, he = _quote(rec, "The talks were"), _quote(rec, "We will need")
    assert she.speaker == "person:anna-berg" and _span(text, she.speaker_span) == "she"
    assert he.speaker == "person:karl-holm" and he.speaker_text == "Trade Minister Karl Holm"


def test_quotes_speaker_carried_to_the_next_quotation_paragraph(run):
    text = ('Kenya opens port talks\nTransport Minister Grace Wanjiru visited Mombasa on Friday.\n\n'
            '"The port will double its capacity by next year," Wanjiru said.\n\n'
            '"Ships from the whole region will be able to dock here, and the railway will carry their cargo inland."\n')
    rec = run(text)
    q = _quote(rec, "Ships from the whole region")
    assert q.speaker == "person:grace-wanjiru"


@pytest.mark.parametrize("text,speakers", [
    (  # the name on a line of its own after the quotation
        'Border town welcomes new crossing\nVoters in the border town spoke about the new crossing.\n\n'
        '"It has changed everything for my shop. Customers come from both sides now."\n\n'
        '— Maria Lopez, 34, shop owner\n\n'
        '"I was afraid of the traffic, but the road is calm in the evening."\n\n— Tomas Weber, 61\n',
        {"It has changed": "Maria Lopez", "I was afraid": "Tomas Weber"}),
    (  # signed with a dash and a name on the quotation's own line
        'Readers answer on the new bridge\nWe asked readers what the bridge means to them.\n'
        '“It cuts my drive to work in half. I wish they had built it ten years ago.” ― Ines Carvalho\n'
        '“The tolls are too high for the families who live on the island.” ― Pedro Almeida\n'
        '“Nobody asked the fishermen where the pillars should go.” ― Rosa Duarte.\n',
        {"It cuts my drive": "Ines Carvalho", "The tolls are too high": "Pedro Almeida",
         "Nobody asked": "Rosa Duarte"}),
])
def test_quotes_speaker_signed_after_the_quotation(run, text, speakers):
    rec = run(text)
    for start, speaker in speakers.items():
        assert _quote(rec, start).speaker_text == speaker


def test_quotes_someone_shown_saying_speaks(run):
    text = ('New campaign advert attacks senator\nThe governor’s campaign released an advertisement on Friday.\n\n'
            'The advert uses footage of Senator Mark Ellison asking, "Why should anyone trust the budget office?"\n')
    rec = run(text)
    q = _quote(rec, "Why should anyone trust")
    assert q.speaker_text == "Senator Mark Ellison"
    assert _span(text, q.speaker_span) == "Senator Mark Ellison"


def test_quotes_speakers_named_on_lines_of_their_own_before_or_after(run):
    after = ('Voters speak out\nWe asked voters in Ohio what matters to them this year.\n\n'
             '"I want a president who will bring the factories back to this town."\n\nMary Kowalski, 58, Youngstown\n\n'
             '"Health care costs have doubled for my family in three years."\n\nJose Ramirez, 41, Toledo\n')
    before = ('Voters speak out\nWe asked voters in Ohio what matters to them this year.\n\n'
              'Mary Kowalski, 58, Youngstown\n\n"I want a president who will bring the factories back to this town."'
              '\n\nJose Ramirez, 41, Toledo\n\n"Health care costs have doubled for my family in three years."\n')
    for text in (after, before):
        rec = run(text)
        assert _quote(rec, "I want a president").speaker_text == "Mary Kowalski"
        assert _quote(rec, "Health care costs").speaker_text == "Jose Ramirez"


REPORTED = """Lisbon to resume loan talks
Finance Minister Lena Stark said that the loan talks would resume in May.

The programme will cost 2 billion euros over five years, according to the finance ministry.

Stark added that the central bank had been consulted. She warned that delays would raise costs.

The ministry said in a statement that the first payment was due in June.

A government spokesman said the cabinet would meet on Thursday.

Officials said the plan was "a historic step" for both countries.
"""


def test_quotes_reported_speech_with_its_content_span(run):
    rec = run(REPORTED)
    q = _quote(rec, "the loan talks")
    assert q.kind == "indirect" and q.text == "the loan talks would resume in May"
    assert q.speaker == "person:lena-stark" and q.cue == "said"
    assert _quote(rec, "the central bank").cue == "added"
    warned = _quote(rec, "delays would raise costs")
    assert warned.speaker == "person:lena-stark" and _span(REPORTED, warned.speaker_span) == "She"


def test_quotes_according_to_and_statements(run):
    rec = run(REPORTED)
    according = _quote(rec, "The programme will cost")
    assert according.kind == "indirect" and according.cue == "according to"
    assert "ministry" in _span(REPORTED, according.speaker_span)
    statement = _quote(rec, "the first payment was due in June")
    assert "ministry" in _span(REPORTED, statement.speaker_span)


def test_quotes_unnamed_source_becomes_an_actor(run):
    rec = run(REPORTED)
    q = _quote(rec, "the cabinet would meet")
    assert q.speaker is not None and q.speaker.startswith("person:") and "spokesman" in q.speaker
    assert any(a.id == q.speaker and a.kind == "person" for a in rec.actors)
    officials = _quote(rec, "the plan was")
    assert officials.speaker is not None and officials.speaker.startswith("group:")


def test_quotes_quoted_words_inside_reported_speech_are_mixed(run):
    rec = run(REPORTED)
    q = _quote(rec, "the plan was")
    assert q.kind == "mixed" and q.text == 'the plan was "a historic step" for both countries'


def test_quotes_scare_quotes_and_titles_are_not_quotes(run):
    text = ('Parliament passes reform\nThe so-called "reform" passed without debate. Critics watched the film '
            '"A Day in Spring" at the festival.\n')
    rec = run(text)
    assert rec.error is None and not [q for q in rec.quotes if q.kind == "direct"]


def test_quotes_unclosed_quotation_ends_with_its_paragraph(run):
    text = ('Talks stall in Geneva\nEnvoy Paul Meyer left the room early.\n\n'
            '"We will never agree to these terms, Meyer said as he left.\n\nThe next round is set for June.\n')
    rec = run(text)
    assert rec.error is None
    q = _quote(rec, "We will never agree")
    assert q.text.endswith("as he left.") and "June" not in q.text


def test_quotes_marks_in_odd_places_cost_no_article(run):
    text = 'Odd marks\nHe said " that was "" odd" and "" left "\n"\n""\n"a"b"c" d".\n“”„«»‘’\n'
    rec = run(text)
    assert rec.error is None
    for q in rec.quotes:
        assert 0 <= q.start <= q.end <= len(text)


def test_quotes_ten_thousand_marks(run):
    text = "Many marks\nThe minister said " + ('"yes" and ' * 5000) + "left.\n"
    rec = run(text)
    assert rec.error is None and len(rec.quotes) <= 5000


def test_quotes_quotation_of_a_hundred_thousand_characters(run):
    text = 'Long speech\nThe minister said: "' + ("word " * 20000) + '" and sat down.\n'
    rec = run(text)
    assert rec.error is None and rec.quotes
    assert all(q.end - q.start <= DEFAULT.max_quote_chars for q in rec.quotes)


@pytest.fixture(scope="module")
def finder():
    """``finder(text) -> seconds`` that ``quotes.find`` alone takes on the parsed text (best of three)."""
    nlp = load_model(DEFAULT.model, DEFAULT.max_chars)
    gaz = gazetteer(nlp)

    def _time(text: str) -> float:
        prep = prepare(text)
        doc = nlp(prep.clean)
        table = find_actors(doc, gaz, None, prep.body_start)
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            quotes_module.find(doc, table, prep)
            best = min(best, time.perf_counter() - t0)
        return best

    return _time


def test_quotes_time_grows_linearly_with_quotes_and_marks(finder):
    def article(n: int) -> str:
        body = "".join(f'"Point {i} is settled," Berg said. "And {i} more " remain. ' for i in range(n))
        return "Long talks\nForeign Minister Anna Berg spoke.\n\n" + body + "\n"

    small, large = finder(article(150)), finder(article(600))
    assert large < 8 * small + 0.05  # four times the text; quadratic work would take sixteen times as long


def test_quotes_a_passive_verb_of_belief_with_no_agent_is_nobody_speaking(run):
    rec = run("Ozone treaty nears\nThe final accord on the chemicals is expected to be ratified next month.\n\n"
              "The minister was quoted as saying the talks had gone well.\n")
    expected = _quote(rec, "to be ratified")
    assert expected.kind == "indirect" and expected.speaker is None and expected.speaker_text is None
    assert expected.speaker_span is None
    assert _quote(rec, "the talks had gone well").speaker_text == "The minister"
