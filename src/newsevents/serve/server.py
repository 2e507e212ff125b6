"""Running the application with uvicorn: the port check, the serve file, the clean shutdown."""

from __future__ import annotations

import errno
import gc
import ipaddress
import os
import secrets
import socket
from collections.abc import Callable
from pathlib import Path

import uvicorn

from newsevents.store import DatabaseBusyError, Store

from .app import create_app
from .writer import ServeError, ServerInfo, find_server, remove_serve_file, write_serve_file

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
TOKEN_ENV = "NEWSEVENTS_TOKEN"


def read_token(token_file: Path | None) -> str | None:
    """The write token: the first line of ``token_file``, else ``$NEWSEVENTS_TOKEN``, else None."""
    if token_file is not None:
        try:
            lines = token_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ServeError(f"Cannot read the token file {token_file}: {exc}") from exc
        token = lines[0].strip() if lines else ""
        if not token:
            raise ServeError(f"The token file {token_file} is empty: write the token in it.")
        return token
    return os.environ.get(TOKEN_ENV, "").strip() or None


def bind(host: str, port: int) -> socket.socket:
    """A socket listening on ``host``:``port``, or a ``ServeError`` saying why it cannot be."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ServeError(f"Cannot serve on {host}: unknown host ({exc}).") from exc
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(
                f"Port {port} on {host} is taken by another program: pass --port with a free "
                "one (or stop that program)."
            ) from exc
        raise ServeError(f"Cannot serve on {host}:{port}: {exc.strerror or exc}.") from exc
    sock.listen(128)
    return sock


def local_url(host: str, port: int) -> str:
    """The URL a local client reaches the server at."""
    try:
        unspecified = ipaddress.ip_address(host).is_unspecified
    except ValueError:
        unspecified = False
    if unspecified:
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def open_served_store(db: Path | str) -> Store:
    """The store opened read-write for the server, with a clear error when another owns it."""
    try:
        return Store(db)
    except DatabaseBusyError as exc:
        info = find_server(db)
        if info is not None:
            raise ServeError(f"{db} is already served by {info.url} (pid {info.pid}).") from exc
        raise


def freeze_long_lived_objects() -> None:
    """Keep what is loaded by now (modules, the application) out of the collector's full passes.

    It lives as long as the server; the many objects of a large answer (a map of thousands of
    clusters) trigger a full collection every few requests: about 5 ms each instead of 60.
    """
    gc.freeze()


def run_server(
    db: Path | str,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    token: str | None = None,
    say: Callable[[str], None] = print,
) -> None:
    """Serve ``db`` until interrupted: the store is owned by this process meanwhile."""
    sock = bind(host, port)
    try:
        store = open_served_store(db)
    except BaseException:
        sock.close()
        raise
    url = local_url(host, sock.getsockname()[1])
    pid = os.getpid()
    local_token = secrets.token_urlsafe(32)
    try:
        write_serve_file(db, ServerInfo(url, pid, local_token))
        app = create_app(store, token=token, local_token=local_token)
        say(f"newsevents: serving {db} at {url}/ (API: {url}/api, spec: {url}/openapi.json)")
        say("writing with POST /api/articles: " + ("enabled" if token else "disabled (no token)"))
        say("stop with Ctrl+C")
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        freeze_long_lived_objects()
        server.run(sockets=[sock])
    finally:
        remove_serve_file(db, pid)
        store.close()
        sock.close()
