"""The API key rule for write endpoints.

A key is required on every write whenever one is configured, and ``ServiceConfig`` refuses to
listen beyond loopback without one; so only a loopback service may run without a key.
FastAPI's ``APIKeyHeader`` reads the header and documents it in OpenAPI; the comparison is
constant-time so the key cannot be guessed byte by byte from response times.
"""
from __future__ import annotations

import secrets

from fastapi import HTTPException, Request, Security
from fastapi.security import APIKeyHeader

from summarize.service.config import API_KEY_HEADER

_HEADER = APIKeyHeader(name=API_KEY_HEADER, auto_error=False,
                       description="required on writes when the service listens beyond 127.0.0.1")


def require_api_key(request: Request, given: str | None = Security(_HEADER)) -> None:
    """Dependency of write routes: 401 without the configured key, nothing when none is set."""
    expected: str | None = request.app.state.config.api_key
    if expected is None:
        return
    if given is None:
        raise HTTPException(401, f"this endpoint needs the {API_KEY_HEADER} header")
    if not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, f"wrong {API_KEY_HEADER}")
