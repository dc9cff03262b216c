"""Agreements: status, parties, signatories, witnesses, dates, topics, areas, one event per agreement."""

from __future__ import annotations

import pytest
from conftest import actor_named


def _agreements(rec):
    return [e for e in rec.events if e.agreement is not None]


def _one(rec):
    found = _agreements(rec)
    assert len(found) == 1, [(e.agreement.instrument, e.actors, e.evidence[0].text) for e in found]
    return found[0]


def test_agreements_signed_mou_with_signatories_witness_and_areas(run):
    rec = run("Chile and New Zealand have signed a memorandum of understanding on renewable energy.\n"
              "The memorandum was signed, in the presence of President Gabriel Boric, by Chile's Energy Minister "
              "Diego Pardow and New Zealand's Ambassador to Chile Linda Te Puni.\n"
              "The cooperation will address green hydrogen, grid storage, geothermal research and skills training.",
              "2024-11-20")
    e = _one(rec)
    ag = e.agreement
    assert e.type == "SUPPORT" and e.cameo == "057" and e.quad == "verbal_cooperation"
    assert set(e.actors) == {"CHL", "NZL"} and e.recipients == []
    assert ag.instrument == "memorandum of understanding" and ag.status == "signed"
    assert "renewable energy" in " ".join(ag.areas + ag.topics) or "energy" in ag.topics
    names = {rec_actor.name for rec_actor in rec.actors if rec_actor.id in ag.signatories}
    assert names == {"Diego Pardow", "Linda Te Puni"}
    assert [a for a in rec.actors if a.id in ag.witnesses][0].name == "Gabriel Boric"
    assert {"green hydrogen", "grid storage", "geothermal research", "skills training"} <= set(ag.areas)
    assert len(e.evidence) == 3 and e.date == "2024-11-20"


@pytest.mark.parametrize("sentence,status,etype", [
    ("Ghana and Togo will sign a border agreement next month.", "planned", "AGREE"),
    ("Ghana proposed a border treaty with Togo.", "proposed", "AGREE"),
    ("Ghana's parliament ratified the border treaty with Togo.", "ratified", "SUPPORT"),
    ("Ghana suspended its border agreement with Togo.", "suspended", "SANCTION"),
    ("Ghana terminated the border agreement with Togo.", "terminated", "SANCTION"),
    ("Ghana rejected a border agreement with Togo.", "rejected", "REJECT"),
    ("Ghana will not renew its border agreement with Togo when it expires.", "terminated", "SANCTION"),
])
def test_agreements_status_from_the_verb(run, sentence, status, etype):
    e = _one(run(sentence, "2024-05-01"))
    assert e.agreement.status == status and e.type == etype
    assert set(e.actors) | set(e.recipients) == {"GHA", "TGO"}


def test_agreements_will_not_be_signed_is_no_signing(run):
    rec = run("A free trade agreement between Ghana and Togo will not be signed this year, officials said.",
              "2024-05-01")
    assert _agreements(rec) == []


def test_agreements_background_mention_is_historical_with_its_own_date(run):
    rec = run("Norway and Iceland signed a fisheries protocol on Monday. It builds upon the Fisheries Agreement "
              "that the two countries signed in 2019.", "2024-06-05")
    found = sorted(_agreements(rec), key=lambda e: e.evidence[0].start)
    assert len(found) == 2
    new, old = found
    assert new.modality is None and new.date == "2024-06-03" and new.agreement.instrument == "protocol"
    assert old.modality == "historical" and old.date == "2019" and old.date_precision == "year"
    assert old.agreement.name == "Fisheries Agreement" and set(old.actors) == {"NOR", "ISL"}


def test_agreements_relative_date_last_month(run):
    e = _one(run("This follows the signing of a joint declaration with Japan last month, Canada's foreign ministry "
                 "said.", "2026-02-04"))
    assert e.date == "2026-01" and e.date_precision == "month" and e.modality == "historical"
    assert e.agreement.instrument == "joint declaration"


def test_agreements_parties_from_modifiers(run):
    e = _one(run("Prospects for renewal of the U.S./Soviet grains agreement are uncertain.", "1987-03-04"))
    assert set(e.actors) == {"USA", "SUN"} and e.modality == "historical"


def test_agreements_companies_are_parties(run):
    e = _one(run("Sandoz AG said it had signed a letter of intent with Poland's Ministry of Agriculture.",
                 "1990-03-03"))
    assert e.agreement.instrument == "letter of intent"
    sandoz = actor_named(run("Sandoz AG said it had signed a letter of intent with Poland's Ministry of Agriculture.",
                             "1990-03-03"), "Sandoz AG")
    assert sandoz is not None and sandoz.id in e.actors and sandoz.sector == "BUS"


def test_agreements_who_reports_an_agreement_with_another_is_its_other_side(run):
    rec = run("Andes Airlines Ltd (AAL) opened a new route. AAL told Reuters an agreement reached with Iberia "
              "Airlines would add two flights weekly. A spokesman told Reuters the original accord has been extended "
              "by a year.",
              "1987-05-05")
    parties = [set(e.actors) for e in _agreements(rec)]
    assert {"org:andes-airlines-ltd", "org:iberia-airlines"} in parties
    assert not any("org:reuters" in p for p in parties)  # the news agency told is no party


def test_agreements_near_provisional_and_lender_bodies(run):
    rec = run("An agreement in the debt talks between Peru and its commercial bank advisory committee now appears "
              "close. Bolivia and Paraguay have provisionally agreed on a border accord.", "1987-06-02")
    by_parties = {frozenset(e.actors): e.agreement for e in _agreements(rec)}
    peru = by_parties[frozenset({"PER", "group:commercial-bank-advisory-committee"})]
    assert peru.status == "planned"
    assert by_parties[frozenset({"BOL", "PRY"})].status == "agreed"  # provisional is not signed


def test_agreements_negotiators_work_for_the_storys_pair(run):
    rec = run("The European Union and Mercosur ended a round of talks in Brussels. Negotiators were trying to reach "
              "agreement on the draft of a joint declaration.", "2019-03-20")
    e = _one(rec)
    assert len(e.actors) == 2 and "org:european-union" in e.actors and e.agreement.status == "planned"


def test_agreements_instrument_named_inside_the_generic_word_and_loose_words_give_way(run):
    rec = run("The EU and Mercosur ended talks in Geneva. Negotiators were trying to reach agreement on the draft of "
              "a joint declaration.", "2019-03-20")
    e = _one(rec)
    assert e.agreement.instrument == "joint declaration" and "org:european-union" in e.actors
    found = _agreements(run("Chile and Peru signed an agreement implementing the 1929 border treaty.", "1999-11-13"))
    by_kind = {e.agreement.instrument: e for e in found}  # the treaty it implements is another, older one
    assert set(by_kind) == {"agreement", "treaty"} and by_kind["agreement"].date == "1999-11-13"
    assert by_kind["treaty"].date == "1929" and by_kind["treaty"].modality == "historical"
    e = _one(run("EU foreign ministers have agreed on an aid package for Tunisia. The five-year accord doubles grants.",
                 "1987-03-17"))
    assert e.agreement.instrument == "accord"


def test_agreements_breaking_a_pact_refers_to_one_that_exists_and_its_age_dates_it(run):
    rec = run("Korea denied breaking a pact with Japan on steel trade. The eight month old pact aims to cap exports. "
              "One of the deals examined was a 1984 merger of two steelmakers.", "1987-03-13")
    e = _one(rec)
    assert set(e.actors) == {"KOR", "JPN"} and e.agreement.status == "signed" and e.modality == "historical"
    assert e.date == "1986-07" and len(e.evidence) == 2


def test_agreements_agreeing_to_a_proposal_for_talks_is_no_agreement(run):
    rec = run("Pakistan said it agreed to an Indian proposal for talks between the two foreign secretaries.",
              "1990-03-30")
    assert _agreements(rec) == []


def test_agreements_a_states_own_ministry_is_the_state_beside_it(run):
    rec = run("WASHINGTON, April 2 - A spring meeting between U.S. and Soviet officials is unlikely before the two "
              "countries enter the last year of their bilateral fisheries agreement, Commerce Department officials "
              "said.", "1987-04-02")
    e = _one(rec)
    assert set(e.actors) == {"USA", "SUN"}


@pytest.mark.parametrize("text,sides", [
    ("Ecuador and its bank creditors ended a week of talks in New York. Later, the two sides reached a stopgap "
     "arrangement on trade credit lines.", {"ECU", "group:bank-creditors"}),
    ("Argentina and its foreign lenders made no progress in debt talks on Monday. Economy Minister Juan "
     "Sourrouille said after a meeting with a 12-bank steering committee that Argentina would keep paying "
     "interest. Later, the two sides reached an interim arrangement on trade credit lines.",
     {"ARG", "group:bank-steering-committee"}),  # the pair that met last, not the pair named first
])
def test_agreements_the_two_sides_are_the_latest_pair(run, text, sides):
    e = _one(run(text, "1987-04-10"))
    assert set(e.actors) == sides


def test_agreements_state_level_mention_of_a_ministries_deal_is_one_event(run):
    rec = run("Canada's Department of Finance signed a memorandum of understanding with Japan's Finance Ministry on "
              "sharing market data. Officials said the deal with Japan completes a network of such arrangements.",
              "1987-04-08")
    e = _one(rec)
    assert e.agreement.instrument == "memorandum of understanding" and len(e.evidence) == 2


def test_agreements_one_state_agreeing_to_act_toward_another_names_the_accord_later(run):
    rec = run("WASHINGTON, May 4 - Norway has agreed to lift its quotas on American apples, U.S. officials said. "
              "They said the accord was reached after talks that ended earlier today in Oslo.", "1987-05-04")
    e = _one(rec)
    assert set(e.actors) == {"NOR", "USA"} and e.agreement.status == "signed"
    assert e.agreement.instrument == "accord" and e.date == "1987-05-04" and len(e.evidence) == 2


def test_agreements_one_agreement_reported_twice_is_one_event(run):
    rec = run("Brazil and Argentina signed a nuclear cooperation accord on Friday. The accord was signed in Brasilia "
              "by the two foreign ministers. Under the accord, both countries will share reactor designs.",
              "2023-08-12")
    e = _one(rec)
    assert len(e.evidence) == 3 and set(e.actors) == {"BRA", "ARG"} and e.date == "2023-08-11"


def test_agreements_bulleted_areas(run):
    rec = run("Kenya and Ethiopia signed a defence cooperation agreement. The agreement covers:\n"
              "- joint border patrols\n- intelligence sharing\n- training of officers\n\nIt takes effect in June.",
              "2024-03-02")
    e = _one(rec)
    assert {"joint border patrols", "intelligence sharing", "training of officers"} <= set(e.agreement.areas)
    assert "military" in e.contexts


def test_agreements_areas_from_purpose_clauses_not_from_lists_of_names(run):
    rec = run("Chile's Finance Ministry concluded a memorandum of understanding with Peru's Finance Ministry to share "
              "supervisory information on bonds and futures. The meeting involved delegates from Bolivia, Ecuador, "
              "Colombia and Brazil.", "1988-02-02")
    e = _one(rec)
    assert any("supervisory information on bonds" in a for a in e.agreement.areas)
    assert not any(a in ("Bolivia", "Ecuador", "Colombia", "Brazil") for a in e.agreement.areas)
    e = _one(run("Norway has agreed to lift its quotas on Canadian apples and pears, Canadian officials said.",
                 "1987-05-04"))
    assert any("apples" in a for a in e.agreement.areas)


def test_agreements_agreed_to_without_instrument_noun(run):
    e = _one(run("OPEC members agreed on Sunday to extend their output cuts until March.", "2024-06-02"))
    assert e.agreement.status == "signed" and e.date == "2024-06-02"
    assert any("Petroleum" in a.name for a in run("OPEC members agreed on Sunday to extend their output cuts.",
                                                  "2024-06-02").actors if a.id in e.actors)


def test_agreements_consent_and_general_talk_are_no_instrument(run):
    rec = run("Pyongyang signalled its agreement in a letter. Officials were in broad agreement that talks should "
              "continue, and firms may enter into joint ventures.", "1987-04-01")
    assert _agreements(rec) == []


def test_agreements_states_named_only_through_their_leaders(run):
    rec = run("Trump and Putin have agreed to share information on North Korea.", "2018-07-17")
    assert rec.error is None
    e = _one(rec)
    assert set(e.actors) == {"USA", "RUS"}
    by_id = {a.id: a for a in rec.actors}
    assert by_id["RUS"].mentions and by_id["USA"].mentions  # the leaders' names stand for their states


def test_agreements_an_agreement_already_reached_is_signed_though_what_formalises_it_is_to_come(run):
    rec = run("Chile and its commercial creditor banks will sign formal papers in mid-August to reschedule part of "
              "its debt. The papers would formalise the agreement reached in April on 4.1 billion dlrs of loans.",
              "1988-06-10")
    e = _one(rec)
    assert e.agreement.status == "signed" and e.date == "1988-04" and e.modality in (None, "historical")
    assert "CHL" in e.actors and len(e.actors) == 2


def test_agreements_a_bodys_agreement_whose_purpose_names_a_state_has_that_state_as_other_side(run):
    e = _one(run("The World Health Organization signed an agreement to help Bolivia with 2 mln dlrs for clinics.",
                 "1990-05-02"))
    assert set(e.actors) == {"org:world-health-organization", "BOL"}
    rec = run("Nestor Chemie AG said it planned a joint venture to make fertiliser in Kazakhstan. The company said it "
              "had signed a letter of intent to form the first foreign joint venture in the sector.", "1995-02-07")
    ventures = [e for e in _agreements(rec) if e.agreement.instrument == "joint venture"]
    assert len(ventures) == 1 and "KAZ" in ventures[0].actors and ventures[0].agreement.status == "planned"


def test_agreements_the_two_presidents_who_sign_are_the_storys_presidents(run):
    rec = run("Chile and Argentina sign pacts\nChilean President Ana Ruiz met Argentine President Luis Soto in "
              "Santiago on Friday.\n"
              "The two presidents also signed a set of agreements on mining and tourism.", "2022-09-16")
    signed = [e for e in _agreements(rec) if e.agreement.status == "signed"]
    assert len(signed) == 1 and set(signed[0].actors) == {"CHL", "ARG"}
    assert set(signed[0].agreement.signatories) == {"person:ana-ruiz", "person:luis-soto"}


def test_agreements_a_persons_state_is_no_party_the_sentence_names(run):
    rec = run("OTTAWA, May 4 - Foreign Minister Claire Dubois urged the United States to keep to a strict reading "
              "of the 1972 Anti-Ballistic Missile Treaty.", "1987-05-04")
    e = _one(rec)
    assert e.actors == ["USA"] and e.date == "1972" and e.modality == "historical"


def test_agreements_a_previous_agreement_is_its_own_earlier_event_with_its_own_date(run):
    rec = run("CARACAS, June 1 - Peru agreed with its bank advisory committee on a 15-year rescheduling of its debt.\n"
              "The previous agreement, reached a year before but never implemented, was for 12 years.",
              "1987-06-01")
    found = sorted(_agreements(rec), key=lambda e: e.evidence[0].start)
    assert len(found) == 2, [(e.actors, e.date) for e in found]
    assert found[1].modality == "historical" and found[1].date == "1986"
    assert set(found[0].actors) == set(found[1].actors) and "PER" in found[0].actors


def test_agreements_how_long_an_extension_runs_does_not_date_it(run):
    rec = run("TAIPEI, April 24 - Taiwan and the United States have extended their textile agreement. "
              "The accord has been extended by one year to the end of 1989.", "1987-04-24")
    assert {e.date for e in _agreements(rec)} == {"1987-04-24"}


def test_agreements_a_big_deal_is_no_deal_and_a_venue_is_no_party(run):
    rec = run("The senator made a big deal of the vote on Tuesday.", "2016-09-20")
    assert _agreements(rec) == []
    rec = run("The final accord on the chemicals is expected to be ratified next month in Kigali, Rwanda.",
              "2016-09-08")
    assert all("RWA" not in e.actors + e.recipients for e in _agreements(rec))


@pytest.mark.parametrize("sentence", [
    "Activists won places at the state convention, then voted for the national delegates.",
    "Trump is bent on securing the nomination before the party's convention in July.",
    "The delegation arrived in Lima with a draft agreement.",
])
def test_agreements_a_verb_acting_beside_an_instrument_is_no_status(run, sentence):
    assert _agreements(run(sentence, "2016-04-15")) == []


def test_agreements_arrived_at_an_agreement(run):
    e = _one(run("Chile and Peru arrived at an agreement on fishing rights on Tuesday.", "2024-05-10"))
    assert e.agreement.status == "signed" and set(e.actors) == {"CHL", "PER"}


def test_agreements_a_memo_one_body_issued_is_no_memorandum_of_understanding(run):
    assert _agreements(run("The bill cites a 2001 memorandum issued by the Philippine immigration agency.",
                           "2016-08-10")) == []
    e = _one(run("Chile and Peru signed a memorandum on fisheries on Monday.", "2024-05-10"))
    assert e.agreement.instrument == "memorandum of understanding" and set(e.actors) == {"CHL", "PER"}


@pytest.mark.parametrize("sentence", [
    "A senior adviser spent the weekend working the convention.",
    "Rubio won 163 delegates to the Republican National Convention.",
    "The party's convention opens in Cleveland in July.",
    "Gary Hart won Senate campaigns by denouncing Franklin Delano Roosevelt's New Deal.",
])
def test_agreements_a_party_convention_or_a_policy_named_deal_is_no_agreement(run, sentence):
    assert _agreements(run(sentence, "2016-04-03")) == []


@pytest.mark.parametrize("sentence", [
    "Chile ratified the convention on biological diversity in May.",
    "Both Chile and Peru signed the Geneva Conventions in 1950.",
])
def test_agreements_a_convention_that_is_a_text(run, sentence):
    assert _one(run(sentence, "2016-06-01")).agreement.instrument == "convention"


def test_agreements_a_restructuring_agreed_with_a_creditor_is_its_own_earlier_agreement(run):
    rec = run("LIMA, June 18 - Peru signed a rescheduling accord covering official debts to Britain, as part of "
              "a restructuring agreed with the Paris club of creditors last year, the finance ministry said.",
              "1987-06-18")
    found = {frozenset(e.actors): e for e in _agreements(rec)}
    assert set(found) == {frozenset({"PER", "GBR"}), frozenset({"PER", "org:paris-club"})}
    earlier = found[frozenset({"PER", "org:paris-club"})]
    assert earlier.date == "1986" and earlier.modality == "historical"
    assert found[frozenset({"PER", "GBR"})].date == "1987-06-18"


def test_agreements_a_texts_acronym_and_name_make_no_actor_and_its_spokesman_body_no_party(run):
    rec = run("PEKING, June 2 - China took a serious view of a Multi-Fibre Arrangement (MFA) protocol, the "
              "newspaper said.\nIt quoted a spokesman of the Ministry of Foreign Trade as saying the protocol, "
              "signed on July 31 last year, extended the MFA for five years.", "1987-06-02")
    ids = {a.id for a in rec.actors}
    assert not ids & {"org:mfa", "org:multi", "org:fibre"}, ids
    signed = [e for e in _agreements(rec) if e.date == "1986-07-31"]
    assert signed and all(not p.startswith("org:ministry") for e in signed for p in e.actors + e.recipients)


def test_agreements_documents_two_sides_sign_are_an_agreement(run):
    e = _one(run("MANILA, June 29 - The Philippines and its creditor banks will sign formal documents in mid-July "
                 "to restructure part of its debt, the central bank said.", "1987-06-29"))
    assert e.agreement.status == "planned" and "PHL" in e.actors and e.date == "1987-07"
    assert _agreements(run("The suspect signed documents admitting the fraud.", "1987-06-29")) == []


def test_agreements_who_is_notified_of_an_ending_is_its_other_side(run):
    rec = run("WASHINGTON, June 29 - The Treasury Department said it notified the Netherlands that it was "
              "terminating the 1948 income tax treaty.", "1987-06-29")
    ended = [e for e in _agreements(rec) if e.agreement.status == "terminated"]
    assert len(ended) == 1 and "NLD" in ended[0].actors + ended[0].recipients
    signing = [e for e in _agreements(rec) if e.agreement.status == "signed"]
    assert signing and signing[0].date == "1948" and "NLD" in signing[0].actors


def test_agreements_what_an_agreement_follows_is_an_earlier_one_and_the_leftout_side_is_the_storys(run):
    rec = run("PARIS, March 27 - Nigeria and France have signed a bilateral agreement to reschedule Nigeria's debt.\n"
              "The agreement follows an accord between Nigeria and the Paris Club in December.\n"
              "No details of the talks were available.\n"
              "The agreement signed on Tuesday with Britain's Export Credits Guarantee Department was the first "
              "in Nigeria's tour of creditor nations.", "1987-03-27")
    parties = [set(e.actors + e.recipients) for e in _agreements(rec)]
    assert {"NGA", "org:paris-club"} in parties
    assert any("NGA" in p and p - {"NGA"} and "org:paris-club" not in p and "FRA" not in p for p in parties), parties


def test_agreements_it_is_the_body_that_says_it_will_sign_and_a_group_named_member_by_member(run):
    e = _one(run("ROME, April 3 - State bank Banca Commerciale Italiana, BCI, said it and Mediocredito Centrale "
                 "will sign a joint venture with Soviet banks Gosbank and Vneshtorgbank.", "1987-04-03"))
    assert e.agreement.status == "planned"
    assert set(e.actors + e.recipients) == {"org:banca-commerciale-italiana", "org:mediocredito-centrale",
                                            "org:gosbank", "org:vneshtorgbank"}


def test_agreements_a_background_accord_is_dated_by_a_phrase_on_it(run):
    rec = run("LAGOS, March 27 - The deal follows an accord between Nigeria and the Paris Club in December to "
              "reschedule official debt.", "1987-03-27")
    earlier = [e for e in _agreements(rec) if e.agreement.instrument == "accord"]
    assert len(earlier) == 1 and {"NGA", "org:paris-club"} <= set(earlier[0].actors + earlier[0].recipients)
    assert earlier[0].date == "1986-12" and earlier[0].modality == "historical"


def test_agreements_areas_of_an_accord_aimed_at_cooperation_in_a_field(run):
    e = _one(run("WASHINGTON, March 9 - The SEC recently signed an accord with Britain aimed at improving "
                 "cooperation between the two agencies in investigating securities law violations.", "1987-03-09"))
    assert "investigating securities law violations" in e.agreement.areas, e.agreement.areas


def test_agreements_an_ending_on_a_condition_is_hypothetical(run):
    e = _one(run("Ghana said it would suspend its border agreement with Togo if the raids continued.", "2024-05-01"))
    assert e.agreement.status == "suspended" and e.modality == "hypothetical"


def test_agreements_areas_stop_at_what_the_text_leaves_out(run):
    e = _one(run("Chile and Peru signed a customs accord on Monday. The accord covers grain, timber and copper ore, "
                 "but not fishmeal, whose export is licensed separately. It does not cover wine and fruit.",
                 "2024-05-01"))
    areas = e.agreement.areas
    assert {"grain", "timber", "copper ore"} <= set(areas), areas
    assert not any(word in area for area in areas for word in ("fishmeal", "wine", "fruit")), areas


def test_agreements_drawing_up_a_pact_is_planning_it(run):
    e = _one(run("Ghana and Togo held talks on drawing up a new border pact to replace the present one.", "2024-05-01"))
    assert e.agreement.status == "planned" and set(e.actors) | set(e.recipients) == {"GHA", "TGO"}


def test_agreements_two_texts_signed_together_are_two_and_a_past_tuesday_dates_talks_on_a_pact_to_come(run):
    rec = run("NEW DELHI, 27 January 2026 - India and Brazil on Tuesday concluded negotiations on a free trade "
              "agreement. The two sides also signed a security partnership and a memorandum of understanding on "
              "student mobility.", "2026-01-27")
    found = {e.agreement.instrument: e for e in _agreements(rec)}
    assert {"free trade agreement", "partnership", "memorandum of understanding"} <= set(found), list(found)
    fta = found["free trade agreement"]
    assert fta.date == "2026-01-27", fta.date  # the Tuesday just past, though the agreement is still to come


def test_agreements_suspending_participation_suspends_the_named_treaty_signed_long_before(run):
    rec = run("MOSCOW, Feb 21 - Russia said on Tuesday it was suspending its participation in the New START "
              "nuclear arms control treaty with the United States. Moscow said the treaty, signed in 2010, "
              "remained useful.", "2023-02-21")
    by_status = {e.agreement.status: e for e in _agreements(rec)}
    suspended = by_status["suspended"]
    assert suspended.agreement.name == "New START" and suspended.date == "2023-02-21"
    assert "New START" not in suspended.agreement.areas
    assert set(suspended.actors) | set(suspended.recipients) == {"RUS", "USA"}
    signing = by_status["signed"]
    assert signing.date == "2010" and signing.modality == "historical"
    assert set(signing.actors) | set(signing.recipients) == {"RUS", "USA"}


def test_agreements_the_text_named_next_is_the_one_just_agreed_or_signed(run):
    rec = run("Kenya and Uganda agreed on Friday to jointly build a pipeline from Eldoret to Kampala. Kenya's "
              "Energy Minister Davis Chirchir and Uganda's Energy Minister Ruth Nankabirwa signed a memorandum of "
              "understanding that covers financing, construction and operation of the line.\n"
              "Ghana and Togo signed a border pact on Monday. The Lome Border Agreement was signed by Ghana's "
              "Foreign Minister Samuel Ablakwa and Togo's Foreign Minister Robert Dussey. It replaces the ABM "
              "treaty, and the Anti-Boundary Mapping Treaty was signed in 1960.", "2023-03-03")
    events = _agreements(rec)
    mou = [e for e in events if set(e.actors) | set(e.recipients) == {"KEN", "UGA"}]
    assert len(mou) == 1 and mou[0].agreement.instrument == "memorandum of understanding"
    assert {"financing", "construction"} <= set(mou[0].agreement.areas)
    pact = [e for e in events if e.agreement.status == "signed" and e.modality is None
            and set(e.actors) | set(e.recipients) == {"GHA", "TGO"}]
    assert len(pact) == 1 and pact[0].agreement.name == "Lome Border Agreement", [
        (e.agreement.name, e.modality) for e in pact]
    assert len(pact[0].agreement.signatories) == 2
    abm = [e for e in events if e.agreement.name in ("ABM", "Anti-Boundary Mapping Treaty")]
    assert len(abm) == 1 and abm[0].date == "1960", [(e.agreement.name, e.date) for e in abm]


def test_agreements_an_agreement_in_principle_is_reached_and_principle_is_no_area(run):
    e = _one(run("QUITO, April 14 - Ecuador reached an agreement in principle with its creditor banks to "
                 "reschedule 4.1 billion dlrs of foreign debt, the finance minister said.", "1987-04-14"))
    assert e.agreement.status == "signed" and e.date == "1987-04-14"
    assert "principle" not in e.agreement.areas


def test_agreements_a_named_text_signed_beside_a_memorandum_is_its_own(run):
    rec = run("Hanoi, 20 May 2025 - Vietnam and Thailand today signed a Memorandum of Understanding on the Green "
              "Growth Partnership and a Digital Trade Agreement.\nThe MOU was signed by Vietnam's Minister of "
              "Industry Nguyen Hong Dien and Thailand's Minister of Commerce Pichai Naripthaphan.", "2025-05-20")
    found = {e.agreement.instrument: e for e in _agreements(rec)}
    assert set(found) == {"memorandum of understanding", "agreement"}, list(found)
    dta = found["agreement"].agreement
    assert dta.name == "Digital Trade Agreement" and "Digital Trade" not in dta.areas and not dta.signatories
    mou = found["memorandum of understanding"].agreement
    assert mou.name == "Memorandum of Understanding on the Green Growth Partnership" and len(mou.signatories) == 2
    assert "Digital Trade Agreement" not in mou.areas


PRESS_RELEASE = """Ministry of Foreign Affairs of the Republic of Chile
Press Release
Chile and Vietnam Sign Agreement on Maritime Cooperation
1. Minister of Foreign Affairs Alberto van Klaveren and Minister of Foreign Affairs of Vietnam Bui Thanh Son \
signed the Agreement on Maritime Cooperation on October 3 in Santiago, on the sidelines of the Pacific Forum, in \
the presence of President Gabriel Boric.
2. The Agreement provides for cooperation in the following fields:
 a) port management;
 b) search and rescue at sea;
 c) training of seafarers.
3. The two sides also agreed to open negotiations on an investment treaty early next year.
"""


def test_agreements_a_press_release_with_a_masthead_numbered_paragraphs_and_lettered_fields(run):
    rec = run(PRESS_RELEASE, "2024-10-04")
    assert not any(a.kind == "organization" and "Agreement" in a.name for a in rec.actors), [
        a.name for a in rec.actors]
    son = actor_named(rec, "Bui Thanh Son")
    assert son is not None and son.country == "VNM", [a.name for a in rec.actors]
    found = {e.agreement.status: e for e in _agreements(rec)}
    assert set(found) == {"signed", "planned"}, [(e.agreement.status, e.evidence[0].text) for e in _agreements(rec)]
    signed = found["signed"]
    assert set(signed.actors) | set(signed.recipients) == {"CHL", "VNM"} and signed.date == "2024-10-03"
    assert signed.agreement.name == "Agreement on Maritime Cooperation" and signed.location == "Santiago"
    assert {"port management", "search and rescue at sea", "training of seafarers"} <= set(signed.agreement.areas)
    assert not any("sidelines" in a or "presence" in a or "October" in a or "two sides" in a
                   for a in signed.agreement.areas), signed.agreement.areas
    planned = found["planned"]
    assert set(planned.actors) | set(planned.recipients) == {"CHL", "VNM"} and planned.date == "2025"


def test_agreements_areas_of_texts_signed_together_and_of_a_loan(run):
    rec = run("PARIS, Feb 12 - India and France signed 10 agreements on Wednesday, including pacts on civil nuclear "
              "energy, artificial intelligence and a declaration of intent on the digital sciences, during Prime "
              "Minister Narendra Modi's visit to Paris.", "2025-02-12")
    areas = _one(rec).agreement.areas
    assert {"civil nuclear energy", "artificial intelligence", "digital sciences"} <= set(areas), areas
    assert not any("visit" in a for a in areas), areas
    loan = _one(run("BRASILIA, March 20 - Brazil and Japan signed a 300 mln dlr loan agreement to finance irrigation "
                    "projects in the northeast.", "1987-03-20"))
    assert "loan" in loan.agreement.areas and not any("dlr" in a for a in loan.agreement.areas)


def test_agreements_an_armed_group_is_its_own_party_not_its_state(run):
    e = _one(run("CAIRO, Jan 15 - Israel and Hamas signed a ceasefire deal on Wednesday, Egyptian officials said.",
                 "2025-01-15"))
    parties = set(e.actors) | set(e.recipients)
    assert "ISR" in parties and any(p.startswith("org:hamas") for p in parties) and "PSE" not in parties, parties


def test_agreements_a_member_rejecting_its_quota_rejects_the_bodys_accord_and_earlier_refusals_stay_apart(run):
    rec = run("CARACAS, July 2 - Venezuela has rejected its new OPEC production quota for the second half of the "
              "year, the oil ministry said. Last November, Venezuela rejected its assigned first half 1987 quota "
              "of 1.5 mln bpd. OPEC ministers met in Vienna last week.", "1987-07-02")
    refusals = sorted(_agreements(rec), key=lambda e: e.date or "")
    assert [e.agreement.status for e in refusals] == ["rejected", "rejected"], [
        (e.agreement.status, e.date) for e in refusals]
    assert [e.date for e in refusals] == ["1986-11", "1987-07-02"]
    for e in refusals:
        assert e.actors == ["VEN"] and e.type == "REJECT"
    assert "org:organization-of-the-petroleum-exporting-countries" in refusals[1].recipients


def test_agreements_areas_from_what_it_allows_what_it_is_for_and_what_is_agreed_under_it(run):
    rec = run("OTTAWA, Feb 3 - In January Norway and Iceland concluded an interim fishing accord, opposed by "
              "fishermen in both countries, allowing Iceland to increase its herring quota by 10,000 tonnes. Under "
              "this accord, Norway and Iceland also agreed to refer differences over a maritime boundary zone near "
              "Jan Mayen island to international arbitration.\n"
              "LIMA, March 17 - The FAO signed an agreement with Peru to aid farmers with 160,000 dlrs in technical "
              "assistance to draw up studies for farm development in the country.", "1987-02-03")
    fishing = next(e for e in _agreements(rec) if "NOR" in e.actors + e.recipients).agreement.areas
    assert any("herring quota" in a for a in fishing), fishing
    assert any("arbitration" in a and "maritime boundary" in a for a in fishing), fishing
    aid = next(e for e in _agreements(rec) if "PER" in e.actors + e.recipients).agreement.areas
    assert any(a.startswith("draw up studies for farm development") for a in aid), aid


def test_agreements_what_the_signers_say_was_agreed_just_after_is_their_agreement(run):
    rec = run("WASHINGTON, March 31 - Reagan and Chirac signed an agreement ending a dispute between two research "
              "institutes over patent rights to a blood test. In a joint statement, Chirac and Reagan said the "
              "Pasteur Institute and the National Cancer Institute agreed to share the royalties from the test. "
              "\"This agreement opens a new era,\" Reagan said.", "1987-03-31")
    e = _one(rec)
    assert {"USA", "FRA", "org:pasteur-institute", "org:national-cancer-institute"} == set(e.actors + e.recipients)
    assert len(e.evidence) == 3 and any("royalties" in a for a in e.agreement.areas), e.agreement.areas


def test_agreements_an_unnamed_earlier_deal_with_one_side_named_is_the_storys_pair(run):
    rec = run("LONDON, March 22 - The Emir of Qatar begins a state visit to Britain on Tuesday. Britain and Qatar "
              "will discuss trade. Under the four billion stg deal signed last year, Qatar has agreed to buy 24 "
              "Typhoon fighters. Qatar still backs the 1972 ABM treaty, officials said.", "1987-03-22")
    deal = next(e for e in _agreements(rec) if e.agreement.instrument == "deal")
    assert set(deal.actors + deal.recipients) == {"QAT", "GBR"} and deal.date == "1986"
    abm = [e for e in _agreements(rec) if e.agreement.instrument == "treaty"]
    assert all("GBR" not in e.actors + e.recipients for e in abm)


def test_agreements_an_agreement_the_body_never_names_takes_the_headlines_word(run):
    rec = run("INDIA IN BARTER DEAL FOR MALAYSIAN RUBBER\nNEW DELHI, March 13 - Malaysia has agreed with India to "
              "barter rubber for 30 mln dlrs of railway equipment, an Indian trade source said.", "1987-03-13")
    assert _one(rec).agreement.instrument == "deal"


def test_agreements_an_ending_is_dated_by_when_it_takes_effect(run):
    rec = run("WASHINGTON, June 29 - The Treasury said it notified Belgium that it was terminating the 1970 tax "
              "treaty with Belgium. The termination is effective January 1, 1988, the Treasury said.", "1987-06-29")
    ended = [e for e in _agreements(rec) if e.agreement.status == "terminated"]
    assert len(ended) == 1 and ended[0].date == "1988-01-01", [(e.agreement.status, e.date) for e in _agreements(rec)]


def test_agreements_the_next_sentence_says_whose_agreement_the_lead_reports(run):
    rec = run("KNOKKE-HEIST, Belgium, April 5 - Western creditor governments have reached agreement in principle on "
              "new proposals for easing the debt burden of poor African countries, a British minister said. He "
              "told journalists the accord, reached in the Paris Club of western governments, calls for long "
              "repayment periods.", "1987-04-05")
    e = _one(rec)
    assert e.actors == ["org:paris-club"] and e.agreement.instrument == "agreement" and len(e.evidence) == 2
    assert e.date == "1987-04-05"


@pytest.mark.parametrize("sentence", [
    "ACCRA, May 1 - Terminating the border treaty with Togo may cause traders to lose their licences, Ghana's "
    "opposition said.",  # an act named as a gerund subject is the act in general
    "ACCRA, May 1 - \"I am proud to be a Ghanaian,\" he said, the first to make such a declaration at a party "
    "rally in Togo.",  # a declaration someone makes is words, not a text
])
def test_agreements_an_act_in_general_or_words_declared_are_no_agreement(run, sentence):
    assert _agreements(run(sentence, "2024-05-01")) == []


def test_agreements_a_named_initiative_beside_the_deal_names_it_and_is_no_place(run):
    rec = run("MOSCOW, July 17 - Russia on Monday suspended its participation in the Black Sea Grain Initiative, the "
              "U.N.-brokered deal that allowed Ukraine to export grain by sea, the Kremlin said.", "2023-07-17")
    e = _one(rec)
    assert e.agreement.status == "suspended" and e.agreement.name == "Black Sea Grain Initiative"
    assert e.location is None and "export grain by sea" in e.agreement.areas


def test_agreements_withdrawing_from_a_deal_ends_it_and_a_framework_is_a_text(run):
    rec = run("WASHINGTON, May 8 - President Donald Trump said on Tuesday he was withdrawing the United States from "
              "the 2015 nuclear deal with Iran.\nSeparately, India and the United States extended their defence "
              "cooperation framework for another ten years. Talks on a legal framework for data will start soon.",
              "2018-05-09")
    by_status = {}
    for e in _agreements(rec):
        by_status.setdefault(e.agreement.status, []).append(e)
    [ended] = by_status["terminated"]
    assert set(ended.actors + ended.recipients) == {"USA", "IRN"} and ended.date == "2018-05-08"
    assert any(e.date == "2015" and e.modality == "historical" for e in by_status["signed"])
    framework = [e for e in _agreements(rec) if e.agreement.instrument == "framework"]
    assert len(framework) == 1 and set(framework[0].actors) == {"IND", "USA"}


def test_agreements_pulling_out_ends_a_text_and_sealing_the_deal_is_an_idiom(run):
    rec = run("NEW YORK, June 7 - BuzzFeed said on Monday it had pulled out of an advertising agreement with the "
              "Republican National Committee. A win in Ohio would seal the deal for the senator, an analyst said. "
              "It would seal the deal for Clinton, he said. The senator opposed Obama's Trans-Pacific Partnership "
              "trade pact.", "2016-06-07")
    [ended] = [e for e in _agreements(rec) if e.agreement.status == "terminated"]
    assert {"org:buzzfeed", "org:republican-national-committee"} == set(ended.actors + ended.recipients)
    assert not any(e.agreement.instrument == "deal" for e in _agreements(rec))
    assert not any(a.kind == "organization" and "Partnership" in a.name for a in rec.actors)


def test_agreements_outlets_that_report_are_never_parties(run):
    rec = run("WASHINGTON, June 9 - The New York Times and the Wall Street Journal reported the donations last "
              "year. For example, the foundation hid four donations from a uranium company, which was a violation "
              "of the Memorandum of Understanding with the Obama administration.", "2016-06-09")
    for e in _agreements(rec):
        assert not {"org:new-york-times", "org:wall-street-journal"} & set(e.actors + e.recipients), e.actors


def test_agreements_the_deal_negotiated_by_a_leader_was_made_before_and_his_state_is_a_side(run):
    rec = run("WASHINGTON, Jan 5 - The senator lambasted the Iran nuclear deal negotiated by President Obama. "
              "Ghana and Togo are negotiating a border treaty.", "2016-01-05")
    deal = next(e for e in _agreements(rec) if e.agreement.instrument == "deal")
    assert deal.agreement.status == "signed" and deal.modality == "historical" and deal.date is None
    assert set(deal.actors + deal.recipients) == {"IRN", "USA"}
    treaty = next(e for e in _agreements(rec) if e.agreement.instrument == "treaty")
    assert treaty.agreement.status == "planned"


def test_agreements_bodies_added_with_and_after_wire_brackets_are_parties(run):
    rec = run("PARIS, March 20 - <Banque Nationale de Paris> said it signed a cooperation agreement with Poland's "
              "central bank <Polbank>, and Trade Bank <Handlowybank>, with the aim of creating a joint holding.",
              "1987-03-20")
    e = _one(rec)
    names = {a.name for a in rec.actors if a.id in e.actors + e.recipients}
    assert {"Banque Nationale de Paris", "Polbank", "Handlowybank"} <= names, names


def test_agreements_a_regions_bloc_named_after_its_noun_is_the_party_and_no_state(run):
    rec = run("BRUSSELS, July 2 - The European Union and the Central American bloc SICA signed an association "
              "agreement on Tuesday, and the Southern African bloc SADC welcomed it.", "2025-07-02")
    e = _one(rec)
    assert set(e.actors + e.recipients) == {"org:european-union", "org:central-american-integration-system"}, (
        e.actors, e.recipients)
    assert not any(a.id in ("USA", "ZAF") for a in rec.actors)


def test_agreements_what_two_sides_also_agreed_is_its_own_and_a_deadline_no_date(run):
    rec = run("JAKARTA, Aug 8 - Malaysia and the Philippines signed an agreement on border patrols on Thursday. "
              "The two leaders also agreed to double bilateral trade by 2030, and to cooperate on halal food "
              "certification, rice supply and disaster relief.", "2025-08-08")
    patrols, trade = _agreements(rec)
    assert patrols.agreement.areas == ["border patrols"] and patrols.date == "2025-08-07"
    assert trade.date in ("2025-08-07", "2025-08-08") and len(trade.evidence) == 1  # the talks' day, not 2030
    assert {"halal food certification", "rice supply", "disaster relief"} <= set(trade.agreement.areas)


def test_agreements_a_name_with_and_and_a_count_of_members_are_no_areas(run):
    rec = run("SANTIAGO, Feb 20 - Chile has signed the Comprehensive and Progressive Agreement for Trans-Pacific "
              "Partnership with Peru, the 11-nation trade pact said in a statement.", "2023-02-20")
    e = _one(rec)
    assert e.agreement.name == "Comprehensive and Progressive Agreement for Trans-Pacific Partnership"
    assert not any("nation" in a or "Trans-Pacific" in a for a in e.agreement.areas), e.agreement.areas


def test_agreements_the_state_whose_decision_it_is_acts_and_a_member_taking_up_a_blocs_pact_is_a_party(run):
    rec = run("GENEVA, June 17 - An agreement to curb fishing subsidies has been reached by members of the World "
              "Trade Organization (WTO), its director-general said. She praised India's decision to accept the "
              "pact after days of resistance.", "2022-06-17")
    e = _one(rec)
    assert set(e.actors + e.recipients) == {"org:world-trade-organization", "IND"}, (e.actors, e.recipients)
    assert len(e.evidence) == 2


def test_agreements_an_initialled_text_is_agreed_not_signed(run):
    rec = run("GENEVA, May 3 - The chief negotiators of Serbia and Kosovo initialled a trade agreement on Friday. "
              "Officials said ministers would sign it in June.", "2024-05-03")
    e = next(e for e in _agreements(rec) if e.agreement.status != "planned")
    assert e.agreement.status == "agreed" and e.type == "AGREE" and set(e.actors) == {"SRB", "KOS"}


def test_agreements_an_older_text_the_parties_will_implement_is_its_own_dated_event(run):
    rec = run("MUSCAT, Feb 2 - Oman and Yemen agreed on Sunday to reopen their border crossings. A joint statement "
              "said the two countries would implement a transport agreement signed in 2009.", "2025-02-02")
    now = next(e for e in _agreements(rec) if e.modality is None)
    older = next(e for e in _agreements(rec) if e.modality == "historical")
    assert now.date == "2025-02-02" and older.date == "2009" and set(older.actors) == {"OMN", "YEM"}


def test_agreements_fields_stop_where_the_sources_are_named_and_the_city_is_the_place(run):
    rec = run("ROME, Sept 9 - Italy and Albania signed a treaty in the Albanian city of Durres on Monday covering "
              "migration, energy and ports, diplomats from both countries said on Tuesday.", "2025-09-10")
    e = _one(rec)
    assert e.agreement.areas == ["migration", "energy", "ports"], e.agreement.areas
    assert e.location == "Durres" and not any(a.kind == "person" for a in rec.actors)


def test_agreements_each_text_a_list_names_is_an_agreement_of_its_own(run):
    rec = run("Ministry of Foreign Affairs of Ghana\n"
              "Accra, 14 March 2025\n"
              "Ghana and Senegal sign three agreements\n"
              "President John Mahama and President Bassirou Diomaye Faye held talks in Accra today.\n"
              "After the talks, the two sides signed the following agreements:\n"
              "1. Memorandum of Understanding on cooperation in fisheries;\n"
              "2. Agreement on the avoidance of double taxation;\n"
              "3. Memorandum of Understanding between the Ghana Standards Authority and the Senegalese "
              "Standards Association on product certification.\n"
              "The two presidents also visited a cocoa processing plant.", "2025-03-14")
    found = _agreements(rec)
    assert [e.agreement.instrument for e in found] == [
        "memorandum of understanding", "agreement", "memorandum of understanding"], found
    assert all(e.agreement.status == "signed" and e.date == "2025-03-14" for e in found)
    assert set(found[0].actors) == {"GHA", "SEN"} and "fisheries" in " ".join(found[0].agreement.areas)
    assert "avoidance of double taxation" in found[1].agreement.areas
    assert not any("Memorandum" in a for e in found for a in e.agreement.areas)


def test_agreements_a_clause_on_the_field_is_not_part_of_it(run):
    rec = run("HANOI, May 5 - Vietnam and Laos held talks in Hanoi. The Lao prime minister said the two countries "
              "were negotiating a new agreement on military logistics, which he hoped to sign before the end of the "
              "year.", "2025-05-05")
    e = _one(rec)
    assert e.agreement.areas == ["military logistics"], e.agreement.areas


def test_agreements_concluded_negotiations_agree_a_text_and_a_separate_one_stays_apart(run):
    rec = run("CANBERRA, July 8 - Australia and the United Arab Emirates have concluded negotiations on a "
              "comprehensive economic partnership agreement, the trade minister said on Tuesday. The agreement "
              "will be signed later this year. Talks on a separate aviation agreement are continuing.", "2025-07-08")
    cepa = next(e for e in _agreements(rec) if e.agreement.status == "agreed")
    assert set(cepa.actors) == {"AUS", "ARE"} and cepa.date == "2025-07-08"
    aviation = [e for e in _agreements(rec) if "Talks on a separate" in e.evidence[0].text]
    assert len(aviation) == 1 and aviation[0].agreement.status == "planned", aviation
    assert not any("aviation" in a for a in cepa.agreement.areas)


def test_agreements_a_day_and_an_aside_on_the_text_are_no_fields(run):
    rec = run("ADDIS ABABA, Jan 1 - Ethiopia signed a memorandum of understanding with the breakaway region of "
              "Somaliland on Monday to use its Berbera port, a move Somalia's government called illegal.", "2024-01-01")
    e = _one(rec)
    assert e.agreement.areas == ["use its Berbera port"], e.agreement.areas


def test_agreements_the_field_a_memorandum_of_understanding_is_on(run):
    rec = run("LIMA, April 14 - Peru and Japan on Monday signed a memorandum of understanding on copper refining, "
              "the Peruvian mining ministry said.", "2025-04-14")
    assert _one(rec).agreement.areas == ["copper refining"]


def test_agreements_a_signatory_whose_portfolio_lists_fields_and_whose_name_has_a_hyphen(run):
    rec = run("SEOUL, May 2 - South Korea and Chile signed a memorandum of understanding on lithium on Friday. It "
              "was signed by South Korea's Minister of Trade, Industry and Energy Park Kyung-ho and Chile's Mining "
              "Minister Aurora Williams.", "2025-05-02")
    e = _one(rec)
    signers = {a.name: a for a in rec.actors if a.id in e.agreement.signatories}
    assert set(signers) == {"Park Kyung-ho", "Aurora Williams"}, set(signers)
    assert signers["Park Kyung-ho"].title == "Minister of Trade, Industry and Energy"
    assert not any(a.kind == "organization" and a.name.startswith("Minister") for a in rec.actors)


def test_agreements_the_summit_signers_met_at_is_no_party_and_the_visit_is_no_field(run):
    rec = run("VILNIUS, July 11 - Poland, Lithuania and Latvia signed a memorandum on Tuesday on rail links. The "
              "trilateral memorandum was signed by the three countries' transport ministers on the sidelines of the "
              "NATO summit in Vilnius. Earlier, Estonia and Finland signed three agreements covering energy, ports and "
              "ferries during Finland's state visit to Estonia.", "2023-07-11")
    memo = next(e for e in _agreements(rec) if "POL" in e.actors)
    assert set(memo.actors) == {"POL", "LTU", "LVA"} and len(memo.evidence) == 2
    assert not any("org:north-atlantic-treaty-organization" in e.actors for e in _agreements(rec))
    other = next(e for e in _agreements(rec) if "EST" in e.actors)
    assert other.agreement.areas == ["energy", "ports", "ferries"], other.agreement.areas


def test_agreements_texts_two_states_signed_need_no_number(run):
    rec = run("TALLINN, Oct 6 - Estonia and Finland signed agreements covering energy, ports and ferries on Monday.",
              "2025-10-06")
    e = _one(rec)
    assert set(e.actors) == {"EST", "FIN"} and e.agreement.areas == ["energy", "ports", "ferries"]


def test_agreements_the_state_an_order_withdraws_from_a_text_is_its_party(run):
    rec = run("WASHINGTON, Jan 20 - The president signed an executive order on Monday withdrawing the United States "
              "from the Paris climate agreement. China and Brazil said they would stay in "
              "the agreement.", "2025-01-21")
    ended = next(e for e in _agreements(rec) if e.agreement.status == "terminated")
    assert ended.actors == ["USA"], ended.actors


def test_agreements_the_deal_a_critic_judges_is_the_real_one_not_the_one_promised(run):
    rec = run("ROME, Dec 13 - Italy and Libya reached a deal on migration on Wednesday, the prime minister said. "
              "She said she would make a great deal with Tunisia on energy if it stopped the boats. The "
              "opposition leader said the deal was a bad compromise.", "2023-12-13")
    real = next(e for e in _agreements(rec) if "LBY" in e.actors)
    assert any("bad compromise" in ev.text for ev in real.evidence), [ev.text for ev in real.evidence]
