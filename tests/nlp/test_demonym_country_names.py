"""A country the text tells only by its people's name ("Afghan officials", then "the
government") is named as the country, not as "Afghan"."""

from __future__ import annotations

from dateline.document import Document


def test_a_country_told_by_demonym_only_is_named_as_the_country(pipeline):
    doc = pipeline(
        Document.from_input(
            "Afghan officials said 14 people were killed. The government condemned the attack."
        )
    )
    countries = [e for e in doc.entities if e.canonical == "Afghanistan"]
    assert countries and all(e.name == "Afghanistan" for e in countries)


def test_a_country_named_keeps_the_name_the_text_gives(pipeline):
    doc = pipeline(Document.from_input("The U.S. condemned the attack in Kabul on Friday."))
    assert any(e.name == "U.S." for e in doc.entities)
