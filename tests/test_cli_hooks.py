"""Optional parts of the command: a missing module or extra is one line and exit 2, never a traceback."""
from __future__ import annotations

import pytest

from summarize.cli_hooks import SUBCOMMANDS, optional_module
from summarize.errors import UsageError
from tests.test_cli import run


def test_a_missing_feature_module_says_it_is_not_in_this_version():
    with pytest.raises(UsageError, match=r"--thing is not available in this version .*summarize\.nothing_here"):
        optional_module("summarize.nothing_here", "--thing", "extra")


def test_a_missing_dependency_names_the_extra(tmp_path, monkeypatch):
    (tmp_path / "needs_dep_xyz.py").write_text("import not_installed_dep_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(UsageError, match=r"pip install 'summarize-id\[fancy\]'") as err:
        optional_module("needs_dep_xyz", "--fancy", "fancy")
    assert "not_installed_dep_xyz" in str(err.value)


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_subcommands_run_or_say_what_is_missing(name):
    res = run(name, "--help")
    err = res.stderr.decode().strip()
    assert res.returncode in (0, 2), err
    if res.returncode == 2:
        assert len(err.splitlines()) == 1 and f"summarize {name}" in err and "Traceback" not in err


def test_ray_runs_or_says_what_is_missing(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Harga beras naik 5 persen. Pedagang mengeluh."}\n', encoding="utf-8")
    res = run("--input-jsonl", str(src), "--ray", "-q")
    err = res.stderr.decode().strip()
    assert res.returncode in (0, 2), err
    if res.returncode == 2:
        assert len(err.splitlines()) == 1 and "--ray" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "args, needle",
    [
        (["X.txt", "--ray"], "--ray goes with --input-jsonl"),
        (["X.txt", "--resume"], "--resume goes with --input-jsonl"),
        (["--input-jsonl", "X.txt", "--html", "r.html"], "for one article"),
        (["X.txt", "--corpus", "c.jsonl", "--archive", "a.db"], "not allowed with"),
    ],
)
def test_hook_options_in_the_wrong_place_are_usage_errors(args, needle):
    res = run(*args)
    assert res.returncode == 2 and needle in res.stderr.decode()
