"""Without capitals, an acronym in the actor dictionary matches one word only: "in a" is
not the Iraqi News Agency (INA), while "fmln" stays the FMLN."""

from __future__ import annotations

from dateline.document import Document


def _kbs(pipeline, text: str) -> dict[str, str]:
    doc = pipeline(Document.from_input(text, published="1990-01-10"))
    return {span.text: span.kb_id_ for span in doc.sdoc.spans["dateline.actors"]}


def test_words_run_together_are_no_acronym(pipeline):
    found = _kbs(pipeline, "in a statement, the ministry said the fmln attacked the bridge.")
    assert "in a" not in found
    assert found.get("fmln") == "entry:fmln"
