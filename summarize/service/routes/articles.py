"""``/v1/articles``: the archive the claims are checked against. Writes need the API key."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Response

from summarize.service.schemas import ArticleIn, ArticleRecord, ArticleStatus, ErrorResponse
from summarize.service.security import require_api_key
from summarize.service.state import Services, get_services

router = APIRouter(prefix="/v1/articles", tags=["archive"],
                   responses={503: {"model": ErrorResponse}})
_WRITE = [Depends(require_api_key)]
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorResponse} for code in (401, 404)}


@router.post("", response_model=ArticleStatus, dependencies=_WRITE, responses=_ERRORS)
def add_article(body: ArticleIn, response: Response, services: Services = Depends(get_services)) -> dict[str, Any]:
    """Add or replace an article: the same id and text again is ``unchanged`` (nothing is
    re-embedded), the same id with a new text is ``replaced``; new ids answer 201 ``added``."""
    status = services.add(body.id, body.text, body.date, body.source)
    if status == "added":
        response.status_code = 201
    return {"id": body.id, "status": status}


@router.get("/{article_id:path}", response_model=ArticleRecord, response_model_exclude_unset=True, responses=_ERRORS)
def get_article(article_id: str, services: Services = Depends(get_services)) -> dict[str, Any]:
    """The archived article: its id, date, source and the claims read from it."""
    found = services.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in the archive")
    return found


@router.delete("/{article_id:path}", response_model=ArticleStatus, dependencies=_WRITE, responses=_ERRORS)
def delete_article(article_id: str, services: Services = Depends(get_services)) -> dict[str, Any]:
    """Remove an article and its claims from the archive."""
    if not services.remove(article_id):
        raise HTTPException(404, f"no article {article_id!r} in the archive")
    return {"id": article_id, "status": "removed"}
