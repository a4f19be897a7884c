"""Cross-validation folds by a hash of the article id: stable across runs, machines and file
orders, so no article is ever both trained on and scored."""
from __future__ import annotations

import hashlib

N_FOLDS = 5


def fold_of(article_id: str, n_folds: int = N_FOLDS) -> int:
    digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % n_folds
