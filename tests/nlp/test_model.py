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
