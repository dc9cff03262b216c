"""Actors: states in all their forms, bodies, people with titles, one id per real-world actor."""

from __future__ import annotations

from conftest import actor_named


def _ids(rec):
    return {a.id for a in rec.actors}


TEXT1 = ("The United Arab Emirates and the Republic of Korea held talks. Emirati and South Korean officials "
         "said the U.S. was informed. Americans welcomed it.")


def test_actors_states_by_name_official_name_short_form_demonym_and_adjective(run):
    rec = run(TEXT1, "2024-01-10")
    assert {"ARE", "KOR", "USA"} <= _ids(rec)
    usa = next(a for a in rec.actors if a.id == "USA")
    texts = {TEXT1[s:e] for s, e in usa.mentions}
    assert "U.S." in texts and "Americans" in texts


def test_actors_capital_stands_for_government_only_when_it_acts(run):
    rec = run("Baku said it would respond. The weather in Baku was cold on Monday.", "2024-02-01")
    aze = next(a for a in rec.actors if a.id == "AZE")
    assert [tuple(m) for m in aze.mentions] == [(0, 4)]  # "in Baku" is a place, not the government


def test_actors_international_bodies_by_acronym(run):
    rec = run("NATO and the EU met in Brussels while OPEC kept output steady and the UN Security Council voted.",
              "2024-03-01")
    ids = _ids(rec)
    assert "org:north-atlantic-treaty-organization" in ids and "org:european-union" in ids
    opec = next(a for a in rec.actors if "Petroleum" in a.name)
    assert opec.kind == "organization" and opec.sector == "IGO"


def test_actors_bodies_in_either_spelling_and_states_in_lower_case_are_one_actor(run):
    rec = run("The Organization of Petroleum Exporting Countries met in Vienna. Later the Organisation of the "
              "Petroleum Exporting Countries said it would send experts to ecuador next month.",
              "1987-05-01")
    opec = [a for a in rec.actors if "Petroleum" in a.name]
    assert [a.id for a in opec] == ["org:organization-of-the-petroleum-exporting-countries"]
    assert "ECU" in _ids(rec) and not any("ecuador" in a.id for a in rec.actors)


def test_actors_person_with_title_rank_and_affiliation(run):
    rec = run("The accord was signed by the Head of the National Cyber Directorate, Brig. Gen. (Res.) Dana Levin, "
              "and Georgia's Minister of Economy and Sustainable Development Levan Davitashvili.", "2025-05-05")
    levin = actor_named(rec, "Dana Levin")
    assert levin is not None and levin.title == "Head of the National Cyber Directorate" and levin.sector == "GOV"
    davit = actor_named(rec, "Levan Davitashvili")
    assert davit is not None and davit.country == "GEO"
    assert davit.title == "Minister of Economy and Sustainable Development"
    assert any(a.name == "National Cyber Directorate" and a.sector == "GOV" for a in rec.actors)


def test_actors_short_mentions_join_the_full_actor(run):
    rec = run("Foreign Minister Penny Wong met Indonesian Foreign Minister Sugiono in Jakarta. "
              "Wong said the talks were warm. The minister later left for Manila.", "2025-02-10")
    wong = [a for a in rec.actors if a.kind == "person" and "Wong" in a.name]
    assert len(wong) == 1 and len(wong[0].mentions) >= 2
    assert wong[0].id == "person:penny-wong"


def test_actors_leaders_table_completes_a_surname_for_the_date(run):
    rec = run("The minister asked him to send greetings to President Aliyev.", "2026-02-04")
    aliyev = next(a for a in rec.actors if "Aliyev" in a.name)
    assert aliyev.name == "Ilham Aliyev" and aliyev.country == "AZE" and aliyev.id == "person:ilham-aliyev"
    rec = run("Reagan met the visiting prime minister.", "1987-03-31")
    reagan = next(a for a in rec.actors if "Reagan" in a.name)
    assert reagan.name == "Ronald Reagan" and reagan.country == "USA"


def test_actors_ai_is_a_topic_never_a_place(run):
    rec = run("Israel wants to lead in AI. AI will shape the economy, and AI research is growing.", "2026-02-04")
    assert {a.id for a in rec.actors} == {"ISR"}


def test_actors_company_is_not_a_person(run):
    rec = run("The Kenya Ports Authority signed a contract with the South Korean shipbuilder Hanwha Ocean.",
              "2025-02-18")
    hanwha = actor_named(rec, "Hanwha Ocean")
    assert hanwha is not None and hanwha.kind == "organization" and hanwha.country == "KOR"
    kpa = actor_named(rec, "Kenya Ports Authority")
    assert kpa is not None and kpa.country == "KEN" and kpa.sector == "GOV"


def test_actors_company_described_by_its_state_is_the_company(run):
    rec = run("Orbis Corp said it ended a supply pact with a Bulgarian firm. Under the deal signed between "
              "Meridian Ltd and Romania's state-owned Petrom trading company, the valves ship in May. The provincial "
              "government and the Korean trading company, J. Park and Co Ltd, signed a letter of intent.",
              "1988-04-02")
    by_id = {a.id: a for a in rec.actors}
    firm = by_id["group:bgr-firm"]
    assert firm.sector == "BUS" and firm.country == "BGR" and firm.name == "Bulgarian firm"
    petrom = actor_named(rec, "Petrom")
    assert petrom is not None and petrom.country == "ROU" and petrom.sector == "BUS"
    park = actor_named(rec, "J. Park and Co Ltd")
    assert park is not None and park.country == "KOR" and not any(a.kind == "person" for a in rec.actors)
    parties = [set(e.actors) for e in rec.events if e.agreement is not None]
    assert {"org:orbis-corp", "group:bgr-firm"} in parties and {"org:meridian-ltd", petrom.id} in parties
    assert not any("BGR" in p or "ROU" in p or "KOR" in p for p in parties)


def test_actors_wire_bracketed_names_and_their_short_forms_are_companies(run):
    rec = run("Helvon Corp said it signed a supply agreement with <Marta Ilic>, a Serbian maker of pumps. "
              "Under the agreement, Marta Ilic will own 60 pct of the venture and Helvon will own 40 pct.",
              "1987-03-11")
    assert not any(a.kind == "person" for a in rec.actors)
    ilic = actor_named(rec, "Marta Ilic")
    helvon = actor_named(rec, "Helvon Corp")
    assert ilic is not None and ilic.kind == "organization" and len(ilic.mentions) == 2
    assert helvon is not None and len(helvon.mentions) == 2
    e = next(e for e in rec.events if e.agreement is not None)
    assert set(e.actors) == {ilic.id, helvon.id}


def test_actors_groups_with_state_and_sector(run):
    rec = run("Syrian troops shelled the town while Turkish police detained protesters.", "2024-04-04")
    by_id = {a.id: a for a in rec.actors}
    assert by_id["group:syr-troops"].sector == "MIL" and by_id["group:syr-troops"].country == "SYR"
    assert by_id["group:tur-police"].sector == "COP"
    assert by_id["group:protesters"].sector == "CVL"


def test_actors_mentions_are_offsets_into_the_text(run):
    text = "Chile and Peru signed a fisheries accord."
    rec = run(text, "2024-01-01")
    for a in rec.actors:
        for start, end in a.mentions:
            assert text[start:end] in (a.name, "Chile", "Peru")


def test_actors_names_after_titles_the_tagger_misses(run):
    rec = run("The memorandum was signed by Estonia's Minister of Defence Hanno Pevkur and Japan's Ambassador to "
              "Estonia Hiroshi Takeuchi.", "2025-03-12")
    takeuchi = actor_named(rec, "Hiroshi Takeuchi")
    assert takeuchi is not None and takeuchi.country == "JPN" and takeuchi.title == "Ambassador to Estonia"
    pevkur = actor_named(rec, "Hanno Pevkur")
    assert pevkur is not None and pevkur.country == "EST" and pevkur.title == "Minister of Defence"
    assert not any(a.kind == "organization" for a in rec.actors)


def test_actors_given_name_starts_the_name_after_a_portfolio(run):
    rec = run("The deal was signed by Morocco's Minister of Energy Transition Leila Benali and Nigeria's Minister "
              "of State for Petroleum Resources Ekperikpe Ekpo.", "2025-09-15")
    benali = actor_named(rec, "Leila Benali")
    assert benali is not None and benali.title == "Minister of Energy Transition" and benali.country == "MAR"
    ekpo = actor_named(rec, "Ekperikpe Ekpo")
    assert ekpo is not None and ekpo.country == "NGA"


def test_actors_pronoun_follows_the_given_name_gender(run):
    from accord.extract.names import gender

    assert gender("Leila Benali") == "f" and gender("Rashad Nabiyev") == "m"
    rec = run("Foreign Minister Penny Wong met Foreign Minister Sergey Lavrov. \"We disagree,\" she said.",
              "2024-07-01")
    [q] = [q for q in rec.quotes if q.kind == "direct"]
    assert q.speaker == "person:penny-wong"


def test_actors_a_name_with_particles_is_one_person(run):
    rec = run("European Commission President Ursula von der Leyen and Prime Minister Narendra Modi announced the "
              "deal at a summit in New Delhi.", "2026-01-27")
    assert actor_named(rec, "Ursula von der Leyen") is not None, [a.name for a in rec.actors]
    assert not any(a.name == "Ursula von" for a in rec.actors)
