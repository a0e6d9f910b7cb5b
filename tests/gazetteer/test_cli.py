from __future__ import annotations

from click.testing import CliRunner

from dateline.cli import cli


def test_lookup_ranks_what_a_name_may_refer_to():
    result = CliRunner().invoke(cli, ["gazetteer", "lookup", "Deir Ezzor", "--limit", "2"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Deir Ezzor: ")
    assert "(Deir ez-Zor, SY)" in lines[1]


def test_lookup_of_an_unknown_name_says_so():
    result = CliRunner().invoke(cli, ["gazetteer", "lookup", "Xyzzyqwv"])
    assert result.exit_code == 0
    assert "Xyzzyqwv: 0 candidate(s)" in result.output


def test_a_missing_index_is_one_line_naming_the_fix(tmp_path, monkeypatch):
    from dateline.gazetteer import index

    monkeypatch.setenv(index.ENV_VAR, str(tmp_path / "missing.sqlite"))
    result = CliRunner().invoke(cli, ["gazetteer", "lookup", "Mosul"])
    assert result.exit_code == 1
    assert "missing.sqlite" in result.output and "make setup" in result.output


def test_build_to_an_unwritable_place_is_a_clear_error(tmp_path, monkeypatch):
    from dateline.gazetteer import build

    def fail(*args, **kwargs):
        raise OSError("read-only file system")

    monkeypatch.setattr(build, "write_index", fail)
    monkeypatch.setattr(build, "load_sources", lambda: build.Sources(cities=[]))
    target = tmp_path / "g.sqlite"
    result = CliRunner().invoke(cli, ["gazetteer", "build", "--output", str(target)])
    assert result.exit_code == 1
    assert str(target) in result.output and "read-only" in result.output
