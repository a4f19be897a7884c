"""The request body limit, answered in the service's JSON error shape.

Starlette's ``RequestBodyLimitMiddleware`` (what ``FastAPI(max_body_size=...)`` installs) counts
a streamed body and raises a 413 ``HTTPException`` inside the app, which ``errors.py`` turns into
``{"error": ...}``; but a body whose declared ``Content-Length`` is over the limit it answers
itself, outside every exception handler, in plain text. This subclass answers that case first,
in JSON, and leaves the counting to Starlette.
"""
from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware.body_limit import RequestBodyLimitMiddleware
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send


def too_large(limit: int) -> str:
    """The one-line message of every 413."""
    return f"request body too large: the limit is {limit:,} bytes"


class JSONBodyLimit(RequestBodyLimitMiddleware):
    """``RequestBodyLimitMiddleware`` whose declared-oversize answer is a JSON error."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            declared = Headers(scope=scope).get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_body_size:
                # Connection: close, as the unread body must not be taken for the next request.
                headers = {"Connection": "close"}
                await JSONResponse({"error": too_large(self.max_body_size)}, 413, headers)(scope, receive, send)
                return
        await super().__call__(scope, receive, send)
