"""People a "together with" / "along with" phrase adds share the role of those it is on."""

from __future__ import annotations

from .conftest import cores


def _one(mentions, text: str, mode: str | None = None):
    found = [m for m in mentions(text) if m.plover == "ASSAULT" and m.mode == mode]
    assert len(found) == 1, [(m.token.text, m.mode) for m in mentions(text)]
    return found[0]


def test_a_companion_of_the_hostages_was_taken_too(mentions):
    text = "The two engineers, together with a Canadian technician, were taken hostage on Monday."
    taken = _one(mentions, text, "abduct")
    assert "Canadian technician" in " ".join(cores(text, taken.patients))


def test_a_companion_after_the_object_was_acted_on(mentions):
    text = "Gunmen kidnapped the manager along with his wife and two sons."
    taken = _one(mentions, text, "abduct")
    assert cores(text, taken.agents) == ["Gunmen"]
    patients = " ".join(cores(text, taken.patients))
    assert "wife" in patients
    assert "sons" in patients


def test_a_companion_before_the_verb_acted(mentions):
    text = "Rebels, along with armed militiamen, attacked the police post."
    attack = _one(mentions, text)
    assert "militiamen" in " ".join(cores(text, attack.agents))
    assert not any("militiamen" in c for c in cores(text, attack.targets))
