"""Configuration: shipped defaults (``resources/default.toml``) plus an optional user file.

A user TOML file overrides only the keys it sets. The merged settings are hashed so that a
stored result can say which configuration made it.
"""

from __future__ import annotations

import copy
import hashlib
import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

Config = dict[str, Any]


def default_config() -> Config:
    """The shipped defaults."""
    text = resources.files("dateline").joinpath("resources/default.toml").read_text("utf-8")
    return tomllib.loads(text)


def merge(base: Config, override: Config) -> Config:
    """``base`` with the keys of ``override`` replacing its own, table by table."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def load_config(path: str | Path | None = None, overrides: Config | None = None) -> Config:
    """The defaults, overridden by the TOML file at ``path`` and then by ``overrides``."""
    config = default_config()
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text("utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the config file: {exc.strerror}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file") from exc
        unknown = sorted(set(user) - set(config))
        if unknown:
            raise ConfigError(
                f"{path}: unknown section(s) {', '.join(unknown)}; "
                f"known sections are {', '.join(sorted(config))}"
            )
        config = merge(config, user)
    if overrides:
        config = merge(config, overrides)
    return config


def config_hash(config: Config) -> str:
    """A short, stable hash of the settings, for provenance."""
    blob = json.dumps(config, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:12]
