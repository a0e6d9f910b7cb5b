"""An attack told as the matter of a legal or investigative act ("charged with the murder
of X", "the trial for the massacre", "investigating the kidnapping") refers to an earlier
incident: it joins that incident when the report told it, else it is background, with a
salience under what an incident list takes (issue #11)."""

from __future__ import annotations

from dateline.coding.lexicon import lexicon
from dateline.coding.modality import background_of
from dateline.document import Document


def _background(nlp, text: str, word: str) -> bool:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return background_of(token, lexicon())


def test_the_matter_of_a_charge_is_background(nlp):
    assert _background(nlp, "He was charged with the murder of a judge in 1987.", "murder")


def test_the_matter_of_a_trial_is_background(nlp):
    text = "The trial of the men accused of the massacre opened on Monday."
    assert _background(nlp, text, "massacre")


def test_the_object_of_an_investigation_is_background(nlp):
    assert _background(nlp, "Police are investigating the kidnapping of the mayor.", "kidnapping")
    assert _background(nlp, "An inquiry into the bombing of the bank was opened.", "bombing")


def test_a_compound_of_a_legal_noun_is_background(nlp):
    assert _background(nlp, "The murder trial of the former colonel resumed.", "murder")


def test_a_claim_of_responsibility_tells_the_attack_itself(nlp):
    text = "The rebels claimed responsibility for the bombing of the power station."
    assert not _background(nlp, text, "bombing")


def test_a_told_attack_is_not_background(nlp):
    assert not _background(nlp, "Gunmen killed a judge in the capital on Monday.", "killed")


def test_a_reference_alone_is_low_salience_but_a_told_incident_keeps_its_own(pipeline):
    text = (
        "CARACAS, March 3 (AP) - The supreme court today upheld the sentence of two former "
        "policemen convicted of the murder of a union leader. The judges read the ruling in "
        "a brief session."
    )
    doc = pipeline(Document.from_input(text, published="1990-03-03"))
    murders = [e for e in doc.events if e.plover == "ASSAULT" and e.trigger.text == "murder"]
    assert murders and all(e.salience is not None and e.salience < 0.3 for e in murders)


def test_a_reference_after_the_telling_joins_the_incident(pipeline):
    text = (
        "BOGOTA, May 2 (AP) - Gunmen shot dead a union leader outside his home in Cali on "
        "Tuesday, police said. Two men were charged with the murder of the union "
        "leader, a police spokesman said."
    )
    doc = pipeline(Document.from_input(text, published="1990-05-02"))
    assaults = [e for e in doc.events if e.plover == "ASSAULT"]
    assert len(assaults) == 1
    assert assaults[0].salience is not None and assaults[0].salience >= 0.3
