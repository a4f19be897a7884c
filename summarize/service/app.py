"""The FastAPI application: routers per resource, shared state loaded once in the lifespan."""
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import AsyncIterator

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from summarize import __version__
from summarize.service.config import ServiceConfig
from summarize.service.errors import install_handlers
from summarize.service.limits import JSONBodyLimit
from summarize.service.routes import articles, checks, page, summaries, system
from summarize.service.state import Services, load_services


def create_app(config: ServiceConfig | None = None, services: Services | None = None) -> FastAPI:
    """The app for ``config``. Models load when the app starts (not at import, not per request);
    tests pass ready ``services`` instead, e.g. with a small encoder."""
    config = config or ServiceConfig()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.services = services if services is not None else load_services(config)
        yield
        if services is None:  # loaded here, so closed here; a caller closes what it passed in
            app.state.services.close()

    # FastAPIOffline: FastAPI whose /docs and /redoc serve Swagger UI and ReDoc from the package
    # instead of a CDN, so the API documentation works on an offline newsroom machine too.
    app = FastAPIOffline(
        title="summarize-id",
        version=__version__,
        description="Extractive summaries and numeric claim checks for Indonesian news. Write "
        "endpoints need the X-API-Key header whenever the service listens beyond 127.0.0.1.",
        lifespan=lifespan,
    )
    app.state.config = config
    install_handlers(app)
    # Bodies over the limit: 413 before they are read whole (not FastAPI's max_body_size, which
    # answers a declared oversize body in plain text: see limits.py).
    app.add_middleware(JSONBodyLimit, max_body_size=config.max_body)
    for module in (summaries, checks, articles, system, page):
        app.include_router(module.router)
    return app
