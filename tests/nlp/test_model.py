from __future__ import annotations

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.config import default_config
from dateline.errors import ModelError
from dateline.nlp.model import load_model


def test_the_shipped_model_loads_by_its_configured_name():
    nlp = load_model(default_config().model.name)
    assert {"parser", "ner"} <= set(nlp.pipe_names)
    assert nlp.meta["version"] == "3.8.0"


def test_a_missing_model_says_how_to_install_it():
    with pytest.raises(ModelError, match="requirements/model.txt"):
        load_model("no_such_spacy_model_xyz")


def test_cli_reports_a_missing_model_in_one_line(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('[model]\nname = "no_such_spacy_model_xyz"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Troops moved into the city on Monday.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "--config", str(config)])
    assert result.exit_code == 1
    assert "no_such_spacy_model_xyz" in result.output
    assert "Traceback" not in result.output


LEAD = (
    "Nurses rally over unpaid wages\n\n"
    "TALLINGTON, Ruritania, May 4, 2031 (Northbound Wire) - Several hundred nurses marched "
    "through the centre of the city on Sunday, officials said.\n\n"
    "The march ended peacefully."
)


def test_sentences_start_after_the_dateline_and_at_paragraphs():
    config = default_config()
    nlp = load_model(config.model.name, tuple(config.parse.components))
    assert nlp.pipe_names.index("dateline_sentences") < nlp.pipe_names.index("parser")
    sdoc = nlp(LEAD)
    starts = [sent.text.split()[0] for sent in sdoc.sents if sent.text.strip()]
    assert starts[:4] == ["Nurses", "TALLINGTON,", "Several", "The"]
    marched = next(t for t in sdoc if t.text == "marched")
    assert marched.sent.text.startswith("Several hundred nurses marched")
    assert [c.text for c in marched.children if c.dep_ == "nsubj"] == ["nurses"]


def test_without_the_component_the_dateline_swallows_the_lead():
    # What the component is for: the bare model reads headline, dateline and lead as one
    # sentence, and gives the lead's verb the headline's subject as well as its own.
    sdoc = load_model(default_config().model.name)(LEAD)
    marched = next(t for t in sdoc if t.text == "marched")
    assert marched.sent.text.startswith("Nurses rally")
    assert [c.text for c in marched.children if c.dep_ == "nsubj"] != ["nurses"]
