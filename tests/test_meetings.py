"""Meetings and visits: CONSULT with PLOVER modes; visitor as actor, host as recipient."""

from __future__ import annotations


def _consults(rec):
    return [e for e in rec.events if e.type == "CONSULT"]


def test_meetings_visit_has_visitor_as_actor_and_host_as_recipient(run):
    rec = run("Indonesian Foreign Minister Sugiono arrived in Tokyo on Monday for talks on maritime security.",
              "2025-03-05")
    [e] = _consults(rec)
    assert e.mode == "visit" and e.actors == ["IDN"] and e.recipients == ["JPN"] and e.cameo == "042"
    assert e.date == "2025-03-03" and e.quad == "verbal_cooperation"


def test_meetings_reciprocal_talks_list_all_parties_as_actors(run):
    rec = run("Greece and Turkey held talks in Athens on Thursday about energy exploration.", "2024-02-10")
    [e] = _consults(rec)
    assert set(e.actors) == {"GRC", "TUR"} and e.recipients == [] and e.mode is None
    assert e.location == "Athens"


def test_meetings_phone_call_mode(run):
    rec = run("French President Emmanuel Macron spoke by telephone with Indian Prime Minister Narendra Modi on "
              "Sunday.", "2024-07-15")
    [e] = _consults(rec)
    assert e.mode == "phone" and set(e.actors) == {"FRA", "IND"} and e.cameo == "041"
    assert {p.split(":")[1] for p in e.participants} == {"emmanuel-macron", "narendra-modi"}


def test_meetings_summit_is_multilateral(run):
    rec = run("Leaders of Brazil, India and South Africa met at a summit in Johannesburg.", "2023-08-23")
    e = _consults(rec)[0]
    assert e.mode == "multilateral" and {"BRA", "IND", "ZAF"} <= set(e.actors)


def test_meetings_future_visit_has_future_modality(run):
    rec = run("Chinese Premier Li Qiang will visit Australia next month, officials said.", "2024-05-20")
    [e] = _consults(rec)
    assert e.modality == "future" and e.actors == ["CHN"] and e.recipients == ["AUS"] and e.date == "2024-06"


def test_meetings_denied_meeting_gives_none(run):
    rec = run("Kuwait said there were no plans for an emergency meeting with Iraq.", "1987-03-01")
    assert _consults(rec) == []


def test_meetings_talks_without_parties_take_the_story_sides(run):
    rec = run("Serbia and Kosovo resumed negotiations in Brussels on Monday. The talks ended without agreement.",
              "2024-09-03")
    parties = [set(e.actors) for e in _consults(rec)]
    assert parties and all(p == {"SRB", "KOS"} for p in parties)


def test_meetings_host_welcome_in_a_quote_is_a_visit(run):
    rec = run("Greek Prime Minister Kyriakos Mitsotakis received Egypt's Minister of Foreign Affairs Badr Abdelatty "
              "in Athens.\n\nPrime Minister Kyriakos Mitsotakis:\n\n\"Welcome, Mr. Minister, and your distinguished "
              "delegation. Our two countries share a long history.\"", "2025-04-10")
    visits = [e for e in _consults(rec) if e.mode == "visit"]
    assert visits and visits[0].actors == ["EGY"] and visits[0].recipients == ["GRC"]


def test_meetings_invitation_in_a_quote_is_intent_to_meet(run):
    rec = run("Greek Prime Minister Kyriakos Mitsotakis met Egyptian Foreign Minister Badr Abdelatty.\n\n"
              "\"Send my greetings to President Sisi. Tell him to come and visit us soon,\" Mitsotakis said.",
              "2025-04-10")
    invites = [e for e in rec.events if e.type == "AGREE" and e.cameo == "036"]
    assert invites and invites[0].actors == ["GRC"] and invites[0].recipients == ["EGY"]
    assert invites[0].modality == "future"


def test_meetings_in_a_third_state_is_third_party(run):
    rec = run("American and Iranian negotiators met in Geneva on Tuesday to discuss prisoner exchanges.",
              "2023-06-08")
    [e] = _consults(rec)
    assert e.mode == "third-party" and e.cameo == "044" and set(e.actors) == {"USA", "IRN"}
    assert e.location == "Geneva"


def test_meetings_talks_with_a_host_in_its_capital_are_a_visit_told_on_in_the_next_sentence(run):
    rec = run("ULAANBAATAR, Sept 3 - Russian President Vladimir Putin held talks with Mongolian President "
              "Ukhnaagiin Khurelsukh in Ulaanbaatar on Tuesday. The two leaders discussed energy supplies and a "
              "planned gas pipeline.", "2024-09-05")
    [e] = _consults(rec)
    assert e.mode == "visit" and e.actors == ["RUS"] and e.recipients == ["MNG"] and e.cameo == "042"
    assert e.location == "Ulaanbaatar" and e.date == "2024-09-03" and len(e.evidence) == 2


def test_meetings_officials_of_a_body_and_a_state_and_a_doubt_about_something_else(run):
    rec = run("BRUSSELS, April 2 - Senior European Community and Japanese officials will meet in Tokyo next week "
              "to discuss a possible settlement of the dispute over wine, an EC spokesman said.", "1987-04-02")
    [e] = _consults(rec)
    assert set(e.actors) == {"org:european-community", "JPN"} and e.modality == "future", (e.actors, e.modality)


def test_meetings_the_meeting_a_guest_then_describes_is_the_visit(run):
    rec = run("JEDDAH, March 10 - Saudi Crown Prince Mohammed bin Salman received Ukrainian President Volodymyr "
              "Zelenskiy in Jeddah on Monday. Zelenskiy said he had a very constructive meeting with the crown "
              "prince.", "2025-03-10")
    [e] = _consults(rec)
    assert e.actors == ["UKR"] and e.recipients == ["SAU"] and len(e.evidence) == 2


def test_meetings_a_meeting_that_involved_delegates_from_a_list_of_states(run):
    rec = run("LONDON, April 8 - Britain will seek agreements with the countries that met in London last December. "
              "The meeting involved delegates from the U.K., Switzerland, the U.S., Canada, Australia, Japan and "
              "France.", "1987-04-08")
    big = [e for e in _consults(rec) if len(e.actors) >= 5]
    assert len(big) == 1 and set(big[0].actors) == {"GBR", "CHE", "USA", "CAN", "AUS", "JPN", "FRA"}
    assert big[0].mode == "multilateral"


def test_meetings_a_visiting_leader_the_parser_hangs_elsewhere_is_still_the_visitor(run):
    rec = run("TOKYO, Oct 3 - Japan and Vietnam agreed to expand defence ties, as visiting Vietnamese Prime "
              "Minister Pham Minh Chinh met his Japanese counterpart Shigeru Ishiba.", "2025-10-03")
    [e] = _consults(rec)
    assert e.mode == "visit" and e.actors == ["VNM"] and e.recipients == ["JPN"]


def test_meetings_one_visit_told_twice_is_one_visit(run):
    rec = run("HANOI, Nov 8 - Vietnamese President Luong Cuong and Chilean President Gabriel Boric signed three "
              "agreements during Boric's state visit to Vietnam. Boric arrived in Ho Chi Minh City on Wednesday and "
              "met Cuong in Hanoi.", "2025-11-08")
    visits = [e for e in _consults(rec) if e.mode == "visit"]
    assert len(visits) == 1 and visits[0].actors == ["CHL"] and visits[0].recipients == ["VNM"], visits


def test_meetings_the_invited_leader_is_the_visitor_and_the_war_discussed_is_no_place(run):
    rec = run("BRASILIA, Aug 8 - Brazilian President Lula held a phone call with Chinese President Xi Jinping on "
              "Friday and discussed the war in Ukraine. Lula invited Xi to visit Brazil later this year.",
              "2025-08-08")
    phone = next(e for e in _consults(rec) if e.mode == "phone")
    assert phone.location is None, phone.location
    visit = next(e for e in _consults(rec) if e.mode == "visit")
    assert visit.actors == ["CHN"] and visit.recipients == ["BRA"] and visit.modality == "future"
