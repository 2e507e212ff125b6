"""`newsevents serve`: its options, and the errors it gives before serving anything."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.serve.server import local_url, read_token
from newsevents.serve.writer import ServeError


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_help_names_the_defaults() -> None:
    code, out = run("serve", "--help")
    assert code == 0
    assert "127.0.0.1" in out and "8000" in out and "--token-file" in out


def test_a_taken_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out = run("serve", "--db", str(tmp_path / "x.duckdb"), "--port", str(port))
    assert code == 1
    assert f"Port {port} on 127.0.0.1 is taken" in out
    assert not (tmp_path / "x.duckdb.serve.json").exists()


def test_token_comes_from_the_file_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSEVENTS_TOKEN", "from-env")
    token_file = tmp_path / "token"
    token_file.write_text("from-file\n", encoding="utf-8")
    assert read_token(token_file) == "from-file"
    assert read_token(None) == "from-env"
    monkeypatch.delenv("NEWSEVENTS_TOKEN")
    assert read_token(None) is None
    token_file.write_text("\n", encoding="utf-8")
    with pytest.raises(ServeError, match="empty"):
        read_token(token_file)


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:8000"),
        ("0.0.0.0", "http://127.0.0.1:8000"),
        ("::1", "http://[::1]:8000"),
    ],
)
def test_local_url(host: str, url: str) -> None:
    assert local_url(host, 8000) == url
