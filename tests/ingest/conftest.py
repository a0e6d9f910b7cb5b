"""Shared fixtures for the ingestion tests: the fixture folder, config and the two stages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.config import Config, load_config
from dateline.document import Document
from dateline.registry import stages

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ingest"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config()


@pytest.fixture(scope="session")
def clean_stage(config: Config) -> Callable[[Document], Document]:
    return stages.get("dateline.clean.v1").factory(config)


@pytest.fixture(scope="session")
def language_stage(config: Config) -> Callable[[Document], Document]:
    return stages.get("dateline.language.v1").factory(config)
