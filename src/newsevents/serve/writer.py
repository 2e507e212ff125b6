"""One writer per store: the serve file of a running server, and the client that writes to it.

DuckDB lets one process open a database file for writing, and no other process can open it
then, even to read. While ``newsevents serve`` runs, the server owns the store and keeps a file
beside it, ``<db>.serve.json`` (its URL, pid and a write token of its own, readable by its user
only). ``newsevents ingest`` finds that file when the store is busy, analyses the articles in
its own process, and sends the finished analyses to the server, which stores them.

Nothing here imports the web framework: the CLI's ``ingest`` stays light.
"""

from __future__ import annotations

import contextlib
import json
import os
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from newsevents.records import Analysis, Article, to_dict
from newsevents.store import DatabaseBusyError, Store, StoreError
from newsevents.store.writes import AddOutcome

SERVE_SUFFIX = ".serve.json"
TIMEOUT = 300.0
"""Seconds to wait for the server to store a batch (an index rebuild can take a while)."""

Warn = Callable[[str], None]


class ServeError(StoreError):
    """The server cannot start, or cannot be reached to write through it."""


class Writer(Protocol):
    """Where ``ingest`` stores analyses: a ``Store``, or a server that owns one."""

    def find_duplicate(self, article: Article) -> AddOutcome | None:
        """The outcome naming the stored article this one duplicates, or None when new."""
        ...

    def add_many(self, analyses: Iterable[Analysis]) -> list[AddOutcome]:
        """Store a batch; one outcome per analysis, in order."""
        ...


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """What a running server says about itself in its serve file."""

    url: str
    pid: int
    token: str


def serve_file(db: str | Path) -> Path:
    """The serve file of the store ``db``."""
    return Path(f"{db}{SERVE_SUFFIX}")


def write_serve_file(db: str | Path, info: ServerInfo) -> Path:
    """Write the serve file of ``db``, readable and writable by its owner only."""
    path = serve_file(db)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        json.dump({"url": info.url, "pid": info.pid, "token": info.token}, stream)
    return path


def remove_serve_file(db: str | Path, pid: int) -> None:
    """Remove the serve file of ``db`` if it is the one written by process ``pid``."""
    path = serve_file(db)
    info = _read(path)
    if info is not None and info.pid == pid:
        path.unlink(missing_ok=True)


def find_server(db: str | Path, warn: Warn | None = None) -> ServerInfo | None:
    """The server that owns ``db``, or None; a stale serve file (dead pid) is ignored."""
    path = serve_file(db)
    info = _read(path)
    if info is None:
        return None
    if not _alive(info.pid):
        if warn:
            warn(
                f"warning: ignoring {path}: the server that wrote it (pid {info.pid}) is not "
                "running; delete the file"
            )
        return None
    return info


def _read(path: Path) -> ServerInfo | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ServerInfo(str(data["url"]), int(data["pid"]), str(data["token"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True


class RemoteStore:
    """Writes to the store a running server owns, through its API."""

    def __init__(self, info: ServerInfo) -> None:
        self.info = info

    def find_duplicate(self, article: Article) -> AddOutcome | None:
        """Ask the server whether the article is stored already."""
        body = {"articles": [{"id": article.id, "text": article.text}]}
        (found,) = self._post("/api/duplicates", json.dumps(body))["outcomes"]
        return None if found is None else _outcome(found)

    def add_many(self, analyses: Iterable[Analysis]) -> list[AddOutcome]:
        """Send a batch of finished analyses; the server stores them with its duplicate checks."""
        batch = [to_dict(a) for a in analyses]
        if not batch:
            return []
        answer = self._post("/api/analyses", json.dumps(batch, ensure_ascii=False))
        return [_outcome(item) for item in answer["outcomes"]]

    def _post(self, path: str, body: str) -> Any:
        request = urllib.request.Request(
            self.info.url.rstrip("/") + path,
            data=body.encode("utf-8"),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.info.token}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            raise ServeError(
                f"The server at {self.info.url} refused to store the articles "
                f"({exc.code}): {detail}"
            ) from exc
        except (urllib.error.URLError, OSError) as exc:
            raise ServeError(
                f"Cannot reach the server at {self.info.url} that owns the store: {exc}. "
                "Wait for it to start, or stop it and run the command again."
            ) from exc


def _outcome(data: dict[str, Any]) -> AddOutcome:
    return AddOutcome(
        stored=bool(data["stored"]),
        duplicate_of=data.get("duplicate_of"),
        reason=data.get("reason"),
        error=data.get("error"),
    )


@contextlib.contextmanager
def open_writer(db: str | Path, warn: Warn | None = None) -> Iterator[Writer]:
    """The store ``db`` opened for writing, or the server that owns it while it runs."""
    try:
        store = Store(db)
    except DatabaseBusyError:
        info = find_server(db, warn)
        if info is None:
            raise
        if warn:
            warn(f"{db} is served by {info.url} (pid {info.pid}): storing through it")
        yield RemoteStore(info)
        return
    with store:
        yield store
