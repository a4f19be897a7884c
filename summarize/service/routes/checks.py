"""``POST /v1/check``: every number of an article, checked against the archive."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from summarize.service.schemas import CheckRequest, CheckResponse, ErrorResponse
from summarize.service.state import Services, get_services

router = APIRouter(prefix="/v1", tags=["claims"])


@router.post("/check", response_model=CheckResponse, response_model_exclude_unset=True,
             responses={422: {"model": ErrorResponse}, 503: {"model": ErrorResponse}})
def check(body: CheckRequest, services: Services = Depends(get_services)) -> dict[str, Any]:
    """Claims with their frames, verdicts (consistent / conflict / unverified), the evidence that
    decided each and the candidates ruled out. ``date`` resolves relative times ("tahun lalu")."""
    return {"claims": services.check(body.text, body.date), "articles": services.articles()}
