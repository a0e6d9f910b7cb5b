"""Nouns of blame between a verb of blame and the event: "accused the rebels of
responsibility for the bombing", "two men suspected of involvement in the murder" make the
blamed the event's agents; "accused the army of involvement" names the army, not "army of
involvement"; and "police raided houses in search of X" makes the police the searchers."""

from __future__ import annotations

from .conftest import texts


def _event(found, plover="ASSAULT"):
    return next(m for m in found if m.plover == plover)


def test_accused_of_responsibility_for_the_bombing(mentions):
    text = "The governor accused the guerrillas of responsibility for the bombing of the bank."
    assert texts(text, _event(mentions(text)).agents) == ["guerrillas"]


def test_suspected_of_involvement_in_the_assassination(mentions):
    text = "Police arrested two men suspected of involvement in the assassination of the judge."
    assault = _event(mentions(text))
    assert texts(text, assault.agents) == ["two men"]
    assert texts(text, assault.patients) == ["judge"]


def test_suspects_as_subject_of_the_arrest(mentions):
    text = "Three youths suspected of involvement in the killing of the mayor were detained."
    assert texts(text, _event(mentions(text)).agents) == ["Three youths"]


def test_accused_of_complicity_in_the_murder(mentions):
    text = "Two policemen were accused of complicity in the murder of the union leader."
    assert texts(text, _event(mentions(text)).agents) == ["Two policemen"]


def test_charged_with_complicity_in_the_kidnapping(mentions):
    text = "Prosecutors charged the mayor with complicity in the kidnapping of the banker."
    assert texts(text, _event(mentions(text)).agents) == ["mayor"]


def test_denied_involvement_names_no_one(mentions):
    text = "The army denied any involvement in the massacre."
    assert texts(text, _event(mentions(text)).agents) == []


def test_the_army_of_involvement_stops_at_the_army(mentions):
    text = "The bishop accused the army of involvement in the massacre of peasants."
    found = mentions(text)
    assert texts(text, _event(found).agents) == ["army"]
    assert texts(text, _event(found, "ACCUSE").patients) == ["army"]


def test_members_of_the_army_of_involvement(mentions):
    text = "The priest accused members of the army of involvement in the massacre."
    assert "members of the army" in texts(text, _event(mentions(text)).agents)


def test_the_army_of_national_liberation_keeps_its_name(mentions):
    text = "The army of national liberation attacked the garrison."
    assert texts(text, _event(mentions(text)).agents) == ["army of national liberation"]


def test_raided_houses_in_search_of_the_kidnappers(mentions):
    text = "Police raided houses in search of the kidnappers."
    search = _event(mentions(text), "ACCUSE")
    assert texts(text, search.agents) == ["Police"]
    assert texts(text, search.patients) == ["kidnappers"]


def test_raided_by_police_in_search_of(mentions):
    text = "Several farms were raided by troops in search of the rebel leader."
    assert texts(text, _event(mentions(text), "ACCUSE").agents) == ["troops"]


def test_a_role_in_the_search_for_peace_searches_nothing(mentions):
    text = "The bishop said the church has a different role to play in the search for peace."
    found = [m for m in mentions(text) if m.plover == "ACCUSE"]
    assert all(texts(text, m.agents) == [] for m in found)


# -- a side hit in one telling that acts in the next: two incidents ---------------------

REPORT = (
    "SAN MIGUEL, 6 MAR 90 (ACAN-EFE) -- An army spokesman said today that an army patrol "
    "clashed with a rebel column near the Lempa river and inflicted two casualties on the "
    "rebels, who fled to the hills. He also reported that guerrillas killed a farmer in the "
    "town of Santa Rosa and burned a bus."
)


def _events_of(doc, trigger):
    return [e for e in doc.events if e.trigger.text == trigger]


def test_the_clash_and_the_rebels_killing_are_two_incidents(pipeline):
    doc = pipeline(REPORT)
    clash, killing = _events_of(doc, "clashed"), _events_of(doc, "killed")
    assert len(clash) == 1 and len(killing) == 1
    assert killing[0].actor1 is not None and killing[0].actor1.name == "guerrillas"
    assert clash[0].actor1 is not None and "patrol" in clash[0].actor1.name


def _side_draft(at, sentence, agents, patients):
    from dateline.coding.merge import Actor, Draft
    from dateline.records import Role, Span

    text = "x" * 500

    def actor(name, side):
        role = Role(name=name, evidence=[Span.of(text, 0, 1)])
        return Actor(role=role, key=name, specific=False, rank=1, side=side)

    return Draft(
        plover="ASSAULT",
        mode=None,
        acled=None,
        trigger=Span.of(text, at, at + 1),
        sentence=sentence,
        order=at,
        certainty="asserted",
        source=None,
        claim_ids=[],
        evidence=[Span.of(text, at, at + 1)],
        agents=[actor(*a) for a in agents],
        patients=[actor(*p) for p in patients],
        sentences={sentence},
        last_order=at,
        sentence_rank=sentence,
        last_sentence_rank=sentence,
        mention_keys={(None, at)},
    )


def test_the_side_hit_acting_on_others_is_kept_apart():
    from dateline.coding.merge import keep_apart

    clash = _side_draft(0, 0, [("patrol", "state_forces")], [("rebels", "armed_group")])
    killing = _side_draft(90, 1, [("guerrillas", "armed_group")], [("farmer", None)])
    assert keep_apart().clash(clash, killing)


def test_the_side_hit_striking_back_is_not_kept_apart():
    from dateline.coding.merge import keep_apart

    clash = _side_draft(0, 0, [("patrol", "state_forces")], [("rebels", "armed_group")])
    back = _side_draft(90, 1, [("guerrillas", "armed_group")], [("soldiers", "state_forces")])
    assert not keep_apart().clash(clash, back)
