"""The claim checker against a real archive: IndoSum articles checked against an index of others.

The index holds the first ``n_docs`` articles of the IndoSum file (file order, detokenized running
text); the checked articles are the next ``n_queries``, so none meets itself. IndoSum has no
gold verdicts for these claims, so the run reports verdict counts and lists every ``conflict``
and ``consistent`` with its evidence for a person to read (several outlets report the same
events, so a real archive should agree, and sometimes disagree, on some numbers).
Speed is measured apart, by ``python -m eval.bench_claims``.
"""
from __future__ import annotations

import time
from typing import Any

from tqdm import tqdm

from summarize.claims.checker import ClaimChecker
from summarize.encoders.base import Encoder
from summarize.evaluation.embed_cache import CachedEncoder

VERDICTS = ("consistent", "conflict", "unverified")


def _finding(article_id: str, result: Any) -> dict[str, Any]:
    """One consistent or conflict result, as the report lists it."""
    d = result.to_dict()
    claim, deciding = d["claim"], d.get("deciding") or {}
    return {
        "article": article_id,
        "verdict": d["verdict"],
        "claim": claim["surface"],
        "claim_sentence": claim.get("sentence"),
        "frame": claim.get("frame"),
        "reason": d.get("reason"),
        "evidence_source": deciding.get("source"),
        "evidence_surface": deciding.get("surface"),
        "evidence_sentence": deciding.get("sentence"),
        "similarity": deciding.get("similarity"),
        "matched": deciding.get("matched"),
    }


def archive_run(n_docs: int = 1000, n_queries: int = 100, encoder: str | Encoder = "e5-small") -> dict[str, Any]:
    """Verdict counts and every non-``unverified`` result of ``n_queries`` articles checked
    against an index of ``n_docs`` others."""
    from summarize.evaluation.indosum import load_articles

    articles = load_articles(limit=n_docs + n_queries)
    if len(articles) < n_docs + n_queries:
        raise ValueError(f"the IndoSum file has {len(articles)} articles, fewer than {n_docs} + {n_queries}")
    corpus = [{"id": a.id, "text": a.raw_text} for a in articles[:n_docs]]
    queries = articles[n_docs:]
    start = time.perf_counter()
    checker = ClaimChecker(corpus, encoder=encoder, progress=True)
    build_s = time.perf_counter() - start
    counts = dict.fromkeys(VERDICTS, 0)
    findings: list[dict[str, Any]] = []
    start = time.perf_counter()
    for article in tqdm(queries, desc="checking", unit="art"):
        for result in checker.check(article.raw_text):
            counts[result.verdict] += 1
            if result.verdict != "unverified":
                findings.append(_finding(article.id, result))
    check_s = time.perf_counter() - start
    if isinstance(checker.encoder, CachedEncoder):
        checker.encoder.save()
    findings.sort(key=lambda f: (f["verdict"] != "conflict", f["article"], f["claim"]))
    return {
        "index_docs": n_docs,
        "skipped_docs": len(checker.skipped),
        "queries": len(queries),
        "query_ids": f"IndoSum file articles {n_docs + 1}-{n_docs + len(queries)}",
        "claims_checked": sum(counts.values()),
        "verdicts": counts,
        "findings": findings,
        # wall time on a shared machine, embeddings cached between runs: not a speed figure
        "build_s": round(build_s, 1),
        "check_s": round(check_s, 1),
    }
