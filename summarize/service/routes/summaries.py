"""``POST /v1/summarize``: the record ``summarize --json`` prints, for one article."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from summarize.service.schemas import ErrorResponse, SummarizeRequest, SummaryRecord
from summarize.service.state import Services, get_services

router = APIRouter(prefix="/v1", tags=["summaries"])


@router.post("/summarize", response_model=SummaryRecord, response_model_exclude_unset=True,
             responses={422: {"model": ErrorResponse}, 413: {"model": ErrorResponse}})
def summarize(body: SummarizeRequest, services: Services = Depends(get_services)) -> dict[str, Any]:
    """The article's most representative sentences, in article order, with offsets and scores."""
    return services.summarize(body.text, body.sentences, body.paragraphs, body.length())
