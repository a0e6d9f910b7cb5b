"""Event mentions and their arguments from the dependency parse (issue #11).

Sentences are our own, in wire style; each test checks one trigger family or one
syntactic construction.
"""

from __future__ import annotations

import pytest

from .conftest import cores, texts


def only(found, plover):
    chosen = [m for m in found if m.plover == plover]
    assert len(chosen) == 1, [(m.token.text, m.plover) for m in found]
    return chosen[0]


@pytest.mark.parametrize(
    ("sentence", "trigger", "plover", "mode"),
    [
        ("Gunmen killed the mayor of Tula on Friday.", "killed", "ASSAULT", None),
        ("Police shot two protesters in the capital.", "shot", "ASSAULT", "firearms"),
        ("Militants bombed a police station in Garo.", "bombed", "ASSAULT", "explosives"),
        ("A car bomb exploded outside the ministry.", "exploded", "ASSAULT", "explosives"),
        ("An airstrike hit a market in the town.", "airstrike", "ASSAULT", "aerial"),
        (
            "Artillery shelled the northern suburbs overnight.",
            "shelled",
            "ASSAULT",
            "heavy-weapons",
        ),
        ("Rebels kidnapped three aid workers near the border.", "kidnapped", "ASSAULT", "abduct"),
        ("Attackers set fire to the election office.", "set", "ASSAULT", "arson"),
        ("Soldiers arrested five students at the university.", "arrested", "COERCE", "arrest"),
        ("A court sentenced the former minister to ten years.", "sentenced", "SANCTION", "convict"),
        ("Thousands of teachers marched through the capital.", "marched", "PROTEST", "demo"),
        ("Dock workers began a general strike on Monday.", "strike", "PROTEST", "strike"),
        ("The two ministers met in Geneva on Tuesday.", "met", "CONSULT", None),
        ("The government and the rebels signed a peace deal.", "deal", "AGREE", None),
        ("The army withdrew its troops from the valley.", "withdrew", "RETREAT", "withdraw"),
        (
            "The president condemned the killing of the journalist.",
            "condemned",
            "ACCUSE",
            "disapprove",
        ),
        ("The militia threatened the villagers.", "threatened", "THREATEN", None),
        ("The government deployed troops along the border.", "deployed", "MOBILIZE", "troops"),
    ],
)
def test_trigger_families(mentions, sentence, trigger, plover, mode):
    found = [m for m in mentions(sentence) if m.token.text == trigger]
    assert [(m.plover, m.mode) for m in found] == [(plover, mode)]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The two parties struck a deal on Monday.", "struck"),
        ("An earthquake struck the region at dawn.", "struck"),
        ("The prisoners began a hunger strike.", "strike"),
        ("The ministry released a statement on Friday.", "released"),
        ("The team beat its rivals in the final.", "beat"),
        ("Officials held a meeting with donors.", "held"),
        ("The fight against drug trafficking goes on.", "fight"),
    ],
)
def test_senses_that_are_not_that_event(mentions, sentence, word):
    assert not [m for m in mentions(sentence) if m.token.text == word and m.plover == "ASSAULT"]


def test_a_verb_said_of_an_attack_noun_tells_that_attack_again(mentions):
    text = "The explosion targeted a market in the old town."
    found = mentions(text)
    assert [m.token.text for m in found] == ["explosion"]
    assert [text[a.start : a.end] for a in found[0].targets] == ["market"]
    # Said of people, the verb is an attack of its own.
    assert [m.token.text for m in mentions("Gunmen targeted a market in the old town.")] == [
        "targeted"
    ]


def test_a_campaign_rally_is_no_protest(mentions):
    assert not mentions("The president told a campaign rally on Sunday that he would win.")
    rally = mentions("Thousands joined a rally against the new law in the capital.")
    assert [(m.token.text, m.plover) for m in rally] == [("rally", "PROTEST")]


def test_hunger_strike_is_a_protest(mentions):
    found = [
        m for m in mentions("The prisoners began a hunger strike.") if m.token.text == "strike"
    ]
    assert [(m.plover, m.mode) for m in found] == [("PROTEST", "hunger")]


def test_active_verb_subject_acts_object_is_acted_on(mentions):
    text = "Rebels killed about 30 villagers in the north."
    m = only(mentions(text), "ASSAULT")
    assert texts(text, m.agents) == ["Rebels"]
    assert cores(text, m.patients) == ["villagers"]
    assert [(c.outcome, c.quantity.best, text[c.start : c.end]) for c in m.casualties] == [
        ("killed", 30, "about 30")
    ]


def test_passive_with_agent(mentions):
    text = "Twelve soldiers were killed by insurgents near the dam."
    m = only(mentions(text), "ASSAULT")
    assert texts(text, m.agents) == ["insurgents"]
    assert texts(text, m.patients) == ["Twelve soldiers"]
    assert m.casualties[0].quantity.best == 12


def test_passive_agent_that_is_a_weapon(mentions):
    text = "At least 12 soldiers were killed by a roadside bomb."
    m = only(mentions(text), "ASSAULT")
    assert not m.agents
    assert cores(text, m.weapons) == ["roadside bomb"]
    assert m.mode == "explosives"


def test_nominalisation_with_by_and_on(mentions):
    text = "An airstrike by government jets on the rebel headquarters destroyed the building."
    air = [m for m in mentions(text) if m.token.text == "airstrike"][0]
    assert cores(text, air.weapons) == ["government jets"]
    assert "headquarters" in cores(text, air.targets)[0]


def test_nominalisation_of_an_armed_actor(mentions):
    text = "A precision airstrike of the northern air force hit the depot."
    air = [m for m in mentions(text) if m.token.text == "airstrike"][0]
    assert texts(text, air.agents) == ["northern air force"]


def test_coordinated_subjects_and_objects(mentions):
    text = "Guerrillas and urban commandos attacked the power station and a bridge."
    m = only(mentions(text), "ASSAULT")
    assert texts(text, m.agents) == ["Guerrillas", "urban commandos"]
    assert texts(text, m.targets) == ["power station", "bridge"]


def test_relative_clause_victim(mentions):
    text = "The mayor of Tula, who was kidnapped by armed men on Friday, was found dead."
    m = [m for m in mentions(text) if m.token.text == "kidnapped"][0]
    assert cores(text, m.patients) == ["mayor"]
    assert texts(text, m.agents) == ["armed men"]


def test_by_gerund_inherits_the_subject(mentions):
    text = "The army had cut the supply route by bombing the road and a bridge."
    m = [m for m in mentions(text) if m.token.text == "bombing"][0]
    assert texts(text, m.agents) == ["army"]
    assert texts(text, m.targets) == ["road", "bridge"]


def test_coordinated_passive_shares_the_subject(mentions):
    text = "His son was detained at the airport and sentenced to ten years in prison."
    sentenced = [m for m in mentions(text) if m.token.text == "sentenced"][0]
    assert cores(text, sentenced.patients) == ["son"]
    assert not sentenced.agents


def test_light_verb_lends_its_subject(mentions):
    text = "A group of gunmen carried out the attack on the checkpoint."
    m = [m for m in mentions(text) if m.token.text == "attack"][0]
    assert texts(text, m.agents) == ["group of gunmen"]
    assert texts(text, m.targets) == ["checkpoint"]


def test_claim_of_responsibility_gives_the_actor(mentions):
    text = "The Liberation Front claimed responsibility for the bombing of the pipeline."
    m = [m for m in mentions(text) if m.token.text == "bombing"][0]
    assert "Liberation Front" in texts(text, m.agents)[0]
    assert m.claimed_by_agent


def test_instrument_use_verbs(mentions):
    text = "Warplanes dropped bombs on the fighters near the river."
    m = only(mentions(text), "ASSAULT")
    assert m.mode == "aerial"  # the bombs' aircraft make it an air strike
    assert cores(text, m.patients) == ["fighters"]


def test_linked_mentions_of_one_event(mentions):
    text = "Three civilians were killed in an airstrike on the village."
    found = mentions(text)
    killed = [m for m in found if m.token.text == "killed"][0]
    strike = [m for m in found if m.token.text == "airstrike"][0]
    assert strike.token.i in killed.links
    assert killed.token.i in strike.links


def test_organisation_split_from_its_fighters(mentions):
    text = "the mayor was kidnapped by eln guerrillas on tuesday."
    m = only(mentions(text), "ASSAULT")
    assert sorted(cores(text, m.agents)) == ["eln", "guerrillas"]
    # The people's phrase keeps the organisation's name, as they are told.
    assert sorted(texts(text, m.agents)) == ["eln", "eln guerrillas"]


def test_people_of_an_organisation_keep_their_whole_phrase(mentions):
    text = "a report said armed forces elements killed the six teachers last month."
    m = only(mentions(text), "ASSAULT")
    assert "armed forces elements" in texts(text, m.agents)
    assert "elements" in cores(text, m.agents)


@pytest.mark.parametrize(
    "text",
    [
        "GUNMEN KILLED FOUR POLICEMEN IN THE CAPITAL ON MONDAY.",
        "gunmen killed four policemen in the capital on monday.",
        "Gunmen killed four policemen in the capital on Monday.",
    ],
)
def test_any_case(mentions, text):
    m = only(mentions(text), "ASSAULT")
    assert [t.lower() for t in texts(text, m.agents)] == ["gunmen"]
    assert m.casualties[0].quantity.best == 4


def test_accidents_are_not_assaults(mentions):
    assert not mentions("Two people were killed in a car crash on the highway.")


def test_running_totals_are_not_events(mentions):
    assert not mentions("About 13,000 people have been killed since 1980.")


def test_dates_are_not_victims(mentions):
    text = "Gunmen attacked the village on Tuesday."
    m = only(mentions(text), "ASSAULT")
    assert texts(text, m.targets) == ["village"]
    assert not m.patients


def test_a_bare_generic_noun_is_not_an_event(mentions):
    assert not [
        m for m in mentions("Kidnappings are rising across the region.") if m.plover == "ASSAULT"
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "agent"),
    [
        (
            "Members of the army participated in the murder of the priests.",
            "murder",
            "Members of the army",
        ),
        (
            "The president implicated four officers in the assassination.",
            "assassination",
            "four officers",
        ),
        ("The police blamed the rebels for the bombing of the pipeline.", "bombing", "rebels"),
        ("Two soldiers were accused of the killing.", "killing", "Two soldiers"),
        ("The attack was attributed to the liberation front.", "attack", "liberation front"),
        ("The ambush was carried out by urban commandos.", "ambush", "urban commandos"),
        ("The massacre was perpetrated by a death squad.", "massacre", "death squad"),
        (
            "Police said the bombing was the work of the drug cartel.",
            "bombing",
            "drug cartel",
        ),
    ],
)
def test_perpetrators_named_around_an_event(mentions, text, trigger, agent):
    m = [m for m in mentions(text) if m.token.text == trigger][0]
    assert agent in texts(text, m.agents)


def test_a_passive_conjunct_shares_an_active_subject(mentions):
    text = "His son tried to join him in the city but was detained at the airport."
    m = [m for m in mentions(text) if m.token.text == "detained"][0]
    assert cores(text, m.patients) == ["son"]


def test_a_reported_clause_keeps_its_own_subject(mentions):
    text = "The paper reported in April that the commander, described as a veteran, had been killed in an airstrike."
    m = [m for m in mentions(text) if m.token.text == "killed"][0]
    assert "paper" not in texts(text, m.patients)


def test_a_wire_header_is_no_part_of_the_lead(mentions):
    text = "KARSA/NAIROBI: Government jets struck two camps near the lake."
    m = only(mentions(text), "ASSAULT")
    assert texts(text, m.weapons) == ["Government jets"]
    assert texts(text, m.agents) == ["Government"]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("About 200 people protested in the capital against the curfew.", "PROTEST"),
        ("The foreign ministry protested against the border violation.", "ACCUSE"),
    ],
)
def test_street_and_diplomatic_protests(mentions, text, plover):
    assert [m.plover for m in mentions(text) if m.token.text == "protested"] == [plover]


def test_a_common_noun_modifier_is_no_organisation_in_cased_text(mentions):
    text = "The air component neutralised several fighters."
    m = only(mentions(text), "ASSAULT")
    assert texts(text, m.agents) == ["air component"]


def test_a_word_that_points_back_carries_perpetrators_only(mentions):
    """ "The crime" is no event of its own; with a perpetrator it gives it to the one told."""
    found = mentions("Officials said army officers were behind the crime.")
    crime = [m for m in found if m.token.lower_ == "crime"]
    assert len(crime) == 1 and crime[0].anaphoric and crime[0].sense.anaphor
    assert [a.head.lower_ for a in crime[0].agents][0] == "officers"
    assert not [m for m in mentions("Organized crime is growing.") if m.token.lower_ == "crime"]


def test_perpetrators_behind_an_attack(mentions):
    found = mentions("Police said drug traffickers were behind the attack on the bank.")
    attack = [m for m in found if m.token.lower_ == "attack"]
    assert [a.head.lower_ for a in attack[0].agents] == ["traffickers"]


def test_the_target_of_a_part_is_the_whole(mentions):
    text = "The blast damaged the windows of the consulate."
    found = [m for m in mentions(text) if m.token.lower_ == "damaged"]
    assert cores(text, found[0].targets) == ["consulate"]


def test_a_bomb_that_exploded_outside_a_building_targeted_it(mentions):
    text = "A car bomb exploded outside a police building in the capital."
    found = [m for m in mentions(text) if m.token.lower_ == "exploded"]
    assert cores(text, found[0].targets) == ["police building"]


def test_who_is_held_responsible_and_a_group_from_an_organisation(mentions):
    text = "The president holds the Shining Path responsible for the murder of the mayor."
    murder = [m for m in mentions(text) if m.token.lower_ == "murder"][0]
    assert "Shining Path" in cores(text, murder.agents)
    text = "The mayor was shot by a group of gunmen from the FMLN."
    shot = [m for m in mentions(text) if m.token.lower_ == "shot"][0]
    assert "FMLN" in cores(text, shot.agents)


def test_names_in_apposition_to_the_people_acted_on_are_victims(mentions):
    text = "Gunmen killed two of her bodyguards, Juan Perez and Luis Gomez, on Monday."
    killed = [m for m in mentions(text) if m.token.lower_ == "killed"][0]
    assert {"Juan Perez", "Luis Gomez"} <= set(cores(text, killed.patients))


def test_names_in_apposition_are_not_counted_again(mentions):
    text = "The attack killed his secretary, Ana Ruiz."
    killed = [m for m in mentions(text) if m.token.lower_ == "killed"][0]
    assert "Ana Ruiz" in cores(text, killed.patients)
    assert sum(c.quantity.best or 0 for c in killed.casualties) == 1


def test_the_authors_of_an_attack_named_by_a_copula(mentions):
    text = "The authors of the bombing were members of the death squads, police said."
    bombing = [m for m in mentions(text) if m.token.lower_ == "bombing"][0]
    assert "members" in [a.head.lower_ for a in bombing.agents]


def test_an_adjective_says_what_kind_of_attack_not_who(mentions):
    text = "A terrorist attack destroyed the bridge, while the FMLN attack on the base failed."
    found = {m.token.i: m for m in mentions(text)}
    attacks = [m for m in found.values() if m.token.lower_ == "attack"]
    assert [a.head.lower_ for a in attacks[0].agents] == []
    assert "FMLN" in cores(text, attacks[1].agents)


def test_on_a_road_or_at_an_hour_is_where_and_when_not_the_target(mentions):
    text = "The bus was attacked on the coastal highway at 0900 by gunmen."
    attacked = [m for m in mentions(text) if m.token.lower_ == "attacked"][0]
    assert cores(text, attacked.targets) == ["bus"]


def test_things_listed_in_apposition_are_targets(mentions):
    text = "Rebels burned three vehicles, an ambulance and a fuel truck."
    burned = [m for m in mentions(text) if m.token.lower_ == "burned"][0]
    assert {"ambulance", "fuel truck"} <= set(cores(text, burned.targets))


@pytest.mark.parametrize(
    ("text", "planter"),
    [
        ("A bomb, planted by unidentified men, exploded at the bus terminal.", "men"),
        ("The bomb the rebels had left in the car exploded near the bank.", "rebels"),
        ("A grenade thrown by two youths exploded in the market on Sunday.", "youths"),
    ],
)
def test_who_planted_a_device_set_it_off(mentions, text, planter):
    exploded = [m for m in mentions(text) if m.token.lower_ == "exploded"][0]
    assert planter in [a.head.lower_ for a in exploded.agents]
    assert exploded.weapons


def test_a_device_nobody_is_said_to_have_planted_has_no_perpetrator(mentions):
    text = "A bomb hidden in a parked car exploded outside the court."
    exploded = [m for m in mentions(text) if m.token.lower_ == "exploded"][0]
    assert exploded.agents == []


def test_suicide_bombers_are_people_and_bombers_may_be_aircraft(mentions):
    text = "Gunmen and suicide bombers attacked an army base on Friday."
    attacked = [m for m in mentions(text) if m.token.lower_ == "attacked"][0]
    assert "bombers" in [a.head.lower_ for a in attacked.agents]
    assert attacked.weapons == []
    text = "Heavy bombers struck the ridge overnight."
    struck = [m for m in mentions(text) if m.token.lower_ == "struck"][0]
    assert [w.head.lower_ for w in struck.weapons] == ["bombers"]


def test_a_part_of_counted_devices_is_a_weapon_not_an_actor(mentions):
    text = "Seven of these bombs exploded outside bank branches on Monday."
    exploded = [m for m in mentions(text) if m.token.lower_ == "exploded"][0]
    assert exploded.agents == []
    assert [w.head.lower_ for w in exploded.weapons] == ["seven"]
    assert "bombs" in texts(text, exploded.weapons)[0]


def test_how_a_killing_was_done_is_not_whom_it_hit(mentions):
    text = "The mayor was shot at point-blank range outside his home."
    shot = [m for m in mentions(text) if m.token.lower_ == "shot"][0]
    assert "range" not in [a.head.lower_ for a in (*shot.patients, *shot.targets)]
    assert "mayor" in [a.head.lower_ for a in shot.patients]


def test_whose_death_it_was_is_who_died(mentions):
    text = "The president blamed the guerrillas for the soldier's death."
    death = [m for m in mentions(text) if m.token.lower_ == "death"][0]
    assert "soldier" in [a.head.lower_ for a in death.patients]
    assert "soldier" not in [a.head.lower_ for a in death.agents]


def test_who_undergoes_an_attack_is_not_who_carried_it_out(mentions):
    text = "The ambush was survived by two villagers."
    m = [m for m in mentions(text) if m.token.text == "ambush"][0]
    assert "villagers" not in " ".join(texts(text, m.agents))


def test_an_argument_is_also_told_without_its_leading_quantifiers(mentions):
    text = "At least four bombs damaged several offices of the teachers union on Monday."
    m = only(mentions(text), "ASSAULT")
    [weapon] = m.weapons
    assert [text[a:b] for a, b in weapon.spans][:2] == ["At least four bombs", "four bombs"]
    [target] = m.targets
    spans = [text[a:b] for a, b in target.spans]
    assert "offices of the teachers union" in spans, spans


def test_a_phrase_without_quantifiers_has_no_second_telling(mentions):
    text = "A car bomb damaged the courthouse on Monday."
    m = only(mentions(text), "ASSAULT")
    [target] = m.targets
    assert [text[a:b] for a, b in target.spans] == ["courthouse"]


def test_charges_of_explosives_are_a_weapon_not_an_accusation(mentions):
    text = "Rebels set off two charges of dynamite at the power station on Monday."
    found = mentions(text)
    assert not [m for m in found if m.plover == "ACCUSE"], [(m.token.text, m.plover) for m in found]


def test_a_measure_of_explosives_is_a_weapon(mentions):
    text = "Terrorists detonated 20 kg of dynamite outside the police station."
    m = only(mentions(text), "ASSAULT")
    assert texts(text, m.weapons) == ["20 kg of dynamite"]
    assert "20 kg of dynamite" not in texts(text, m.targets)


@pytest.mark.parametrize(
    "text",
    [
        "Shrapnel injured two passersby near the market.",
        "The shock wave damaged several houses in the district.",
    ],
)
def test_a_cause_that_is_no_one_is_never_the_attacker(mentions, text):
    found = [m for m in mentions(text) if m.plover == "ASSAULT"]
    assert found and not any(m.agents for m in found), [texts(text, m.agents) for m in found]


@pytest.mark.parametrize(
    ("sentence", "trigger", "place"),
    [
        ("Four guards were killed in Kandahar on Monday.", "killed", "Kandahar"),
        ("The worst explosion was at the crowded bus station.", "explosion", "station"),
        ("Heavy fighting erupted near the airport overnight.", "fighting", "airport"),
        ("Gunmen attacked Camp Zeta in Helmand Province.", "attacked", "Helmand Province"),
        (
            "The bomb went off outside the bakery, where three people were killed.",
            "killed",
            "bakery",
        ),
    ],
)
def test_each_trigger_keeps_the_place_its_own_phrase_names(mentions, sentence, trigger, place):
    m = [m for m in mentions(sentence) if m.token.text.lower() == trigger][0]
    assert cores(sentence, m.places)[:1] == [place] or place in texts(sentence, m.places)[0]


def test_a_place_inside_an_actor_s_phrase_is_no_place_of_the_event(mentions):
    text = "Police in Garo arrested two men on Monday."
    m = only(mentions(text), "COERCE")
    assert m.places == []


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Just after midnight a wave of shooting broke out in the old town.", "shooting"),
        ("Two army posts came under intense gunfire.", "gunfire"),
        ("The capital has seen a spate of attacks this year.", "attacks"),
    ],
)
def test_a_series_or_under_fire_tells_occurrences(mentions, sentence, trigger):
    assert trigger in [m.token.text for m in mentions(sentence)]


def test_a_bare_generic_noun_is_still_no_event(mentions):
    assert mentions("Many attacks go unreported.") == []


def test_take_part_names_no_one_by_its_part(mentions):
    text = "Three rebels took part in the attack on the depot."
    m = only(mentions(text), "ASSAULT")
    assert texts(text, m.agents) == ["Three rebels"]


def test_a_suicide_bomber_who_blew_himself_up_acted_on_no_one_else(mentions):
    text = "A suicide bomber blew himself up outside the ministry on Sunday."
    m = only(mentions(text), "ASSAULT")
    assert texts(text, m.agents) == ["suicide bomber"]
    assert texts(text, m.patients) == []


def test_on_the_spot_and_at_a_street_say_where_not_whom(mentions):
    text = "The blast killed the three on the spot."
    m = [m for m in mentions(text) if m.token.text == "killed"][0]
    assert texts(text, m.patients) == ["three"]
    text = "The two explosions at Market Street damaged a school."
    m = [m for m in mentions(text) if m.token.text == "explosions"][0]
    assert "Market Street" not in texts(text, m.targets)
    assert cores(text, m.places) == ["Market Street"]


def test_a_bomb_that_goes_off_is_an_explosion_an_alarm_is_not(mentions):
    text = "Two bombs went off near the central market on Friday."
    m = only(mentions(text), "ASSAULT")
    assert m.mode == "explosives"
    assert cores(text, m.weapons) == ["bombs"]
    assert mentions("The fire alarm went off twice during the night.") == []


def test_claimed_the_lives_of_is_a_killing_of_those_people(mentions):
    text = "The blast claimed the lives of six guards."
    m = [m for m in mentions(text) if m.token.text == "claimed"][0]
    assert m.sense.outcome == "killed"
    assert cores(text, m.patients) == ["guards"]


def test_people_named_after_including_are_acted_on_and_counted_once(mentions):
    text = "Police detained four students, including Ana Ruiz and Tomas Vidal, on Monday."
    m = only(mentions(text), "COERCE")
    assert cores(text, m.patients) == ["students", "Ana Ruiz", "Tomas Vidal"]
    text = "The blast killed 12 people, including three children."
    m = [m for m in mentions(text) if m.token.text == "killed"][0]
    assert texts(text, m.patients) == ["12 people", "three children"]
    assert [c.quantity.best for c in m.casualties] == [12]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Prosecutors opened a case of attempted murder against the two men.", "murder"),
        ("The failed assassination of the mayor shocked the town.", "assassination"),
        ("Gunmen tried to kill the judge outside the court.", "kill"),
    ],
)
def test_an_attempted_killing_is_an_attack_that_killed_no_one(mentions, sentence, word):
    m = [m for m in mentions(sentence) if m.token.text == word][0]
    assert m.attempted
    assert m.casualties == []


def test_a_killing_is_no_attempt(mentions):
    m = only(mentions("Gunmen killed the judge outside the court."), "ASSAULT")
    assert not m.attempted
    assert [c.quantity.best for c in m.casualties] == [1]


def test_the_place_of_those_an_event_names(mentions):
    text = "A battle between troops and rebels in the market area left two dead."
    m = [m for m in mentions(text) if m.token.text == "battle"][0]
    assert "area" in [text[a:b] for p in m.places for a, b in p.spans]


def test_an_accidental_explosion_is_no_attack(mentions):
    assert mentions("Two accidental explosions shook the depot on Friday.") == []
    assert [
        m.token.text for m in mentions("The device detonated accidentally near the road.")
    ] == []
    assert [m.token.text for m in mentions("The device detonated near the road.")] == ["detonated"]


def test_people_who_were_dead_or_among_the_dead_were_killed(mentions):
    text = "Nine people were dead after the blast."
    m = [m for m in mentions(text) if m.token.text == "dead"][0]
    assert m.sense.outcome == "killed"
    assert texts(text, m.patients) == ["Nine people"]
    text = "Two guards were among the dead."
    m = [m for m in mentions(text) if m.token.text == "dead"][0]
    assert texts(text, m.patients) == ["Two guards"]
    assert [m.token.text for m in mentions("The former minister is dead.")] in ([], ["dead"])


def test_slaughter_and_maiming_are_killing_and_injuring(mentions):
    text = "They deplored the slaughter and maiming of civilians."
    found = {m.token.text: m.sense.outcome for m in mentions(text) if m.plover == "ASSAULT"}
    assert found == {"slaughter": "killed", "maiming": "injured"}


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ('The president called the explosion an "attack" on Friday.', "explosion"),
        ("Officials described the blast as a terrorist attack.", "blast"),
    ],
)
def test_a_name_given_to_an_event_is_no_telling_of_its_own(mentions, sentence, event):
    assert [m.token.text for m in mentions(sentence) if m.plover == "ASSAULT"] == [event]


def test_hitting_people_with_sanctions_is_no_attack(mentions):
    assert [m.plover for m in mentions("The Treasury hit 13 officials with sanctions.")] == []
    assert [m.plover for m in mentions("Rebels hit the convoy with rockets.")] == ["ASSAULT"]


def test_a_count_followed_by_more_offers_more_as_its_head(mentions):
    text = "The blast killed 130 people and injured scores more."
    m = [m for m in mentions(text) if m.token.text == "injured"][0]
    assert "more" in [text[a:b] for arg in m.patients for a, b in arg.spans]


def test_with_others_injured_the_others_were_hurt(mentions):
    text = "Six soldiers were killed with two other guards and a driver injured."
    m = [m for m in mentions(text) if m.token.text == "injured"][0]
    assert cores(text, m.patients) == ["other guards", "driver"] or texts(text, m.patients) == [
        "two other guards",
        "driver",
    ]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Police removed the cordon around the explosion area on Saturday.", ["explosion"]),
        ("The army said the initial shooting incidents involved no soldiers.", ["shooting"]),
        ("A warning was given before each explosion.", ["explosion"]),
        ("The attack helicopters flew low over the town.", []),
        ("Every attack will be answered.", []),
    ],
)
def test_an_event_noun_modifying_a_definite_phrase_tells_an_event(mentions, sentence, found):
    assert [m.token.text for m in mentions(sentence) if m.plover == "ASSAULT"] == found


def test_a_country_s_protests_are_protests_there_not_by_its_state(mentions):
    text = "Chile's student protests have grown since March."
    m = only(mentions(text), "PROTEST")
    assert texts(text, m.agents) == []
    text = "The union's protest blocked the main road."
    m = only(mentions(text), "PROTEST")
    assert texts(text, m.agents) == ["union"]


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("Rebels captured the town of Garo on Monday.", "seize"),
        ("The militia captured the last remaining territory of the group in March.", "seize"),
        ("Troops captured three rifles and a mortar on Monday.", "seize"),
        ("Police captured two suspects on Sunday.", "arrest"),
    ],
)
def test_capturing_land_or_arms_is_no_arrest(mentions, sentence, mode):
    assert only(mentions(sentence), "COERCE").mode == mode


# -- issue #11: the demo's event errors, as general rules ------------------------------------


def test_a_definite_bare_strike_points_back_at_a_strike_told_before(mentions):
    text = "Warplanes struck a rebel depot near Tarko on Monday. The strikes also hit a fuel store."
    found = [m for m in mentions(text) if m.token.text == "strikes"]
    assert [(m.plover, m.mode, m.anaphoric) for m in found] == [("ASSAULT", "aerial", True)]
    # With no air strike told before it, a bare "the strikes" names none.
    assert not [
        m for m in mentions("The strikes also hit a fuel store.") if m.token.text == "strikes"
    ]


def test_a_definite_bare_strike_after_a_labour_strike_is_that_strike(mentions):
    text = "Dockworkers went on strike in Tarko on Monday. The strike shut the port for a day."
    found = [m for m in mentions(text) if m.token.text == "strike" and m.token.i > 5]
    assert [(m.plover, m.mode) for m in found] == [("PROTEST", "strike")]


def test_the_side_that_lost_people_counts_its_dead_and_is_no_one_acted_on(mentions):
    text = "Government troops fought rebels outside Miro on Sunday, losing four soldiers."
    lost = next(m for m in mentions(text) if m.token.text == "losing")
    assert lost.casualty_only and lost.sense.outcome == "killed"
    assert [c.quantity.best for c in lost.casualties] == [4]
    assert lost.patients == [] and lost.agents == []


def test_who_lost_their_lives_died(mentions):
    text = "Three guards lost their lives when gunmen attacked the bank."
    lost = next(m for m in mentions(text) if m.token.text == "lost")
    assert [text[a.start : a.end] for a in lost.patients] == ["Three guards"]
    assert [c.quantity.best for c in lost.casualties] == [3]


@pytest.mark.parametrize(
    "sentence",
    ["The ruling party lost ground in the vote on Sunday.", "The army lost control of the road."],
)
def test_losing_what_is_no_person_tells_no_death(mentions, sentence):
    assert not [m for m in mentions(sentence) if m.token.lemma_ == "lose"]


def test_a_count_of_wounded_the_parser_reads_as_a_verb_is_counted(mentions):
    text = (
        "The director of the town's hospital said nine bodies and 27 wounded had been brought in."
    )
    hurt = next(m for m in mentions(text) if m.token.text == "wounded")
    assert hurt.token.pos_ == "VERB"  # the parse this rule is for
    assert [(c.outcome, c.quantity.best) for c in hurt.casualties] == [("injured", 27)]


def test_the_owner_of_a_named_weapon_acts(mentions):
    # The parser hangs "Kenyan" on "fighter", the first word of the weapon's name.
    text = "Kenyan fighter jets struck two militant camps near the border on Monday."
    struck = next(m for m in mentions(text) if m.token.text == "struck")
    assert [text[a.start : a.end] for a in struck.weapons] == ["Kenyan fighter jets"]
    assert [text[a.core_start : a.core_end] for a in struck.agents] == ["Kenyan"]


def test_artillery_fire_that_kills_is_no_accident_but_a_fire_is(mentions):
    shelled = "Artillery fire killed five civilians in Mara on Monday."
    assert [m.token.text for m in mentions(shelled)] == ["fire", "killed"]
    burned = "A fire killed five people in a market in Mara on Monday."
    assert [m.token.text for m in mentions(burned)] == []


@pytest.mark.parametrize(
    ("text", "trigger", "agent", "not_agent"),
    [
        # active "attribute X to Y": Y did it
        (
            "Police officials attribute the bombings to drug traffickers.",
            "bombings",
            "drug traffickers",
            "Police officials",
        ),
        # "held responsible" in the passive: its subject
        (
            "The rebels are being held responsible for the explosion at the bank.",
            "explosion",
            "rebels",
            None,
        ),
        # the accused, not the accuser
        (
            "The governor accused the guerrillas of being responsible for the attack.",
            "attack",
            "guerrillas",
            "governor",
        ),
        # "responsible" read as the modifier of the people held
        (
            "The army holds the guerrillas responsible for the massacre of the farmers.",
            "massacre",
            "guerrillas",
            "army",
        ),
        (
            "The men responsible for the kidnapping of the engineer were arrested on Monday.",
            "kidnapping",
            "men",
            None,
        ),
        # held for it: the arrested, not the police
        ("Police arrested three men for the murder of the judge.", "murder", "three men", "Police"),
        (
            "Two soldiers were detained for the killing of the mayor.",
            "killing",
            "Two soldiers",
            None,
        ),
    ],
)
@pytest.mark.parametrize("lower", [False, True])
def test_who_is_blamed_or_held_for_an_event(mentions, text, trigger, agent, not_agent, lower):
    if lower:  # MUC-style wire text: no capitals to tell names by
        text, trigger, agent = text.lower(), trigger.lower(), agent.lower()
        not_agent = not_agent.lower() if not_agent else None
    m = [m for m in mentions(text) if m.token.text == trigger][0]
    found = texts(text, m.agents)
    assert any(agent in f for f in found), found
    if not_agent:
        assert not any(not_agent in f for f in found), found


def test_arrested_in_a_raid_are_not_its_raiders(mentions):
    text = "Police arrested five people in the raid on the farm."
    raid = [m for m in mentions(text) if m.token.lower_ == "raid"]
    assert not raid or "five people" not in texts(text, raid[0].agents)
