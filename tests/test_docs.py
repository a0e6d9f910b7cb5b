"""Docs cannot drift: the CLI reference is generated, every command, config key and stage
is documented."""

from __future__ import annotations

import pytest

from dateline.cli import cli
from dateline.clidoc import cli_reference
from dateline.config import default_config
from dateline.registry import stages

from .conftest import ROOT


def _flatten(config, prefix=""):
    for key, value in config.items():
        if key == "plugins":  # plugin settings are the plugins' own to document
            continue
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield prefix + key


def test_cli_reference_is_up_to_date():
    # Regenerate with: python -m dateline.clidoc > docs/cli.md
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_reference()


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command):
    assert f"dateline {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("key", sorted(_flatten(default_config().to_dict())))
def test_every_config_key_is_documented(key):
    assert f"`{key}`" in (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", stages.names())
def test_every_stage_is_documented(name):
    assert f"`{name}`" in (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_readme_quick_start_has_exactly_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
