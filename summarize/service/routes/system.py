"""``GET /health`` (is the process up, are its models loaded) and ``GET /v1/stats``."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from summarize.service.state import Services, get_services

router = APIRouter(tags=["system"])


@router.get("/health")
def health(services: Services = Depends(get_services)) -> dict[str, Any]:
    """Answers without touching the models, so a load balancer's probe never waits on a summary."""
    return {"status": "ok", "archive": services.archive is not None}


@router.get("/v1/stats")
def stats(services: Services = Depends(get_services)) -> dict[str, Any]:
    """The encoder and ranker in use and the archive's figures (articles, claims, ...)."""
    return services.stats()
