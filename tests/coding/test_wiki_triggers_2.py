"""What a verb of striking says a blast or an attack hit was acted on: "an explosion ripped
through the market", "a blast shattered the windows of the court", "the embassy was rocked by
an explosion" (WikiEvents Target); the people a blast killed are not what it hit."""

from __future__ import annotations


def _hit(mentions, text: str, trigger: str) -> list[str]:
    found = [m for m in mentions(text) if m.token.text == trigger]
    assert found, [m.token.text for m in mentions(text)]
    return [a.head.text for a in (*found[0].targets, *found[0].patients)]


def test_a_blast_that_ripped_through_a_market_hit_it(mentions):
    text = "An explosion ripped through a crowded market in the northern town on Monday."
    assert _hit(mentions, text, "explosion") == ["market"]


def test_a_building_rocked_by_a_blast_was_hit(mentions):
    text = "The regional courthouse was rocked by a powerful blast early on Tuesday, police said."
    assert _hit(mentions, text, "blast") == ["courthouse"]


def test_the_windows_a_blast_shattered_say_which_building_it_hit(mentions):
    text = "A bomb blast shattered the windows of a girls' school in the provincial capital."
    assert _hit(mentions, text, "blast") == ["school"]


def test_those_a_blast_killed_are_not_what_it_hit(mentions):
    text = "The explosion killed four soldiers at the checkpoint on Sunday."
    assert "soldiers" not in _hit(mentions, text, "explosion")


def test_a_verb_of_striking_with_a_protest_as_subject_hits_nothing(mentions):
    text = "The protests shook the government of the small country last spring."
    assert all(not m.targets and not m.patients for m in mentions(text) if m.plover == "PROTEST")


def test_what_a_video_of_a_blast_circulated_on_was_not_hit(mentions):
    text = "A video said to show the explosion circulated on social media this week."
    assert _hit(mentions, text, "explosion") == []


def test_what_an_attack_was_launched_against_was_hit(mentions):
    text = "An attack launched against the army base on Friday was repelled."
    assert _hit(mentions, text, "attack") == ["base"]


def test_the_entrance_to_a_building_a_bomb_went_off_at_names_the_building(mentions):
    text = "A bomb exploded at the entrance to the tax office in the town on Friday."
    assert _hit(mentions, text, "exploded") == ["office"]


def test_where_a_device_was_put_is_where_it_went_off(mentions):
    text = "The device was placed outside the embassy and exploded an hour later."
    assert _hit(mentions, text, "exploded") == ["embassy"]


def test_a_capitalised_plural_opening_a_paragraph_is_still_an_event_noun(mentions):
    text = (
        'He said: "It is never ruled out, but I do not like it."\n'
        "   Shootings in Belfast had continued last night. In one incident, a man was killed."
    )
    found = [m for m in mentions(text) if m.token.text == "Shootings"]
    assert [m.plover for m in found] == ["ASSAULT"]


def test_a_name_that_opens_a_sentence_is_no_event_noun(mentions):
    text = "Burns said on Monday that the talks would resume in Geneva."
    assert all(m.token.text != "Burns" for m in mentions(text))
