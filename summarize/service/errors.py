"""Every error answer is ``{"error": "<one line>"}`` with a 4xx/5xx status, never a traceback.

FastAPI's defaults answer validation errors with a list that echoes the input back (a 2 MB
article in an error body) and unexpected errors with plain text; these handlers keep one shape,
name the field at fault, and keep tracebacks in the server log.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from summarize.errors import InputError, SummarizeError, UsageError
from summarize.service.limits import too_large
from summarize.service.state import NoArchive

log = logging.getLogger("summarize.service")


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def validation_message(exc: RequestValidationError) -> tuple[int, str]:
    """(status, one line): 400 for a body that is not JSON at all, 422 for the wrong fields."""
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        ctx = next(e.get("ctx") or {} for e in errors if e.get("type") == "json_invalid")
        return 400, f"bad JSON: {ctx.get('error', 'cannot be parsed')}"
    parts = []
    for e in errors:
        where = ".".join(str(p) for p in e.get("loc", ()) if p != "body")
        msg = str(e.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{where}: {msg}" if where else msg)
    return 422, "; ".join(parts)


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(*validation_message(exc))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        # 413 comes from Starlette's body limit (limits.py) with a bare "Content Too Large".
        message = too_large(request.app.state.config.max_body) if exc.status_code == 413 else str(exc.detail)
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(InputError)
    @app.exception_handler(UsageError)  # e.g. an HTML page while the 'html' extra is not installed
    async def _input(request: Request, exc: SummarizeError) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(ValueError)
    async def _value(request: Request, exc: ValueError) -> JSONResponse:
        # The library rejects impossible options with ValueError (adaptive without a learned length).
        return _error(422, str(exc))

    @app.exception_handler(NoArchive)
    async def _no_archive(request: Request, exc: NoArchive) -> JSONResponse:
        return _error(503, str(exc))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return _error(500, "internal error (logged on the server)")
