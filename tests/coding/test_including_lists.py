"""A long list after "including", with descriptions between its names, lists who was acted
on: the parser hangs it as a chain of appositions, every name of which is one of them
(issue #11, WikiEvents Detainee)."""

from __future__ import annotations

from dateline.document import Document


def _patients(nlp, mentions, text: str, trigger: str) -> list[str]:
    found = [m for m in mentions(text) if m.token.text == trigger]
    assert found, [m.token.text for m in mentions(text)]
    return [text[a.core_start : a.core_end] for a in found[0].patients]


LIST = (
    "Leftists known to be sympathetic to the group were arrested, including Eva Ruiz, "
    "wife of the communist playwright Alfonso Marin, Lidia Salas, the theatre director "
    "Vicente Sainz de la Torre, construction worker Antonio Diaz, pilot Bernardo Rey, "
    "the actress Maria Paz Soto, and the writer Eliseo Ortiz."
)


def test_every_name_of_the_list_was_arrested(nlp, mentions):
    found = " | ".join(_patients(nlp, mentions, LIST, "arrested"))
    for name in ("Lidia Salas", "Antonio Diaz", "Bernardo Rey", "Maria Paz Soto", "Eliseo Ortiz"):
        assert name in found, found


def test_the_name_a_relation_gives_is_not_listed(nlp, mentions):
    found = " | ".join(_patients(nlp, mentions, LIST, "arrested"))
    assert "Alfonso Marin" not in found


def test_a_place_in_the_list_is_nobody(nlp, mentions):
    text = "Gunmen killed five people, including two soldiers from Kabul, in an attack on Monday."
    found = _patients(nlp, mentions, text, "killed")
    assert "Kabul" not in found, found
    assert any(name.endswith("soldiers") for name in found), found


def test_the_listed_names_reach_the_event(nlp):
    from dateline.api import extract

    doc: Document = extract("MADRID, Sept 20 - " + LIST)
    arrest = next(e for e in doc.events if e.trigger.text == "arrested")
    names = [r.name for r in [arrest.actor2, *arrest.assoc_actor2] if r]
    assert "Eliseo Ortiz" in names and "Lidia Salas" in names, names
