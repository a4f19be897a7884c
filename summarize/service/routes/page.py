"""``GET /``: a page to paste an article (and its date) into; ``POST /`` answers with the report.

A plain HTML form, so the page works without script; the report is the one ``--html`` writes.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from summarize.errors import InputError, UsageError
from summarize.service.report import render_report
from summarize.service.schemas import CheckRequest
from summarize.service.state import Services, get_services

router = APIRouter(tags=["page"])


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def page() -> HTMLResponse:
    return HTMLResponse(render_report("", None, None, page=True))


@router.post("/", response_class=HTMLResponse, include_in_schema=False)
def report(text: Annotated[str, Form()] = "", date: Annotated[str, Form()] = "",
           services: Services = Depends(get_services)) -> HTMLResponse:
    """The report for the pasted article; a problem with the input is shown above the form (422)."""
    try:
        body = CheckRequest(text=text, date=date or None)
        article, summary, results = services.report(body.text, body.date)
    except ValidationError as exc:
        message = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        return HTMLResponse(render_report(text, None, None, date=date, page=True, error=message), status_code=422)
    except (InputError, UsageError) as exc:
        return HTMLResponse(render_report(text, None, None, date=date, page=True, error=str(exc)), status_code=422)
    return HTMLResponse(render_report(article, summary, results, date=body.date, page=True))
