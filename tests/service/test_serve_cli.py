"""``summarize serve`` argument handling (in process; the running server is test_server.py)."""
from __future__ import annotations

import pytest

pytest.importorskip("uvicorn", reason="the service needs the 'serve' extra")

from summarize.service.cli import main  # noqa: E402


def test_help_teaches_the_key_rule(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "--api-key-env" in out and "refuses to listen" in out and "X-API-Key" in out


def test_non_loopback_without_a_key_is_refused(monkeypatch, capsys):
    monkeypatch.delenv("SUMMARIZE_API_KEY", raising=False)
    assert main(["--host", "0.0.0.0"]) == 2
    err = capsys.readouterr().err
    assert "refusing to listen on 0.0.0.0 without an API key" in err and "\n" == err[-1] and err.count("\n") == 1


def test_a_short_key_from_the_environment_is_refused(monkeypatch, capsys):
    monkeypatch.setenv("MY_KEY", "short")
    assert main(["--host", "0.0.0.0", "--api-key-env", "MY_KEY"]) == 2
    assert "too short" in capsys.readouterr().err


def test_a_bad_encoder_fails_before_listening(capsys):
    assert main(["--encoder", "/no/such/model/dir"]) == 4
    assert "summarize serve:" in capsys.readouterr().err
