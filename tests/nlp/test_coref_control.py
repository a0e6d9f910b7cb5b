"""A pronoun object of an infinitive is never the subject that infinitive takes from its verb
("police fired tear gas to disperse them": the police disperse, "them" is someone else);
a participle's object still may be ("officers received a circular advising them")."""

from __future__ import annotations

from dateline.document import Document


def referent_of(doc: Document, word: str, after: int = 0) -> str | None:
    start = doc.text.index(word, after)
    for entity in doc.entities:
        if any(m.start == start for m in entity.mentions):
            return entity.name
    return None


def test_them_is_not_the_subject_of_the_infinitive(pipeline):
    doc = pipeline(
        Document.from_input(
            "Protesters rallied in Nairobi on Tuesday, and police fired tear gas to disperse them."
        )
    )
    assert referent_of(doc, "them") == "Protesters"


def test_them_after_a_participle_can_be_the_subject(pipeline):
    doc = pipeline(
        Document.from_input(
            "Police officers in Madrid had received a circular advising them to stay indoors."
        )
    )
    assert referent_of(doc, "them") in ("Police", "Police officers")
