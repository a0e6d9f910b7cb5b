"""Configuration: a typed model whose defaults live in ``resources/default.toml`` only.

A user TOML file overrides only the keys it sets. The merged settings are validated section
by section (a misspelled key or a wrong type is an error naming the file and the key) and
hashed, so that every output can say which configuration made it.

Each section is a class here; its defaults are in ``resources/default.toml`` and nowhere
else, so code reads ``config.parse.batch_size`` and never repeats a default. A stage added by
a plugin keeps its own settings under ``[plugins.NAME]``, which dateline passes on unchecked.
"""

from __future__ import annotations

import copy
import hashlib
import json
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError


class Section(BaseModel):
    """One ``[table]`` of the configuration: known keys only, exact types, read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class ModelSettings(Section):
    """``[model]``: the spaCy pipeline, loaded by package name (nothing is downloaded)."""

    name: str = Field(min_length=1)


class InputSettings(Section):
    """``[input]``: what input is refused before any work is done on it."""

    max_bytes: int = Field(gt=0)
    max_control_ratio: float = Field(ge=0, le=1)


class LanguageSettings(Section):
    """``[language]``: the language the language-specific stages expect."""

    expected: str = Field(pattern=r"^[a-z]{2,3}$")
    min_chars: int = Field(ge=0)


class PipelineSettings(Section):
    """``[pipeline]``: the stages run over every document, in order."""

    stages: list[str] = Field(min_length=1)


class ParseSettings(Section):
    """``[parse]``: spaCy components added to the model, batching, long-text pieces."""

    components: list[str]
    batch_size: int = Field(ge=1)
    max_chunk_chars: int = Field(ge=1)
    keep_tensor: bool
    section_chars: int = Field(ge=1)


class TimesSettings(Section):
    """``[times]``: temporal expressions (stage ``dateline.times.v1``)."""

    # All-numeric dates whose first two numbers could both be the month (09/10/2017):
    # read day first (9 October) instead of month first (September 10).
    day_first: bool


class PlacesSettings(Section):
    """``[places]``: toponyms, gazetteer and geolocation (stage ``dateline.places.v1``)."""

    demonyms: bool
    relative: bool
    # The trained candidate ranker (JSON of `dateline gazetteer train`); "" = shipped.
    ranker: str
    # A name's best reading below this confidence (0-1) is left without coordinates.
    min_confidence: float = Field(ge=0, le=1)


class ActorsSettings(Section):
    """``[actors]``: actor recognition, dictionary and coreference."""

    # More actor dictionary files (TSV), read after the shipped ones (docs/actors.md).
    extra_dictionaries: list[str]


class QuotesSettings(Section):
    """``[quotes]``: direct and indirect quotes with their speakers."""

    speaker_lookback_chars: int = Field(ge=0)


class ClaimsSettings(Section):
    """``[claims]``: claims with claimant, cue and status."""

    group_paragraphs: int = Field(ge=0)
    response_paragraphs: int = Field(ge=0)


class EventsSettings(Section):
    """``[events]``: event detection and coding (PLOVER, ACLED)."""

    undated_window_days: int = Field(ge=0)
    news_day_max_days: int = Field(ge=0)
    merge_threshold: float
    caption_events: bool
    attacker_window_sentences: int = Field(ge=0)
    attacks_named_after_window_sentences: int = Field(ge=0)
    location_window_sentences: int = Field(ge=0)
    dateline_country: bool


class StoreMergeSettings(Section):
    """``[store.merge]``: when article events from several reports become one merged event."""

    enabled: bool
    threshold: float = Field(ge=0, le=1)
    min_identifying: float = Field(ge=0, le=1)
    max_group: int = Field(ge=2)
    stretch_days: int = Field(ge=1)
    date_slack_days: int = Field(ge=0)
    undated_days: int = Field(ge=0)
    max_window_days: int = Field(ge=0)
    radius_km: dict[str, float]
    weights: dict[str, float]


class StoreSettings(Section):
    """``[store]``: the corpus store ``dateline ingest`` writes and ``dateline events`` reads.

    Not part of the configuration hash: where results are kept and how they are merged does
    not change what is extracted from a document.
    """

    url: str = Field(min_length=1)
    commit_every: int = Field(ge=1)
    merge: StoreMergeSettings


class Config(Section):
    """The whole configuration; ``load_config`` builds it from the defaults and a user file."""

    model: ModelSettings
    input: InputSettings
    language: LanguageSettings
    pipeline: PipelineSettings
    parse: ParseSettings
    times: TimesSettings
    places: PlacesSettings
    actors: ActorsSettings
    quotes: QuotesSettings
    claims: ClaimsSettings
    events: EventsSettings
    store: StoreSettings
    plugins: dict[str, dict[str, Any]] = Field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The settings as plain data (what a TOML file would hold)."""
        return self.model_dump(mode="json")


@lru_cache(maxsize=1)
def _default_table() -> dict[str, Any]:
    text = resources.files("dateline").joinpath("resources/default.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def default_config() -> Config:
    """The shipped defaults (read-only, so one copy serves every caller)."""
    return validate(copy.deepcopy(_default_table()), where="resources/default.toml")


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with the keys of ``override`` replacing its own, table by table."""
    merged = copy.deepcopy(dict(base))
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def load_config(
    path: str | Path | None = None, overrides: Mapping[str, Any] | None = None
) -> Config:
    """The defaults, overridden by the TOML file at ``path`` and then by ``overrides``.

    Raises ``ConfigError`` naming the file and the key when a key is unknown or has the
    wrong type.
    """
    if path is None and not overrides:
        return default_config()
    table = copy.deepcopy(_default_table())
    where = "configuration"
    if path is not None:
        where = str(path)
        try:
            user = tomllib.loads(Path(path).read_text("utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the config file: {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{path}: not UTF-8 text ({exc.reason}); save it as UTF-8") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file") from exc
        table = merge(table, user)
    if overrides:
        table = merge(table, overrides)
    return validate(table, where=where)


def validate(table: Mapping[str, Any], *, where: str) -> Config:
    """The Config of a merged table; raises ``ConfigError`` saying which key is wrong."""
    try:
        return Config.model_validate(table)
    except ValidationError as exc:
        problems = [_describe(error) for error in exc.errors()]
        raise ConfigError(f"{where}: " + "; ".join(problems)) from None


def _describe(error: Mapping[str, Any]) -> str:
    loc = [str(part) for part in error.get("loc", ())]
    if not loc:
        return str(error.get("msg"))
    section = Config.model_fields.get(loc[0])
    if error.get("type") == "extra_forbidden":
        if len(loc) == 1:
            known = ", ".join(name for name in Config.model_fields if name != "plugins")
            return f"unknown section [{loc[0]}]; known sections are {known}"
        known_keys = _known_keys(section.annotation if section else None)
        return f"[{loc[0]}] {'.'.join(loc[1:])}: unknown key; known keys are {known_keys}"
    key = f"[{loc[0]}]" + (f" {'.'.join(loc[1:])}" if len(loc) > 1 else "")
    got = error.get("input")
    shown = "" if isinstance(got, Mapping) else f" (got {json.dumps(got, default=str)})"
    return f"{key}: {error.get('msg')}{shown}"


def _known_keys(model: Any) -> str:
    fields = getattr(model, "model_fields", {})
    return ", ".join(fields) if fields else "none"


def config_hash(config: Config) -> str:
    """A short, stable hash of the settings, written into every output's provenance."""
    settings = config.to_dict()
    settings.pop("store", None)  # where results are kept changes nothing in them
    blob = json.dumps(settings, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:12]
