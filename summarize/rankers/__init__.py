"""Sentence rankers behind one interface; see ``base`` for the registry."""
from summarize.rankers.base import (
    DEFAULT_RANKER,
    Document,
    Ranker,
    available_rankers,
    get_ranker,
    register_ranker,
)

__all__ = ["DEFAULT_RANKER", "Document", "Ranker", "available_rankers", "get_ranker", "register_ranker"]
