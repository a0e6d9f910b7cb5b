"""The events stage end to end on a wire-style article of our own (issue #11).

The time, place, actor and claim layers are read through their functions only; where a
test needs a time or a claim, it adds the record those layers would make.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.coding.events import EventCoder
from dateline.config import default_config
from dateline.document import Document
from dateline.nlp import times
from dateline.records import Claim, Source, Time

from .conftest import event_with

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "events" / "jets_strike_convoy.txt"
PUBLISHED = "2021-03-10"


@pytest.fixture(scope="module")
def article(pipeline):
    doc = Document.from_input(FIXTURE.read_text(encoding="utf-8"), published=PUBLISHED)
    return pipeline(doc)


def find(doc: Document, text: str) -> tuple[int, int]:
    start = doc.text.index(text)
    return start, start + len(text)


def recode(doc: Document) -> Document:
    doc.events = EventCoder(default_config().events).code(doc)
    return doc


def test_the_strike_is_one_event_told_three_times(article):
    strike = event_with(article, "killed")
    assert (strike.plover, strike.mode) == ("ASSAULT", "aerial")
    assert (strike.acled_event_type, strike.acled_sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert len(strike.evidence) == 3  # the lead, the spokeswoman's figure, the quote
    assert strike.actor2 is not None and "militia fighters" in strike.actor2.name
    assert [w.name for w in strike.weapons] == ["Government warplanes"]
    # The most specific count: the exact 42 of the later detail, not the lead's "at least 30".
    assert (strike.fatalities.best, strike.fatalities.approximate) == (42, False)
    assert strike.certainty == "asserted"


def test_a_negated_sentence_makes_no_event_that_happened(article):
    targeted = event_with(article, "targeted")
    assert targeted.certainty == "negated"
    assert [t.name for t in targeted.targets] == ["nearby market"]


def test_a_threat_is_threaten_and_what_is_threatened_did_not_happen(article):
    assert event_with(article, "threatened").plover == "THREATEN"
    assert event_with(article, "attack").certainty == "hypothetical"


def test_another_incident_stays_apart(article):
    arrest = event_with(article, "arrested")
    assert (arrest.plover, arrest.mode, arrest.acled_sub_event_type) == (
        "COERCE",
        "arrest",
        "Arrests",
    )
    assert arrest.actor2.name == "five men"


def test_an_undated_event_ends_at_its_statement_time(article):
    # "an army spokesman said Tuesday": the week up to Tuesday 9 March, not to publication.
    strike = event_with(article, "killed")
    assert (strike.date.earliest, strike.date.latest, strike.date.precision) == (
        "2021-03-02",
        "2021-03-09",
        "week",
    )


def test_without_any_time_an_undated_event_ends_at_publication(pipeline):
    doc = pipeline(
        Document.from_input("Gunmen attacked a police post in Garo.", published=PUBLISHED)
    )
    attack = event_with(doc, "attacked")
    assert (attack.date.earliest, attack.date.latest) == ("2021-03-03", PUBLISHED)


def test_without_a_publication_date_an_undated_event_ends_at_the_dateline_date(pipeline):
    # A plain text file has no publication date; its dateline writes one, and the times
    # layer counts from it, so the event layer does too.
    text = (
        "GARO, March 9, 2021 (Wire) - Gunmen attacked a police post in Garo, residents said.\n\n"
        "The gunmen set fire to two vehicles before fleeing."
    )
    doc = pipeline(Document.from_input(text))
    attack = event_with(doc, "attacked")
    assert (attack.date.earliest, attack.date.latest) == ("2021-03-02", "2021-03-09")
    assert times.anchor_day(doc) == dt.date(2021, 3, 9)


def test_a_participle_clause_takes_the_date_of_the_verb_it_hangs_on(pipeline):
    text = (
        "GARO, March 9, 2021 (Wire) - Hundreds of nurses protested outside the health ministry "
        "in Garo on Monday, accusing the minister of neglect."
    )
    doc = pipeline(Document.from_input(text))
    # (What they demand would be a part of the protest: an accusation is an event of its own.)
    accusation = event_with(doc, "accusing")
    assert (accusation.date.earliest, accusation.date.latest) == ("2021-03-08", "2021-03-08")


def test_without_any_date_an_event_stays_undated(pipeline):
    doc = pipeline(Document.from_input("GARO (Wire) - Gunmen attacked a police post in Garo."))
    assert times.anchor_day(doc) is None
    assert event_with(doc, "attacked").date is None


def test_own_date_statement_date_and_background(pipeline):
    doc = pipeline(Document.from_input(FIXTURE.read_text(encoding="utf-8"), published=PUBLISHED))
    tuesday = find(doc, "Tuesday")
    march = find(doc, "In March")
    doc.times = [
        Time(
            id="t-1",
            type="DATE",
            value="2021-03-09",
            earliest="2021-03-09",
            latest="2021-03-09",
            precision="day",
            evidence=[doc.span(*tuesday)],
        ),
        Time(
            id="t-2",
            type="DATE",
            value="2021-03",
            earliest="2021-03-01",
            latest="2021-03-31",
            precision="month",
            evidence=[doc.span(march[0] + 3, march[1])],
        ),
    ]
    recode(doc)
    # "said Tuesday" dates the statement: the strike happened in the week up to it.
    strike = event_with(doc, "killed")
    assert (strike.date.earliest, strike.date.latest) == ("2021-03-02", "2021-03-09")
    assert strike.date.evidence[0].text == "Tuesday"
    # A background event keeps its own date.
    kidnap = event_with(doc, "kidnapped")
    assert (kidnap.date.value, kidnap.date.precision) == ("2021-03", "month")


def test_certainty_and_source_come_from_the_claim(pipeline):
    doc = pipeline(Document.from_input(FIXTURE.read_text(encoding="utf-8"), published=PUBLISHED))
    lead = find(doc, "Government warplanes have killed at least 30 militia fighters")
    speaker = find(doc, "an army spokesman")
    said = find(doc, "said Tuesday")
    doc.claims = [
        Claim(
            id="cl-1",
            claimant=Source(name="an army spokesman", evidence=[doc.span(*speaker)]),
            cue=doc.span(said[0], said[0] + 4),
            status="claimed",
            evidence=[doc.span(*lead)],
        )
    ]
    recode(doc)
    strike = event_with(doc, "killed")
    assert strike.certainty == "claimed"
    assert strike.source.name == "an army spokesman"
    assert doc.claims[0].event_ids == [strike.id]


def test_every_span_reads_its_text_and_ids_are_stable(article, validate):
    data = article.to_dict()
    validate(data)
    assert all(e["id"].startswith("ev-") for e in data["events"])
    assert len({e["id"] for e in data["events"]}) == len(data["events"])


def test_lower_case_wire_text_codes_the_same(pipeline):
    text = FIXTURE.read_text(encoding="utf-8").lower()
    doc = pipeline(Document.from_input(text, published=PUBLISHED, clean=False))
    strikes = [e for e in doc.events if e.plover == "ASSAULT" and e.fatalities]
    assert [(e.mode, e.fatalities.best, e.certainty) for e in strikes] == [
        ("aerial", 42, "asserted")
    ]


def test_an_arrest_nobody_is_named_for_is_the_state_s(pipeline):
    from dateline.records import Place

    doc = pipeline(
        Document.from_input("Five men were arrested in Marsabit on Monday.", published=PUBLISHED)
    )
    at = find(doc, "Marsabit")
    doc.places = [
        Place(id="pl-1", name="Marsabit", country="KE", precision="town", mentions=[doc.span(*at)])
    ]
    recode(doc)
    arrest = event_with(doc, "arrested")
    assert (arrest.actor1.name, arrest.actor1.country) == ("authorities of Kenya", "KE")
    assert arrest.actor1.evidence[0].text == "arrested"


def test_an_assault_nobody_is_named_for_has_no_actor(pipeline):
    from dateline.records import Place

    doc = pipeline(
        Document.from_input("Five men were shot dead in Marsabit on Monday.", published=PUBLISHED)
    )
    at = find(doc, "Marsabit")
    doc.places = [
        Place(id="pl-1", name="Marsabit", country="KE", precision="town", mentions=[doc.span(*at)])
    ]
    recode(doc)
    assert event_with(doc, "shot").actor1 is None


def test_deaths_told_apart_join_their_assault(pipeline):
    text = "Gunmen attacked a bus station in Garo on Monday. Three people died in the attack."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    assert [e.trigger.text for e in doc.events] == ["attacked"]
    attack = doc.events[0]
    assert attack.fatalities.best == 3
    assert [(m.trigger.text, m.outcome) for m in attack.mentions] == [
        ("attacked", None),
        ("died", "killed"),
        ("attack", None),
    ]


def test_one_more_casualty_is_no_other_incident(pipeline):
    # "A fifth officer died": one more death of the blast told before, not another incident
    # (as "another bomb exploded" would be).
    text = (
        "A car bomb exploded outside a police station in Garo on Monday, killing four "
        "officers. A fifth officer died of his injuries."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    blast = event_with(doc, "exploded")
    assert ("died", "killed") in [(m.trigger.text, m.outcome) for m in blast.mentions]


def test_a_later_death_of_wounds_joins_its_assault_and_keeps_its_date(pipeline):
    # People die of their wounds weeks after the attack: the later date does not make the
    # death another incident, nor does it date the attack; a death told before the attack,
    # or of something else, stays apart.
    def deaths(second: str):
        text = (
            "A car bomb exploded outside a police station in Garo on 3 May 2004, killing "
            f"four officers. {second}"
        )
        doc = pipeline(Document.from_input(text, published="2004-07-01"))
        blast = event_with(doc, "exploded")
        assert blast.date is not None and blast.date.value == "2004-05-03"
        return [m.trigger.text for m in blast.mentions if m.outcome == "killed"]

    assert deaths("A fifth officer died on 2 June 2004 of injuries suffered in the blast.") == [
        "killing",
        "died",
    ]
    assert deaths("A fifth officer died on 2 June 2004 of cancer.") == ["killing"]
    assert deaths("A soldier died of his wounds on 1 April 2004.") == ["killing"]


def test_a_participle_s_mention_rests_on_the_doer_it_takes_from_its_main_clause(pipeline):
    text = (
        "A suicide bomber blew himself up at a checkpoint in Garo on Monday, killing six soldiers."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    attack = event_with(doc, "blew")
    killing = next(m for m in attack.mentions if m.trigger.text == "killing")
    assert [e.text for e in killing.evidence] == ["killing six soldiers", "suicide bomber"]
    # The main verb's own clause holds its subject already: nothing added.
    blew = next(m for m in attack.mentions if m.trigger.text == "blew")
    assert len(blew.evidence) == 1


def test_the_people_a_participle_tells_of_are_in_its_clause(pipeline):
    # "the six guards killed": the guards sit outside the participle's own phrase, yet the
    # clause of that telling of the attack holds them (its arguments are read there).
    text = (
        "Gunmen attacked a checkpoint near Garo on Monday. The governor sent condolences to the "
        "families of the six guards killed."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    attack = event_with(doc, "attacked")
    killed = [m for m in attack.mentions if m.trigger.text == "killed"]
    assert [m.evidence[0].text for m in killed] == ["the six guards killed"]


def test_shot_dead_tells_the_shooting_and_the_death_apart(pipeline):
    text = "A police officer was shot dead outside his home in Garo on Monday."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    shooting = event_with(doc, "shot")
    assert [(m.trigger.text, m.outcome) for m in shooting.mentions] == [
        ("shot", None),
        ("dead", "killed"),
    ]
    assert shooting.fatalities is not None and shooting.fatalities.best == 1


def test_a_death_alone_is_no_event(pipeline):
    doc = pipeline(
        Document.from_input("The former minister died in hospital on Monday.", published=PUBLISHED)
    )
    assert doc.events == []


def test_a_coordinated_toll_adds_up_and_says_who(pipeline):
    text = "Rebels killed 12 soldiers and five villagers near the dam."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    toll = event_with(doc, "killed").fatalities
    assert (toll.best, toll.combatants, toll.civilians) == (17, 12, 5)


def test_parties_to_a_deal_are_a_dyad(pipeline):
    text = (
        "The fighters left under a deal negotiated between the Jabal Front and the Amal movement."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    deal = event_with(doc, "deal")
    assert "Jabal Front" in deal.actor1.name
    assert "Amal" in deal.actor2.name


def test_a_coordinated_clause_dates_its_neighbour(pipeline):
    text = "His son was detained at the airport and sentenced in June to ten years in prison."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    arrest = event_with(doc, "detained")
    assert arrest.date.value.startswith("2020-06") or arrest.date.value.startswith("2021-06")


def test_a_caption_event_is_dated_by_its_caption_and_joins_the_body(pipeline):
    text = (
        "Deal moves fighters out of valley\n\n"
        "Fighters left the valley under an evacuation deal negotiated between the Jabal Front "
        "and the Amal movement, officials said.\n"
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED, clean=False))
    # A caption as the clean stage keeps it: meta.captions with its own parse.
    from dateline.document import Caption

    caption = "Fighters board buses on March 1, 2021 under the evacuation deal. (AFP)"
    doc.meta.captions = [Caption(text=caption)]
    doc.caption_sdocs = [pipeline.stages[pipeline.names.index("dateline.parse.v1")].nlp(caption)]
    day = caption.index("March 1, 2021")
    doc.times = [
        *doc.times,
        Time(
            id="t-c0-1",
            type="DATE",
            value="2021-03-01",
            earliest="2021-03-01",
            latest="2021-03-01",
            precision="day",
            evidence=[doc.span(day, day + len("March 1, 2021"), caption=0)],
        ),
    ]
    recode(doc)
    deals = [e for e in doc.events if e.plover == "AGREE"]
    assert len(deals) == 1
    assert deals[0].date.value == "2021-03-01"
    assert {m.trigger.caption for m in deals[0].mentions} == {None, 0}


def test_a_caption_event_is_located_like_a_body_event(pipeline):
    # Every event location carries the same fields, whichever text told the event.
    from dateline.document import Caption
    from dateline.records import Place

    doc = pipeline(Document.from_input("Officials gave no details.\n", clean=False))
    caption = "Police detained dozens of protesters in Mosul on March 1, 2021, officials said."
    doc.meta.captions = [Caption(text=caption)]
    doc.caption_sdocs = [pipeline.stages[pipeline.names.index("dateline.parse.v1")].nlp(caption)]
    at = caption.index("Mosul")
    doc.places = [
        Place(
            id="pl-c0-28",
            name="Mosul",
            geonames_id=99072,
            lat=36.335,
            lon=43.119,
            country="IQ",
            admin1="Ninawa",
            precision="town",
            mentions=[doc.span(at, at + len("Mosul"), caption=0)],
        )
    ]
    recode(doc)
    arrest = next(e for e in doc.events if e.trigger.caption == 0)
    assert arrest.location is not None
    assert (arrest.location.geonames_id, arrest.location.admin1) == (99072, "Ninawa")
    assert arrest.location.basis == "sentence"


def located(pipeline, text: str, trigger: str):
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    return event_with(doc, trigger).location


def test_a_place_in_an_actor_phrase_is_not_where_the_event_was(pipeline):
    text = (
        "The US-led coalition has killed dozens of militants in the middle of the Syrian "
        "desert, a US military official said Thursday."
    )
    location = located(pipeline, text, "killed")
    assert location is not None and location.country == "SY" and location.basis == "attached"


def test_a_road_from_one_town_to_another_is_located_where_it_leads(pipeline):
    text = (
        "Jets bombed the road leading from the town of Homs to the town of Hama on Monday, "
        "officials said."
    )
    location = located(pipeline, text, "bombed")
    assert location is not None and location.name == "Hama"


def test_the_subject_of_a_clause_is_who_not_where(pipeline):
    text = "Officials said Russia was not party to the deal."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    deals = [e for e in doc.events if e.trigger.text == "deal"]
    assert deals and all(e.location is None or e.location.name != "Russia" for e in deals)


def test_a_location_keeps_the_place_word_the_text_gives_it(pipeline):
    text = "Taliban fighters attacked a police post in Helmand Province on Monday, officials said."
    location = located(pipeline, text, "attacked")
    assert location is not None and location.name == "Helmand"
    assert [s.text for s in location.evidence] == ["Helmand", "Helmand Province"]


def test_a_name_is_also_read_without_its_titles(nlp):
    from dateline.coding.detect import make_arg
    from dateline.coding.events import _untitled

    sdoc = nlp("Gunmen killed Judge Maria Lopez Arango in her car.")
    head = [t for t in sdoc if t.text == "Arango"][0]
    arg = make_arg(head, "human")
    spans = _untitled(head, arg, frozenset({"judge"}))
    assert [sdoc.text[a:b] for a, b in spans] == ["Maria Lopez Arango"]
    assert _untitled(head, arg, frozenset()) == []


def test_one_referent_on_a_side_is_one_role_with_every_telling():
    from dateline.coding.events import _folded
    from dateline.coding.merge import Actor
    from dateline.records import Role, Span

    def told(name: str, entity: str | None, text: str, start: int) -> Actor:
        span = Span(start=start, end=start + len(text), text=text)
        role = Role(name=name, entity_id=entity, evidence=[span])
        return Actor(role=role, key=entity or name, specific=True, rank=3)

    fighters = told("People's Front", "ent-1", "fighters", 0)
    front = told("People's Front", "ent-1", "the front", 40)
    army = told("the army", None, "army", 80)
    kept = _folded([fighters, front, army])
    assert [a.role.name for a in kept] == ["People's Front", "the army"]
    assert [s.text for s in kept[0].role.evidence] == ["fighters", "the front"]


def test_fighters_told_by_a_common_noun_act_for_the_one_armed_group_named(pipeline):
    text = (
        "Guerrillas of the Shining Path ambushed an army truck near Ayacucho "
        "on Monday. The Shining Path said it wanted talks. On Tuesday, guerrillas blew up a bridge "
        "on the coastal highway, police said."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    blew = event_with(doc, "blew")
    side = [r.name for r in [blew.actor1, *blew.assoc_actor1] if r is not None]
    assert "Shining Path" in side, side
    (group,) = [r for r in blew.assoc_actor1 if r.name == "Shining Path"]
    assert group.evidence[0].text == "Shining Path"


def test_fighters_stay_unattributed_where_two_groups_are_named_alike(pipeline):
    text = (
        "The Shining Path and the Tupac Amaru Revolutionary Movement each claimed "
        "attacks last month. On Tuesday, guerrillas blew up a bridge on the coastal highway."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    blew = event_with(doc, "blew")
    assert [r.name for r in blew.assoc_actor1] == []


def test_a_news_agency_is_never_the_actor_a_description_points_back_at(pipeline, monkeypatch):
    from dateline.coding import events as coding_events
    from dateline.records import Entity

    doc = pipeline(
        Document.from_input("Guerrillas attacked a police post in Tula.", published=PUBLISHED)
    )
    agency = Entity(
        id="ent-agency", label="ORG", name="AFP", sector="MED", mentions=[doc.span(0, 10)]
    )

    doc.entities = [*doc.entities, agency]
    # A coreference slip, forced here: every phrase points back at the agency.
    monkeypatch.setattr(coding_events.actors, "referent", lambda *a, **k: agency)
    recode(doc)
    attacker = event_with(doc, "attacked").actor1
    assert attacker is not None
    assert (attacker.name, attacker.entity_id) == ("Guerrillas", None)


def test_an_assassination_of_a_police_officer_is_no_armed_clash(pipeline):
    text = "Gunmen assassinated two police officers in Tula on Monday."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    assassination = event_with(doc, "assassinated")
    assert assassination.acled_sub_event_type != "Armed clash"
    text = "Rebels fought two police officers in Tula on Monday."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    assert event_with(doc, "fought").acled_sub_event_type == "Armed clash"


def test_a_pronoun_names_no_target(pipeline):
    text = "Rebels found the old bridge on Monday and blew it up with dynamite."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    blew = event_with(doc, "blew")
    assert all(t.name.lower() not in ("it", "that") for t in blew.targets)
    text = "Rebels blew up the old bridge with dynamite on Monday."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    assert [t.name for t in event_with(doc, "blew").targets] == ["old bridge"]


def test_people_wounded_after_a_left_out_auxiliary_are_acted_on(pipeline):
    # "... were killed and five civilians [were] wounded": the second clause is passive too.
    text = (
        "Two guards were killed and three passengers wounded when the bus was attacked near Tula."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    killed = event_with(doc, "killed")
    assert killed.actor1 is None
    assert "three passengers" in [r.name for r in (killed.actor2, *killed.assoc_actor2) if r]
    assert killed.injured is not None and killed.injured.best == 3


def side_of(event) -> list[str]:
    return [r.name for r in [event.actor1, *event.assoc_actor1] if r is not None]


def test_an_attack_that_names_no_attacker_takes_those_of_the_attack_just_told(pipeline):
    text = (
        "terrorists bombed two embassies in garo tonight. meanwhile, two bombs were thrown at "
        "a diplomatic car parked near the foreign ministry."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    thrown = event_with(doc, "thrown")
    assert side_of(thrown) == ["terrorists"], side_of(thrown)
    # The evidence is where the text names them, in the sentence before.
    assert thrown.actor1 is not None
    assert thrown.actor1.evidence[0].start == text.index("terrorists")


def test_attackers_are_not_carried_to_an_attack_told_far_later(pipeline):
    text = (
        "terrorists bombed two embassies in garo tonight. the embassies had been closed since "
        "friday. the ministry said staff were safe. residents said the city had been calm. "
        "meanwhile, two bombs were thrown at a diplomatic car parked near the foreign ministry."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    assert event_with(doc, "thrown").actor1 is None


def test_attackers_are_not_carried_to_an_incident_of_another_date(pipeline):
    text = (
        "Soldiers clashed with rebels near the border on Friday, the army said. "
        "In January, hundreds of traders protested in Garo against a wave of kidnappings "
        "on the road to the coast."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    kidnappings = event_with(doc, "kidnappings")
    assert kidnappings.actor1 is None, side_of(kidnappings)


def test_an_attack_takes_the_attackers_a_nearby_sentence_names_by_what_they_did(pipeline):
    text = (
        "A judge was shot dead outside his home in Garo on Monday. "
        "The assailants fled on a motorcycle, police said."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    shot = event_with(doc, "shot")
    assert shot.actor1 is not None and "assailants" in shot.actor1.name.lower(), side_of(shot)
    assert shot.actor1.evidence[0].text.lower().endswith("assailants")


def test_the_organisation_named_in_the_attackers_phrase_joins_their_side(pipeline):
    text = "a unit of the fmln blew up a bridge in garo on monday, police said."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    blew = event_with(doc, "blew")
    assert side_of(blew)[-1] == "fmln", side_of(blew)
    group = blew.assoc_actor1[-1]
    assert group.evidence[0].start == text.index("fmln")


def test_an_owner_before_the_attackers_unit_is_not_added_again(pipeline):
    # "the IRA's Belfast brigade": the unit is told by its owner's name and stays as the phrase
    # tells it (a cell "of" a group is another matter, see the test above).
    text = "The IRA's Belfast brigade detonated a bomb in a pub on Monday, police said."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    detonated = event_with(doc, "detonated")
    assert side_of(detonated) == ["IRA's Belfast brigade"], side_of(detonated)


def test_no_one_is_never_an_actor(pipeline):
    text = (
        "terrorists bombed two embassies in garo tonight, police said. "
        "no one has claimed responsibility for the attacks."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    names = [n.lower() for e in doc.events for n in side_of(e)]
    assert "terrorists" in names and "no one" not in names, names


@pytest.mark.parametrize(
    "told",
    [
        "police said the killers belong to the popular liberation army.",
        "police said the gunmen were members of the popular liberation army.",
    ],
)
def test_the_group_the_attackers_belong_to_joins_their_side(pipeline, told):
    text = f"gunmen shot and killed a town councilor in the market on monday. {told}"
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    killed = [e for e in doc.events if e.plover == "ASSAULT"][0]
    names = [n.lower() for n in side_of(killed)]
    assert any("popular liberation army" in n for n in names), names


def test_a_group_the_victims_belong_to_does_not_join_the_attackers(pipeline):
    text = (
        "gunmen shot and killed two peasants who belong to the popular liberation army "
        "in the market on monday, police said."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    killed = [e for e in doc.events if e.plover == "ASSAULT"][0]
    names = [n.lower() for n in side_of(killed)]
    assert not any("popular liberation army" in n for n in names), names


def test_victims_named_in_a_later_sentence_are_acted_on(pipeline):
    text = (
        "a bomb exploded outside a bakery in the port on monday, killing two people. "
        "the victims were identified as ernesto villatoro garcia and leticia amaya."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    exploded = [e for e in doc.events if e.plover == "ASSAULT"][0]
    acted_on = [r.name for r in (exploded.actor2, *exploded.assoc_actor2) if r is not None]
    assert {"ernesto villatoro garcia", "leticia amaya"} <= set(acted_on), acted_on
    assert not any("villatoro" in n for n in side_of(exploded))


def test_people_identified_as_anything_but_victims_are_not_acted_on(pipeline):
    text = (
        "a bomb exploded outside a bakery in the port on monday, killing two people. "
        "the bombers were identified as ernesto villatoro garcia and leticia amaya."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    exploded = [e for e in doc.events if e.plover == "ASSAULT"][0]
    acted_on = [r.name for r in (exploded.actor2, *exploded.assoc_actor2) if r is not None]
    assert not any("villatoro" in n for n in acted_on), acted_on


def test_victims_listed_after_a_named_victim_are_acted_on_too(pipeline):
    text = (
        "a car bomb exploded under a bridge in the capital on monday, killing ernesto "
        "villatoro garcia, 42; leticia amaya, 19; and ramon cabrera soto, police said."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    exploded = [e for e in doc.events if e.plover == "ASSAULT"][0]
    acted_on = [r.name for r in (exploded.actor2, *exploded.assoc_actor2) if r is not None]
    assert {"ernesto villatoro garcia", "leticia amaya", "ramon cabrera soto"} <= set(acted_on), (
        acted_on
    )


@pytest.mark.parametrize(
    "text",
    [
        "unknown men abducted a young couple, ernesto villatoro garcia and leticia amaya, as "
        "they were leaving their home in the capital.",
        "Unknown men abducted a young couple, Ernesto Villatoro Garcia and Leticia Amaya, as "
        "they were leaving their home in the capital.",
    ],
)
def test_people_named_after_a_description_of_them_are_acted_on(pipeline, text):
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    kidnapped = [e for e in doc.events if e.plover == "ASSAULT"][0]
    acted_on = [r.name.lower() for r in (kidnapped.actor2, *kidnapped.assoc_actor2) if r]
    assert {"ernesto villatoro garcia", "leticia amaya"} <= set(acted_on), acted_on


def test_a_person_who_reports_after_the_victims_is_not_acted_on(pipeline):
    text = "rebels killed two soldiers near the dam on monday, colonel ramon cabrera soto said."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    killed = [e for e in doc.events if e.plover == "ASSAULT"][0]
    acted_on = [r.name.lower() for r in (killed.actor2, *killed.assoc_actor2) if r]
    assert not any("cabrera" in n for n in acted_on), acted_on


def test_civilians_hit_with_a_guard_are_no_armed_clash(pipeline):
    text = (
        "Soldiers shot two peasants and a guard of the cooperative at a checkpoint near "
        "Tula on Monday."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    shot = event_with(doc, "shot")
    assert shot.acled_sub_event_type != "Armed clash", [
        (r.name, r.actor_type) for r in (shot.actor2, *shot.assoc_actor2) if r
    ]


def test_each_telling_keeps_the_place_its_clause_names(pipeline):
    # One bombing told twice, each telling with its own place: the event keeps one location,
    # each mention the place its own phrase names (a place noun as well as a name).
    text = (
        "A car bomb exploded in Kandahar on Monday. The worst blast was at the crowded bus "
        "station, where six people were killed."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    (bombing,) = [e for e in doc.events if e.plover == "ASSAULT"]
    told = {m.trigger.text: m.location for m in bombing.mentions}
    assert told["exploded"] is not None and told["exploded"].name == "Kandahar"
    assert told["exploded"].place_id is not None  # the gazetteer's Kandahar, geocoded
    station = told["blast"]
    assert station is not None and station.place_id is None
    assert "station" in [span.text for span in station.evidence]
    assert all(doc.text[s.start : s.end] == s.text for s in station.evidence)
    assert told["killed"] is not None and "station" in told["killed"].name


def test_deaths_told_before_the_attack_they_belong_to_join_it(pipeline):
    text = "Rebels seized the town hall on Monday. Dozens died in the attacks that followed."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    (attacks,) = [e for e in doc.events if e.plover == "ASSAULT"]
    assert sorted((m.trigger.text, m.outcome) for m in attacks.mentions) == [
        ("attacks", None),
        ("died", "killed"),
    ]
    assert attacks.trigger.text == "attacks"


def _assaults(doc: Document) -> list[tuple[str, str | None, list[str]]]:
    return [
        (e.trigger.text, e.mode, [m.trigger.text for m in e.mentions])
        for e in doc.events
        if e.plover == "ASSAULT"
    ]


def test_another_bomb_is_another_incident(pipeline):
    # Two blasts told in consecutive sentences with nothing in common but their kind: the
    # second is "another" one, so it is a second incident, not a detail of the first.
    text = (
        "A bomb exploded outside a bank in Garo on Monday, shattering its windows. "
        "Another bomb exploded near a bus depot an hour later."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    blasts = [a for a in _assaults(doc) if a[1] == "explosives"]
    assert len(blasts) == 2, _assaults(doc)


def test_in_other_attacks_opens_another_incident(pipeline):
    text = (
        "Gunmen attacked a police post in Garo on Monday, the interior ministry said. "
        "In other attacks, the gunmen shot two farmers."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    assert len(_assaults(doc)) == 2, _assaults(doc)


def test_the_fire_set_during_a_raid_is_an_arson_of_its_own(pipeline):
    # "attacked ... and set fire to": MUC-style incident lists and ACLED alike keep the
    # arson apart from the raid it ended, rather than turning the raid into an arson.
    text = (
        "Rebels attacked a farm near Garo on Monday and set fire to its warehouse, the army said."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    modes = sorted(str(mode) for _, mode, _ in _assaults(doc))
    assert "arson" in modes and len(modes) == 2, _assaults(doc)


def test_a_participle_after_a_noun_acts_on_it(pipeline):
    # "the soldiers killed" (tagged as a past tense) and "the gunman, ... shot dead by
    # police" (hung on the noun as an apposition): the noun is who was killed, not the killer.
    text = (
        "The army sent condolences to the families of the six soldiers killed and of all "
        "those injured in the rebel attack near Garo on Monday."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    assert doc.events
    for event in doc.events:
        killers = [r.name for r in [event.actor1, *event.assoc_actor1] if r is not None]
        assert not any("soldiers" in k for k in killers), killers
    text = "The gunman, a 31-year-old man - shot dead by police - had fired on a market."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    shot = event_with(doc, "shot")
    assert shot.actor1 is not None and shot.actor1.name.lower() == "police"
    assert shot.actor2 is not None and "gunman" in shot.actor2.name


def test_a_telling_keeps_every_place_it_names(pipeline):
    # "at the bus station and the central market": two places; "in Helmand Province,
    # Afghanistan": the place and the country around it.
    text = (
        "Two bombs exploded at the bus station and the central market of Garo on Friday.\n\n"
        "Gunmen attacked an army camp in Helmand Province, Afghanistan, on Monday."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    told = {
        m.trigger.text: [p.name for p in ([m.location] if m.location else []) + m.places]
        for e in doc.events
        for m in e.mentions
    }
    assert "central market" in " ".join(told["exploded"]), told
    assert len(told["exploded"]) == 2, told
    assert any("Afghanistan" in p for p in told["attacked"]), told
    assert len(told["attacked"]) == 2, told


def test_those_a_with_phrase_tells_were_hurt_are_in_the_clause_of_the_injury(pipeline):
    text = (
        "Six soldiers were killed in Garo on Monday with two other soldiers and a driver injured."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    injured = [m for e in doc.events for m in e.mentions if m.trigger.text == "injured"]
    assert injured and "two other soldiers" in injured[0].evidence[0].text


def test_a_capital_at_the_start_of_a_sentence_names_no_owner_of_the_bombs(pipeline):
    text = (
        "GARO, May 2 (Reuters) - A friend of the marathon bombing suspect was convicted on "
        "Friday. Twin bombs exploded near the finish line of the race in April last year, "
        "killing three people."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    blast = event_with(doc, "exploded")
    assert blast.actor1 is None, blast.actor1


def test_injuries_people_are_counted_as_suffering_are_a_telling_of_the_blast(pipeline):
    text = (
        "GARO, May 2 (Reuters) - A parcel bomb exploded on a busy street in Garo on Friday. "
        "Regional authorities said 13 people had suffered minor injuries."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    blast = event_with(doc, "exploded")
    assert ("injuries", "injured") in [(m.trigger.text, m.outcome) for m in blast.mentions]
    assert blast.injured is not None and blast.injured.best == 13


def test_a_list_the_parser_reads_as_an_apposition_was_hurt_whole(pipeline):
    # "eight women, a girl and four men injured": the parser hangs "a girl and four men" on
    # "women" as an apposition; all of them were hurt.
    text = (
        "GARO, May 2 (Reuters) - A parcel bomb exploded on a busy street in Garo on Friday. "
        "There were eight women, a 10-year-old girl and four men injured."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    blast = event_with(doc, "exploded")
    hurt = [r.name for r in [blast.actor2, *blast.assoc_actor2] if r is not None]
    assert any("women" in name for name in hurt), hurt


# -- issue #11: parts of an event, and deaths after a response --------------------------------


def test_a_siege_and_the_later_deaths_belong_to_the_storming(pipeline):
    text = (
        "GARO, May 4, 2021 (Wire) - Gunmen stormed a bank in Garo on Monday morning, police "
        "said, and troops were fighting to end the siege in the afternoon.\n\n"
        "At least five people had been killed, a police officer said."
    )
    doc = pipeline(Document.from_input(text))
    storm = event_with(doc, "stormed")
    assert [m.trigger.text for m in storm.mentions] == ["stormed", "siege", "killed"]
    assert [m.plover for m in storm.mentions] == ["ASSAULT", "COERCE", "ASSAULT"]
    assert storm.fatalities.best == 5
    assert not [e for e in doc.events if e.plover == "COERCE"]
    assert event_with(doc, "fighting").fatalities is None


def test_what_the_protesters_do_is_part_of_their_protest(pipeline):
    text = (
        "TARKO, May 4, 2021 (Wire) - Hundreds of nurses protested outside the health ministry in "
        "Tarko on Monday. The protesters blocked a main avenue for an hour before leaving."
    )
    doc = pipeline(Document.from_input(text))
    assert [(e.plover, [m.trigger.text for m in e.mentions]) for e in doc.events] == [
        ("PROTEST", ["protested", "blocked"])
    ]
    assert doc.events[0].targets == []  # the avenue is the blockade's, not the protest's


def test_a_road_blocked_by_police_near_a_protest_is_no_part_of_it(pipeline):
    text = (
        "TARKO, May 4, 2021 (Wire) - Hundreds of nurses protested outside the health ministry in "
        "Tarko on Monday. Police blocked a main avenue for an hour."
    )
    doc = pipeline(Document.from_input(text))
    assert sorted(e.plover for e in doc.events) == ["COERCE", "PROTEST"]


def test_a_participle_clause_of_a_march_is_part_of_it(pipeline):
    text = (
        "TARKO, May 4, 2021 (Wire) - Thousands of students marched through Tarko on Monday, "
        "blocking the main road to the airport."
    )
    doc = pipeline(Document.from_input(text))
    assert [(e.plover, [m.trigger.text for m in e.mentions]) for e in doc.events] == [
        ("PROTEST", ["marched", "blocking"])
    ]


def test_damage_done_with_a_strike_and_the_strikes_told_again_are_that_strike(pipeline):
    text = (
        "TARKO, May 4, 2021 (Wire) - Warplanes struck rebel positions near Tarko on Sunday. "
        "The aircraft killed 14 fighters and destroyed two ammunition depots, the army said. "
        "The strikes on Sunday also hit a fuel store, a local official said."
    )
    doc = pipeline(Document.from_input(text))
    strike = event_with(doc, "struck")
    assert [m.trigger.text for m in strike.mentions] == ["struck", "killed", "destroyed", "strikes"]
    assert (strike.mode, strike.acled_sub_event_type) == ("aerial", "Air/drone strike")
    assert len(doc.events) == 1


def test_the_dead_a_side_lost_are_counted_for_its_clash(pipeline):
    text = (
        "MIRO, May 4, 2021 (Wire) - Government troops fought rebels outside Miro on Sunday, "
        "losing four soldiers, the army said."
    )
    doc = pipeline(Document.from_input(text))
    clash = event_with(doc, "fought")
    assert clash.fatalities.best == 4
    assert clash.actor2 is not None and clash.actor2.name == "rebels"


def test_a_siege_of_a_place_is_a_siege_of_its_own(pipeline):
    text = (
        "MARA, May 4, 2021 (Wire) - Artillery fire killed five civilians in Mara on Monday, "
        "officials said. The siege of the city has lasted three months."
    )
    doc = pipeline(Document.from_input(text))
    assert sorted(e.plover for e in doc.events) == ["ASSAULT", "COERCE"]
    assert event_with(doc, "fire").fatalities.best == 5
