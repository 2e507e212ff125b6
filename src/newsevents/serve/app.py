"""The web application: the API under ``/api`` and the dashboard at ``/``, over one store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from newsevents import __version__
from newsevents.store import Store

from .api import router

STATIC = Path(__file__).parent / "static"
"""The dashboard's built files (``index.html`` and its assets)."""

BUILD_HINT = (
    "The dashboard is not built: run `make web` (npm installs Leaflet and world-atlas and "
    "copies them into src/newsevents/serve/static/vendor/). "
    "The API works without it: see /openapi.json."
)


def create_app(
    db: str | Path | Store, *, token: str | None = None, local_token: str | None = None
) -> FastAPI:
    """The application serving ``db``: a path (opened read-write here) or an open ``Store``.

    ``token`` enables ``POST /api/articles``; ``local_token`` authorises ``newsevents ingest``
    to send analyses to ``POST /api/analyses`` while this server owns the store.
    """
    store = db if isinstance(db, Store) else Store(db)
    owned = not isinstance(db, Store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            store.close()

    app = FastAPI(
        title="newsevents",
        version=__version__,
        description="Events read from news articles, with the evidence of each field.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.token = token or None
    app.state.local_token = local_token or None
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")

    @app.get("/", include_in_schema=False, response_model=None)
    def dashboard() -> Response:
        index = STATIC / "index.html"
        if not index.is_file():
            return JSONResponse({"detail": BUILD_HINT}, status_code=503)
        return FileResponse(index, media_type="text/html; charset=utf-8")

    return app
